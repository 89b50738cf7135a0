"""``kg push`` against a real ``oxigraph serve`` (the PyPI ``oxigraph`` package) on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import store
from graph.push import PushError, push
from test_queries import write_contract_dataset


def _oxigraph() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the `oxigraph` binary is missing: `pip install oxigraph` (it is in the dev extra)")
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=" + urllib.parse.quote("ASK {}"), timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(10)


def remote_counts(base: str) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(base + "/query?query=" + urllib.parse.quote(query),
                                     headers={"Accept": "application/sparql-results+json"})
    data = json.loads(urllib.request.urlopen(request, timeout=30).read())
    return {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}


def local_counts(out) -> dict[str, int]:
    counts: dict[str, int] = {}
    for q in store.all_quads(out):
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    return counts


@pytest.fixture
def dataset(tmp_path):
    out = tmp_path / "build"
    write_contract_dataset(out)
    return out


def test_push_with_sparql_update_in_batches(oxigraph_server, dataset):
    report = push(dataset, oxigraph_server + "/update", batch=7)
    assert remote_counts(oxigraph_server) == local_counts(dataset)
    assert report.triples == sum(local_counts(dataset).values())
    assert report.requests > len(report.graphs)  # batches of 7 triples
    push(dataset, oxigraph_server + "/update")  # again: graphs replaced, not doubled
    assert remote_counts(oxigraph_server) == local_counts(dataset)


def test_push_with_graph_store_protocol(oxigraph_server, dataset):
    report = push(dataset, graph_store=oxigraph_server + "/store")
    assert report.requests == len(local_counts(dataset))
    assert remote_counts(oxigraph_server) == local_counts(dataset)


def test_pushed_text_survives_exactly(oxigraph_server, tmp_path):
    from graph.pipeline import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "quotes.txt").write_text(
        'Envoys Trade Barbs\n\nIran\'s envoy said the "so-called \\ corridor" was a provocation. '
        "Azerbaijan rejected Iran's demand and warned Tehran against interference.\n", encoding="utf-8")
    out = tmp_path / "build"
    assert build([src], out, pages=False).ok
    push(out, oxigraph_server + "/update", batch=50)
    assert remote_counts(oxigraph_server) == local_counts(out)
    query = ('ASK { GRAPH ?g { ?d <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t } '
             'FILTER(CONTAINS(?t, "so-called \\\\ corridor")) }')
    request = urllib.request.Request(oxigraph_server + "/query?query=" + urllib.parse.quote(query),
                                     headers={"Accept": "application/sparql-results+json"})
    assert json.loads(urllib.request.urlopen(request).read())["boolean"] is True


def test_cli_push_and_clear_errors(oxigraph_server, dataset):
    from graph.cli import _register_optional_commands, app

    _register_optional_commands()
    runner = CliRunner()
    result = runner.invoke(app, ["push", str(dataset), "--endpoint", oxigraph_server + "/update",
                                 "--graph-store", oxigraph_server + "/store"])
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output
    assert remote_counts(oxigraph_server) == local_counts(dataset)
    result = runner.invoke(app, ["push", str(dataset), "--endpoint", f"http://127.0.0.1:{_free_port()}/update"])
    assert result.exit_code == 1


def test_unreachable_server_is_a_push_error(dataset):
    with pytest.raises(PushError, match="POST"):
        push(dataset, f"http://127.0.0.1:{_free_port()}/update")
