"""SPARQL query results: formats, content negotiation and serialisation.

Shared by ``kg query`` (``graph.query``) and ``kg serve`` (``graph.serve``), and kept apart from
the server so that a query from the command line does not import an HTTP server.
SELECT solutions go out as SPARQL JSON, XML, CSV or TSV; ASK as JSON or XML; CONSTRUCT and
DESCRIBE graphs as Turtle, N-Triples or JSON-LD.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# Media types, by result kind; the first of each kind is the default.
RESULT_TYPES = {
    "json": ["application/sparql-results+json", "application/json"],
    "xml": ["application/sparql-results+xml", "application/xml", "text/xml"],
    "csv": ["text/csv"],
    "tsv": ["text/tab-separated-values"],
}
GRAPH_TYPES = {
    "turtle": ["text/turtle", "application/x-turtle"],
    "ntriples": ["application/n-triples", "text/plain"],
    "jsonld": ["application/ld+json"],
}
FORMS = {"select": ["json", "xml", "csv", "tsv"], "ask": ["json", "xml"],
         "graph": ["turtle", "ntriples", "jsonld"]}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an ``Accept`` header with their q-values, best first (q=0 dropped)."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            # More specific ranges win ties: exact type, then type/*, then */*.
            ranges.append((media, q, -media.count("*"), -i))
    ranges.sort(key=lambda r: (r[1], r[2], r[3]), reverse=True)
    return [(m, q) for m, q, _, _ in ranges]


def negotiate(form: str, accept: str | None, fmt: str | None = None) -> tuple[str, str] | None:
    """The (format, media type) to answer a ``form`` query with, or ``None`` (406).

    >>> negotiate("select", "text/csv;q=0.5, application/sparql-results+xml")
    ('xml', 'application/sparql-results+xml')
    >>> negotiate("graph", "application/sparql-results+json") is None
    True
    """
    table = GRAPH_TYPES if form == "graph" else RESULT_TYPES
    allowed = FORMS[form]
    if fmt:
        return (fmt, table[fmt][0]) if fmt in allowed else None
    for media, _q in parse_accept(accept):
        for name in allowed:
            for media_type in table[name]:
                if media == media_type or media == "*/*" or (
                        media.endswith("/*") and media_type.startswith(media[:-1])):
                    return name, table[name][0]
    return None


# --------------------------------------------------------------------------- serialisation

def _term_json(term) -> dict:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:  # plain literals carry no datatype (RDF 1.0 style)
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                        "predicate": _term_json(term.predicate),
                                        "object": _term_json(term.object)}}


def _term_xml(term) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "Literal":
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _term_tsv(term) -> str:
    # pyoxigraph writes terms in N-Triples syntax, plain literals as "x" (never "x"^^xsd:string).
    return "" if term is None else str(term)


def serialize_select(variables: list[str], rows: list, fmt: str, truncated: bool = False,
                     next_offset: int | None = None) -> bytes:
    """SELECT solutions (pyoxigraph ``QuerySolution`` objects) in a SPARQL results format.

    ``truncated`` and ``next_offset`` (where the next page of a named query starts) are added
    to SPARQL JSON as top-level keys beside ``head`` and ``results``.
    """
    if fmt == "json":
        doc = {"head": {"vars": variables}, "results": {"bindings": [
            {v: _term_json(row[v]) for v in variables if row[v] is not None} for row in rows]}}
        if truncated:
            doc["truncated"] = True
        if next_offset is not None:
            doc["next_offset"] = next_offset
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
        parts.append("</head>\n<results>")
        for row in rows:
            parts.append("<result>" + "".join(
                f"<binding name={quoteattr(v)}>{_term_xml(row[v])}</binding>"
                for v in variables if row[v] is not None) + "</result>")
        parts.append("</results>\n</sparql>\n")
        return "\n".join(parts).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if row[v] is None else row[v].value for v in variables])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join(_term_tsv(row[v]) for v in variables) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(fmt)


def serialize_ask(value: bool, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode("utf-8")


def serialize_graph(triples: list, fmt: str) -> bytes:
    import pyoxigraph as ox

    from graph.iris import PREFIXES

    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
    kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "jsonld") else {}
    return ox.serialize(triples, format=formats[fmt], **kwargs) or b""
