"""Actors given as Turtle (the same ``kgo:`` terms the actor graph uses), for ``--actors FILE.ttl``.

Every subject typed ``kgo:Country``, ``kgo:Organization``, ``kgo:Person`` or ``kgo:Group``
becomes an entry: ``kgo:key`` (else the IRI's last part) is its key, ``rdfs:label`` its name,
``skos:altLabel`` its other names, ``kgo:iso3``, ``kgo:affiliation`` and ``owl:sameAs`` a
Wikidata entity as in the built-in base.
"""

from __future__ import annotations

from pathlib import Path

from graph.actors.kb import Entry, KnowledgeBaseError
from graph.iris import KGO, OWL, RDF, RDFS, RES, SKOS, WD, actor_key
from graph.model import Actor

_TYPES = {KGO + t: t for t in ("Country", "Organization", "Person", "Group")}


def entries_from_turtle(path: Path) -> list[Entry]:
    """Entries of a Turtle file of actors; raises KnowledgeBaseError naming the file."""
    import pyoxigraph as ox

    try:
        with open(path, "rb") as fh:
            triples = list(ox.parse(fh, format=ox.RdfFormat.TURTLE, base_iri=RES + "actor/"))
    except (OSError, SyntaxError, ValueError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read actors: {exc}") from exc
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    entries = []
    for subject, props in sorted(by_subject.items()):
        types = [_TYPES[o.value] for o in props.get(RDF + "type", []) if o.value in _TYPES]
        if not types:
            continue
        key = props[KGO + "key"][0].value if KGO + "key" in props else actor_key(subject).rsplit("#", 1)[-1]
        label = props[RDFS + "label"][0].value if RDFS + "label" in props else key
        names = sorted(o.value for o in props.get(SKOS + "altLabel", []))
        iso3 = props[KGO + "iso3"][0].value if KGO + "iso3" in props else None
        affiliation = actor_key(props[KGO + "affiliation"][0].value) if KGO + "affiliation" in props else None
        qids = [o.value[len(WD):] for o in props.get(OWL + "sameAs", []) if o.value.startswith(WD)]
        actor = Actor(id=key, type=types[0], label=label, iso3=iso3, affiliation=affiliation,
                      qid=qids[0] if qids else None)
        entry = Entry(actor=actor, names=names, source=str(path))
        actor.alt_labels = list(names)
        entries.append(entry)
    return entries
