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
* "the ministry", "the bureau", "the agency", "the department", "the alliance", "the bloc",
  "the organization" take the last organisation of the document whose name has that word.

Each resolved reference becomes a :class:`~graph.model.Mention` with ``via`` ``pronoun`` or
``description``; a reference with no antecedent of the right kind is left alone.
"""

from __future__ import annotations

import re

from graph.model import Document, Mention

_IT = re.compile(r"\b(?:[Ii]ts?|[Tt]he (?:country|regime|government|state|nation|republic))\b")
_PERSON = re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b")
_PAIR = re.compile(r"\b(?:[Tt]he two (?:countries|states|nations|sides|neighbou?rs|governments|capitals|rivals)"
                   r"|[Bb]oth (?:countries|states|nations|sides|governments|capitals)"
                   r"|^Both\b|[Tt]he two\b(?! of))")
_ORG_DESC = re.compile(r"\b[Tt]he (ministry|bureau|agency|department|alliance|bloc|organi[sz]ation|"
                       r"union|command|council|court|commission|service|guard|corps|army|navy)\b")
# "it" as a dummy subject: "it is", "it was", "it remains", "it will be essential"
_DUMMY_IT = re.compile(r"^\s*(?:is|was|'s|’s|would|will|remains|seems|appears|may|might|could|"
                       r"has been|had been|takes|took|makes|made)\b")
_STATE_TYPES = ("Country", "Organization", "Group")


def resolve_references(doc: Document, linker) -> None:
    """Add pronoun and description mentions to ``doc.mentions`` (in place)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    added: list[Mention] = []
    occupied = {(m.start, m.end) for m in doc.mentions}

    def kind(m: Mention) -> str | None:
        actor = linker.actor(m.actor, doc)
        if actor is None and m.actor.startswith("person/"):
            return "Person"           # met in this document, not yet in doc.actors
        return actor.type if actor is not None else None

    for sentence in doc.sentences:
        here = sorted(by_sentence.get(sentence.index, []), key=lambda m: m.start)
        before = by_sentence.get(sentence.index - 1, [])
        earlier = by_sentence.get(sentence.index - 2, [])

        def add(start: int, end: int, key: str, via: str):
            if any(s <= start < e or s < end <= e for s, e in occupied):
                return
            added.append(Mention(start, end, doc.text[start:end], key, sentence.index, via))

        for match in _PAIR.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            pool = [m for m in here if m.end <= start] or before
            states = _distinct([m.actor for m in pool if kind(m) == "Country" and not _located(doc, m)])
            if len(states) >= 2:
                for key in states[-2:]:
                    added.append(Mention(start, end, doc.text[start:end], key, sentence.index, "pronoun"))
                occupied.add((start, end))
        for match in _IT.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if match.group().lower() == "it" and _DUMMY_IT.match(sentence.text[match.end():]):
                continue
            same = [m for m in here if m.end <= start and kind(m) in _STATE_TYPES]
            pool = same[:1] or [m for m in before if kind(m) in _STATE_TYPES][:1]
            if pool:
                add(start, end, pool[0].actor, "pronoun" if match.group().lower().startswith("it")
                    else "description")
        for match in _PERSON.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            same = [m for m in here if m.end <= start and kind(m) == "Person"]
            pool = same or [m for m in before if kind(m) == "Person"] or \
                [m for m in earlier if kind(m) == "Person"]
            people = _distinct([m.actor for m in pool])
            if len(people) == 1 or (same and people):
                add(start, end, people[-1], "pronoun")
        for match in _ORG_DESC.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            word = match.group(1).lower()
            for m in reversed([x for x in doc.mentions if x.start < start]):
                actor = linker.actor(m.actor, doc)
                if actor is not None and actor.type == "Organization" and word in actor.label.lower():
                    add(start, end, m.actor, "description")
                    break
    doc.mentions.extend(added)


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
