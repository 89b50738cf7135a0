"""``kg timeline DIR A B``: the dated events and interactions of an actor pair, with evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli import app


@app.command()
def timeline(
    out_dir: Annotated[Path, typer.Argument(help="A built dataset (the --out folder of kg build).")],
    a: Annotated[str, typer.Argument(help="First actor key, e.g. IRN.")],
    b: Annotated[str, typer.Argument(help="Second actor key, e.g. AZE.")],
):
    """The timeline of actor pair A, B: events and interactions, dated, with evidence.

    Example: kg timeline build/ IRN AZE   (the named query pair-events-timeline, see `kg queries`)
    """
    from graph.query import QueryError, pair_events_timeline
    from graph.store import StoreMissing

    try:
        rows = pair_events_timeline(out_dir, a, b)
    except (QueryError, StoreMissing) as exc:
        typer.echo(f"kg timeline: {exc}", err=True)
        raise typer.Exit(1) from None
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
