"""``kg validate``: check a build against the data contract (``ontology/shapes.ttl``) with pyshacl.

The dataset keeps documents, actors, analysis results and the ontology in separate named
graphs, and shapes follow links across them (an interaction's source is typed in the actor
graph, its event type in the ontology graph), so the data graph is the union of all graphs of
``graph.trig``. ``strict`` also switches on the slow anchor shapes (span texts must equal the
document text between their offsets).

Plain literals: pyoxigraph writes plain strings as ``"x"``, which rdflib reads back as a
literal without datatype, while the shapes ask for ``xsd:string``. SHACL (and pyshacl) treat the
two alike, and :func:`load_dataset` normalises the other way round too (``"x"^^xsd:string``
becomes ``"x"``), so Python code comparing rdflib terms sees one spelling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SH = "http://www.w3.org/ns/shacl#"


@dataclass
class Violation:
    """One SHACL result, as short readable strings."""

    severity: str
    focus: str
    path: str
    value: str
    message: str
    shape: str = ""


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0


def plain(term):
    """``term`` with an explicit ``xsd:string`` datatype dropped (the RDF 1.1 plain-literal quirk).

    >>> from rdflib import Literal, XSD
    >>> plain(Literal("Baku", datatype=XSD.string)) == Literal("Baku")
    True
    """
    from rdflib import XSD, Literal

    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def load_dataset(out_dir: Path):
    """``graph.trig`` of a build as one rdflib ``Graph``: the union of all its named graphs."""
    from rdflib import Dataset, Graph

    from graph.store import TRIG, StoreMissing

    path = Path(out_dir) / TRIG
    if not path.is_file():
        raise StoreMissing(f"{out_dir}: no dataset here (run `kg build ... --out {out_dir}` first)")
    dataset = Dataset()
    dataset.parse(path, format="trig")
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, plain(o)))
    return union


def load_shapes(strict: bool = False):
    """The SHACL shapes of the data contract; ``strict`` activates the deactivated anchor shapes."""
    from rdflib import Graph, Literal, URIRef

    from graph.resources import ontology_dir

    shapes = Graph()
    shapes.parse(ontology_dir() / "shapes.ttl", format="turtle")
    if strict:
        shapes.remove((None, URIRef(SH + "deactivated"), Literal(True)))
    return shapes


def _short(term) -> str:
    from rdflib import BNode, URIRef

    from graph.iris import PREFIXES

    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if str(term).startswith(ns):
                return f"{prefix}:{str(term)[len(ns):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return "[]"
    return repr(str(term)) if len(str(term)) < 60 else repr(str(term)[:57] + "...")


def _path(results, node) -> str:
    """A SHACL path as text: ``p``, ``^p`` or ``p1/p2``."""
    from rdflib import URIRef
    from rdflib.collection import Collection

    if node is None:
        return ""
    if isinstance(node, URIRef):
        return _short(node)
    inverse = results.value(node, URIRef(SH + "inversePath"))
    if inverse is not None:
        return "^" + _path(results, inverse)
    try:
        return "/".join(_path(results, step) for step in Collection(results, node))
    except Exception:
        return "(complex path)"


def validate(out_dir: Path, *, strict: bool = False) -> ValidationReport:
    """Validate the build in ``out_dir`` against ``ontology/shapes.ttl``.

    Parameters
    ----------
    out_dir : path
        A folder built by ``kg build``.
    strict : bool
        Also run the anchor shapes (slow: one SPARQL query per sentence and mention).

    Returns
    -------
    ValidationReport
        ``conforms`` and one :class:`Violation` per SHACL result, sorted by focus node.
    """
    import pyshacl
    from rdflib import RDF, URIRef

    data = load_dataset(out_dir)
    conforms, results, _text = pyshacl.validate(data, shacl_graph=load_shapes(strict), inference="none",
                                                advanced=True, allow_warnings=True)
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    violations = []
    for r in results.subjects(RDF.type, sh("ValidationResult")):
        severity = results.value(r, sh("resultSeverity"))
        violations.append(Violation(
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            focus=_short(results.value(r, sh("focusNode"))),
            path=_path(results, results.value(r, sh("resultPath"))),
            value=_short(results.value(r, sh("value"))),
            message=" / ".join(sorted(str(m) for m in results.objects(r, sh("resultMessage")))),
            shape=_short(results.value(r, sh("sourceShape"))),
        ))
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), violations, len(data))


def format_report(report: ValidationReport, *, limit: int = 200) -> str:
    """The report as text: a table of focus node, path, value and message, then a summary."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    buf = StringIO()
    console = Console(file=buf, width=160, force_terminal=False, color_system=None)
    if report.violations:
        table = Table("severity", "focus node", "path", "value", "message", show_lines=False)
        for v in report.violations[:limit]:
            table.add_row(v.severity, v.focus, v.path, v.value, v.message)
        console.print(table)
        if len(report.violations) > limit:
            console.print(f"... and {len(report.violations) - limit} more")
    verdict = "conforms" if report.conforms else f"does not conform: {len(report.violations)} result(s)"
    console.print(f"{report.triples} triples checked against the data contract: {verdict}")
    return buf.getvalue()
