"""Interaction records and actors read from the dataset, and lifting people to their states.

The analysis never works on RDF directly: :func:`load_records` turns every ``kgo:Interaction``
into an immutable :class:`InteractionRecord` (with its sentence and document), and
:func:`load_actors` reads what is known about each actor into :class:`ActorInfo`.

Examples
--------
>>> from graph.analysis.records import ActorInfo, lift
>>> actors = {
...     "ex:price": ActorInfo("ex:price", "Person", "Ned Price", affiliation="ex:state-dept"),
...     "ex:state-dept": ActorInfo("ex:state-dept", "Organization", "State Department",
...                                affiliation="ex:USA"),
...     "ex:USA": ActorInfo("ex:USA", "Country", "United States", iso3="USA"),
... }
>>> lift("ex:price", actors)
'ex:USA'
"""

from __future__ import annotations

from dataclasses import dataclass

KGO = "https://w3id.org/kg-explorer/ontology#"
RESOURCE = "https://w3id.org/kg-explorer/resource/"

PREFIXES = f"""PREFIX kgo: <{KGO}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

_Q_RECORDS = PREFIXES + """
SELECT ?i ?s ?t ?type ?pol ?mod ?conf ?date ?sent ?text ?doc ?docdate ?pub ?publabel WHERE {
  ?i a kgo:Interaction ; kgo:source ?s ; kgo:target ?t ; kgo:polarity ?pol ; kgo:modality ?mod .
  OPTIONAL { ?i kgo:eventType ?type }
  OPTIONAL { ?i kgo:confidence ?conf }
  OPTIONAL { ?i dcterms:date ?date }
  OPTIONAL { ?i prov:wasDerivedFrom ?sent .
             OPTIONAL { ?sent nif:anchorOf ?text }
             OPTIONAL { ?sent nif:referenceContext ?doc .
                        OPTIONAL { ?doc dcterms:date ?docdate }
                        OPTIONAL { ?doc dcterms:publisher ?pub . OPTIONAL { ?pub rdfs:label ?publabel } } } }
}"""

_Q_ACTORS = PREFIXES + """
SELECT ?a ?type ?label ?iso ?aff WHERE {
  ?a a ?type .
  VALUES ?type { kgo:Country kgo:Organization kgo:Person kgo:Group }
  OPTIONAL { ?a rdfs:label ?label }
  OPTIONAL { ?a kgo:iso3 ?iso }
  OPTIONAL { ?a kgo:affiliation ?aff }
}"""

# The order in which an actor type wins when an IRI carries several.
_TYPE_RANK = {"Country": 0, "Organization": 1, "Group": 2, "Person": 3}


@dataclass(frozen=True, slots=True)
class InteractionRecord:
    """One interaction of the dataset, flattened for analysis.

    Attributes
    ----------
    iri : str
        IRI of the ``kgo:Interaction``.
    source, target : str
        Actor IRIs (not lifted; :func:`graph.analysis.network.signed_network` lifts them).
    event_type : str
        Local name of the event type (``"ACCUSE"``), ``""`` if absent.
    polarity : int
        +1 (cooperation) or -1 (hostility).
    modality : str
        Local name: ``Asserted``, ``Reported``, ``Negated``, ``Hypothetical``, ``Recommended``.
    confidence : float
        Extractor confidence in [0, 1] (1.0 when absent).
    date : str or None
        Lexical form of the interaction's ``dcterms:date`` (``2024-03-05``, ``2024-03``,
        ``2024``), falling back to the document's date.
    document : str or None
        IRI of the source document.
    publisher : str or None
        The document's publisher (its ``rdfs:label`` when it is an IRI with a label).
    sentence : str or None
        IRI of the evidence sentence.
    text : str
        The sentence text (``nif:anchorOf``).
    """

    iri: str
    source: str
    target: str
    event_type: str
    polarity: int
    modality: str
    confidence: float = 1.0
    date: str | None = None
    document: str | None = None
    publisher: str | None = None
    sentence: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the dataset knows about an actor: ``type`` is ``Country``, ``Organization``,
    ``Person`` or ``Group``; ``affiliation`` is the IRI of the actor it acts for."""

    iri: str
    type: str
    label: str
    iso3: str | None = None
    affiliation: str | None = None

    @property
    def key(self) -> str:
        """A short display key: the ISO code, else the label."""
        return self.iso3 or self.label


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[-1]
    return iri


def _value(term) -> str | None:
    return None if term is None else term.value


def load_records(store) -> list[InteractionRecord]:
    """Read every ``kgo:Interaction`` of a pyoxigraph store into records.

    Parameters
    ----------
    store : pyoxigraph.Store
        The dataset; named graphs are queried as one (union default graph).

    Returns
    -------
    list of InteractionRecord
        Sorted by IRI, so the result is deterministic.
    """
    seen: dict[str, InteractionRecord] = {}
    for row in store.query(_Q_RECORDS, use_default_graph_as_union=True):
        iri = row["i"].value
        if iri in seen:  # several sentences / publishers: keep the first, deterministic below
            continue
        try:
            polarity = 1 if int(float(row["pol"].value)) > 0 else -1
        except ValueError:
            continue
        conf = row["conf"]
        publisher = _value(row["publabel"]) or _value(row["pub"])
        seen[iri] = InteractionRecord(
            iri=iri,
            source=row["s"].value,
            target=row["t"].value,
            event_type=_local(row["type"].value) if row["type"] is not None else "",
            polarity=polarity,
            modality=_local(row["mod"].value),
            confidence=float(conf.value) if conf is not None else 1.0,
            date=_value(row["date"]) or _value(row["docdate"]),
            document=_value(row["doc"]),
            publisher=publisher,
            sentence=_value(row["sent"]),
            text=_value(row["text"]) or "",
        )
    return [seen[k] for k in sorted(seen)]


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
_DCTERMS = "http://purl.org/dc/terms/"
_RECORD_FIELDS = {KGO + name: name for name in ("source", "target", "polarity", "modality",
                                               "eventType", "confidence")}
_RECORD_FIELDS.update({_DCTERMS + "date": "date", "http://www.w3.org/ns/prov#wasDerivedFrom": "sentence",
                       _NIF + "anchorOf": "text", _NIF + "referenceContext": "document",
                       _DCTERMS + "publisher": "publisher"})


def document_records(quads) -> list[InteractionRecord]:
    """The records :func:`load_records` reads, from the quads of one document's graph.

    A build makes them where the document is made (each interaction, its sentence and its
    document are in the document's own graph), so the analysis needs no query over the
    whole store. ``publisher`` is the publisher's IRI here: :func:`with_publisher_labels`
    puts its label in, from the actor graph. Sorted by IRI.
    """
    fields: dict[str, dict[str, str]] = {}
    interactions: set[str] = set()
    for q in quads:
        p = q.predicate.value
        if p == _RDF_TYPE:
            if q.object.value == KGO + "Interaction":
                interactions.add(q.subject.value)
        elif p in _RECORD_FIELDS:
            fields.setdefault(q.subject.value, {}).setdefault(_RECORD_FIELDS[p], q.object.value)
    out = []
    for iri in sorted(interactions):
        f = fields.get(iri, {})
        if not all(name in f for name in ("source", "target", "polarity", "modality")):
            continue
        try:
            polarity = 1 if int(float(f["polarity"])) > 0 else -1
        except ValueError:
            continue
        sentence = fields.get(f.get("sentence"), {})
        document = fields.get(sentence.get("document"), {})
        out.append(InteractionRecord(
            iri=iri, source=f["source"], target=f["target"],
            event_type=_local(f["eventType"]) if "eventType" in f else "",
            polarity=polarity, modality=_local(f["modality"]),
            confidence=float(f["confidence"]) if "confidence" in f else 1.0,
            date=f.get("date") or document.get("date"), document=sentence.get("document"),
            publisher=document.get("publisher"), sentence=f.get("sentence"),
            text=sentence.get("text") or ""))
    return out


def with_publisher_labels(records, actors: dict[str, ActorInfo]) -> list[InteractionRecord]:
    """Records from :func:`document_records`, with each publisher IRI replaced by its label
    (as :func:`load_records` gives it), sorted by IRI."""
    from dataclasses import replace

    out = []
    for r in sorted(records, key=lambda r: r.iri):
        info = actors.get(r.publisher) if r.publisher else None
        out.append(replace(r, publisher=info.label) if info is not None else r)
    return out


def load_actors(store) -> dict[str, ActorInfo]:
    """Read actors (``kgo:Country``, ``kgo:Organization``, ``kgo:Person``, ``kgo:Group``).

    Returns
    -------
    dict
        Actor IRI -> :class:`ActorInfo`.
    """
    found: dict[str, dict] = {}
    for row in store.query(_Q_ACTORS, use_default_graph_as_union=True):
        iri = row["a"].value
        typ = _local(row["type"].value)
        info = found.setdefault(iri, {"type": typ, "label": None, "iso3": None, "affiliation": None})
        if _TYPE_RANK.get(typ, 9) < _TYPE_RANK.get(info["type"], 9):
            info["type"] = typ
        for key, col in (("label", "label"), ("iso3", "iso"), ("affiliation", "aff")):
            value = _value(row[col])
            if value is not None and (info[key] is None or value < info[key]):
                info[key] = value
    return {
        iri: ActorInfo(iri, d["type"], d["label"] or _local(iri), d["iso3"], d["affiliation"])
        for iri, d in sorted(found.items())
    }


def lift(actor: str, actors: dict[str, ActorInfo] | None, *, max_depth: int = 4) -> str:
    """The state or IGO an actor acts for.

    Follows ``kgo:affiliation`` (person -> agency -> state) until a ``kgo:Country``, an
    organisation without affiliation (an IGO), or an actor without affiliation is reached.
    Unknown actors, and cycles, return the last actor reached.

    Examples
    --------
    >>> from graph.analysis.records import ActorInfo, lift
    >>> actors = {"p": ActorInfo("p", "Person", "Putin", affiliation="RUS"),
    ...           "RUS": ActorInfo("RUS", "Country", "Russia", iso3="RUS")}
    >>> lift("p", actors), lift("RUS", actors), lift("unknown", actors)
    ('RUS', 'RUS', 'unknown')
    """
    if not actors:
        return actor
    current, seen = actor, {actor}
    for _ in range(max_depth):
        info = actors.get(current)
        if info is None or info.type == "Country" or not info.affiliation:
            return current
        nxt = info.affiliation
        if nxt in seen:
            return current
        seen.add(nxt)
        current = nxt
    return current


def label_of(actor: str, actors: dict[str, ActorInfo] | None) -> str:
    """Display name of an actor: ISO code for countries, else its label, else the IRI's tail."""
    info = (actors or {}).get(actor)
    if info is None:
        return _local(actor)
    return info.iso3 or info.label
