"""The printable worksheet and its answer key, from the stored notebook.

The worksheet is what a student gets on paper: the article as a reader meets it (the notebook's
article section), then every exercise as a question with its choices lettered as in the deck and
room to write, and nothing else: no table, chart or explanation that could give an answer away.
The answer key is the teacher's: each question's right letter, its explanation and the hint to
give after a first wrong answer. Both are short enough to copy for a class (the tests print the
flagship's: at most 4 pages, and 2 for the key, on A4 and on Letter).
"""

from __future__ import annotations

from pathlib import Path

from .assets import asset, style
from .content import Article, Cell, exercises_in, render_cells
from .notebook import PublishError, read_notebook, title_of
from .templates import render_page


def _cells(notebook: dict) -> list[Cell]:
    cells = render_cells(notebook, "paper")
    if not exercises_in(cells):
        raise PublishError("the notebook has no exercises: a worksheet would have no questions")
    return cells


def articles_in(cells: list[Cell]) -> list[Article]:
    return [part for cell in cells for part in cell.parts if isinstance(part, Article)]


def build_worksheet(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    cells = _cells(notebook)
    articles = articles_in(cells)
    if not articles:
        raise PublishError(
            "the notebook shows no article section to print on the worksheet; make the "
            "notebook anew with `python -m explainer notebook PACKAGE`"
        )
    return render_page(
        "worksheet.html.j2",
        title=f"{title_of(notebook)}: worksheet",
        body_class="worksheet",
        article=articles[0],
        exercises=exercises_in(cells),
        styles=[style(asset("paper.css"))],
        scripts=[],
    )


def build_answer_key(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    return render_page(
        "answer-key.html.j2",
        title=f"{title_of(notebook)}: answer key",
        body_class="answer-key",
        exercises=exercises_in(_cells(notebook)),
        styles=[style(asset("paper.css"))],
        scripts=[],
    )
