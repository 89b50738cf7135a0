"""The whole pipeline: files in, dataset and pages out.

>>> doc = process_text("Washington condemned Moscow's attacks on Ukraine.")
>>> sorted((i.source, i.target, i.polarity) for i in doc.interactions)
[('RUS', 'UKR', -1), ('USA', 'RUS', -1)]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Document


@dataclass
class BuildReport:
    """What a build did: documents built, files skipped (with reasons), figures."""

    out_dir: Path
    documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    quads: int = 0
    actors: int = 0
    interactions: int = 0
    claims: int = 0
    pages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.documents)


def process_document(doc: Document, kb=None) -> Document:
    """Run sentences -> actors -> extract (and dates) on an ingested document."""
    from graph.actors import link_actors
    from graph.extract import extract
    from graph.sentences import add_sentences

    add_sentences(doc)
    link_actors(doc, kb)
    extract(doc)
    try:
        from graph.extract.dates import date_interactions
    except ImportError:
        return doc
    date_interactions(doc)
    return doc


def process_text(text: str, source: str = "<text>", date: str | None = None, kb=None) -> Document:
    """Process a string as if it were a cleaned document (handy in notebooks and tests)."""
    return process_document(Document(source=source, text=text, date=date), kb)


def build(paths: Iterable[str | Path], out_dir: str | Path, *, actor_files: Iterable[str | Path] = (),
          progress: Callable[[int, int, str], None] | None = None, publisher: str | None = None,
          analysis: bool = True, pages: bool = True) -> BuildReport:
    """Build a dataset from ``paths`` (files or folders) into ``out_dir``.

    Bad files are reported in ``BuildReport.skipped`` (file name and reason) and the rest are
    built. Nothing is written unless at least one document could be built, and what is written
    replaces the old dataset atomically.

    Parameters
    ----------
    paths : iterable of path
        Files (.txt, .md, .html, .htm) or folders searched recursively.
    out_dir : path
        Where ``graph.trig``, ``store/`` and the pages go.
    actor_files : iterable of path
        The user's actors (YAML or Turtle), merged over the built-in knowledge base.
    progress : callable, optional
        Called as ``progress(done, total, name)`` after each document.
    """
    from graph import rdf, store
    from graph.actors.kb import load_knowledge_base
    from graph.ingest import IngestError, collect_inputs, read_document

    out_dir = Path(out_dir)
    report = BuildReport(out_dir)
    kb = load_knowledge_base(list(actor_files))
    files, errors = collect_inputs(paths)
    report.skipped += [str(e) for e in errors]
    quads = []
    actors = {}
    for n, path in enumerate(files, 1):
        try:
            doc = read_document(path)
            if publisher and not doc.publisher:
                doc.publisher = publisher
            process_document(doc, kb)
        except IngestError as exc:
            report.skipped.append(str(exc))
        except Exception as exc:  # one bad document must not stop the build
            report.skipped.append(f"{path}: skipped: {type(exc).__name__}: {exc}")
        else:
            quads.extend(rdf.document_quads(doc))
            actors.update(doc.actors)
            report.documents.append(str(path))
            report.interactions += len(doc.interactions)
            report.claims += len(doc.claims)
        if progress:
            progress(n, len(files), path.name)
    if not report.documents:
        return report
    report.actors = len(actors)
    quads.extend(rdf.actor_quads(sorted(actors.values(), key=lambda a: a.id)))
    quads.extend(_ontology_quads())
    report.quads = store.write_dataset(out_dir, quads)
    if analysis:
        _run_analysis(out_dir, report)
    if pages:
        _render(out_dir, report)
    return report


def _ontology_quads():
    """The event-type scheme, so queries can read labels and polarity of each type."""
    import pyoxigraph as ox

    from graph.iris import ONTOLOGY_GRAPH
    from graph.resources import ontology_dir

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    for name in ("event-types.ttl", "kgo.ttl"):
        with open(ontology_dir() / name, "rb") as fh:
            for q in ox.parse(fh, format=ox.RdfFormat.TURTLE):
                yield ox.Quad(q.subject, q.predicate, q.object, g)


def _run_analysis(out_dir: Path, report: BuildReport) -> None:
    try:
        from graph.analysis.commands import write_default_analysis
    except ImportError:
        return
    try:
        write_default_analysis(out_dir)
    except Exception as exc:  # the dataset stands without the analysis; say why
        report.warnings.append(f"analysis failed: {type(exc).__name__}: {exc}")
        print(f"warning: analysis failed: {exc}", file=sys.stderr)


def _render(out_dir: Path, report: BuildReport) -> None:
    try:
        from graph.render import render_site
    except ImportError:
        return
    try:
        report.pages = [str(p) for p in render_site(out_dir)]
    except Exception as exc:
        report.warnings.append(f"pages failed: {type(exc).__name__}: {exc}")
        print(f"warning: pages failed: {exc}", file=sys.stderr)
