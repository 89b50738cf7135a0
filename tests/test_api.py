"""The notebook API: ``graph.Build`` as DataFrames, a networkx graph and an inline picture.

The articles are short texts written for these tests.
"""

from __future__ import annotations

import re
import subprocess
import sys

import networkx as nx
import pytest

pd = pytest.importorskip("pandas", reason="pandas is the optional `notebook` extra")

from graph.api import Build, NetworkView  # noqa: E402
from graph.store import StoreMissing  # noqa: E402

ARTICLES = {
    "strait.txt": "Beijing warned Manila against new patrols near the shoal. The Philippines "
                  "accused China of ramming a supply boat. Washington praised Manila for its "
                  "restraint.\n",
    "summit.txt": "Japan pledged to expand security cooperation with the Philippines. Tokyo "
                  "criticised Beijing for the harassment of fishing boats. A Japanese foreign "
                  "ministry spokesperson said Japan might join the patrols.\n",
}


@pytest.fixture(scope="module")
def corpus(texts_folder):
    return texts_folder(ARTICLES, "articles")


@pytest.fixture(scope="module")
def b(corpus, tmp_path_factory):
    return Build.build(corpus, tmp_path_factory.mktemp("build"))


def test_import_graph_stays_cheap():
    code = ("import sys, graph; heavy = [m for m in ('pandas', 'networkx', 'pyoxigraph', 'pyvis', "
            "'graph.api') if m in sys.modules]; print(heavy); "
            "from graph.api import Build; print(graph.Build is Build)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["[]", "True"]


def test_open_needs_a_build(tmp_path):
    with pytest.raises(StoreMissing):
        Build.open(tmp_path)


def test_build_is_incremental(b, corpus):
    assert sorted(p.rsplit("/", 1)[-1] for p in b.report.added) == ["strait.txt", "summit.txt"]
    again = Build.build(corpus, b.path)
    assert len(again.report.unchanged) == 2 and again.report.added == []


def test_query_gives_a_dataframe_with_typed_values(b):
    df = b.query("SELECT ?s ?t ?pol ?conf WHERE { ?i a kgo:Interaction ; kgo:source/kgo:key ?s ; "
                 "kgo:target/kgo:key ?t ; kgo:polarity ?pol ; kgo:confidence ?conf } ORDER BY ?s ?t")
    assert list(df.columns) == ["s", "t", "pol", "conf"] and len(df) > 0
    assert set(df["pol"]) <= {1, -1} and df["conf"].between(0, 1).all()
    assert ("PHL", "CHN") in set(zip(df["s"], df["t"]))
    assert b.query("ASK { ?a kgo:iso3 'JPN' }") is True
    raw = b.query("SELECT ?pol WHERE { ?i kgo:polarity ?pol } LIMIT 1", raw=True)
    assert isinstance(raw["pol"][0], str)
    triples = b.query("CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a kgo:iso3 'JPN' ; rdfs:label ?l }")
    assert list(triples.columns) == ["subject", "predicate", "object"] and "Japan" in set(triples["object"])


def test_named_queries(b):
    listed = Build.queries()
    assert list(listed.columns) == ["name", "title", "params", "description"]
    if "pair-interactions" not in set(listed["name"]):
        pytest.skip("the named query pair-interactions is not installed")
    df = b.named("pair-interactions", a="PHL", b="CHN")
    assert len(df) >= 1
    from graph.query import QueryError

    with pytest.raises(QueryError):
        b.named("no-such-query")


def test_tables(b):
    docs = b.documents()
    assert sorted(docs["source"].str.rsplit("/", n=1).str[-1]) == ["strait.txt", "summit.txt"]
    assert (docs["interactions"] > 0).all()
    inter = b.interactions()
    assert len(inter) == b.summary()["interactions"] and inter["sentence_text"].str.len().gt(0).all()
    actors = b.actors()
    assert {"CHN", "PHL", "JPN", "USA"} <= set(actors["label"])
    assert actors["degree"].is_monotonic_decreasing
    camps = b.camps()
    assert list(camps.columns) == ["kind", "bloc", "label", "members"]


def test_network(b):
    G = b.network()
    assert isinstance(G, nx.Graph)
    labels = {n: d["label"] for n, d in G.nodes(data=True)}
    ties = {frozenset((labels[u], labels[v])): d["weight"] for u, v, d in G.edges(data=True)}
    assert ties[frozenset(("PHL", "CHN"))] < 0
    assert ties[frozenset(("JPN", "PHL"))] > 0
    assert all(isinstance(v, (str, int, float)) for _, d in G.nodes(data=True) for v in d.values())


def test_show_renders_inline_without_network_access(b, tmp_path):
    view = b.show(height="400px")
    assert isinstance(view, NetworkView)
    page = view._repr_html_()
    assert page.startswith("<iframe srcdoc=") and "400px" in page
    assert "vis.Network" in view.html and "PHL" in view.html
    assert not re.search(r'(?:src|href)="https?://', view.html)
    assert view.save(tmp_path / "net.html").read_text(encoding="utf-8") == view.html
    assert "<table>" in b._repr_html_()
