"""Namespaces of the data contract and deterministic, safe IRI minting.

Every IRI is a pure function of its inputs (a document's content hash, a sentence index, an
actor key), so building the same inputs twice gives the same IRIs, and any string — however
hostile — becomes a valid IRI.

>>> actor_iri("AZE")
'https://w3id.org/kg-explorer/resource/actor/AZE'
>>> actor_iri("person/Ned Price")
'https://w3id.org/kg-explorer/resource/actor/person/Ned%20Price'
>>> slug("Three Brothers 2021 exercise")
'three-brothers-2021-exercise'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

KGO = "https://w3id.org/kg-explorer/ontology#"
RES = "https://w3id.org/kg-explorer/resource/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {
    "kgo": KGO,
    "res": RES,
    "nif": NIF,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "owl": OWL,
    "xsd": XSD,
    "sem": SEM,
    "wd": WD,
}

ACTOR_GRAPH = RES + "graph/actors"
ANALYSIS_GRAPH = RES + "graph/analysis"
ONTOLOGY_GRAPH = RES + "graph/ontology"
STATS_GRAPH = RES + "graph/stats"

# Characters kept as they are in an IRI path segment; everything else is percent-encoded.
_SAFE = "/-_.~"


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, for queries users write."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def short_hash(text: str, length: int = 12) -> str:
    """A stable hexadecimal digest of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def slug(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII slug of ``text``; a hash where nothing readable is left.

    >>> slug("Nagorno-Karabakh")
    'nagorno-karabakh'
    >>> slug("Élysée Palace")
    'elysee-palace'
    >>> len(slug("\\u0637\\u0647\\u0631\\u0627\\u0646"))  # no Latin letters: a hash
    12
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_length].strip("-")
    return out or short_hash(text)


@lru_cache(maxsize=65536)
def safe_segment(key: str) -> str:
    """Percent-encode ``key`` so that it is a valid IRI path (``/`` kept as a separator).

    Cached: the same document key and actor keys are encoded for every quad of a document.
    """
    cleaned = "".join(ch for ch in key if unicodedata.category(ch)[0] != "C")
    return quote(cleaned, safe=_SAFE) or short_hash(key)


def actor_iri(key: str) -> str:
    return RES + "actor/" + safe_segment(key)


def actor_key(iri: str) -> str:
    """Inverse of :func:`actor_iri` for IRIs minted by it."""
    from urllib.parse import unquote

    return unquote(iri[len(RES + "actor/"):]) if iri.startswith(RES + "actor/") else iri


def document_iri(doc_key: str) -> str:
    return RES + "doc/" + safe_segment(doc_key)


def document_graph(doc_key: str) -> str:
    return RES + "graph/doc/" + safe_segment(doc_key)


def sentence_iri(doc_key: str, index: int) -> str:
    return f"{document_iri(doc_key)}/sentence/{index}"


def mention_iri(doc_key: str, start: int, end: int) -> str:
    return f"{document_iri(doc_key)}/mention/{start}-{end}"


def interaction_iri(doc_key: str, *parts: object) -> str:
    return f"{document_iri(doc_key)}/interaction/{short_hash('|'.join(map(str, parts)))}"


def claim_iri(doc_key: str, *parts: object) -> str:
    return f"{document_iri(doc_key)}/claim/{short_hash('|'.join(map(str, parts)))}"


def event_iri(doc_key: str, event_key: str) -> str:
    return f"{document_iri(doc_key)}/event/{safe_segment(event_key)}"


def concept_iri(name: str) -> str:
    """The event-type concept ``kgo:NAME``."""
    return KGO + safe_segment(name)


def wikidata_iri(qid: str) -> str:
    return WD + safe_segment(qid)
