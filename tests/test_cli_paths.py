"""A wrong path given to any command: one line saying what was expected and where it was looked
for, never the system's "[Errno 2]" or "[Errno 21]" (issue 20 §3)."""

from __future__ import annotations

import pytest

from explainer.cli import main

NOTEBOOK = "notebooks/korea-us-consultations.ipynb"
PACKAGE_COMMANDS = [
    ["validate", "{}"],
    ["notebook", "{}"],
    ["fix-offsets", "{}"],
    ["upgrade", "{}"],
    ["export", "{}", "--to", "timelinejs"],
    ["import-annotations", "annotations.json", "{}"],
]
NOTEBOOK_COMMANDS = [["execute", "{}"], ["slides", "{}"], ["handout", "{}"], ["worksheet", "{}"]]


def said(argv: list[str], path: str, capsys) -> str:
    """The one line a command prints, on stderr, for `path`; it must fail and change nothing."""
    capsys.readouterr()
    assert main([arg.format(path) for arg in argv]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1, err
    assert "Errno" not in err and "Traceback" not in err
    return err.strip()


@pytest.fixture
def in_a_folder(tmp_path, monkeypatch):
    """A terminal in an empty folder, but for a file of annotations and a notebook-less folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "annotations.json").write_text("[]", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "a-file.txt").write_text("text", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("argv", PACKAGE_COMMANDS, ids=lambda a: a[0])
def test_a_package_folder_not_there_says_where_it_was_looked_for(argv, in_a_folder, capsys):
    line = said(argv, "data/korea-us-consultation", capsys)
    assert line.startswith("data/korea-us-consultation: not found (looked for ")
    assert str(in_a_folder / "data" / "korea-us-consultation") in line
    assert "give a package's folder (one that holds datapackage.json" in line


@pytest.mark.parametrize("argv", PACKAGE_COMMANDS, ids=lambda a: a[0])
def test_a_file_or_a_folder_with_no_package_is_not_a_package_folder(argv, in_a_folder, capsys):
    assert said(argv, "a-file.txt", capsys).startswith("a-file.txt: is a file, not a folder: give")
    line = said(argv, "empty", capsys)
    assert line.startswith(f"empty: holds no datapackage.json (looked in {in_a_folder / 'empty'})")


@pytest.mark.parametrize("argv", NOTEBOOK_COMMANDS, ids=lambda a: a[0])
def test_a_notebook_not_there_says_where_it_was_looked_for(argv, in_a_folder, capsys):
    line = said(argv, "notebooks/korea.ipynb", capsys)
    assert line == (
        f"notebooks/korea.ipynb: not found (looked for {in_a_folder / 'notebooks/korea.ipynb'}): "
        f"give a notebook file (.ipynb), such as notebooks/my-article.ipynb"
    )


@pytest.mark.parametrize("argv", NOTEBOOK_COMMANDS, ids=lambda a: a[0])
def test_a_folder_given_for_a_notebook_names_a_notebook_in_it(argv, in_a_folder, capsys):
    assert said(argv, "empty", capsys) == "empty: is a folder: give a notebook file (.ipynb) in it"
    (in_a_folder / "empty" / "story.ipynb").write_text("{}", encoding="utf-8")
    assert said(argv, "empty", capsys) == (
        "empty: is a folder: give a notebook file (.ipynb) in it, for example empty/story.ipynb"
    )


@pytest.mark.parametrize(
    ("argv", "what"),
    [
        (["new", "{}", "--published", "2025-12-12", "--output", "draft"], "the article's text"),
        (["import-annotations", "{}", "data"], "the annotations"),
    ],
    ids=["new", "import-annotations"],
)
def test_a_file_to_read_not_there_or_a_folder(argv, what, in_a_folder, capsys, package):
    argv = [package.folder if arg == "data" else arg for arg in argv]
    line = said([str(a) for a in argv], "story.txt", capsys)
    assert line.startswith(f"story.txt: not found (looked for {in_a_folder / 'story.txt'}): give")
    assert what in line
    assert said([str(a) for a in argv], "empty", capsys).startswith("empty: is a folder: give")
    assert not (in_a_folder / "draft").exists()
