"""Answers handed in without the classroom server: the page's file, read back, merged by
`python -m explainer answers` into one CSV and one summary, and a file that is not one refused."""

from __future__ import annotations

import base64
import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.answers import handin, widget
from explainer.answers.page import Page
from explainer.answers.row import Row
from explainer.answers.store import Store
from explainer.views import exercises

LESSON = "korea-us-consultations"
NOTEBOOK = Path("notebooks/korea-us-consultations.ipynb")
HEDGE = "hedge_word:c_tentative_tuesday"
DATE = "relative_date:e_first_meeting"


def attempt(exercise, choice, tries, hints=0):
    return exercises.Attempt(exercise, choice, False, tries, hints=hints)


def page(student: str, answers) -> Page:
    page = Page(LESSON, student, clock=lambda: "2025-12-12T09:30:00Z")
    for exercise, choice, tries, hints in answers:
        page.hear(attempt(exercise, choice, tries, hints))
    return page


def hand_in(folder: Path, page: Page) -> Path:
    path = folder / handin.file_name(page.lesson, page.student)
    path.write_text(handin.dumps(page.lesson, page.student, list(page.rows.values())), "utf-8")
    return path


def test_a_page_keeps_the_first_answer_the_last_the_tries_and_the_hints():
    shown = page("K7QM", [(HEDGE, "Tuesday", 1, 1), (HEDGE, "tentative", 2, 1)])
    (row,) = shown.rows.values()
    assert (row.first_answer, row.final_answer, row.tries, row.hints) == (
        "Tuesday",
        "tentative",
        2,
        1,
    )
    shown.rename("Min-ji")
    assert shown.rows[HEDGE].student == "Min-ji"


def test_an_answer_checked_after_show_me_is_not_the_students_own():
    shown = page("K7QM", [(HEDGE, "Tuesday", 1, 1)])
    assert shown.hear(exercises.Attempt(HEDGE, "pending", True, 2, 1, shown=True)) is None
    assert shown.rows[HEDGE].final_answer == "Tuesday" and shown.rows[HEDGE].tries == 1
    never = page("P3WX", [])
    never.hear(exercises.Attempt(HEDGE, "pending", True, 1, 0, shown=True))
    assert never.rows == {}


def test_the_box_in_the_notebook_saves_exactly_what_the_page_answered(monkeypatch):
    monkeypatch.setattr(exercises, "LISTENERS", [])
    monkeypatch.setattr(widget, "_pages", {})
    box = widget.YourAnswers(LESSON)
    assert "Answer an exercise first" in box.status.value and "href" not in box.status.value
    question = exercises.hedge_word(_package(), "c_tentative_tuesday")
    exercise = exercises.Exercise(question)
    exercise.answer("Tuesday")
    exercise.answer("pending")
    box.name.value = "Min-ji"
    (href,) = re.findall(r'href="data:application/json;base64,([^"]+)"', box.status.value)
    (name,) = re.findall(r'download="([^"]+)"', box.status.value)
    saved = json.loads(base64.b64decode(href))
    assert name == "answers-korea-us-consultations-Min-ji.json"
    assert saved["student"] == "Min-ji" and saved["lesson"] == LESSON
    (answer,) = saved["answers"]
    assert (answer["exercise"], answer["first_answer"], answer["final_answer"]) == (
        question.key,
        "Tuesday",
        "pending",
    )
    assert answer["tries"] == 2
    assert widget.YourAnswers(LESSON).page is box.page  # the cell run again keeps the answers
    assert len(exercises.LISTENERS) == 1


@pytest.mark.parametrize("notebook", sorted(Path("notebooks").glob("*.ipynb")))
def test_every_stored_notebook_has_the_box_before_its_first_exercise(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    box = next(i for i, s in enumerate(sources) if "YourAnswers(" in s)
    first = next(i for i, s in enumerate(sources) if "exercises.Exercise(" in s)
    lesson = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["explainer"]["package"]
    assert box < first and f'YourAnswers("{lesson}")' in sources[box]


def _package():
    from explainer.package import load_package

    return load_package(Path("data") / LESSON)


def run(*args) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "explainer", "answers", *map(str, args)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


def test_hand_ins_merge_into_one_csv_and_one_summary(tmp_path):
    files = [
        hand_in(tmp_path, page("K7QM", [(HEDGE, "tentative", 1, 0), (DATE, "2025-12-16", 1, 0)])),
        hand_in(tmp_path, page("P3WX", [(HEDGE, "Tuesday", 1, 1), (HEDGE, "pending", 2, 1)])),
        hand_in(tmp_path, page("=cmd", [(HEDGE, "Tuesday", 1, 1)])),  # not a name: refused
    ]
    files[2].write_text(files[2].read_text("utf-8").replace('"=cmd"', '"=cmd()"'), "utf-8")
    result = run(*files, "--csv", tmp_path / "class.csv", "--lesson", NOTEBOOK)
    assert result.returncode == 1
    assert f"refused: {files[2]}: student: '=cmd()': a name cannot start with" in result.stderr
    with open(tmp_path / "class.csv", encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    assert [(r["student"], r["exercise"], r["first_answer"], r["final_answer"]) for r in rows] == [
        ("K7QM", HEDGE, "tentative", "tentative"),
        ("K7QM", DATE, "2025-12-16", "2025-12-16"),
        ("P3WX", HEDGE, "Tuesday", "pending"),
    ]
    assert {r["lesson"] for r in rows} == {LESSON}
    assert [r["tries"] for r in rows] == ["1", "1", "2"]
    hedge = result.stdout.split(f"{HEDGE}: ")[1].split("\n\n")[0]
    assert "answered by 2" in hedge
    assert re.search(r"1 first,\s+1 final: tentative \(right\)", hedge)
    assert re.search(r"1 first,\s+0 final: Tuesday\n", hedge)
    assert re.search(r"0 first,\s+1 final: pending \(right\)", hedge)
    assert "right at the first try: 1" in hedge and "saw a hint: 1" in hedge


def test_the_classroom_record_gives_the_same_csv_as_the_same_answers_handed_in(tmp_path):
    pages = [page("K7QM", [(HEDGE, "tentative", 1, 0)]), page("P3WX", [(DATE, "2025-12-09", 1, 1)])]
    store = Store(tmp_path / f"{LESSON}.sqlite", LESSON)
    for each in pages:
        for row in each.rows.values():
            store.record(row)
    store.close()
    from_record = run(tmp_path / f"{LESSON}.sqlite", "--csv", tmp_path / "a.csv")
    from_files = run(*(hand_in(tmp_path, p) for p in pages), "--csv", tmp_path / "b.csv")
    assert from_record.returncode == from_files.returncode == 0
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert from_record.stdout == from_files.stdout


def good_file() -> dict:
    return json.loads(
        handin.dumps(LESSON, "K7QM", list(page("K7QM", [(HEDGE, "x", 1, 0)]).rows.values()))
    )


@pytest.mark.parametrize(
    "change, why",
    [
        (lambda d: d.pop("format"), 'not a file of answers (no "format"'),
        (lambda d: d.update(version=2), "answers in version 2, not 1"),
        (lambda d: d.update(lesson="../etc"), "lesson: '../etc' is not a lesson's name"),
        (lambda d: d.update(student=""), "student: '' is not a label or a name"),
        (lambda d: d["answers"][0].update(tries=0), "answers[0].tries: 0 is not a whole number"),
        (lambda d: d["answers"][0].update(tries="1"), "answers[0].tries: '1' is not a whole"),
        (lambda d: d["answers"][0].pop("time"), "answers[0].time: missing"),
        (lambda d: d["answers"][0].update(ip="10.0.0.1"), "answers[0]: ip: not a field"),
        (lambda d: d["answers"].append(d["answers"][0]), f"exercise {HEDGE} twice"),
        (lambda d: d["answers"][0].update(exercise="x"), "'x' is not an exercise key"),
    ],
)
def test_a_file_that_is_not_answers_is_named_with_why(tmp_path, change, why):
    document = good_file()
    change(document)
    path = tmp_path / "handed-in.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(handin.HandInError) as error:
        handin.read(path)
    assert str(error.value).startswith(f"{path}: ") and why in str(error.value)


def test_files_that_cannot_join_the_others_are_refused_by_name(tmp_path):
    first = hand_in(tmp_path, page("K7QM", [(HEDGE, "tentative", 1, 0)]))
    again = tmp_path / "copy.json"
    again.write_bytes(first.read_bytes())
    other = Page("us-envoy-north-korea-food-aid", "ZZ22", clock=lambda: "2025-12-12T09:30:00Z")
    other.hear(attempt("claim_source:c1", "a", 1))
    other_file = hand_in(tmp_path, other)
    notes = tmp_path / "notes.json"
    notes.write_text("{not json", encoding="utf-8")
    wrong_choice = hand_in(tmp_path, page("Q9RT", [(HEDGE, "maybe", 1, 0)]))
    result = run(first, again, other_file, notes, wrong_choice, "--lesson", NOTEBOOK)
    assert result.returncode == 1
    refused = result.stderr.splitlines()
    assert refused == [
        f"refused: {again}: K7QM's answers are already in {first} (the same twice?)",
        f"refused: {other_file}: answers of lesson 'us-envoy-north-korea-food-aid', not '{LESSON}'",
        f"refused: {notes}:1: not JSON (Expecting property name enclosed in double quotes)",
        f"refused: {wrong_choice}: {HEDGE}: 'maybe' is not one of the lesson's answers",
    ]
    assert "4 of 5 files refused" in result.stdout
    assert result.stdout.startswith(f"{LESSON}: 1 student\n")


def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text():
    from explainer.answers.table import csv_text

    row = Row(LESSON, HEDGE, "K7QM", "=HYPERLINK(1)", "@x", 1, 0, "2025-12-12T09:30:00Z")
    (_, line) = csv_text([row]).splitlines()
    assert "'=HYPERLINK(1)" in line and ",'@x," in line


# JupyterLite's Pyodide has the notebook's dependencies only (pyproject.toml): no tornado, no
# Jinja2. The box must import there, as it does in JupyterLab.
WITHOUT_THE_SERVERS_LIBRARIES = """
import builtins
real = builtins.__import__
def only_the_notebooks(name, *args, **kwargs):
    if name.split(".")[0] in {"tornado", "jinja2", "jupyter_server", "voila"}:
        raise ImportError(f"no {name} in Pyodide")
    return real(name, *args, **kwargs)
builtins.__import__ = only_the_notebooks
from explainer.answers.widget import YourAnswers
YourAnswers("korea-us-consultations")
"""


def test_the_box_needs_none_of_the_servers_libraries():
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_THE_SERVERS_LIBRARIES], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
