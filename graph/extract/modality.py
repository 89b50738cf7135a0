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
    skip, open_at = _asides(words, first)
    if open_at is not None and open_at >= start:
        start = open_at           # the trigger is inside ", which ...": its clause starts there
    best, cue = "Asserted", ""
    for name, modality in (("negated", "Negated"), ("recommended", "Recommended"),
                           ("hypothetical", "Hypothetical"), ("reported", "Reported")):
        gaz = lex.modality[name]
        reach_from = max(start, first - _NEGATION_REACH) if name == "negated" else start
        k = reach_from
        while k < first:
            m = gaz.longest_word_at(words, k)
            if m is None or m.first in skip:
                k += 1
                continue
            if name == "negated" and _not_a_negation(words, m.first):
                k = m.last + 1
                continue
            if _RANK[modality] > _RANK[best]:
                best, cue = modality, m.surface
                if modality == "Hypothetical" and _backshifted(words, m.first, start, lex):
                    best, cue = "Reported", m.surface     # "said they would ...": a reported will
            break
    if best == "Asserted" and kind in ("noun", "relation"):
        after = _modal_after(words, last)
        if after:
            best, cue = "Hypothetical", after
    if best == "Asserted":
        reported = _reported_by_structure(words, first, lex, skip)
        if reported:
            best, cue = "Reported", reported
    return best, cue


_CONDITIONS = {"if", "unless", "otherwise", "whether"}


def _backshifted(words: list[str], k: int, start: int, lex) -> bool:
    """"would" at ``k`` reports a speaker's "will": a past speech verb of ``backshift_verbs``
    at most eight tokens before it in the clause (then "that" or a subject, which may carry an
    apposition), not "would have", and no condition in the sentence. ``start`` is unused: the
    speech verb may stand before the modality window of the trigger."""
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


def _asides(words: list[str], first: int) -> tuple[set[int], int | None]:
    """Positions inside ", which/who ... ," asides closed before ``first`` ("Chile, which Peru
    accuses of spying, attacked Brazil": the aside's cue says nothing about the attack), and the
    opener of an aside still open at ``first`` (the trigger is inside it), if any."""
    out: set[int] = set()
    k = 0
    while k < first:
        if _opens_relative(words, k):
            end = next((j for j in range(k + 1, first) if words[j] == ","), None)
            if end is None:
                return out, k
            out.update(range(k, end + 1))
            k = end + 1
            continue
        k += 1
    return out, None


_MODALS_AFTER = {"would", "could", "might", "may", "will"}


def _modal_after(words: list[str], last: int) -> str:
    """"conflict with Iran would have ...": a modal right after a noun trigger's phrase."""
    for k in range(last + 1, min(len(words), last + 5)):
        if words[k] in _MODALS_AFTER:
            return words[k]
        if words[k] in (",", ".", ";", "that", "which", "who", "and", "but"):
            return ""
    return ""


def _not_a_negation(words: list[str], k: int) -> bool:
    """"not only ... but also" and "not least" do not negate."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return words[k] == "not" and nxt in ("only", "least", "just", "merely")


def _reported_by_structure(words: list[str], first: int, lex, skip: set[int] = frozenset()) -> str:
    """Content attributed to a speaker: "according to X" anywhere; a trigger before a closing
    attribution (", the ministry said."); or under an allegation verb ("X claimed that ...").
    Content after a neutral "X said (that)" stays Asserted: measured on the shared gold, treating
    it as Reported disagreed with the annotators more often than it agreed."""
    if "according" in words and "to" in words:
        return "according to"
    tail = words[-7:]
    for k, w in enumerate(tail):
        if w in lex.speech_verbs and "," in tail[:k] and tail[k - 1] not in _DETERMINERS and all(x in (".", "”", '"', "'", "on", "in")
                                                             or x.isalpha() for x in tail[k + 1:]):
            if len(words) - 7 + k > first:
                return w
    for k in range(first - 1, -1, -1):
        w = words[k]
        if w in _CLAUSE_STOP:
            break
        if k in skip:
            continue
        if w in ("that", "of") and k > 0:
            for j in range(k - 1, max(-1, k - 4), -1):
                if words[j] in lex.allegation_verbs:
                    return words[j] + " " + w
    return ""
