"""Retrieval first (issue 16): each exercise comes before the evidence that answers it, for every
package. A view that would answer an exercise (a claims table marks hedges and names speakers
and kinds of source; an events table or a timeline gives each day and status; the audit gives
each verdict; the explorer shows all of them) is held back by `exercises.revealed_after` with
that exercise's key; in its own section it comes after the exercise. No prose, above an exercise
or below it, answers it, by the rule of the student walk (tests/browser/giveaway.py).

What each view shows is written here from the views themselves, not read from the narrative.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser.giveaway import giveaways
from prose_blocks import markdown_blocks
from stored_notebook import waited_for
from synthetic import write_synthetic

from explainer.narrative import generate_notebook
from explainer.views.exercises import EXERCISE_MIMETYPE

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = sorted(p.parent for p in (ROOT / "data").glob("*/datapackage.json"))

# The call that draws a view, and the kinds of exercise it answers for whoever sees it.
ANSWERED_BY = {
    r"\bviews\.claims\(": {"hedge_word", "claim_source", "source_kind"},
    r"\bviews\.events\(": {"relative_date", "plan_or_fact"},
    r"\bviews\.timeline\(": {"relative_date", "plan_or_fact"},
    r"\btables\.hedges_table\(": {"hedge_word"},
    r"\btables\.takeaways_table\(": {"takeaway_verdict"},
    r"\bExplorer\(package\)": {"hedge_word", "claim_source", "source_kind", "relative_date"},
}
EXERCISE = re.compile(r'exercises\.Exercise\(exercises\.(\w+)\(package, "([^"]+)"\)\)')


def sources(notebook) -> list[tuple[str, str]]:
    """Each cell's kind and text, a call broken over lines joined again."""
    return [(c["cell_type"], flat("".join(c["source"]))) for c in notebook["cells"]]


def flat(text: str) -> str:
    return re.sub(r"\(\s+", "(", re.sub(r",\s+\)", ")", text))


def section_of(cells: list[tuple[str, str]], index: int) -> int:
    """The index of the heading cell above cell `index`."""
    return max(n for n, (kind, text) in enumerate(cells[: index + 1]) if text.startswith("#"))


def notebooks(tmp_path) -> list[tuple[str, dict]]:
    synthetic = write_synthetic(tmp_path / "data" / "riverton-bridge")
    made = generate_notebook(synthetic, tmp_path / "notebooks" / "riverton-bridge.ipynb")
    stored = [
        (p.name, json.loads((ROOT / "notebooks" / f"{p.name}.ipynb").read_text("utf-8")))
        for p in PACKAGES
    ]
    return [*stored, ("synthetic", json.loads(json.dumps(made)))]


def test_every_view_that_answers_an_exercise_waits_for_it(tmp_path):
    for name, notebook in notebooks(tmp_path):
        cells = sources(notebook)
        asked = {
            f"{kind}:{record}": n
            for n, (_, text) in enumerate(cells)
            for kind, record in EXERCISE.findall(text)
        }
        assert asked, f"{name}: no exercise: this test needs rethinking"
        held = 0
        for n, (kind, text) in enumerate(cells):
            if kind != "code":
                continue
            for view, answers in ANSWERED_BY.items():
                if not re.search(view, text):
                    continue
                for key, where in asked.items():
                    if key.split(":")[0] not in answers:
                        continue
                    assert key in waited_for(text), (name, key, text)
                    held += 1
                    if section_of(cells, where) == section_of(cells, n):
                        assert where < n, (name, key, "evidence before its exercise")
        assert held, f"{name}: no view held back: this test needs rethinking"


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_no_prose_anywhere_answers_an_exercise(package):
    """Markdown cannot wait for an answer, and a student scrolls: prose below an exercise is
    read before it is answered as surely as prose above it."""
    notebook = json.loads((ROOT / "notebooks" / f"{package.name}.ipynb").read_text("utf-8"))
    article = (package / "article.txt").read_text(encoding="utf-8")
    prose = [
        block
        for cell in notebook["cells"]
        if cell["cell_type"] == "markdown"
        for block in markdown_blocks("".join(cell["source"]))
    ]
    asked = [
        output["data"][EXERCISE_MIMETYPE]
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if EXERCISE_MIMETYPE in output.get("data", {})
    ]
    assert asked, "no exercise: this test needs rethinking"
    found = [given for exercise in asked for given in giveaways(exercise, prose, article)]
    assert found == []
