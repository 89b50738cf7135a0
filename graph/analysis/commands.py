"""Library functions behind ``kg analyze`` and ``kg compare`` (and the analysis ``kg build`` runs).

>>> import pyoxigraph
>>> from graph.analysis.commands import analyze_store
>>> report = analyze_store(pyoxigraph.Store())          # an empty dataset
>>> report.overall.camps.camps, report.documents
([], {})
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .network import DEFAULT_MODALITY_WEIGHTS
from .perspectives import Disagreement, NetworkAnalysis, analyze_network, by_document, by_publisher, compare
from .records import ActorInfo, load_actors, load_records
from .records import label_of as _label
from .temporal import Shift, by_window, shifts

BY_CHOICES = ("document", "publisher", "month", "quarter", "year")


@dataclass
class AnalysisReport:
    """The overall analysis, per-document camps, an optional split (``by``) and its shifts."""

    overall: NetworkAnalysis
    documents: dict[str, NetworkAnalysis]
    by: str | None = None
    perspectives: dict[str, NetworkAnalysis] = field(default_factory=dict)
    shifts: list[Shift] = field(default_factory=list)
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    quads: list = field(default_factory=list)


@dataclass
class Comparison:
    """Disagreements between sources (``by`` is ``document`` or ``publisher``)."""

    by: str
    sources: list[str]
    disagreements: list[Disagreement]
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- store access


def _open_store(out_dir: Path):
    try:
        from graph.store import open_store
    except ImportError:
        import pyoxigraph

        return pyoxigraph.Store(str(Path(out_dir) / "store"))
    return open_store(Path(out_dir))


def _write_graph(out_dir: Path | None, store, quads) -> None:
    from graph.iris import ANALYSIS_GRAPH

    if out_dir is not None:
        try:
            from graph.store import replace_graph
        except ImportError:
            replace_graph = None
        if replace_graph is not None:
            replace_graph(Path(out_dir), ANALYSIS_GRAPH, quads)
            return
    from pyoxigraph import NamedNode, Store

    if store is None:
        store = Store(str(Path(out_dir) / "store"))
    store.clear_graph(NamedNode(ANALYSIS_GRAPH))
    store.extend(quads)
    if hasattr(store, "flush"):
        store.flush()


# --------------------------------------------------------------------------- analyze


def _options(*, lift: bool = True, view: str = "factual", resolution: float = 1.0, seed: int = 0,
             k: int | None = None, mediators: bool = True, weights=None, weak_weights=None,
             documents=None, publishers=None, start=None, end=None, event_types=None) -> dict:
    """The options :func:`analyze_store` passes on (its defaults unless given), None left out."""
    options = dict(lift=lift, view=view, resolution=resolution, seed=seed, k=k,
                   mediators=mediators, weights=weights, weak_weights=weak_weights,
                   documents=documents, publishers=publishers, start=start, end=end,
                   event_types=event_types)
    return {key: v for key, v in options.items() if v is not None}


def analyze_store(store, *, by: str | None = None, lift: bool = True, view: str = "factual",
                  resolution: float = 1.0, seed: int = 0, k: int | None = None,
                  mediators: bool = True, weights: Mapping[str, float] | None = None,
                  weak_weights: Mapping[str, float] | None = None,
                  documents=None, publishers=None, start=None, end=None, event_types=None,
                  per_document: bool = True, records=None) -> AnalysisReport:
    """Run the analysis on an open pyoxigraph store (nothing is written).

    ``report.quads`` holds the analysis graph: the overall run, per-document camps (when
    ``per_document``) and, with ``by``, one run per perspective or window. ``records``, when
    given, are the interactions as :func:`graph.analysis.records.document_records` made them
    per document (a build's), instead of reading them from the store.
    """
    from .rdf import analysis_quads

    if by is not None and by not in BY_CHOICES:
        raise ValueError(f"by must be one of {BY_CHOICES}, not {by!r}")
    actors = load_actors(store)
    records = _records(store, actors, records)
    options = _options(lift=lift, view=view, resolution=resolution, seed=seed, k=k,
                       mediators=mediators, weights=weights, weak_weights=weak_weights,
                       documents=documents, publishers=publishers, start=start, end=end,
                       event_types=event_types)
    overall = analyze_network(records, actors, scope="all", **options)
    docs = by_document(records, actors, roles=False, **options) if per_document else {}
    perspectives: dict[str, NetworkAnalysis] = {}
    found_shifts: list[Shift] = []
    if by == "document":
        perspectives = docs
    elif by == "publisher":
        perspectives = by_publisher(records, actors, **options)
    elif by in ("month", "quarter", "year"):
        perspectives = by_window(records, actors, by=by, **options)
        found_shifts = shifts(perspectives)
    scopes = [overall, *docs.values()]
    if by not in (None, "document"):
        scopes += list(perspectives.values())
    quads = analysis_quads(scopes, actors=actors)
    return AnalysisReport(overall, docs, by, perspectives, found_shifts, actors, quads)


def analyze(out_dir: Path, *, write: bool = True, **options) -> AnalysisReport:
    """Rerun the analysis of a built dataset and (by default) write it back.

    Parameters
    ----------
    out_dir : Path
        The ``kg build`` output directory.
    write : bool, default True
        Replace the analysis named graph (via ``graph.store.replace_graph``).
    **options
        See :func:`analyze_store`: ``by`` (document, publisher, month, quarter, year),
        ``lift``, ``view``, ``resolution``, ``seed``, ``k``, ``mediators``, ``weights``,
        ``weak_weights``, ``documents``, ``publishers``, ``start``, ``end``, ``event_types``.
    """
    store = _open_store(Path(out_dir))
    report = analyze_store(store, **options)
    del store  # release the (read-only) store before the dataset is rewritten
    if write:
        _write_graph(Path(out_dir), None, report.quads)
    return report


def resolve_documents(out_dir: Path, names, store=None) -> list[str]:
    """Document IRIs for names given on the command line.

    A name is a document IRI, its source (``dcterms:source``, the path it was built from) or
    the source's file name. Raises ``ValueError`` naming what matches no document.
    """
    if store is None:
        store = _open_store(Path(out_dir))
    known: dict[str, str] = {}
    for row in store.query("PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?d ?s WHERE { "
                           "?d dcterms:source ?s }", use_default_graph_as_union=True):
        doc, src = row["d"].value, row["s"].value
        for key in (doc, src, Path(src).name):
            known.setdefault(key, doc)
    missing = [n for n in names if n not in known]
    if missing:
        raise ValueError(f"no such document: {', '.join(missing)}")
    return sorted({known[n] for n in names})


def _records(store, actors, records):
    """``records`` from the documents with their publishers' labels, else the store's."""
    if records is None:
        return load_records(store)
    from .records import with_publisher_labels

    return with_publisher_labels(records, actors)


def default_analysis_quads(store, records=None) -> list:
    """The analysis graph ``kg build`` writes, as quads: the default analysis of the whole
    dataset (:func:`default_analysis_graph` gives the same graph serialised, as a build writes
    it). ``records``: see :func:`analyze_store`.
    """
    return analyze_store(store, records=records).quads


def compare_sources(out_dir: Path | None = None, *, store=None, by: str = "document",
                    **options) -> Comparison:
    """Disagreements between the sources of a dataset (``kg compare DIR``)."""
    if store is None:
        store = _open_store(Path(out_dir))
    actors = load_actors(store)
    records = load_records(store)
    split = by_document if by == "document" else by_publisher
    titles = {}
    for row in store.query(
            "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?d ?t ?s WHERE { "
            "?d dcterms:source ?s . OPTIONAL { ?d dcterms:title ?t } }",
            use_default_graph_as_union=True):
        titles[row["d"].value] = row["t"].value if row["t"] is not None else row["s"].value
    if options.get("view"):
        analyses = split(records, actors, roles=False, **options)
        return Comparison(by, sorted(analyses), compare(analyses=analyses), actors, titles)
    # What each source reports (factual view), urges (advocacy view) and imagines (hypothetical
    # view), so that "A urges Washington to back Baku" or "A says Washington could help Baku"
    # meets "B reports Washington condemning Baku".
    # The "reports" side is the strict factual network (no weak ties): what a source only
    # urges or imagines is its "urges" or "imagines" side, never shown as something it reports.
    analyses = {}
    for view, verb in (("factual", "reports"), ("advocacy", "urges"), ("hypothetical", "imagines")):
        for source, analysis in split(records, actors, roles=False, view=view, weak_weights={},
                                      **options).items():
            key = f"{source} ({verb})"
            analyses[key] = analysis
            titles[key] = f"{titles.get(source, source)} ({verb})"
    found = [d for d in compare(analyses=analyses) if _source_of(d.sources[0]) != _source_of(d.sources[1])]
    return Comparison(by, sorted(analyses), found, actors, titles)


def _source_of(key: str) -> str:
    return key.rsplit(" (", 1)[0]


# --------------------------------------------------------------------------- JSON


def _r(x: float | None, nd: int = 4):
    return None if x is None else round(float(x), nd)


def _actor(iri, actors):
    return {"iri": iri, "label": _label(iri, actors)}


def _evidence(records) -> list[dict]:
    return [{"interaction": r.iri, "source": r.source, "target": r.target,
             "event_type": r.event_type, "polarity": r.polarity, "modality": r.modality,
             "confidence": r.confidence, "date": r.date, "document": r.document,
             "sentence": r.sentence, "text": r.text} for r in records]


def analysis_to_json(A: NetworkAnalysis, actors=None, *, roles: bool = True, top: int = 10) -> dict:
    """JSON-ready dict of one scope's analysis."""
    from .rdf import scope_path
    from graph.iris import RES

    res = A.camps
    base = RES + "analysis/" + scope_path(A)
    out = {
        "scope": A.scope,
        "kind": A.kind,
        "run": base + "/run",
        "actors": A.graph.number_of_nodes(),
        "ties": sum(1 for *_, d in A.graph.edges(data=True) if d["weight"] != 0),
        "records": A.records,
        "parameters": {k: (sorted(map(str, v)) if isinstance(v, (set, frozenset)) else v)
                       for k, v in A.parameters.items()},
        "frustration": _r(res.frustration),
        "normalised_frustration": _r(res.normalised_frustration),
        "frustration_index": _r(res.frustration_index),
        "normalised_frustration_index": _r(res.normalised_frustration_index),
        "balance_ratio": _r(res.balance_ratio),
        "exact": res.exact,
        "camps": [{"iri": f"{base}/camp/{i}", "members": [_actor(m, actors) for m in sorted(c, key=str)]}
                  for i, c in enumerate(res.camps, start=1)],
        "mediators": [_actor(m, actors) for m in sorted(res.mediators, key=str)],
        "outside": [_actor(m, actors) for m in sorted(res.outside, key=str)],
        "frustrated": [{"a": _actor(e.u, actors), "b": _actor(e.v, actors), "weight": _r(e.weight),
                        "kind": e.kind, "evidence": _evidence(e.records)} for e in res.frustrated],
        "clusters": [[_actor(m, actors) for m in sorted(c, key=str)] for c in A.clusters],
    }
    if roles:
        out["brokers"] = [{**_actor(n, actors), "betweenness": _r(b)} for n, b in A.brokers[:top]]
        out["targets"] = [{**_actor(n, actors), "negative_weight": _r(w)} for n, w in A.targets[:top]]
        out["stance"] = {n: [_r(x) for x in v] for n, v in A.stance.items()}
    return out


def _shift_json(s: Shift, actors) -> dict:
    return {"kind": s.kind, "a": _actor(s.a, actors), "b": _actor(s.b, actors) if s.b else None,
            "before": s.before, "after": s.after, "values": [_r(v) for v in s.values],
            "left": [_actor(x, actors) for x in s.detail[0]],
            "joined": [_actor(x, actors) for x in s.detail[1]],
            "evidence_before": _evidence(s.evidence_before),
            "evidence_after": _evidence(s.evidence_after)}


def report_to_json(report: AnalysisReport) -> dict:
    """JSON-ready dict of a report (``kg analyze --format json``)."""
    a = report.actors
    return {
        "overall": analysis_to_json(report.overall, a),
        "documents": [analysis_to_json(d, a, roles=False) for d in report.documents.values()],
        "by": report.by,
        "perspectives": [analysis_to_json(p, a) for p in report.perspectives.values()]
        if report.by != "document" else [],
        "shifts": [_shift_json(s, a) for s in report.shifts],
        "weights_default": dict(DEFAULT_MODALITY_WEIGHTS),
    }


def comparison_to_json(comparison: Comparison) -> dict:
    """JSON-ready dict of a comparison (``kg compare --format json``)."""
    a = comparison.actors
    return {
        "by": comparison.by,
        "sources": [{"id": s, "title": comparison.documents.get(s, s)} for s in comparison.sources],
        "disagreements": [
            {"kind": d.kind, "a": _actor(d.a, a), "b": _actor(d.b, a),
             "sides": [{"source": d.sources[i], "value": _r(d.values[i]),
                        "evidence": _evidence(d.evidence[i])} for i in (0, 1)]}
            for d in comparison.disagreements],
    }


# --------------------------------------------------------------------------- rich


def _names(members, actors) -> str:
    return ", ".join(sorted(_label(m, actors) for m in members))


def _quote(records, limit=1, width=110) -> str:
    texts = []
    for r in records[:limit]:
        t = " ".join(r.text.split())
        texts.append("\u201c" + (t if len(t) <= width else t[:width - 1] + "\u2026") + "\u201d")
    return "\n".join(texts)


def print_analysis(A: NetworkAnalysis, console, actors=None, *, roles: bool = True, top: int = 10) -> None:
    """Rich tables of one scope's analysis."""
    from rich.table import Table

    res = A.camps
    br = "n/a" if res.balance_ratio is None else f"{res.balance_ratio:.2f}"
    console.print(f"[bold]Scope {A.scope}[/bold]: {A.graph.number_of_nodes()} actors, "
                  f"{A.records} interactions; frustration {res.frustration:.3g} "
                  f"(normalised {res.normalised_frustration:.3f}), index {res.frustration_index:.3g} "
                  f"({res.normalised_frustration_index:.3f}{'' if res.exact else ', heuristic'}), "
                  f"triangle balance {br}")
    t = Table(title="Adversary camps")
    t.add_column("camp", justify="right")
    t.add_column("members")
    for i, c in enumerate(res.camps, start=1):
        t.add_row(str(i), _names(c, actors))
    if res.mediators:
        t.add_row("mediators", _names(res.mediators, actors))
    if res.outside:
        t.add_row("outside", _names(res.outside, actors))
    console.print(t)
    if res.frustrated:
        t = Table(title="Ties that break balance")
        for col in ("pair", "weight", "kind", "evidence"):
            t.add_column(col)
        for e in res.frustrated[:top]:
            t.add_row(f"{_label(e.u, actors)} \u2013 {_label(e.v, actors)}", f"{e.weight:+.2f}",
                      e.kind, _quote(e.records))
        console.print(t)
    if A.clusters:
        t = Table(title="Alignment clusters (positive ties, Louvain)")
        t.add_column("cluster", justify="right")
        t.add_column("members")
        for i, c in enumerate(A.clusters, start=1):
            t.add_row(str(i), _names(c, actors))
        console.print(t)
    if roles and (A.brokers or A.targets):
        t = Table(title="Brokers and targets")
        for col in ("broker", "betweenness", "target", "negative weight"):
            t.add_column(col)
        for i in range(min(top, max(len(A.brokers), len(A.targets)))):
            b = A.brokers[i] if i < len(A.brokers) else ("", None)
            g = A.targets[i] if i < len(A.targets) else ("", None)
            t.add_row(_label(b[0], actors) if b[0] else "", "" if b[1] is None else f"{b[1]:.3f}",
                      _label(g[0], actors) if g[0] else "", "" if g[1] is None else f"{g[1]:.2f}")
        console.print(t)
    if roles and res.camps and A.stance:
        t = Table(title="Net stance toward each camp")
        t.add_column("actor")
        for i in range(len(res.camps)):
            t.add_column(f"camp {i + 1}", justify="right")
        rows = sorted(A.stance.items(), key=lambda kv: -sum(abs(x) for x in kv[1]))[:top]
        for n, v in rows:
            t.add_row(_label(n, actors), *(f"{x:+.2f}" for x in v))
        console.print(t)


def print_report(report: AnalysisReport, console) -> None:
    """Print a report as rich tables (``kg analyze``)."""
    from rich.table import Table

    a = report.actors
    print_analysis(report.overall, console, a)
    if report.documents and report.by is None:
        t = Table(title="Camps per document")
        t.add_column("document")
        t.add_column("camps")
        t.add_column("frustration", justify="right")
        for doc, A in report.documents.items():
            t.add_row(doc.rsplit("/", 1)[-1], " | ".join(_names(c, a) for c in A.camps.camps),
                      f"{A.camps.frustration:.3g}")
        console.print(t)
    for A in report.perspectives.values():
        console.rule(str(A.scope))
        print_analysis(A, console, a, top=5)
    if report.shifts:
        t = Table(title="Shifts")
        for col in ("when", "change", "actors", "before", "after"):
            t.add_column(col)
        for s in report.shifts:
            who = f"{_label(s.a, a)} \u2013 {_label(s.b, a)}" if s.b else _label(s.a, a)
            if s.kind == "changed camp":
                who += f" (left {', '.join(_label(x, a) for x in s.detail[0]) or '-'}; " \
                       f"joined {', '.join(_label(x, a) for x in s.detail[1]) or '-'})"
            t.add_row(f"{s.before} \u2192 {s.after}", s.kind, who, _quote(s.evidence_before),
                      _quote(s.evidence_after))
        console.print(t)


def print_comparison(comparison: Comparison, console) -> None:
    """Print the disagreements between sources (``kg compare``)."""
    from rich.table import Table

    a = comparison.actors
    if not comparison.disagreements:
        console.print(f"No disagreements between {len(comparison.sources)} sources.")
        return
    t = Table(title=f"Where sources disagree (by {comparison.by})")
    for col in ("kind", "actors", "one source", "says", "other source", "says"):
        t.add_column(col)
    for d in comparison.disagreements:
        names = [comparison.documents.get(s, s) for s in d.sources]
        if d.kind == "relation":
            says = (f"cooperative ({d.values[0]:+.2f})", f"hostile ({d.values[1]:+.2f})")
        else:
            says = ("same camp", "opposing camps")
        t.add_row(d.kind, f"{_label(d.a, a)} \u2013 {_label(d.b, a)}",
                  names[0], f"{says[0]}\n{_quote(d.evidence[0], 2)}",
                  names[1], f"{says[1]}\n{_quote(d.evidence[1], 2)}")
    console.print(t)


def default_analysis_graph(store, jobs: int = 1, records=None):
    """The analysis graph of :func:`default_analysis_quads`, already serialised
    (:class:`graph.store.GraphText`): what a build writes.

    Each document's analysis is serialised as soon as it is made (by the ``jobs`` processes
    that make it), so the build holds its bytes rather than its quads: a tenth of the memory.
    """
    from graph.store import join_runs

    from .parallel import document_analysis_runs, document_run
    from .perspectives import by_document

    actors = load_actors(store)
    records = _records(store, actors, records)
    options = _options()
    per_document = document_analysis_runs(records, actors, jobs, **options) if jobs > 1 else None
    runs = next(per_document) if per_document else []  # the pool starts before the overall analysis
    runs.append(document_run(analyze_network(records, actors, scope="all", **options), actors))
    if per_document:
        for more in per_document:
            runs += more
    else:
        runs += [document_run(analysis, actors)
                 for analysis in by_document(records, actors, roles=False, **options).values()]
    return join_runs(runs)
