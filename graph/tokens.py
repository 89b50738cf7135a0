"""A fast word tokenizer with character offsets, shared by the linker and the extractor.

Possessive ``'s`` and hyphens are tokens of their own, so "Iran's" and "Azerbaijan-Iran" expose
the actor names inside them; dotted abbreviations ("U.S.", "U.N.") stay one token.

>>> [t.text for t in tokenize("Iran’s U.S.-backed rival")]
['Iran', '’s', 'U.S.', '-', 'backed', 'rival']
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"          # U.S., U.N., U.S.A.
    r"|[’']s\b"                     # possessive 's
    r"|\w+(?:[’'](?!s\b)\w+)*"      # words, with inner apostrophes (don't, d'Ivoire)
    r"|[^\w\s]",                    # any other single character
    re.UNICODE,
)


class Token(NamedTuple):
    """One token and its character offsets (a named tuple: cheap to make, millions are)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_title(self) -> bool:
        """Starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


#: Recent results of :func:`tokenize`: the linker, the claim and the interaction extractors
#: each tokenize every sentence, so most calls repeat one of the last few.
_RECENT: dict[tuple[str, int], tuple[Token, ...]] = {}
_RECENT_MAX = 512


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset`` (a sentence's start)."""
    key = (text, offset)
    tokens = _RECENT.get(key)
    if tokens is None:
        if len(_RECENT) >= _RECENT_MAX:
            _RECENT.clear()
        new = tuple.__new__      # Token(...) without the named tuple's own __new__ frame
        tokens = _RECENT[key] = tuple([
            new(Token, (m.group(), m.start() + offset, m.end() + offset))
            for m in _TOKEN.finditer(text)])
    return list(tokens)  # a fresh list: callers may change theirs


_APOSTROPHES = re.compile(r"[’']")


def word_runs(tokens: list[Token]) -> set[str]:
    """Every run of word characters (``\\w+``) in the text of ``tokens``, among other strings.

    A pattern that begins and ends a word at word boundaries (``\\bword\\b``) can match the text
    only where ``word`` is one of these: a sentence without any of a pattern's words need not be
    scanned for it. (Such a run is a token, or a part of a token with inner apostrophes.)
    """
    runs = {t[0] for t in tokens}
    for text in [w for w in runs if "'" in w or "’" in w]:
        runs.update(_APOSTROPHES.split(text))
    return runs


def token_texts(text: str) -> tuple[str, ...]:
    """The token strings of ``text``, used as keys of the gazetteer trie."""
    return tuple(m.group() for m in _TOKEN.finditer(text))
