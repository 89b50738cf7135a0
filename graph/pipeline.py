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
    """What a build did: documents built, files skipped (with reasons), figures.

    ``documents`` lists the input files whose document is in the dataset (built or reused).
    An incremental build also fills ``added`` (new content), ``changed`` (same path, new
    content), ``unchanged`` (reused without extraction), ``kept`` (sources of stored documents
    that were not among the inputs) and ``removed`` (sources of documents dropped: replaced, or
    pruned). The figures (``quads``, ``actors``, ``interactions``, ``claims``) describe the
    whole dataset written.
    """

    out_dir: Path
    documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    quads: int = 0
    actors: int = 0
    interactions: int = 0
    claims: int = 0
    pages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.documents)

    def summary(self) -> str:
        """One line: how many documents were added, changed, unchanged, kept and removed."""
        parts = [f"{len(getattr(self, name))} {name}"
                 for name in ("added", "changed", "unchanged", "kept", "removed")]
        return ", ".join(parts)


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
          analysis: bool = True, pages: bool = True, prune: bool = False,
          jobs: int = 1, dask=None) -> BuildReport:
    """Build a dataset from ``paths`` (files or folders) into ``out_dir``, incrementally.

    A document's identity is the hash of its cleaned text (:attr:`Document.key`). When
    ``out_dir`` already holds a dataset, each input file is read and hashed: content already
    stored is reused as it is (no extraction), new content is processed, and a stored document
    whose path now has other content is replaced. Stored documents whose path is not among the
    inputs are kept, unless ``prune``. The actor graph, the analysis and the pages are redone
    for the resulting set of documents.

    Bad files are reported in ``BuildReport.skipped`` (file name and reason) and the rest are
    built; a stored document whose file can no longer be read or processed keeps its previous
    version (with a warning). Nothing is written unless at least one input document could be
    built or reused, and what is written replaces the old dataset atomically
    (:func:`graph.store.write_dataset`): a build that fails or is killed leaves it intact.

    Reuse is by content only: a changed ``actor_files`` or ``publisher``, or a newer extractor,
    does not re-extract stored documents; build into a new folder for that.

    Parameters
    ----------
    paths : iterable of path
        Files (.txt, .md, .html, .htm) or folders searched recursively.
    out_dir : path
        Where ``graph.trig``, ``store/`` and the pages go.
    actor_files : iterable of path
        The user's actors (YAML or Turtle), merged over the built-in knowledge base.
    progress : callable, optional
        Called as ``progress(done, total, name)`` after each input file.
    publisher : str, optional
        Publisher for documents that name none.
    analysis, pages : bool
        Write the analysis graph, render the pages.
    prune : bool
        Remove stored documents whose path is not among the inputs.
    jobs : int
        Extract with this many local processes (:func:`graph.parallel.map_documents`); the
        dataset is byte-identical to ``jobs=1``.
    dask : str or distributed.Client, optional
        Send extraction to a Dask cluster: a scheduler address (``"tcp://host:8786"``),
        ``"local"`` for a local cluster of ``max(jobs, 2)`` workers, or a connected client.

    Returns
    -------
    BuildReport
    """
    from graph import rdf, store
    from graph.ingest import collect_inputs

    out_dir = Path(out_dir)
    report = BuildReport(out_dir)
    files, errors = collect_inputs(paths)
    report.skipped += [str(e) for e in errors]
    previous = _read_previous(out_dir, report)
    keys = _content_keys(files) if previous.documents else {}

    todo = [path for path in files if keys.get(path) not in previous.documents]
    built = _process_all(todo, actor_files, publisher, report, progress, len(files), jobs, dask)
    # Each content hash is one document, sourced from its first input path.
    sources: dict[str, Path] = {}
    fresh: dict[str, Document] = {}
    failed: set[Path] = set()
    for path in files:
        result = built.get(path)
        if isinstance(result, Document):
            key = result.key
        elif path in keys and path not in built:
            key = keys[path]
        else:
            failed.add(path)
            continue
        if key in sources:
            report.warnings.append(f"{path}: same text as {sources[key]}; built once")
            continue
        sources[key] = path
        if isinstance(result, Document):
            fresh[key] = result
    if not sources:
        return report

    quads: list = []
    stored: list = []  # quads of reused and kept documents
    actors: dict = {}
    for key, path in sources.items():
        if key in fresh:
            doc = fresh[key]
            quads.extend(rdf.document_quads(doc))
            actors.update(doc.actors)
            stored_here = previous.by_path.get(_norm(path))
            (report.changed if stored_here and stored_here != key else report.added).append(str(path))
        else:
            stored.extend(_with_source(previous.documents[key].quads, path))
            report.unchanged.append(str(path))
        report.documents.append(str(path))
    for key in _stored_to_keep(previous, files, failed, set(sources), prune, report):
        stored.extend(previous.documents[key].quads)
    quads.extend(stored)
    quads.extend(_actor_quads(stored, actors, previous))
    quads.extend(_ontology_quads())
    if analysis:
        quads.extend(_analysis_quads(quads, report))
    store._checkpoint("processed")
    report.quads = store.write_dataset(out_dir, quads)
    _count(quads, report)
    if pages:
        _render(out_dir, report)
    return report


def _process_file(path: Path, kb, publisher: str | None) -> Document | str:
    """Read and process one file: the document, or the reason it was skipped.

    One bad document must not stop the build, so every error becomes a message. This is the
    unit of work a parallel build maps over the files.
    """
    from graph.ingest import IngestError, read_document

    try:
        doc = read_document(path)
        if publisher and not doc.publisher:
            doc.publisher = publisher
        return process_document(doc, kb)
    except IngestError as exc:
        return str(exc)
    except Exception as exc:
        return f"{path}: skipped: {type(exc).__name__}: {exc}"


def _process_all(files: list[Path], actor_files, publisher, report: BuildReport,
                 progress, total: int, jobs: int = 1, dask=None) -> dict[Path, Document | str]:
    """Process ``files`` (the knowledge base is loaded only when there is work to do)."""
    if not files:
        if progress:
            progress(total, total, "")
        return {}
    from graph.actors.kb import load_knowledge_base

    kb = load_knowledge_base(list(actor_files))
    out: dict[Path, Document | str] = {}
    done = total - len(files)
    from graph.parallel import map_documents

    # Results come back in input order whatever the workers: the same merge as a serial build.
    for n, (path, result) in enumerate(map_documents(files, jobs=jobs, dask=dask, kb=kb,
                                                     publisher=publisher), 1):
        if isinstance(result, str):
            report.skipped.append(result)
        out[path] = result
        if progress:
            progress(done + n, total, path.name)
    return out


@dataclass
class _StoredDocument:
    key: str
    graph: str
    sources: list[str]
    quads: list


@dataclass
class _Previous:
    """What the existing dataset holds: documents by content key, and the actor graph."""

    documents: dict[str, _StoredDocument] = field(default_factory=dict)
    by_path: dict[str, str] = field(default_factory=dict)  # normalised source path -> key
    actors: dict[str, list] = field(default_factory=dict)  # actor IRI -> its quads


def _read_previous(out_dir: Path, report: BuildReport) -> _Previous:
    """The documents and actors of the dataset already in ``out_dir`` (empty if none).

    They are read from ``graph.trig``, not the store: the store keeps literals in canonical
    form (``"0.60"^^xsd:decimal`` becomes ``0.6``, ``xsd:nonNegativeInteger`` becomes
    ``xsd:integer``), and reused documents must keep their exact quads.
    """
    import pyoxigraph as ox

    from graph import iris, store

    previous = _Previous()
    trig = out_dir / store.TRIG
    if not store.has_dataset(out_dir):
        return previous
    identifier, source = iris.DCTERMS + "identifier", iris.DCTERMS + "source"
    by_graph: dict[str, list] = {}
    try:
        with open(trig, "rb") as fh:
            for q in ox.parse(fh, format=ox.RdfFormat.TRIG):
                by_graph.setdefault(getattr(q.graph_name, "value", ""), []).append(q)
    except (OSError, SyntaxError, ValueError) as exc:  # unreadable: build from scratch, and say so
        report.warnings.append(f"{trig}: previous dataset unreadable, rebuilt from scratch: {exc}")
        return previous
    doc_prefix = iris.RES + "graph/doc/"
    for g, quads in sorted(by_graph.items()):
        if not g.startswith(doc_prefix):
            continue
        keys = sorted(q.object.value for q in quads if q.predicate.value == identifier)
        if not keys:
            continue
        sources = sorted(q.object.value for q in quads if q.predicate.value == source)
        previous.documents[keys[0]] = _StoredDocument(keys[0], g, sources, quads)
        for src in sources:
            previous.by_path.setdefault(_norm(src), keys[0])
    for q in by_graph.get(iris.ACTOR_GRAPH, ()):
        previous.actors.setdefault(q.subject.value, []).append(q)
    return previous


def _norm(path: str | Path) -> str:
    """A path as a comparable string (sources are stored as given, relative or absolute)."""
    return str(Path(path).resolve())


def _content_keys(files: list[Path]) -> dict[Path, str]:
    """The content hash of each readable input (what decides reuse).

    Unreadable files get no key: they go to processing, which reports why they are skipped.
    """
    from graph.ingest import read_document

    keys = {}
    for path in files:
        try:
            keys[path] = read_document(path).key
        except Exception:  # noqa: BLE001 - reported by processing
            continue
    return keys


def _stored_to_keep(previous: _Previous, files: list[Path], failed: set[Path], built: set[str],
                    prune: bool, report: BuildReport) -> list[str]:
    """Keys of stored documents that stay although no input has their content.

    A document stays when none of its paths is an input (unless ``prune``), or when its input
    could not be read or processed this time (the previous version is better than none).
    """
    inputs = {_norm(p) for p in files}
    failed_inputs = {_norm(p) for p in failed}
    keep = []
    for key, doc in sorted(previous.documents.items()):
        if key in built:
            continue
        paths = {_norm(s) for s in doc.sources}
        if paths & failed_inputs:
            keep.append(key)
            report.warnings.append(f"{', '.join(doc.sources)}: kept the previous version")
        elif paths & inputs or prune:
            report.removed.extend(doc.sources)
        else:
            keep.append(key)
            report.kept.extend(doc.sources)
    return keep


def _with_source(quads: list, path: Path) -> list:
    """Stored quads of a reused document, with ``dcterms:source`` set to its current path."""
    import pyoxigraph as ox

    from graph.iris import DCTERMS

    source = ox.NamedNode(DCTERMS + "source")
    out = [q for q in quads if q.predicate != source]
    docs = {q.subject for q in quads if q.predicate == source}
    out += [ox.Quad(d, source, ox.Literal(str(path)), q0.graph_name)
            for d in docs for q0 in quads[:1]]
    return out


def _actor_quads(stored: list, fresh: dict, previous: _Previous) -> list:
    """The actor graph: fresh actors of processed documents, stored ones for the rest.

    Stored actors are those the reused or kept documents (``stored`` quads) refer to (mentions,
    interactions, claims, creators, publishers), with the actors they act for — what a full build
    collects — and an actor also found fresh takes its fresh description.
    """
    from graph import iris, rdf

    out = list(rdf.actor_quads(sorted(fresh.values(), key=lambda a: a.id)))
    fresh_iris = {iris.actor_iri(key) for key in fresh}
    prefix = iris.RES + "actor/"
    wanted = {q.object.value for q in stored if q.object.value.startswith(prefix)}
    affiliation = iris.KGO + "affiliation"
    todo = sorted(wanted)
    seen: set[str] = set()
    while todo:
        a = todo.pop()
        if a in seen or a in fresh_iris:
            continue
        seen.add(a)
        for q in previous.actors.get(a, ()):
            out.append(q)
            if q.predicate.value == affiliation:
                todo.append(q.object.value)
    return out


def _analysis_quads(quads: list, report: BuildReport) -> list:
    """The analysis graph of ``quads``, computed in memory so the dataset is written once."""
    try:
        from graph.analysis.commands import default_analysis_quads
    except ImportError:
        return []
    import pyoxigraph as ox

    try:
        mem = ox.Store()
        mem.bulk_extend(quads)
        return list(default_analysis_quads(mem))
    except Exception as exc:  # the dataset stands without the analysis; say why
        report.warnings.append(f"analysis failed: {type(exc).__name__}: {exc}")
        print(f"warning: analysis failed: {exc}", file=sys.stderr)
        return []


def _count(quads: list, report: BuildReport) -> None:
    """Figures of the whole dataset written: actors, interactions, claims."""
    from graph import iris

    type_ = iris.RDF + "type"
    counts = {iris.KGO + name: set() for name in ("Actor", "Interaction", "Claim")}
    for q in quads:
        if q.predicate.value == type_ and q.object.value in counts:
            counts[q.object.value].add(q.subject.value)
    report.actors = len(counts[iris.KGO + "Actor"])
    report.interactions = len(counts[iris.KGO + "Interaction"])
    report.claims = len(counts[iris.KGO + "Claim"])


def _ontology_quads():
    """The event-type scheme, so queries can read labels and polarity of each type."""
    import pyoxigraph as ox

    from graph.iris import ONTOLOGY_GRAPH
    from graph.resources import ontology_dir

    g = ox.NamedNode(ONTOLOGY_GRAPH)
    # The parser names blank nodes at random; number them in file order instead, so the same
    # ontology always gives the same TriG bytes.
    labels: dict = {}

    def stable(term):
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term, ox.BlankNode(f"ontology{len(labels) + 1}"))
        return term

    for name in ("event-types.ttl", "kgo.ttl"):
        with open(ontology_dir() / name, "rb") as fh:
            for q in ox.parse(fh, format=ox.RdfFormat.TURTLE):
                yield ox.Quad(stable(q.subject), q.predicate, stable(q.object), g)


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
