"""The signed actor network built from interaction records.

Each interaction contributes ``polarity x modality weight x confidence`` to the undirected
edge between its (lifted) source and target. The default modality weights are
:data:`DEFAULT_MODALITY_WEIGHTS` (the *factual* view): what happened counts fully, what one
party reports about another counts half, and negated, hypothetical and recommended
statements do not count. The *advocacy* view (:data:`ADVOCACY_MODALITY_WEIGHTS`) counts only
what authors recommend (``kgo:Recommended``): the alignment the writer argues for.

**Weak ties.** What a text only imagines or urges ("Moscow could retaliate against Kyiv",
"Delhi and Islamabad should settle their dispute") still says which way a pair leans, but it
is weaker evidence than anything the text states as fact. They are off by default, as the
factual view's weights (hypothetical 0, recommended 0) say. Pass
``weak_weights=WEAK_MODALITY_WEIGHTS`` (hypothetical and recommended, a quarter weight each;
``kg analyze --weak``) to use such records **only for pairs that have no factual record at
all**: they fill silences, they never outweigh, dilute or flip what is reported as fact. Such
a tie carries ``weak=True``. Negated records never count: that something did not happen says
nothing about which way a pair leans. On the shared article gold, weak ties changed camp
accuracy from 0.92 to 0.91 once extraction read presupposed disputes as asserted, so the
strict default stays.

Examples
--------
>>> from graph.analysis.records import InteractionRecord
>>> from graph.analysis.network import WEAK_MODALITY_WEIGHTS, signed_network
>>> recs = [InteractionRecord("i1", "A", "B", "ACCUSE", -1, "Asserted", 0.8),
...         InteractionRecord("i2", "B", "A", "PRAISE", 1, "Reported", 0.6),
...         InteractionRecord("i3", "A", "C", "AID", 1, "Hypothetical", 0.9)]
>>> G = signed_network(recs)                         # the strict factual network
>>> round(G["A"]["B"]["weight"], 2), round(G["A"]["B"]["negative"], 2)
(-0.5, 0.8)
>>> G.has_edge("A", "C"), sorted(G.nodes)          # C still appears: it is named, but has no tie
(False, ['A', 'B', 'C'])
>>> G = signed_network(recs, weak_weights=WEAK_MODALITY_WEIGHTS)
>>> G["A"]["C"]["weight"], G["A"]["C"]["weak"]   # nothing factual about A and C: a weak tie
(0.225, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date as _date

import networkx as nx

from .records import ActorInfo, InteractionRecord, label_of
from .records import lift as lift_actor

#: Factual view: modality -> weight.
DEFAULT_MODALITY_WEIGHTS: Mapping[str, float] = {
    "Asserted": 1.0,
    "Reported": 0.5,
    "Negated": 0.0,
    "Hypothetical": 0.0,
    "Recommended": 0.0,
}
#: Advocacy view: only what the author recommends.
ADVOCACY_MODALITY_WEIGHTS: Mapping[str, float] = {
    "Asserted": 0.0,
    "Reported": 0.0,
    "Negated": 0.0,
    "Hypothetical": 0.0,
    "Recommended": 1.0,
}

#: Hypothetical view: only what a text imagines (could, would, plans, threats of what may come).
HYPOTHETICAL_MODALITY_WEIGHTS: Mapping[str, float] = {
    "Asserted": 0.0,
    "Reported": 0.0,
    "Negated": 0.0,
    "Hypothetical": 1.0,
    "Recommended": 0.0,
}
#: The modality weights of each view.
VIEWS: Mapping[str, Mapping[str, float]] = {
    "factual": DEFAULT_MODALITY_WEIGHTS,
    "advocacy": ADVOCACY_MODALITY_WEIGHTS,
    "hypothetical": HYPOTHETICAL_MODALITY_WEIGHTS,
}

#: Factual view: weights of the records used only for pairs without any factual record.
WEAK_MODALITY_WEIGHTS: Mapping[str, float] = {
    "Hypothetical": 0.25,
    "Recommended": 0.25,
}

#: Net weights whose absolute value is at most this are treated as cancelled (no tie).
CANCEL_TOLERANCE = 1e-9


def parse_date(text: str | None) -> tuple[_date, _date] | None:
    """The first and last day an ``xsd:date``/``gYearMonth``/``gYear`` lexical form covers.

    >>> parse_date("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> parse_date("nonsense") is None
    True
    """
    if not text:
        return None
    import calendar

    text = text.strip()[:10]
    try:
        parts = [int(p) for p in text.split("-") if p]
        if len(parts) == 1:
            return _date(parts[0], 1, 1), _date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return _date(parts[0], parts[1], 1), _date(parts[0], parts[1], last)
        d = _date(parts[0], parts[1], parts[2])
        return d, d
    except (ValueError, IndexError):
        return None


def _as_date(value, *, end: bool) -> _date | None:
    if value is None or isinstance(value, _date):
        return value
    span = parse_date(str(value))
    if span is None:
        raise ValueError(f"not a date: {value!r}")
    return span[1] if end else span[0]


def _as_set(value) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {value}
    return set(value)


def filter_records(
    records: Iterable[InteractionRecord],
    *,
    documents=None,
    publishers=None,
    start=None,
    end=None,
    event_types=None,
) -> list[InteractionRecord]:
    """Records passing the filters of :func:`signed_network` (see there)."""
    docs, pubs, types = _as_set(documents), _as_set(publishers), _as_set(event_types)
    if types is not None:
        types = {t.rsplit("#", 1)[-1] for t in types}
    lo, hi = _as_date(start, end=False), _as_date(end, end=True)
    out = []
    for r in records:
        if docs is not None and r.document not in docs:
            continue
        if pubs is not None and r.publisher not in pubs:
            continue
        if types is not None and r.event_type not in types:
            continue
        if lo is not None or hi is not None:
            span = parse_date(r.date)
            if span is None:
                continue
            if lo is not None and span[0] < lo:
                continue
            if hi is not None and span[1] > hi:
                continue
        out.append(r)
    return out


def signed_network(
    records: Iterable[InteractionRecord],
    *,
    actors: Mapping[str, ActorInfo] | None = None,
    lift: bool = True,
    weights: Mapping[str, float] | None = None,
    weak_weights: Mapping[str, float] | None = None,
    view: str = "factual",
    documents=None,
    publishers=None,
    start=None,
    end=None,
    event_types=None,
    directed: bool = False,
) -> nx.Graph:
    """Build the weighted signed actor graph.

    Parameters
    ----------
    records : iterable of InteractionRecord
    actors : dict, optional
        Actor IRI -> :class:`ActorInfo`; needed for lifting and labels.
    lift : bool, default True
        Replace people and agencies by the state or IGO they act for
        (:func:`graph.analysis.records.lift`). Ties of an actor with itself after lifting
        (a minister criticising his own government) are dropped.
    weights : mapping, optional
        Modality local name -> weight. Default: :data:`DEFAULT_MODALITY_WEIGHTS`, or
        :data:`ADVOCACY_MODALITY_WEIGHTS` when ``view="advocacy"``,
        :data:`HYPOTHETICAL_MODALITY_WEIGHTS` when ``view="hypothetical"``. Unknown
        modalities weigh 0.
    weak_weights : mapping, optional
        Modality local name -> weight of records that count only for pairs with no record of
        non-zero ``weights`` (see *Weak ties* above). Default: none (``{}``); pass
        :data:`WEAK_MODALITY_WEIGHTS` to turn weak ties on.
    view : {"factual", "advocacy", "hypothetical"}
        What the text reports, what it urges, what it imagines.
    documents, publishers, event_types : str or iterable of str, optional
        Keep only records of these documents (IRIs), publishers, event types (local names
        such as ``"ACCUSE"`` or full IRIs).
    start, end : date or str, optional
        Keep records dated inside ``[start, end]`` (inclusive; ``"2024-03"`` means the whole
        month). Undated records are dropped when either bound is given.
    directed : bool, default False
        Return an ``nx.DiGraph`` keeping the direction source -> target.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Nodes are (lifted) actor IRIs with ``label`` and ``type``. Every actor named by a kept
        record is a node, even with no non-zero tie. Edges carry ``weight`` (the net signed
        sum), ``positive`` and ``negative`` (the totals of each sign, both >= 0), ``count``,
        ``records`` (the evidence, strongest first, then by IRI) and ``weak`` (True when only
        weak records make the tie). Edges are only created for records with a non-zero
        weight; an edge whose net weight cancels keeps ``weight`` 0.

    Examples
    --------
    >>> from graph.analysis.records import InteractionRecord as R
    >>> G = signed_network([R("i1", "A", "B", "AID", 1, "Recommended", 1.0)], view="advocacy")
    >>> G["A"]["B"]["weight"]
    1.0
    """
    if view not in VIEWS:
        raise ValueError(f"view must be one of {sorted(VIEWS)}, not {view!r}")
    if weak_weights is None:
        weak_weights = {}
    if weights is None:
        weights = VIEWS[view]
    kept = filter_records(records, documents=documents, publishers=publishers, start=start,
                          end=end, event_types=event_types)
    G = nx.DiGraph() if directed else nx.Graph()
    G.graph.update(view=view, lift=lift, weights=dict(weights), weak_weights=dict(weak_weights))
    lifted: dict[str, str] = {}
    weak: dict[tuple, list] = {}  # pair -> [(weight, record)] held back until the end

    def node(a: str) -> str:
        if a not in lifted:
            lifted[a] = lift_actor(a, actors) if lift else a
        n = lifted[a]
        if n not in G:
            info = (actors or {}).get(n)
            G.add_node(n, label=label_of(n, actors), type=info.type if info else None)
        return n

    for r in kept:
        s, t = node(r.source), node(r.target)
        if s == t:
            continue
        w = r.polarity * float(weights.get(r.modality, 0.0)) * r.confidence
        if w != 0:
            _add_record(G, s, t, w, r, weak=False)
            continue
        w = r.polarity * float(weak_weights.get(r.modality, 0.0)) * r.confidence
        if w != 0:
            weak.setdefault((s, t), []).append((w, r))
    def factual(a, b):
        return G.has_edge(a, b) and not G[a][b]["weak"]

    for (s, t), found in weak.items():
        if factual(s, t) or factual(t, s):
            continue  # the pair has factual evidence: weak records do not count
        for w, r in found:
            _add_record(G, s, t, w, r, weak=True)
    G.graph["lifted"] = lifted

    def strength(r):
        return float(weights.get(r.modality, 0.0) or weak_weights.get(r.modality, 0.0)) * r.confidence

    for _, _, d in G.edges(data=True):
        d["records"].sort(key=lambda r: (-strength(r), r.iri))
        if abs(d["weight"]) <= CANCEL_TOLERANCE:
            d["weight"] = 0.0
    return G


def _add_record(G: nx.Graph, s: str, t: str, w: float, r: InteractionRecord, *, weak: bool) -> None:
    if not G.has_edge(s, t):
        G.add_edge(s, t, weight=0.0, positive=0.0, negative=0.0, count=0, records=[], weak=weak)
    d = G[s][t]
    d["weight"] += w
    d["positive" if w > 0 else "negative"] += abs(w)
    d["count"] += 1
    d["records"].append(r)


def signed_ties(G: nx.Graph) -> nx.Graph:
    """The undirected graph of non-cancelling ties (``weight != 0``), all nodes kept.

    A directed graph is first folded: the weights of both directions are added.
    """
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        w = d.get("weight", 0.0)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    H.remove_edges_from([(u, v) for u, v, d in H.edges(data=True)
                         if abs(d["weight"]) <= CANCEL_TOLERANCE])
    return H
