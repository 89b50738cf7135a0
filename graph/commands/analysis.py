"""``kg analyze`` and ``kg compare``: camps, clusters and source disagreements of a build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.cli import app


def _weak_weights(weak: bool) -> dict[str, float]:
    from graph.analysis.network import WEAK_MODALITY_WEIGHTS

    return dict(WEAK_MODALITY_WEIGHTS) if weak else {}


@app.command()
def analyze(
    out: Annotated[Path, typer.Argument(help="A folder built by `kg build`.")],
    by: Annotated[Optional[str], typer.Option(help="Also per document, publisher, month, quarter or year.")] = None,
    lift: Annotated[bool, typer.Option(help="Lift people and agencies to the state or IGO they act for.")] = True,
    view: Annotated[str, typer.Option(help="factual (asserted/reported), advocacy (recommended) or hypothetical.")] = "factual",
    resolution: Annotated[float, typer.Option(help="Louvain resolution of the alignment clusters.")] = 1.0,
    document: Annotated[Optional[list[str]], typer.Option(
        help="Only these documents (IRI, or its source path/file name); repeatable.")] = None,
    publisher: Annotated[Optional[list[str]], typer.Option(help="Only these publishers; repeatable.")] = None,
    start: Annotated[Optional[str], typer.Option(help="Only interactions dated from (2024, 2024-03, 2024-03-05).")] = None,
    end: Annotated[Optional[str], typer.Option(help="Only interactions dated up to (inclusive).")] = None,
    event_type: Annotated[Optional[list[str]], typer.Option(help="Only these event types (ACCUSE, ...); repeatable.")] = None,
    camps: Annotated[Optional[int], typer.Option(help="Fix the most camps per component (default: chosen).")] = None,
    weak: Annotated[bool, typer.Option(
        help="Also count hypothetical/recommended ties (1/4) for pairs with no factual tie.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    write: Annotated[bool, typer.Option(help="Write the result back as the analysis graph.")] = True,
):
    """Rerun the signed-balance analysis of a build and print it.

    Example: kg analyze build/ --by month --format json
    """
    from graph.analysis.commands import analyze as run, print_report, report_to_json, resolve_documents

    try:
        documents = resolve_documents(out, document) if document else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--document") from None
    report = run(out, write=write, by=by, lift=lift, view=view, resolution=resolution,
                 documents=documents, publishers=publisher or None, start=start, end=end,
                 event_types=event_type or None, k=camps, weak_weights=_weak_weights(weak))
    if fmt == "json":
        typer.echo(json.dumps(report_to_json(report), indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        print_report(report, Console(width=160))


@app.command()
def compare(
    out: Annotated[Path, typer.Argument(help="A folder built by `kg build`.")],
    by: Annotated[str, typer.Option(help="Compare per document or per publisher.")] = "document",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
):
    """List where sources disagree: a pair one source calls cooperative and another hostile, an
    actor placed in different camps — each with the sentences behind both sides.

    Example: kg compare build/
    """
    from graph.analysis.commands import compare_sources, comparison_to_json, print_comparison

    comparison = compare_sources(out, by=by)
    if fmt == "json":
        typer.echo(json.dumps(comparison_to_json(comparison), indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        print_comparison(comparison, Console(width=160))
