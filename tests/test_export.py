"""Every export parses back: RDF with pyoxigraph and rdflib, the network with networkx, the CSV
with the csv module. The articles are short texts written for these tests."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from graph import store
from graph.export import CSV_COLUMNS, FORMATS, ExportError, actor_network, export

ARTICLES = {
    "gulf.txt": "Riyadh accused Tehran of arming the rebels in Yemen. Iran denied the charge. "
                "Saudi Arabia and the United Arab Emirates signed a defence pact on Tuesday.\n",
    "caucasus.txt": "Armenia condemned Azerbaijan for the closure of the Lachin road. Russia urged "
                    "both sides to return to talks. France pledged humanitarian aid to Armenia.\n",
    "sahel.txt": "Mali expelled the French ambassador after months of tension. Moscow praised Mali "
                 "for its new security partnership with Russia. Officials in Washington said the "
                 "United States might impose sanctions on Mali.\n",
}


@pytest.fixture(scope="module")
def out(built_texts):
    out, report = built_texts(ARTICLES, "articles")
    assert report.ok
    return out


@pytest.fixture(scope="module")
def dataset(out):
    """The quads of graph.trig, as written."""
    with open(out / "graph.trig", "rb") as fh:
        return set(ox.parse(fh, format=ox.RdfFormat.TRIG))


def _parse(data: bytes, fmt) -> set:
    return set(ox.parse(io.BytesIO(data), format=fmt))


def _no_blanks(quads) -> set:
    return {q for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}


def test_trig_is_the_full_dataset(out, dataset):
    data = export(out, "trig")
    assert data == (out / "graph.trig").read_bytes()
    assert _parse(data, ox.RdfFormat.TRIG) == dataset
    # the store holds the same number of quads as the TriG file
    assert len(store.open_store(out)) == len(dataset)
    assert len(rdflib.Dataset().parse(data=data, format="trig")) == len(dataset)


def test_nquads_round_trip(out, dataset):
    data = export(out, "nq")
    assert _parse(data, ox.RdfFormat.N_QUADS) == dataset
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == len(dataset)
    ds = rdflib.Dataset()
    ds.parse(data=data, format="nquads")
    assert len(ds) == len(dataset)


def test_turtle_is_the_union_of_all_graphs(out, dataset):
    data = export(out, "ttl")
    triples = {q.triple for q in _parse(data, ox.RdfFormat.TURTLE)}
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in dataset}
    assert len(triples) == len(union)
    assert _no_blanks(triples) == _no_blanks(union)
    assert len(rdflib.Graph().parse(data=data, format="turtle")) == len(union)
    assert b"@prefix kgo:" in data


def test_jsonld_round_trip(out, dataset):
    data = export(out, "jsonld")
    quads = _parse(data, ox.RdfFormat.JSON_LD)
    assert len(quads) == len(dataset)
    assert _no_blanks(quads) == _no_blanks(dataset)
    graphs = {q.graph_name for q in quads}
    assert len([g for g in graphs if "/graph/doc/" in str(g)]) == len(ARTICLES)
    ds = rdflib.Dataset()
    ds.parse(data=data, format="json-ld")
    assert len(ds) == len(dataset)


def _check_network(G: nx.Graph, out):
    expected = actor_network(out)
    assert set(G.nodes) == set(expected.nodes) and G.number_of_edges() == expected.number_of_edges()
    assert {"SAU", "IRN", "ARM", "AZE", "MLI"} <= {d["label"] for _, d in G.nodes(data=True)}
    for _, d in G.nodes(data=True):
        assert {"label", "type", "iso3", "affiliation", "camp", "cluster", "degree"} <= set(d)
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())
    for u, v, d in G.edges(data=True):
        assert {"weight", "positive_count", "negative_count", "event_types"} <= set(d)
        assert all(isinstance(x, (str, int, float, bool)) for x in d.values())
        assert d["weight"] == pytest.approx(expected[u][v]["weight"])
    labels = {n: d["label"] for n, d in G.nodes(data=True)}
    ties = {frozenset((labels[u], labels[v])): d for u, v, d in G.edges(data=True)}
    hostile = ties[frozenset(("SAU", "IRN"))]
    assert hostile["weight"] < 0 and hostile["negative_count"] == 1 and hostile["event_types"] == "ACCUSE"
    assert ties[frozenset(("FRA", "ARM"))]["weight"] > 0
    assert not hostile["weak"]
    # a hypothetical sanction, with nothing factual about the pair, is no tie by default
    assert frozenset(("USA", "MLI")) not in ties
    camps = {d["camp"] for _, d in G.nodes(data=True)}
    assert camps - {""}, "the analysis puts actors into camps"


def test_graphml_opens_in_networkx(out, tmp_path):
    path = tmp_path / "actors.graphml"
    export(out, "graphml", path)
    _check_network(nx.read_graphml(path), out)


def test_gexf_opens_in_networkx(out, tmp_path):
    path = tmp_path / "actors.gexf"
    export(out, "gexf", path)
    _check_network(nx.read_gexf(path), out)


def test_csv_has_every_interaction_with_evidence(out):
    data = export(out, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    count = store.select_rows(out, "SELECT (COUNT(?i) AS ?n) WHERE { ?i a kgo:Interaction }")[0]["n"]
    assert len(rows) == int(count) and len({r["interaction"] for r in rows}) == len(rows)
    sentences = {s.strip() for text in ARTICLES.values() for s in text.replace(". ", ".\n").splitlines()}
    for r in rows:
        assert r["sentence_text"] in sentences
        assert r["trigger"] and r["trigger"] in r["sentence_text"]
        assert r["document_source"].endswith(".txt") and r["modality"] and r["polarity"] in ("1", "-1")
    accuse = [r for r in rows if r["event_type"] == "ACCUSE"]
    assert [(r["source"], r["target"], r["source_label"]) for r in accuse] == [("SAU", "IRN", "Saudi Arabia")]
    assert any(r["modality"] == "Hypothetical" and r["target"] == "MLI" for r in rows)


def test_unknown_format_and_missing_build(out, tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        export(out, "xlsx")
    with pytest.raises(ExportError, match="no dataset"):
        export(tmp_path, "ttl")


def test_cli_export_to_stdout_and_file(out, tmp_path):
    kg = [sys.executable, "-m", "graph", "export", str(out)]
    done = subprocess.run([*kg, "--format", "nq"], capture_output=True, check=True)
    assert done.stdout == export(out, "nq")
    target = tmp_path / "x.gexf"
    subprocess.run([*kg, "-f", "gexf", "--out", str(target)], capture_output=True, check=True)
    assert target.read_bytes() == export(out, "gexf")
    bad = subprocess.run([sys.executable, "-m", "graph", "export", str(tmp_path), "-f", "csv"],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "no dataset" in bad.stderr


def test_every_format_is_covered():
    assert set(FORMATS) == {"ttl", "trig", "nq", "jsonld", "graphml", "gexf", "csv"}
