"""Stage 1: read article files into :class:`graph.model.Document` objects.

Input is a set of files or folders holding ``.txt``, ``.md``/``.markdown`` and
``.html``/``.htm`` files. Each file becomes one ``Document`` whose ``text`` is the cleaned
main text, with paragraphs separated by a blank line (``"\\n\\n"``); every later offset points
into that text. A file that cannot be used is never fatal: it becomes an :class:`IngestError`
naming the file and the reason, and the caller reports it and goes on.

Decisions
---------
* Encoding: UTF-8 (a UTF-8 BOM is dropped; a UTF-16 file with a BOM is decoded too). Any other
  bytes are reported as ``not valid UTF-8 (byte 0x.. at offset N)`` -- no guessing of legacy
  code pages, since a wrong guess silently corrupts names.
* Normalisation before the text is fixed: newlines to ``\\n``, Unicode NFC, zero-width
  characters and soft hyphens removed, trailing whitespace of lines removed. Whitespace *inside*
  a line is kept as it is, so quoted evidence still matches the text exactly.
* Plain text and Markdown: every non-blank line is a paragraph, except hard-wrapped blocks,
  whose lines are joined. Page cruft is removed by the rules of
  ``ontology/lexicon/cruft.yaml`` (data, not code). The headline is found (see
  :func:`find_title`), everything above it (site header, menus) is dropped and the headline is
  kept as the first paragraph. Byline and date lines are read as metadata and removed.
* HTML: trafilatura extracts the main text and metadata; if it finds no main text, a plain
  tag-stripping parser (skipping script/style/nav/header/footer/aside) is used instead and
  the result goes through the same cruft rules as plain text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from graph.model import Document

TEXT_SUFFIXES = frozenset({".txt"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
INPUT_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

CRUFT_FILE = Path(__file__).resolve().parent.parent / "ontology" / "lexicon" / "cruft.yaml"
_PACKAGED_CRUFT_FILE = Path(__file__).resolve().parent / "ontology" / "lexicon" / "cruft.yaml"

# Characters that are invisible but would shift offsets or split words.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Control characters allowed in text; any other C0 control counts toward "binary".
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b\x1b")
# Share of control bytes above which a file is treated as binary.
BINARY_CONTROL_RATIO = 0.10
#: Larger files are reported, not read: no article is this long, and extracting 50 MB of prose
#: would stall a build for a long time (see tests/test_hostile.py).
MAX_FILE_BYTES = 10 * 2**20


class IngestError(Exception):
    """A file that was skipped, with the reason.

    Parameters
    ----------
    path : str or Path
        The offending path, as the user gave it or as it was found in a folder.
    reason : str
        Why it was skipped, in plain words.

    Examples
    --------
    >>> str(IngestError("data/x.bin", "binary file (NUL bytes)"))
    'data/x.bin: skipped: binary file (NUL bytes)'
    """

    def __init__(self, path: str | Path, reason: str):
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: skipped: {reason}")


# ---------------------------------------------------------------------------------------------
# Finding the input files
# ---------------------------------------------------------------------------------------------


def _is_hidden(path: Path, root: Path) -> bool:
    """True if any part of ``path`` below ``root`` starts with a dot."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _has_input_suffix(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand files and folders into the sorted list of article files to read.

    Folders are walked recursively; files and folders whose name starts with a dot are
    skipped, as are files with other suffixes. A file named explicitly with an unsupported
    suffix, or a path that does not exist, is returned as an :class:`IngestError`.

    Parameters
    ----------
    paths : iterable of str or Path
        Files and/or folders.

    Returns
    -------
    files : list of Path
        De-duplicated (by resolved path), sorted by their path string.
    errors : list of IngestError
        One per unusable argument.

    Examples
    --------
    >>> files, errors = collect_inputs(["no/such/folder"])
    >>> files, str(errors[0])
    ([], 'no/such/folder: skipped: no such file or directory')
    """
    found: dict[Path, Path] = {}
    errors: list[IngestError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in path.rglob("*"):
                if (
                    candidate.is_file()
                    and _has_input_suffix(candidate)
                    and not _is_hidden(candidate, path)
                ):
                    found.setdefault(candidate.resolve(), candidate)
        elif path.is_file():
            if _has_input_suffix(path):
                found.setdefault(path.resolve(), path)
            else:
                errors.append(IngestError(path, f"unsupported file type {path.suffix or '(none)'!r}"))
        elif path.exists() or path.is_symlink():
            errors.append(IngestError(path, "not a regular file or folder"))
        else:
            errors.append(IngestError(path, "no such file or directory"))
    return sorted(found.values(), key=lambda p: (str(p), p.name)), errors


def iter_input_files(paths: Iterable[str | Path]) -> list[Path]:
    """Like :func:`collect_inputs`, but raise the first error instead of returning it.

    Examples
    --------
    >>> iter_input_files([])
    []
    """
    files, errors = collect_inputs(paths)
    if errors:
        raise errors[0]
    return files


def read_documents(paths: Iterable[str | Path]) -> tuple[list[Document], list[IngestError]]:
    """Read every article under ``paths``; unusable files are returned as errors.

    Examples
    --------
    >>> docs, errors = read_documents([])
    >>> docs, errors
    ([], [])
    """
    files, errors = collect_inputs(paths)
    documents = []
    for path in files:
        try:
            documents.append(read_document(path))
        except IngestError as error:
            errors.append(error)
    return documents, errors


# ---------------------------------------------------------------------------------------------
# Bytes to text
# ---------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:   # checked before reading: a huge file costs nothing
            raise IngestError(path, f"too large ({size / 2**20:.1f} MB; the limit is "
                                    f"{MAX_FILE_BYTES // 2**20} MB per document)")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(path, f"unreadable: {error.strerror or error}") from error


def _check_not_binary(path: Path, data: bytes) -> None:
    """Reject NUL bytes (unless UTF-16) and files made mostly of control bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in data:
        raise IngestError(path, "binary file (NUL bytes)")
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > BINARY_CONTROL_RATIO:
        raise IngestError(path, "binary file (control characters)")


def decode_text(path: Path, data: bytes) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16; anything else is an error.

    Examples
    --------
    >>> decode_text(Path("a.txt"), b"\\xef\\xbb\\xbfKyiv")
    'Kyiv'
    >>> decode_text(Path("a.txt"), b"caf\\xe9")
    Traceback (most recent call last):
    ...
    graph.ingest.IngestError: a.txt: skipped: not valid UTF-8 (byte 0xe9 at offset 3)
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise IngestError(path, f"not valid UTF-16 ({error.reason})") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
        byte = data[offset]
        raise IngestError(path, f"not valid UTF-8 (byte 0x{byte:02x} at offset {offset})") from error


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``, NFC, invisible characters removed, line ends stripped.

    Examples
    --------
    >>> normalise_text("Cafe\\u0301 \\r\\nnext\\u200b line  ")
    'Café\\nnext line'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0b", "\n").replace("\f", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def looks_like_html(text: str) -> bool:
    """True when a text *starts* as an HTML page (a ``.txt`` saved from a browser).

    Markup further down (an ``<img>`` quoted in an article) does not count.

    Examples
    --------
    >>> looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    True
    >>> looks_like_html("A post said <img src=x onerror=alert(1)> was harmless.")
    False
    """
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml version")) and "<html" in text[:5000].lower()


# ---------------------------------------------------------------------------------------------
# Reading one document
# ---------------------------------------------------------------------------------------------


def read_document(path: str | Path) -> Document:
    """Read one article file into a :class:`Document` (text + title, date, creator ...).

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.md``/``.markdown`` or ``.html``/``.htm`` file.

    Returns
    -------
    Document
        ``source`` is the path as given; ``text`` the cleaned main text.

    Raises
    ------
    IngestError
        Unreadable, too large (:data:`MAX_FILE_BYTES`), empty, binary or non-UTF-8 file, or no
        main text left after cleaning.

    Examples
    --------
    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> p = Path(folder, "a.txt")
    >>> _ = p.write_text("Border talks resume\\n\\nBy Jane Roe\\n\\nThe two ministers met on Monday.")
    >>> doc = read_document(p)
    >>> doc.title, doc.creator, doc.text
    ('Border talks resume', 'Jane Roe', 'Border talks resume\\n\\nThe two ministers met on Monday.')
    """
    path = Path(path)
    data = _read_bytes(path)
    _check_not_binary(path, data)
    raw = decode_text(path, data)
    if not raw.strip():
        raise IngestError(path, "empty file")
    _check_not_binary_text(path, raw)
    text = normalise_text(raw)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        document = html_to_document(text, source=str(path))
    elif suffix in MARKDOWN_SUFFIXES:
        document = markdown_to_document(text, source=str(path))
    else:
        document = plain_text_to_document(text, source=str(path))
    if not document.text.strip():
        raise IngestError(path, "no main text found (only page boilerplate)")
    return document


def _check_not_binary_text(path: Path, text: str) -> None:
    """Catch binary data that decoded as UTF-8 (many C1/C0 controls)."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\x0b\x1b")
    if controls / len(sample) > BINARY_CONTROL_RATIO:
        raise IngestError(path, "binary file (control characters)")


# ---------------------------------------------------------------------------------------------
# Cruft rules (data in ontology/lexicon/cruft.yaml)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CruftRules:
    """Compiled line patterns of ``cruft.yaml``; see that file for their meaning."""

    drop_lines: tuple[re.Pattern[str], ...]
    tail_markers: tuple[re.Pattern[str], ...]
    end_of_body: tuple[re.Pattern[str], ...]

    def is_dropped(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.drop_lines)

    def is_tail_marker(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.tail_markers)

    def is_end_of_body(self, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.end_of_body)


@lru_cache(maxsize=4)
def load_cruft_rules(path: str | Path | None = None) -> CruftRules:
    """Load and compile the cruft rules (cached).

    Examples
    --------
    >>> load_cruft_rules().is_dropped("Share this article")
    True
    """
    import yaml  # local import keeps `import graph.ingest` cheap

    if path is None:
        path = CRUFT_FILE if CRUFT_FILE.exists() else _PACKAGED_CRUFT_FILE
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rule["pattern"], re.IGNORECASE) for rule in data.get(key) or [])

    return CruftRules(compile_all("drop_lines"), compile_all("tail_markers"), compile_all("end_of_body"))


# ---------------------------------------------------------------------------------------------
# Dates and bylines
# ---------------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    re.compile(r"\b" + _YEAR + r"-(?P<mnum>[01]\d)-" + r"(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
)


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return _MONTHS["sept" if name.startswith("sept") else name[:3]]


def parse_date(line: str) -> str | None:
    """The first full calendar date in ``line``, as ISO ``YYYY-MM-DD``.

    Examples
    --------
    >>> parse_date("Wed, Oct 16, 2024 page1")
    '2024-10-16'
    >>> parse_date("Published 3rd March 2019 - 08:00 GMT")
    '2019-03-03'
    >>> parse_date("Sept. 9, 2022"), parse_date("2021-10-08T10:00"), parse_date("no date")
    ('2022-09-09', '2021-10-08', None)
    """
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(line):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _month_number(parts["month"])
            try:
                return _date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


_BYLINE = re.compile(r"^(?:by|author|authors|written by|words by|story by)\s*:?\s+(?P<names>.+)$", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?", re.IGNORECASE)
# Where the names of a byline stop: a date, a time, a handle, or the outlet's name.
_BYLINE_TAIL = re.compile(
    r"\s+(?:(?:the\s+)?(?:associated press|reuters|afp|bloomberg)\b|follow\b|@|\||—|–|-\s|updated\b|published\b|posted\b"
    r"|on\s+(?:mon|tue|wed|thu|fri|sat|sun)|" + _MONTH + r"\s+\d)",
    re.IGNORECASE,
)


def parse_byline(line: str) -> str | None:
    """The author names of a byline line, or None if the line is not a byline.

    Examples
    --------
    >>> parse_byline("By JANE ROE and JOHN DOE MARCH 2, 2020")
    'Jane Roe and John Doe'
    >>> parse_byline("Authors: A. Smith, B. Jones")
    'A. Smith, B. Jones'
    >>> parse_byline("By the end of the war, nobody trusted the ceasefire.") is None
    True
    """
    match = _BYLINE.match(line.strip())
    if not match or len(line) > 200:
        return None
    names = match.group("names")
    cut = _BYLINE_TAIL.search(names)
    if cut:
        names = names[: cut.start()]
    names = _TIME.sub("", names).strip(" ,;:|-–—")
    names = re.split(r",\s+(?=[a-z])", names)[0]      # "Jane Roe, senior analyst": the name only
    words = names.split()
    # A byline names people: few words, capitalised (or all caps), no sentence punctuation.
    if not words or len(words) > 25 or names.endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", names):
        return None
    if not all(w[0].isupper() or w.lower() in {"and", "&", "de", "van", "von", "al", "bin", "der", "la", "le", "da"} or not w[0].isalpha() for w in words):
        return None
    if all(w.isupper() for w in words if w.isalpha() and w.lower() not in {"and"}):
        names = " ".join(w if len(w) <= 2 and w.endswith(".") else w.capitalize() for w in words)
        names = re.sub(r"\bAnd\b", "and", names)
    return names


# ---------------------------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------------------------

_SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ')', ':', ';', '…')
# A prose line: long enough and ending like a sentence (used to tell body from header/teasers).
PROSE_MIN_CHARS = 80


def is_prose(line: str) -> bool:
    """True for a line that reads like body text (a long, punctuated sentence or more).

    Title Case lines are headlines, not prose, even when long.

    Examples
    --------
    >>> is_prose("Envoys From Both Capitals Meet Again as Pressure Mounts Over Border Clashes With U.S.")
    False
    """
    if len(line) < PROSE_MIN_CHARS or not line.rstrip().endswith(_SENTENCE_END):
        return False
    words = [w for w in line.split() if w[0].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised < 0.6 * len(words)


def split_blocks(text: str) -> list[list[str]]:
    """Blocks of non-blank lines separated by blank lines."""
    return [block.split("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block typed with hard line breaks: most lines long and not ending a sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    wrapped = sum(1 for line in body if 55 <= len(line) <= 100 and not line.endswith(_SENTENCE_END))
    return wrapped >= max(1, 0.6 * len(body))


def text_to_lines(text: str) -> list[str]:
    """One entry per paragraph: each line, except that hard-wrapped blocks are joined.

    Examples
    --------
    >>> text_to_lines("Menu\\nHome\\n\\nShort line one.\\nShort line two.")
    ['Menu', 'Home', 'Short line one.', 'Short line two.']
    """
    lines: list[str] = []
    for block in split_blocks(text):
        block = [line.strip() for line in block if line.strip()]
        if _is_hard_wrapped(block):
            lines.append(" ".join(block))
        else:
            lines.extend(block)
    return lines


def _prose_chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines if is_prose(line))


def cut_tail(lines: list[str], rules: CruftRules) -> list[str]:
    """Cut teaser sections and closing notes after the body.

    A tail marker or end-of-body line cuts the page from there on, but only when at least
    one prose paragraph precedes it and the prose before it outweighs the prose after it (a
    "Related" box near the top must not swallow the article).

    Examples
    --------
    >>> body = ["The ministers met in Geneva and agreed to resume the stalled talks next month."] * 2
    >>> cut_tail(body + ["Related stories", "Another headline about the talks"], load_cruft_rules())
    ... # doctest: +ELLIPSIS
    ['The ministers met...', 'The ministers met...']
    """
    for index, line in enumerate(lines):
        if not (rules.is_tail_marker(line) or rules.is_end_of_body(line)):
            continue
        before, after = _prose_chars(lines[:index]), _prose_chars(lines[index + 1 :])
        if before > 0 and before >= after:
            return lines[:index]
    return lines


# A headline may end with a dotted acronym ("... Relations With U.S.").
_ENDS_WITH_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}$")


def _is_headline(line: str, min_words: int = 3) -> bool:
    """Short, capitalised, and not ending with a period."""
    words = line.split()
    return (
        min_words <= len(words) <= 30
        and len(line) <= 250
        and (not line.endswith((".", ",", ";", ":")) or _ENDS_WITH_ACRONYM.search(line) is not None)
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")
        and parse_date(line) is None
    )


def _is_meta_line(line: str) -> bool:
    """A byline or a short line that mainly carries a date."""
    return parse_byline(line) is not None or (len(line) <= 100 and parse_date(line) is not None)


def find_title(lines: list[str]) -> int | None:
    """Index of the headline among the header lines (those before the first prose line).

    In order: a headline-like line that the page repeats (sites print the headline in the
    breadcrumb and above the article), else the headline-like line nearest to the first
    byline/date line (before it, else after it), else the first headline-like line of four
    or more words, else the first of three.

    Examples
    --------
    >>> find_title(["World", "Talks stall over border crossings", "By Jane Roe",
    ...             "The two delegations left Vienna without a deal after a week of talks."])
    1
    """
    header_end = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    header_end = min(header_end, 60)
    header = lines[:header_end]
    folded = [line.casefold() for line in header]
    candidates = [i for i, line in enumerate(header) if _is_headline(line) and not _is_meta_line(line)]
    repeated = [i for i in candidates if len(header[i].split()) >= 4 and folded.count(folded[i]) > 1]
    if repeated:
        # Of the copies, prefer the one with the most capitals (the properly cased headline).
        first = folded[repeated[0]]
        copies = [i for i in candidates if folded[i] == first]
        return max(copies, key=lambda i: (sum(ch.isupper() for ch in header[i]), -i))
    meta = next((i for i, line in enumerate(header) if _is_meta_line(line)), None)
    if meta is not None:
        before = [i for i in candidates if i < meta]
        after = [i for i in candidates if i > meta]
        if before:
            return before[-1]
        if after:
            return after[0]
    long_enough = [i for i in candidates if len(header[i].split()) >= 4]
    if long_enough:
        return long_enough[0]
    return candidates[0] if candidates else None


@dataclass
class _Metadata:
    title: str | None = None
    date: str | None = None
    creator: str | None = None
    publisher: str | None = None
    url: str | None = None


def clean_lines(lines: list[str], meta: _Metadata, rules: CruftRules | None = None) -> list[str]:
    """Remove cruft and metadata lines; fill ``meta`` from what the header reveals.

    Order matters: dates are read from lines *before* those lines are dropped as cruft
    ("Updated: ..."), the tail is cut before the title is searched, and everything above
    the title is the site header.
    """
    rules = rules or load_cruft_rules()
    header_end = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    for line in lines[: max(header_end, 1) + 5]:
        if meta.date is None and len(line) <= 120:
            meta.date = parse_date(line)
        if meta.creator is None:
            meta.creator = parse_byline(line)
    lines = cut_tail(lines, rules)
    kept = [line for line in lines if not rules.is_dropped(line)]
    title_index = find_title(kept)
    if title_index is not None:
        if meta.title is None:
            meta.title = kept[title_index]
        kept = kept[title_index:]
    title_key = meta.title.casefold() if meta.title else None
    result: list[str] = []
    header_done = False
    for line in kept:
        header_done = header_done or is_prose(line)
        if parse_byline(line) is not None or (not header_done and _is_meta_line(line)):
            continue  # bylines anywhere, date lines in the header: they are metadata
        if title_key and line.casefold() == title_key and result:
            continue  # the headline printed a second time
        result.append(line)
    return result


def _drop_teasers(lines: list[str]) -> list[str]:
    """Drop headline-like lines inside the body: teasers for other articles that page layouts
    put between paragraphs ("Minister says talks will resume"). A headline-like line has 3 to 14
    words and no closing punctuation. A run of three or more is a teaser block; a shorter run
    goes when its lines have five words or more and prose stands on both sides. The first line
    (the title) stays, and so do short section headings."""
    def headline(line: str) -> bool:
        return 3 <= len(line.split()) <= 14 and not line.rstrip().endswith(
            (".", "!", "?", ":", "\"", "”", "’", "'", ")", "…"))

    drop: set[int] = set()
    i = 1
    while i < len(lines):
        if not headline(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and headline(lines[j]):
            j += 1
        run = range(i, j)
        between_prose = j < len(lines) and is_prose(lines[i - 1]) and is_prose(lines[j])
        if len(run) >= 3 or (between_prose and all(len(lines[k].split()) >= 5 for k in run)):
            drop.update(run)
        i = j
    return [line for k, line in enumerate(lines) if k not in drop]


def plain_text_to_document(text: str, source: str) -> Document:
    """Build a Document from normalised plain text (see the module docstring).

    Examples
    --------
    >>> doc = plain_text_to_document("Home\\n\\nAllies pledge new aid\\n\\nOct 8, 2021\\n\\n"
    ...     "The allies pledged more aid on Friday.\\n\\nShare this article", "x.txt")
    >>> doc.title, doc.date, doc.text
    ('Allies pledge new aid', '2021-10-08', 'Allies pledge new aid\\n\\nThe allies pledged more aid on Friday.')
    """
    meta = _Metadata()
    # teasers are dropped from plain text only: Markdown and HTML mark headings and lists
    lines = _drop_teasers(clean_lines(text_to_lines(text), meta))
    return _document(source, lines, meta)


def _document(source: str, paragraphs: list[str], meta: _Metadata) -> Document:
    return Document(
        source=source,
        text="\n\n".join(p for p in paragraphs if p.strip()),
        title=meta.title,
        publisher=meta.publisher,
        date=meta.date,
        creator=meta.creator,
        url=meta.url,
    )


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n(?:---|\.\.\.)\n?", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`]+)`")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _front_matter(text: str, meta: _Metadata) -> str:
    """Read YAML front matter into ``meta``; return the text without it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    import yaml

    try:
        data = yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError:
        return text  # not front matter after all: keep it as text
    if isinstance(data, dict):
        lowered = {str(k).lower(): v for k, v in data.items()}

        def first(*keys: str) -> str | None:
            for key in keys:
                value = lowered.get(key)
                if isinstance(value, list):
                    value = ", ".join(str(v) for v in value)
                if value not in (None, ""):
                    return str(value).strip()
            return None

        meta.title = first("title", "headline")
        raw_date = first("date", "published", "pubdate", "published_at")
        meta.date = parse_date(raw_date) if raw_date else None
        meta.creator = first("author", "authors", "creator", "byline")
        meta.publisher = first("publisher", "site", "sitename", "source")
        meta.url = first("url", "link", "canonical")
    return text[match.end() :]


def strip_markdown_line(line: str) -> str:
    """Remove inline Markdown markup from one line, keeping the readable text.

    Examples
    --------
    >>> strip_markdown_line("**Iran** and [Azerbaijan](https://example.org/a) *held* `talks`")
    'Iran and Azerbaijan held talks'
    """
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_REF_LINK.sub(r"\1", line)
    line = _MD_AUTOLINK.sub(r"\1", line)
    line = _MD_CODE.sub(r"\1", line)
    for _ in range(2):  # nested emphasis (***x*** or **_x_**)
        line = _MD_EMPHASIS.sub(r"\2", line)
    return line.strip()


def markdown_to_text(text: str) -> tuple[str, str | None]:
    """Markdown to plain text with one blank line between blocks; also the first H1.

    Headings and list items become paragraphs of their own; other lines of a block are
    joined (Markdown paragraphs are soft-wrapped).

    Examples
    --------
    >>> markdown_to_text("# Talks resume\\n\\nThe envoys\\nmet again.\\n\\n- first point\\n- second point")
    ('Talks resume\\n\\nThe envoys met again.\\n\\nfirst point\\n\\nsecond point', 'Talks resume')
    """
    text = _HTML_COMMENT.sub("", text)
    text = _MD_LINK_DEF.sub("", text)
    paragraphs: list[str] = []
    first_heading = None
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    in_code = False
    lines = text.split("\n")
    for number, raw in enumerate(lines):
        if raw.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            flush()
            continue
        if in_code:
            continue  # code samples are not article prose
        if not raw.strip() or _MD_RULE.match(raw):
            flush()
            continue
        if _MD_SETEXT.match(raw) and current:
            heading = current.pop()
            flush()
            paragraphs.append(heading)
            first_heading = first_heading or (heading if raw.strip()[0] == "=" else None)
            continue
        heading = _MD_HEADING.match(raw)
        line = _MD_QUOTE.sub("", raw)
        if heading:
            flush()
            title = strip_markdown_line(heading.group(1))
            if raw.lstrip().startswith("# ") and first_heading is None:
                first_heading = title
            paragraphs.append(title)
        elif _MD_LIST.match(line):
            flush()
            current.append(strip_markdown_line(_MD_LIST.sub("", line, count=1)))
        elif _MD_FIELD.match(line):
            flush()                   # "**Published:** May 2, 2024": a metadata line of its own
            paragraphs.append(strip_markdown_line(line))
        else:
            current.append(strip_markdown_line(line))
    flush()
    return "\n\n".join(p for p in paragraphs if p), first_heading


# A bold "Label:" opening a line: "**Authors:** ...", "**Published:** ..."
_MD_FIELD = re.compile(r"^\s*(\*\*|__)[^*_\n]{1,40}?:?(\*\*|__):?\s")


def markdown_to_document(text: str, source: str) -> Document:
    """Build a Document from normalised Markdown: front matter, markup removed, cruft cut.

    Examples
    --------
    >>> doc = markdown_to_document("---\\ntitle: Envoys meet\\nauthor: Jane Roe\\ndate: 2024-05-02\\n---\\n"
    ...     "# Envoys meet\\n\\nThe *envoys* met in Doha.", "a.md")
    >>> doc.title, doc.creator, doc.date, doc.text
    ('Envoys meet', 'Jane Roe', '2024-05-02', 'Envoys meet\\n\\nThe envoys met in Doha.')
    """
    meta = _Metadata()
    body = _front_matter(text, meta)
    plain, heading = markdown_to_text(body)
    if meta.title is None and heading:
        meta.title = heading
    lines = clean_lines(plain.split("\n\n"), meta)
    if meta.title and (not lines or lines[0].casefold() != meta.title.casefold()):
        lines.insert(0, meta.title)
    return _document(source, lines, meta)


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def html_to_document(html: str, source: str) -> Document:
    """Main text and metadata of an HTML page, via trafilatura.

    The headline is the first paragraph; trafilatura's paragraphs (one per line) are
    separated by blank lines; the cruft rules run over the result as a safety net. If
    trafilatura finds no main text, :func:`strip_html` is used and the text is cleaned like a
    plain-text file.
    """
    import trafilatura  # heavy: imported only when an HTML page is read

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    extracted = _as_dict(result)
    meta = _Metadata(
        title=_clean_meta(extracted.get("title")),
        date=parse_date(extracted.get("date") or ""),
        creator=_clean_meta(extracted.get("author")),
        publisher=_clean_meta(extracted.get("sitename")) or _clean_meta(extracted.get("hostname")),
        url=_clean_meta(extracted.get("url")),
    )
    main_text = normalise_text(extracted.get("text") or "")
    if not main_text:
        fallback = plain_text_to_document(normalise_text(strip_html(html)), source)
        for field in ("title", "date", "creator", "publisher", "url"):
            if getattr(fallback, field) is None:
                setattr(fallback, field, getattr(meta, field))
        return fallback
    rules = load_cruft_rules()
    lines = [line.strip() for line in main_text.split("\n") if line.strip()]
    lines = [line for line in cut_tail(lines, rules) if not rules.is_dropped(line)]
    if meta.title and (not lines or lines[0].casefold() != meta.title.casefold()):
        lines.insert(0, meta.title)
    return _document(source, lines, meta)


def _as_dict(result: object) -> dict:
    """trafilatura returns a dict (1.x) or a Document object (2.x)."""
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    if hasattr(result, "as_dict"):
        return result.as_dict()
    return dict(vars(result))


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    text = normalise_text(str(value)).strip()
    return text or None


class _TextCollector(HTMLParser):
    """Collect visible text of an HTML page, one paragraph per block element."""

    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "head"})
    BLOCK = frozenset({"p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3",
                       "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "figure",
                       "figcaption", "dd", "dt", "title", "body"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))


def strip_html(html: str) -> str:
    """Visible text of an HTML page without tags, paragraphs separated by blank lines.

    Examples
    --------
    >>> strip_html("<nav>Home</nav><p>Envoys <b>met</b>.</p><p>Talks end.</p>")
    'Envoys met.\\n\\nTalks end.'
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
