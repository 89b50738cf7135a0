"""Node positions computed in Python, so the browser draws at once with physics off.

Measured in headless Chromium: with vis-network's physics on, 500 nodes take ~90 s to settle and
2,000 never do; with fixed positions and physics off, 2,000 nodes draw in ~3 s. So every layout
is computed here: a seeded Fruchterman–Reingold (force-directed) layout in vectorised numpy —
networkx's own ``spring_layout`` takes ~25 s on 2,000 nodes here, this one ~1-2 s. Same graph,
same seed, same positions (rounded to whole pixels so the pages are byte-identical).
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 0
# Pixels per unit: vis-network draws nodes ~10-40 px wide, so spread the unit square accordingly.
SCALE_PER_NODE = 100.0
# Spacing of the grid of unconnected nodes (room for a label).
GRID_DX, GRID_DY = 240, 70
# Above this many nodes the layout is computed in two steps (see spring_layout).
CORE_SIZE = 400


def spring_layout(graph: nx.Graph, *, seed: int = SEED, iterations: int = 60,
                  core_size: int = CORE_SIZE) -> dict[str, tuple[int, int]]:
    """Deterministic force-directed positions (in pixels) for the nodes of ``graph``.

    Nodes without edges go in a grid under the drawing. Graphs larger than ``core_size`` are laid
    out in two steps, because all-pairs repulsion is quadratic: the ``core_size`` best-connected
    nodes first (full schedule), then every other node starts at the centre of its placed
    neighbours and a short, cool pass settles everything.

    Parameters
    ----------
    graph : networkx.Graph
        Read as undirected; node ids are sorted first, so insertion order does not matter.
    seed : int
        Seed of the initial positions.
    iterations : int
        Cooling steps of the full schedule.
    core_size : int
        Above this many nodes, use the two-step layout.

    Returns
    -------
    dict
        Node -> (x, y) in whole pixels, centred on 0.
    """
    linked = sorted((v for v in graph.nodes if any(u != v for u in graph[v])), key=str)
    linked_set = set(linked)
    isolated = sorted((v for v in graph.nodes if v not in linked_set), key=str)
    out = _force_layout(graph.subgraph(linked), linked, seed, iterations, core_size)
    out.update(_grid(isolated, out))
    return out


def _grid(nodes: list, placed: dict) -> dict:
    """Unconnected nodes in rows under the drawing, so they do not crowd the connected part."""
    if not nodes:
        return {}
    xs = [p[0] for p in placed.values()] or [0]
    ys = [p[1] for p in placed.values()] or [-GRID_DY]
    width = max(max(xs) - min(xs), GRID_DX * 6)
    per_row = max(1, int(width // GRID_DX) + 1)
    x0, y0 = min(xs) if placed else -(per_row - 1) * GRID_DX // 2, max(ys) + 2 * GRID_DY
    return {v: (x0 + (i % per_row) * GRID_DX, y0 + (i // per_row) * GRID_DY) for i, v in enumerate(nodes)}


def _force_layout(graph: nx.Graph, nodes: list, seed: int, iterations: int,
                  core_size: int) -> dict[str, tuple[int, int]]:
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in graph.edges if a != b})
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5).astype(np.float32)
    k = 1.0 / math.sqrt(n)
    if n <= core_size:
        _relax(pos, edges, k, 0.1, iterations)
    else:
        degree = np.bincount(edges.ravel(), minlength=n)
        core = np.sort(np.argsort(-degree, kind="stable")[:core_size])
        in_core = np.zeros(n, dtype=bool)
        in_core[core] = True
        remap = -np.ones(n, dtype=np.int64)
        remap[core] = np.arange(len(core))
        core_edges = edges[in_core[edges[:, 0]] & in_core[edges[:, 1]]]
        sub = pos[core].copy()
        _relax(sub, remap[core_edges], 1.0 / math.sqrt(len(core)), 0.1, iterations)
        pos[core] = sub
        _place_rest(pos, edges, in_core, rng)
        _relax(pos, edges, k, 0.02, max(8, iterations // 6))
    pos -= pos.mean(axis=0)
    span = max(float(np.abs(pos).max()), 1e-9)
    scale = SCALE_PER_NODE * math.sqrt(n) / span
    return {v: (int(round(float(pos[i, 0]) * scale)), int(round(float(pos[i, 1]) * scale)))
            for i, v in enumerate(nodes)}


def _relax(pos: np.ndarray, edges: np.ndarray, k: float, temperature: float, iterations: int) -> None:
    """Fruchterman–Reingold steps in place: all-pairs repulsion k^2/d, edge attraction d^2/k."""
    n = len(pos)
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, k)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-4)
            pull = delta * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        disp -= pos * np.float32(0.02 * n * k)  # gravity keeps disconnected pieces close
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling


def _place_rest(pos: np.ndarray, edges: np.ndarray, placed: np.ndarray, rng: np.random.Generator) -> None:
    """Put each unplaced node near the mean of its placed neighbours (or where it is, if none)."""
    n = len(pos)
    total = np.zeros((n, 2), dtype=np.float64)
    count = np.zeros(n, dtype=np.int64)
    for a, b in ((0, 1), (1, 0)):
        if len(edges):
            src, dst = edges[:, a], edges[:, b]
            ok = placed[src] & ~placed[dst]
            np.add.at(total, dst[ok], pos[src[ok]])
            np.add.at(count, dst[ok], 1)
    jitter = (rng.random((n, 2)) - 0.5).astype(np.float32) * np.float32(0.05)
    has = (~placed) & (count > 0)
    pos[has] = (total[has] / count[has, None]).astype(np.float32) + jitter[has]


def _repulsion(pos: np.ndarray, k: float, chunk: int = 1024) -> np.ndarray:
    """Repulsive displacement k^2/d between all pairs (float32, row chunks to bound memory)."""
    x, y = pos[:, 0], pos[:, 1]
    out = np.zeros_like(pos)
    k2 = np.float32(k * k)
    for lo in range(0, len(pos), chunk):
        dx = x[lo:lo + chunk, None] - x[None, :]
        dy = y[lo:lo + chunk, None] - y[None, :]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, np.float32(1e-8), out=d2)
        np.divide(k2, d2, out=d2)
        out[lo:lo + chunk, 0] = (dx * d2).sum(axis=1)
        out[lo:lo + chunk, 1] = (dy * d2).sum(axis=1)
    return out
