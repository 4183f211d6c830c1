"""The reveal.js slide deck, from the stored notebook: one offline HTML file, no code.

The slides follow the cells' `slideshow.slide_type` as `jupyter nbconvert --to slides` does
(slide, subslide, fragment, skip, notes, "-"). What a slide holds comes from any notebook, so
fitting it to the frame happens in the browser, where the text can be measured (assets/fit.js):
a table or a list too long for its slide continues on the next one, marked "continued", and
prose that does not fit moves to the speaker notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from .assets import asset, plotly_js, script, style
from .content import Cell, render_cells
from .notebook import read_notebook, title_of
from .templates import render


@dataclass
class Group:
    """Cells shown together: a "fragment" cell and the "-" cells after it appear at once."""

    fragment: bool
    parts: list[Markup] = field(default_factory=list)


@dataclass
class Subslide:
    groups: list[Group] = field(default_factory=list)
    notes: list[Markup] = field(default_factory=list)

    def add(self, cell: Cell) -> None:
        if cell.slide_type == "notes":
            self.notes.append(cell.html)
            return
        if cell.slide_type == "fragment" or not self.groups:
            self.groups.append(Group(cell.slide_type == "fragment"))
        if cell.html:
            self.groups[-1].parts.append(cell.html)


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


def build_slides(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    return render(
        "deck.html.j2",
        title=title_of(notebook),
        body_class="deck",
        slides=slides_of(render_cells(notebook)),
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
    )
