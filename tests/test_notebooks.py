"""The notebooks in notebooks/ run headless from top to bottom, and are stored without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def _read(path: Path):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is needed to read the notebooks")
    return nbformat.read(path, as_version=4)


def test_both_notebooks_are_here():
    assert {p.name for p in NOTEBOOKS} >= {"explore.ipynb", "compare-sources.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped(path):
    for cell in _read(path).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: strip outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path):
    nbclient = pytest.importorskip("nbclient", reason="nbclient (dev extra) runs the notebooks")
    pytest.importorskip("ipykernel", reason="ipykernel (dev extra) is the notebooks' kernel")
    pytest.importorskip("pandas", reason="pandas (notebook extra) is used by the notebooks")
    nb = _read(path)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # the inline network drawing rendered
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "text/html" in o.get("data", {}) and "<iframe" in o["data"]["text/html"]]
    assert html or path.name != "explore.ipynb"
