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
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.iris import actor_iri


class QueryError(Exception):
    """A query that cannot run: the message says where and why."""


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
              params: list[str] = ()) -> str:
    """Run a query over the build in ``out_dir`` and return its output as text."""
    import pyoxigraph as ox

    from graph.store import StoreMissing, query

    text, substitutions = prepare(sparql, named, list(params))
    try:
        result = query(out_dir, text, substitutions=substitutions or None)
    except StoreMissing as exc:
        raise QueryError(str(exc)) from None
    except SyntaxError as exc:
        raise QueryError(syntax_message(text, exc)) from None
    except OSError as exc:
        raise QueryError(f"{out_dir}: {exc}") from None
    except (RuntimeError, ValueError) as exc:  # evaluation errors, e.g. a bad substitution
        raise QueryError(f"query failed: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, ox.QueryTriples):
        return (result.serialize(format=ox.RdfFormat.TURTLE) or b"").decode("utf-8")
    if fmt == "table":
        return _table(result)
    formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
               "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}
    return (result.serialize(format=formats[fmt]) or b"").decode("utf-8")


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


def _table(result) -> str:
    from rich.console import Console
    from rich.table import Table

    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    count = 0
    for solution in result:
        table.add_row(*(_short(solution[n]) for n in names))
        count += 1
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=False, color_system=None).print(table)
    return buf.getvalue() + f"{count} row(s)\n"

