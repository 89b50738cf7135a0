"""Per-document analyses in worker processes (``kg build -j N``).

The analysis of each document is independent of the others and is most of the analysis work
(a camp search per document), so a parallel build spreads it over ``jobs`` processes while the
main process analyses the whole network. Results come back serialised, in document order, so
the analysis graph is the same, byte for byte, as a serial build's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

#: Documents per task: big enough that a task outweighs its messaging, small enough to balance.
DOCUMENTS_PER_TASK = 32

_WORK: dict = {}  # what a worker analyses: records by document, actors, options


def _init_worker(by_document: dict, actors: Mapping, options: dict) -> None:
    _WORK.update(by_document=by_document, actors=actors, options=options)


def _analysis(document: str):
    from .perspectives import analyze_network

    return analyze_network(_WORK["by_document"][document], _WORK["actors"], scope=document,
                           kind="document", roles=False, **_WORK["options"])


def _document_runs(documents: list[str]) -> list:
    """The analysis graph's TriG of ``documents``, one :class:`graph.store.SubjectRun` each."""
    return [document_run(_analysis(doc), _WORK["actors"]) for doc in documents]


def document_run(analysis, actors: Mapping):
    """The quads of one scope's analysis, serialised (:func:`graph.store.subject_run`): a
    scope's subjects all start with its own path, so scopes are separate subject ranges."""
    from graph.store import subject_run

    from .rdf import analysis_quads

    return subject_run(analysis_quads([analysis], actors=actors))


def document_analysis_runs(records, actors: Mapping, jobs: int, **options) -> Iterator[list]:
    """The analyses :func:`graph.analysis.perspectives.by_document` gives (with
    ``roles=False``), computed and serialised by ``jobs`` processes: lists of
    :class:`graph.store.SubjectRun` (one per document) in document order, the first as soon as
    it is ready. ``options`` are those of :func:`graph.analysis.perspectives.analyze_network`."""
    yield from _map(_document_runs, records, actors, jobs, options, lambda runs: runs)


def _map(task, records, actors: Mapping, jobs: int, options: dict, finish) -> Iterator:
    """``finish(task(documents))`` for each batch of documents, by ``jobs`` processes, in order."""
    from concurrent.futures import ProcessPoolExecutor

    from graph.parallel import _context

    from .perspectives import _group

    by_document = _group(records, lambda r: r.document)
    documents = list(by_document)
    tasks = [documents[i:i + DOCUMENTS_PER_TASK] for i in range(0, len(documents), DOCUMENTS_PER_TASK)]
    if not tasks:
        yield []
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init_worker,
                             initargs=(by_document, dict(actors), options)) as pool:
        for data in pool.map(task, tasks):
            yield finish(data)
