"""``kg render DIR``: regenerate the explorer pages of a build without re-extracting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.cli import app


@app.command()
def render(out: Annotated[Path, typer.Argument(help="A folder built by `kg build`.")]):
    """Write the explorer pages of OUT (index.html, actor/, document/, camps, claims, timeline, compare).

    Example: kg render build/
    """
    from graph.render import render_site
    from graph.store import StoreMissing

    try:
        written = render_site(out)
    except StoreMissing as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {len(written)} file(s) -> {out / 'index.html'}")
