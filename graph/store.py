"""The dataset on disk: ``graph.trig`` (the whole dataset) and ``store/`` (pyoxigraph).

Writes are atomic. A build folder looks like this::

    graph.trig -> .dataset/graph.trig     fixed links, made once
    store      -> .dataset/store
    .dataset   -> .dataset-k2j4x9         the current version: switched by one rename
    .dataset-k2j4x9/graph.trig, store/

:func:`write_dataset` writes the new TriG file and store into a fresh ``.dataset-*`` folder,
then points ``.dataset`` at it by renaming a new link over the old one (``rename(2)`` is
atomic), and only then removes the old version. A build that fails or is killed at any moment
therefore leaves readers either the complete old dataset or the complete new one, TriG and store
always agreeing; a killed build leaves at most an unused ``.dataset-*`` folder, which the next
write removes.

Two honest limits: a folder written before this layout (a real ``graph.trig`` file and
``store/`` folder) is migrated on its first rewrite, and during that one migration there is a
moment when ``store`` is absent; and where symbolic links cannot be made (some Windows set-ups)
the TriG file and the store are renamed into place one after the other, with a short window
between the two renames.

Concurrent builds. Each build locks its own new version folder and spill folder (an
exclusive ``flock`` on a file ``.in-use`` inside, held while the build runs and released by the
system when the process dies, even by SIGKILL). A build removes only the folders nobody holds:
those that killed builds left behind. So two builds into *different* folders never touch each
other, and two builds into the *same* folder both complete, each writing a whole dataset, and
readers see whichever switched last (the other's work is lost, never mixed in). Where file locks
do not exist (Windows), a leftover folder is removed only once it is a day old. One window is
left: a folder is locked just after it is made, so a build cleaning up in those microseconds
could remove another's brand-new, still empty folder (that build then fails; nothing is mixed).

Queries open the store read-only, with the union of all named graphs as the default graph
(``GRAPH ?g`` still addresses each one).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.iris import PREFIXES, RES

DOCUMENT_GRAPH_PREFIX = RES + "graph/doc/"

TRIG = "graph.trig"
STORE = "store"
DATASET_LINK = ".dataset"
VERSION_PREFIX = ".dataset-"
SPILL_PREFIX = ".build-"  # a build's per-document TriG, removed when it ends
IN_USE = ".in-use"  # locked by the build that owns a version or spill folder
#: Without file locks (no ``fcntl``), a folder counts as abandoned after this many seconds.
ABANDONED_SECONDS = 24 * 3600


class StoreMissing(FileNotFoundError):
    """DIR holds no dataset built by ``kg build``."""


_OFFSETS = {"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex",
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex"}
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_XSD_NON_NEGATIVE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


def with_contract_datatypes(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Give offsets back the contract's ``xsd:nonNegativeInteger``.

    pyoxigraph stores integer-derived datatypes as ``xsd:integer``, so quads read back from a
    store (incremental builds, a rewritten analysis graph) would otherwise change datatype.
    """
    for q in quads:
        o = q.object
        if q.predicate.value in _OFFSETS and isinstance(o, ox.Literal) and o.datatype == _XSD_INTEGER:
            q = ox.Quad(q.subject, q.predicate, ox.Literal(o.value, datatype=_XSD_NON_NEGATIVE), q.graph_name)
        yield q


def with_statistics(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """``quads`` with the statistics graph recomputed from the rest (:mod:`graph.stats`).

    The statistics graph is derived data that named queries rely on; deriving it whenever a
    dataset is written means no way of writing one (a build, an incremental build, a rewritten
    analysis graph, a dataset made by hand) can leave it missing or stale.
    """
    from graph.iris import STATS_GRAPH
    from graph.stats import stats_quads

    g = ox.NamedNode(STATS_GRAPH)
    kept = [q for q in quads if q.graph_name != g]
    return kept + stats_quads(kept)


def _sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def serialize_trig(quads: Iterable[ox.Quad]) -> bytes:
    """TriG of ``quads``, sorted, with the project's prefixes: identical input, identical bytes."""
    return _trig(sorted(set(quads), key=_sort_key))


def _trig(ordered: list[ox.Quad]) -> bytes:
    return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b""


_HEADER: list[bytes] = []


def trig_header() -> bytes:
    """The ``@prefix`` lines that open every TriG file we write."""
    if not _HEADER:
        probe = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"),
                        ox.NamedNode("urn:x:g"))
        text = _trig([probe])
        _HEADER.append(text[:text.index(b"<urn:x:g>")])
    return _HEADER[0]


def graph_sort_key(graph_iri: str) -> str:
    """Where the graph ``graph_iri`` goes in ``graph.trig`` (the order :func:`write_dataset` uses)."""
    return f"<{graph_iri}>"


def trig_body(quads: Iterable[ox.Quad]) -> bytes:
    """TriG of ``quads`` without the prefix lines, sorted: a run of whole graphs.

    The TriG of a dataset is its header followed by the bodies of its graphs in
    :func:`graph_sort_key` order, byte for byte what :func:`serialize_trig` writes for the
    whole; so graphs can be serialised apart (in worker processes) and concatenated.
    """
    text = _trig(sorted(set(with_contract_datatypes(quads)), key=_sort_key))
    header = trig_header()
    if not text:
        return b""
    if not text.startswith(header):
        raise ValueError("unexpected TriG header")
    return text[len(header):]


@dataclass(frozen=True)
class SubjectRun:
    """Some subjects of one named graph, serialised as they appear inside its TriG block.

    The TriG of a graph lists its subjects in order, each one's block standing alone, so a
    large graph whose subjects fall into separate ranges (the analysis graph: one range per
    scope) can be serialised range by range, in worker processes, and joined by
    :func:`join_runs` into the bytes :func:`trig_body` gives for the whole graph — without
    ever holding all its quads in one process.
    """

    graph: str     # the graph's IRI
    opener: bytes  # the line that opens the graph's block
    first: str     # the smallest and largest subject (as the sort orders them)
    last: str
    text: bytes    # the subjects' blocks
    quads: int


def subject_run(quads: Iterable[ox.Quad]) -> SubjectRun:
    """:class:`SubjectRun` of ``quads``, all in one named graph."""
    quads = list(quads)
    graphs = {q.graph_name for q in quads}
    if len(graphs) != 1:
        raise ValueError(f"a run holds the quads of one graph, not {len(graphs)}")
    body = trig_body(quads)
    opener, rest = body.split(b"\n", 1)
    if not rest.endswith(b"}\n"):
        raise ValueError("unexpected end of a TriG graph block")
    subjects = sorted({str(q.subject) for q in quads})
    return SubjectRun(graphs.pop().value, opener + b"\n", subjects[0], subjects[-1], rest[:-2],
                      len(set(with_contract_datatypes(quads))))


@dataclass(frozen=True)
class GraphText:
    """A whole named graph, already serialised: its :func:`trig_body` and number of quads."""

    graph: str
    body: bytes
    quads: int


def join_runs(runs: Iterable[SubjectRun]) -> GraphText:
    """One graph from runs of its subjects (:func:`subject_run`): byte for byte the
    :func:`trig_body` of all their quads, provided the runs' subject ranges do not overlap
    (checked)."""
    runs = sorted(runs, key=lambda run: run.first)
    if not runs or len({run.graph for run in runs}) != 1:
        raise ValueError("runs of exactly one graph are needed")
    for before, after in zip(runs, runs[1:]):
        if before.last >= after.first:
            raise ValueError(f"subject ranges overlap: {before.last} and {after.first}")
    body = runs[0].opener + b"".join(run.text for run in runs) + b"}\n"
    return GraphText(runs[0].graph, body, sum(run.quads for run in runs))


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_dataset(out_dir: Path, quads: Iterable[ox.Quad]) -> int:
    """Replace the dataset in ``out_dir`` by ``quads``; returns the number of quads written.

    The statistics graph is recomputed from the other quads (:func:`with_statistics`).

    The new TriG file and store are written into a fresh version folder; one atomic rename of
    the ``.dataset`` link then switches readers from the old version to the new one (see the
    module docstring), and the old version is removed.
    """
    out_dir = Path(out_dir)
    quads = sorted(set(with_contract_datatypes(with_statistics(quads))), key=_sort_key)
    version = _new_version(out_dir)
    try:
        store = ox.Store(str(version / STORE))
        store.bulk_extend(quads)
        store.flush()
        store.optimize()
        del store
        _checkpoint("store-written")
        _write_file(version / TRIG, _trig(quads))
        _checkpoint("trig-written")
        _switch_to(out_dir, version)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    finally:
        _release(version)
    return len(quads)


class StreamedDataset:
    """A new version of the dataset, written document by document: for datasets too large to
    hold in memory, and so that the store loads while workers still extract.

    :meth:`add` queues one document graph for the store of the new version; batches are
    loaded by a background thread (:class:`_StoreLoader`: pyoxigraph parses and loads TriG
    without holding the GIL, so the main thread goes on meanwhile); :meth:`finish` waits for
    the loading, adds the small graphs, the analysis and the statistics graph, writes
    ``graph.trig`` and switches to the new version atomically, as :func:`write_dataset` does
    (byte-identical result); :meth:`abort` removes it.
    """

    #: Bytes of TriG per bulk load (about 200,000 quads): few large loads are much faster
    #: than many small ones, and a batch is held in memory (as bytes) until it is loaded.
    BATCH_BYTES = 8 * 2**20

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.version = _new_version(self.out_dir)
        self.store = ox.Store(str(self.version / STORE))
        self._loader = _StoreLoader(self.store)
        self._batch: list[bytes] = []
        self._batch_bytes = 0

    @property
    def loading(self) -> float:
        """Seconds the background thread spent loading the store."""
        return self._loader.wall

    @property
    def loading_cpu(self) -> float:
        """CPU seconds the background thread spent loading the store."""
        return self._loader.cpu

    def add(self, body: bytes) -> None:
        """Queue a :func:`trig_body` (whole graphs) for loading into the store."""
        self._batch.append(body)
        self._batch_bytes += len(body)
        if self._batch_bytes >= self.BATCH_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._loader.submit(trig_header() + b"".join(self._batch))
            self._batch, self._batch_bytes = [], 0

    def abort(self) -> None:
        self._loader.close(raise_error=False)
        self.store = None
        shutil.rmtree(self.version, ignore_errors=True)
        _release(self.version)

    def finish(self, documents: Path, document_quads: int, quads: Iterable[ox.Quad],
               more: Callable[[ox.Store], Iterable[ox.Quad]] | None = None, *, statements: list,
               timings: dict[str, float] | None = None,
               cpu_timings: dict[str, float] | None = None) -> int:
        """Complete the version and switch to it; returns the number of quads written.

        Parameters
        ----------
        documents : Path
            A TriG file of the document graphs already added: :func:`trig_header` followed by
            the :func:`trig_body` of each graph in :func:`graph_sort_key` order, copied into
            ``graph.trig`` (never read into memory).
        document_quads : int
            How many quads it holds.
        quads : iterable of Quad
            The other graphs (actors, ontology): small, in memory.
        more : callable, optional
            Called with the store once everything above is in it; its quads (the analysis
            graph, which reads the whole dataset), or a :class:`GraphText` of one more graph,
            are added too.
        statements : list of graph.stats.Statement
            The interactions of the document graphs, collected as they were made; the
            statistics graph is computed from them instead of read from the store.
        timings : dict, optional
            Filled with the seconds spent loading the store (``store``), in ``more``
            (``analysis``), computing the statistics graph (``statistics``) and writing
            ``graph.trig`` (``trig``).
        cpu_timings : dict, optional
            Filled with the CPU seconds of this process for the same stages.
        """
        from graph.iris import STATS_GRAPH
        from graph.stats import statistics_quads

        clock = _StageClock({} if timings is None else timings, {} if cpu_timings is None else cpu_timings)
        try:
            self._flush()
            self._loader.close()
            clock.lap("store")
            # what the loading thread did while the documents came, overlapped with that stage
            clock.wall["store"] += self.loading
            clock.cpu["store"] += self.loading_cpu
            store = self.store
            stats_graph = ox.NamedNode(STATS_GRAPH)
            small = [q for q in with_contract_datatypes(quads) if q.graph_name != stats_graph]
            store.bulk_extend(small)
            clock.lap("store")
            serialised: list[GraphText] = []
            if more is not None:
                extra = more(store)
                clock.lap("analysis")
                if isinstance(extra, GraphText):
                    store.bulk_load(trig_header() + extra.body, format=ox.RdfFormat.TRIG)
                    serialised.append(extra)
                else:
                    extra = list(with_contract_datatypes(extra))
                    store.bulk_extend(extra)
                    small += extra
                del extra
                clock.lap("store")
            # Each graph as TriG at once: its bytes take a tenth of the memory of its quads.
            bodies = _graph_bodies(small)
            del small
            for text in serialised:
                if graph_sort_key(text.graph) in bodies:
                    raise ValueError(f"graph {text.graph} given twice")
                bodies[graph_sort_key(text.graph)] = (text.body, text.quads)
            clock.lap("trig")
            stats = statistics_quads(statements)
            clock.lap("statistics")
            store.bulk_extend(stats)
            clock.lap("store")
            bodies.update(_graph_bodies(stats))
            del stats
            clock.lap("trig")
            store.flush()
            store.optimize()
            self.store = store = None
            clock.lap("store")
            _checkpoint("store-written")
            _write_merged_trig(self.version / TRIG, documents, {g: body for g, (body, _) in bodies.items()})
            clock.lap("trig")
            _checkpoint("trig-written")
            _switch_to(self.out_dir, self.version)
        except BaseException:
            self.abort()
            raise
        return document_quads + sum(n for _, n in bodies.values())


class _StoreLoader:
    """A thread that bulk-loads TriG batches into a store, one after the other, in order.

    ``Store.bulk_load`` releases the GIL while it parses and writes, so the loading runs
    beside the main thread's Python work. At most ``queued`` batches wait, so a slow store
    holds up the producer instead of piling batches up in memory. An error is kept and raised
    by :meth:`close`.
    """

    def __init__(self, store: ox.Store, queued: int = 2):
        import queue
        import threading

        self._main_clock = time.pthread_getcpuclockid(threading.main_thread().ident)
        self.store = store
        self.wall = self.cpu = 0.0
        self.error: BaseException | None = None
        self._queue: queue.Queue = queue.Queue(maxsize=queued)
        self._thread = threading.Thread(target=self._run, name="store-loader", daemon=True)
        self._thread.start()

    def submit(self, trig: bytes) -> None:
        """Load ``trig`` (a whole TriG document) after the batches before it."""
        if self.error is not None:
            raise self.error
        self._queue.put(trig)

    def _run(self) -> None:
        while (trig := self._queue.get()) is not None:
            if self.error is not None:
                continue  # a batch failed: the build fails; just drain
            clock, cpu = time.perf_counter(), self._cpu_beside_main()
            try:
                self.store.bulk_load(trig, format=ox.RdfFormat.TRIG)
            except BaseException as exc:  # noqa: BLE001 - raised in the main thread by close()
                self.error = exc
            self.wall += time.perf_counter() - clock
            self.cpu += self._cpu_beside_main() - cpu

    def _cpu_beside_main(self) -> float:
        """CPU seconds of this process's threads but the main one (bulk_load starts its own)."""
        return time.process_time() - time.clock_gettime(self._main_clock)

    def close(self, raise_error: bool = True) -> None:
        """Wait until every batch submitted is loaded; raise the first loading error."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if raise_error and self.error is not None:
            raise self.error


class _StageClock:
    """Wall and CPU seconds (of the main thread) per stage, added up by :meth:`lap`."""

    def __init__(self, wall: dict[str, float], cpu: dict[str, float]):
        self.wall, self.cpu = wall, cpu
        self._wall, self._cpu = time.perf_counter(), time.thread_time()

    def lap(self, stage: str) -> None:
        """Charge the time since the previous lap to ``stage``."""
        wall, cpu = time.perf_counter(), time.thread_time()
        self.wall[stage] = self.wall.get(stage, 0.0) + wall - self._wall
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu - self._cpu
        self._wall, self._cpu = wall, cpu


def _graph_bodies(quads: Iterable[ox.Quad]) -> dict[str, tuple[bytes, int]]:
    """Graph (as :func:`graph_sort_key` orders it) -> (its :func:`trig_body`, its quads)."""
    graphs: dict[str, list[ox.Quad]] = {}
    for q in set(quads):
        graphs.setdefault(str(q.graph_name), []).append(q)
    return {g: (trig_body(members), len(members)) for g, members in graphs.items()}


def _write_merged_trig(path: Path, documents: Path, small_graphs: dict[str, bytes]) -> None:
    """``graph.trig``: the header, the small graphs (their :func:`trig_body`) that sort before
    the document graphs, the document graphs (copied from ``documents``), then the rest."""
    header = trig_header()
    doc_prefix = graph_sort_key(DOCUMENT_GRAPH_PREFIX)[:-1]
    if any(g.startswith(doc_prefix) for g in small_graphs):
        raise ValueError("a document graph among the small graphs")
    with open(path, "wb") as out, open(documents, "rb") as docs:
        out.write(header)
        after = []
        for g in sorted(small_graphs):
            if g < doc_prefix:
                out.write(small_graphs[g])
            else:
                after.append(g)
        if docs.read(len(header)) != header:
            raise ValueError(f"{documents}: unexpected TriG header")
        shutil.copyfileobj(docs, out, 2**20)
        for g in after:
            out.write(small_graphs[g])
        out.flush()
        os.fsync(out.fileno())
    os.chmod(path, 0o666 & ~_umask())


def _new_version(out_dir: Path) -> Path:
    """A fresh, empty version folder in ``out_dir`` (stale ones of killed builds removed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_versions(out_dir)
    version = Path(tempfile.mkdtemp(prefix=VERSION_PREFIX, dir=out_dir))
    try:
        _claim(version)
        os.chmod(version, 0o777 & ~_umask())  # mkdtemp makes 0700; builds are shared read-only
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    return version


def _switch_to(out_dir: Path, version: Path) -> None:
    if not _commit(out_dir, version):
        _commit_without_links(out_dir, version)
    _release(version)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(path, 0o666 & ~_umask())


def _checkpoint(name: str) -> None:
    """Test hook: ``KG_TEST_KILL_AT=name`` kills the process here, as a crash would."""
    if os.environ.get("KG_TEST_KILL_AT") == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _replace_link(link: Path, target: str) -> None:
    """Point the symbolic link ``link`` at ``target`` atomically (create beside, rename over)."""
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _commit(out_dir: Path, version: Path) -> bool:
    """Switch ``out_dir`` to ``version`` with one atomic rename; False without symlinks."""
    link = out_dir / DATASET_LINK
    previous = _link_target(out_dir)
    try:
        _replace_link(link, version.name)
    except (OSError, NotImplementedError):  # no symlinks here (some Windows set-ups)
        return False
    _checkpoint("committed")
    for name in (TRIG, STORE):
        _ensure_stable_link(out_dir / name, f"{DATASET_LINK}/{name}")
    if previous is not None and previous != version:
        shutil.rmtree(previous, ignore_errors=True)
    return True


def _link_target(out_dir: Path) -> Path | None:
    link = out_dir / DATASET_LINK
    if not link.is_symlink():
        return None
    return out_dir / os.readlink(link)


def _ensure_stable_link(path: Path, target: str) -> None:
    """Make ``graph.trig``/``store`` the fixed links into ``.dataset`` (once per folder).

    Folders built before the versioned layout hold a real file and a real folder: the file is
    replaced by a link atomically; the old store folder is moved aside first, so for that one
    migration there is a moment with no ``store`` (never a half-written one).
    """
    if path.is_symlink():
        if os.readlink(path) == target:
            return
        _replace_link(path, target)
        return
    if path.is_dir():
        aside = path.with_name(f".{path.name}-old-{os.getpid()}")
        os.replace(path, aside)
        _replace_link(path, target)
        shutil.rmtree(aside, ignore_errors=True)
        return
    _replace_link(path, target)  # a regular file (or nothing): atomic


def _commit_without_links(out_dir: Path, version: Path) -> None:
    """Fallback without symlinks: rename the TriG file, then swap the store folder."""
    os.replace(version / TRIG, out_dir / TRIG)
    _swap_in(version / STORE, out_dir / STORE)
    shutil.rmtree(version, ignore_errors=True)


def _remove_stale_versions(out_dir: Path) -> None:
    """Remove version folders a killed build left behind (never the current one)."""
    current = _link_target(out_dir)
    for path in out_dir.iterdir():
        name = path.name
        stale = name.startswith((VERSION_PREFIX, ".store-new-")) or (
            name.startswith((f".{STORE}-old-", f".{DATASET_LINK}.tmp-", f".{TRIG}.",
                             f".{STORE}.tmp-")))
        if not stale or (current is not None and path.name == current.name):
            continue
        if path.is_dir() and not path.is_symlink() and _in_use(path):
            continue  # a build running now writes it
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


def new_spill_folder(out_dir: Path) -> Path:
    """A private folder in ``out_dir`` for a build's per-document TriG (spilled, not kept in
    memory), locked as in use until :func:`remove_spill_folder`. Spill folders that killed
    builds left behind are removed first; those of builds still running are not."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in out_dir.glob(SPILL_PREFIX + "*"):
        if path.is_dir() and not path.is_symlink() and not _in_use(path):
            shutil.rmtree(path, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=SPILL_PREFIX, dir=out_dir))
    _claim(folder)
    return folder


def remove_spill_folder(folder: Path) -> None:
    """Remove a folder made by :func:`new_spill_folder` and release it."""
    shutil.rmtree(folder, ignore_errors=True)
    _release(folder)


_CLAIMS: dict[Path, object] = {}  # folder -> the open, locked IN_USE file of this process


def _claim(folder: Path) -> None:
    """Mark ``folder`` as in use by this process for as long as it runs (or until released)."""
    fh = open(folder / IN_USE, "wb")
    try:
        import fcntl
    except ImportError:  # no file locks here: the file's age speaks (see _in_use)
        fcntl = None
    if fcntl is not None:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException:
            fh.close()
            raise
    _CLAIMS[folder] = fh


def _release(folder: Path) -> None:
    """Let go of a folder claimed by :func:`_claim` (its ``IN_USE`` file is removed)."""
    fh = _CLAIMS.pop(folder, None)
    if fh is not None:
        fh.close()
    try:
        (folder / IN_USE).unlink()
    except OSError:  # removed with its folder, or renamed into place
        pass


def _in_use(folder: Path) -> bool:
    """Whether a live build holds ``folder`` (a version or spill folder)."""
    if folder in _CLAIMS:
        return True
    lock = folder / IN_USE
    try:
        if not lock.exists():  # left by older code, or released (see the module docstring)
            return False
        try:
            import fcntl
        except ImportError:
            return time.time() - lock.stat().st_mtime < ABANDONED_SECONDS
        with open(lock, "rb") as fh:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        return False
    except FileNotFoundError:  # removed meanwhile
        return False


def _swap_in(new: Path, final: Path) -> None:
    old = None
    if final.is_symlink():
        final.unlink()
    elif final.exists():
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        os.replace(final, old)
    os.replace(new, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def has_dataset(out_dir: Path) -> bool:
    return (Path(out_dir) / STORE).is_dir() and (Path(out_dir) / TRIG).is_file()


def open_store(out_dir: Path, *, writable: bool = False) -> ox.Store:
    """The pyoxigraph store of a build (read-only unless ``writable``)."""
    path = Path(out_dir) / STORE
    if not path.is_dir():
        raise StoreMissing(f"{out_dir}: no dataset here (run `kg build ... --out {out_dir}` first)")
    return ox.Store(str(path)) if writable else ox.Store.read_only(str(path))


def all_quads(out_dir: Path) -> list[ox.Quad]:
    store = open_store(out_dir)
    return list(store.quads_for_pattern(None, None, None, None))


def replace_graph(out_dir: Path, graph_iri: str, quads: Iterable[ox.Quad]) -> int:
    """Swap the named graph ``graph_iri`` for ``quads``, rewriting store and TriG atomically."""
    g = ox.NamedNode(graph_iri)
    kept = [q for q in all_quads(out_dir) if q.graph_name != g]
    return write_dataset(out_dir, kept + [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads])


def query(out_dir_or_store, sparql: str, **kwargs):
    """Run ``sparql`` over a build (a folder or an open store), default graph = union of graphs."""
    store = out_dir_or_store if isinstance(out_dir_or_store, ox.Store) else open_store(out_dir_or_store)
    return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES, **kwargs)


def select_rows(out_dir_or_store, sparql: str, **kwargs) -> list[dict[str, str]]:
    """SELECT results as plain dicts of strings (variable name -> value), for Python callers."""
    results = query(out_dir_or_store, sparql, **kwargs)
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        rows.append(row)
    return rows
