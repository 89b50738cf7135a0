"""The event lexicon (``lexicon/events.yaml``) and modality cues (``lexicon/modality.yaml``).

Verb lemmas are inflected here (regular English morphology; irregular forms come from the
file), every entry is indexed by lower-case token sequence, and each event type's polarity is
read from the SKOS scheme (``event-types.ttl``), so the lexicon never contradicts the scheme.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from graph.actors.gazetteer import Gazetteer
from graph.resources import lexicon_path, load_yaml, ontology_dir

_VOWELS = set("aeiou")


def inflect(lemma: str) -> list[str]:
    """Regular inflections of an English verb.

    >>> inflect("accuse")
    ['accuse', 'accuses', 'accused', 'accusing']
    >>> inflect("agree")
    ['agree', 'agrees', 'agreed', 'agreeing']
    >>> inflect("worry")
    ['worry', 'worries', 'worried', 'worrying']
    >>> inflect("pressure")
    ['pressure', 'pressures', 'pressured', 'pressuring']
    >>> inflect("snub")
    ['snub', 'snubs', 'snubbed', 'snubbing']
    """
    if lemma.endswith(("ee", "ye", "oe")):          # agree, agreed, agreeing
        return [lemma, lemma + "s", lemma + "d", lemma + "ing"]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    if _short_closed(lemma):                          # snub, snubbed, snubbing
        return [lemma, lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def _short_closed(lemma: str) -> bool:
    """A one-syllable verb ending in consonant-vowel-consonant doubles its last letter
    (ship, shipped; snub, snubbing); longer verbs depend on stress and list their forms."""
    vowels = [i for i, c in enumerate(lemma) if c in _VOWELS]
    return (len(vowels) == 1 and 0 < vowels[0] == len(lemma) - 2
            and lemma[-1] not in _VOWELS and lemma[-1] not in "wxy")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: how a trigger word maps onto the scheme and finds its arguments."""

    word: str
    kind: str                      # verb | noun | relation | phrase
    event_type: str
    polarity: int
    preps: tuple[str, ...] = ()
    form: str = ""                 # verb form: base | s | ed | ing
    options: frozenset = frozenset()
    needs: tuple[str, ...] = ()
    pattern: tuple[str, ...] = ()  # phrases only
    object_words: frozenset = frozenset()  # verbs that need one of these words in their object
    senses: tuple = ()             # (object nouns, Entry): "traded strikes" reads as FIGHT


@dataclass
class Lexicon:
    triggers: Gazetteer = field(default_factory=Gazetteer)
    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    phrases: list[Entry] = field(default_factory=list)
    polarity: dict[str, int] = field(default_factory=dict)
    negative_mods: frozenset = frozenset()
    positive_mods: frozenset = frozenset()
    damaging_verbs: frozenset = frozenset()
    improving_verbs: frozenset = frozenset()
    worsening_verbs: frozenset = frozenset()
    reversal_verbs: frozenset = frozenset()
    modality: dict = field(default_factory=dict)
    speech_verbs: frozenset = frozenset()
    allegation_verbs: frozenset = frozenset()
    trigger_words: frozenset = frozenset()   # every one-word verb or noun trigger
    receiving_verbs: frozenset = frozenset()  # "faced criticism": the subject is the target
    answering_verbs: frozenset = frozenset()  # "denied Y's accusations": Y accused the subject
    answered_types: frozenset = frozenset()   # the event types of the nouns they answer
    request_verbs: frozenset = frozenset()    # "asked Y to ...": Y is only asked to act
    resolution_verbs: frozenset = frozenset()  # "settle their dispute": the dispute exists
    posting_titles: frozenset = frozenset()   # "envoy to X": X is a posting, not a counterpart
    participation: dict = field(default_factory=dict)  # "Chilean troops joined the drills"
    evaluation: dict = field(default_factory=dict)     # "regarded the visit as a provocation"
    deal_nouns: frozenset = frozenset()       # "objected to the deal": the last deal's parties
    joint_verbs: frozenset = frozenset()      # "X and Y held drills": the drills are joint
    speaker_nouns: frozenset = frozenset()    # "X's pledge that it will ...": it = X
    sponsor_participles: frozenset = frozenset()  # "the Iran-backed militia": Iran only backs it
    context: dict = field(default_factory=dict)    # the other party from earlier sentences

    def entry(self, surface: str, kind: str) -> Entry | None:
        return self.entries.get((surface, kind))


def _scheme_polarity() -> dict[str, int]:
    """Polarity of every concept of the event-type scheme, read from event-types.ttl."""
    import pyoxigraph as ox

    path = ontology_dir() / "event-types.ttl"
    pol = {}
    kgo = "https://w3id.org/kg-explorer/ontology#"
    with open(path, "rb") as fh:
        for quad in ox.parse(fh, format=ox.RdfFormat.TURTLE):
            if quad.predicate.value == kgo + "polarity" and quad.subject.value.startswith(kgo):
                pol[quad.subject.value[len(kgo):]] = int(quad.object.value)
    return pol


def _preps(spec: dict) -> tuple[str, ...]:
    """Prepositions of an entry; YAML 1.1 reads a bare ``on`` as True, so map it back."""
    return tuple(("on" if p else "off") if isinstance(p, bool) else str(p) for p in spec.get("preps", ()))


def _options(spec: dict) -> frozenset:
    return frozenset(k for k, v in spec.items() if v is True)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = load_yaml(lexicon_path("events.yaml"))
    lex = Lexicon(polarity=_scheme_polarity())

    def polarity_of(event_type: str, where: str) -> int:
        if event_type not in lex.polarity:
            raise ValueError(f"lexicon/events.yaml: {where}: {event_type} is not in event-types.ttl")
        return lex.polarity[event_type]

    for lemma, spec in data["verbs"].items():
        forms = spec.get("forms") or inflect(lemma)
        tags = ["base", "s", "ed", "ing"] if not spec.get("forms") else [
            _form_tag(lemma, f) for f in forms]
        for form, tag in zip(forms, tags):
            entry = Entry(form, "verb", spec["type"], polarity_of(spec["type"], lemma),
                          _preps(spec), tag, _options(spec), tuple(spec.get("needs", ())),
                          object_words=frozenset(spec.get("object_words", ())))
            _add(lex, entry)
    _add_object_senses(lex, data, polarity_of)
    for noun, spec in data["nouns"].items():
        entry = Entry(noun, "noun", spec["type"], polarity_of(spec["type"], noun),
                      _preps(spec), "", _options(spec), tuple(spec.get("needs", ())))
        _add(lex, entry)
    for noun, spec in data["relations"].items():
        entry = Entry(noun, "relation", spec["type"], polarity_of(spec["type"], noun), (), "",
                      _options(spec))
        _add(lex, entry)
    for spec in data["phrases"]:
        words = tuple(w.lower() for w in spec["pattern"].replace("’", "'").split())
        lex.phrases.append(Entry(spec["pattern"], "phrase", spec["type"],
                                 polarity_of(spec["type"], spec["pattern"]), (), "",
                                 _options(spec), pattern=words))
    signs = data.get("relation_sign", {})
    lex.negative_mods = frozenset(signs.get("negative", []))
    lex.positive_mods = frozenset(signs.get("positive", []))
    lex.damaging_verbs = frozenset(signs.get("damaging_verbs", []))
    lex.improving_verbs = frozenset(signs.get("improving_verbs", []))
    lex.worsening_verbs = frozenset(signs.get("worsening_verbs", []))
    lex.reversal_verbs = frozenset(data.get("reversal_verbs", []))
    lex.receiving_verbs = frozenset(data.get("receiving_verbs", []))
    lex.answering_verbs = frozenset(data.get("answering_verbs", []))
    lex.answered_types = frozenset(data.get("answered_types", []))
    lex.request_verbs = frozenset(data.get("request_verbs", []))
    lex.resolution_verbs = frozenset(data.get("resolution_verbs", []))
    lex.posting_titles = frozenset(data.get("posting_titles", []))
    lex.deal_nouns = frozenset(data.get("deal_nouns", []))
    lex.joint_verbs = frozenset(data.get("joint_verbs", []))
    lex.speaker_nouns = frozenset(data.get("speaker_nouns", []))
    lex.sponsor_participles = frozenset(data.get("sponsor_participles", []))
    ev = data.get("evaluation") or {}
    if ev:
        lex.evaluation = {"verbs": frozenset(ev.get("verbs", [])),
                          "negative": frozenset(ev.get("negative", [])),
                          "naming": frozenset(ev.get("naming_verbs", [])),
                          "positions": frozenset(ev.get("position_nouns", []))}
    part = data.get("participation") or {}
    if part:
        lex.participation = {"verbs": _cue_gazetteer(part.get("verbs", [])),
                             "forces": frozenset(part.get("forces", [])),
                             "exercises": frozenset(part.get("exercises", []))}
    ctx = data.get("context") or {}
    if ctx:
        lex.context = {"lookback": int(ctx.get("lookback", 12)),
                       "hostile": frozenset(ctx.get("hostile_types", [])),
                       "interceptions": _cue_gazetteer(ctx.get("interception_verbs", [])),
                       "weapons": frozenset(w.lower() for w in ctx.get("weapons", [])),
                       "fillers": frozenset(w.lower() for w in ctx.get("fillers", []))}
    mod = load_yaml(lexicon_path("modality.yaml"))
    lex.modality = {name: _cue_gazetteer(mod.get(name, []))
                    for name in ("negated", "hypothetical", "recommended", "reported")}
    lex.modality["window"] = int(mod.get("window", 8))
    lex.modality["backshift"] = frozenset(mod.get("backshift_verbs", []))
    lex.modality["phrase_bound"] = frozenset(mod.get("phrase_bound", []))
    lex.modality["before_gerund"] = frozenset(mod.get("hypothetical_before_gerund", []))
    lex.speech_verbs = frozenset(mod.get("speech_verbs", []))
    lex.allegation_verbs = frozenset(mod.get("allegation_verbs", []))
    lex.trigger_words = frozenset(w for w, _ in lex.entries if " " not in w)
    return lex


def _add_object_senses(lex: Lexicon, data: dict, polarity_of) -> None:
    """Give the verbs of ``object_senses`` their object-dependent senses ("traded fire": FIGHT).

    A sense is a copy of the verb form's entry with the class's type (and ``symmetric`` when
    the class says so); a lemma with no entry of its own triggers only with such an object."""
    classes = data.get("object_classes") or {}
    for lemma, spec in (data.get("object_senses") or {}).items():
        names = spec["senses"] if isinstance(spec, dict) else spec
        forms = spec.get("forms") if isinstance(spec, dict) else None
        tags = [_form_tag(lemma, f) for f in forms] if forms else ["base", "s", "ed", "ing"]
        for form, tag in zip(forms or inflect(lemma), tags):
            base = lex.entries.get((form, "verb"))
            if base is None:
                base = Entry(form, "verb", classes[names[0]]["type"],
                             polarity_of(classes[names[0]]["type"], lemma), ("with",), tag,
                             frozenset({"senses_only"}))
            senses = []
            for name in names:
                cls = classes[name]
                options = (base.options - {"senses_only"}) | (
                    {"symmetric", "symmetric_with"} if cls.get("symmetric") else set())
                senses.append((frozenset(w.lower() for w in cls["words"]),
                               replace(base, event_type=cls["type"],
                                       polarity=polarity_of(cls["type"], name),
                                       preps=_preps(cls) or base.preps,
                                       options=frozenset(options), senses=())))
            entry = replace(base, senses=tuple(senses))
            lex.entries[(form, "verb")] = entry
            lex.triggers.add(form, (form, "verb"))


def _form_tag(lemma: str, form: str) -> str:
    if form.endswith("ing"):
        return "ing"
    if form == lemma:
        return "base"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "ed"


def _add(lex: Lexicon, entry: Entry) -> None:
    key = (entry.word, entry.kind)
    if key in lex.entries:
        return
    lex.entries[key] = entry
    lex.triggers.add(entry.word, (entry.word, entry.kind))


def _cue_gazetteer(cues: list[str]) -> Gazetteer:
    g = Gazetteer()
    for cue in cues:
        g.add(cue.lower(), (cue.lower(), "cue"))
    return g

