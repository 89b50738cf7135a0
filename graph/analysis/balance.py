"""Structural balance: adversary camps that minimise frustration.

A *partition* of actors into camps frustrates a tie when a negative tie lies inside a camp or
a positive tie runs between camps. The **frustration** of a partition is the summed absolute
weight of its frustrated ties; the **frustration index** of a graph is the minimum over
partitions (Harary's line index of balance, weighted). A graph is *balanced* when its
frustration index is 0.

Algorithms
----------
* :func:`exact_camps` - exhaustive search, vectorised with numpy, one connected component at a
  time, with the first node's camp fixed (symmetry breaking). Two camps: all ``2**(n-1)``
  sign vectors are scored as ``s @ W @ s``, meet-in-the-middle (the two halves' sign
  vectors are enumerated separately and combined by one matrix product: 22 actors take a
  few tens of milliseconds, 25 well under a second). ``k > 2``
  camps: all ``k**(n-1)`` labelings while that is at most :data:`EXACT_LABELINGS` (3 camps
  up to 14 actors), else, up to ``exact_limit`` actors, a depth-first branch and bound
  (:func:`_branch_and_bound`) that starts from the heuristic's result and gives up after
  :data:`BNB_BUDGET` search nodes (the result is then reported as heuristic).
* :func:`heuristic_camps` - the sign pattern of the eigenvector of the smallest eigenvalue of
  the signed Laplacian ``L = D - W`` (``D`` the absolute weighted degree; for a balanced
  graph the eigenvalue is 0 and the signs are the two camps), then greedy local moves (each
  step moves the actor whose move lowers frustration the most) from that start and from
  seeded random starts; the best result wins. Moves to an empty camp are allowed, so the
  local search also opens a further camp when ``k > 2``.
* :func:`min_frustration_partition` uses the exact search for components up to
  ``exact_limit`` actors (default 25) and the heuristic beyond.

Ties are broken in favour of partitions with less negative weight inside camps (an
``EPSILON`` = 1e-6 relative surcharge on negative ties): when an actor's cooperation with
one side exactly equals its hostility to the other, hostility decides, because a hostile
tie separates camps more surely than cooperation joins them.

Adversary camps (:func:`adversary_camps`)
-----------------------------------------
1. Only non-cancelling ties count (net weight != 0). Actors without one stay *outside*.
2. The *core* are the actors with at least one net-negative tie; camps are the minimum
   frustration partition of the core network, per connected component (camps of different
   components are never merged: nothing says whether they belong together).
3. **k camps.** Each component starts with two camps (fewer camps are preferred); a further
   camp is opened only while it removes both at least ``split_gain`` (default one half) of
   the remaining frustration *and* at least ``split_share`` (default 5 %) of the component's
   total absolute tie weight, up to ``max_k`` (default 4). The first condition asks that two
   camps clearly do not fit; the second that the new camp explains a real part of the
   network, not one faint tie among many. Three mutually hostile actors thus get three
   camps (frustration 1 of 3 -> 0), while one contested or weak tie in a large network does
   not split it. When a camp is opened, partitions of equal frustration are decided in
   favour of the one that moves fewest actors from the previous one (``NEAR_COST``): the new
   camp takes only the actors that need it, and an actor hostile to one camp only stays in
   the camp opposing it instead of landing in the new one at random.
4. Actors whose ties are all positive join the camp that receives at least
   ``mediator_share`` (default 2/3) of their positive weight toward placed actors (repeated
   until stable, so friends of friends join too). One that is friendly with several camps
   and dominant in none is a **mediator** and stays outside every camp: China courting both
   India and Pakistan is not in either camp of their conflict. Positive-only groups with no
   tie to any camp form a camp of their own.

Examples
--------
>>> import networkx as nx
>>> from graph.analysis.balance import exact_camps, frustration
>>> G = nx.Graph()
>>> G.add_weighted_edges_from([("A", "B", 1.0), ("B", "C", 1.0), ("A", "C", -1.0)])
>>> camps = exact_camps(G)
>>> frustration(G, camps)
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx
import numpy as np

from .network import CANCEL_TOLERANCE, signed_ties

EPSILON = 1e-6
#: Cost per actor moved away from the previous partition when a further camp is opened: it only
#: decides between partitions of equal frustration.
NEAR_COST = 1e-10
EXACT_LIMIT = 25
#: Largest number of labelings the exhaustive search for ``k > 2`` camps enumerates.
EXACT_LABELINGS = 2_000_000
#: Most search nodes the ``k > 2`` branch and bound visits before the heuristic result stands.
BNB_BUDGET = 100_000
_CHUNK = 1 << 16


# --------------------------------------------------------------------------- partitions


def _as_assignment(partition) -> dict:
    """Node -> camp index from a list of camps or a node -> camp mapping."""
    if isinstance(partition, Mapping):
        return {n: c for n, c in partition.items() if c is not None}
    out = {}
    for i, camp in enumerate(partition):
        for n in camp:
            out[n] = i
    return out


def _sort_camps(camps: Iterable[Iterable]) -> list[frozenset]:
    camps = [frozenset(c) for c in camps if c]
    return sorted(camps, key=lambda c: min(str(n) for n in c))


def frustration(G: nx.Graph, partition, weight: str = "weight") -> float:
    """Weighted frustration of a partition.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph: the sign of the ``weight`` attribute is the tie's sign.
    partition : list of sets, or dict node -> camp
        Actors missing from the partition are outside every camp; their ties are ignored.

    Returns
    -------
    float
        Summed ``|weight|`` of negative ties inside a camp and positive ties across camps.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B", {"weight": 2.0}), ("B", "C", {"weight": -0.5})])
    >>> frustration(G, [{"A", "B", "C"}]), frustration(G, [{"A", "B"}, {"C"}])
    (0.5, 0.0)
    """
    camp = _as_assignment(partition)
    total = 0.0
    for u, v, d in G.edges(data=True):
        if u not in camp or v not in camp:
            continue
        w = d.get(weight, 0.0)
        if (w < 0 and camp[u] == camp[v]) or (w > 0 and camp[u] != camp[v]):
            total += abs(w)
    return total


@dataclass(frozen=True)
class FrustratedEdge:
    """A tie that breaks balance: ``kind`` is ``"negative inside"`` or ``"positive across"``;
    ``records`` are the interactions behind it (when the graph carries them)."""

    u: str
    v: str
    weight: float
    kind: str
    records: tuple = ()


def frustrated_edges(G: nx.Graph, partition, weight: str = "weight") -> list[FrustratedEdge]:
    """The ties a partition frustrates, heaviest first, each with its evidence records.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B", {"weight": 1.0}), ("B", "C", {"weight": 1.0}),
    ...               ("A", "C", {"weight": -1.0})])
    >>> [(e.u, e.v, e.kind) for e in frustrated_edges(G, [{"A", "B", "C"}])]
    [('A', 'C', 'negative inside')]
    """
    camp = _as_assignment(partition)
    out = []
    for u, v, d in G.edges(data=True):
        if u not in camp or v not in camp:
            continue
        w = d.get(weight, 0.0)
        if w < 0 and camp[u] == camp[v]:
            kind = "negative inside"
        elif w > 0 and camp[u] != camp[v]:
            kind = "positive across"
        else:
            continue
        a, b = sorted((u, v), key=str)
        out.append(FrustratedEdge(a, b, w, kind, tuple(d.get("records", ()))))
    out.sort(key=lambda e: (-abs(e.weight), str(e.u), str(e.v)))
    return out


def triangle_balance_ratio(G: nx.Graph, weight: str = "weight") -> float | None:
    """Share of triangles of non-cancelling ties whose sign product is positive.

    Returns ``None`` when the graph has no triangle.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B", {"weight": 1}), ("B", "C", {"weight": -1}),
    ...               ("A", "C", {"weight": -1}), ("C", "D", {"weight": 1}),
    ...               ("B", "D", {"weight": 1})])
    >>> triangle_balance_ratio(G)
    0.5
    """
    T = signed_ties(G) if weight == "weight" else G
    order = {n: i for i, n in enumerate(sorted(T.nodes, key=str))}
    sign = {}
    higher: dict = {n: set() for n in T}
    for u, v, d in T.edges(data=True):
        s = 1 if d.get(weight, 0.0) > 0 else -1
        sign[(u, v)] = sign[(v, u)] = s
        if order[u] < order[v]:
            higher[u].add(v)
        else:
            higher[v].add(u)
    balanced = total = 0
    for u, hu in higher.items():
        for v in hu:
            for w in hu & higher[v]:
                total += 1
                if sign[(u, v)] * sign[(v, w)] * sign[(u, w)] > 0:
                    balanced += 1
    return balanced / total if total else None


# --------------------------------------------------------------------------- matrices


def _component_matrix(G: nx.Graph, nodes: list, weight: str, sparse: bool):
    index = {n: i for i, n in enumerate(nodes)}
    rows, cols, vals = [], [], []
    adj = G.adj
    for u in nodes:
        i = index[u]
        for v, d in adj[u].items():
            j = index.get(v)
            if j is None or j == i:
                continue
            w = float(d.get(weight, 0.0))
            if abs(w) <= CANCEL_TOLERANCE:
                continue
            if w < 0:
                w *= 1.0 + EPSILON
            rows.append(i)
            cols.append(j)
            vals.append(w)
    n = len(nodes)
    if sparse:
        from scipy import sparse as sp

        return sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
    M = np.zeros((n, n))
    np.add.at(M, (rows, cols), vals)
    return M


def _labels_cost(M, labels: np.ndarray) -> float:
    """Frustration (with the epsilon surcharge) of a labeling, from the weight matrix."""
    if hasattr(M, "tocoo"):
        C = M.tocoo()
        r, c, w = C.row, C.col, C.data
    else:
        r, c = np.nonzero(M)
        w = M[r, c]
    same = labels[r] == labels[c]
    cost = np.where(same, np.where(w < 0, -w, 0.0), np.where(w > 0, w, 0.0))
    return float(cost.sum() / 2)


# --------------------------------------------------------------------------- exact


def _signs(m: int) -> np.ndarray:
    """All 2**m sign vectors of length m, one per row."""
    codes = np.arange(1 << m, dtype=np.int64)
    return 1.0 - 2.0 * ((codes[:, None] >> np.arange(m, dtype=np.int64)) & 1)


def _exact_two(M: np.ndarray) -> np.ndarray:
    """Maximise ``s @ M @ s`` over sign vectors with ``s[0] = +1`` (meet in the middle).

    The nodes are split in halves ``a`` (with node 0 fixed) and ``b``; with
    ``q = qa + 2 sa Mab sb + qb`` all ``2**(n-1)`` values are one matrix product.
    """
    n = M.shape[0]
    if n == 1:
        return np.zeros(1, dtype=int)
    na = (n + 1) // 2
    A = np.concatenate([np.ones((1 << (na - 1), 1)), _signs(na - 1)], axis=1)
    B = _signs(n - na)
    qa = np.einsum("ij,ij->i", A @ M[:na, :na], A)
    qb = np.einsum("ij,ij->i", B @ M[na:, na:], B)
    X = 2.0 * (A @ M[:na, na:])
    best_val, best = -np.inf, (0, 0)
    rows = max(1, (1 << 22) // max(1, len(B)))
    for start in range(0, len(A), rows):
        q = qa[start:start + rows, None] + X[start:start + rows] @ B.T + qb[None, :]
        i = int(np.argmax(q))
        r, c = divmod(i, q.shape[1])
        if q[r, c] > best_val + 1e-12:
            best_val, best = q[r, c], (start + r, c)
    s = np.concatenate([A[best[0]], B[best[1]]])
    return (s < 0).astype(int)


@lru_cache(maxsize=4)
def _labelings(n: int, k: int) -> np.ndarray:
    """All ``k**(n-1)`` labelings of ``n`` nodes with node 0 in camp 0, one per row, in code
    order (node ``j``'s camp is digit ``j - 1`` of the row number in base ``k``); int8 and
    made once per size, as every component of that size enumerates the same table."""
    total = k ** (n - 1)
    L = np.zeros((total, n), dtype=np.int8)
    digits = np.arange(k, dtype=np.int8)
    for j in range(n - 1):
        block = k ** j
        L[:, j + 1] = np.tile(np.repeat(digits, block), total // (block * k))
    L.setflags(write=False)
    return L


def _exact_k(M: np.ndarray, k: int, near: np.ndarray | None = None) -> np.ndarray:
    """Exhaustive ``k``-camp labeling; among equal costs the one closest to ``near``."""
    n = M.shape[0]
    r, c = np.nonzero(np.triu(M))
    w = M[r, c]
    neg = np.where(w < 0, -w, 0.0)
    pos = np.where(w > 0, w, 0.0)
    L = _labelings(n, k)
    near8 = None if near is None else np.asarray(near).astype(np.int8)
    best_val, best = np.inf, 0
    for start in range(0, len(L), _CHUNK):
        chunk = L[start:start + _CHUNK]
        cost = np.where(chunk[:, r] == chunk[:, c], neg, pos).sum(axis=1)
        if near8 is not None:  # far below any weight difference, and below the EPSILON surcharge
            cost = cost + NEAR_COST * (chunk != near8).sum(axis=1)
        i = int(np.argmin(cost))
        if cost[i] < best_val - 1e-12:
            best_val, best = cost[i], start + i
    return L[best].astype(np.int64)


class _OverBudget(Exception):
    pass


def _search_order(M: np.ndarray) -> list[int]:
    """Node 0 first, then always the node most strongly tied to those already ordered: its
    label is then constrained early, which tightens the bounds."""
    n = M.shape[0]
    strength = np.abs(M)
    pull = strength[0].copy()
    order, free = [0], set(range(1, n))
    while free:
        j = min(free, key=lambda x: (-pull[x], x))
        order.append(j)
        free.discard(j)
        pull += strength[j]
    return order


def _branch_and_bound(M: np.ndarray, k: int, upper: np.ndarray, near: np.ndarray | None = None,
                      budget: int | None = None) -> np.ndarray | None:
    """Exact ``k``-camp labeling by depth-first branch and bound, or ``None`` over ``budget``.

    Nodes are labelled in :func:`_search_order`; ``C[i][c]`` is what giving the unlabelled
    node ``i`` camp ``c`` costs against its labelled neighbours, so the cost so far plus each
    unlabelled node's cheapest ``C[i]`` is a lower bound (ties between two unlabelled nodes
    count 0). ``upper`` (a heuristic labeling) is the first incumbent. Without ``near``, camp
    numbers are used in order (symmetry breaking); with it, every labeling is open and the
    ``NEAR_COST`` per actor moved from ``near`` is part of the cost.
    """
    n = M.shape[0]
    budget = BNB_BUDGET if budget is None else budget
    if near is not None:
        swap = {0: int(near[0]), int(near[0]): 0}
        near = np.array([swap.get(int(x), int(x)) for x in near])
    nbrs = [[(int(j), float(M[i, j])) for j in np.nonzero(M[i])[0] if j != i] for i in range(n)]
    order = _search_order(M)

    def pen(i: int, c: int) -> float:
        return NEAR_COST if near is not None and near[i] != c else 0.0

    def full_cost(labels) -> float:
        extra = NEAR_COST * float((labels != near).sum()) if near is not None else 0.0
        return _labels_cost(M, labels) + extra

    best_labels = np.asarray(upper, dtype=int).copy()
    best = [full_cost(best_labels)]
    C = [[0.0] * k for _ in range(n)]
    lab = [-1] * n
    spent = [0]

    def place(i: int, c: int, sign: float) -> None:
        for j, w in nbrs[i]:
            if lab[j] >= 0:
                continue
            if w < 0:
                C[j][c] -= sign * w
            else:
                row = C[j]
                for d in range(k):
                    if d != c:
                        row[d] += sign * w

    def visit(pos: int, cost: float, used: int) -> None:
        spent[0] += 1
        if spent[0] > budget:
            raise _OverBudget
        if pos == n:
            if cost < best[0] - 1e-13:
                best[0] = cost
                best_labels[:] = lab
            return
        bound = cost + sum(min(C[i][c] + pen(i, c) for c in range(k)) for i in order[pos:])
        if bound >= best[0] - 1e-13:
            return
        i = order[pos]
        labels = range(1) if pos == 0 else range(k if near is not None else min(k, used + 1))
        for c in sorted(labels, key=lambda c: (C[i][c] + pen(i, c), c)):
            step = cost + C[i][c] + pen(i, c)
            if step >= best[0] - 1e-13:
                continue
            lab[i] = c
            place(i, c, 1.0)
            visit(pos + 1, step, max(used, c + 1))
            place(i, c, -1.0)
            lab[i] = -1

    try:
        visit(0, 0.0, 0)
    except _OverBudget:
        return None
    return best_labels


def _components(G: nx.Graph, weight: str) -> list[list]:
    T = nx.Graph()
    for u, v, d in G.edges(data=True):
        if abs(d.get(weight, 0.0)) > CANCEL_TOLERANCE and u != v:
            T.add_edge(u, v)
    comps = [sorted(c, key=str) for c in nx.connected_components(T)]
    return sorted(comps, key=lambda c: str(c[0]))


def _to_camps(nodes: list, labels: np.ndarray) -> list[set]:
    camps: dict[int, set] = {}
    for n, lab in zip(nodes, labels):
        camps.setdefault(int(lab), set()).add(n)
    return list(camps.values())


def exact_camps(G: nx.Graph, k: int = 2, weight: str = "weight",
                max_nodes: int = 28) -> list[frozenset]:
    """Minimum-frustration partition into at most ``k`` camps per component, exhaustively.

    Parameters
    ----------
    G : networkx.Graph
        Signed graph (sign of ``weight``).
    k : int, default 2
        Most camps per connected component.
    max_nodes : int, default 28
        Refuse components larger than this (``ValueError``); for ``k > 2`` beyond
        :data:`EXACT_LABELINGS` labelings the branch and bound is used, and a ``ValueError``
        says when it gives up.

    Returns
    -------
    list of frozenset
        Camps (components are solved separately and never merged), sorted by their smallest
        member. Actors without a non-cancelling tie are in no camp.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("A", "B", 1), ("C", "D", 1), ("A", "C", -1),
    ...                            ("B", "D", -2), ("A", "D", -1)])
    >>> [sorted(c) for c in exact_camps(G)]
    [['A', 'B'], ['C', 'D']]
    """
    camps = []
    for nodes in _components(G, weight):
        if len(nodes) > max_nodes:
            raise ValueError(f"component of {len(nodes)} actors is too large for the exact search")
        M = _component_matrix(G, nodes, weight, sparse=False)
        if k > 2 and k ** (len(nodes) - 1) > EXACT_LABELINGS:
            labels = _branch_and_bound(M, k, _heuristic_labels(M, k, 0, 24))
            if labels is None:
                raise ValueError(f"{k} camps over {len(nodes)} actors: the exact search gave up")
        else:
            labels = _exact_two(M) if k == 2 else (_exact_k(M, k) if k > 2 else np.zeros(len(nodes)))
        camps += _to_camps(nodes, labels)
    return _sort_camps(camps)


# --------------------------------------------------------------------------- heuristic


def _spectral_start(M) -> np.ndarray:
    """Signs of the eigenvector of the smallest eigenvalue of the signed Laplacian.

    Large sparse graphs: the largest eigenvector of ``sigma I - L`` (``sigma`` the largest
    absolute degree, so the shifted matrix is positive semi-definite) by Lanczos, which
    needs only products with ``M`` (no factorisation).
    """
    n = M.shape[0]
    if n <= 2:
        return np.zeros(n, dtype=int)
    if hasattr(M, "tocsr"):
        from scipy import sparse as sp
        from scipy.sparse.linalg import eigsh

        deg = np.asarray(abs(M).sum(axis=1)).ravel()
        B = (M + sp.diags(deg.max() - deg)).tocsr()
        rng = np.random.default_rng(0)
        try:
            _, vecs = eigsh(B, k=1, which="LA", tol=1e-4, maxiter=20 * n,
                            v0=rng.standard_normal(n))
            vec = vecs[:, 0]
        except Exception:  # pragma: no cover - no convergence: dense fallback
            vec = np.linalg.eigh(np.diag(deg) - M.toarray())[1][:, 0]
    else:
        deg = np.abs(M).sum(axis=1)
        vec = np.linalg.eigh(np.diag(deg) - M)[1][:, 0]
    labels = (vec < 0).astype(int)
    if labels[0] == 1:
        labels = 1 - labels
    return labels


def _local_moves(M, labels: np.ndarray, k: int, max_moves: int | None = None) -> np.ndarray:
    """Greedy best-improvement moves; ``C[i, c]`` is i's net weight to camp c."""
    n = M.shape[0]
    labels = labels.copy()
    onehot = np.zeros((n, k))
    onehot[np.arange(n), labels] = 1.0
    sparse = hasattr(M, "tocsc")
    C = np.asarray(M @ onehot)
    Mc = M.tocsc() if sparse else M
    rows = np.arange(n)
    max_moves = max_moves or 50 * n + 100
    for _ in range(max_moves):
        best = C.argmax(axis=1)
        gain = C[rows, best] - C[rows, labels]
        i = int(np.argmax(gain))
        if gain[i] <= 1e-12:
            break
        old, new = labels[i], best[i]
        if sparse:
            start, end = Mc.indptr[i], Mc.indptr[i + 1]
            idx, val = Mc.indices[start:end], Mc.data[start:end]
            C[idx, old] -= val
            C[idx, new] += val
        else:
            col = Mc[:, i]
            C[:, old] -= col
            C[:, new] += col
        labels[i] = new
    return labels


def _heuristic_labels(M, k: int, seed: int, restarts: int, start=None) -> np.ndarray:
    n = M.shape[0]
    rng = np.random.default_rng(seed)
    starts = [start] if start is not None else [_spectral_start(M)]
    starts.append(np.zeros(n, dtype=int))
    starts += [rng.integers(0, k, size=n) for _ in range(restarts)]
    best, best_cost = None, np.inf
    for begin in starts:
        labels = _local_moves(M, np.minimum(begin, k - 1), k)
        cost = _labels_cost(M, labels)
        if cost < best_cost - 1e-12:
            best, best_cost = labels, cost
    return best


def heuristic_camps(G: nx.Graph, k: int = 2, seed: int = 0, weight: str = "weight",
                    restarts: int | None = None) -> list[frozenset]:
    """Low-frustration partition into at most ``k`` camps per component, heuristically.

    Spectral start (signed Laplacian) plus greedy local moves, repeated from ``restarts``
    seeded random starts (default 24 for components up to 100 actors, 2 beyond); the
    lowest-frustration result is kept. Deterministic for a given ``seed``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("A", "B", 1), ("B", "C", -1), ("C", "D", 1), ("A", "D", -1)])
    >>> [sorted(c) for c in heuristic_camps(G)]
    [['A', 'B'], ['C', 'D']]
    """
    camps = []
    for nodes in _components(G, weight):
        camps += _to_camps(nodes, _solve(G, nodes, k, weight, seed, restarts, exact_limit=0)[0])
    return _sort_camps(camps)


def _solve(G, nodes, k, weight, seed, restarts, exact_limit, M=None, start=None):
    """Labels for one component and whether they are exact."""
    n = len(nodes)
    if n == 1 or k == 1:
        return np.zeros(n, dtype=int), True
    if n <= exact_limit and (k == 2 or k ** (n - 1) <= EXACT_LABELINGS):
        if M is None or hasattr(M, "tocsr"):
            M = _component_matrix(G, nodes, weight, sparse=False)
        return (_exact_two(M) if k == 2 else _exact_k(M, k, near=start)), True
    if M is None:
        M = _component_matrix(G, nodes, weight, sparse=n > 300)
    if restarts is None:
        restarts = 24 if n <= 100 else 2
    labels = _heuristic_labels(M, k, seed, restarts, start)
    if n <= exact_limit:  # k > 2 camps, too many labelings to enumerate: branch and bound
        dense = M.toarray() if hasattr(M, "toarray") else M
        found = _branch_and_bound(dense, k, labels, near=start)
        if found is not None:
            return found, True
    return labels, False


def min_frustration_partition(G: nx.Graph, k: int = 2, *, weight: str = "weight",
                              exact_limit: int = EXACT_LIMIT, seed: int = 0
                              ) -> tuple[list[frozenset], float, bool]:
    """Minimum-frustration camps: exact per component up to ``exact_limit`` actors.

    Returns
    -------
    camps : list of frozenset
    frustration : float
    exact : bool
        Whether every component was solved exactly (then ``frustration`` is the index).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("A", "B", {"weight": -1}), ("B", "C", {"weight": -1}),
    ...               ("A", "C", {"weight": -1})])
    >>> min_frustration_partition(G)[1:], min_frustration_partition(G, k=3)[1:]
    ((1.0, True), (0.0, True))
    """
    camps, exact = [], True
    for nodes in _components(G, weight):
        labels, ok = _solve(G, nodes, k, weight, seed, None, exact_limit)
        exact &= ok
        camps += _to_camps(nodes, labels)
    camps = _sort_camps(camps)
    return camps, frustration(G, camps, weight), exact


# --------------------------------------------------------------------------- camps


@dataclass
class CampResult:
    """Adversary camps of a signed network (see :func:`adversary_camps`).

    Attributes
    ----------
    camps : list of frozenset
        Sorted by smallest member; camp ``i`` is numbered ``i + 1`` in reports.
    outside : frozenset
        Actors with no non-cancelling tie.
    mediators : frozenset
        Positive-only actors friendly with several camps and dominant in none.
    k : int
        Largest number of camps used in one component.
    frustration, normalised_frustration : float
        Frustration of the camps over the ties between camp members, absolute and divided
        by the total absolute weight of those ties.
    frustration_index, normalised_frustration_index : float
        Minimum two-camp frustration of the whole non-cancelling network (every tied actor,
        mediators included), absolute and divided by the total absolute tie weight; exact
        when ``exact``.
    balance_ratio : float or None
        :func:`triangle_balance_ratio`.
    frustrated : list of FrustratedEdge
        The ties that break balance, with their evidence.
    exact : bool
        Whether all searches were exhaustive.
    """

    camps: list[frozenset]
    outside: frozenset = frozenset()
    mediators: frozenset = frozenset()
    k: int = 2
    frustration: float = 0.0
    normalised_frustration: float = 0.0
    frustration_index: float = 0.0
    normalised_frustration_index: float = 0.0
    balance_ratio: float | None = None
    frustrated: list[FrustratedEdge] = field(default_factory=list)
    exact: bool = True
    parameters: dict = field(default_factory=dict)

    def camp_of(self, actor) -> int | None:
        """Index of the actor's camp, ``None`` if it is in none."""
        for i, camp in enumerate(self.camps):
            if actor in camp:
                return i
        return None


def _choose_k(G, nodes, weight, seed, exact_limit, max_k, split_gain, split_share):
    """Labels, k, exactness and the two-camp labels of one component."""
    M = _component_matrix(G, nodes, weight, sparse=len(nodes) > 300)
    labels, exact = _solve(G, nodes, 2, weight, seed, None, exact_limit, M)
    cost = _labels_cost(M, labels)
    total = _labels_cost(M, np.zeros(len(nodes), dtype=int)) + _labels_cost(M, np.arange(len(nodes)))
    two = labels
    k = 2
    while k < max_k and cost > CANCEL_TOLERANCE and len(nodes) > k:
        nxt, ok = _solve(G, nodes, k + 1, weight, seed, None, exact_limit, M, start=labels)
        nxt_cost = _labels_cost(M, nxt)
        gain = cost - nxt_cost
        if gain < split_gain * cost - 1e-12 or gain < split_share * total - 1e-12:
            break
        labels, cost, exact, k = nxt, nxt_cost, exact and ok, k + 1
    return labels, k, exact, two


def adversary_camps(G: nx.Graph, k: int | None = None, *, weight: str = "weight",
                    mediators: bool = True, mediator_share: float = 2 / 3,
                    max_k: int = 4, split_gain: float = 0.5, split_share: float = 0.05,
                    exact_limit: int = EXACT_LIMIT, seed: int = 0,
                    index: bool = True) -> CampResult:
    """Adversary camps by structural balance, with outsiders and mediators left out.

    The procedure, the criterion for more than two camps and the mediator rule are
    described in the module docstring.

    Parameters
    ----------
    G : networkx.Graph or DiGraph
        Signed network (:func:`graph.analysis.network.signed_network`).
    k : int, optional
        Fix the most camps per component; default: chosen by the ``split_gain`` criterion.
    mediators : bool, default True
        Apply the mediator rule; False places every tied actor by frustration alone.
    mediator_share : float, default 2/3
        Share of a positive-only actor's weight toward camps one camp must get to win it.
    max_k, split_gain, split_share : int, float, float
        The k criterion (module docstring, step 3).
    exact_limit : int, default 25
        Components up to this size are solved exhaustively.
    index : bool, default True
        Also compute the frustration index of the whole network.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("IND", "PAK", -1.0), ("CHN", "IND", 2.0),
    ...                            ("CHN", "PAK", 2.0), ("USA", "IND", 1.0)])
    >>> G.add_node("FRA")
    >>> r = adversary_camps(G)
    >>> [sorted(c) for c in r.camps], sorted(r.mediators), sorted(r.outside)
    ([['IND', 'USA'], ['PAK']], ['CHN'], ['FRA'])
    >>> r.frustration, r.frustration_index
    (0.0, 1.0)
    """
    T = signed_ties(G) if weight == "weight" else G
    tied = {n for n in T if T.degree(n) > 0}
    outside = frozenset(n for n in G if n not in tied)
    core = {n for n in tied if any(d[weight] < 0 for _, _, d in T.edges(n, data=True))} \
        if mediators else set(tied)
    camps: list[set] = []
    exact, k_used, two_camp = True, 1, []
    for nodes in _components(T.subgraph(core), weight):
        if k is None:
            labels, kk, ok, two = _choose_k(T, nodes, weight, seed, exact_limit, max_k, split_gain,
                                            split_share)
            two_camp += _to_camps(nodes, two)
        else:
            labels, ok = _solve(T, nodes, k, weight, seed, None, exact_limit)
            kk = k
        exact &= ok
        k_used = max(k_used, kk)
        camps += _to_camps(nodes, labels)

    # positive-only actors: join a dominant camp, else mediate
    camp_of = {n: i for i, c in enumerate(camps) for n in c}
    rest = sorted(tied - set(camp_of), key=str)
    medi: set = set()
    changed = True
    while changed and rest:
        changed = False
        joins = []
        medi = set()
        for n in rest:
            pull: dict[int, float] = {}
            for _, m, d in T.edges(n, data=True):
                if m in camp_of and d[weight] > 0:
                    pull[camp_of[m]] = pull.get(camp_of[m], 0.0) + d[weight]
            if not pull:
                continue
            best = min(pull, key=lambda c: (-pull[c], c))
            if pull[best] >= mediator_share * sum(pull.values()) - 1e-12:
                joins.append((n, best))
            else:
                medi.add(n)
        for n, c in joins:
            camps[c].add(n)
            camp_of[n] = c
            changed = True
        rest = [n for n in rest if n not in camp_of]
    loose = [n for n in rest if n not in medi]
    for nodes in _components(T.subgraph(loose), weight):
        camps.append(set(nodes))
    for n in loose:  # tied only to mediators
        if not any(n in c for c in camps):
            camps.append({n})
    camps = _sort_camps(camps)

    members = {n for c in camps for n in c}
    inner = T.subgraph(members)
    total = sum(abs(d[weight]) for _, _, d in inner.edges(data=True))
    fr = frustration(inner, camps, weight)
    if index:
        if k is None and core == tied:
            fi = frustration(T, two_camp, weight)
        elif mediators or k not in (None, 2):
            _, fi, ok = min_frustration_partition(T, 2, weight=weight, exact_limit=exact_limit,
                                                  seed=seed)
            exact &= ok
        else:
            fi = fr
        all_total = sum(abs(d[weight]) for _, _, d in T.edges(data=True))
    else:
        fi, all_total = float("nan"), 0.0
    # evidence: frustrated ties of the original graph (with records) when available
    fr_edges = frustrated_edges(T if G.is_directed() else G, camps, weight)
    return CampResult(
        camps=camps,
        outside=outside,
        mediators=frozenset(medi),
        k=max(k_used, 1 if len(camps) <= 1 else k_used),
        frustration=fr,
        normalised_frustration=fr / total if total else 0.0,
        frustration_index=fi,
        normalised_frustration_index=fi / all_total if all_total else 0.0,
        balance_ratio=triangle_balance_ratio(T, weight),
        frustrated=[e for e in fr_edges if abs(e.weight) > CANCEL_TOLERANCE],
        exact=exact,
        parameters={"k": k, "mediators": mediators, "mediator_share": mediator_share,
                    "max_k": max_k, "split_gain": split_gain, "split_share": split_share,
                    "exact_limit": exact_limit,
                    "seed": seed},
    )

