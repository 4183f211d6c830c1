"""The worksheet and its answer key in chromium: printed with chromium's own PDF, the
flagship's worksheet takes at most 4 pages and its key at most 2, on A4 and on Letter; no
question is cut across two pages; axe-core finds nothing; they open offline with nothing
refused by their policy; and the worksheet gives no answer away (giveaway.py's rule).

The pages are measured with the notebook's article section, the whole article, on them.
"""

from __future__ import annotations

import json
import re

import harness
import pytest
from axe_playwright_python.sync_playwright import Axe
from giveaway import BLOCKS_JS, Block, giveaways
from markupsafe import Markup
from published import MARGIN, PAGINATE, PAPER, article_output, build_from
from stored_notebook import stored_exercises

from explainer.publish import provenance

ARTIFACTS = harness.ARTIFACTS
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
NOTEBOOKS = sorted((harness.ROOT / "notebooks").glob("*.ipynb"))
MOST_PAGES = {"worksheet": 4, "answer key": 2}  # for the flagship, on A4 and on Letter


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda path: path.stem)
def sheets(request, tmp_path_factory) -> dict:
    """The worksheet and answer key of each stored notebook, with its article section."""
    path = request.param
    notebook = json.loads(path.read_text(encoding="utf-8"))
    folder = tmp_path_factory.mktemp(path.stem)
    built = build_from(folder, notebook, path.name, ("worksheet", "answer key"))
    folder = provenance.package_of(notebook, path)
    article_html = article_output(notebook)
    return {
        **built,
        "name": path.stem,
        "article": (folder / "article.txt").read_text(encoding="utf-8"),
        "article html": article_html,
    }


def printed_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("kind", ["worksheet", "answer key"])
def test_prints_short_enough_to_copy_for_a_class(offline, sheets, kind, paper):
    view = offline(900, 1000)
    view.open(sheets[kind])
    pdf = view.page.pdf(format=paper, print_background=True)
    name = f"{kind.replace(' ', '-')}-{sheets['name']}-{paper}.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_bytes(pdf)
    pages = printed_pages(pdf)
    print(f"{sheets['name']} {kind} on {paper}: {pages} pages")
    assert pages >= 1
    if sheets["name"] == harness.NOTEBOOK.stem:
        assert pages <= MOST_PAGES[kind]
    # Laid out as printed, no question, answer or heading is cut across two pages.
    width, height = (size - 2 * MARGIN for size in PAPER[paper])
    view.page.emulate_media(media="print")
    layout = view.page.evaluate(PAGINATE, [width, height])
    assert layout["split"] == []
    view.check_offline()


@pytest.mark.parametrize("kind", ["worksheet", "answer key"])
def test_has_no_accessibility_violation(offline, sheets, kind):
    view = offline(1000, 900)
    view.open(sheets[kind])
    violations = Axe().run(view.page, options=WCAG).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    view.check_offline()


def test_the_worksheet_asks_everything_and_answers_nothing(offline, sheets):
    """Every exercise, lettered, with room to write; nothing that would give an answer away;
    the article in it whole; and the key has each right letter and explanation."""
    exercises = stored_exercises(sheets["notebook"])
    view = offline(1000, 900)
    view.open(sheets["worksheet"])
    page = view.page
    asked = page.evaluate(
        """() => [...document.querySelectorAll(".exercise")].map(q => ({
          key: q.dataset.exercise,
          choices: [...q.querySelectorAll(".choices li")].map(li => li.innerText.trim()),
          lines: q.querySelectorAll(".lines span").length}))"""
    )
    assert [q["key"] for q in asked] == [e["key"] for e in exercises]
    for question, exercise in zip(asked, exercises, strict=True):
        letters = [chr(ord("A") + i) for i in range(len(exercise["choices"]))]
        assert [" ".join(c.split()) for c in question["choices"]] == [
            f"{letter} {c['label']}" for letter, c in zip(letters, exercise["choices"], strict=True)
        ]
        assert question["lines"] >= 2
    blocks = [Block(**b) for b in page.evaluate(BLOCKS_JS, "main")]
    shown = page.evaluate("document.querySelector('.article').textContent")
    assert "".join(shown.split()) == "".join(Markup(sheets["article html"]).striptags().split())
    for exercise in exercises:
        assert giveaways(exercise, blocks, sheets["article"]) == []
    view.check_offline()
    key = offline(1000, 900)
    key.open(sheets["answer key"])
    entries = key.page.evaluate(
        """() => [...document.querySelectorAll(".answer-entry")].map(e => ({
          key: e.dataset.answer, text: e.innerText.replace(/\\s+/g, " ")}))"""
    )
    assert [e["key"] for e in entries] == [e["key"] for e in exercises]
    for entry, exercise in zip(entries, exercises, strict=True):
        letters = [chr(ord("A") + i) for i in range(len(exercise["choices"]))]
        for letter, choice in zip(letters, exercise["choices"], strict=True):
            if choice["value"] in exercise["correct"]:
                assert f"{letter} {choice['label']}" in entry["text"].replace("\u00a0", " ")
        assert " ".join(exercise["explanation"].split()) in entry["text"]
        if exercise.get("hint"):
            assert exercise["hint"] in entry["text"]
    key.check_offline()
