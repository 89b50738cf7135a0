"""Exports of a build: RDF in the common serialisations, the actor network, a CSV of interactions.

=========  ===================================================================================
format     what
=========  ===================================================================================
ttl        Turtle of the *union* of all named graphs as one graph (what a query's default graph
           sees); Turtle has no named graphs, so which document said what is left to the other
           formats
trig       the full dataset, one named graph per document (a copy of ``graph.trig``)
nq         the full dataset as N-Quads, one quad per line, sorted
jsonld     the full dataset as JSON-LD (named graphs as ``@graph`` objects)
graphml    the signed actor network for Gephi, Cytoscape, yEd (see :func:`actor_network`)
gexf       the same network as GEXF (Gephi's own format)
csv        one row per interaction, with its evidence sentence (see :data:`CSV_COLUMNS`)
=========  ===================================================================================

RDF is read from ``graph.trig``, which keeps every literal as written; the store keeps
canonical forms (``0.60`` becomes ``0.6``). The network and the CSV are read from the store.

>>> sorted(FORMATS)
['csv', 'gexf', 'graphml', 'jsonld', 'nq', 'trig', 'ttl']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

FORMATS = ("ttl", "trig", "nq", "jsonld", "graphml", "gexf", "csv")

#: Columns of the interaction CSV, in order.
CSV_COLUMNS = (
    "interaction", "source", "source_label", "target", "target_label", "event_type", "polarity",
    "modality", "confidence", "date", "trigger", "document", "document_source", "document_title",
    "sentence", "sentence_text",
)


class ExportError(ValueError):
    """An export that cannot be made (unknown format, no dataset)."""


def export(out_dir: str | Path, fmt: str, dest: str | Path | BinaryIO | None = None) -> bytes | None:
    """Export the build in ``out_dir`` as ``fmt``.

    Parameters
    ----------
    out_dir : path
        A folder written by ``kg build``.
    fmt : str
        One of :data:`FORMATS`.
    dest : path or binary file, optional
        Where to write; a path is written atomically. ``None`` returns the bytes.

    Returns
    -------
    bytes or None
        The export when ``dest`` is ``None``.
    """
    from graph import store

    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    if not store.has_dataset(out_dir):
        raise ExportError(f"{out_dir}: no dataset here (run `kg build ... --out {out_dir}` first)")
    data = _EXPORTERS[fmt](out_dir)
    if dest is None:
        return data
    if isinstance(dest, (str, Path)):
        store.atomic_write(Path(dest), data)
    else:
        dest.write(data)
    return None


# --------------------------------------------------------------------------- RDF


def dataset_quads(out_dir: Path) -> list:
    """Every quad of ``graph.trig``, literals exactly as written."""
    import pyoxigraph as ox

    from graph.store import TRIG

    with open(Path(out_dir) / TRIG, "rb") as fh:
        return list(ox.parse(fh, format=ox.RdfFormat.TRIG))


def _sorted(items: Iterable) -> list:
    return sorted(set(items), key=lambda q: tuple(map(str, (getattr(q, "graph_name", ""), q.subject,
                                                               q.predicate, q.object))))


def _ttl(out_dir: Path) -> bytes:
    import pyoxigraph as ox

    from graph.iris import PREFIXES

    triples = _sorted(ox.Triple(q.subject, q.predicate, q.object) for q in dataset_quads(out_dir))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def _trig(out_dir: Path) -> bytes:
    from graph.store import TRIG

    return (Path(out_dir) / TRIG).read_bytes()


def _nq(out_dir: Path) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(_sorted(dataset_quads(out_dir)), format=ox.RdfFormat.N_QUADS) or b""


def _jsonld(out_dir: Path) -> bytes:
    import pyoxigraph as ox

    from graph.iris import PREFIXES

    return ox.serialize(_sorted(dataset_quads(out_dir)), format=ox.RdfFormat.JSON_LD,
                        prefixes=PREFIXES) or b""


# --------------------------------------------------------------------------- network


_Q_BLOCS = """
SELECT ?bloc ?cls ?member WHERE {
  GRAPH ?g { ?bloc a ?cls ; kgo:scope "all" ; kgo:member ?member . }
  VALUES ?cls { kgo:Camp kgo:AlignmentCluster }
  FILTER(?g = <%s>)
}"""


def blocs(store) -> dict[str, dict[str, str]]:
    """Camp and cluster of each actor in the stored analysis of the whole dataset.

    Returns
    -------
    dict
        ``{"camp": {actor IRI: "1", ...}, "cluster": {actor IRI: "2", ...}}``; numbers as the
        analysis numbered them (empty when the build has no analysis).
    """
    from graph.iris import ANALYSIS_GRAPH, KGO
    from graph.store import select_rows

    out: dict[str, dict[str, str]] = {"camp": {}, "cluster": {}}
    for row in select_rows(store, _Q_BLOCS % ANALYSIS_GRAPH):
        kind = "camp" if row["cls"] == KGO + "Camp" else "cluster"
        out[kind][row["member"]] = row["bloc"].rsplit("/", 1)[-1]
    return out


def actor_network(store, *, lift: bool = True, view: str = "factual"):
    """The signed actor network with scalar attributes only (ready for GraphML/GEXF).

    Built by :func:`graph.analysis.network.signed_network`: each interaction adds
    ``polarity x modality weight x confidence`` (factual view: Asserted 1, Reported 0.5, the
    others 0; Hypothetical and Recommended 0.25 for pairs without any factual record) to the
    undirected tie of its (lifted) source and target.

    Parameters
    ----------
    store : pyoxigraph.Store or path
        An open store or a build folder.
    lift : bool
        People and agencies count for the state or IGO they act for.
    view : {"factual", "advocacy", "hypothetical"}
        See :func:`graph.analysis.network.signed_network`.

    Returns
    -------
    networkx.Graph
        Nodes are actor IRIs with ``label``, ``name`` (the full label), ``type``, ``iso3``,
        ``affiliation``, ``camp``, ``cluster`` (``""`` when none) and ``degree``. Edges carry
        ``weight`` (net signed sum), ``abs_weight``, ``sign``, ``positive_weight``,
        ``negative_weight``, ``positive_count``, ``negative_count``, ``count``, ``weak``
        (True when only hypothetical or recommended records, which count only for pairs
        without any factual record, make the tie) and ``event_types`` (sorted, joined by ``;``).
    """
    import networkx as nx

    from graph.analysis.network import signed_network
    from graph.analysis.records import load_actors, load_records
    from graph.store import open_store

    if not hasattr(store, "query"):
        store = open_store(Path(store))
    actors = load_actors(store)
    G = signed_network(load_records(store), actors=actors, lift=lift, view=view)
    found = blocs(store)
    H = nx.Graph(view=view, lift=str(lift).lower())
    for n, data in sorted(G.nodes(data=True)):
        info = actors.get(n)
        H.add_node(n, label=data.get("label") or "", name=info.label if info else data.get("label") or "",
                   type=data.get("type") or "", iso3=(info.iso3 if info else None) or "",
                   affiliation=(info.affiliation if info else None) or "",
                   camp=found["camp"].get(n, ""), cluster=found["cluster"].get(n, ""),
                   degree=int(G.degree(n)))
    for u, v, d in sorted(G.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]))):
        records = d.get("records", [])
        weight = float(d["weight"])
        H.add_edge(u, v, weight=weight, abs_weight=abs(weight),
                   sign=(weight > 0) - (weight < 0),
                   positive_weight=float(d["positive"]), negative_weight=float(d["negative"]),
                   positive_count=sum(1 for r in records if r.polarity > 0),
                   negative_count=sum(1 for r in records if r.polarity < 0),
                   count=int(d["count"]), weak=bool(d.get("weak", False)),
                   event_types=";".join(sorted({r.event_type for r in records if r.event_type})))
    return H


def _network_bytes(out_dir: Path, writer) -> bytes:
    buffer = io.BytesIO()
    writer(actor_network(out_dir), buffer)
    return buffer.getvalue()


def _graphml(out_dir: Path) -> bytes:
    import networkx as nx

    return _network_bytes(out_dir, lambda G, fh: nx.write_graphml(G, fh, named_key_ids=True))


def _gexf(out_dir: Path) -> bytes:
    import networkx as nx

    return _network_bytes(out_dir, nx.write_gexf)


# --------------------------------------------------------------------------- CSV


_Q_INTERACTIONS = """
SELECT ?i ?s ?slabel ?t ?tlabel ?type ?pol ?mod ?conf ?date ?trigger ?sent ?text ?doc ?src ?title
WHERE {
  ?i a kgo:Interaction ; kgo:source ?s ; kgo:target ?t ; kgo:polarity ?pol ; kgo:modality ?mod .
  OPTIONAL { ?s rdfs:label ?slabel }
  OPTIONAL { ?t rdfs:label ?tlabel }
  OPTIONAL { ?i kgo:eventType ?type }
  OPTIONAL { ?i kgo:confidence ?conf }
  OPTIONAL { ?i dcterms:date ?date }
  OPTIONAL { ?i kgo:trigger ?trigger }
  OPTIONAL { ?i prov:wasDerivedFrom ?sent .
             OPTIONAL { ?sent nif:anchorOf ?text }
             OPTIONAL { ?sent nif:referenceContext ?doc .
                        OPTIONAL { ?doc dcterms:source ?src }
                        OPTIONAL { ?doc dcterms:title ?title } } }
}"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def interaction_rows(store) -> list[dict[str, str]]:
    """One dict per interaction (keys :data:`CSV_COLUMNS`), sorted by document and position.

    Actors are given by key (``IRN``, ``person/ned-price``) and label; event type and modality
    by local name (``ACCUSE``, ``Reported``).
    """
    from graph.iris import actor_key
    from graph.store import select_rows

    rows: dict[str, dict[str, str]] = {}
    for r in sorted(select_rows(store, _Q_INTERACTIONS), key=lambda r: sorted(r.items())):
        if r["i"] in rows:  # several labels or sentences: keep the first, deterministically
            continue
        rows[r["i"]] = {
            "interaction": r["i"],
            "source": actor_key(r["s"]), "source_label": r.get("slabel", ""),
            "target": actor_key(r["t"]), "target_label": r.get("tlabel", ""),
            "event_type": _local(r.get("type", "")), "polarity": r["pol"],
            "modality": _local(r["mod"]), "confidence": r.get("conf", ""),
            "date": r.get("date", ""), "trigger": r.get("trigger", ""),
            "document": r.get("doc", ""), "document_source": r.get("src", ""),
            "document_title": r.get("title", ""), "sentence": r.get("sent", ""),
            "sentence_text": r.get("text", ""),
        }

    def position(row):
        tail = row["sentence"].rsplit("/", 1)[-1]
        return (row["document_source"], int(tail) if tail.isdigit() else 0, row["interaction"])

    return sorted(rows.values(), key=position)


def _csv(out_dir: Path) -> bytes:
    from graph.store import open_store

    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(interaction_rows(open_store(out_dir)))
    return text.getvalue().encode("utf-8")


_EXPORTERS = {
    "ttl": _ttl, "trig": _trig, "nq": _nq, "jsonld": _jsonld,
    "graphml": _graphml, "gexf": _gexf, "csv": _csv,
}
