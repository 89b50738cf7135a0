"""Parallel and distributed builds give exactly the dataset of a serial build.

The corpus is a small one from ``benchmarks/generate_corpus.py`` plus one unusable file. The
Dask tests run a ``distributed.LocalCluster`` of two worker processes; one test kills a worker
half-way through a build and checks that no document is lost or duplicated.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import sys
from pathlib import Path

import pytest

from graph import pipeline
from graph.ingest import collect_inputs
from graph.model import Document
from graph.parallel import map_documents

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "benchmarks" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    _generator().generate(folder, 14, sentences=8, seed=3)
    (folder / "empty.txt").write_text("")  # reported, not fatal
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("serial")
    report = pipeline.build([corpus], out, pages=False)
    assert len(report.documents) == 14 and len(report.skipped) == 1
    return (out / "graph.trig").read_bytes()


def _trig(out: Path) -> bytes:
    return (out / "graph.trig").read_bytes()


def test_map_documents_keeps_input_order(corpus):
    files, _ = collect_inputs([corpus])
    one = list(map_documents(files, jobs=1))
    two = list(map_documents(files, jobs=2))
    assert [p for p, _ in two] == files == [p for p, _ in one]
    assert one == two  # dataclass equality: the same documents, field by field
    assert sum(isinstance(r, str) for _, r in two) == 1
    assert all(isinstance(r, Document) or r.endswith("empty file") for _, r in two)


def test_jobs_2_is_byte_identical(corpus, serial, tmp_path):
    report = pipeline.build([corpus], tmp_path, pages=False, jobs=2)
    assert report.skipped == [f"{corpus / 'empty.txt'}: skipped: empty file"]
    assert _trig(tmp_path) == serial


def test_parallel_document_analyses_equal_serial(corpus, tmp_path, monkeypatch):
    """The per-document analyses spread over processes, several tasks each, give the same
    analysis graph, quad for quad and in the same order, as one process."""
    from graph import store
    from graph.analysis import parallel
    from graph.analysis.commands import default_analysis_quads

    pipeline.build([corpus], tmp_path / "built", pages=False, analysis=False)
    dataset = store.open_store(tmp_path / "built")
    monkeypatch.setattr(parallel, "DOCUMENTS_PER_TASK", 3)
    one = default_analysis_quads(dataset)
    runs = {q.subject.value for q in one if q.subject.value.endswith("/run")}
    assert sum("/analysis/document/" in r for r in runs) >= 10  # one run per document, and more
    # what a build writes: each document's analysis serialised apart (in 2 processes, several
    # tasks each, or in this one), joined by subject range
    from graph.analysis.commands import default_analysis_graph

    whole = store.trig_body(one)
    for jobs in (1, 2):
        graph = default_analysis_graph(dataset, jobs=jobs)
        assert graph.body == whole and graph.quads == len(set(one))


def test_subject_runs_join_into_the_graphs_trig():
    """A graph serialised in runs of subjects, joined, is byte for byte the whole graph's
    TriG; runs whose subjects interleave are refused rather than joined out of order."""
    import pyoxigraph as ox

    from graph.store import join_runs, subject_run, trig_body

    g = ox.NamedNode("https://example.org/graph/notes")

    def note(subject, text):
        return ox.Quad(ox.NamedNode("https://example.org/" + subject),
                       ox.NamedNode("https://example.org/says"), ox.Literal(text), g)

    first = [note("a/1", "The envoy arrived late."), note("a/2", "Talks resumed at noon.")]
    second = [note("b/1", "The ministers shook hands."), note("b/1", "Both sides kept quiet.")]
    joined = join_runs([subject_run(second), subject_run(first)])
    assert joined.body == trig_body(first + second) and joined.quads == 4
    with pytest.raises(ValueError):
        join_runs([subject_run([first[0], second[0]]), subject_run([first[1]])])


def test_a_worker_that_dies_is_reported_not_fatal(corpus, monkeypatch):
    files, _ = collect_inputs([corpus])
    victim = files[3]
    real = pipeline._process_file

    def crashing(path, kb, publisher):
        if path == victim:
            os._exit(1)  # as the OOM killer would
        return real(path, kb, publisher)

    # Pool workers are forked, so they see the patched function.
    monkeypatch.setattr(pipeline, "_process_file", crashing)
    results = list(map_documents(files, jobs=2))
    assert [p for p, _ in results] == files
    assert results[3][1] == f"{victim}: skipped: a worker process died while processing it"
    assert sum(isinstance(r, Document) for _, r in results) == len(files) - 2  # victim, empty.txt


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_equals_local(corpus, serial, dask_client, tmp_path):
    report = pipeline.build([corpus], tmp_path, pages=False, dask=dask_client)
    assert len(report.documents) == 14 and len(report.skipped) == 1
    assert _trig(tmp_path) == serial


def test_dask_worker_lost_mid_build(corpus, serial, dask_client, tmp_path):
    killed = []

    def kill_one_worker(done, total, name):
        if done == 2 and not killed:  # results 3.. are in flight or held by workers
            pids = dask_client.run(os.getpid)  # worker address -> process id
            address = sorted(pids)[0]
            os.kill(pids[address], signal.SIGKILL)  # no goodbye: the scheduler must notice
            killed.append(address)

    report = pipeline.build([corpus], tmp_path, pages=False, dask=dask_client, progress=kill_one_worker)
    assert killed
    assert len(report.documents) == 14 and len(report.skipped) == 1
    assert _trig(tmp_path) == serial
