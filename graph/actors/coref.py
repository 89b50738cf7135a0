"""Pronouns and definite descriptions that stand for an actor named just before.

A deliberately small, predictable resolver, in the spirit of the rest of the linker:

* ``it``/``its`` (and "the country", "the regime", "the government", "the state") take the
  subject — the first state, organisation or group named — of the same sentence before them,
  else of the previous sentence;
* ``he``/``his``/``she``/``her``/``him`` take the person named last in the previous two
  sentences (or earlier in the same sentence);
* "the two countries", "both countries", "both sides", "the two sides", a subject ``Both``
  and ``the two`` take the last two different states named in the previous sentence or the
  same one;
* "the kingdom", "the Islamic Republic" (``lexicon/references.yaml``) take the last state named
  in the ``STATE_FORM_LOOKBACK`` sentences before whose names hold those words;
* "the ministry", "the bureau", "the agency", "the department", "the alliance", "the bloc",
  "the organization" take the last organisation of the document whose name has that word.
* an act noun of ``lexicon/events.yaml`` (``act_nouns``) owned by an actor ("the US decision",
  "Peru's move") is remembered; a later definite one with no actor ("the decision") and an
  object ``it`` ("condemned it", "called it a mistake", "pledged to oppose it") take that actor,
  within ``ACT_LOOKBACK`` sentences; "the X announcement that it ..." is X. An object ``it``
  with no such act before is left alone: the subject of its own clause is never its antecedent.

Each resolved reference becomes a :class:`~graph.model.Mention` with ``via`` ``pronoun`` or
``description``; a reference with no antecedent of the right kind is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.model import Document, Mention
from graph.tokens import tokenize, word_runs

# Each pattern is made from its words, so that a sentence holding none of them (as a whole
# word: graph.tokens.word_runs) is not scanned for it at all.
_IT_NOUNS = ("country", "regime", "government", "state", "nation", "republic")
_IT = re.compile(r"\b(?:[Ii]ts?|[Tt]he (?:" + "|".join(_IT_NOUNS) + r"))\b")
_IT_WORDS = frozenset(("It", "it", "Its", "its") + _IT_NOUNS)
_PERSON_WORDS = frozenset(("He", "he", "His", "his", "Him", "him", "She", "she", "Her", "her"))
_PERSON = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b")
_PAIR = re.compile(r"\b(?:[Tt]he two (?:countries|states|nations|sides|neighbou?rs|governments|capitals|rivals)"
                   r"|[Bb]oth (?:countries|states|nations|sides|governments|capitals)"
                   r"|^Both\b|[Tt]he two\b(?! of))")
_PAIR_WORDS = frozenset(("two", "both", "Both"))
_ORG_NOUNS = ("ministry", "bureau", "agency", "department", "alliance", "bloc", "organi[sz]ation",
              "union", "command", "council", "court", "commission", "service", "guard", "corps",
              "army", "navy")
_ORG_DESC = re.compile(r"\b[Tt]he (" + "|".join(_ORG_NOUNS) + r")\b")
_ORG_WORDS = frozenset(w.replace("[sz]", "s") for w in _ORG_NOUNS) | frozenset(
    w.replace("[sz]", "z") for w in _ORG_NOUNS)
# "it" as a dummy subject: "it is", "it was", "it remains", "it will be essential"
_DUMMY_IT = re.compile(r"^\s*(?:is|was|'s|’s|would|will|remains|seems|appears|may|might|could|"
                       r"has been|had been|takes|took|makes|made)\b")
# "it has been trying to ...": a progressive, so "it" does something and refers
_PROGRESSIVE = re.compile(r"^\s*(?:has|had) been \w+ing\b")
_STATE_TYPES = ("Country", "Organization", "Group")
#: How many sentences back "the kingdom" looks for the state it names.
STATE_FORM_LOOKBACK = 10
#: How many sentences back "the decision" or an object "it" may refer to an actor's act.
ACT_LOOKBACK = 3
_WORD = re.compile(r"[\w’']+|[^\w\s]")


def resolve_references(doc: Document, linker) -> None:
    """Add pronoun and description mentions to ``doc.mentions`` (in place)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    added: list[Mention] = []
    # the character offsets inside the spans already taken: a new span overlaps one when its
    # first or its last character is among them (one look-up instead of a pass over every span)
    taken = {k for m in doc.mentions for k in range(m.start, m.end)}

    def overlaps(start: int, end: int) -> bool:
        return start in taken or end - 1 in taken

    kinds: dict[str, str | None] = {}     # actor key -> type (doc.actors does not change here)

    def kind(m: Mention) -> str | None:
        key = m.actor
        if key in kinds:
            return kinds[key]
        actor = linker.actor(key, doc)
        if actor is None and key.startswith("person/"):
            found = "Person"           # met in this document, not yet in doc.actors
        else:
            found = actor.type if actor is not None else None
        kinds[key] = found
        return found

    runs_of = [word_runs(tokenize(s.text, s.start)) for s in doc.sentences]
    acts = _act_references(doc, by_sentence, kind, runs_of)
    for sentence, runs in zip(doc.sentences, runs_of):
        here = sorted(by_sentence.get(sentence.index, []), key=lambda m: m.start)
        before = by_sentence.get(sentence.index - 1, [])
        earlier = by_sentence.get(sentence.index - 2, [])

        def add(start: int, end: int, key: str, via: str):
            if overlaps(start, end):
                return
            added.append(Mention(start, end, doc.text[start:end], key, sentence.index, via))

        for match in _PAIR.finditer(sentence.text) if not _PAIR_WORDS.isdisjoint(runs) else ():
            start, end = sentence.start + match.start(), sentence.start + match.end()
            pool = [m for m in here if m.end <= start] or before
            states = _distinct([m.actor for m in pool if kind(m) == "Country" and not _located(doc, m)])
            if len(states) >= 2:
                for key in states[-2:]:
                    added.append(Mention(start, end, doc.text[start:end], key, sentence.index, "pronoun"))
                taken.update(range(start, end))
        for match in _IT.finditer(sentence.text) if not _IT_WORDS.isdisjoint(runs) else ():
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if (start, end) in acts:
                if acts[(start, end)]:
                    add(start, end, acts[(start, end)], "pronoun")
                continue
            if match.group().lower() == "it" and _DUMMY_IT.match(sentence.text[match.end():]) \
                    and not _PROGRESSIVE.match(sentence.text[match.end():]):
                continue
            same = [] if _after_fronted_modifier(sentence.text, match.start()) else \
                [m for m in here if m.end <= start and kind(m) in _STATE_TYPES]
            # "the nation will trade with the United States": a subject is not an actor named
            # again in its own clause
            later: set[str] = set()
            if _clause_subject(sentence.text, match.start(), match.end()):
                stop = sentence.start + _clause_end(sentence.text, match.end())
                later = {m.actor for m in here if end <= m.start < stop}
            pool = [m for m in same if m.actor not in later][:1] or \
                [m for m in before if kind(m) in _STATE_TYPES and m.actor not in later][:1]
            if not match.group().lower().startswith("it"):
                # "the Syrian regime ... The regime": the actor last named with the same noun
                named = _named_with(doc, here + before + earlier, match.group().split()[-1], start)
                if named is not None and kind(named) in _STATE_TYPES and named.actor not in later:
                    pool = [named]
            if pool:
                count = len(added)
                add(start, end, pool[0].actor, "pronoun" if match.group().lower().startswith("it")
                    else "description")
                if len(added) > count:     # "The regime must answer for its choices": its = it
                    here = sorted(here + added[count:], key=lambda m: m.start)
        for match in _PERSON.finditer(sentence.text) if not _PERSON_WORDS.isdisjoint(runs) else ():
            start, end = sentence.start + match.start(), sentence.start + match.end()
            same = [m for m in here if m.end <= start and kind(m) == "Person"]
            pool = same or [m for m in before if kind(m) == "Person"] or \
                [m for m in earlier if kind(m) == "Person"]
            people = _distinct([m.actor for m in pool])
            if len(people) == 1 or (same and people):
                add(start, end, people[-1], "pronoun")
        for match in _state_forms().finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            key = _state_named_with(doc, linker, match.group(1).lower(), start)
            if key is not None:
                add(start, end, key, "description")
        for match in _ORG_DESC.finditer(sentence.text) if not _ORG_WORDS.isdisjoint(runs) else ():
            start, end = sentence.start + match.start(), sentence.start + match.end()
            word = match.group(1).lower()
            for m in reversed([x for x in doc.mentions if x.start < start]):
                actor = linker.actor(m.actor, doc)
                if actor is not None and actor.type == "Organization" and word in actor.label.lower():
                    add(start, end, m.actor, "description")
                    break
    for (start, end), key in acts.items():
        # "the decision" -> the actor of the last act (the pronouns were added above)
        if key and doc.text[start:end].lower() not in ("it", "its") \
                and not overlaps(start, end):
            index = next(x.index for x in doc.sentences if x.start <= start < x.end)
            added.append(Mention(start, end, doc.text[start:end], key, index, "description"))
    doc.mentions.extend(added)


def _after_fronted_modifier(text: str, at: int) -> bool:
    """"One of six powers trying to curb Iran's programme, it has ...": the pronoun at ``at``
    follows the sentence's first comma, after a fronted apposition, participle or prepositional
    phrase, which describes the subject: the actors inside that phrase are not its antecedent.
    A fronted clause of its own ("After Iran fired, it ...") can be."""
    head = text[:at].rstrip()
    if not head.endswith(",") or "," in head[:-1]:
        return False
    first = _WORD.match(head)
    return first is not None and first.group().lower() not in _SUBORDINATORS


@lru_cache(maxsize=1)
def _state_forms() -> re.Pattern:
    """"the kingdom", "the Islamic Republic": ``state_forms`` of ``lexicon/references.yaml``."""
    from graph.resources import lexicon_path, load_yaml

    forms = sorted(load_yaml(lexicon_path("references.yaml")).get("state_forms", []), key=len,
                   reverse=True)
    words = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
    return re.compile(r"\b[Tt]he ((?i:" + words + r"))\b(?![-’'])")


def _state_named_with(doc: Document, linker, form: str, before: int) -> str | None:
    """The last state mentioned before ``before`` whose names hold the words of ``form``."""
    pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in form.split()) + r"\b", re.IGNORECASE)
    index = next(x.index for x in doc.sentences if x.start <= before < x.end)
    near = (m for m in doc.mentions if m.end <= before and index - m.sentence <= STATE_FORM_LOOKBACK)
    for m in sorted(near, key=lambda m: m.start, reverse=True):
        actor = linker.actor(m.actor, doc)
        if actor is not None and actor.type == "Country" and any(
                pattern.search(name) for name in [actor.label, *actor.alt_labels]):
            return m.actor
    return None


def _named_with(doc: Document, pool: list[Mention], noun: str, before: int) -> Mention | None:
    """The last mention before ``before`` that the text follows with ``noun``: "the Syrian
    regime", "Iran's government", "the [Syrian] Regime" for "the regime"."""
    pattern = re.compile(r"^(?:\]|’s|'s)?\s+" + re.escape(noun) + r"\b", re.IGNORECASE)
    found = [m for m in pool if m.end <= before and pattern.match(doc.text[m.end:m.end + 40])]
    return max(found, key=lambda m: m.start) if found else None


def _clause_subject(text: str, start: int, end: int) -> bool:
    """The reference at ``start:end`` opens a clause (sentence start, after a comma, "and",
    "that", "which" ...) and is no possessive ("its", "the regime's")."""
    if text[end:end + 1] in ("'", "’", "s") or text[start:end].lower() == "its":
        return False
    head = text[:start].rstrip()
    if not head or head.endswith((",", ";", ":", "—", "“", '"')):
        return True
    return head.split()[-1].lower() in ("and", "but", "that", "which", "so", "then", "while")


_CLAUSE_END = re.compile(r"[,;:—–(]|--|\b(?:which|who|whom|that|and|but|while|after|before|because|"
                         r"although|though|if|unless|when|as)\b")


def _clause_end(text: str, at: int) -> int:
    """Where the clause that goes on at ``at`` ends (a comma, a dash, a conjunction ...)."""
    found = _CLAUSE_END.search(text, at)
    return found.start() if found else len(text)


_SUBORDINATORS = {"after", "before", "when", "whenever", "while", "since", "because", "although",
                  "though", "as", "if", "unless", "once", "until", "whereas", "where", "and", "but"}


def _located(doc: Document, m: Mention) -> bool:
    """"talks in Brussels": a capital after a locative preposition is a place, not a party."""
    return m.via == "capital" and doc.text[max(0, m.start - 6):m.start].rstrip().endswith(
        (" in", " at", " to", " from", " near"))


def _distinct(keys: list[str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        if k in out:
            out.remove(k)
        out.append(k)
    return out


#: [lexicon, its act words] of the lexicon last asked about: the verbs are read from the whole
#: lexicon, too costly to redo for every document.
_ACT_WORDS: list = []


def _act_words() -> tuple[frozenset, frozenset]:
    """(act nouns, verbs that take an object) from ``lexicon/events.yaml``."""
    from graph.extract.lexicon import load_lexicon

    lex = load_lexicon()
    if not _ACT_WORDS or _ACT_WORDS[0] is not lex:
        _ACT_WORDS[:] = [lex, _read_act_words(lex)]
    return _ACT_WORDS[1]


def _read_act_words(lex) -> tuple[frozenset, frozenset]:
    from graph.resources import lexicon_path, load_yaml

    data = load_yaml(lexicon_path("events.yaml"))
    verbs = {w for (w, k), e in lex.entries.items() if k == "verb" and "speech" not in e.options}
    naming = (lex.evaluation or {}).get("naming", frozenset()) | (lex.evaluation or {}).get("verbs", frozenset())
    return frozenset(data.get("act_nouns", [])), frozenset(verbs | naming)


def _act_references(doc: Document, by_sentence: dict, kind,
                    runs_of: list[set[str]]) -> dict[tuple[int, int], str | None]:
    """{(start, end): actor or None} for the definite act nouns with no actor of their own and
    the object or "N that it" pronouns ``it`` that refer back to an actor's act (None: an
    object "it" with no act to refer to, left unresolved). ``runs_of``: the
    :func:`~graph.tokens.word_runs` of each sentence."""
    nouns, verbs = _act_words()
    looked_at = nouns | {"it"}
    out: dict[tuple[int, int], str | None] = {}
    owned: list[tuple[int, int, str]] = []      # (sentence, offset, actor) of owned act nouns
    for sentence, runs in zip(doc.sentences, runs_of):
        if looked_at.isdisjoint([w.lower() for w in runs]):
            continue      # most sentences hold neither an act noun nor "it"
        states = [m for m in by_sentence.get(sentence.index, []) if kind(m) in _STATE_TYPES + ("Person",)]
        words = [(m.start() + sentence.start, m.end() + sentence.start, m.group().lower())
                 for m in _WORD.finditer(sentence.text)]
        for k, (start, end, w) in enumerate(words):
            if w in nouns:
                owner = _owner(doc, states, start, verbs)
                after = None if owner else _agent_after(doc, states, end)
                if after is not None and _definite(words, k):
                    out[(start, end)] = after          # "condemned the move announced by X"
                owner = owner or after
                if owner is not None:
                    owned.append((sentence.index, start, owner))
                elif k > 0 and _definite(words, k):
                    out[(start, end)] = _last_act(owned, sentence.index)
            elif w == "it" and k > 0:
                prev = words[k - 1][2]
                if prev == "that" and k > 1 and words[k - 2][2] in nouns and owned \
                        and owned[-1][1] == words[k - 2][0]:
                    out[(start, end)] = owned[-1][2]        # "the US announcement that it ..."
                elif prev in verbs:
                    out[(start, end)] = _last_act(owned, sentence.index)
    return out


_NOT_A_MODIFIER = {"of", "by", "to", "and", "or", "with", "for", "the", "a", "an", "this", "that",
                   "its", "their", "his", "her", "in", "on", "at"}


def _owner(doc: Document, states: list[Mention], start: int, verbs: frozenset) -> str | None:
    """The actor right before an act noun: "the US decision", "Peru's move", "Chile's latest
    step" (at most one modifier between; "pro-Chilean moves" are no Chilean moves)."""
    for m in sorted(states, key=lambda m: m.end, reverse=True):
        if m.end > start:
            continue
        words = [w.lower() for w in _WORD.findall(doc.text[m.end:start]) if w not in ("'s", "’s", "’", "'")]
        if len(words) > 1 or any(w in _NOT_A_MODIFIER or w in verbs or not w.isalpha() for w in words) \
                or doc.text[max(0, m.start - 5):m.start].lower().endswith(("pro-", "anti-")):
            return None
        return m.actor
    return None


def _agent_after(doc: Document, states: list[Mention], end: int) -> str | None:
    """"the move announced on Monday by X", "moves by X's government": the actor after "by"
    within five words of the act noun, in the same clause."""
    for m in sorted(states, key=lambda m: m.start):
        if m.start < end:
            continue
        words = [w.lower() for w in _WORD.findall(doc.text[end:m.start])]
        if "," in words or ";" in words or "by" not in words or len(words) > 6:
            return None
        tail = words[words.index("by") + 1:]
        return m.actor if all(w in ("the", "a", "an") for w in tail) else None
    return None


def _definite(words: list, k: int) -> bool:
    """"the decision", "this move", "the unilateral move": a determiner within two words before."""
    before = [w for _, _, w in words[max(0, k - 2):k]]
    return any(w in ("the", "this", "that") for w in before) and not any(
        w in ("of", "'s", "’s") for w in before)


def _last_act(owned: list[tuple[int, int, str]], sentence: int) -> str | None:
    if owned and sentence - owned[-1][0] <= ACT_LOOKBACK:
        return owned[-1][2]
    return None
