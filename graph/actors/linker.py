"""Link names in text to actors: names, capitals, adjectives, agencies, titled people, short forms.

The linker works sentence by sentence, in document order, because later references depend on
earlier ones: a surname stands for the person introduced before it, an acronym for the name it
followed in parentheses, "the ministry" for the ministry named last.

Rules, in the order they run on each sentence:

1. gazetteer: the longest knowledge-base name at each position (blocked names such as
   "South China Sea" link nothing); ambiguous names need their context (``lexicon/ambiguity.yaml``);
2. titles: "[adjective] [title] [Name]" and "[Name], [country]'s [title]" give a person, with the
   affiliation named in the title phrase — also for people the knowledge base does not know; a
   title and a bare surname ("President Trump") resolve by the document's date;
3. "[Name] administration" stands for the government of the country the person leads;
4. short forms: a surname after the full name, an acronym introduced in parentheses;
5. references: pronouns and definite descriptions (:mod:`graph.actors.coref`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from graph.actors.gazetteer import BLOCK, Gazetteer, Match
from graph.actors.kb import KnowledgeBase, load_knowledge_base
from graph.iris import slug
from graph.model import Actor, Document, Mention
from graph.resources import lexicon_path, load_yaml
from graph.tokens import Token, tokenize

_VIA_RANK = {"name": 0, "alias": 1, "acronym": 2, "capital": 3, "adjective": 4}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
           "Friday", "Saturday", "Sunday"}
_NOT_NAME = _MONTHS | {"The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "If", "When",
                       "While", "After", "Before", "This", "That", "These", "Those", "He", "She",
                       "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our"}
# Place words before a capital that make it a location rather than the government.
_PLACE_BEFORE = {("city", "of"), ("town", "of"), ("village", "of"), ("streets", "of"),
                 ("outskirts", "of"), ("suburbs", "of"), ("downtown",)}


@dataclass
class _DocState:
    """What the linker has learnt about one document so far."""

    surnames: dict[str, str] = field(default_factory=dict)     # surname -> person key
    aliases: dict[str, str] = field(default_factory=dict)      # acronym -> actor key
    new_actors: dict[str, Actor] = field(default_factory=dict)
    doc_keys: set[str] = field(default_factory=set)            # actors named unambiguously
    by_role: dict[str, str] = field(default_factory=dict)      # office -> person last named with it
    date: str | None = None


class Linker:
    """Links actor names in a :class:`~graph.model.Document` to knowledge-base keys.

    Parameters
    ----------
    kb : KnowledgeBase
        The actors to look for; :func:`graph.actors.kb.load_knowledge_base` by default.
    """

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_knowledge_base()
        self.gazetteer = Gazetteer()
        for surface, candidates in self.kb.index.items():
            for candidate in candidates:
                if self._descriptive(surface, candidate[0]):
                    continue
                self.gazetteer.add(surface, candidate)
        for surface in load_yaml(lexicon_path("not_actors.yaml"))["not_actors"]:
            self.gazetteer.add(surface, BLOCK)
        titles = load_yaml(lexicon_path("titles.yaml"))
        self.titles = Gazetteer()
        self.title_roles: dict[str, str | None] = {}
        for title, info in titles["titles"].items():
            self.titles.add(title, (title, "title"))
            self.title_roles[title] = (info or {}).get("role")
        self.particles = set(titles["name_particles"])
        self.admin_words = set(titles["administration_words"])
        self.institution_words = set(titles.get("institution_words", []))
        self.person_nouns = set(titles.get("person_nouns", [])) | {
            t for t in titles["titles"] if " " not in t and not t.endswith(".")}
        self.saying_verbs = set(titles.get("saying_verbs", []))
        self.ambiguity = load_yaml(lexicon_path("ambiguity.yaml"))
        self.generic = self.kb.generic_agencies()
        self.generic_gaz = Gazetteer()
        for name in self.generic:
            self.generic_gaz.add(name, (name, "generic"))

    def _descriptive(self, surface: str, key: str) -> bool:
        """"U.S. forces", "Russian military": a lower-case description of a state's agency names
        the state in running text (as analysts and the gold read it), not a separate actor."""
        entry = self.kb.entries.get(key)
        last = surface.split()[-1] if surface.split() else ""
        return bool(entry and entry.actor.type == "Organization" and entry.actor.affiliation
                    and " " in surface and last.islower())

    # -- public -------------------------------------------------------------------------------

    def link(self, doc: Document) -> Document:
        """Fill ``doc.mentions`` and ``doc.actors``; returns ``doc``."""
        from graph.actors.coref import resolve_references

        state = _DocState(date=doc.date)
        per_sentence = []
        for sentence in doc.sentences:
            tokens = tokenize(sentence.text, sentence.start)
            texts = [t.text for t in tokens]
            matches = self.gazetteer.scan_words(texts)
            per_sentence.append((sentence, tokens, texts, matches))
            for m in matches:
                if not m.blocked and (len(m.candidates) == 1 or len({k for k, _ in m.candidates}) == 1):
                    key = m.candidates[0][0]
                    if not self.kb.is_ambiguous(key, m.surface):
                        state.doc_keys.add(key)
        mentions: list[Mention] = []
        for sentence, tokens, texts, matches in per_sentence:
            mentions.extend(self._link_sentence(doc, sentence.index, tokens, texts, matches, state))
        doc.mentions = sorted(mentions, key=lambda m: (m.start, m.end, m.actor))
        resolve_references(doc, self)
        doc.mentions.sort(key=lambda m: (m.start, m.end, m.actor))
        self._collect_actors(doc, state)
        return doc

    def actor(self, key: str, doc: Document | None = None) -> Actor | None:
        if doc is not None and key in doc.actors:
            return doc.actors[key]
        return self.kb[key].actor if key in self.kb else None

    # -- one sentence --------------------------------------------------------------------------

    def _link_sentence(self, doc, index, tokens, texts, matches, state) -> list[Mention]:
        text = doc.text
        found: dict[int, Mention] = {}   # first token -> mention
        covered: set[int] = set()

        def add(first: int, last: int, key: str, via: str):
            start, end = tokens[first].start, tokens[last].end
            found[first] = Mention(start, end, text[start:end], key, index, via)
            covered.update(range(first, last + 1))

        for m in matches:
            if m.blocked:
                covered.update(range(m.first, m.last + 1))
                continue
            choice = self._choose(m, tokens, doc, state)
            if choice is None:
                continue
            key, via = choice
            if via == "capital" and (self._is_place(tokens, m.first) or _names_an_event(tokens, m.last)):
                continue
            add(m.first, m.last, key, via)

        # tokens hold no white space: one lower() over them all, split again at the newlines
        lowered = "\n".join(texts).lower().split("\n") if texts else []
        # the tokens that start with a capital letter or digit: the only ones that can start
        # a name (Token.is_title and .is_word)
        capitals = [k for k, w in enumerate(texts) if w[:1].isupper() and w[:1].isalnum()]
        self._titled_people(doc, tokens, found, covered, add, state, lowered)
        self._untitled_people(doc, tokens, found, covered, add, state, lowered, capitals)
        self._short_forms(tokens, found, covered, add, state, texts, capitals)
        self._administrations(tokens, found, covered, add, state, texts)
        self._generic_agencies(tokens, found, covered, add, texts)
        if found:
            self._register(doc, tokens, found, state)
        return list(found.values())

    def _choose(self, m: Match, tokens, doc, state) -> tuple[str, str] | None:
        """Pick the actor a gazetteer match names, or None when context says it names none."""
        if len(m.candidates) == 1:         # the common case: nothing to rank
            candidates, keys = m.candidates, [m.candidates[0][0]]
        else:
            candidates = sorted(m.candidates, key=lambda c: (_VIA_RANK.get(c[1], 9), c[0]))
            keys = sorted({k for k, _ in candidates})
        if len(keys) > 1:
            # Two actors share the name ("Congo"): prefer the one the document names otherwise.
            scored = sorted(keys, key=lambda k: (k not in state.doc_keys, k))
            candidates = [c for c in candidates if c[0] == scored[0]]
        key, via = candidates[0]
        if self.kb.is_ambiguous(key, m.surface) or len(keys) > 1:
            if not self._context_allows(m, tokens, doc):
                return None
        return key, via

    def _context_allows(self, m: Match, tokens: list[Token], doc: Document) -> bool:
        rules = self.ambiguity.get(m.surface)
        if not rules:
            return True
        before = " ".join(t.text for t in tokens[max(0, m.first - 3):m.first])
        after = " ".join(t.text for t in tokens[m.last + 1:m.last + 4])
        if any(before.endswith(w) for w in rules.get("not_before", [])):
            return False
        if any(after.startswith(w) for w in rules.get("not_after", [])):
            return False
        if rules.get("person_like") and m.last + 1 < len(tokens) and tokens[m.last + 1].is_title \
                and tokens[m.last + 1].is_word:
            return False
        against = sum(1 for w in rules.get("against", []) if _has_word(doc.text, w))
        support = sum(1 for w in rules.get("for", []) if _has_word(doc.text, w))
        if rules.get("default") == "drop" and support == 0:
            return False
        return support >= against

    @staticmethod
    def _is_place(tokens: list[Token], first: int) -> bool:
        words = tuple(t.lower for t in tokens[max(0, first - 2):first])
        return any(words[-len(p):] == p for p in _PLACE_BEFORE if len(words) >= len(p))

    # -- people with titles --------------------------------------------------------------------

    def _titled_people(self, doc, tokens, found, covered, add, state, lowered):
        i = 0
        title_starts = self.titles.root
        if title_starts.keys().isdisjoint(lowered):
            return                                 # no title anywhere: the common case
        while i < len(tokens):
            if lowered[i] not in title_starts:     # most words start no title: no call
                i += 1
                continue
            title = self.titles.longest_word_at(lowered, i)
            if title is None:
                i += 1
                continue
            j = title.last + 1
            role = self.title_roles.get(title.surface.replace(" .", "."))
            # a chain of titles and ranks: "Commandant Major General", "Supreme Leader, Ayatollah"
            while j < len(tokens):
                if tokens[j].text in ("(", ")") or tokens[j].text in ("Ret", "ret"):
                    j += 1
                    continue
                nxt = self.titles.longest_word_at(lowered, j)
                if nxt is not None and tokens[j].is_title:
                    j = nxt.last + 1
                    continue
                if tokens[j].text == "," and j + 1 < len(tokens) and (
                        tokens[j + 1].is_title or self.titles.longest_word_at(lowered, j + 1)):
                    j += 1
                    continue
                break
            of_state = None
            if j + 1 < len(tokens) and tokens[j].text == "of" and (j + 1) in found \
                    and self._state_of(found[j + 1].actor, doc) is not None:
                # "Foreign Minister of Peru Maria Quispe"
                of_state = self._state_of(found[j + 1].actor, doc)
                j = max(x for x, t in enumerate(tokens) if t.end <= found[j + 1].end) + 1
            if j < len(tokens) and j in covered:     # the gazetteer knew this person already
                if role and j in found:
                    state.by_role[role] = found[j].actor
                i = j + 1
                continue
            name = self._name_at(tokens, j, covered)
            if name is None:
                # "the president", "Iran's foreign minister": the holder of the office
                key = self._office_holder(doc, tokens, i, role, of_state, found, state)
                if key and not any(x in covered for x in range(i, title.last + 1)):
                    add(i, title.last, key, "title")
                i = title.last + 1
                continue
            first, last = name
            existing = found.get(first)
            if existing is not None:     # the gazetteer knew the full name
                i = last + 1
                continue
            key = self._person_for(doc, tokens, first, last, role, i, found, state, of_state)
            if key:
                add(first, last, key, "title")
                if role:
                    state.by_role[role] = key
            i = last + 1

    def _state_of(self, key: str, doc) -> str | None:
        actor = self.actor(key, doc)
        if actor is None:
            return None
        if actor.type == "Country" or (actor.type == "Organization" and not actor.affiliation):
            return actor.id
        return None

    def _office_holder(self, doc, tokens, title_at, role, of_state, found, state) -> str | None:
        """Who held ``role`` of the state named in the title phrase on the document's date; else
        the person last named with that title in the document ("President Biden ... the
        president"). Never a guess: no date and no earlier holder mean no link."""
        if not role:
            return None
        country = of_state or self._affiliation_in(tokens, title_at, found, doc)
        if country and doc.date:
            holders = self.kb.office_holders(role, country, doc.date)
            if len(holders) == 1:
                return holders[0]
        if country is None:
            return state.by_role.get(role)
        known = state.by_role.get(role)
        actor = (self.actor(known, doc) or state.new_actors.get(known)) if known else None
        return known if actor is not None and actor.affiliation == country else None

    def _untitled_people(self, doc, tokens, found, covered, add, state, lowered_tokens, capitals):
        """People the text introduces without a title before the name:
        "Jane Roe, a senior analyst at X, said" and "said Jane Roe" / "Jane Roe told reporters"."""
        k = 0        # the next token that may start a name
        for at in capitals:
            if at < k or at in covered:
                continue
            k = at
            name = self._name_at(tokens, k, covered)
            if name is None:
                k += 1
                continue
            first, last = name
            words = [t.text for t in tokens[first:last + 1] if t.is_word and len(t.text) > 1]
            is_title = self.titles.longest_word_at(lowered_tokens, first)
            if not 2 <= len(words) <= 4 or any(w in self.institution_words or w.isupper() for w in words) \
                    or any(i in covered for i in range(first, last + 1)) \
                    or (is_title is not None and is_title.last >= last):   # "Supreme Leader, ..."
                k = last + 1
                continue
            after = [t.text for t in tokens[last + 1:last + 10]]
            lowered = [a.lower() for a in after]
            before = tokens[first - 1].text.lower() if first > 0 else ""
            appositive = len(after) > 1 and after[0] == "," and any(
                w in self.person_nouns for w in lowered[1:9] if w.isalpha())
            saying = before in self.saying_verbs or (lowered[:1] and lowered[0] in self.saying_verbs)
            if not saying and after[:1] == [","]:
                # "Jane Roe, one of the best-known voices on the region, said ..."
                rest = [t.text.lower() for t in tokens[last + 2:last + 20]]
                close = rest.index(",") if "," in rest else -1
                saying = close >= 0 and close + 1 < len(rest) and rest[close + 1] in self.saying_verbs
            if appositive or saying:
                end_app = last + 1 + (lowered.index(",", 1) if "," in lowered[1:] else len(after))
                key = self._new_person(doc, tokens, first, last, found,
                                       (last + 2, end_app) if appositive else None, state)
                if key:
                    add(first, last, key, "name")
            k = last + 1

    def _new_person(self, doc, tokens, first, last, found, apposition, state) -> str | None:
        label = doc.text[tokens[first].start:tokens[last].end]
        for key, _ in self.kb.lookup(label):
            if self.kb[key].actor.type == "Person":
                return key
        key = "person/" + slug(label)
        if key in self.kb or key in state.new_actors:
            return key
        affiliation = None
        if apposition:
            for i in range(*apposition):
                if i in found:
                    actor = self.actor(found[i].actor, doc)
                    if actor is not None:
                        affiliation = actor.id if actor.type == "Country" or not actor.affiliation \
                            else actor.affiliation
                        break
        state.new_actors[key] = Actor(id=key, type="Person", label=label, affiliation=affiliation)
        return key

    def _name_at(self, tokens, j, covered) -> tuple[int, int] | None:
        """Token span of a personal name starting at ``j``, or None."""
        k = j
        parts = 0
        while k < len(tokens):
            t = tokens[k]
            if t.is_title and t.is_word and t.text not in _NOT_NAME and (k not in covered or parts == 0 and k in covered):
                if k in covered and parts == 0:
                    # a KB person matched here; signal the caller with the covered span
                    return (k, k)
                parts += 1
                k += 1
                if k < len(tokens) and tokens[k].text == "." and len(tokens[k - 1].text) == 1:
                    k += 1            # initial: "Michael S. Repass"
                continue
            if t.text in self.particles and parts and k + 1 < len(tokens) and tokens[k + 1].is_title:
                k += 1
                continue
            if t.text == "-" and parts and k + 1 < len(tokens) and tokens[k + 1].is_title \
                    and tokens[k].start == tokens[k - 1].end:
                k += 1
                continue
            break
        if parts == 0:
            return None
        last = k - 1
        while last > j and not tokens[last].is_word:
            last -= 1
        return (j, last)

    def _person_for(self, doc, tokens, first, last, role, title_at, found, state,
                    of_state: str | None = None) -> str | None:
        words = [t.text for t in tokens[first:last + 1] if t.is_word and len(t.text) > 1]
        if not words:
            return None
        if len(words) == 1:
            # "President Trump": a surname after a title; known people only
            surname = words[0]
            if surname in state.surnames:
                return state.surnames[surname]
            candidates = self.kb.people_by_surname().get(surname, [])
            if role and len(candidates) > 1:
                country = self._affiliation_in(tokens, title_at, found, doc)
                dated = self.kb.office_holders(role, country, doc.date)
                candidates = [c for c in candidates if c in dated] or candidates
            if len(candidates) == 1:
                return candidates[0]
            return None
        label = " ".join(words) if all(t.is_word for t in tokens[first:last + 1]) else \
            doc.text[tokens[first].start:tokens[last].end]
        known = self.kb.lookup(label)
        for key, _ in known:
            if self.kb[key].actor.type == "Person":
                return key
        key = "person/" + slug(label)
        if key not in state.new_actors and key not in self.kb:
            affiliation = of_state or self._affiliation_in(tokens, title_at, found, doc)
            state.new_actors[key] = Actor(id=key, type="Person", label=label, affiliation=affiliation)
        return key

    def _affiliation_in(self, tokens, title_at, found, doc) -> str | None:
        """The state or IGO named in the title phrase before ``title_at``, if any."""
        k = title_at - 1
        best = None
        while k >= 0 and (tokens[k].is_title or tokens[k].text in ("’s", "'s", "-", ".") or
                          tokens[k].text.islower() and tokens[k].is_word and k >= title_at - 3):
            if k in found:
                best = found[k].actor
                break
            k -= 1
        if best is None:
            return None
        actor = self.actor(best, doc)
        if actor is None:
            return None
        if actor.type in ("Country",) or (actor.type == "Organization" and not actor.affiliation):
            return actor.id
        return actor.affiliation

    # -- short forms, administrations, generic agencies ----------------------------------------

    def _short_forms(self, tokens, found, covered, add, state, texts, capitals):
        surnames = self.kb.people_by_surname()
        known, aliases = state.surnames, state.aliases
        # only a surname or an acronym can be a short form: look at nothing else
        for k in [k for k in capitals if texts[k] in surnames or texts[k] in known or texts[k] in aliases]:
            t = tokens[k]
            if k in covered:
                continue
            via = "surname" if t.text in state.surnames else "acronym"
            key = state.surnames.get(t.text) or state.aliases.get(t.text)
            if key is None and not (k + 1 < len(tokens) and tokens[k + 1].text in self.admin_words):
                # ("the Trump administration" is the state: see _administrations)
                key = self._leader_by_surname(t.text, tokens, k, state) \
                    if t.text in surnames else None   # no known person has this surname
                via = "surname"
            if key is None:
                continue
            # "Price" only when it is not the start of another capitalised name ("Price Waterhouse")
            if k + 1 < len(tokens) and tokens[k + 1].is_title and tokens[k + 1].is_word \
                    and tokens[k + 1].text not in self.admin_words:
                continue
            add(k, k, key, via)

    def _leader_by_surname(self, surname: str, tokens, k: int, state) -> str | None:
        """'Putin said': a bare surname names a leader the knowledge base knows, when exactly one
        head of state or government, foreign or defence minister by that name held office around
        the document's date (any time when the date is unknown)."""
        if k > 0 and tokens[k - 1].is_title and tokens[k - 1].is_word and tokens[k - 1].text not in _NOT_NAME:
            return None                       # part of another name: "Michael Jordan", "Chad Johnson"
        candidates = [key for key in self.kb.people_by_surname().get(surname, [])
                      if any(r.title in _LEADER_TITLES and _near(r, state.date) for r in self.kb[key].roles)]
        return candidates[0] if len(candidates) == 1 else None

    def _administrations(self, tokens, found, covered, add, state, texts):
        """'the Trump administration' -> the country the person leads (not the person)."""
        if self.admin_words.isdisjoint(texts):
            return                                 # the common case
        for k in range(len(tokens) - 1):
            nxt = tokens[k + 1].text
            if nxt not in self.admin_words or not tokens[k].is_title:
                continue
            if k in found:
                mention = found[k]
                actor = self.kb[mention.actor].actor if mention.actor in self.kb else \
                    state.new_actors.get(mention.actor)
                if actor is not None and actor.type == "Person" and actor.affiliation:
                    add(k + 1, k + 1, actor.affiliation, "description")
                continue
            if k in covered:
                continue
            candidates = self.kb.people_by_surname().get(tokens[k].text, [])
            countries = {self.kb[c].actor.affiliation for c in candidates}
            if len(countries) == 1 and None not in countries:
                add(k, k + 1, countries.pop(), "description")

    def _generic_agencies(self, tokens, found, covered, add, texts):
        """'Iranian Foreign Ministry' -> the knowledge base's foreign ministry of Iran."""
        for match in self.generic_gaz.scan_words(texts):
            if any(k in covered for k in range(match.first, match.last + 1)):
                continue
            if not tokens[match.last].is_title:
                continue      # "Azerbaijani forces" is the state; "Iranian Foreign Ministry" names one
            prev = match.first - 1
            if prev >= 0 and tokens[prev].text in ("’s", "'s"):
                prev -= 1
            owner = found.get(prev) or next((m for m in found.values()
                                             if m.end == tokens[prev].end), None) if prev >= 0 else None
            if owner is None:
                continue
            for key in self.generic[match.surface]:
                if self.kb[key].actor.affiliation == owner.actor:
                    # the mention covers "Russian Defense Ministry" / "Russia's Defense Ministry"
                    first = next(i for i, t in enumerate(tokens) if t.start == owner.start)
                    found.pop(first, None)
                    add(first, match.last, key, "alias")
                    break

    def _register(self, doc, tokens, found, state):
        """Remember surnames of people and acronyms introduced in parentheses."""
        ends = [t.end for t in tokens]   # tokens run left to right: their ends ascend
        for k, mention in sorted(found.items()):
            actor = self.actor(mention.actor, doc) or state.new_actors.get(mention.actor)
            if actor is None:
                continue
            if actor.type == "Person" and mention.via in ("name", "alias", "title"):
                parts = [p for p in re.split(r"[\s]+", mention.text) if p]
                if len(parts) >= 2:
                    state.surnames.setdefault(parts[-1], mention.actor)
                    if "-" in parts[-1]:
                        state.surnames.setdefault(parts[-1].split("-")[-1], mention.actor)
            # "U.S. Central Command (CENTCOM)": the acronym stands for it from now on
            last = bisect_right(ends, mention.end) - 1   # the last token ending in the mention
            if last + 2 < len(tokens) and tokens[last + 1].text == "(" \
                    and tokens[last + 2].text.isupper() and len(tokens[last + 2].text) >= 2:
                state.aliases.setdefault(tokens[last + 2].text, mention.actor)

    def _collect_actors(self, doc: Document, state: _DocState) -> None:
        """Every actor the mentions name, plus the actors they act for (for the actor graph)."""
        texts_of: dict[str, set[str]] = {}   # actor -> the names this document gives it
        for m in doc.mentions:
            names = texts_of.setdefault(m.actor, set())
            if m.via not in ("pronoun", "description", "surname"):
                names.add(m.text)
        todo = sorted(texts_of)
        seen = set()
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            actor = state.new_actors.get(key) or self.actor(key)
            if actor is None:
                continue
            # the dataset names each actor as this document does (the knowledge base keeps
            # the full list of aliases: `kg actors`)
            named = sorted(texts_of.get(key, set()) - {actor.label})
            if actor.type == "Person":   # "Mr. Bashir" refers to a person; it is not a name of one
                named = [n for n in named if " " in n or n.isupper()]
            doc.actors[key] = replace(actor, alt_labels=named)
            if actor.affiliation and actor.affiliation not in seen:
                todo.append(actor.affiliation)


_LEADER_TITLES = {"president", "prime-minister", "head-of-state", "head-of-government", "king",
                  "supreme-leader", "chancellor", "foreign-minister", "defence-minister",
                  "secretary-general", "crown-prince", "vice-president"}


def _near(role, date: str | None) -> bool:
    """True when ``role`` was held within a year of ``date`` (always when the date is unknown)."""
    if date is None:
        return True
    year = int(date[:4])
    start = int(str(role.start)[:4]) if role.start else -10**6
    end = int(str(role.end)[:4]) if role.end else 10**6
    return start - 1 <= year <= end + 1


# "the Madrid peace talks", "the Oslo Accords", "the Minsk agreements": a capital naming an event
_EVENT_HEADS = {"talks", "conference", "summit", "accords", "accord", "agreement", "agreements",
                "process", "format", "declaration", "protocol", "memorandum", "communique",
                "framework", "plan", "peace", "forum", "dialogue", "negotiations", "meeting"}


def _names_an_event(tokens, last: int) -> bool:
    nxt = [t.text.lower() for t in tokens[last + 1:last + 3]]
    return bool(nxt) and (nxt[0] in _EVENT_HEADS or nxt[:1] == ["peace"] and nxt[1:] in (["talks"], ["process"]))


@lru_cache(maxsize=256)   # a document asks about the same words for each ambiguous name
def _has_word(text: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None


@lru_cache(maxsize=4)
def _cached_linker(kb_id: int, kb) -> Linker:
    return Linker(kb)


def get_linker(kb: KnowledgeBase | None = None) -> Linker:
    """A linker for ``kb`` (the built-in knowledge base by default), built once per process."""
    kb = kb or load_knowledge_base()
    return _cached_linker(id(kb), kb)
