"""The handout, from the stored notebook: the whole walkthrough on one page, no code, charts
interactive on screen, printable on A4 and Letter (assets/handout.css).

It reads in the notebook's order, which asks each exercise before the evidence that answers it:
each exercise is a question on paper (the choices lettered as in the deck, a place for the
answer), and its answer and explanation wait in the last part, "Answers to the questions".
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .assets import asset, plotly_js, script, style
from .content import Exercise, Part, render_cells
from .deck import slides_of
from .notebook import read_notebook, title_of
from .templates import fragment, render_page

START = "explainerCharts.draw(document);\nexplainerCharts.fitForPrint();\n"


def on_paper(part: Part) -> Markup:
    if isinstance(part, Exercise):
        return fragment("exercise.html.j2", "paper_question", exercise=part, room=False)
    return Markup(part.__html__())


def build_handout(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    slides = slides_of(render_cells(notebook, "paper"))
    shown = [
        [part for subslide in slide for group in subslide.groups for part in group.parts]
        for slide in slides
    ]
    return render_page(
        "handout.html.j2",
        title=title_of(notebook),
        body_class="handout",
        parts=[[on_paper(part) for part in parts] for parts in shown],
        exercises=[part for parts in shown for part in parts if isinstance(part, Exercise)],
        styles=[style(asset("handout.css"))],
        scripts=[plotly_js(), script(asset("charts.js")), script(START)],
    )
