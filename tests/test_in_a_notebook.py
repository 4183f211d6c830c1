"""The engine's errors in a kernel (explainer/in_a_notebook.py, issue 20 §3 and §6): a notebook
away from its package says once where it looked and what to do, and nothing after; a notebook
older than its package says to make it anew."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from explainer.cli import main
from explainer.publish.execute import run_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "korea-us-consultations.ipynb"
DATA = ROOT / "data" / "korea-us-consultations"


def ran(path: Path):
    """The notebook at `path` run in a fresh kernel, every cell even after one fails."""
    notebook = nbformat.read(path, as_version=4)
    run_notebook(notebook, path, timeout=120)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def test_a_notebook_copied_away_from_its_package_says_so_once(tmp_path):
    copied = tmp_path / "Downloads" / NOTEBOOK.name
    copied.parent.mkdir()
    shutil.copy(NOTEBOOK, copied)
    setup, *later = ran(copied)
    (error,) = setup.outputs
    assert error.output_type == "error" and error.ename == "PackageError"
    (line,) = error.traceback  # the message alone, no traceback through the engine
    looked = tmp_path / "data" / "korea-us-consultations"
    assert line == (
        "The package is not where this notebook looks for it: ../data/korea-us-consultations "
        f"from the notebook's folder, that is {looked}. Keep the notebook in the project's "
        "notebooks/ folder, beside data/, or change the folder named in load_package(...) in "
        "this cell to the package's folder, then run the cell again."
    )
    assert later and all(cell.outputs == [] for cell in later)  # no NameError, nothing at all


def test_the_cells_run_again_once_a_package_loads(tmp_path):
    """The reader puts the package where the notebook looks and runs the loading cell again."""
    node = nbformat.v4.new_notebook()
    load = 'from explainer.package import load_package\npackage = load_package("data/k")'
    node.cells = [
        nbformat.v4.new_code_cell(load, id="load"),
        nbformat.v4.new_code_cell("print('held')", id="held"),
        nbformat.v4.new_code_cell(f"import shutil\nshutil.copytree({str(DATA)!r}, 'data/k')"),
        nbformat.v4.new_code_cell(load, id="again"),
        nbformat.v4.new_code_cell("print(package.article.headline[:4])", id="runs"),
    ]
    path = tmp_path / "lesson.ipynb"
    nbformat.write(node, path)
    first, held, copy, again, runs = ran(path)
    assert [o.output_type for o in first.outputs] == ["error"]
    assert held.outputs == [] and copy.outputs == []  # held: the copy did not happen here
    assert [o.output_type for o in again.outputs] == ["error"]
    assert runs.outputs == [] and not (tmp_path / "data").exists()
    # Only a cell that loads a package runs while held: so the reader's own fix is one.
    node.cells[2].source = f"{node.cells[2].source}\npackage = load_package('data/k')"
    nbformat.write(node, path)
    first, held, copy, again, runs = ran(path)
    assert copy.outputs == [] and again.outputs == []
    assert runs.outputs[0]["text"] == "Will\n"


@pytest.fixture
def stale(tmp_path) -> Path:
    """The stored notebook and its package, laid out as in the project, with a claim the
    notebook shows deleted from the package since (and from the one table naming it)."""
    folder = tmp_path / "data" / DATA.name
    shutil.copytree(DATA, folder)
    for name in ("claims.csv", "takeaway_support.csv"):
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(x for x in lines if "c_tentative_tuesday" not in x), "utf-8")
    notebook = tmp_path / "notebooks" / NOTEBOOK.name
    notebook.parent.mkdir()
    shutil.copy(NOTEBOOK, notebook)
    assert "c_tentative_tuesday" in notebook.read_text(encoding="utf-8")
    return notebook


def test_execute_on_a_notebook_older_than_its_package_says_to_make_it_anew(
    stale, capsys, monkeypatch
):
    monkeypatch.chdir(stale.parents[1])
    before = stale.read_bytes()
    assert main(["execute", "notebooks/" + stale.name]) == 1
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == (
        f"notebooks/{stale.name}: it names records its package no longer has, as it was made "
        "from an earlier version of the package: make it anew with "
        "`python -m explainer notebook data/korea-us-consultations`"
    )
    assert stale.read_bytes() == before
    cells = json.loads(before)["cells"]
    assert not [o for c in cells for o in c.get("outputs", []) if o["output_type"] == "error"]
