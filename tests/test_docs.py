"""The README tells the truth: every `kg` command it shows exists, and so do the files it names."""

import re
from pathlib import Path

from typer.testing import CliRunner

from graph.cli import _register_optional_commands, app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_in_the_readme_exists():
    _register_optional_commands()
    shown = set(re.findall(r"\bkg ([a-z]+)\b", README)) - {"explorer"}
    registered = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert shown and shown <= registered, shown - registered
    runner = CliRunner()
    for name in sorted(shown):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)


def test_the_readme_opens_with_the_two_fresh_machine_commands():
    fresh = README.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", fresh, re.S)
    assert "kg build seeds/ --out build/" in blocks[0]
    assert "pytest" in blocks[1]
    assert ".venv/bin/python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_files_named_in_the_readme_exist():
    for path in re.findall(r"`((?:graph|ontology|docs|benchmarks|notebooks|scripts|seeds)/[\w./-]+)`", README):
        if "*" in path or "…" in path:
            continue
        assert (ROOT / path).exists(), path
