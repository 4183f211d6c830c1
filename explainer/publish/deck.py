"""The reveal.js slide deck, from the stored notebook: one offline HTML file, no code.

The slides follow the cells' `slideshow.slide_type` as `jupyter nbconvert --to slides` does
(slide, subslide, fragment, skip, notes, "-"). What a slide holds comes from any notebook, so
fitting it to the frame happens in the browser, where the text can be measured (assets/fit.js):
a table, a list or the article too long for its slide continues on the next one, marked
"continued", and prose that does not fit moves to the speaker notes.

An exercise is asked of the class by a show of hands: it ends its slide as a question slide (the
prompt, the quote, the choices lettered A, B, C...; the hint for the teacher in the speaker
notes), then comes an answer slide (the right letter and the explanation), and only then what
followed the exercise on its slide, which may be the evidence that answers it. A view the
notebook holds back until the exercise is answered comes after the answer slide too, wherever
the notebook put it. A question is one block that fit.js never moves to the notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from .assets import asset, plotly_js, script, speaker_view, style
from .content import Cell, Exercise, HeldBack, Part, render_cells
from .notebook import read_notebook, title_of
from .templates import fragment, render_page


@dataclass
class Group:
    """Cells shown together: a "fragment" cell and the "-" cells after it appear at once."""

    fragment: bool
    parts: list[Part] = field(default_factory=list)


@dataclass
class Subslide:
    groups: list[Group] = field(default_factory=list)
    notes: list[Markup] = field(default_factory=list)
    role: Literal["", "question", "answer"] = ""
    exercise: Exercise | None = None
    resumed: bool = False  # what followed an exercise on its slide: fit.js gives it a heading

    def add(self, cell: Cell) -> None:
        if cell.slide_type == "notes":
            self.notes.extend(part for part in cell.parts if isinstance(part, Markup))
            return
        if cell.slide_type == "fragment" or not self.groups:
            self.groups.append(Group(cell.slide_type == "fragment"))
        self.groups[-1].parts.extend(cell.parts)


def slides_of(cells: list[Cell]) -> list[list[Subslide]]:
    """Group cells as nbconvert does: slides, each a list of subslides (reveal's vertical
    slides). Skipped cells are left out."""
    slides: list[list[Subslide]] = []
    for cell in cells:
        if cell.slide_type == "skip":
            continue
        if not slides or cell.slide_type == "slide":
            slides.append([Subslide()])
        elif cell.slide_type == "subslide":
            slides[-1].append(Subslide())
        slides[-1][-1].add(cell)
    return slides


def held_before_asked(cells: list[Cell]) -> dict[str, list[HeldBack]]:
    """The held-back views that come before their exercise, taken out of their cells, by the
    exercise's key: the deck shows each after that exercise's answer slide."""
    asked: set[str] = set()
    early: dict[str, list[HeldBack]] = {}
    for cell in cells:
        kept = []
        for part in cell.parts:
            if isinstance(part, HeldBack) and part.key not in asked:
                early.setdefault(part.key, []).append(part)
                continue
            if isinstance(part, Exercise):
                asked.add(part.key)
            kept.append(part)
        cell.parts[:] = kept
    return early


def ask_before_answering(
    subslide: Subslide, early: dict[str, list[HeldBack]] | None = None
) -> list[Subslide]:
    """The subslide cut at each exercise: what came before it and the question, the answer, the
    views held back for it that came earlier (`early`), then the rest (cut again at its next
    exercise). The slide's notes stay with its question."""
    early = early or {}
    for g, group in enumerate(subslide.groups):
        for p, part in enumerate(group.parts):
            if not isinstance(part, Exercise):
                continue
            before = [*subslide.groups[:g], Group(group.fragment, group.parts[:p])]
            hint = [fragment("exercise.html.j2", "hint", exercise=part)] if part.hint else []
            question = Subslide(before, [*subslide.notes, *hint], "question", part)
            before[-1].parts.append(fragment("exercise.html.j2", "deck_question", exercise=part))
            answer = Subslide(
                [Group(False, [fragment("exercise.html.j2", "deck_answer", exercise=part)])],
                role="answer",
                exercise=part,
            )
            rest = Subslide(
                [Group(group.fragment, group.parts[p + 1 :]), *subslide.groups[g + 1 :]],
                resumed=True,
            )
            shown = [question, answer]
            if early.get(part.key):
                shown.append(Subslide([Group(False, [*early[part.key]])], resumed=True))
            if any(later.parts for later in rest.groups):
                shown += ask_before_answering(rest, early)
            return shown
    return [subslide]


def deck_slides(cells: list[Cell]) -> list[list[Subslide]]:
    """The deck's slides: the notebook's, each exercise asked before it is answered and before
    any view held back for it."""
    early = held_before_asked(cells)
    return [
        [shown for subslide in slide for shown in ask_before_answering(subslide, early)]
        for slide in slides_of(cells)
    ]


def build_slides(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    notes_scripts, notes_styles = speaker_view()
    return render_page(
        "deck.html.j2",
        title=title_of(notebook),
        body_class="deck",
        slides=deck_slides(render_cells(notebook, "deck")),
        styles=[style(asset("reveal", name)) for name in ("reveal.css", "white.css")]
        + [style(asset("deck.css"))],
        scripts=[
            plotly_js(),
            script(asset("reveal", "reveal.js")),
            script(asset("reveal", "notes.js")),
            script(asset("charts.js")),
            script(asset("fit.js")),
            script(asset("deck.js")),
        ],
        # The speaker view (S) is a window the notes plugin writes, under this page's policy:
        # its scripts and styles are allowed by hash, and it shows this file in two frames.
        also_allowed=(notes_scripts, notes_styles),
        frames=True,
    )
