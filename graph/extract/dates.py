"""Date expressions, normalised to ISO 8601, and the date of every interaction.

Absolute dates ("Oct 8, 2021", "8 October 2021", "October 2021", "in 2021", "the 1980s") are
normalised as they stand. Relative ones ("yesterday", "on Wednesday", "last Thursday",
"last week", "in recent days", "in early August", "last month", "this year") are resolved
against the document's date when it is known, and left unresolved (``value`` None) when it is
not: nothing is guessed. A weekday without "next" means the latest such day on or before the
document's date, as in news reports; a month without a year is the latest such month on or
before it.

Each :class:`DateMatch` has ``value`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the precision
the text gives) and, for spans ("the 1980s", "last week", "in early August"), ``interval``
(first and last day or year).

>>> [m.value for m in find_dates("Talks began on Oct 8, 2021 and resumed last Thursday.", "2021-10-18")]
['2021-10-08', '2021-10-14']
>>> [m.value for m in find_dates("Talks resumed last Thursday.", None)]
[None]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
for _name, _i in list(MONTHS.items()):
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("my", re.compile(rf"\b(?:(?P<part>early|mid|late)[- ])?{_MON},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}\b(?!,?\s*(?:1[89]|20)\d\d)(?!\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MON}\b(?!,?\s*(?:1[89]|20)\d\d)")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<year>(?:1[89]|20)\d0)s\b")),
    ("partmonth", re.compile(rf"\b(?:in\s+)?(?P<part>early|mid|late)[- ]{_MON}\b(?!,?\s*(?:of\s+)?(?:1[89]|20)\d\d)", re.I)),
    ("inmonth", re.compile(rf"\b(?:in|since|until|by|last|this|next)\s+{_MON}\b(?!\s*[0-3]?\d\b)(?!,?\s*(?:of\s+)?(?:1[89]|20)\d\d)")),
    ("year", re.compile(r"(?<![\d,.$£€-])\b(?P<year>(?:1[89]|20)\d\d)\b(?![\d,]|\s*(?:km|kilomet|miles|people|troops|soldiers|tons|%))")),
    ("yesterday", re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|next|this|on|late|early)\s+)?{_WD}\b")),
    ("week", re.compile(r"\b(?P<rel>last|next|this|past|previous|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("recent", re.compile(r"\b(?:in\s+)?(?:recent|the\s+past\s+few|the\s+last\s+few|the\s+past|the\s+last)\s+(?P<unit>days|weeks|months)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("earlier", re.compile(r"\b(?P<rel>earlier|later)\s+this\s+(?P<unit>week|month|year)\b", re.I)),
]
#: Patterns that cannot match without a digit (a day or a year).
_NEED_DIGIT = {"mdy", "dmy", "iso", "my", "md", "dm", "decade", "year"}
_DIGIT = re.compile(r"\d")
#: Patterns that cannot match without a year of four digits (1800-2099; "1990s" too).
_NEED_YEAR = {"mdy", "dmy", "iso", "my", "decade", "year"}
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")
#: Patterns that cannot match without a month name (it always starts a word).
_NEED_MONTH = {"mdy", "dmy", "my", "md", "dm", "partmonth", "inmonth"}
#: (A loose superset, "man" or "sun" pass too: two letter tests are cheaper than twelve words.)
_MONTH_START = re.compile(r"\b(?i:[jfmasond])(?i:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)")
#: Patterns that cannot match without one of these words or word parts (any case):
#: "day" covers the weekdays, "yesterday", "today" and "days".
_NEED_UNIT = {"yesterday", "weekday", "week", "recent", "ago", "earlier"}
#: (Written first letter, then rest: also a loose superset, "tear" passes, but cheap.)
_UNIT_PART = re.compile(r"(?i:[dwmyt](?:ay|eek|onth|ear|onight|omorrow))")
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10}
RELATIVE = {"md", "dm", "partmonth", "inmonth", "yesterday", "weekday", "week", "recent", "ago",
            "earlier"}


@dataclass
class DateMatch:
    """A date expression at ``start``..``end``: ``value`` is None when it cannot be resolved."""

    start: int
    end: int
    text: str
    kind: str
    value: str | None
    interval: tuple[str, str] | None = None

    @property
    def relative(self) -> bool:
        return self.kind in RELATIVE


def _parse_doc_date(doc_date: str | None) -> date | None:
    if not doc_date or len(doc_date) < 10:
        return None
    try:
        return date.fromisoformat(doc_date[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


def _iso(d: date) -> str:
    return d.isoformat()


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _month_end(y: int, m: int) -> date:
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _part_interval(y: int, m: int, part: str | None) -> tuple[str, str]:
    end = _month_end(y, m)
    if part is None:
        return _iso(date(y, m, 1)), _iso(end)
    part = part.lower()
    if part == "early":
        return _iso(date(y, m, 1)), _iso(date(y, m, 10))
    if part == "mid":
        return _iso(date(y, m, 11)), _iso(date(y, m, 20))
    return _iso(date(y, m, 21)), _iso(end)


def _latest_month_year(m: int, ref: date) -> int:
    """The year of the latest month ``m`` on or before ``ref``."""
    return ref.year if m <= ref.month else ref.year - 1


def _resolve(kind: str, g: dict, ref: date | None) -> tuple[str | None, tuple[str, str] | None]:
    if kind in ("mdy", "dmy"):
        d = _safe_date(int(g["year"]), _month(g["mon"]), int(g["day"]))
        return (_iso(d), None) if d else (None, None)
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["d"]))
        return (_iso(d), None) if d else (None, None)
    if kind == "my":
        y, m = int(g["year"]), _month(g["mon"])
        return _ym(y, m), (_part_interval(y, m, g.get("part")) if g.get("part") else None)
    if kind == "decade":
        y = int(g["year"])
        return str(y), (str(y), str(y + 9))
    if kind == "year":
        return g["year"], None
    if ref is None:
        return None, None
    if kind in ("md", "dm"):
        m = _month(g["mon"])
        d = _safe_date(_latest_month_year(m, ref), m, int(g["day"]))
        if d and d > ref:
            d = _safe_date(d.year - 1, m, d.day) if (d - ref).days > 60 else d
        return (_iso(d), None) if d else (None, None)
    if kind in ("partmonth", "inmonth"):
        m = _month(g["mon"])
        y = ref.year + 1 if g.get("rel") == "next" else _latest_month_year(m, ref)
        return _ym(y, m), _part_interval(y, m, g.get("part"))
    if kind == "yesterday":
        w = g["w"].lower()
        delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
        return _iso(ref + timedelta(days=delta)), None
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "next":
            ahead = (wd - ref.weekday()) % 7 or 7
            return _iso(ref + timedelta(days=ahead)), None
        back = (ref.weekday() - wd) % 7
        if rel == "last" and back == 0:
            back = 7
        return _iso(ref - timedelta(days=back)), None
    if kind in ("week", "earlier"):
        unit, rel = g["unit"].lower(), (g.get("rel") or "").lower()
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit == "week":
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            return _iso(monday), (_iso(monday), _iso(monday + timedelta(days=6)))
        if unit == "month":
            y, m = ref.year, ref.month + step
            if m < 1:
                y, m = y - 1, 12
            elif m > 12:
                y, m = y + 1, 1
            return _ym(y, m), _part_interval(y, m, None)
        return str(ref.year + step), None
    if kind == "recent":
        days = {"days": 7, "weeks": 30, "months": 120}[g["unit"].lower()]
        return _ym(ref.year, ref.month), (_iso(ref - timedelta(days=days)), _iso(ref))
    if kind == "ago":
        n = _NUM.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        if unit == "day":
            return _iso(ref - timedelta(days=n)), None
        if unit == "week":
            return _iso(ref - timedelta(weeks=n)), None
        if unit == "month":
            y, m = ref.year, ref.month - n
            while m < 1:
                y, m = y - 1, m + 12
            return _ym(y, m), None
        return str(ref.year - n), None
    return None, None


def find_dates(text: str, doc_date: str | None = None, offset: int = 0) -> list[DateMatch]:
    """Every date expression of ``text``, longest first where they overlap, in text order."""
    ref = _parse_doc_date(doc_date)
    taken: list[tuple[int, int]] = []
    out: list[DateMatch] = []
    # Cheap necessary conditions first: most sentences have no digit, no month name and no
    # day/week/month/year word, so most of the patterns below need not run at all.
    skip: set[str] = set()
    if _DIGIT.search(text) is None:
        skip |= _NEED_DIGIT
    elif _YEAR_DIGITS.search(text) is None:
        skip |= _NEED_YEAR
    if _MONTH_START.search(text) is None:
        skip |= _NEED_MONTH
    if _UNIT_PART.search(text) is None:
        skip |= _NEED_UNIT
    for kind, rx in PATTERNS:
        if kind in skip:
            continue
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < y and x < b for x, y in taken):
                continue
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "weekday" and g.get("rel") is None and a > 0 and text[a - 1:a] == "-":
                continue
            value, interval = _resolve(kind, g, ref)
            taken.append((a, b))
            out.append(DateMatch(a + offset, b + offset, m.group(), kind, value, interval))
    return sorted(out, key=lambda d: d.start)


def normalise(expression: str, doc_date: str | None = None) -> str | None:
    """The ISO value of one date expression ("last Thursday", "8 October 2021")."""
    found = find_dates(expression, doc_date)
    return found[0].value if found else None


def sentence_dates(doc, index: int) -> list[DateMatch]:
    s = doc.sentences[index]
    return find_dates(s.text, doc.date, s.start)


def date_interactions(doc):
    """Give every interaction a date: its sentence's (nearest to the trigger), else its
    event's, else the document's; ``date_source`` says which (SentenceDate, EventDate,
    DocumentDate). Events get a date from their own phrase or sentences if they had none."""
    by_index = {s.index: s for s in doc.sentences}
    cache: dict[int, list[DateMatch]] = {}

    def dates_of(i: int) -> list[DateMatch]:
        if i not in cache:
            cache[i] = [d for d in sentence_dates(doc, i) if d.value] if i in by_index else []
        return cache[i]

    events = {e.key: e for e in getattr(doc, "events", [])}
    for it in doc.interactions:
        found = dates_of(it.sentence)
        if found:
            best = min(found, key=lambda d: abs(d.start - it.start))
            it.date, it.date_source = best.value, "SentenceDate"
            continue
        ev = events.get(it.event) if it.event else None
        if ev is not None and ev.date:
            it.date, it.date_source = ev.date.split("/")[0], "EventDate"
        elif doc.date:
            it.date, it.date_source = doc.date[:10], "DocumentDate"
        else:
            it.date, it.date_source = None, None
    return doc


__all__ = ["DateMatch", "find_dates", "normalise", "sentence_dates", "date_interactions"]
