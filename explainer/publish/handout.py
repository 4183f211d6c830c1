"""The handout, from the stored notebook: the whole walkthrough on one page, no code, charts
interactive on screen, printable on A4 and Letter (assets/handout.css)."""

from __future__ import annotations

from pathlib import Path

from .assets import asset, plotly_js, script, style
from .content import render_cells
from .deck import slides_of
from .notebook import read_notebook, title_of
from .templates import render

START = "explainerCharts.draw(document);\nexplainerCharts.fitForPrint();\n"


def build_handout(notebook_path: Path) -> str:
    notebook = read_notebook(notebook_path)
    parts = [
        [part for subslide in slide for group in subslide.groups for part in group.parts]
        for slide in slides_of(render_cells(notebook))
    ]
    return render(
        "handout.html.j2",
        title=title_of(notebook),
        body_class="handout",
        parts=parts,
        styles=[style(asset("handout.css"))],
        scripts=[plotly_js(), script(asset("charts.js")), script(START)],
    )
