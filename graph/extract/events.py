"""Named events (:class:`~graph.model.Event`): wars, exercises, attacks, agreements, summits,
elections.

An event is a head noun of ``lexicon/named_events.yaml`` after a name or a year: "the Three
Brothers 2021 exercise", "the Iran-Iraq war", "the 2008 offensive", "the Shah Cheragh attack",
"the Wuhan informal summit". A later definite reference ("the drills", "the exercise",
"this war") or the same name again joins the last event of that group, so an event collects
every sentence that mentions it. Groups listed under ``described`` (elections) need no name:
"the presidential election", "the 2024 parliamentary elections", "a referendum" and "the
Israeli election" are events too.

Each event gets its participants (the actors named in its phrase, else in its first
sentence), a place ("in/near/at <Name>" after the phrase), a date (a year in the phrase, else
the first date of its sentences, see :mod:`graph.extract.dates`) and its event type. An
interaction of a matching type in a sentence that mentions the event is ``partOf`` it
(``Interaction.event``).

>>> from graph.pipeline import process_text
>>> doc = process_text("Azerbaijan, Turkey and Pakistan held the Three Brothers 2021 exercise in Baku. "
...                    "Iran condemned the drills.")
>>> [(e.label, e.event_type, e.date, e.sentences) for e in doc.events]
[('Three Brothers 2021 exercise', 'EXERCISE', '2021', [0, 1])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.model import Document, Event
from graph.resources import lexicon_path, load_yaml
from graph.tokens import tokenize, word_runs

_DEFINITE = r"(?:the|this|these|that|those)"


@dataclass
class EventLexicon:
    heads: dict[str, tuple[str, str]]
    modifiers: frozenset
    members: dict[str, frozenset]
    named: re.Pattern
    later: re.Pattern
    described: re.Pattern | None = None
    described_groups: frozenset = frozenset()
    #: Any head noun after a space, any case: every pattern above needs one, so a sentence without one is skipped.
    any_head: re.Pattern | None = None
    #: The first word of every head noun, lower case: in an ASCII sentence ``any_head`` can match
    #: only where one of these is a whole word (graph.tokens.word_runs), a cheaper test.
    head_starts: frozenset = frozenset()

    def may_name_an_event(self, sentence) -> bool:
        """False when ``sentence`` holds no head noun, so that no pattern can match."""
        if self.any_head is None:
            return True
        if sentence.text.isascii() and self.head_starts:
            runs = word_runs(tokenize(sentence.text, sentence.start))
            return not self.head_starts.isdisjoint([w.lower() for w in runs])
        return self.any_head.search(sentence.text) is not None

    def group(self, label: str) -> str | None:
        """The group of an event from the head noun that ends its label ("... exercise")."""
        words = label.lower().split()
        for n in (2, 1):
            head = " ".join(words[-n:])
            if len(words) >= n and head in self.heads:
                return self.heads[head][1]
        return None


@lru_cache(maxsize=1)
def load_event_lexicon() -> EventLexicon:
    data = load_yaml(lexicon_path("named_events.yaml"))
    heads = {str(k).lower(): (v[0], v[1]) for k, v in data["heads"].items()}
    modifiers = frozenset(data.get("modifiers", []))
    head_rx = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in heads), key=len, reverse=True))
    mod_rx = "|".join(sorted((re.escape(m) for m in modifiers), key=len, reverse=True))
    name_word = r"(?:[A-Z][\w’'.]*(?:-[A-Z][\w’'.]*)*|(?:1[89]|20)\d\d)"
    named = re.compile(
        rf"(?P<name>{name_word}(?:\s+(?:{name_word}|of|and|for|the))*?)"
        rf"(?P<mods>(?:\s+(?:{mod_rx}))*)\s+(?P<head>{head_rx})\b")
    later = re.compile(rf"\b{_DEFINITE}\s+(?:(?:{mod_rx})\s+)*(?P<head>{head_rx})\b", re.I)
    members = {k: frozenset(v) for k, v in (data.get("members") or {}).items()}
    described_groups = frozenset(data.get("described") or [])
    described = None
    d_heads = [h for h, (_, g) in heads.items() if g in described_groups]
    if d_heads:
        d_rx = "|".join(sorted((re.escape(h) for h in d_heads), key=len, reverse=True))
        described = re.compile(
            rf"\b(?P<det>the|a|an|this|next|last|its|their)\s+"
            rf"(?P<mods>(?:(?:{mod_rx})\s+)*)(?P<head>{d_rx})\b", re.I)
    any_head = re.compile(rf"\s(?:{head_rx})\b", re.I)     # each pattern has \s+ before its head
    head_starts = frozenset(re.match(r"\w*", h).group() for h in heads)
    return EventLexicon(heads, modifiers, members, named, later, described, described_groups,
                        any_head, head_starts if min(map(len, head_starts), default=0) >= 2 else frozenset())


_STOPNAMES = {"The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "After",
              "Before", "During", "Since", "Its", "Their", "His", "Her", "Our", "But", "And",
              "As", "When", "While", "If", "For"}


_COMMON = {"veterans", "officials", "leaders", "troops", "forces", "critics", "analysts", "experts",
           "protesters", "rebels", "militants", "soldiers", "residents", "diplomats", "reports"}


def _common_word(text: str, name: str, m: re.Match) -> bool:
    """A sentence-initial word that is no name: a lower-case modifier follows it ("Large
    military drills") or the document writes it in lower case elsewhere."""
    return bool(m.group("mods").strip()) or _has_lower_word(text, name.lower())


@lru_cache(maxsize=256)   # the same sentence-initial word comes back in one document
def _has_lower_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` between word boundaries."""
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def _clean_name(name: str) -> str:
    words = name.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("the", "of", "for"):
            words = words[i + 1:]
            break
    if any(w.endswith(("’s", "'s")) for w in words):
        return ""
    while words and (words[0] in _STOPNAMES or words[0].lower() in ("of", "and", "for", "the")):
        words = words[1:]
    return " ".join(words)


def extract_events(doc: Document, lex: EventLexicon | None = None) -> Document:
    """Fill ``doc.events`` and set ``Interaction.event`` for the interactions that belong to one."""
    from graph.extract.dates import find_dates

    lex = lex or load_event_lexicon()
    events: dict[str, Event] = {}
    group_of: dict[str, str] = {}
    last_by_group: dict[str, str] = {}
    for s in doc.sentences:
        if not lex.may_name_an_event(s):
            continue     # most sentences name no event head: skip the three patterns
        taken: list[tuple[int, int]] = []
        for m in lex.named.finditer(s.text):
            name = _clean_name(m.group("name"))
            if not name:
                continue
            head = re.sub(r"\s+", " ", m.group("head").lower())
            etype, group = lex.heads[head]
            if " " not in name and "-" not in name and not re.search(r"\d", name) \
                    and group not in lex.described_groups and any(
                    men.text == name and men.via in ("adjective", "name", "acronym")
                    for men in doc.mentions_in(s.index)):
                continue     # "Russian attack", "Iran strikes": an actor, not an event's name
            if " " not in name and m.start("name") + m.group("name").find(name) == 0 \
                    and not re.search(r"\d", name) and (name.lower() in _COMMON
                                                       or _common_word(doc.text, name, m)):
                continue     # "Large military drills ...": a capital only because it starts the sentence
            a = s.start + m.start("name") + m.group("name").find(name)
            b = s.start + m.end()
            _add_event(doc, s, a, b, etype, group, events, group_of)
            last_by_group[group] = _key(doc.text[a:b])
            taken.append((a, b))
        for m in lex.described.finditer(s.text) if lex.described else ():
            a, b = s.start + m.start("mods"), s.start + m.end()
            if any(x <= a < y or x < b <= y for x, y in taken):
                continue
            if not m.group("mods").strip() and m.group("det").lower() not in ("a", "an"):
                continue     # a bare "the election" refers back (below)
            head = re.sub(r"\s+", " ", m.group("head").lower())
            etype, group = lex.heads[head]
            _add_event(doc, s, a, b, etype, group, events, group_of)
            last_by_group[group] = _key(doc.text[a:b])
            taken.append((a, b))
        for m in lex.later.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(x <= a < y or x < b <= y for x, y in taken):
                continue
            head = re.sub(r"\s+", " ", m.group("head").lower())
            group = lex.heads[head][1]
            key = last_by_group.get(group)
            if key is not None:
                _mention(events[key], s.index, a, b)
    for ev in events.values():
        if not ev.participants:
            ev.participants = _actors_in(doc, ev.sentences[0], None, None)[:4]
        if ev.date is None:
            for i in ev.sentences:
                sent = doc.sentences[i]
                found = [d for d in find_dates(sent.text, doc.date, sent.start) if d.value]
                if found:
                    ev.date = found[0].value if found[0].interval is None or found[0].kind != "decade" \
                        else "/".join(found[0].interval)
                    break
    doc.events = list(events.values())
    _link_interactions(doc, lex, group_of)
    return doc


def _key(label: str) -> str:
    from graph.iris import slug

    return slug(re.sub(r"\b(?:the)\b", "", re.sub(r"\s+", " ", label), flags=re.I))


def _add_event(doc: Document, s, a: int, b: int, etype: str, group: str,
               events: dict[str, Event], group_of: dict[str, str]) -> Event:
    """The event named by ``doc.text[a:b]`` (new or seen before), with this mention added."""
    label = re.sub(r"\s+", " ", doc.text[a:b])
    key = _key(label)
    ev = events.get(key)
    if ev is None:
        ev = events[key] = Event(key=key, label=label, event_type=etype)
        group_of[key] = group
        year = re.search(r"\b(?:1[89]|20)\d\d\b", label)
        ev.date = year.group() if year else None
        ev.participants = _actors_in(doc, s.index, a, b)
        ev.place = _place(doc.text[b:s.end])
    _mention(ev, s.index, a, b)
    return ev


def _mention(ev: Event, sentence: int, a: int, b: int) -> None:
    if sentence not in ev.sentences:
        ev.sentences.append(sentence)
    if (a, b) not in ev.mentions:
        ev.mentions.append((a, b))


def _actors_in(doc: Document, sentence: int, a: int | None, b: int | None) -> list[str]:
    out: list[str] = []
    for m in doc.mentions_in(sentence):
        if a is not None and not (a <= m.start and m.end <= b):
            continue
        actor = doc.actors.get(m.actor)
        if actor is not None and actor.type == "Person" and a is None:
            continue
        if m.actor not in out:
            out.append(m.actor)
    return out


_PLACE = re.compile(r"^\s*(?:,\s*)?(?:held\s+|staged\s+|conducted\s+)?(?:in|near|at|off)\s+(?:the\s+)?"
                    r"(?:(?:city|town|province|region|village|port)\s+of\s+)?"
                    r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})")


def _place(after: str) -> str | None:
    m = _PLACE.match(after)
    if not m:
        return None
    place = m.group("place")
    return None if place.split()[0] in ("January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November",
                                        "December") else place


def _link_interactions(doc: Document, lex: EventLexicon, group_of: dict[str, str]) -> None:
    by_sentence: dict[int, list[Event]] = {}
    for ev in doc.events:
        for i in ev.sentences:
            by_sentence.setdefault(i, []).append(ev)
    for it in doc.interactions:
        for ev in by_sentence.get(it.sentence, []):
            inside = any(a <= it.start < b for a, b in ev.mentions)
            fits = it.event_type in lex.members.get(group_of.get(ev.key, ""), frozenset()) \
                or it.event_type == ev.event_type
            if inside or fits:
                it.event = ev.key
                break


__all__ = ["extract_events", "load_event_lexicon"]
