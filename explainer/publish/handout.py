"""The handout, from the stored notebook: the whole walkthrough on one page, no code, charts
interactive on screen, printable on A4 and Letter (assets/handout.css).

It reads in the notebook's order, which asks each exercise before the evidence that answers it:
each exercise is a question on paper (the choices lettered as in the deck, a place for the
answer), and its answer and explanation wait in the last part, "Answers to the questions". A
view the notebook holds back until an exercise is answered waits there too, under that answer
(paper cannot wait for an answer, and a student reads on: in place it would give it away); in
its place a line says where it is.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .assets import asset, plotly_js, script, style
from .content import Exercise, HeldBack, Part, render_cells
from .deck import slides_of
from .notebook import read_notebook, title_of
from .templates import fragment, render_page

START = "explainerCharts.draw(document);\nexplainerCharts.fitForPrint();\n"


def on_paper(part: Part, numbers: dict[str, int]) -> Markup:
    if isinstance(part, Exercise):
        return fragment("exercise.html.j2", "paper_question", exercise=part, room=False)
    if isinstance(part, HeldBack):
        return fragment("exercise.html.j2", "held_back_note", number=numbers[part.key])
    return Markup(part.__html__())


def build_handout(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    slides = slides_of(render_cells(notebook, "paper"))
    shown = [
        [part for subslide in slide for group in subslide.groups for part in group.parts]
        for slide in slides
    ]
    exercises = [part for parts in shown for part in parts if isinstance(part, Exercise)]
    numbers = {exercise.key: exercise.number for exercise in exercises}
    evidence: dict[str, list[HeldBack]] = {}
    for part in (part for parts in shown for part in parts if isinstance(part, HeldBack)):
        evidence.setdefault(part.key, []).append(part)
    return render_page(
        "handout.html.j2",
        title=title_of(notebook),
        body_class="handout",
        parts=[[on_paper(part, numbers) for part in parts] for parts in shown],
        exercises=exercises,
        evidence=evidence,
        styles=[style(asset("handout.css"))],
        scripts=[plotly_js(), script(asset("charts.js")), script(START)],
    )
