"""The whole pipeline: files in, dataset and pages out.

>>> doc = process_text("Washington condemned Moscow's attacks on Ukraine.")
>>> sorted((i.source, i.target, i.polarity) for i in doc.interactions)
[('RUS', 'UKR', -1), ('USA', 'RUS', -1)]
"""

from __future__ import annotations

import shutil
import sys
import time
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
    whole dataset written; ``timings`` the wall seconds of the stages (``documents``: reading,
    extraction and RDF of every input; ``store``, ``analysis``, ``trig``, ``pages``), ``cpu``
    the CPU seconds of the building process's main thread in the same stages (worker processes
    not counted), except ``store``: the CPU seconds of loading the store, most of it in a
    background thread while the documents come (:class:`graph.store.StreamedDataset`).
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
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage (see above)

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
    (:class:`graph.store.StreamedDataset`): a build that fails or is killed leaves it intact.

    The build streams: each document is converted to TriG where it was extracted (in the
    worker), written to a spill folder and loaded into the new store as it arrives (by a
    background thread), so memory does not grow with the corpus, except for what the
    statistics and the analysis need of each interaction, which the worker also returns (so
    neither reads the whole store). ``graph.trig`` is the spilled graphs concatenated in
    graph order.

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
    from graph import store
    from graph.ingest import collect_inputs

    out_dir = Path(out_dir)
    report = BuildReport(out_dir)
    files, errors = collect_inputs(paths)
    report.skipped += [str(e) for e in errors]
    previous_spill = _Spill(store.new_spill_folder(out_dir))
    dataset = None
    try:
        previous = _read_previous(out_dir, report, previous_spill)
        # The new version's store loads each document as it comes, while workers extract.
        dataset = store.StreamedDataset(out_dir)
        spill = previous_spill.for_dataset(dataset)
        keys = _content_keys(files) if previous.documents else {}
        todo = [path for path in files if keys.get(path) not in previous.documents]
        results = _process_all(todo, actor_files, publisher, report, progress, len(files), jobs, dask)
        clock, cpu = time.perf_counter(), time.thread_time()
        built = _collect(files, keys, results, previous, spill, prune, report)
        report.timings["documents"] = time.perf_counter() - clock
        report.cpu["documents"] = time.thread_time() - cpu
        if not built:
            dataset.abort()
            return report
        small = _actor_quads(spill.wanted_actors, spill.actors, previous)
        small += list(_ontology_quads())
        _count(small, report)
        report.interactions, report.claims = spill.interactions, spill.claims
        store._checkpoint("processed")
        documents = spill.merge()
        more = (lambda st: _analysis_quads(st, report, jobs, spill.records)) if analysis else None
        report.quads = dataset.finish(documents, spill.quads, small, more, timings=report.timings,
                                      cpu_timings=report.cpu, statements=spill.statements)
    except BaseException:
        if dataset is not None:
            dataset.abort()
        raise
    finally:
        store.remove_spill_folder(previous_spill.folder)
    if pages:
        clock, cpu = time.perf_counter(), time.thread_time()
        _render(out_dir, report)
        report.timings["pages"] = time.perf_counter() - clock
        report.cpu["pages"] = time.thread_time() - cpu
    return report


@dataclass
class DocumentRDF:
    """A processed document as a build keeps it: its named graph as TriG, its actors, figures.

    Made in the worker (:func:`document_rdf`), so that parallel builds convert to RDF in
    parallel too and the build holds bytes on disk rather than every document in memory.
    """

    key: str
    graph: str
    trig: bytes  # the body of its named graph (see graph.store.trig_body)
    quads: int
    actors: dict = field(default_factory=dict)
    interactions: int = 0
    claims: int = 0
    statements: list = field(default_factory=list)  # graph.stats.Statement of its interactions
    records: list = field(default_factory=list)  # graph.analysis.records.InteractionRecord, ditto


def document_rdf(doc: Document) -> DocumentRDF:
    """The RDF of one processed document (the unit of work a build maps over its inputs)."""
    from graph import iris, rdf, stats, store

    quads = list(rdf.document_quads(doc))
    typed = _typed_subjects(quads)
    return DocumentRDF(doc.key, iris.document_graph(doc.key), store.trig_body(quads),
                       len(set(quads)), dict(doc.actors), len(typed[iris.KGO + "Interaction"]),
                       len(typed[iris.KGO + "Claim"]), stats.interactions(quads), _records(quads))


def _records(quads) -> list:
    """The analysis records of a document's quads (none when the analysis is not installed)."""
    try:
        from graph.analysis.records import document_records
    except ImportError:
        return []
    return document_records(quads)


class _Spill:
    """The document graphs of a build, one TriG body per file, and what the build needs of them.

    Memory stays bounded by the figures kept per document (its graph name, actor IRIs), not by
    the documents themselves; :meth:`merge` concatenates the files in graph order.
    """

    def __init__(self, folder: Path, dataset=None):
        self.folder = folder
        self.dataset = dataset  # a graph.store.StreamedDataset fed with each document
        self.documents: dict[str, Path] = {}  # graph IRI -> its TriG body
        self.quads = self.interactions = self.claims = 0
        self.actors: dict = {}                # fresh actors of processed documents
        self.wanted_actors: set[str] = set()  # actor IRIs that reused documents refer to
        self.statements: list = []            # every document's interactions, for the statistics
        self.records: list = []               # ... and for the analysis
        self._shared: dict[str, str] = {}     # one copy of each actor, type and document IRI
        self._n = 0

    def for_dataset(self, dataset) -> _Spill:
        """This folder, feeding ``dataset`` with each document added."""
        self.dataset = dataset
        return self

    def file(self, suffix: str) -> Path:
        self._n += 1
        return self.folder / f"{self._n:08d}{suffix}"

    def add(self, graph: str, trig: bytes, quads: int) -> None:
        path = self.file(".trig")
        path.write_bytes(trig)
        self.documents[graph] = path
        if self.dataset is not None:
            self.dataset.add(trig)
        self.quads += quads

    def add_fresh(self, result: DocumentRDF) -> None:
        self.add(result.graph, result.trig, result.quads)
        self.statements += _share_strings(result.statements, self._shared)
        self.records += _share_strings(result.records, self._shared)
        self.actors.update(result.actors)
        self.interactions += result.interactions
        self.claims += result.claims

    def add_stored(self, quads: list) -> None:
        """A reused or kept document, from its quads as read from the previous dataset."""
        from graph import iris, stats, store

        graphs = {q.graph_name.value for q in quads}
        typed = _typed_subjects(quads)
        prefix = iris.RES + "actor/"
        self.wanted_actors |= {q.object.value for q in quads if q.object.value.startswith(prefix)}
        self.interactions += len(typed[iris.KGO + "Interaction"])
        self.claims += len(typed[iris.KGO + "Claim"])
        self.statements += _share_strings(stats.interactions(quads), self._shared)
        self.records += _share_strings(_records(quads), self._shared)
        self.add(min(graphs), store.trig_body(quads), len(set(store.with_contract_datatypes(quads))))

    def merge(self) -> Path:
        """One TriG file of every document graph, in the order of ``graph.trig``."""
        from graph import store

        merged = self.folder / "documents.trig"
        with open(merged, "wb") as out:
            out.write(store.trig_header())
            for graph in sorted(self.documents, key=store.graph_sort_key):
                with open(self.documents[graph], "rb") as part:
                    shutil.copyfileobj(part, out, 2**20)
                self.documents[graph].unlink()
        return merged


def _share_strings(items: list, shared: dict[str, str], keep: tuple[str, ...] = ("iri",)) -> list:
    """``items`` (dataclass instances: statements, analysis records) with their repeated
    strings (actors, types, documents, sentence texts) shared through ``shared``: one copy of
    each across the build. Fields named in ``keep`` (unique per item) and non-strings stay as
    they are."""
    from dataclasses import fields, replace

    if not items:
        return items
    names = [f.name for f in fields(items[0]) if f.name not in keep]

    def one(value):
        return shared.setdefault(value, value) if isinstance(value, str) else value

    return [replace(item, **{name: one(getattr(item, name)) for name in names}) for item in items]


def _collect(files: list[Path], keys: dict, results, previous: _Previous, spill: _Spill,
             prune: bool, report: BuildReport) -> bool:
    """Walk the inputs in order with the results as they come: each content hash becomes one
    document, sourced from its first input path, spilled to disk at once. False when no input
    gave a document (nothing is written then)."""
    results = iter(results)
    sources: dict[str, Path] = {}
    failed: set[Path] = set()
    for path in files:
        result = None
        if keys.get(path) not in previous.documents:
            done, result = next(results)
            assert done == path, (done, path)  # results come in input order
            if not isinstance(result, DocumentRDF):
                failed.add(path)
                continue
            key = result.key
        else:
            key = keys[path]
        if key in sources:
            report.warnings.append(f"{path}: same text as {sources[key]}; built once")
            continue
        sources[key] = path
        if result is not None:
            spill.add_fresh(result)
            stored_here = previous.by_path.get(_norm(path))
            (report.changed if stored_here and stored_here != key else report.added).append(str(path))
        else:
            spill.add_stored(_with_source(previous.documents[key].read(), path))
            report.unchanged.append(str(path))
        report.documents.append(str(path))
    for _ in results:  # nothing is left; this lets the progress callback see the end
        pass
    if not sources:
        return False
    for key in _stored_to_keep(previous, files, failed, set(sources), prune, report):
        spill.add_stored(previous.documents[key].read())
    return True


def _typed_subjects(quads) -> dict[str, set]:
    """Subjects typed kgo:Actor, kgo:Interaction and kgo:Claim in ``quads``."""
    from graph import iris

    type_ = iris.RDF + "type"
    counts = {iris.KGO + name: set() for name in ("Actor", "Interaction", "Claim")}
    for q in quads:
        if q.predicate.value == type_ and q.object.value in counts:
            counts[q.object.value].add(q.subject.value)
    return counts


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
                 progress, total: int, jobs: int = 1, dask=None):
    """Process ``files``, yielding ``(path, DocumentRDF or skip message)`` in input order.

    The knowledge base is loaded only when there is work to do.
    """
    if not files:
        if progress:
            progress(total, total, "")
        return
    from graph.actors.kb import load_knowledge_base
    from graph.parallel import map_documents

    kb = load_knowledge_base(list(actor_files))
    done = total - len(files)
    # Results come back in input order whatever the workers: the same merge as a serial build.
    for n, (path, result) in enumerate(map_documents(files, jobs=jobs, dask=dask, kb=kb,
                                                     publisher=publisher, convert=document_rdf), 1):
        if isinstance(result, str):
            report.skipped.append(result)
        if progress:
            progress(done + n, total, path.name)
        yield path, result


@dataclass
class _StoredDocument:
    key: str
    graph: str
    sources: list[str]
    path: Path  # its quads, as N-Quads in the build's spill folder

    def read(self) -> list:
        import pyoxigraph as ox

        with open(self.path, "rb") as fh:
            return list(ox.parse(fh, format=ox.RdfFormat.N_QUADS))


@dataclass
class _Previous:
    """What the existing dataset holds: documents by content key, and the actor graph."""

    documents: dict[str, _StoredDocument] = field(default_factory=dict)
    by_path: dict[str, str] = field(default_factory=dict)  # normalised source path -> key
    actors: dict[str, list] = field(default_factory=dict)  # actor IRI -> its quads


def _read_previous(out_dir: Path, report: BuildReport, spill: _Spill) -> _Previous:
    """The documents and actors of the dataset already in ``out_dir`` (empty if none).

    They are read from ``graph.trig``, not the store: the store keeps literals in canonical
    form (``"0.60"^^xsd:decimal`` becomes ``0.6``, ``xsd:nonNegativeInteger`` becomes
    ``xsd:integer``), and reused documents must keep their exact quads. Each document graph is
    written to ``spill`` as it is read (N-Quads), so that only its identity stays in memory.
    """
    import pyoxigraph as ox

    from graph import iris, store

    previous = _Previous()
    trig = out_dir / store.TRIG
    if not store.has_dataset(out_dir):
        return previous
    identifier, source = iris.DCTERMS + "identifier", iris.DCTERMS + "source"
    doc_prefix = iris.RES + "graph/doc/"
    found: dict[str, tuple[list, list, Path]] = {}  # graph -> (identifiers, sources, its file)
    pending: list = []

    def flush():
        if pending:
            g = pending[0].graph_name.value
            if g not in found:
                found[g] = ([], [], spill.file(".nq"))
            with open(found[g][2], "ab") as fh:
                fh.write(ox.serialize(pending, format=ox.RdfFormat.N_QUADS) or b"")
            pending.clear()

    try:
        with open(trig, "rb") as fh:
            for q in ox.parse(fh, format=ox.RdfFormat.TRIG):
                g = getattr(q.graph_name, "value", "")
                if g == iris.ACTOR_GRAPH:
                    previous.actors.setdefault(q.subject.value, []).append(q)
                if not g.startswith(doc_prefix):
                    continue
                if pending and pending[0].graph_name.value != g:
                    flush()
                pending.append(q)
                if q.predicate.value in (identifier, source):
                    entry = found.setdefault(g, ([], [], spill.file(".nq")))
                    entry[0 if q.predicate.value == identifier else 1].append(q.object.value)
            flush()
    except (OSError, SyntaxError, ValueError) as exc:  # unreadable: build from scratch, and say so
        report.warnings.append(f"{trig}: previous dataset unreadable, rebuilt from scratch: {exc}")
        for _, _, path in found.values():
            path.unlink(missing_ok=True)
        return _Previous()
    for g, (keys, sources, path) in sorted(found.items()):
        if not keys:
            continue
        keys, sources = sorted(keys), sorted(sources)
        previous.documents[keys[0]] = _StoredDocument(keys[0], g, sources, path)
        for src in sources:
            previous.by_path.setdefault(_norm(src), keys[0])
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


def _actor_quads(wanted: set[str], fresh: dict, previous: _Previous) -> list:
    """The actor graph: fresh actors of processed documents, stored ones for the rest.

    Stored actors are those the reused or kept documents refer to (``wanted``: mentions,
    interactions, claims, creators, publishers), with the actors they act for — what a full
    build collects — and an actor also found fresh takes its fresh description.
    """
    from graph import iris, rdf

    out = list(rdf.actor_quads(sorted(fresh.values(), key=lambda a: a.id)))
    fresh_iris = {iris.actor_iri(key) for key in fresh}
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


def _analysis_quads(store, report: BuildReport, jobs: int = 1, records: list | None = None):
    """The analysis graph of the dataset in ``store`` (everything but the analysis), as a
    :class:`graph.store.GraphText`; with ``jobs > 1`` the per-document analyses run in that
    many processes. ``records`` are the documents' interaction records
    (:func:`graph.analysis.records.document_records`), read from the store when not given."""
    try:
        from graph.analysis.commands import default_analysis_graph
    except ImportError:
        return []
    try:
        return default_analysis_graph(store, jobs=jobs, records=records)
    except Exception as exc:  # the dataset stands without the analysis; say why
        report.warnings.append(f"analysis failed: {type(exc).__name__}: {exc}")
        print(f"warning: analysis failed: {exc}", file=sys.stderr)
        return []


def _count(quads: list, report: BuildReport) -> None:
    """The number of actors (the actor graph is in ``quads``)."""
    from graph import iris

    report.actors = len(_typed_subjects(quads)[iris.KGO + "Actor"])


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
