"""Roles in the signed network: brokers between camps, targets of hostility, stances.

Examples
--------
>>> import networkx as nx
>>> from graph.analysis.roles import brokers, camp_stance
>>> G = nx.Graph()
>>> G.add_weighted_edges_from([("A", "B", 1.0), ("B", "C", 1.0), ("C", "D", 1.0),
...                            ("A", "D", -1.0)])
>>> [(n, round(b, 3)) for n, b in brokers(G)]
[('B', 0.667), ('C', 0.667)]
>>> camp_stance(G, [{"A", "B"}, {"C", "D"}])["B"]
[1.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .clusters import positive_subgraph


#: Above this many actors, betweenness is estimated from :data:`BROKER_PIVOTS` seeded pivots.
BROKER_EXACT_LIMIT = 500
BROKER_PIVOTS = 64


def brokers(G: nx.Graph, weight: str = "weight", top: int | None = None,
            k: int | None = None, seed: int = 0) -> list[tuple[str, float]]:
    """Betweenness centrality on the positive graph (distance = 1 / weight).

    High values mark actors that bridge otherwise separate groups of partners - between
    camps, the brokers. ``k`` samples that many pivots (seeded); by default betweenness is
    exact up to :data:`BROKER_EXACT_LIMIT` actors and estimated from
    :data:`BROKER_PIVOTS` pivots beyond.

    Returns
    -------
    list of (actor, betweenness)
        Non-zero scores, highest first (ties by actor).
    """
    P = positive_subgraph(G, weight)
    for _, _, d in P.edges(data=True):
        d["distance"] = 1.0 / d[weight]
    if k is None and P.number_of_nodes() > BROKER_EXACT_LIMIT:
        k = BROKER_PIVOTS
    if k is not None and k >= P.number_of_nodes():
        k = None
    bc = nx.betweenness_centrality(P, weight="distance", normalized=True, k=k,
                                   seed=seed if k else None)
    out = sorted(((n, s) for n, s in bc.items() if s > 0), key=lambda x: (-x[1], str(x[0])))
    return out[:top] if top else out


def targets(G: nx.Graph, records: Iterable | None = None, weight: str = "weight",
            top: int | None = None) -> list[tuple[str, float]]:
    """The most-targeted actors by negative weight.

    With a directed graph (or the undirected graph of
    :func:`~graph.analysis.network.signed_network`, whose edges keep their evidence records)
    the hostility an actor *receives* is summed; the lifted target is read from the graph:
    an undirected edge's records say who acted on whom.

    Returns
    -------
    list of (actor, negative weight received)
        Highest first.
    """
    received: dict = {}
    if G.is_directed():
        for _, t, d in G.edges(data=True):
            if d.get("negative", 0.0) > 0:
                received[t] = received.get(t, 0.0) + d["negative"]
    else:
        weights = G.graph.get("weights")
        for u, v, d in G.edges(data=True):
            recs = d.get("records")
            if not recs or weights is None:
                continue
            # the record's (unlifted) target lifts to whichever endpoint is not its source side
            for r in recs:
                w = r.polarity * weights.get(r.modality, 0.0) * r.confidence
                if w >= 0:
                    continue
                tgt = _endpoint(r, u, v, G)
                received[tgt] = received.get(tgt, 0.0) - w
    out = sorted(received.items(), key=lambda x: (-x[1], str(x[0])))
    return out[:top] if top else out


def _endpoint(r, u, v, G) -> str:
    """The endpoint of edge (u, v) the record targets."""
    lifted = G.graph.get("lifted", {})
    return u if lifted.get(r.target, r.target) == u else v


def camp_stance(G: nx.Graph, camps: list, weight: str = "weight") -> dict[str, list[float]]:
    """Each actor's net signed weight toward each camp (its own ties to members, summed).

    Returns
    -------
    dict
        actor -> list of floats, one per camp, in camp order.
    """
    camp_of = {n: i for i, c in enumerate(camps) for n in c}
    stance = {n: [0.0] * len(camps) for n in sorted(G.nodes, key=str)}
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 0.0)
        if v in camp_of:
            stance[u][camp_of[v]] += w
        if u in camp_of:
            stance[v][camp_of[u]] += w
    return stance
