"""The rdf stage: a processed :class:`~graph.model.Document` as quads of the ``kgo:`` contract.

Each document gets a named graph of its own (its IRI derives from the content hash); actors
go into the actor graph, shared by all documents. Quads are pyoxigraph terms; the store module
sorts and writes them, so the same input always gives byte-identical TriG.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from graph import iris
from graph.iris import DCTERMS, KGO, NIF, OWL, PROV, RDF, RDFS, SEM, SKOS, XSD
from graph.model import Actor, Document

_A = ox.NamedNode(RDF + "type")


_NODES: dict[str, ox.NamedNode] = {}  # predicates, classes, datatypes: made once, not per quad


def N(iri: str) -> ox.NamedNode:  # noqa: N802 - short on purpose, used everywhere below
    node = _NODES.get(iri)
    if node is None:
        node = ox.NamedNode(iri)
        if not iri.startswith(iris.RES) and len(_NODES) < 4096:
            _NODES[iri] = node   # the vocabulary only: per-document IRIs would fill the cache
    return node


def _int(value: int, datatype: str = "integer") -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=N(XSD + datatype))


def decimal_literal(value: float, places: int = 2) -> ox.Literal:
    """An xsd:decimal rounded to ``places``, in the lexical form the store keeps.

    pyoxigraph stores decimals canonically ("0.70" comes back as "0.7", "1.00" as "1"), so
    minting them in that form keeps ``graph.trig`` byte-identical when a dataset is rewritten
    from its store (``kg analyze``).

    >>> [decimal_literal(x).value for x in (0.7, 1.0, 0.0, -0.25, 0.855)]
    ['0.7', '1', '0', '-0.25', '0.85']
    """
    text = f"{float(value):.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return ox.Literal(text, datatype=N(XSD + "decimal"))


def _str(value: str) -> ox.Literal:
    return ox.Literal(_clean(value))


#: What RDF literals cannot carry: unpaired surrogates and the C0 controls but tab, LF and CR.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _clean(value: str) -> str:
    """Drop characters RDF literals cannot carry (unpaired surrogates, most C0 controls)."""
    return _UNCARRIABLE.sub("", value)


def date_literal(value: str) -> ox.Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the precision of an ISO date string."""
    if len(value) == 4:
        return ox.Literal(value, datatype=N(XSD + "gYear"))
    if len(value) == 7:
        return ox.Literal(value, datatype=N(XSD + "gYearMonth"))
    return ox.Literal(value[:10], datatype=N(XSD + "date"))


def _document_agents(doc: Document):
    """(creator actors, publisher actor) of ``doc``; see :func:`graph.extract.claims.document_agents`."""
    from graph.extract.claims import document_agents

    return document_agents(doc)


def document_quads(doc: Document) -> Iterator[ox.Quad]:
    """Every quad of one document's named graph."""
    key = doc.key
    g = N(iris.document_graph(key))
    d = N(iris.document_iri(key))

    def q(s, p, o):
        return ox.Quad(s, N(p), o, g)

    yield q(d, RDF + "type", N(KGO + "Document"))
    yield q(d, RDF + "type", N(NIF + "Context"))
    yield q(d, NIF + "isString", _str(doc.text))
    yield q(d, DCTERMS + "source", _str(doc.source))
    yield q(d, DCTERMS + "identifier", _str(key))
    if doc.title:
        yield q(d, DCTERMS + "title", _str(doc.title))
    creators, publisher = _document_agents(doc)
    for a in creators:
        yield q(d, DCTERMS + "creator", N(iris.actor_iri(a.id)))
    if publisher is not None:
        yield q(d, DCTERMS + "publisher", N(iris.actor_iri(publisher.id)))
    if doc.date:
        yield q(d, DCTERMS + "date", date_literal(doc.date))
    if doc.url:
        yield q(d, KGO + "url", _str(doc.url))
    for s in doc.sentences:
        si = N(iris.sentence_iri(key, s.index))
        yield q(si, RDF + "type", N(KGO + "Sentence"))
        yield q(si, RDF + "type", N(NIF + "Sentence"))
        yield q(si, NIF + "referenceContext", d)
        yield q(si, NIF + "beginIndex", _int(s.start, "nonNegativeInteger"))
        yield q(si, NIF + "endIndex", _int(s.end, "nonNegativeInteger"))
        yield q(si, NIF + "anchorOf", _str(s.text))
    for m in doc.mentions:
        mi = N(f"{iris.mention_iri(key, m.start, m.end)}/{iris.safe_segment(m.actor)}")
        yield q(mi, RDF + "type", N(KGO + "Mention"))
        yield q(mi, KGO + "refersTo", N(iris.actor_iri(m.actor)))
        yield q(mi, KGO + "sentence", N(iris.sentence_iri(key, m.sentence)))
        yield q(mi, NIF + "beginIndex", _int(m.start, "nonNegativeInteger"))
        yield q(mi, NIF + "endIndex", _int(m.end, "nonNegativeInteger"))
        yield q(mi, NIF + "anchorOf", _str(m.text))
        yield q(mi, KGO + "via", _str(m.via))
    events = {e.key: e for e in doc.events}
    for it in doc.interactions:
        ii = N(iris.interaction_iri(key, it.sentence, it.start, it.source, it.target, it.event_type,
                                    it.modality))
        yield q(ii, RDF + "type", N(KGO + "Interaction"))
        yield q(ii, KGO + "source", N(iris.actor_iri(it.source)))
        yield q(ii, KGO + "target", N(iris.actor_iri(it.target)))
        yield q(ii, KGO + "eventType", N(iris.concept_iri(it.event_type)))
        yield q(ii, KGO + "polarity", _int(it.polarity))
        yield q(ii, KGO + "modality", N(KGO + it.modality))
        yield q(ii, PROV + "wasDerivedFrom", N(iris.sentence_iri(key, it.sentence)))
        yield q(ii, KGO + "confidence", decimal_literal(it.confidence))
        yield q(ii, KGO + "trigger", _str(it.trigger))
        yield q(ii, NIF + "beginIndex", _int(it.start, "nonNegativeInteger"))
        yield q(ii, NIF + "endIndex", _int(it.end, "nonNegativeInteger"))
        if it.date:
            yield q(ii, DCTERMS + "date", date_literal(it.date))
            if it.date_source:
                yield q(ii, KGO + "dateSource", N(KGO + it.date_source))
        if it.event and it.event in events:
            yield q(ii, KGO + "partOf", N(iris.event_iri(key, it.event)))
    author = creators[0].id if creators else (publisher.id if publisher is not None else None)
    for c in doc.claims:
        ci = N(iris.claim_iri(key, c.sentence, c.start, c.end, c.claimant))
        yield q(ci, RDF + "type", N(KGO + "Claim"))
        if c.claimant == "AUTHOR":
            # the document's own voice: its creator actor, else its publisher, else the document
            claimant = N(iris.actor_iri(author)) if author else d
        else:
            claimant = N(iris.actor_iri(c.claimant))
        yield q(ci, KGO + "claimant", claimant)
        for a in c.about:
            yield q(ci, KGO + "about", N(iris.actor_iri(a)))
        yield q(ci, KGO + "stance", _int(c.stance))
        yield q(ci, KGO + "modality", N(KGO + c.modality))
        yield q(ci, PROV + "wasDerivedFrom", N(iris.sentence_iri(key, c.sentence)))
        yield q(ci, RDFS + "label", _str(c.label))
        if c.cue:
            yield q(ci, KGO + "cue", _str(c.cue))
    for e in doc.events:
        ei = N(iris.event_iri(key, e.key))
        yield q(ei, RDF + "type", N(KGO + "Event"))
        yield q(ei, RDF + "type", N(SEM + "Event"))
        yield q(ei, RDFS + "label", _str(e.label))
        yield q(ei, KGO + "eventType", N(iris.concept_iri(e.event_type)))
        for p in e.participants:
            yield q(ei, KGO + "participant", N(iris.actor_iri(p)))
        if e.place:
            yield q(ei, KGO + "place", _str(e.place))
        if e.date:
            # a year, month or day; an interval "1980/1989" as its start plus dcterms:temporal
            yield q(ei, DCTERMS + "date", date_literal(e.date.split("/")[0]))
            if "/" in e.date:
                yield q(ei, DCTERMS + "temporal", _str(e.date))
        for s in e.sentences:
            yield q(ei, KGO + "mentionedIn", N(iris.sentence_iri(key, s)))


_TYPE_CLASS = {"Country": "Country", "Organization": "Organization", "Person": "Person", "Group": "Group"}


def actor_quads(actors: Iterable[Actor]) -> Iterator[ox.Quad]:
    """The actor graph: type, labels, ISO code, affiliation and Wikidata link of each actor."""
    g = N(iris.ACTOR_GRAPH)
    for actor in actors:
        a = N(iris.actor_iri(actor.id))
        yield ox.Quad(a, _A, N(KGO + "Actor"), g)
        yield ox.Quad(a, _A, N(KGO + _TYPE_CLASS.get(actor.type, "Organization")), g)
        yield ox.Quad(a, N(RDFS + "label"), _str(actor.label), g)
        yield ox.Quad(a, N(KGO + "key"), _str(actor.id), g)
        for alt in actor.alt_labels:
            yield ox.Quad(a, N(SKOS + "altLabel"), _str(alt), g)
        if actor.iso3:
            yield ox.Quad(a, N(KGO + "iso3"), _str(actor.iso3), g)
        if actor.affiliation:
            yield ox.Quad(a, N(KGO + "affiliation"), N(iris.actor_iri(actor.affiliation)), g)
        if actor.qid:
            yield ox.Quad(a, N(OWL + "sameAs"), N(iris.wikidata_iri(actor.qid)), g)
        if actor.description:
            yield ox.Quad(a, N(RDFS + "comment"), _str(actor.description), g)
