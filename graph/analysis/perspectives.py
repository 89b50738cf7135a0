"""The same analysis per source (document or publisher), and where the sources disagree.

:func:`analyze_network` runs the whole analysis (network, camps, clusters, roles) on one
selection of records; :func:`by_document` and :func:`by_publisher` run it per source;
:func:`compare` lists the disagreements between sources:

* ``relation`` - a pair one source calls cooperative (net weight > 0) and another hostile;
* ``camp`` - two actors one source puts in the same camp and another in opposing camps
  ("an actor placed in different camps", relative to the other actor).

Each comes with the sentences behind both sides.

Examples
--------
>>> from graph.analysis.records import InteractionRecord as R
>>> from graph.analysis.perspectives import compare
>>> recs = [R("i1", "A", "B", "MEET", 1, "Asserted", 1.0, document="d1", text="A met B."),
...         R("i2", "A", "B", "ACCUSE", -1, "Asserted", 1.0, document="d2", text="A hit B.")]
>>> [(d.kind, d.a, d.b, d.sources) for d in compare(recs)]
[('relation', 'A', 'B', ('d1', 'd2')), ('camp', 'A', 'B', ('d1', 'd2'))]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from .balance import CampResult, adversary_camps
from .clusters import alignment_clusters
from .network import CANCEL_TOLERANCE, signed_network
from .records import ActorInfo, InteractionRecord
from .roles import brokers, camp_stance, targets

_NETWORK_KEYS = ("lift", "weights", "weak_weights", "view", "documents", "publishers", "start",
                 "end", "event_types")
_CAMP_KEYS = ("k", "mediators", "mediator_share", "max_k", "split_gain", "split_share",
              "exact_limit")


@dataclass
class NetworkAnalysis:
    """Everything computed for one scope (``"all"``, a document, a publisher, a window)."""

    scope: str
    graph: nx.Graph
    camps: CampResult
    clusters: list[frozenset]
    brokers: list[tuple[str, float]]
    targets: list[tuple[str, float]]
    stance: dict[str, list[float]]
    records: int
    parameters: dict = field(default_factory=dict)
    kind: str = "all"

    @property
    def actors(self) -> list[str]:
        return sorted(self.graph.nodes, key=str)


def analyze_network(records: Iterable[InteractionRecord], actors: Mapping[str, ActorInfo] | None = None,
                    *, scope: str = "all", kind: str = "all", resolution: float = 1.0, seed: int = 0,
                    roles: bool = True, broker_samples: int | None = None, **options
                    ) -> NetworkAnalysis:
    """Network, camps, alignment clusters and roles of a selection of records.

    Parameters
    ----------
    records : iterable of InteractionRecord
    actors : dict, optional
        For lifting and labels.
    scope : str
        Name of the selection (``"all"``, a document IRI, a publisher, ``"2024-03"``).
    kind : {"all", "document", "publisher", "window"}
        What the scope is (it decides the IRIs of the results).
    resolution, seed : float, int
        Louvain options (:func:`~graph.analysis.clusters.alignment_clusters`); ``seed`` also
        seeds the camp heuristic.
    roles : bool, default True
        Compute brokers, targets and stances.
    broker_samples : int, optional
        Pivot sample for betweenness on large networks.
    **options
        Passed to :func:`~graph.analysis.network.signed_network` (``lift``, ``weights``,
        ``weak_weights``, ``view``, ``documents``, ``publishers``, ``start``, ``end``, ``event_types``) or
        :func:`~graph.analysis.balance.adversary_camps` (``k``, ``mediators``,
        ``mediator_share``, ``max_k``, ``split_gain``, ``split_share``, ``exact_limit``).
    """
    unknown = set(options) - set(_NETWORK_KEYS) - set(_CAMP_KEYS)
    if unknown:
        raise TypeError(f"unknown options: {sorted(unknown)}")
    records = list(records)
    G = signed_network(records, actors=actors, **{k: v for k, v in options.items() if k in _NETWORK_KEYS})
    result = adversary_camps(G, seed=seed, **{k: v for k, v in options.items() if k in _CAMP_KEYS})
    clusters = alignment_clusters(G, resolution=resolution, seed=seed)
    n_used = sum(d["count"] for _, _, d in G.edges(data=True))
    params = {"lift": G.graph["lift"], "view": G.graph["view"], "weights": G.graph["weights"],
              "weak_weights": G.graph["weak_weights"], "resolution": resolution, "seed": seed,
              **result.parameters,
              **{k: v for k, v in options.items() if k in _NETWORK_KEYS[4:] and v is not None}}
    return NetworkAnalysis(
        scope=scope,
        graph=G,
        camps=result,
        clusters=clusters,
        brokers=brokers(G, k=broker_samples, seed=seed) if roles else [],
        targets=targets(G) if roles else [],
        stance=camp_stance(G, result.camps) if roles else {},
        records=n_used,
        parameters=params,
        kind=kind,
    )


def _group(records, key) -> dict[str, list[InteractionRecord]]:
    groups: dict[str, list[InteractionRecord]] = {}
    for r in records:
        k = key(r)
        if k is not None:
            groups.setdefault(k, []).append(r)
    return dict(sorted(groups.items()))


def by_document(records, actors=None, **options) -> dict[str, NetworkAnalysis]:
    """:func:`analyze_network` per source document (keyed by document IRI, sorted)."""
    return {doc: analyze_network(recs, actors, scope=doc, kind="document", **options)
            for doc, recs in _group(records, lambda r: r.document).items()}


def by_publisher(records, actors=None, **options) -> dict[str, NetworkAnalysis]:
    """:func:`analyze_network` per publisher (records without a publisher are skipped)."""
    return {pub: analyze_network(recs, actors, scope=pub, kind="publisher", **options)
            for pub, recs in _group(records, lambda r: r.publisher).items()}


@dataclass(frozen=True)
class Disagreement:
    """Two sources disagreeing about actors ``a`` and ``b``.

    ``kind`` is ``relation`` (``values`` are the two net weights: cooperative first) or
    ``camp`` (``values`` are 1 for "same camp" and -1 for "opposing camps").
    ``evidence`` holds, per source, the records behind its view.
    """

    kind: str
    a: str
    b: str
    sources: tuple[str, str]
    values: tuple[float, float]
    evidence: tuple[tuple[InteractionRecord, ...], tuple[InteractionRecord, ...]]


def _edge_records(G, a, b, limit=5):
    if G.has_edge(a, b):
        return tuple(G[a][b].get("records", ()))[:limit]
    return ()


def _camp_evidence(G, camps: CampResult, a, b, limit=4):
    """Records explaining why a and b sit where they do: their own tie, else their ties to
    members of their camps."""
    direct = _edge_records(G, a, b, limit)
    if direct:
        return direct
    out = []
    for x in (a, b):
        ci = camps.camp_of(x)
        ties = sorted(((abs(d.get("weight", 0.0)), y) for _, y, d in G.edges(x, data=True)
                       if ci is not None and camps.camp_of(y) is not None), key=lambda t: (-t[0], str(t[1])))
        for _, y in ties[:2]:
            out += list(G[x][y].get("records", ()))[:1]
    return tuple(out[:limit])


def compare(records: Iterable[InteractionRecord] | None = None, actors=None, *, by: str = "document",
            analyses: Mapping[str, NetworkAnalysis] | None = None, **options) -> list[Disagreement]:
    """Where sources disagree: opposite relations and opposite camp placements.

    Parameters
    ----------
    records : iterable of InteractionRecord
        Ignored when ``analyses`` is given.
    by : {"document", "publisher"}
    analyses : dict, optional
        Precomputed per-source analyses (:func:`by_document` / :func:`by_publisher`).

    Returns
    -------
    list of Disagreement
        Relations first, then camps; each sorted by actors then sources.
    """
    if analyses is None:
        split = by_document if by == "document" else by_publisher
        analyses = split(list(records or ()), actors, roles=False, **options)
    names = sorted(analyses)
    rel, camp = [], []
    for i, s1 in enumerate(names):
        for s2 in names[i + 1:]:
            A1, A2 = analyses[s1], analyses[s2]
            G1, G2 = A1.graph, A2.graph
            for a, b, d in G1.edges(data=True):
                if not G2.has_edge(a, b):
                    continue
                w1, w2 = d["weight"], G2[a][b]["weight"]
                if abs(w1) <= CANCEL_TOLERANCE or abs(w2) <= CANCEL_TOLERANCE or (w1 > 0) == (w2 > 0):
                    continue
                x, y = sorted((a, b), key=str)
                first, second = (s1, s2) if w1 > 0 else (s2, s1)
                Gf, Gs = (G1, G2) if w1 > 0 else (G2, G1)
                rel.append(Disagreement("relation", x, y, (first, second),
                                        (max(w1, w2), min(w1, w2)),
                                        (_edge_records(Gf, x, y), _edge_records(Gs, x, y))))
            c1, c2 = A1.camps, A2.camps
            common = sorted({n for c in c1.camps for n in c} & {n for c in c2.camps for n in c}, key=str)
            for j, a in enumerate(common):
                for b in common[j + 1:]:
                    same1 = c1.camp_of(a) == c1.camp_of(b)
                    same2 = c2.camp_of(a) == c2.camp_of(b)
                    if same1 == same2:
                        continue
                    first, second = (s1, s2) if same1 else (s2, s1)
                    Af, As = (A1, A2) if same1 else (A2, A1)
                    camp.append(Disagreement("camp", a, b, (first, second), (1, -1),
                                             (_camp_evidence(Af.graph, Af.camps, a, b),
                                              _camp_evidence(As.graph, As.camps, a, b))))
    key = lambda d: (str(d.a), str(d.b), d.sources)  # noqa: E731
    return sorted(rel, key=key) + sorted(camp, key=key)
