"""The analysis per time window, and the shifts between windows.

Records are placed in a window by their date (the interaction's ``dcterms:date``, else the
document's). A record dated only to a year has no month or quarter and is left out of
monthly and quarterly windows; one dated to a month has no day but does have its quarter.

Shifts compare each window with the previous window in which the same pair (or actor)
appeared:

* ``turned hostile`` / ``turned cooperative`` - the sign of a pair's net weight flipped;
* ``changed camp`` - an actor now sits with more of its former opponents (and against more
  of its former camp mates) than before, among the actors placed in both windows.

Examples
--------
>>> from graph.analysis.temporal import window_of
>>> window_of("2024-05-17", "month"), window_of("2024-05", "quarter"), window_of("2024", "month")
('2024-05', '2024-Q2', None)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .network import CANCEL_TOLERANCE
from .perspectives import NetworkAnalysis, analyze_network
from .records import InteractionRecord


def window_of(date: str | None, by: str = "month") -> str | None:
    """The window (``2024-05``, ``2024-Q2`` or ``2024``) a lexical date falls in."""
    if not date:
        return None
    parts = date.strip()[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else None
    except ValueError:
        return None
    if by == "year":
        return f"{year:04d}"
    if month is None or not 1 <= month <= 12:
        return None
    if by == "month":
        return f"{year:04d}-{month:02d}"
    if by == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    raise ValueError(f"by must be 'month', 'quarter' or 'year', not {by!r}")


def by_window(records: Iterable[InteractionRecord], actors=None, by: str = "month",
              **options) -> dict[str, NetworkAnalysis]:
    """:func:`~graph.analysis.perspectives.analyze_network` per time window, in time order."""
    groups: dict[str, list[InteractionRecord]] = {}
    for r in records:
        w = window_of(r.date, by)
        if w is not None:
            groups.setdefault(w, []).append(r)
    return {w: analyze_network(groups[w], actors, scope=w, kind="window", **options) for w in sorted(groups)}


@dataclass(frozen=True)
class Shift:
    """A change between two windows. ``kind``: ``turned hostile``, ``turned cooperative`` or
    ``changed camp``; ``b`` is the partner (pairs) or ``None``; ``before``/``after`` are the
    windows; ``evidence_before``/``evidence_after`` the records behind each side;
    ``detail`` names, for camp changes, the actors the actor left and joined."""

    kind: str
    a: str
    b: str | None
    before: str
    after: str
    values: tuple[float, float]
    evidence_before: tuple[InteractionRecord, ...]
    evidence_after: tuple[InteractionRecord, ...]
    detail: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def _recs(G, a, b, limit=5):
    return tuple(G[a][b].get("records", ()))[:limit] if G.has_edge(a, b) else ()


def shifts(windows: dict[str, NetworkAnalysis]) -> list[Shift]:
    """Pairs that changed sign and actors that changed camp, window to window.

    Parameters
    ----------
    windows : dict
        Window -> analysis, as returned by :func:`by_window` (keys sort in time order).

    Returns
    -------
    list of Shift
        In time order, then by actor.
    """
    out: list[Shift] = []
    last_pair: dict[tuple, tuple[str, float]] = {}
    last_camp: dict[str, str] = {}
    for w in sorted(windows):
        A = windows[w]
        G = A.graph
        for a, b, d in sorted(G.edges(data=True), key=lambda e: (str(min(e[0], e[1], key=str)),
                                                                  str(max(e[0], e[1], key=str)))):
            x, y = sorted((a, b), key=str)
            wt = d["weight"]
            if abs(wt) <= CANCEL_TOLERANCE:
                continue
            prev = last_pair.get((x, y))
            if prev is not None and (prev[1] > 0) != (wt > 0):
                P = windows[prev[0]].graph
                out.append(Shift("turned hostile" if wt < 0 else "turned cooperative", x, y,
                                 prev[0], w, (prev[1], wt), _recs(P, x, y), _recs(G, x, y)))
            last_pair[(x, y)] = (w, wt)
        camps = A.camps
        placed = sorted({n for c in camps.camps for n in c}, key=str)
        for a in placed:
            if a in last_camp:
                P = windows[last_camp[a]]
                pc = P.camps
                others = [n for n in placed if n != a and pc.camp_of(n) is not None]
                mates_before = {n for n in others if pc.camp_of(n) == pc.camp_of(a)}
                mates_now = {n for n in others if camps.camp_of(n) == camps.camp_of(a)}
                left = sorted(mates_before - mates_now, key=str)
                joined = sorted(mates_now - mates_before, key=str)
                kept = len(mates_before & mates_now) + len(set(others) - mates_before - mates_now)
                if others and len(left) + len(joined) > kept:
                    ev_before = tuple(r for n in left + joined for r in _recs(P.graph, a, n, 2))
                    ev_after = tuple(r for n in left + joined for r in _recs(G, a, n, 2))
                    out.append(Shift("changed camp", a, None, last_camp[a], w,
                                     (float(len(left) + len(joined)), float(kept)),
                                     ev_before, ev_after, (tuple(left), tuple(joined))))
        for a in placed:
            last_camp[a] = w
    return out
