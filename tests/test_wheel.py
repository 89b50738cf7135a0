"""The wheel ships the ontology, the knowledge base, the lexicons, the named queries and templates."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the source tree")
    pytest.importorskip("build", reason="the `build` package (dev extra) builds the wheel")
    pytest.importorskip("hatchling", reason="hatchling (dev extra) is the build backend")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True)
    return next(out.glob("kg_explorer-*.whl"))


def test_wheel_ships_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("graph/ontology/kgo.ttl", "graph/ontology/event-types.ttl", "graph/ontology/shapes.ttl",
                     "graph/ontology/actors/countries.yaml", "graph/ontology/actors/people.yaml",
                     "graph/ontology/lexicon/events.yaml", "graph/ontology/lexicon/modality.yaml",
                     "graph/cli.py"):
        assert required in names, required
    assert any(n.startswith("graph/queries/") and n.endswith(".rq") for n in names)
    assert any(n.startswith("graph/render/templates/") for n in names)


def test_wheel_declares_the_kg_command(wheel):
    with zipfile.ZipFile(wheel) as z:
        entry_points = next(n for n in z.namelist() if n.endswith("entry_points.txt"))
        assert "kg = graph.cli:main" in z.read(entry_points).decode()
