"""Alignment clusters: communities of the positive (cooperative) subgraph.

Examples
--------
>>> import networkx as nx
>>> from graph.analysis.clusters import alignment_clusters
>>> G = nx.Graph()
>>> G.add_weighted_edges_from([("A", "B", 2.0), ("B", "C", 1.5), ("A", "C", 1.0),
...                            ("D", "E", 1.0), ("C", "D", -1.0)])
>>> [sorted(c) for c in alignment_clusters(G)]
[['A', 'B', 'C'], ['D', 'E']]
"""

from __future__ import annotations

import networkx as nx

from .network import CANCEL_TOLERANCE


def positive_subgraph(G: nx.Graph, weight: str = "weight") -> nx.Graph:
    """Undirected graph of the ties with a positive net weight (all nodes kept)."""
    P = nx.Graph()
    P.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 0.0)
        if P.has_edge(u, v):
            P[u][v][weight] += w
        elif u != v:
            P.add_edge(u, v, **{weight: w})
    P.remove_edges_from([(u, v) for u, v, d in P.edges(data=True) if d[weight] <= CANCEL_TOLERANCE])
    return P


def alignment_clusters(G: nx.Graph, resolution: float = 1.0, seed: int = 0,
                       weight: str = "weight", min_size: int = 2) -> list[frozenset]:
    """Louvain communities of the positive subgraph.

    Parameters
    ----------
    G : networkx.Graph
        Signed network; only ties with a positive net weight are used, weighted.
    resolution : float, default 1.0
        Louvain resolution (higher: smaller clusters).
    seed : int, default 0
        Louvain's random seed, fixed so results are reproducible.
    min_size : int, default 2
        Drop smaller communities (an actor without positive ties is its own community).

    Returns
    -------
    list of frozenset
        Sorted by smallest member.
    """
    P = positive_subgraph(G, weight)
    P.remove_nodes_from([n for n in list(P) if P.degree(n) == 0])
    if P.number_of_nodes() == 0:
        return []
    # Louvain visits nodes in graph order: insert them sorted for determinism.
    H = nx.Graph()
    H.add_nodes_from(sorted(P.nodes, key=str))
    H.add_weighted_edges_from(sorted(((u, v, d[weight]) for u, v, d in P.edges(data=True)),
                                     key=lambda e: (str(e[0]), str(e[1]))), weight=weight)
    comms = nx.community.louvain_communities(H, weight=weight, resolution=resolution, seed=seed)
    comms = [frozenset(c) for c in comms if len(c) >= min_size]
    return sorted(comms, key=lambda c: min(str(n) for n in c))
