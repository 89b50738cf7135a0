"""Longest-match lookup of knowledge-base names over tokens.

Surface forms are stored as token tuples in a trie; a match is the longest run of tokens that
spells a surface form, compared case-sensitively (so "turkey" the bird never matches "Turkey").
Names that merely contain an actor's name ("South China Sea") are stored as blocks: they match
as one unit and link nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.tokens import Token, token_texts

_END = "\0end"
BLOCK = ("", "block")


@dataclass(frozen=True)
class Match:
    """Tokens ``first``..``last`` (inclusive) spell ``surface``, which may name ``candidates``."""

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
        best = (i, node[_END]) if _END in node else None
        j = i + 1
        while j < len(words):
            node = node.get(words[j])
            if node is None:
                break
            if _END in node:
                best = (j, node[_END])
            j += 1
        if best is None:
            return None
        last, candidates = best
        return Match(i, last, " ".join(words[k] for k in range(i, last + 1)), tuple(candidates))

    def scan(self, tokens: list[Token]):
        """Non-overlapping longest matches, left to right."""
        texts = [t.text for t in tokens]     # read once, not through a wrapper per lookup
        i, n, root = 0, len(texts), self.root
        while i < n:
            if texts[i] not in root:   # the common case, without a call
                i += 1
                continue
            match = self.longest_word_at(texts, i)
            if match is None:
                i += 1
                continue
            yield match
            i = match.last + 1


class _Texts:
    """The token strings of a token list, read on demand (no list built per lookup)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, k: int) -> str:
        return self.tokens[k].text
