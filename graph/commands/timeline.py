"""``kg timeline DIR A B``: the dated events and interactions of an actor pair, with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli import app

_QUERY = """
SELECT ?date ?kind ?what ?direction ?polarity ?modality ?dateSource ?event ?evidence WHERE {
  {
    { ?x kgo:source $a ; kgo:target $b . BIND("a->b" AS ?direction) }
    UNION
    { ?x kgo:source $b ; kgo:target $a . BIND("b->a" AS ?direction) }
    ?x a kgo:Interaction ; kgo:eventType ?type ; kgo:polarity ?polarity ; kgo:modality ?mod ;
       prov:wasDerivedFrom ?sentence .
    BIND(REPLACE(STR(?mod), "^.*#", "") AS ?modality)
    ?sentence nif:anchorOf ?evidence ; nif:referenceContext ?doc .
    OPTIONAL { ?x dcterms:date ?own }
    OPTIONAL { ?x kgo:dateSource ?dateSource }
    OPTIONAL { ?doc dcterms:date ?docDate }
    OPTIONAL { ?x kgo:partOf ?ev . ?ev rdfs:label ?event }
    BIND(COALESCE(?own, ?docDate) AS ?date)
    BIND("interaction" AS ?kind)
    BIND(REPLACE(STR(?type), "^.*#", "") AS ?what)
  } UNION {
    ?x a kgo:Event ; kgo:participant $a, $b ; rdfs:label ?event ; kgo:eventType ?type ;
       kgo:mentionedIn ?sentence .
    ?sentence nif:anchorOf ?evidence .
    OPTIONAL { ?x dcterms:date ?date }
    BIND("event" AS ?kind)
    BIND(REPLACE(STR(?type), "^.*#", "") AS ?what)
  }
}
ORDER BY ?date ?kind
"""


def pair_timeline(out_dir: str | Path, a: str, b: str) -> list[dict]:
    """Rows of the pair's timeline: date, kind (event/interaction), type, direction, modality,
    evidence.

    ``a`` and ``b`` are actor keys ("IRN") or IRIs. Undated rows come first.
    """
    from graph import store
    from graph.iris import actor_iri, sparql_prefixes

    def term(x: str) -> str:
        return f"<{x}>" if x.startswith("http") else f"<{actor_iri(x)}>"

    sparql = sparql_prefixes() + _QUERY.replace("$a", term(a)).replace("$b", term(b))
    rows = store.select_rows(Path(out_dir), sparql)
    seen, out = set(), []
    for r in rows:
        key = (r.get("kind"), r.get("what"), r.get("direction"), r.get("evidence"), r.get("event"))
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


@app.command()
def timeline(
    out_dir: Annotated[Path, typer.Argument(help="A built dataset (the --out folder of kg build).")],
    a: Annotated[str, typer.Argument(help="First actor key, e.g. IRN.")],
    b: Annotated[str, typer.Argument(help="Second actor key, e.g. AZE.")],
):
    """The timeline of actor pair A, B: events and interactions, dated, with evidence.

    Example: kg timeline build/ IRN AZE
    """
    rows = pair_timeline(out_dir, a, b)
    if not rows:
        typer.echo(f"nothing between {a} and {b}")
        return
    for r in rows:
        date = r.get("date") or "????"
        if r.get("kind") == "event":
            head = f"EVENT {r.get('event')} ({r.get('what')})"
        else:
            pol = r.get("polarity", "")
            src = r.get("dateSource", "").rsplit("#", 1)[-1]
            head = f"{r.get('direction')} {r.get('what')} {pol} {r.get('modality', '')}" \
                + (f" [{src}]" if src else "") \
                + (f" part of {r.get('event')}" if r.get("event") else "")
        evidence = " ".join((r.get("evidence") or "").split())
        typer.echo(f"{date:<10}  {head}\n            {evidence[:160]}")
