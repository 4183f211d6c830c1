"""`python -m explainer execute`: every failing cell in a few lines, user errors in one."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from commands import run


def notebook(path: Path, *sources: str) -> Path:
    node = nbformat.v4.new_notebook()
    node.cells = [nbformat.v4.new_markdown_cell("# A title", id="m")] + [
        nbformat.v4.new_code_cell(source, id=f"c{n}") for n, source in enumerate(sources)
    ]
    nbformat.write(node, path)
    return path


def test_every_failing_cell_is_reported_and_nothing_saved(tmp_path):
    path = notebook(
        tmp_path / "broken.ipynb",
        "total = 1",
        "\n# a comment first\n1 / 0",
        "print(total)",
        "undefined_name + 1",
    )
    before = path.read_bytes()
    result = run("execute", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{path}: 2 cells fail, not saved:",
        "  cell 3 (# a comment first): ZeroDivisionError: division by zero",
        "  cell 5 (undefined_name + 1): NameError: name 'undefined_name' is not defined",
    ]
    assert path.read_bytes() == before


def test_a_notebook_that_runs_is_saved_with_its_outputs(tmp_path):
    path = notebook(tmp_path / "fine.ipynb", "print(6 * 7)")
    result = run("execute", str(path))
    assert (result.returncode, result.stdout) == (0, f"{path}: executed and saved\n")
    (cell,) = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert cell.outputs[0]["text"] == "42\n"


def test_a_missing_notebook_is_one_line(tmp_path):
    result = run("execute", str(tmp_path / "missing.ipynb"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{tmp_path / 'missing.ipynb'}: not found: give a notebook")


@pytest.mark.parametrize(
    "content", ["not json {", "[]", "{}", '{"nbformat": 9, "nbformat_minor": 0}']
)
def test_a_file_that_is_no_notebook_is_one_line(tmp_path, content):
    path = tmp_path / "garbage.ipynb"
    path.write_text(content, encoding="utf-8")
    result = run("execute", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"{path}: not a readable notebook: ")
