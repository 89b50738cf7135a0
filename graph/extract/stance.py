"""Interactions that a claim implies: a speaker who says something hostile about an actor acts
toward that actor — PLOVER's verbal DISAPPROVE (see ``IMPLIED_STANCES`` for why friendly claims
imply nothing).

"Russia's foreign ministry said Washington's move contradicts international law" is a claim
by Russia about the United States with stance -1, and so also an interaction Russia -> United
States, DISAPPROVE, polarity -1. The speech act itself is asserted (the text states that the
speaker said it), whatever the modality of what was said: "X warned that Y could ..." is an
asserted warning, while "X did not accuse Y" or "X could warn ..." keep the speech act's own
modality (measured on the shared gold, taking the content's modality disagreed with the
annotators more often than not). Only actors that the claim's content names are targets, never a
co-speaker ("Egypt and Jordan criticised ..."). No interaction is added where the
extractor already found one from the speaker in the same sentence, or already read the speech
verb itself (it knows that verb's subject and object better than the claim does), nor for the
document's author (whose recommendations stay claims), nor toward the speaker's own side or
another speaker of the same sentence, nor when the speech cue is itself friendly ("hailed").
"""

from __future__ import annotations

from functools import lru_cache

from graph.model import Document, Interaction

_TYPE = {-1: "DISAPPROVE", 1: "SUPPORT"}
# Only hostile claims imply an interaction. A friendly stance is far more often about a situation
# than toward the actor named ("X told the assembly it would seek breakthroughs on Y"): on the
# shared gold, implied SUPPORT rows were wrong more often than right.
IMPLIED_STANCES = {-1}
# Somewhat below the direct patterns: the target and the sign come from the claim's heuristics.
CONFIDENCE = 0.5


def interactions_from_claims(doc: Document) -> Document:
    """Add to ``doc.interactions`` the verbal interactions implied by ``doc.claims``."""
    present = {(i.sentence, i.source, i.target) for i in doc.interactions}
    acting = {(i.sentence, i.source) for i in doc.interactions}
    # a speech verb the extractor already read ("A and B condemned C") has its arguments
    triggers = {(i.sentence, i.trigger.lower()) for i in doc.interactions}
    mentions: dict[int, list] = {}
    for m in doc.mentions:
        mentions.setdefault(m.sentence, []).append(m)
    speakers: dict[tuple, set] = {}
    in_sentence: dict[int, set] = {}
    for claim in doc.claims:
        speakers.setdefault((claim.sentence, claim.cue), set()).add(claim.claimant)
        in_sentence.setdefault(claim.sentence, set()).add(claim.claimant)
    added = []
    for claim in doc.claims:
        if claim.stance not in IMPLIED_STANCES or claim.claimant == "AUTHOR" or (claim.sentence, claim.claimant) in acting \
                or (claim.sentence, claim.cue.lower()) in triggers:
            continue          # the extractor already says what the speaker did in this sentence
        if _friendly_cue(claim.cue):
            continue          # "X hailed / welcomed ...": the speech act itself is no hostility
        if _recommended_settlement(doc, claim):
            continue          # "X said Y and Z should settle their dispute": no hostility of X
        own_side = speaker_side(doc, claim.claimant)
        modality = _speech_act_modality(doc, claim)
        # every speaker of the sentence is a co-speaker ("A and B criticised the plan, with B's
        # minister warning ...", "A stressed ..., while B condemned ..."), not a target
        co_speakers = speakers[(claim.sentence, claim.cue)] | in_sentence[claim.sentence]
        targets = _targets(claim, mentions.get(claim.sentence, []), doc.text)
        if not [t for t in targets if t not in co_speakers and _side(doc, t) != own_side]:
            targets = _attacker_of_the_attack(doc, claim)
        for target in targets:
            if target in co_speakers or _side(doc, target) == own_side:
                continue
            key = (claim.sentence, claim.claimant, target)
            if key in present:
                continue
            present.add(key)
            added.append(Interaction(
                source=claim.claimant, target=target, event_type=_TYPE[1 if claim.stance > 0 else -1],
                polarity=1 if claim.stance > 0 else -1, modality=modality, sentence=claim.sentence,
                start=claim.start, end=claim.end, trigger=claim.cue or claim.label[:60],
                confidence=CONFIDENCE))
    doc.interactions = sorted(doc.interactions + added,
                              key=lambda i: (i.sentence, i.start, i.source, i.target, i.event_type))
    return doc


_SPEECH_ACT_MODALITIES = {"Negated", "Hypothetical", "Recommended"}


class _Words:
    """The lower-case tokens of a sentence, as :func:`modality_for` reads them."""

    def __init__(self, words: list[str]):
        self.lower = words


def _speech_act_modality(doc: Document, claim) -> str:
    """Asserted, unless the speech act itself is negated or irrealis ("X did not accuse Y",
    "X could warn that ..."): cues inside the reported content never reach it, because only
    the cues before the speech verb are read."""
    from graph.extract.lexicon import load_lexicon
    from graph.extract.modality import modality_for
    from graph.tokens import tokenize

    if not claim.cue or claim.sentence >= len(doc.sentences):
        return "Asserted"
    sentence = doc.sentences[claim.sentence]
    tokens = tokenize(sentence.text, sentence.start)
    words = [t.text.lower().replace("’", "'") for t in tokens]
    cue = claim.cue.lower().split()
    at = next((k for k in range(len(words) - len(cue) + 1) if words[k:k + len(cue)] == cue), None)
    if at is None:
        return "Asserted"
    modality, _ = modality_for(_Words(words), at, at + len(cue) - 1, load_lexicon())
    return modality if modality in _SPEECH_ACT_MODALITIES else "Asserted"


_ATTACKS = {"ATTACK", "ASSAULT"}


@lru_cache(maxsize=1)
def _attack_nouns() -> frozenset[str]:
    """The lexicon's nouns of attacks ("attack", "strike", ...), read once."""
    from graph.extract.lexicon import load_lexicon

    return frozenset(w for (w, kind), e in load_lexicon().entries.items()
                     if kind == "noun" and e.event_type in _ATTACKS)


def _attacker_of_the_attack(doc: Document, claim) -> list[str]:
    """"X said its embassy was damaged during the attack": a hostile claim that names no one
    else but refers to "the attack" (a definite attack noun) is about the attack's author, the
    source of the last asserted attack in this sentence or the ``EVENT_LOOKBACK`` before it."""
    words = doc.sentences[claim.sentence].text.lower().replace("’", "'").split() \
        if claim.sentence < len(doc.sentences) else []
    nouns = _attack_nouns()
    if not any(a in ("the", "this", "that") and b.strip(".,;") in nouns for a, b in zip(words, words[1:])):
        return []
    from graph.extract.claims import EVENT_LOOKBACK

    attacks = [i for i in doc.interactions
               if claim.sentence - EVENT_LOOKBACK <= i.sentence <= claim.sentence
               and i.event_type in _ATTACKS and i.modality == "Asserted"]
    return [attacks[-1].source] if attacks else []


def _friendly_cue(cue: str) -> bool:
    """A speech cue that is itself a friendly act in the lexicon ("praised", "hailed")."""
    from graph.extract.lexicon import load_lexicon

    entry = load_lexicon().entry(cue.lower().split()[0], "verb") if cue.strip() else None
    return entry is not None and entry.polarity > 0


def _targets(claim, mentions, text: str = "") -> list[str]:
    """The actors a claim is about that its content names: "Egypt, which signed a treaty with
    Israel, criticised the US move" is about the United States, not Israel. Actors the sentence
    does not name (taken from the context) stay. An actor named only as a diplomat's posting
    ("the home of its envoy to Armenia was hit") or as a venue ("the court at The Hague") is no
    target."""
    named = {m.actor for m in mentions}
    inside = {m.actor for m in mentions if claim.start <= m.start < claim.end}
    posted = {m.actor for m in mentions if _posting(text, m.start) or _venue(text, m)} - \
        {m.actor for m in mentions if not (_posting(text, m.start) or _venue(text, m))}
    if not inside:
        return [a for a in claim.about if a not in posted]
    return [a for a in claim.about if (a in inside or a not in named) and a not in posted]


_VENUE_PREPOSITIONS = ("in", "at")


def _venue(text: str, m) -> bool:
    """A capital after "in" or "at" ("the court at The Hague", "talks in Ankara") is where
    something happens, not a government the speaker turns against."""
    if m.via != "capital":
        return False
    words = text[max(0, m.start - 12):m.start].lower().split()
    return bool(words) and words[-1] in _VENUE_PREPOSITIONS


def _posting(text: str, start: int) -> bool:
    """Whether the mention at ``start`` follows "ambassador to (the)", "envoy to", ..."""
    from graph.extract.lexicon import load_lexicon

    words = text[max(0, start - 40):start].lower().replace("’", "'").split()
    if words and words[-1] in ("the", "a", "an"):
        words = words[:-1]
    return len(words) >= 2 and words[-1] == "to" and words[-2] in load_lexicon().posting_titles


def _side(doc: Document, key: str) -> str:
    """The state or IGO an actor acts for (itself when it acts for nobody)."""
    seen = set()
    while key in doc.actors and doc.actors[key].affiliation and key not in seen:
        seen.add(key)
        key = doc.actors[key].affiliation
    return key


def speaker_side(doc: Document, speaker: str) -> str:
    """The side a speaker speaks for: :func:`_side`, and for a person the knowledge base
    affiliates with nobody, the nationality adjective of the title right before the name
    ("the Chilean negotiator Ana Ruiz" speaks for Chile)."""
    side = _side(doc, speaker)
    if side != speaker or not speaker.startswith("person/"):
        return side
    adjectives = [x for x in doc.mentions if x.via == "adjective"]
    for m in sorted((m for m in doc.mentions if m.actor == speaker), key=lambda m: m.start):
        title = [x for x in adjectives if x.sentence == m.sentence and 0 < m.start - x.end <= 30
                 and "," not in doc.text[x.end:m.start]]
        if title:
            return max(title, key=lambda x: x.end).actor
        office = _office_before(doc, m)
        if office is not None:
            return _side(doc, office)
    return side


def _office_before(doc: Document, m) -> str | None:
    """"the bureau spokesman Jane Doe": the organisation named earlier whose name has the role
    word ("bureau", "ministry" ...) of the title right before the person."""
    from graph.extract.claims import load_claim_lexicon

    words = doc.text[max(0, m.start - 30):m.start].lower().replace(",", " , ").split()
    roles = [w for w in words[words.index(",") + 1:] if "," in words] if "," in words else words
    roles = [w for w in roles if w in load_claim_lexicon().role_nouns]
    if not roles:
        return None
    for x in sorted((x for x in doc.mentions if x.start < m.start), key=lambda x: x.start, reverse=True):
        actor = doc.actors.get(x.actor)
        if actor is not None and actor.type == "Organization" and roles[-1] in actor.label.lower():
            return x.actor
    return None


def _recommended_settlement(doc: Document, claim) -> bool:
    """A recommendation whose hostility is a relation between two others ("Officials said Chile
    and Peru should resolve their border dispute"): the speaker wants it settled, it is no
    hostility of the speaker toward either."""
    if claim.modality != "Recommended":
        return False
    own = speaker_side(doc, claim.claimant)
    return any(i.sentence == claim.sentence and i.polarity < 0 and i.source in claim.about
               and i.target in claim.about and own not in (i.source, i.target)
               and i.source != claim.claimant and i.target != claim.claimant
               for i in doc.interactions)
