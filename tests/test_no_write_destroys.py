"""No write destroys what was there (issue 20 §5): every command that writes, failed three ways.

A full disk (RLIMIT_FSIZE, which `ulimit -f` sets: a write past it fails as on a full disk),
a file marked read-only, and Ctrl-C while the new files are being swapped in: each time the
command fails, says what it could not write and that nothing changed, and every file of the
package, the notebook and the pages is byte for byte as before, with no file left beside them.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from explainer.answers import handin
from explainer.answers.page import Page
from explainer.cli import main
from explainer.package import writing
from explainer.views import exercises

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "korea-us-consultations.ipynb"
DATA = ROOT / "data" / "korea-us-consultations"
HEADLINE = "Will South Korea and the US"


@dataclass
class Case:
    argv: list[str]
    read_only: Path  # the file (or folder) a person marked read-only
    limit: int = 2_000  # bytes a file may grow to: below what the command writes
    several: bool = False  # it writes several files: Ctrl-C comes after some are swapped in


def edited_headline(package) -> None:
    """The article's text changed before every quote: fix-offsets has tables to rewrite."""
    text = package.article_text().replace(HEADLINE, HEADLINE.replace("Korea", "Korea (ROK)"), 1)
    package.path("article.txt").write_text(text, encoding="utf-8")
    (article,) = package.rows("article.csv")
    package.set_cell("article.csv", article["id"], "headline", text.splitlines()[0])


def fix_offsets(package, tmp_path) -> Case:
    edited_headline(package)
    folder = str(package.folder)
    return Case(["fix-offsets", folder], package.path("claims.csv"), several=True)


def upgrade(package, tmp_path) -> Case:
    package.in_the_format_before_native_names()
    return Case(["upgrade", str(package.folder)], package.path("datapackage.json"), several=True)


def execute(package, tmp_path) -> Case:
    node = nbformat.v4.new_notebook()
    node.cells = [nbformat.v4.new_code_cell("print('x' * 50_000)", id="c")]
    path = tmp_path / "long.ipynb"
    nbformat.write(node, path)
    return Case(["execute", str(path)], path, limit=20_000)


def notebook(package, tmp_path) -> Case:
    output = tmp_path / "notebooks" / "korea.ipynb"
    output.parent.mkdir()
    output.write_text('{"an": "older notebook"}', encoding="utf-8")
    return Case(["notebook", str(package.folder), "-o", str(output)], output, limit=50_000)


def new(package, tmp_path) -> Case:
    output = tmp_path / "draft"
    output.mkdir()  # empty, as `new` takes it
    article = str(package.path("article.txt"))
    argv = ["new", article, "--published", "2025-12-12", "--output", str(output)]
    return Case(argv, output, several=True)


def export(package, tmp_path) -> Case:
    output = tmp_path / "timeline.json"
    output.write_text('{"an": "older export"}', encoding="utf-8")
    argv = ["export", str(package.folder), "--to", "timelinejs", "-o", str(output)]
    return Case(argv, output)


def import_annotations(package, tmp_path) -> Case:
    """The package's own claims exported, then one claim taken out for the import to put back."""
    exported = tmp_path / "annotations.jsonld"
    assert main(["export", str(package.folder), "--to", "web-annotation", "-o", str(exported)]) == 0
    header, rows = package.table("claims.csv")
    package.write("claims.csv", header, [r for r in rows if r["id"] != "c_credit_yonhap"])
    argv = ["import-annotations", str(exported), str(package.folder)]
    return Case(argv, package.path("claims.csv"))


def stored_lesson(tmp_path) -> Path:
    """The stored notebook and its package, copied as the repository lays them out, with an
    article to print on the worksheet (the one the notebook shows, if any, comes after it)."""
    shutil.copytree(DATA, tmp_path / "lesson" / "data" / DATA.name)
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    article = nbformat.v4.new_code_cell(id="article-for-the-worksheet")
    article.outputs = [
        nbformat.v4.new_output(
            "display_data", {"text/html": "<article><p>The article.</p></article>"}
        )
    ]
    notebook["cells"].insert(1, article)
    path = tmp_path / "lesson" / "notebooks" / NOTEBOOK.name
    path.parent.mkdir()
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def page(kind: str) -> Callable:
    def case(package, tmp_path) -> Case:
        output = tmp_path / "build" / f"{kind}.html"
        output.parent.mkdir()
        output.write_text("<p>an older page</p>", encoding="utf-8")
        argv = [kind, str(stored_lesson(tmp_path)), "-o", str(output)]
        if kind != "worksheet":
            return Case(argv, output)
        key = output.with_name("key.html")
        key.write_text("<p>an older key</p>", encoding="utf-8")
        return Case([*argv, "--key", str(key)], key, several=True)

    return case


def answers(package, tmp_path) -> Case:
    """One student's hand-in merged into the class's CSV, which an older one stands in for."""
    page = Page("korea-us-consultations", "K7QM", clock=lambda: "2025-12-12T09:30:00Z")
    page.hear(exercises.Attempt("hedge_word:c_tentative_tuesday", "tentative", False, 1))
    handed = tmp_path / handin.file_name(page.lesson, page.student)
    handed.write_text(handin.dumps(page.lesson, page.student, list(page.rows.values())), "utf-8")
    output = tmp_path / "class.csv"
    output.write_text("an,older,table\n", encoding="utf-8")
    return Case(["answers", str(handed), "--csv", str(output)], output, limit=100)


CASES = {
    "fix-offsets": fix_offsets,
    "upgrade": upgrade,
    "execute": execute,
    "notebook": notebook,
    "new": new,
    "export": export,
    "import-annotations": import_annotations,
    "slides": page("slides"),
    "handout": page("handout"),
    "worksheet": page("worksheet"),
    "answers": answers,
}


def everything(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder`, files with their bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(params=CASES)
def case(request, package, tmp_path) -> tuple[Case, dict]:
    """A command about to write, and everything in its folder as it was before."""
    made = CASES[request.param](package, tmp_path)
    return made, everything(tmp_path)


def failed(argv: list[str], capsys) -> str:
    capsys.readouterr()
    assert main(argv) != 0
    return capsys.readouterr().err


def test_a_full_disk_changes_nothing(case, tmp_path, capsys):
    made, before = case
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (made.limit, hard))
    try:
        err = failed(made.argv, capsys)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    full = ("larger than this system lets a program write", "the disk may be full")
    assert any(f"{why}; nothing was changed" in err for why in full), err
    assert everything(tmp_path) == before


def test_a_read_only_file_changes_nothing(case, tmp_path, capsys):
    made, before = case
    mode = made.read_only.stat().st_mode
    made.read_only.chmod(stat.S_IMODE(mode) & ~0o222)
    try:
        err = failed(made.argv, capsys)
    finally:
        made.read_only.chmod(mode)
    assert "is read-only; nothing was changed" in err, err
    assert everything(tmp_path) == before


def test_ctrl_c_while_the_files_are_swapped_in_changes_nothing(case, tmp_path, capsys, monkeypatch):
    made, before = case
    real_replace = os.replace
    swapped = []

    def interrupted_at_the_last(source, target):
        """Ctrl-C as the last new file is moved into place, the others being in already."""
        if str(source).endswith(".part"):
            if len(list(Path(source).parent.glob("*.part"))) == 1:
                raise KeyboardInterrupt
            swapped.append(target)
        real_replace(source, target)

    monkeypatch.setattr(writing.os, "replace", interrupted_at_the_last)
    assert main(made.argv) == 130
    assert "interrupted" in capsys.readouterr().err
    assert everything(tmp_path) == before
    assert bool(swapped) == made.several  # those swapped in already were put back


def test_each_case_does_write_when_nothing_stops_it(case, tmp_path):
    """The faults above are not met before the command would have written anything."""
    made, before = case
    assert main(made.argv) in (0, 1)  # 1: a draft with problems to fix is still written
    assert everything(tmp_path) != before
    assert json.dumps(sorted(everything(tmp_path))).count(".part") == 0


def test_answers_that_are_all_refused_leave_the_older_csv(tmp_path, capsys):
    """Merging only files it refuses, `answers` once replaced the class's CSV by an empty one."""
    refused = tmp_path / "answers-korea-us-consultations-K7QM.json"
    refused.write_text("{}", encoding="utf-8")
    older = tmp_path / "class.csv"
    older.write_text("an,older,table\n", encoding="utf-8")
    assert main(["answers", str(refused), "--csv", str(older)]) == 1
    assert f"{older}: not written, as no answers were read" in capsys.readouterr().err
    assert older.read_text(encoding="utf-8") == "an,older,table\n"
