"""The context of each page: plain Python values the Jinja templates print (autoescaped)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from .data import ActorRow, BlocRow, ClaimRow, DocumentRow, EventRow, InteractionRow, SiteData
from .network import NO_CAMP, NODE_LIMIT, PALETTE, ego_network, graph_data, script_json, top_actors
from .text import document_pieces

FACTUAL = ("Asserted", "Reported")
# An actor page lists at most this many interactions per counterpart (and says how many more).
ROWS_PER_COUNTERPART = 40
_FIGURES = (("campCount", "Camps"), ("frustration", "Frustration (weighted broken ties)"),
            ("normalisedFrustration", "Frustration, normalised"), ("balanceRatio", "Balance ratio"))


@dataclass
class Group:
    actor: ActorRow
    rows: list
    total: int = 0


@dataclass
class ClaimGroup:
    title: str
    label: str
    rows: list[ClaimRow]


@dataclass
class Entry:
    date: str
    tags: str
    date_note: str = ""
    event: EventRow | None = None
    interaction: InteractionRow | None = None


@dataclass
class Disagreement:
    a: str
    b: str
    kind: str
    sides: list[tuple[DocumentRow, list[InteractionRow]]]


def _common(site: SiteData, here: str, base: str = "") -> dict:
    return {"site": site, "base": base, "here": here, "type_labels": site.type_labels}


def index_context(site: SiteData, limit: int = NODE_LIMIT) -> dict:
    actors, total = top_actors(site, limit)
    data = graph_data(site, actors, total=total)
    doc_counts = Counter(site.doc_of(i.sentence).iri for i in site.interactions if site.doc_of(i.sentence))
    return {**_common(site, "index"), "graph_json": script_json(data), "shown": len(actors), "total": total,
            "limit": limit, "n_interactions": len(data["interactions"]), "documents": list(site.documents.values()),
            "modalities": data["modalities"], "types": data["types"], "camps": data["camps"],
            "no_camp": NO_CAMP, "doc_counts": doc_counts}


def actor_context(site: SiteData, actor: ActorRow, affiliated: list[ActorRow]) -> dict:
    mine = site.by_actor.get(actor.iri, [])
    groups: dict[str, list[InteractionRow]] = defaultdict(list)
    for i in mine:
        groups[i.target if i.source == actor.iri else i.source].append(i)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), site.label(kv[0]), kv[0]))
    ctx = {**_common(site, "actor", "../"), "actor": actor,
           "groups": [Group(site.actors[k], rows[:ROWS_PER_COUNTERPART], len(rows)) for k, rows in ordered],
           "rows_limit": ROWS_PER_COUNTERPART,
           "n_interactions": len(mine), "n_out": sum(i.source == actor.iri for i in mine),
           "n_in": sum(i.target == actor.iri for i in mine),
           "affiliated": affiliated,
           "camp": site.camp_of(actor.iri), "cluster": site.cluster_of(actor.iri),
           "has_camps": bool(site.camps()), "has_clusters": bool(site.clusters()),
           "claim_groups": _claim_groups(site, actor), "any_claims": bool(site.claims)}
    if mine:
        members, rows = ego_network(site, actor.iri)
        ctx["graph_json"] = script_json(graph_data(site, members, base="../", focus=actor.iri,
                                                   interactions=rows))
    return ctx


def _claim_groups(site: SiteData, actor: ActorRow) -> list[ClaimGroup]:
    groups: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
    for c in site.claims_of.get(actor.iri, []):
        if c.claimant == actor.iri:
            for other in c.about or [""]:
                groups[("by", other)].append(c)
        elif actor.iri in c.about:
            groups[("about", c.claimant)].append(c)
    out = []
    for (kind, other), rows in sorted(groups.items(), key=lambda kv: (kv[0][0], site.label(kv[0][1]))):
        name = site.label(other) if other else "no one named"
        title = f"{actor.label} about {name}" if kind == "by" else f"{name} about {actor.label}"
        out.append(ClaimGroup(title, name, rows))
    return out


def document_context(site: SiteData, doc: DocumentRow) -> dict:
    actors = sorted({m.actor for m in site.mentions_of.get(doc.iri, [])})
    n = site.interactions_in[doc.iri]
    return {**_common(site, "document", "../"), "doc": doc, "pieces": document_pieces(site, doc),
            "actors": sorted((site.actors[a] for a in actors if a in site.actors), key=lambda a: a.label),
            "n_interactions": n}


def camps_context(site: SiteData) -> dict:
    run = site.runs.get("all")
    by_iri = {i.iri: i for i in site.interactions}
    per_doc: dict[str, list[BlocRow]] = defaultdict(list)
    for b in site.blocs:
        if b.scope != "all" and b.kind == "Camp":
            per_doc[b.scope].append(b)
    per_document = []
    for scope, blocs in sorted(per_doc.items()):
        doc = site.documents.get(scope)
        per_document.append((doc.name if doc else scope, doc.page if doc else "", blocs))
    figures = [(label, run.figures[key]) for key, label in _FIGURES if run and key in run.figures]
    return {**_common(site, "camps"), "camps": site.camps(), "clusters": site.clusters(), "run": run,
            "run_figures": figures, "palette": PALETTE,
            "frustrated": [by_iri[i] for i in (run.frustrated if run else []) if i in by_iri],
            "per_document": per_document}


def claims_context(site: SiteData) -> dict:
    by: dict[str, list[ClaimRow]] = defaultdict(list)
    for c in site.claims:
        by[c.claimant].append(c)
    groups = [ClaimGroup(site.label(k), site.label(k), rows)
              for k, rows in sorted(by.items(), key=lambda kv: (site.label(kv[0]), kv[0]))]
    return {**_common(site, "claims"), "groups": groups, "n_claims": len(site.claims)}


def timeline_context(site: SiteData) -> dict:
    involved = sorted({x for i in site.interactions for x in (i.source, i.target)}
                      | {p for e in site.events for p in e.participants},
                      key=lambda a: (site.label(a), a))
    tag = {a: f"a{n}" for n, a in enumerate(involved)}
    entries = []
    for e in site.events:
        if e.date:
            entries.append(Entry(e.date, " ".join(tag[p] for p in e.participants if p in tag), event=e))
    for i in site.interactions:
        doc = site.doc_of(i.sentence)
        date, note = (i.date, "") if i.date else ((doc.date, "document date") if doc and doc.date else ("", ""))
        if date:
            entries.append(Entry(date, f"{tag[i.source]} {tag[i.target]}", note, interaction=i))
    entries.sort(key=lambda e: (e.date, e.event is None, e.event.iri if e.event else e.interaction.iri))
    return {**_common(site, "timeline"), "entries": entries,
            "pair_actors": [site.actors[a] if a in site.actors else ActorRow(a, a, site.label(a), "")
                            for a in involved]}


def compare_context(site: SiteData) -> dict:
    return {**_common(site, "compare"), "documents": list(site.documents.values()),
            "disagreements": disagreements(site)}


def disagreements(site: SiteData) -> list[Disagreement]:
    """Pairs that two documents describe with opposite polarity, or assert in one and deny in another.

    Only asserted and reported interactions count as a document saying something happened.
    """
    pairs: dict[tuple[str, str], dict[str, list[InteractionRow]]] = defaultdict(lambda: defaultdict(list))
    for i in site.interactions:
        doc = site.doc_of(i.sentence)
        if doc and i.source != i.target:
            pairs[tuple(sorted((i.source, i.target)))][doc.iri].append(i)
    out = []
    for (a, b), docs in pairs.items():
        if len(docs) < 2:
            continue
        net = {d: sum(i.polarity for i in rows if i.modality in FACTUAL) for d, rows in docs.items()}
        if any(v > 0 for v in net.values()) and any(v < 0 for v in net.values()):
            sides = [(site.documents[d], [i for i in docs[d] if i.modality in FACTUAL])
                     for d in _in_site_order(site, docs) if net[d] != 0]
            out.append(Disagreement(a, b, "cooperative in some sources, hostile in others", sides))
        said = {(i.source, i.target, i.event_type) for rows in docs.values() for i in rows if i.modality in FACTUAL}
        denied = {(i.source, i.target, i.event_type) for rows in docs.values() for i in rows if i.modality == "Negated"}
        for key in sorted(said & denied):
            hit = {d: [i for i in rows if (i.source, i.target, i.event_type) == key
                       and i.modality in FACTUAL + ("Negated",)] for d, rows in docs.items()}
            mods = {d: {i.modality == "Negated" for i in rows} for d, rows in hit.items() if rows}
            if any(True in m for m in mods.values()) and any(False in m for m in mods.values()) and len(mods) > 1:
                sides = [(site.documents[d], hit[d]) for d in _in_site_order(site, hit) if hit[d]]
                out.append(Disagreement(a, b, "asserted in some sources, denied in others", sides))
    return sorted(out, key=lambda d: (site.label(d.a), site.label(d.b), d.kind))


def _in_site_order(site: SiteData, documents) -> list[str]:
    """The document IRIs among ``documents`` (all of the site's), in the site's document order."""
    return sorted(documents, key=site.document_rank.__getitem__)
