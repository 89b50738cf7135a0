"""``kg export``: a build as Turtle, TriG, N-Quads, JSON-LD, GraphML, GEXF or CSV."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli import app


class ExportFormat(str, Enum):
    ttl = "ttl"
    trig = "trig"
    nq = "nq"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="A folder built by `kg build`.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="ttl (union of all graphs), trig, nq, jsonld (full dataset), graphml, gexf (actor network), csv (interactions).")],
    dest: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: standard output).")] = None,
):
    """Export a build: RDF, the signed actor network (Gephi/Cytoscape) or a CSV of interactions.

    Example: kg export build/ --format gexf --out actors.gexf
    """
    from graph.export import ExportError
    from graph.export import export as run

    try:
        data = run(out, fmt.value, dest)
    except ExportError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    if dest is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        typer.echo(f"wrote {dest}", err=True)
