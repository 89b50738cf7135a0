"""``kg queries``, ``kg serve``, ``kg push`` and ``kg validate``: the dataset as a service."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli import app

_DIR = typer.Argument(help="A folder built by `kg build`.")


@app.command("queries")
def queries_cmd():
    """List the named queries and their parameters.

    Example: kg query build/ --named pair-interactions --param a=IRN --param b=AZE
    """
    from graph.query import format_named_queries

    typer.echo(format_named_queries())


@app.command()
def serve(
    out: Annotated[Path, _DIR],
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0 picks a free one).")] = 8321,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run before it is stopped (503).")] = 10.0,
    limit: Annotated[int, typer.Option(help="Most result rows or triples returned (more are cut).")] = 10_000,
    workers: Annotated[int, typer.Option(help="Queries that may run at the same time.")] = 2,
    memory: Annotated[bool, typer.Option(help="Copy the store into memory in each worker at start: "
                                         "faster queries, at the copy's memory per worker.")] = False,
):
    """Serve OUT's pages and a read-only SPARQL endpoint at /sparql.

    Example: kg serve build/ --port 8321   then open http://127.0.0.1:8321/sparql
    """
    from graph.serve import serve as run_serve
    from graph.store import StoreMissing

    try:
        run_serve(out, host=host, port=port, timeout=timeout, limit=limit, workers=workers, memory=memory)
    except (StoreMissing, OSError) as exc:
        typer.echo(f"kg serve: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def push(
    out: Annotated[Path, _DIR],
    endpoint: Annotated[Optional[str], typer.Option(help="SPARQL 1.1 Update endpoint URL.")] = None,
    graph_store: Annotated[Optional[str], typer.Option("--graph-store", help="Graph Store Protocol URL (graphs are PUT there).")] = None,
    user: Annotated[Optional[str], typer.Option(help="User for HTTP basic auth; the password is read from $KG_PUSH_PASSWORD.")] = None,
    batch: Annotated[int, typer.Option(help="Triples per INSERT DATA request.")] = 5000,
):
    """Write OUT's dataset, graph by graph, to a SPARQL 1.1 server (each graph is replaced).

    Example: kg push build/ --endpoint http://localhost:7878/update --graph-store http://localhost:7878/store
    """
    from graph.push import PushError
    from graph.push import push as run_push
    from graph.store import StoreMissing

    auth = f"{user}:{os.environ.get('KG_PUSH_PASSWORD', '')}" if user else None
    try:
        report = run_push(out, endpoint, graph_store=graph_store, batch=batch, auth=auth)
    except (PushError, StoreMissing) as exc:
        typer.echo(f"kg push: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"pushed {report.triples} triples in {len(report.graphs)} graph(s) with {report.requests} request(s)")


@app.command()
def validate(
    out: Annotated[Path, _DIR],
    strict: Annotated[bool, typer.Option(help="Also check span texts against the document text (slow).")] = False,
):
    """Check OUT against the data contract (SHACL shapes in ontology/shapes.ttl); exit 1 on violations.

    Example: kg validate build/
    """
    from graph.store import StoreMissing
    from graph.validate import format_report
    from graph.validate import validate as run_validate

    try:
        report = run_validate(out, strict=strict)
    except StoreMissing as exc:
        typer.echo(f"kg validate: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(format_report(report), nl=False)
    if not report.conforms:
        raise typer.Exit(1)
