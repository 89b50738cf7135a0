"""``kg validate``: the seeds build conforms to the data contract; a corrupted one does not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph import store
from graph.validate import format_report, validate
from test_queries import write_contract_dataset

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KGO = "https://w3id.org/kg-explorer/ontology#"


def _cli(*args):
    from graph.cli import _register_optional_commands, app

    _register_optional_commands()
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("seeds")
    assert build([SEEDS], out, pages=False).ok
    return out


def test_seeds_build_validates_clean(seeds_build):
    result = _cli("validate", str(seeds_build))
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def _corrupt(out: Path) -> None:
    """Set one interaction's polarity to 0, which the contract forbids (1 or -1)."""
    quads = store.all_quads(out)
    polarity = ox.NamedNode(KGO + "polarity")
    victim = next(q for q in quads if q.predicate == polarity)
    zero = ox.Literal("0", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    quads = [q for q in quads if q != victim] + [ox.Quad(victim.subject, polarity, zero, victim.graph_name)]
    store.write_dataset(out, quads)


def test_corrupted_dataset_reports_the_violation(tmp_path):
    out = tmp_path / "build"
    write_contract_dataset(out)
    _corrupt(out)
    report = validate(out)
    assert not report.conforms
    polarity = [v for v in report.violations if v.path == "kgo:polarity"]
    assert len(polarity) == 1 and polarity[0].value == "'0'"
    assert "1 or -1" in polarity[0].message
    result = _cli("validate", str(out))
    assert result.exit_code == 1
    assert "kgo:polarity" in result.output and "does not conform" in result.output
    assert "focus node" in format_report(report)


def test_missing_dataset_is_a_clear_error(tmp_path):
    result = _cli("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "no dataset" in result.output
