"""The deck, the handout, the worksheet and the answer key as a lesson, built from notebooks no
hand has tuned: an exercise read from its JSON, asked before it is answered, the right words for
each page (MODES_MIMETYPE), and the worksheet command. tests/browser/test_publish_deck_lesson.py and
test_publish_worksheet.py open the pages in chromium.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from notebook_pages import ROOT, SECTION, Page, asked, built, cell, lesson, question, text_of

from explainer.publish import content, exercise, pages
from explainer.publish.deck import build_slides
from explainer.publish.handout import build_handout
from explainer.publish.notebook import PublishError
from explainer.publish.worksheet import build_answer_key, build_worksheet


def test_letters_go_on_past_z():
    assert [exercise.letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
    ]


def test_an_exercise_is_read_from_its_json():
    read = exercise.exercise_of(question(), 3)
    assert read.number == 3 and read.hint.startswith("Zhint")
    assert [(c.letter, c.label, c.right) for c in read.choices] == [
        ("A", "date", False),
        ("B", "tentative", True),
        ("C", "still", False),
        ("D", "pending", True),
    ]
    assert [c.letter for c in read.right] == ["B", "D"]
    without_hint = question()
    del without_hint["hint"]
    assert exercise.exercise_of(without_hint, 1).hint == ""


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"prompt": None}, "no text 'prompt'"),
        ({"choices": []}, "no list of choices"),
        ({"choices": [{"label": "a"}]}, "a choice without a text label and value"),
        ({"correct": ["nowhere"]}, "'correct' does not name some of its choices"),
        ({"correct": []}, "'correct' does not name some of its choices"),
        ({"hint": 3}, "'hint' is not text"),
    ],
)
def test_a_malformed_exercise_is_refused_naming_its_cell(tmp_path, changes, message):
    notebook = lesson()
    notebook["cells"][6]["outputs"][0] = asked(question(**changes))
    with pytest.raises(PublishError, match=f"cell 7: its exercise.*{re.escape(message)}"):
        built(tmp_path, notebook, build_slides)


def test_the_deck_asks_each_exercise_then_answers_it_then_shows_the_evidence(tmp_path):
    deck = built(tmp_path, lesson(), build_slides)
    slides = deck.split('<div class="slides">', 1)[1]
    # Sections in order: the title's slide and subslide, the article's, then the "Hedges" slide
    # whose subslides are the instruction and the first question, its answer, the second
    # question, its answer, the evidence resumed, then the chart's subslide.
    assert SECTION.findall(slides) == [
        *[("", "")] * 5,
        ("question", "hedge_word:c1"),
        ("answer", "hedge_word:c1"),
        ("question", "source_kind:c1"),
        ("answer", "source_kind:c1"),
        ("resumed", ""),
        ("", ""),
    ]
    parts = re.split(r"<section class=\"(?:question|answer|resumed)\"", slides)
    first_question, first_answer, second_question, second_answer, resumed = parts[1:6]
    plain = [text_of(part) for part in parts[1:6]]
    assert (
        "Zinstruction for deck" in plain[0]
        and "for lab" not in slides
        and "for paper" not in slides
    )
    for letter, label in zip("ABCD", ("date", "tentative", "still", "pending"), strict=True):
        assert f'<span class="letter">{letter}</span> {label}' in first_question
    assert "The date is tentative &amp; still &lt;pending&gt;." in first_question
    # The explanation is on the answer slide only; the hint is in the question's notes.
    assert "Zexplanation" not in first_question + second_question and "Zexplanation" in plain[1]
    assert re.search(r"<aside class=\"notes\">.*Say this to the class.*Zhint", first_question, re.S)
    assert "Zhint" not in "".join(plain[1:])
    assert re.search(r"B</strong>&nbsp;tentative or .*D</strong>&nbsp;pending", first_answer)
    assert "interactive in the notebook" not in Page(deck).plain
    # The evidence waits until both answers are given.
    assert "Zevidence" in resumed and "Zevidence" not in "".join(parts[:5])
    assert "Say this" not in second_question + resumed


def test_the_handout_asks_on_paper_and_answers_at_the_end(tmp_path):
    handout = built(tmp_path, lesson(), build_handout)
    body, answers = handout.split("Answers to the questions", 1)
    page = Page(body)
    assert "Zinstruction for paper" in page.plain and "for deck" not in handout
    assert "Zarticle text." in page.plain
    assert (
        page.plain.index("Question 1")
        < page.plain.index("Question 2")
        < page.plain.index("Zevidence")
    )
    assert "Zexplanation" not in body and "Zhint" not in handout
    assert "Zexplanation" in answers and re.search(
        r"Question 1\..*B</strong>&nbsp;tentative", answers, re.S
    )
    assert "interactive in the notebook" not in page.plain


@pytest.mark.parametrize("builder", [build_slides, build_handout, build_worksheet])
def test_a_modes_output_without_the_pages_words_is_refused(tmp_path, builder):
    notebook = lesson()
    data = notebook["cells"][5]["outputs"][0]["data"][content.MODES_MIMETYPE]
    del data["deck"], data["paper"]
    with pytest.raises(PublishError, match="cell 6: its .*modes\\+json output has no text for"):
        built(tmp_path, notebook, builder)


def test_the_worksheet_holds_the_article_and_the_questions_and_no_answer(tmp_path):
    sheet = built(tmp_path, lesson(), build_worksheet)
    page = Page(sheet)
    assert "Zarticle text." in page.plain
    assert [m for m in re.findall(r'data-exercise="([^"]+)"', sheet)] == [
        "hedge_word:c1",
        "source_kind:c1",
    ]
    assert sheet.count('class="lines"') == 2 and sheet.count('<span class="letter">') == 8
    for absent in ("Zexplanation", "Zhint", "Zevidence", "Zinstruction", "chart", "Say this"):
        assert absent not in sheet, absent
    assert page.scripts == []


def test_the_answer_key_gives_letters_explanations_and_hints(tmp_path):
    key = built(tmp_path, lesson(), build_answer_key)
    entries = re.findall(r'<li class="answer-entry".*?</li>', key, re.S)
    assert len(entries) == 2
    assert re.search(r"B</strong>&nbsp;tentative or .*D</strong>&nbsp;pending", entries[0])
    assert "Zexplanation" in entries[0] and "Zhint" in entries[0]
    assert "after a first wrong answer" not in entries[1]  # the second gives no hint
    assert "Zarticle" not in key and "Zevidence" not in key


def test_a_worksheet_needs_exercises_and_the_article(tmp_path):
    no_article = lesson()
    del no_article["cells"][2]
    with pytest.raises(PublishError, match="no article section"):
        built(tmp_path, no_article, build_worksheet)
    no_exercise = lesson()
    no_exercise["cells"][6]["outputs"] = no_exercise["cells"][6]["outputs"][2:]
    for builder in (build_worksheet, build_answer_key):
        with pytest.raises(PublishError, match="no exercises"):
            built(tmp_path, no_exercise, builder)


def test_skipped_exercises_are_not_asked_anywhere(tmp_path):
    notebook = lesson()
    notebook["cells"][6]["metadata"]["slideshow"]["slide_type"] = "skip"
    notebook["cells"].append(cell("code", outputs=[asked(question("plan_or_fact:e1"))]))
    deck = built(tmp_path, notebook, build_slides)
    assert re.findall(r'data-question="([^"]+)"', deck) == ["plan_or_fact:e1"]
    assert "Question 1" in Page(deck).plain and "Question 2" not in Page(deck).plain


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_the_worksheet_command_writes_the_worksheet_and_its_key(tmp_path):
    source = tmp_path / "lesson.ipynb"
    source.write_text(json.dumps(lesson()), encoding="utf-8")
    run = run_cli("worksheet", str(source), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    sheet = tmp_path / "build" / "lesson-worksheet.html"
    key = tmp_path / "build" / "lesson-worksheet-answer-key.html"
    sheet_kb, key_kb = (round(path.stat().st_size / 1000) for path in (sheet, key))
    assert run.stdout.splitlines() == [
        f"build/lesson-worksheet.html: worksheet built from {source} ({sheet_kb} KB)",
        f"build/lesson-worksheet-answer-key.html: answer key built from {source} ({key_kb} KB)",
    ]
    assert 'data-exercise="hedge_word:c1"' in sheet.read_text(encoding="utf-8")
    assert "Zhint" in key.read_text(encoding="utf-8")
    elsewhere = run_cli(
        "worksheet", str(source), "-o", "a/sheet.html", "--key", "b/key.html", cwd=tmp_path
    )
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (tmp_path / "a" / "sheet.html").is_file() and (tmp_path / "b" / "key.html").is_file()


def test_the_worksheet_command_writes_both_files_or_neither(tmp_path):
    source = tmp_path / "lesson.ipynb"
    source.write_text(json.dumps(lesson()), encoding="utf-8")
    (tmp_path / "taken").write_text("a file where the key's folder should be", encoding="utf-8")
    run = run_cli(
        "worksheet", str(source), "-o", "out/sheet.html", "--key", "taken/key.html", cwd=tmp_path
    )
    assert run.returncode == 1
    assert run.stderr == (
        "taken/key.html: cannot write the answer key: a file stands where the path needs a folder"
        "; nothing was changed\n"
    )
    assert not (tmp_path / "out").exists()  # the folder made for the worksheet is gone with it


def test_the_worksheet_command_says_why_it_cannot_build_in_one_line(tmp_path):
    notebook = lesson()
    del notebook["cells"][2]  # the article section
    source = tmp_path / "lesson.ipynb"
    source.write_text(json.dumps(notebook), encoding="utf-8")
    run = run_cli("worksheet", str(source), cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"{source}: the notebook shows no")
    assert not (tmp_path / "build").exists()


def test_a_page_replaces_the_old_one_whole(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("the old page", encoding="utf-8")
    pages.write("the new page", target)
    assert target.read_text(encoding="utf-8") == "the new page"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~current_umask()


def current_umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
