"""Longest-match lookup of knowledge-base names over tokens.

Surface forms are stored as token tuples in a trie; a match is the longest run of tokens that
spells a surface form, compared case-sensitively (so "turkey" the bird never matches "Turkey").
Names that merely contain an actor's name ("South China Sea") are stored as blocks: they match
as one unit and link nothing.
"""

from __future__ import annotations

from typing import NamedTuple

from graph.tokens import Token, token_texts

_END = "\0end"
BLOCK = ("", "block")


class Match(NamedTuple):
    """Tokens ``first``..``last`` (inclusive) spell ``surface``, which may name ``candidates``.

    (A named tuple: made for every name in every sentence, and cheaper than a dataclass.)
    """

    first: int
    last: int
    surface: str
    candidates: tuple[tuple[str, str], ...]

    @property
    def blocked(self) -> bool:
        return self.candidates == (BLOCK,)


class Gazetteer:
    """A token trie of surface forms.

    >>> g = Gazetteer()
    >>> g.add("South Korea", ("KOR", "name"))
    >>> g.add("Korea", ("KOR", "name"))
    >>> from graph.tokens import tokenize
    >>> [m.surface for m in g.scan(tokenize("South Korea and Korea"))]
    ['South Korea', 'Korea']
    """

    def __init__(self):
        self.root: dict = {}

    def add(self, surface: str, candidate: tuple[str, str]) -> None:
        key = token_texts(surface)
        if not key:
            return
        node = self.root
        for part in key:
            node = node.setdefault(part, {})
        found = node.setdefault(_END, [])
        if candidate == BLOCK:
            found[:] = [BLOCK]
        elif BLOCK not in found and candidate not in found:
            found.append(candidate)

    def longest_at(self, tokens: list[Token], i: int) -> Match | None:
        """The longest surface form that starts at ``tokens[i]``, else None."""
        return self.longest_word_at(_Texts(tokens), i)

    def longest_word_at(self, words, i: int) -> Match | None:
        """:meth:`longest_at` over plain strings (lower-cased words, say): no tokens to make."""
        if i >= len(words):
            return None
        node = self.root.get(words[i])  # most words start no name: return at once
        if node is None:
            return None
        return _longest(words, i, node)

    def scan(self, tokens: list[Token]) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        return self.scan_words([t.text for t in tokens])

    def scan_words(self, texts: list[str]) -> list[Match]:
        """:meth:`scan` over the token strings ``texts``."""
        root = self.root
        if root.keys().isdisjoint(texts):    # the common case: no name starts anywhere
            return []
        out = []
        n = len(texts)
        after = 0        # the first token after the last match
        for i in [i for i, w in enumerate(texts) if w in root]:
            if i < after:
                continue
            node = root[texts[i]]
            if _END not in node and (i + 1 == n or texts[i + 1] not in node):
                continue      # no name starts here ("the" before a word that no name has next)
            match = _longest(texts, i, node)
            if match is not None:
                out.append(match)
                after = match.last + 1
        return out


def _longest(words, i: int, node: dict) -> Match | None:
    """The longest surface form of the trie ``node`` of ``words[i]`` that starts at ``i``."""
    best = (i, node[_END]) if _END in node else None
    j, n = i + 1, len(words)
    while j < n:
        node = node.get(words[j])
        if node is None:
            break
        if _END in node:
            best = (j, node[_END])
        j += 1
    if best is None:
        return None
    last, candidates = best
    surface = words[i] if last == i else " ".join([words[k] for k in range(i, last + 1)])
    return Match(i, last, surface, tuple(candidates))


class _Texts:
    """The token strings of a token list, read on demand (no list built per lookup)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, k: int) -> str:
        return self.tokens[k].text
