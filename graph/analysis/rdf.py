"""Analysis results as RDF quads of the analysis named graph.

For each analysed scope (``all``, a document, a publisher, a time window) one run::

    res:analysis/all/run  a prov:Activity, kgo:AnalysisRun ;
        rdfs:label "Balance analysis (all)" ; kgo:scope "all" ;
        kgo:parameter "modality weights=Asserted:1,Reported:0.5,...", "lift=true", ... ;
        kgo:frustration 1.0 ; kgo:normalisedFrustration 0.05 ;
        kgo:frustrationIndex 1.0 ; kgo:normalisedFrustrationIndex 0.05 ;
        kgo:balanceRatio 0.9 ; kgo:campCount 2 ;
        kgo:mediator res:actor/CHN ; kgo:frustratedInteraction res:interaction/... .
    res:analysis/all/camp/1  a kgo:Camp, kgo:Bloc ; rdfs:label "Camp 1: AZE, ISR" ;
        kgo:member res:actor/AZE, res:actor/ISR ; kgo:scope "all" ;
        prov:wasGeneratedBy res:analysis/all/run .
    res:analysis/all/cluster/1  a kgo:AlignmentCluster, kgo:Bloc ; ... (same shape)

Camps and clusters are numbered from 1 in the order of their smallest member IRI, and scope
IRIs are derived from the scope (``all``, ``document/<doc IRI tail>``, ``publisher/<slug>``,
``window/2024-03``), so the same input gives the same IRIs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Quad

from graph.iris import ANALYSIS_GRAPH, KGO, PROV, RDF, RDFS, RES, XSD, short_hash, slug

from .perspectives import NetworkAnalysis
from .records import label_of

_TYPE = NamedNode(RDF + "type")
_LABEL = NamedNode(RDFS + "label")


def _k(name: str) -> NamedNode:
    return NamedNode(KGO + name)


def scope_path(analysis: NetworkAnalysis) -> str:
    """The IRI path segment of a scope.

    >>> from types import SimpleNamespace as NS
    >>> scope_path(NS(kind="document", scope="https://w3id.org/kg-explorer/resource/document/ab12"))
    'document/ab12'
    >>> scope_path(NS(kind="window", scope="2024-Q1")), scope_path(NS(kind="all", scope="all"))
    ('window/2024-q1', 'all')
    """
    kind, scope = analysis.kind, analysis.scope
    if kind == "all":
        return "all"
    if kind == "document":
        tail = scope[len(RES):] if scope.startswith(RES) else ""
        if tail.startswith("document/"):
            tail = tail[len("document/"):]
        tail = slug(tail) if tail else short_hash(scope)
        return f"document/{tail}"
    return f"{kind}/{slug(scope)}"


def _number(value: float) -> Literal:
    # xsd:decimal, as the data contract's shapes require; six places keep the output stable
    from graph.rdf import decimal_literal

    return decimal_literal(value, places=6)


def _params(analysis: NetworkAnalysis) -> list[str]:
    p = dict(analysis.parameters)
    out = []
    weights = p.pop("weights", None)
    if weights is not None:
        out.append("modality weights=" + ",".join(f"{m}:{w:g}" for m, w in weights.items()))
    weak = p.pop("weak_weights", None)
    if weak:
        out.append("weak tie weights (pairs without factual ties)="
                   + ",".join(f"{m}:{w:g}" for m, w in weak.items()))
    for key in sorted(p):
        value = p[key]
        if value is None:
            continue
        if isinstance(value, bool):
            value = str(value).lower()
        elif isinstance(value, (set, frozenset, list, tuple)):
            value = ",".join(sorted(map(str, value)))
        elif isinstance(value, float):
            value = f"{value:g}"
        out.append(f"{key.replace('_', ' ')}={value}")
    out.append("camp search=" + ("exact" if analysis.camps.exact else "heuristic"))
    return out


def analysis_quads(analyses: NetworkAnalysis | Iterable[NetworkAnalysis], *,
                   actors: Mapping | None = None, clusters: bool | None = None,
                   graph: str = ANALYSIS_GRAPH) -> list[Quad]:
    """Quads of the analysis named graph for one or several analysed scopes.

    Parameters
    ----------
    analyses : NetworkAnalysis or iterable of them
    actors : dict, optional
        Actor IRI -> ActorInfo, for readable camp labels.
    clusters : bool, optional
        Write alignment clusters; default only for the ``all`` scope.
    graph : str
        The named graph's IRI.

    Returns
    -------
    list of pyoxigraph.Quad
    """
    if isinstance(analyses, NetworkAnalysis):
        analyses = [analyses]
    g = NamedNode(graph)
    quads: list[Quad] = []

    def add(s, p, o):
        quads.append(Quad(s, p, o, g))

    for A in analyses:
        base = RES + "analysis/" + scope_path(A)
        run = NamedNode(base + "/run")
        scope = Literal(A.scope)
        res = A.camps
        add(run, _TYPE, NamedNode(PROV + "Activity"))
        add(run, _TYPE, _k("AnalysisRun"))
        add(run, _LABEL, Literal(f"Balance analysis ({A.scope})"))
        add(run, _k("scope"), scope)
        for text in _params(A):
            add(run, _k("parameter"), Literal(text))
        add(run, _k("frustration"), _number(res.frustration))
        add(run, _k("normalisedFrustration"), _number(res.normalised_frustration))
        add(run, _k("frustrationIndex"), _number(res.frustration_index))
        add(run, _k("normalisedFrustrationIndex"), _number(res.normalised_frustration_index))
        if res.balance_ratio is not None:
            add(run, _k("balanceRatio"), _number(res.balance_ratio))
        add(run, _k("campCount"), Literal(str(len(res.camps)), datatype=NamedNode(XSD + "integer")))
        for m in sorted(res.mediators, key=str):
            add(run, _k("mediator"), NamedNode(m))
        seen = set()
        for e in res.frustrated:
            for r in e.records:
                if r.iri not in seen:
                    seen.add(r.iri)
                    add(run, _k("frustratedInteraction"), NamedNode(r.iri))
        blocs = [("camp", "Camp", res.camps)]
        if clusters if clusters is not None else A.kind == "all":
            blocs.append(("cluster", "AlignmentCluster", A.clusters))
        for path, cls, groups in blocs:
            for i, members in enumerate(groups, start=1):
                node = NamedNode(f"{base}/{path}/{i}")
                names = ", ".join(sorted(label_of(m, actors) for m in members))
                title = "Camp" if path == "camp" else "Alignment cluster"
                add(node, _TYPE, _k(cls))
                add(node, _TYPE, _k("Bloc"))
                add(node, _LABEL, Literal(f"{title} {i}: {names}"))
                add(node, _k("scope"), scope)
                add(node, NamedNode(PROV + "wasGeneratedBy"), run)
                for m in sorted(members, key=str):
                    add(node, _k("member"), NamedNode(m))
    return quads
