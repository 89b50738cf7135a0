"""Stage 2: split ``Document.text`` into sentences with exact character offsets.

Rule-based and fast (no model): a blank line, or a single line break after a heading-like
line or before a list item, always ends a sentence. Inside a paragraph ``.``, ``!``, ``?`` and
``…`` end a sentence when followed by whitespace, except:

* the next word starts in lower case (``"e.g. the"``, ``"… and then"``, ``"?” he asked"``);
* the period follows an abbreviation of the ``continue`` list of
  ``ontology/lexicon/abbreviations.yaml`` (``Gen.``, ``Mr.``, ``No.``), a single capital
  letter (an initial: ``George W. Bush``) or a token of the ``may_end`` list / a dotted
  acronym (``U.S.``, ``Oct.``, ``J.D.``) -- for the last group the sentence DOES end when the
  next word is one of the listed ``sentence_starters`` (``"... in the U.S. The next day"``);
* a number follows a label abbreviation (``No. 10``).

Closing quotes and brackets after the end mark belong to the sentence that ends; decimals
(``9.3km``) never split because no whitespace follows the period. Spans exclude surrounding
whitespace, and every non-space character of the text lies in exactly one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.model import Document, Sentence

ABBREVIATIONS_FILE = Path(__file__).resolve().parent.parent / "ontology" / "lexicon" / "abbreviations.yaml"
_PACKAGED_ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "ontology" / "lexicon" / "abbreviations.yaml"

# End mark(s), then closing quotes/brackets, then the whitespace that must follow.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)")
# A paragraph break: a line break, optional blank-ish space, another line break.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_SINGLE_BREAK = re.compile(r"[^\S\n]*\n\s*")
_LIST_ITEM = re.compile(r"(?:[-*+•–—]|\d{1,3}[.)])\s")
_OPENERS = "\"'“‘«([¿¡"
_INITIAL = re.compile(r"[A-Z]")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_HEADING_MAX_CHARS = 60


@dataclass(frozen=True)
class Abbreviations:
    """The lists of ``abbreviations.yaml`` (entries without their final period)."""

    always_continue: frozenset[str]
    may_end: frozenset[str]
    sentence_starters: frozenset[str]


@lru_cache(maxsize=4)
def load_abbreviations(path: str | Path | None = None) -> Abbreviations:
    """Load the abbreviation lists (cached).

    Examples
    --------
    >>> "Gen" in load_abbreviations().always_continue
    True
    """
    import yaml  # local import: keep `import graph.sentences` cheap

    if path is None:
        path = ABBREVIATIONS_FILE if ABBREVIATIONS_FILE.exists() else _PACKAGED_ABBREVIATIONS_FILE
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return Abbreviations(
        frozenset(str(x) for x in data.get("continue") or []),
        frozenset(str(x) for x in data.get("may_end") or []),
        frozenset(str(x) for x in data.get("sentence_starters") or []),
    )


def _token_before(text: str, end: int, lower: int) -> str:
    """The non-space token that ends at ``end`` (without leading quotes/brackets)."""
    start = end
    while start > lower and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENERS)


def _next_word(text: str, start: int, upper: int) -> str:
    """The word that starts at ``start``, after any opening quotes or brackets."""
    while start < upper and text[start] in _OPENERS:
        start += 1
    end = start
    while end < upper and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return text[start:end]


def _is_boundary(text: str, match: re.Match[str], lower: int, upper: int, abbr: Abbreviations) -> bool:
    """Decide whether the end mark of ``match`` ends a sentence (see the module docstring)."""
    after = match.end()
    following = text[after] if after < upper else ""
    word = _next_word(text, after, upper)
    first = word[:1] or following
    if first.islower():
        return False
    marks = match.group(1)
    if marks != ".":
        return True  # ! ? … or a run like "?!" -- only a lower-case continuation keeps going
    token = _token_before(text, match.start(1), lower)
    if not token:
        return True
    # "SEN." and "JAN." (all capitals) are looked up as "Sen" and "Jan"; "no." is not "No.".
    forms = (token, token.capitalize()) if token.isupper() else (token,)
    if any(form in abbr.always_continue for form in forms):
        return False
    if _INITIAL.fullmatch(token):
        return False  # an initial: "George W. Bush"
    if any(form in abbr.may_end for form in forms) or _DOTTED_ACRONYM.fullmatch(token):
        return word in abbr.sentence_starters
    return True


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans that no sentence may cross: paragraphs, headings, list items."""
    spans: list[tuple[int, int]] = []
    position = 0
    for block_end, next_start in _breaks(text):
        spans.extend(_split_lines(text, position, block_end))
        position = next_start
    spans.extend(_split_lines(text, position, len(text)))
    return spans


def _breaks(text: str):
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield match.start(), match.end()


def _is_heading(line: str) -> bool:
    """A short line without end punctuation: very short, or Title Case up to 60 characters.

    A hard-wrapped line of prose (long, mostly lower case) is not a heading.
    """
    if not line or len(line) > _HEADING_MAX_CHARS or line.endswith((".", ",", ";", "-", "—", "–")):
        return False
    if len(line) <= 40 or line.endswith(":"):
        return True
    words = [w for w in line.split() if w[0].isalpha()]
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph at single line breaks that follow a heading or precede a list item."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    spans = []
    line_start = start
    for match in _SINGLE_BREAK.finditer(text, start, end):
        line = text[line_start : match.start()].strip()
        following = text[match.end() : end]
        heading = _is_heading(line) and not following[:1].islower()
        if heading or _LIST_ITEM.match(following):
            spans.append((line_start, match.start()))
            line_start = match.end()
    spans.append((line_start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, without surrounding whitespace.

    Parameters
    ----------
    text : str
        Any text; paragraphs separated by blank lines.

    Returns
    -------
    list of (int, int)
        Non-overlapping, ordered spans; ``text[start:end]`` is a sentence.

    Examples
    --------
    >>> text = "Gen. Michael S. Repass met U.S. officials on Oct. 8. They talked."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Gen. Michael S. Repass met U.S. officials on Oct. 8.', 'They talked.']
    >>> text = "Talks\\n\\nIt said “no.” Then it left."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Talks', 'It said “no.”', 'Then it left.']
    """
    abbr = load_abbreviations()
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(text):
        sentence_start = seg_start
        for match in _BOUNDARY.finditer(text, seg_start, seg_end):
            if _is_boundary(text, match, seg_start, seg_end, abbr):
                spans.append(_trim(text, sentence_start, match.start(3)))
                sentence_start = match.end()
        spans.append(_trim(text, sentence_start, seg_end))
    return [(s, e) for s, e in spans if e > s]


def add_sentences(doc: Document) -> Document:
    """Fill ``doc.sentences`` from ``doc.text`` and return the same document.

    Examples
    --------
    >>> doc = add_sentences(Document(source="x", text="Talks resumed. Both sides met."))
    >>> [(s.index, s.start, s.end, s.text) for s in doc.sentences]
    [(0, 0, 14, 'Talks resumed.'), (1, 15, 30, 'Both sides met.')]
    """
    doc.sentences = [
        Sentence(index=i, start=start, end=end, text=doc.text[start:end])
        for i, (start, end) in enumerate(split_sentences(doc.text))
    ]
    return doc
