"""A view the notebook holds back until an exercise is answered (views/held_back.py), on the
pages: the deck shows it after that exercise's answer slide, wherever the notebook put it; the
handout with the answers at the end, under its answer, a line in its place; the worksheet and the
answer key not at all (the key stays short: the teacher has the handout)."""

from __future__ import annotations

import re

import pytest
from notebook_pages import SECTION, Page, asked, built, cell, question, shown, text_of

from explainer.publish.deck import build_slides
from explainer.publish.handout import build_handout
from explainer.publish.notebook import PublishError
from explainer.publish.worksheet import build_answer_key, build_worksheet
from explainer.views.held_back import HELD_BACK_MIMETYPE

TABLE = "<table><tbody><tr><td>Zheld <mark>tentative</mark></td></tr></tbody></table>"


def held(key: str = "hedge_word:c1") -> dict:
    outputs = [{"data": {"text/html": TABLE, "text/plain": "table"}, "metadata": {}}]
    document = {"exercise": key, "placeholder": "Answer the question.", "outputs": outputs}
    return shown({HELD_BACK_MIMETYPE: document, "text/plain": "Answer the question."})


def notebook(*code: dict) -> dict:
    """A title, the article, then a slide "Hedges" with the code cells given, then another."""
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            cell("markdown", "# A lesson", "slide"),
            cell("code", outputs=[shown({"text/html": "<article><p>Zarticle.</p></article>"})]),
            cell("markdown", "## Hedges", "slide"),
            *code,
            cell("markdown", "## Next\n\nZnext.", "slide"),
        ],
    }


BEFORE = notebook(cell("code", outputs=[held()]), cell("code", outputs=[asked(question())]))
AFTER = notebook(cell("code", outputs=[asked(question())]), cell("code", outputs=[held()]))


@pytest.mark.parametrize("lesson", [BEFORE, AFTER], ids=["view-first", "exercise-first"])
def test_the_deck_shows_the_view_after_the_answer_slide(tmp_path, lesson):
    slides = built(tmp_path, lesson, build_slides).split('<div class="slides">', 1)[1]
    assert SECTION.findall(slides)[-5:] == [
        ("question", "hedge_word:c1"),
        ("answer", "hedge_word:c1"),
        ("resumed", ""),
        *[("", "")] * 2,  # the next slide
    ]
    parts = re.split(r"<section class=\"(?:question|answer|resumed)\"", slides)
    assert all("Zheld" not in part for part in parts[:3])
    assert "Zheld" in parts[3].split("<section", 1)[0]
    assert "Answer the question." not in text_of(slides)  # the notebook's placeholder


def test_the_handout_keeps_the_view_for_the_answers(tmp_path):
    handout = built(tmp_path, BEFORE, build_handout)
    body, answers = handout.split("Answers to the questions", 1)
    assert "Zheld" not in body
    assert "is with its answer, at the end" in Page(body).plain
    assert re.search(r"Question 1\..*Zexplanation.*Zheld", answers, re.S)


@pytest.mark.parametrize("builder", [build_worksheet, build_answer_key])
def test_the_worksheet_and_the_key_leave_it_out(tmp_path, builder):
    assert "Zheld" not in built(tmp_path, AFTER, builder)


def test_a_view_held_back_for_an_exercise_never_asked_is_refused(tmp_path):
    lesson = notebook(cell("code", outputs=[held("hedge_word:c9")]))
    lesson["cells"].append(cell("code", outputs=[asked(question())]))
    with pytest.raises(PublishError, match=r"cell 4: .*'hedge_word:c9', which the notebook never"):
        built(tmp_path, lesson, build_slides)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"outputs": []}, "names no exercise"),
        ({"exercise": "hedge_word:c1", "outputs": [{"text/html": "x"}]}, "no list of outputs"),
    ],
)
def test_a_malformed_held_back_view_is_refused(tmp_path, document, message):
    output = shown({HELD_BACK_MIMETYPE: document, "text/plain": "x"})
    lesson = notebook(cell("code", outputs=[asked(question())]), cell("code", outputs=[output]))
    with pytest.raises(PublishError, match=f"cell 5: its {message}|{message}"):
        built(tmp_path, lesson, build_handout)
