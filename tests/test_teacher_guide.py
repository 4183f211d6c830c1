"""The teacher guide's answer key must agree with what the notebook's exercises accept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.views import exercises as ex

GUIDE = Path(__file__).resolve().parents[1] / "notebooks" / "TEACHER_GUIDE.md"

# The six exercises as the notebook builds them, in the guide's order.
EXERCISES = [
    (ex.claim_source, "c_poised"),
    (ex.source_kind, "c_no_permanent_body"),
    (ex.hedge_word, "c_tentative_tuesday"),
    (ex.relative_date, "e_first_meeting"),
    (ex.plan_or_fact, "e_peace_initiatives"),
    (ex.takeaway_verdict, "t_focus_reengage"),
]


def answer_key() -> list[str]:
    section = GUIDE.read_text(encoding="utf-8").split("## Exercise answers", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ")][2:]
    assert len(rows) == len(EXERCISES), "one answer row per exercise"
    return [row.split(" | ")[1] for row in rows]


@pytest.mark.parametrize(("index", "build", "record"), [(i, *e) for i, e in enumerate(EXERCISES)])
def test_answer_key_matches_the_data(real, index, build, record):
    question = build(real, record)
    right = [label for label, value in question.options if value in question.correct]
    rest = answer_key()[index]
    for label in sorted(right, key=len, reverse=True):  # a label may itself hold ", "
        assert label in rest, (label, answer_key()[index])
        rest = rest.replace(label, "", 1)
    assert re.fullmatch(r"[, ]*", rest), f"not a right answer: {rest!r}"


def test_notebook_builds_exactly_these_exercises():
    notebook = (GUIDE.parent / "korea-us-consultations.ipynb").read_text(encoding="utf-8")
    calls = re.findall(r"exercises\.(\w+)\(package, \\\"(\w+)\\\"\)", notebook)
    assert calls == [(build.__name__, record) for build, record in EXERCISES]
