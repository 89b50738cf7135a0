"""The actor network as JSON for vis-network (index page and the ego network of each actor).

We write vis-network's data ourselves rather than through pyvis: pyvis builds undirected
networks in quadratic time (10k nodes: 40 s), its template loads Bootstrap from a CDN and puts
``heading`` in raw. Here the data is one JSON object embedded with :func:`json_for_html` in a
``<script type="application/json">`` block, which the browser never executes; the static
``explorer.js`` reads it, aggregates the interactions into edges (so filters and the "lift persons"
toggle only re-aggregate) and hands them to vis-network with physics off.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

import networkx as nx
from markupsafe import Markup

from graph.model import MODALITIES

from .data import InteractionRow, SiteData
from .layout import spring_layout

# Above this many actors the index shows the best-connected ones only, and says so: 2,000 nodes
# draw in ~3 s with physics off in headless Chromium on the reference machine.
NODE_LIMIT = 2000
# Up to this many nodes edges are drawn as curves; above, straight lines (much cheaper to draw).
SMOOTH_LIMIT = 300
# An ego network shows at most this many counterparts (the most frequent ones).
EGO_LIMIT = 150

SHAPES = {"Country": "dot", "Organization": "square", "Person": "triangle", "Group": "diamond"}
PALETTE = ("#1f77b4", "#ff7f0e", "#9467bd", "#17becf", "#bcbd22", "#e377c2", "#8c564b", "#7f7f7f")
NO_CAMP = "#b0b0b0"
POLARITY_COLOURS = {1: "#2ca02c", -1: "#d62728"}


def json_for_html(value) -> str:
    """``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no ``</script>`` or ``<!--`` can end or
    confuse the element; U+2028/9 are escaped for old JavaScript parsers. Only the result of this
    function may be marked safe in a template.

    >>> json_for_html({"t": "</script><b>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def script_json(value) -> Markup:
    """:func:`json_for_html`, marked safe for a template: the only JSON that may go in raw."""
    return Markup(json_for_html(value))


def camp_colours(site: SiteData) -> dict[str, tuple[int, str]]:
    """Actor IRI -> (camp number, colour) for the overall camps."""
    out = {}
    for n, camp in enumerate(site.camps("all"), start=1):
        for m in camp.members:
            out.setdefault(m, (n, PALETTE[(n - 1) % len(PALETTE)]))
    return out


def top_actors(site: SiteData, limit: int = NODE_LIMIT) -> tuple[list[str], int]:
    """The actors the index draws: all of them, or the ``limit`` with most interactions."""
    degree = Counter()
    for i in site.interactions:
        degree[i.source] += 1
        degree[i.target] += 1
    actors = sorted(site.actors)
    if len(actors) <= limit:
        return actors, len(actors)
    chosen = sorted(actors, key=lambda a: (-degree[a], a))[:limit]
    return sorted(chosen), len(actors)


def graph_data(site: SiteData, actors: Iterable[str], *, base: str = "", focus: str | None = None,
               total: int | None = None, interactions: list[InteractionRow] | None = None) -> dict:
    """The JSON object ``explorer.js`` draws.

    Parameters
    ----------
    site : SiteData
    actors : iterable of str
        Actor IRIs to draw; interactions between them become edges.
    base : str
        Prefix from the page to the site root (``""`` or ``"../"``) for links.
    focus : str, optional
        The actor an ego network is about (drawn larger).
    total : int, optional
        How many actors the dataset has (when only some are drawn).
    interactions : list of InteractionRow, optional
        Candidate interactions (default: all of them); those between ``actors`` are drawn.
    """
    actors = sorted(set(actors))
    index = {a: n for n, a in enumerate(actors)}
    interactions = [i for i in (site.interactions if interactions is None else interactions)
                    if i.source in index and i.target in index]
    if focus is None:  # the index page: every document, as its document filter lists them
        docs = list(site.documents)
    else:  # an actor's page: only the documents its interactions come from, not all of them
        used = {doc.iri for i in interactions if (doc := site.doc_of(i.sentence)) is not None}
        docs = sorted(used, key=site.document_rank.__getitem__)
    doc_index = {d: n for n, d in enumerate(docs)}
    types = sorted({i.event_type for i in interactions})
    type_index = {t: n for n, t in enumerate(types)}
    sentences: dict[str, int] = {}
    rows = []
    for i in interactions:
        s = sentences.setdefault(i.sentence, len(sentences))
        doc = site.doc_of(i.sentence)
        date = i.date or (doc.date if doc else None) or ""
        rows.append([index[i.source], index[i.target], i.polarity, MODALITIES.index(i.modality)
                     if i.modality in MODALITIES else 0, type_index[i.event_type],
                     doc_index.get(doc.iri, -1) if doc else -1, date, s])
    positions = spring_layout(_undirected(actors, interactions))
    camps = camp_colours(site)
    degree = Counter()
    for r in rows:
        degree[r[0]] += 1
        degree[r[1]] += 1
    nodes = []
    for a in actors:
        row = site.actors[a]
        camp = camps.get(a)
        aff = row.affiliation
        nodes.append({
            "label": row.label, "key": row.key, "type": row.type, "page": row.page,
            "camp": camp[0] if camp else 0, "color": camp[1] if camp else NO_CAMP,
            "aff": index.get(aff, -1) if aff else -1,
            "affLabel": site.label(aff) if aff else "",
            "x": positions[a][0], "y": positions[a][1], "degree": degree[index[a]],
            "focus": a == focus,
        })
    sentence_rows = []
    for iri in sentences:
        s = site.sentences.get(iri)
        doc = site.doc_of(iri)
        sentence_rows.append([s.text if s else "", doc_index.get(doc.iri, -1) if doc else -1,
                              f"s-{s.index}" if s else ""])
    return {
        "base": base,
        "nodes": nodes,
        "interactions": rows,
        "sentences": sentence_rows,
        "documents": [{"name": site.documents[d].name, "page": site.documents[d].page,
                       "date": site.documents[d].date or ""} for d in docs],
        "types": [[t, site.type_labels.get(t, t.lower())] for t in types],
        "modalities": list(MODALITIES),
        "camps": [{"label": c.label, "color": PALETTE[(n - 1) % len(PALETTE)]}
                  for n, c in enumerate(site.camps("all"), start=1)],
        "shapes": SHAPES,
        "polarityColours": {str(k): v for k, v in POLARITY_COLOURS.items()},
        "noCamp": NO_CAMP,
        "smooth": len(actors) <= SMOOTH_LIMIT,
        "total": total if total is not None else len(actors),
    }


def _undirected(actors: list[str], interactions: list[InteractionRow]) -> nx.Graph:
    """A simple undirected graph for the layout, built once per pair (never quadratic)."""
    g = nx.Graph()
    g.add_nodes_from(actors)
    g.add_edges_from({(min(i.source, i.target), max(i.source, i.target)) for i in interactions
                      if i.source != i.target})
    return g


def ego_network(site: SiteData, actor: str, limit: int = EGO_LIMIT) -> tuple[list[str], list[InteractionRow]]:
    """The actor, its ``limit`` most frequent counterparts, and the interactions among them."""
    counts = Counter(i.target if i.source == actor else i.source for i in site.by_actor.get(actor, []))
    members = {actor} | {a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    seen, rows = set(), []
    for a in sorted(members):
        for i in site.by_actor.get(a, []):
            if i.iri not in seen and i.source in members and i.target in members:
                seen.add(i.iri)
                rows.append(i)
    return sorted(members), sorted(rows, key=lambda i: i.iri)
