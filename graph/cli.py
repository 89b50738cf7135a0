"""The ``kg`` command: a thin typer layer; each command calls one library function."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph import __version__

app = typer.Typer(
    name="kg",
    help=(
        "kg-explorer: turn a folder of foreign-policy articles into a signed actor knowledge graph "
        "with sentence provenance.\n\n"
        "Examples:\n\n"
        "  kg build seeds/ --out build/\n\n"
        "  kg query build/ 'SELECT ?s ?t WHERE { ?i a kgo:Interaction ; kgo:source ?s ; kgo:target ?t }'\n\n"
        "  kg actors Baku"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool):
    if value:
        typer.echo(f"kg-explorer {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
):
    """kg-explorer."""


def _err(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt .md .html .htm) or folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("build"),
    actors: Annotated[list[Path], typer.Option("--actors", help="Extra actors (YAML or Turtle), merged over the built-in base.")] = [],  # noqa: B006
    publisher: Annotated[Optional[str], typer.Option(help="Publisher for documents that name none.")] = None,
    no_pages: Annotated[bool, typer.Option("--no-pages", help="Skip the HTML pages.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Remove stored documents whose file is not among PATHS.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extract, and analyse each document, with N local processes (same output as -j 1).")] = 1,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Extract on a Dask cluster: tcp://HOST:8786, or 'local'.")] = None,
    timings: Annotated[bool, typer.Option("--timings", help="Print the seconds each stage took.")] = False,
):
    """Build the knowledge graph of PATHS into OUT (graph.trig, store/, index.html).

    Example: kg build seeds/ --out build/ --actors my-actors.yaml
    """
    from graph.pipeline import build as run_build

    bar = _progress_bar()
    try:
        report = run_build(paths, out, actor_files=actors, publisher=publisher, pages=not no_pages,
                           progress=bar.update if bar else None, prune=prune, jobs=jobs, dask=dask)
    finally:
        if bar:
            bar.close()
    for line in report.skipped:
        _err(line)
    if not report.ok:
        _err("nothing could be built")
        raise typer.Exit(1)
    typer.echo(f"built {len(report.documents)} document(s), {report.actors} actors, "
               f"{report.interactions} interactions, {report.claims} claims, {report.quads} quads -> {out}")
    typer.echo(f"documents: {report.summary()}")
    if timings:
        typer.echo("timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.timings.items()))
        typer.echo("cpu (main thread; store: its loading threads): " + ", ".join(f"{k} {v:.1f} s" for k, v in report.cpu.items()))
    if report.skipped:
        typer.echo(f"skipped {len(report.skipped)} file(s); see the messages above", err=True)


class _Bar:
    """A rich progress bar, shown only on a terminal."""

    def __init__(self):
        from rich.progress import Progress

        self.progress = Progress(transient=True)
        self.task = None
        self.progress.start()

    def update(self, done: int, total: int, name: str) -> None:
        if self.task is None:
            self.task = self.progress.add_task("building", total=total)
        self.progress.update(self.task, completed=done, description=name[:40])

    def close(self):
        self.progress.stop()


def _progress_bar():
    return _Bar() if sys.stderr.isatty() else None


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"


@app.command()
def query(
    out: Annotated[Path, typer.Argument(help="A folder built by `kg build`.")],
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text, or a path to a .rq file.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output for SELECT results.")] = Format.table,
    named: Annotated[Optional[str], typer.Option("--named", help="Run a named query (see `kg queries`).")] = None,
    param: Annotated[list[str], typer.Option("--param", help="NAME=VALUE for a named query.")] = [],  # noqa: B006
    limit: Annotated[int, typer.Option(help="Rows of a named query's answer per page (0: all).")] = 100,
    offset: Annotated[int, typer.Option(help="Rows of a named query's answer to skip (the next page's offset).")] = 0,
    all_rows: Annotated[bool, typer.Option("--all", help="Every row of a named query's answer (same as --limit 0).")] = False,
):
    """Run a SPARQL query over a build (default graph = union of all named graphs).

    A named query's answer comes a page at a time (--limit rows, 100 by default, from --offset);
    when more rows follow, standard error says so and gives the next page's --offset.

    Example: kg query build/ 'SELECT ?label WHERE { ?a a kgo:Country ; rdfs:label ?label }'
    """
    from graph.query import QueryError, run_query_page

    try:
        text, page = run_query_page(out, sparql, fmt=fmt.value, named=named, params=param,
                                    limit=0 if all_rows else limit, offset=offset)
    except QueryError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    if page.more:
        _err(page.note())


@app.command("actors")
def actors_cmd(
    text: Annotated[Optional[str], typer.Argument(help="Part of a name, alias, acronym or key.")] = None,
    actors: Annotated[list[Path], typer.Option("--actors", help="Extra actor files to include.")] = [],  # noqa: B006
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
):
    """List known actors, their aliases and affiliations that match TEXT.

    Example: kg actors Kremlin
    """
    from graph.actors.listing import print_actors

    found = print_actors(text, extra_files=actors, limit=limit)
    if not found:
        raise typer.Exit(1)


def main() -> None:
    if _command_name(sys.argv[1:]) not in _core_commands():
        _register_optional_commands()
    app()


def _register_optional_commands() -> None:
    """Commands whose modules are optional stages register themselves here."""
    from graph import commands  # noqa: F401  (adds analyze, compare, render, serve ... to `app`)


def _core_commands() -> set[str]:
    """The commands this module defines (build, query, actors)."""
    return {info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands}


def _command_name(args: list[str]) -> str | None:
    """The sub-command ``args`` ask for (the first word that is not an option), if any.

    ``kg query ...`` then runs without importing the other commands' modules, which a command
    line run pays for at every start; ``kg --help`` and every other command still see them all.

    >>> _command_name(["query", "build/", "--named", "camps"])
    'query'
    >>> _command_name(["--help"]) is None
    True
    """
    return next((a for a in args if not a.startswith("-")), None)


if __name__ == "__main__":
    # `python -m graph.cli` runs this file as __main__, a second copy of the module: the other
    # commands register on graph.cli.app, so run that one.
    from graph.cli import main as cli_main

    cli_main()
