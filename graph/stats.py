"""The statistics graph: per-build summary triples that make aggregate named queries cheap.

``kg build`` writes them into the named graph ``res:graph/stats``, computed from the quads of
the build in one pass (linear in the dataset), so a query reads a few hundred precomputed
figures instead of aggregating every interaction each time it runs:

* on each actor that takes part in an interaction: ``kgo:degree`` (interactions as source or
  target, a self-interaction counted twice), ``kgo:partnerCount`` (distinct counterparts),
  ``kgo:positiveCount`` and ``kgo:negativeCount`` (of those, cooperative and hostile) -
  read by the ``actors-by-degree`` query;
* one ``kgo:Dyad`` per ordered pair of actors that interact: ``kgo:dyadSource``,
  ``kgo:dyadTarget``, ``kgo:interactionCount`` and a ``kgo:dyadInteraction`` link to each of
  its interactions - an index the pair queries start from (one lookup of the pair instead of
  one per interaction of the busier actor);
* one ``kgo:SourceDisagreement`` per pair of actors (source, target) and reason that two
  documents describe in opposite ways - read by ``source-disagreements``.

Disagreements are defined as in that query: statements about the same source and target in two
different documents with opposite ``kgo:polarity`` (``"opposite polarity"``), or of the same
event type asserted in one document and negated in the other (``"asserted vs negated"``, one
per event type). Each is summarised by the first two documents that disagree (in IRI order:
the smallest first document, then the smallest second one) and the first statement (in IRI
order) of each side, with the number of documents on each side.

>>> import pyoxigraph as ox
>>> from graph.iris import KGO, NIF, PROV, RDF, RES
>>> def q(s, p, o): return ox.Quad(ox.NamedNode(RES + s), ox.NamedNode(p), o, ox.NamedNode(RES + "graph/x"))
>>> def n(x): return ox.NamedNode(RES + x)
>>> quads = []
>>> for i, doc, pol in [("i1", "d1", "-1"), ("i2", "d2", "1")]:
...     quads += [q(i, RDF + "type", ox.NamedNode(KGO + "Interaction")), q(i, KGO + "source", n("actor/A")),
...               q(i, KGO + "target", n("actor/B")), q(i, KGO + "eventType", ox.NamedNode(KGO + "MEET")),
...               q(i, KGO + "polarity", ox.Literal(pol, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
...               q(i, KGO + "modality", ox.NamedNode(KGO + "Asserted")),
...               q(i, PROV + "wasDerivedFrom", n(doc + "/s")), q(doc + "/s", NIF + "referenceContext", n(doc))]
>>> sorted(q.predicate.value.split("#")[1] for q in stats_quads(quads) if q.subject == n("actor/A"))
['degree', 'negativeCount', 'partnerCount', 'positiveCount']
>>> sorted(q.object.value[len(RES):] for q in stats_quads(quads) if q.predicate.value == KGO + "dyadInteraction")
['i1', 'i2']
>>> [d.reason for d in disagreements(interactions(quads))]
['opposite polarity']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from graph.iris import KGO, NIF, PROV, RDF, RES, STATS_GRAPH, XSD, short_hash

OPPOSITE = "opposite polarity"
NEGATED = "asserted vs negated"


@dataclass(frozen=True, slots=True)
class Statement:
    """What the statistics need of one interaction.

    A build collects these per document (:func:`interactions` of the document's quads, in the
    worker that made them), so the statistics graph needs no pass over the whole dataset.
    """

    iri: str
    source: str
    target: str
    event_type: str
    polarity: int
    modality: str
    document: str


@dataclass(frozen=True)
class Disagreement:
    """Two documents describing the pair (source, target) in opposite ways.

    ``first``/``second`` are the statements shown (from ``documents[0]``/``documents[1]``);
    ``sides`` the number of documents on each side (the first statement's side first).
    """

    source: str
    target: str
    reason: str
    event_type: str | None
    first: Statement
    second: Statement
    sides: tuple[int, int]


_WANTED = {KGO + name for name in ("source", "target", "eventType", "polarity", "modality")}
_WANTED |= {PROV + "wasDerivedFrom", NIF + "referenceContext", RDF + "type"}


def interactions(quads: Iterable) -> list[Statement]:
    """The interactions among ``quads`` that have every field a statistic needs, by IRI."""
    fields: dict[str, dict[str, str]] = defaultdict(dict)
    context: dict[str, str] = {}
    typed: set[str] = set()
    for q in quads:
        p = q.predicate.value
        if p not in _WANTED:
            continue
        s = q.subject.value
        if p == RDF + "type":
            if q.object.value == KGO + "Interaction":
                typed.add(s)
        elif p == NIF + "referenceContext":
            context[s] = q.object.value
        else:
            fields[s][p] = q.object.value
    out = []
    for iri in sorted(typed):
        f = fields.get(iri, {})
        try:
            document = context[f[PROV + "wasDerivedFrom"]]
            out.append(Statement(iri, f[KGO + "source"], f[KGO + "target"], f[KGO + "eventType"],
                                 int(f[KGO + "polarity"]), f[KGO + "modality"], document))
        except (KeyError, ValueError):  # not contract-shaped: left out of the figures
            continue
    return out


def degrees(statements: Iterable[Statement]) -> dict[str, tuple[int, int, int, int]]:
    """Actor IRI -> (degree, partners, positive, negative), each interaction counted at both ends."""
    count: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    partners: dict[str, set[str]] = defaultdict(set)
    for st in statements:
        for actor, other in ((st.source, st.target), (st.target, st.source)):
            c = count[actor]
            c[0] += 1
            c[1] += st.polarity > 0
            c[2] += st.polarity < 0
            partners[actor].add(other)
    return {a: (c[0], len(partners[a]), c[1], c[2]) for a, c in count.items()}


def dyads(statements: Iterable[Statement]) -> dict[tuple[str, str], list[str]]:
    """(source, target) -> the IRIs of its interactions, in IRI order."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for st in sorted(statements, key=lambda s: s.iri):
        out[(st.source, st.target)].append(st.iri)
    return out


def _first_pair(sides: dict[str, set[int]]) -> tuple[str, int, str, int] | None:
    """The smallest (doc1, doc2), doc1 < doc2, whose sides differ: (doc1, side1, doc2, side2).

    ``sides`` maps a document to the sides (0 or 1) its statements take. Linear after sorting:
    for each document, the next document holding each side is known from a backward scan.
    """
    docs = sorted(sides)
    following: list[tuple[int | None, int | None]] = [(None, None)] * len(docs)
    nxt = [None, None]
    for k in range(len(docs) - 1, -1, -1):
        following[k] = (nxt[0], nxt[1])
        for side in sides[docs[k]]:
            nxt[side] = k
    for k, doc in enumerate(docs):
        options = [(following[k][1 - side], side) for side in sorted(sides[doc])
                   if following[k][1 - side] is not None]
        if options:
            later, side = min(options)
            return doc, side, docs[later], 1 - side
    return None


def _summarise(source: str, target: str, reason: str, event_type: str | None,
               statements: list[Statement], side_of) -> Disagreement | None:
    by_doc: dict[str, set[int]] = defaultdict(set)
    first: dict[tuple[str, int], Statement] = {}
    for st in statements:  # in IRI order, so the first kept is the smallest
        side = side_of(st)
        if side is None:
            continue
        by_doc[st.document].add(side)
        first.setdefault((st.document, side), st)
    found = _first_pair(by_doc)
    if found is None:
        return None
    doc1, side1, doc2, side2 = found
    counts = (sum(side1 in s for s in by_doc.values()), sum(side2 in s for s in by_doc.values()))
    return Disagreement(source, target, reason, event_type, first[(doc1, side1)], first[(doc2, side2)], counts)


def disagreements(statements: Iterable[Statement]) -> list[Disagreement]:
    """Every (source, target, reason[, event type]) that two documents describe in opposite ways."""
    by_pair: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for st in sorted(statements, key=lambda s: s.iri):
        by_pair[(st.source, st.target)].append(st)
    out = []
    for (source, target), sts in sorted(by_pair.items()):
        found = _summarise(source, target, OPPOSITE, None, sts,
                           lambda s: 0 if s.polarity > 0 else 1 if s.polarity < 0 else None)
        if found:
            out.append(found)
        modal = {KGO + "Asserted": 0, KGO + "Negated": 1}
        for event_type in sorted({s.event_type for s in sts}):
            found = _summarise(source, target, NEGATED, event_type,
                               [s for s in sts if s.event_type == event_type], lambda s: modal.get(s.modality))
            if found:
                out.append(found)
    return out


def stats_quads(quads: Iterable) -> list:
    """The quads of the statistics graph for the dataset ``quads`` (see the module docstring)."""
    return statistics_quads(interactions(quads))


def statistics_quads(statements: Iterable[Statement]) -> list:
    """The quads of the statistics graph for the interactions ``statements``.

    The interactions of a dataset are those of its document graphs, each complete in its own
    graph (its fields, its sentence and that sentence's document), so the statements of each
    document put together give the same graph as :func:`stats_quads` of the whole dataset.
    """
    import pyoxigraph as ox

    g = ox.NamedNode(STATS_GRAPH)
    integer = ox.NamedNode(XSD + "integer")

    def add(s, name, o):
        out.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(KGO + name),
                           o if not isinstance(o, (int, str)) else
                           ox.Literal(str(o), datatype=integer) if isinstance(o, int) else ox.NamedNode(o), g))

    out: list = []
    statements = sorted(statements, key=lambda st: st.iri)
    for actor, (degree, partners, positive, negative) in sorted(degrees(statements).items()):
        add(actor, "degree", degree)
        add(actor, "partnerCount", partners)
        add(actor, "positiveCount", positive)
        add(actor, "negativeCount", negative)
    for (source, target), members in sorted(dyads(statements).items()):
        node = RES + "stats/dyad/" + short_hash(f"{source} {target}")
        out.append(ox.Quad(ox.NamedNode(node), ox.NamedNode(RDF + "type"), ox.NamedNode(KGO + "Dyad"), g))
        add(node, "dyadSource", source)
        add(node, "dyadTarget", target)
        add(node, "interactionCount", len(members))
        for iri in members:
            add(node, "dyadInteraction", iri)
    for d in disagreements(statements):
        node = RES + "stats/disagreement/" + short_hash(f"{d.source} {d.target} {d.reason} {d.event_type or ''}")
        out.append(ox.Quad(ox.NamedNode(node), ox.NamedNode(RDF + "type"), ox.NamedNode(KGO + "SourceDisagreement"), g))
        add(node, "pairSource", d.source)
        add(node, "pairTarget", d.target)
        add(node, "reason", ox.Literal(d.reason))
        add(node, "firstStatement", d.first.iri)
        add(node, "secondStatement", d.second.iri)
        add(node, "firstSideDocuments", d.sides[0])
        add(node, "secondSideDocuments", d.sides[1])
    return out
