"""Modality of an interaction: asserted, reported, negated, hypothetical or recommended.

Cues come from ``lexicon/modality.yaml``. A cue counts when it stands before the trigger in the
same clause, within the file's ``window`` of tokens (negation: within four tokens, so that a
"not" governs the verb next to it). When several cues apply the strongest wins:
Negated > Recommended > Hypothetical > Reported > Asserted. A relative aside (", which ...
,") is its own clause: its cues do not reach a trigger after it, and a trigger inside it takes no
cue from before it. Reported content is also
recognised structurally: a trigger inside the complement of a speech verb ("X claimed that
...", "X accused Y of ...") is someone's allegation, while the speech act itself ("Tehran
accused Baku") stays Asserted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right


_CLAUSE_STOP = {";", ":", "—", "–", "but", "while", "whereas", "although", "however", "yet"}
_NEGATION_REACH = 4
_RANK = {"Negated": 4, "Recommended": 3, "Hypothetical": 2, "Reported": 1, "Asserted": 0}


def modality_for(view, first: int, last: int, lex, kind: str = "verb") -> tuple[str, str]:
    """(modality, cue) for the trigger spanning tokens ``first``..``last`` of ``view``.

    ``kind`` is the trigger's lexicon kind; for nouns a modal right after the noun phrase
    ("a conflict with Iran would ...") makes the interaction hypothetical.
    """
    words = view.lower
    start = first
    window = lex.modality["window"]
    while start > 0 and first - start < window and words[start - 1] not in _CLAUSE_STOP \
            and words[start - 1] != ".":
        start -= 1
    structure = _structure_of(view)
    skip, open_at = structure.asides(first)
    if open_at is not None and open_at >= start:
        start = open_at           # the trigger is inside ", which ...": its clause starts there
    best, cue = "Asserted", ""
    for name, modality in (("negated", "Negated"), ("recommended", "Recommended"),
                           ("hypothetical", "Hypothetical"), ("reported", "Reported")):
        gaz = lex.modality[name]
        reach_from = max(start, first - _NEGATION_REACH) if name == "negated" else start
        k = reach_from
        starts = gaz.root
        while k < first:
            if words[k] not in starts:      # most words start no cue: no call
                k += 1
                continue
            m = gaz.longest_word_at(words, k)
            if m is None or m.first in skip:
                k += 1
                continue
            if name == "negated" and _not_a_negation(words, m.first) or _the_month(words, m.first) \
                    or _outside_its_phrase(words, m.first, m.last, first, lex):
                k = m.last + 1
                continue
            if _RANK[modality] > _RANK[best]:
                best, cue = modality, m.surface
                if modality == "Hypothetical" and _backshifted(words, m.first, lex):
                    best, cue = "Reported", m.surface     # "said they would ...": a reported will
            break
    if _RANK[best] < _RANK["Hypothetical"] and first > 0 and words[first].endswith("ing") \
            and words[first - 1] in lex.modality.get("before_gerund", ()):
        best, cue = "Hypothetical", words[first - 1]     # "warned Peru against arming Chile"
    if best == "Asserted" and kind in ("noun", "relation"):
        after = _modal_after(words, last)
        if after:
            best, cue = "Hypothetical", after
    if best == "Asserted":
        reported = _reported_by_structure(words, first, lex, skip, structure)
        if reported:
            best, cue = "Reported", reported
    return best, cue


_CONDITIONS = {"if", "unless", "otherwise", "whether"}


def _backshifted(words: list[str], k: int, lex) -> bool:
    """"would" at ``k`` reports a speaker's "will": a past speech verb of ``backshift_verbs``
    at most eight tokens before it in the clause (then "that" or a subject, which may carry an
    apposition), not "would have", and no condition in the sentence. The speech verb may stand
    before the modality window of the trigger."""
    if words[k] != "would" or k + 1 < len(words) and words[k + 1] == "have":
        return False
    if _CONDITIONS & set(words):
        return False
    verbs = lex.modality.get("backshift", frozenset())
    for j in range(k - 1, max(-1, k - 9), -1):
        if words[j] in verbs:
            return True
        if words[j] in _CLAUSE_STOP or words[j] == ".":
            return False
    return False


_RELATIVE = {"which", "who", "whom", "whose"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}  # "the claim" is no verb


def _opens_relative(words: list[str], k: int) -> bool:
    """", which ..." at ``k``: a trigger inside the relative clause takes no cue from before it."""
    return words[k] in _RELATIVE and k > 0 and words[k - 1] == ","


class _Closed:
    """Token positions inside the closed asides ``spans`` (sorted, disjoint ``(k, end)``
    pairs): a set for ``in`` tests, without listing every position."""

    __slots__ = ("starts", "spans")

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [k for k, _ in spans]

    def __contains__(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position <= self.spans[i][1]


class _Structure:
    """What :func:`modality_for` reads of a whole sentence, found in one pass and shared by
    every trigger of the sentence (so that a long sentence costs linear time, not quadratic).

    * the chain of ", which/who ... ," asides from the sentence start, each ending at the next
      comma (None when no comma follows): :meth:`asides` for any trigger position;
    * whether "according" and "to" occur;
    * the clause stops, and the "that"/"of" positions right after an allegation verb.
    """

    def __init__(self, words):
        self.words = words
        self._chain: list[tuple[int, int | None]] | None = None
        self._openers: list[int] = []
        self._according: bool | None = None
        self._stops: list[int] | None = None
        self._allegations: dict[int, tuple[list[int], list[str]]] = {}

    @property
    def chain(self) -> list[tuple[int, int | None]]:
        if self._chain is None:
            words = self.words
            chain: list[tuple[int, int | None]] = []
            relatives = [k for k, w in enumerate(words) if w in _RELATIVE or w == ","]
            commas = [k for k in relatives if words[k] == ","]
            after = 0                      # an aside's words open no aside of their own
            for k in relatives:
                if k < after or not _opens_relative(words, k):
                    continue
                i = bisect_right(commas, k)
                end = commas[i] if i < len(commas) else None
                chain.append((k, end))
                if end is None:
                    break
                after = end + 1
            self._chain = chain
            self._openers = [k for k, _ in chain]
        return self._chain

    @property
    def according(self) -> bool:
        if self._according is None:
            self._according = "according" in self.words and "to" in self.words
        return self._according

    @property
    def stops(self) -> list[int]:
        if self._stops is None:
            self._stops = [j for j, w in enumerate(self.words) if w in _CLAUSE_STOP]
        return self._stops

    def asides(self, first: int) -> tuple[_Closed, int | None]:
        """Positions inside ", which/who ... ," asides closed before ``first`` ("Chile, which
        Peru accuses of spying, attacked Brazil": the aside's cue says nothing about the
        attack), and the opener of an aside still open at ``first`` (the trigger is inside
        it), if any."""
        chain = self.chain
        i = bisect_left(self._openers, first)       # asides opened before ``first``
        closed = []
        for k, end in chain[:i]:
            if end is None or end >= first:
                return _Closed(closed), k
            closed.append((k, end))
        return _Closed(closed), None

    def last_stop_before(self, first: int) -> int:
        """The last clause stop before ``first``, else -1."""
        i = bisect_left(self.stops, first)
        return self.stops[i - 1] if i else -1

    def allegations(self, lex) -> tuple[list[int], list[str]]:
        """Positions k of "that"/"of" with an allegation verb among the three words before,
        and the cue each gives (the nearest verb + the word), as in
        :func:`_reported_by_structure`."""
        key = id(lex.allegation_verbs)
        found = self._allegations.get(key)
        if found is None:
            words, positions, cues = self.words, [], []
            for k in [k for k, w in enumerate(words) if w == "that" or w == "of"]:
                if k == 0:
                    continue
                w = words[k]
                for j in range(k - 1, max(-1, k - 4), -1):
                    if words[j] in lex.allegation_verbs:
                        positions.append(k)
                        cues.append(words[j] + " " + w)
                        break
            found = self._allegations[key] = (positions, cues)
        return found


def _structure_of(view) -> _Structure:
    """The :class:`_Structure` of ``view``'s words, made once per view."""
    structure = getattr(view, "_modality_structure", None)
    if structure is None or structure.words is not view.lower:
        structure = view._modality_structure = _Structure(view.lower)
    return structure


_MODALS_AFTER = {"would", "could", "might", "may", "will"}


def _modal_after(words: list[str], last: int) -> str:
    """"conflict with Iran would have ...": a modal right after a noun trigger's phrase."""
    for k in range(last + 1, min(len(words), last + 5)):
        if words[k] in _MODALS_AFTER and not _the_month(words, k):
            return words[k]
        if words[k] in (",", ".", ";", "that", "which", "who", "and", "but"):
            return ""
    return ""


def _outside_its_phrase(words: list[str], cue_first: int, cue_last: int, first: int, lex) -> bool:
    """A phrase-bound cue ("ahead of", "the planned") separated from the trigger by a comma."""
    bound = lex.modality.get("phrase_bound", frozenset())
    return " ".join(words[cue_first:cue_last + 1]) in bound and "," in words[cue_last + 1:first]


# words before the month "May" ("in May", "since May", "early May"); a number after it also
# makes it the month ("May 3")
_MONTH_LEADS = {"in", "on", "since", "until", "till", "by", "from", "through", "during", "before",
                "after", "of", "last", "next", "early", "late", "mid", "mid-", "this",
                "between"}


def _the_month(words: list[str], k: int) -> bool:
    """"in May", "since May", "May 3": the month, not the modal "may"."""
    if words[k] != "may":
        return False
    before = words[k - 1] if k > 0 else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return before in _MONTH_LEADS or after[:1].isdigit()


def _not_a_negation(words: list[str], k: int) -> bool:
    """"not only ... but also" and "not least" do not negate."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return words[k] == "not" and nxt in ("only", "least", "just", "merely")


def _reported_by_structure(words: list[str], first: int, lex, skip: _Closed,
                           structure: _Structure) -> str:
    """Content attributed to a speaker: "according to X" anywhere; a trigger before a closing
    attribution (", the ministry said."); or under an allegation verb ("X claimed that ...").
    Content after a neutral "X said (that)" stays Asserted: measured on the shared gold, treating
    it as Reported disagreed with the annotators more often than it agreed."""
    if structure.according:
        return "according to"
    tail = words[-7:]
    for k, w in enumerate(tail):
        if w in lex.speech_verbs and "," in tail[:k] and tail[k - 1] not in _DETERMINERS and all(x in (".", "”", '"', "'", "on", "in")
                                                             or x.isalpha() for x in tail[k + 1:]):
            if len(words) - 7 + k > first:
                return w
    # the nearest "that"/"of" after an allegation verb, back to the clause start
    stop = structure.last_stop_before(first)
    positions, cues = structure.allegations(lex)
    i = bisect_left(positions, first) - 1
    while i >= 0 and positions[i] > stop:
        if positions[i] not in skip:
            return cues[i]
        i -= 1
    return ""


_WORDS = re.compile(r"[\w’']+|[^\w\s]")


def reported_in_quotations(doc, lex) -> None:
    """Asserted interactions of a quotation that runs over several sentences and that a closing
    attribution ends ("“... Our two sides keep in touch. We will go on,” he added.") become
    Reported, as they are when the attribution closes their own sentence (see
    :func:`_reported_by_structure`). Changes ``doc.interactions`` in place."""
    from graph.extract.claims import quote_regions

    if not doc.interactions:
        return
    starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list] = {}
    for i in doc.interactions:
        by_sentence.setdefault(i.sentence, []).append(i)
    for start, end in quote_regions(doc.text):
        first = max(0, bisect_right(starts, start) - 1)
        inside = [s for s in doc.sentences[first:bisect_right(starts, end)]
                  if s.start < end - 1 and s.end > start + 1]
        if len(inside) < 2 or not _closing_attribution(doc.text[end - 2:inside[-1].end], lex):
            continue
        for s in inside[:-1]:
            for i in by_sentence.get(s.index, ()):
                if i.modality == "Asserted" and start < i.start < end:
                    i.modality = "Reported"


def _closing_attribution(tail: str, lex) -> bool:
    """``tail`` (the closing quote with the character before it, and what follows in its
    sentence) is ',” he added' or '”, the ministry said on Monday': a comma, the quote, then a
    speech verb within a few words."""
    words = [w.lower() for w in _WORDS.findall(tail) if w not in ("”", '"', "’", "'")]
    return bool(words) and words[0] == "," and any(w in lex.speech_verbs for w in words[1:6])
