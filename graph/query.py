"""SPARQL over a build: ad-hoc text, ``.rq`` files, and the named queries shipped in the package.

Results are printed as a rich table, W3C SPARQL 1.1 JSON, CSV, TSV or XML; ASK prints
``true``/``false``; CONSTRUCT and DESCRIBE print Turtle. Named queries are ``.rq`` files in
``graph/queries`` whose header comments give a title, a description and the parameters::

    # title: Interactions between two actors
    # description: every interaction from A to B or B to A, with its evidence sentence
    # param: a actor   the first actor (key such as IRN, or an IRI)
    # param: b actor   the second actor

Parameters are bound by a ``VALUES`` block put first in the query's ``WHERE`` clause (so the
engine starts from the bound terms: pyoxigraph's ``substitutions`` are several times slower).
The block is built only from pyoxigraph terms: a ``NamedNode`` refuses an invalid IRI (no
``<``, ``>``, spaces, quotes or braces can get in) and a ``Literal`` escapes its quotes,
backslashes and newlines when written as N-Triples (``str(term)``), so the user's text can never
close the term and add SPARQL; the variable names come from the query's own header, not from the
request. A named query therefore uses ``?name`` only where the bound value is in scope: in the
``WHERE`` group the block is put in, after it (see the queries in ``graph/queries``). The block
goes into the first ``WHERE {`` of the text: a query that aggregates in a sub-query and should
start from the bound value there leaves out the outer (optional) ``WHERE`` keyword, as
``documents-mentioning.rq`` does.

Paging. A named query with a large answer is read a page at a time (``limit`` rows from
``offset``; ``DEFAULT_PAGE`` rows unless told otherwise, ``limit=0`` for everything), as
datasette does. A query whose per-row fields are costly to read chooses the page first: an inner
sub-query reads only the sort keys (its ``ORDER BY`` is the outer one's), and a line ``# page``
after that ``ORDER BY`` marks where the page's ``LIMIT`` and ``OFFSET`` go, so the other fields
are looked up for the rows of the page only. Such a query returns one row per row of its inner
sub-query, which is what keeps the pages of a query, put end to end, equal to its whole answer
(``tests/test_query_equivalence.py``). A query without the mark gets ``LIMIT`` and ``OFFSET``
after its own ``ORDER BY``. One row more than the page is asked for, to tell whether another
page follows (:class:`Page`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.iris import actor_iri


DEFAULT_PAGE = 100  # rows of a named query's answer shown at once (datasette's default)
# Rows read at once when a paged query's whole answer is asked for. pyoxigraph's optimiser joins
# a sub-query without LIMIT, or with one above ~10 million, to the rest by evaluating the rest on
# its own (every interaction of the dataset: 5 s instead of 0.6 s for a pair's 651 rows on the
# benchmark); with a smaller LIMIT it looks the rest up for each row of the sub-query.
WHOLE_CHUNK = 1_000_000

_PAGE_MARK = re.compile(r"^[ \t]*# page[ \t]*$", re.MULTILINE)


class QueryError(Exception):
    """A query that cannot run: the message says where and why."""


@dataclass
class Page:
    """Which rows of a named query's answer were returned.

    Attributes
    ----------
    offset : int
        Rows skipped before the first one returned.
    limit : int
        The page size asked for (0: the whole answer).
    rows : int
        Rows returned.
    more : bool
        Whether the answer goes on after these rows.
    """

    offset: int = 0
    limit: int = 0
    rows: int = 0
    more: bool = False

    @property
    def next_offset(self) -> int | None:
        """The ``offset`` of the next page, or ``None`` after the last one."""
        return self.offset + self.rows if self.more else None

    def note(self) -> str:
        """One line for people: which rows these are and how to get the next ones."""
        if not self.more:
            return ""
        first = self.offset + 1 if self.rows else self.offset
        return (f"rows {first}-{self.offset + self.rows} shown; more follow: "
                f"--offset {self.next_offset} for the next page, --all (or --limit 0) for every row")


@dataclass
class NamedQuery:
    name: str
    path: Path
    title: str = ""
    description: str = ""
    params: list[tuple[str, str, str]] = field(default_factory=list)  # (name, kind, help)

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped in the package, by name (file stem)."""
    from graph.resources import queries_dir

    out = {}
    for path in sorted(queries_dir().glob("*.rq")):
        q = NamedQuery(path.stem, path)
        for line in path.read_text(encoding="utf-8").splitlines():
            m = _HEADER.match(line.strip())
            if not m:
                if line.strip() and not line.startswith("#"):
                    break
                continue
            key, value = m.groups()
            if key == "param":
                parts = value.split(None, 2)
                q.params.append((parts[0], parts[1] if len(parts) > 1 else "literal",
                                 parts[2] if len(parts) > 2 else ""))
            else:
                setattr(q, key, value.strip())
        out[q.name] = q
    return out


def _bind(kind: str, value: str):
    import pyoxigraph as ox

    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if kind == "actor":
        return ox.NamedNode(value if value.startswith(("http://", "https://")) else actor_iri(value))
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "integer":
        return ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


_WHERE = re.compile(r"^[^#\n]*?\bWHERE\s*\{", re.MULTILINE | re.IGNORECASE)


def with_values(text: str, bound: dict) -> str:
    """``text`` with ``VALUES (?name ...) { (term ...) }`` first in its ``WHERE`` clause.

    ``bound`` maps variable names (from the query's header) to pyoxigraph terms; each term is
    written as its own N-Triples form (``str(term)``), which pyoxigraph has validated (IRIs)
    or escaped (literals), so no user text reaches the query unquoted.
    """
    import pyoxigraph as ox

    if not bound:
        return text
    m = _WHERE.search(text)
    if m is None:
        raise QueryError("a named query with parameters needs a `WHERE {` clause to bind them in")
    for term in bound.values():
        if not isinstance(term, (ox.NamedNode, ox.Literal)):
            raise QueryError(f"cannot bind {term!r}")
    names = " ".join(f"?{ox.Variable(n).value}" for n in bound)
    terms = " ".join(str(t) for t in bound.values())
    return f"{text[:m.end()]}\n  VALUES ({names}) {{ ({terms}) }}{text[m.end():]}"


def paged(text: str, limit: int, offset: int = 0) -> str:
    r"""``text`` (a named query) restricted to ``limit`` rows from ``offset`` (``limit`` 0: all).

    The ``LIMIT``/``OFFSET`` clause replaces the query's ``# page`` line (the page is then
    chosen in its inner sub-query, before the costly fields are read), or else follows the
    query's final ``ORDER BY``. Both numbers are Python integers, never the user's text. A
    query with the mark always gets a ``LIMIT`` (``WHOLE_CHUNK`` for ``limit`` 0), which keeps
    the page chosen first; :func:`select_pages` reads a larger answer chunk by chunk.

    >>> paged("SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x", 10, 20)
    'SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\nLIMIT 10 OFFSET 20\n'
    >>> paged("SELECT * { { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n  # page\n} } ORDER BY ?x", 5)
    'SELECT * { { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n  LIMIT 5\n} } ORDER BY ?x'
    """
    limit, offset = int(limit), int(offset)
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must be 0 or more")
    mark = _PAGE_MARK.search(text)
    if mark is not None and not limit:
        limit = WHOLE_CHUNK
    clause = " ".join(part for part in (f"LIMIT {limit}" if limit else "",
                                        f"OFFSET {offset}" if offset else "") if part)
    if not clause:
        return text
    if mark is None:
        return text.rstrip() + "\n" + clause + "\n"
    indent = mark.group(0)[:len(mark.group(0)) - len(mark.group(0).lstrip())]
    return text[:mark.start()] + indent + clause + text[mark.end():]


def has_page_mark(text: str) -> bool:
    """Whether ``text`` chooses its page in a sub-query (a ``# page`` line)."""
    return _PAGE_MARK.search(text) is not None


def select_pages(run, text: str, limit: int = 0, offset: int = 0):
    """``(variables, solutions, more)`` of the SELECT ``text`` run by ``run(text)``, paged.

    ``limit`` rows (0: all) from ``offset``; one more row is read to tell whether another page
    follows. A whole answer of a query with a ``# page`` mark is read ``WHOLE_CHUNK`` rows at a
    time (see :func:`paged`). ``run`` returns pyoxigraph ``QuerySolutions``.
    """
    if limit:
        result = run(paged(text, limit + 1, offset))
        rows = list(result)
        return [v.value for v in result.variables], rows[:limit], len(rows) > limit
    if not has_page_mark(text):
        result = run(paged(text, 0, offset))
        return [v.value for v in result.variables], list(result), False
    rows = []
    while True:
        result = run(paged(text, WHOLE_CHUNK, offset + len(rows)))
        chunk = list(result)
        rows += chunk
        if len(chunk) < WHOLE_CHUNK:
            return [v.value for v in result.variables], rows, False


def prepare(sparql: str | None, named: str | None, params: list[str]) -> tuple[str, dict]:
    """The query text (named-query parameters bound in it by ``with_values``) and substitutions."""
    import pyoxigraph as ox

    substitutions = {}
    if named:
        bound = {}
        queries = named_queries()
        if named not in queries:
            raise QueryError(f"no named query {named!r}; `kg queries` lists them")
        nq = queries[named]
        kinds = {p[0]: p[1] for p in nq.params}
        for item in params:
            if "=" not in item:
                raise QueryError(f"--param {item!r}: expected NAME=VALUE")
            name, value = item.split("=", 1)
            if name not in kinds:
                raise QueryError(f"{named}: unknown parameter {name!r} (it takes: {', '.join(kinds) or 'none'})")
            try:
                bound[ox.Variable(name).value] = _bind(kinds[name], value)
            except ValueError as exc:  # not a valid IRI or integer: refused, never pasted
                raise QueryError(f"{named}: bad value for {name!r} ({kinds[name]}): {exc}") from None
        return with_values(nq.text, bound), substitutions
    if sparql is None:
        raise QueryError("give a SPARQL query, a .rq file, or --named NAME")
    if sparql.endswith(".rq") and Path(sparql).is_file():
        sparql = Path(sparql).read_text(encoding="utf-8")
    return sparql, substitutions


def run_query(out_dir, sparql: str | None = None, *, fmt: str = "table", named: str | None = None,
              params: list[str] = (), limit: int = 0, offset: int = 0, store=None) -> str:
    """Run a query over the build in ``out_dir`` and return its output as text.

    ``limit`` and ``offset`` page a named query's answer (see :func:`run_query_page`); by
    default the whole answer is returned.
    """
    return run_query_page(out_dir, sparql, fmt=fmt, named=named, params=params, limit=limit,
                          offset=offset, store=store)[0]


def run_query_page(out_dir, sparql: str | None = None, *, fmt: str = "table", named: str | None = None,
                   params: list[str] = (), limit: int = 0, offset: int = 0,
                   store=None) -> tuple[str, Page]:
    """Run a query and return its output as text with the :class:`Page` of rows it holds.

    Parameters
    ----------
    out_dir : path
        The build folder (its store is opened read-only unless ``store`` is given).
    limit, offset : int
        For a named query, at most ``limit`` rows (0: all) after skipping ``offset``; one more
        row is read to tell whether another page follows (``Page.more``). Ad-hoc queries carry
        their own ``LIMIT`` and ``OFFSET`` and are returned whole.
    store : pyoxigraph.Store, optional
        An open store to query instead of opening ``out_dir``'s.
    """
    import pyoxigraph as ox

    from graph.store import StoreMissing, query

    text, substitutions = prepare(sparql, named, list(params))
    page = Page(offset=offset if named else 0, limit=limit if named else 0)

    def run(sparql_text):
        try:
            return query(store if store is not None else out_dir, sparql_text,
                         substitutions=substitutions or None)
        except StoreMissing as exc:
            raise QueryError(str(exc)) from None
        except SyntaxError as exc:
            raise QueryError(syntax_message(sparql_text, exc)) from None
        except OSError as exc:
            raise QueryError(f"{out_dir}: {exc}") from None
        except (RuntimeError, ValueError) as exc:  # evaluation errors, e.g. a bad substitution
            raise QueryError(f"query failed: {exc}") from None

    if not named:
        result = run(text)
        if isinstance(result, ox.QueryBoolean):
            return ("true" if bool(result) else "false"), page
        if isinstance(result, ox.QueryTriples):
            return (result.serialize(format=ox.RdfFormat.TURTLE) or b"").decode("utf-8"), page
        if fmt == "table":
            text, page.rows = _table(result)
            return text, page
        formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                   "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}
        return (result.serialize(format=formats[fmt]) or b"").decode("utf-8"), page
    from graph.results import serialize_select

    variables, rows, page.more = select_pages(run, text, limit, offset)
    page.rows = len(rows)
    if fmt == "table":
        return _table_rows(variables, rows), page
    return serialize_select(variables, rows, fmt).decode("utf-8"), page


def pair_events_timeline(out_dir, a: str, b: str, *, store=None) -> list[dict[str, str]]:
    """The dated events and interactions of the pair ``a``, ``b`` (keys such as "IRN", or IRIs).

    Rows of the named query ``pair-events-timeline`` as dicts (``date``, ``kind`` "event" or
    "interaction", ``what`` (the type), ``direction``, ``polarity``, ``modality``,
    ``dateSource``, ``event``, ``evidence``), undated rows first. A statement found more than
    once (same kind, type, direction, evidence and event) is kept once, at its first place.
    """
    from graph.store import select_rows

    text, _ = prepare(None, "pair-events-timeline", [f"a={a}", f"b={b}"])
    seen, out = set(), []
    for row in select_rows(store if store is not None else Path(out_dir), text):
        key = (row.get("kind"), row.get("what"), row.get("direction"), row.get("evidence"), row.get("event"))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


_POSITION = re.compile(r"\b(?:at|line)\s+(\d+):(\d+)")


def syntax_message(text: str, exc: Exception) -> str:
    """A syntax error with its line and column and the offending line marked by a caret.

    pyoxigraph (0.5) reports ``error at LINE:COLUMN: expected ...`` (1-based, counted in the
    query text as given: the predefined prefixes are passed separately and do not shift them).
    Its PEG parser reports the furthest point it reached, which is at or just after the real
    mistake, hence "near". The message is kept and the line it points at is quoted below it.

    >>> print(syntax_message("SELECT ?x WHERE { ?x ?p }", SyntaxError("error at 1:25: expected ...")))
    SPARQL syntax error near line 1, column 25: error at 1:25: expected ...
      SELECT ?x WHERE { ?x ?p }
                              ^
    """
    message = str(exc)
    m = _POSITION.search(message)
    if not m:
        return f"SPARQL syntax error: {message}"
    line, column = int(m.group(1)), int(m.group(2))
    lines = text.splitlines() or [""]
    quoted = lines[min(max(line, 1), len(lines)) - 1]
    caret = " " * min(max(column - 1, 0), len(quoted)) + "^"
    return f"SPARQL syntax error near line {line}, column {column}: {message}\n  {quoted}\n  {caret}"


def format_named_queries() -> str:
    """The named queries as text for ``kg queries``: name, title, description, parameters."""
    out = []
    for nq in named_queries().values():
        out.append(f"{nq.name}  --  {nq.title}")
        if nq.description:
            out.append(f"    {nq.description}")
        for name, kind, help_ in nq.params:
            out.append(f"    --param {name}=...  ({kind}) {help_}")
        out.append("")
    return "\n".join(out)


def _short(term) -> str:
    from graph.iris import PREFIXES

    if term is None:
        return ""
    value = term.value
    if type(term).__name__ == "NamedNode":
        for prefix, ns in PREFIXES.items():
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns):]}"
    return value


def _table(result) -> tuple[str, int]:
    names = [v.value for v in result.variables]
    rows = list(result)
    return _table_rows(names, rows), len(rows)


def _table_rows(names: list[str], rows: list) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*names, show_lines=False)
    for solution in rows:
        table.add_row(*(_short(solution[n]) for n in names))
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=False, color_system=None).print(table)
    return buf.getvalue() + f"{len(rows)} row(s)\n"
