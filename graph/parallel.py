"""Process input files in parallel: local processes (``kg build -j N``) or a Dask cluster.

:func:`map_documents` reads and processes each file (ingest -> sentences -> actors ->
extract) and yields ``(path, result)`` pairs **in input order**, whatever order the workers
finish in, so a parallel build merges exactly what a serial one would and writes the same
bytes. A result is the processed :class:`~graph.model.Document`, or the message
``"path: skipped: reason"`` for a file that could not be used.

Decisions
---------
* The knowledge base is loaded once, by the caller, and shipped to the workers: as an
  initializer argument of the process pool (inherited for free where processes fork), and
  scattered once to every Dask worker. Workers never parse the YAML themselves, so the user's
  ``actor_files`` need not exist on a remote cluster, and a restarted worker gets the knowledge
  base from its peers.
* Memory is bounded: at most a small window of files is in flight (submitted but not yet
  yielded), so results do not pile up when the consumer is slower than the workers.
* Lost workers (Dask): the scheduler re-runs the tasks of a worker that disappears; each result
  is stored under its input position and yielded once, so nothing is lost or duplicated. A file
  that keeps killing workers is reported as skipped. When a local worker process dies (a
  crash, the OOM killer), the files it took down are re-run one by one, each in a process of
  its own, so the culprit is reported and the others are built.
* Dask workers read the files themselves: the input paths must be visible at the same place
  to every worker (a shared file system), as for any file-based Dask job.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.model import Document

Result = Document | str

#: Files in flight per worker: enough to keep workers busy, few enough to bound memory.
WINDOW_PER_WORKER = 4

_KB = None  # the knowledge base of a pool worker, set once by _init_worker


def map_documents(files: Iterable[str | Path], *, jobs: int = 1, dask: Any = None,
                  actor_files: Iterable[str | Path] = (), publisher: str | None = None,
                  kb=None, convert: Callable[[Document], Any] | None = None
                  ) -> Iterator[tuple[Path, Result]]:
    """Process ``files`` and yield ``(path, document or skip message)`` in input order.

    Parameters
    ----------
    files : iterable of path
        Input files (already collected, see :func:`graph.ingest.collect_inputs`).
    jobs : int
        Local worker processes; 1 processes in this process. With ``dask``, the number of
        workers of a ``"local"`` cluster.
    dask : str or distributed.Client, optional
        A scheduler address (``"tcp://host:8786"``), ``"local"`` for a
        :class:`distributed.LocalCluster` made for this call, or a connected ``Client``.
    actor_files : iterable of path
        The user's actor files, merged over the built-in knowledge base.
    publisher : str, optional
        Publisher for documents that name none.
    kb : KnowledgeBase, optional
        An already loaded knowledge base (``actor_files`` is then ignored).
    convert : callable, optional
        Applied to each processed document in the worker (a module-level function, so that it
        pickles): what is yielded instead of the document. ``kg build`` turns documents into
        their TriG there, so that the workers do that work too and only bytes travel back.

    Yields
    ------
    (Path, Document or str)
        Each input file once, in input order.

    Examples
    --------
    >>> list(map_documents([]))
    []
    """
    files = [Path(f) for f in files]
    if not files:
        return
    if kb is None:
        from graph.actors.kb import load_knowledge_base

        kb = load_knowledge_base(list(actor_files))
    if dask is not None:
        yield from _map_dask(files, dask, kb, publisher, jobs, convert)
    elif jobs > 1 and len(files) > 1:
        yield from _map_pool(files, jobs, kb, publisher, convert)
    else:
        for path in files:
            yield path, process_file(path, kb, publisher, convert)


def process_file(path: Path, kb, publisher: str | None, convert=None) -> Result:
    """One file read and processed (and converted), or the reason it was skipped (never raises)."""
    from graph.pipeline import _process_file  # the pipeline's unit of work; late: no import cycle

    result = _process_file(Path(path), kb, publisher)
    if convert is None or isinstance(result, str):
        return result
    try:
        return convert(result)
    except Exception as exc:  # one bad document must not stop the build
        return f"{path}: skipped: {type(exc).__name__}: {exc}"


# ---------------------------------------------------------------------------------------------
# Local processes
# ---------------------------------------------------------------------------------------------


def _init_worker(kb) -> None:
    global _KB
    _KB = kb


def _pool_task(path: str, publisher: str | None, convert=None) -> Result:
    return process_file(Path(path), _KB, publisher, convert)


def _context():
    """``fork`` where safe and available: workers inherit the loaded modules and knowledge base
    instead of importing and unpickling them; otherwise the platform default."""
    if sys.platform == "linux" and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context()


def _map_pool(files: list[Path], jobs: int, kb, publisher: str | None,
              convert=None) -> Iterator[tuple[Path, Result]]:
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool(workers: int = jobs):
        return ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                   initializer=_init_worker, initargs=(kb,))

    def isolated(path: Path) -> Future:
        # Alone in its own process, a crash is attributable to this file and to no other.
        done: Future = Future()
        with new_pool(1) as single:
            try:
                done.set_result(single.submit(_pool_task, str(path), publisher, convert).result())
            except BrokenProcessPool:
                done.set_result(f"{path}: skipped: a worker process died while processing it")
        return done

    def submit(j: int) -> Future:
        try:
            return pool.submit(_pool_task, str(files[j]), publisher, convert)
        except BrokenProcessPool as exc:  # broke before its result was read: handled below
            broken: Future = Future()
            broken.set_exception(exc)
            return broken

    pool = new_pool()
    pending: deque = deque()  # (index, future), in input order
    next_index = 0
    window = jobs * WINDOW_PER_WORKER
    try:
        while next_index < len(files) or pending:
            while next_index < len(files) and len(pending) < window:
                pending.append((next_index, submit(next_index)))
                next_index += 1
            i, fut = pending.popleft()
            try:
                result = fut.result()
            except BrokenProcessPool:
                # A worker died (a crash, the OOM killer) and took every unfinished future of the
                # pool with it. Finished results stand; the others are re-run one by one, so the
                # file that kills its process is reported and the innocent ones are built.
                pool.shutdown(wait=False, cancel_futures=True)
                redo = [(i, fut), *pending]
                pending.clear()
                for j, f in redo:
                    ok = f.done() and not f.cancelled() and f.exception() is None
                    pending.append((j, f if ok else isolated(files[j])))
                pool = new_pool()
                continue
            yield files[i], result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# Dask
# ---------------------------------------------------------------------------------------------


def _dask_task(path: str, kb, publisher: str | None, convert=None) -> Result:
    return process_file(Path(path), kb, publisher, convert)


def _dask_client(target: Any, jobs: int):
    """A connected client and what to close afterwards."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # the optional extra is missing
        raise RuntimeError("--dask needs dask.distributed: pip install 'kg-explorer[dask]'") from exc
    if not isinstance(target, str):
        return target, []  # a caller's client: the caller closes it
    if target == "local":
        cluster = LocalCluster(n_workers=max(jobs, 2), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        return client, [client, cluster]
    client = Client(target)
    return client, [client]


def _map_dask(files: list[Path], target: Any, kb, publisher: str | None,
              jobs: int, convert=None) -> Iterator[tuple[Path, Result]]:
    import uuid

    client, to_close = _dask_client(target, jobs)
    try:
        kb_future = client.scatter(kb, broadcast=True, hash=False)
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        window = max(workers * WINDOW_PER_WORKER, 8)
        run = uuid.uuid4().hex[:8]  # unique task keys per build: never reuse a stale result
        pending: deque = deque()
        next_index = 0
        while next_index < len(files) or pending:
            while next_index < len(files) and len(pending) < window:
                path = files[next_index]
                fut = client.submit(_dask_task, str(path), kb_future, publisher, convert,
                                    key=f"kg-doc-{run}-{next_index}", pure=False, retries=3)
                pending.append((next_index, fut))
                next_index += 1
            i, fut = pending.popleft()
            try:
                result = fut.result()
            except Exception as exc:  # KilledWorker: the file killed worker after worker
                result = f"{files[i]}: skipped: {type(exc).__name__}: {exc}"
            fut.release()
            yield files[i], result
    finally:
        for obj in to_close:
            obj.close()
