"""Reading a stored notebook as the deck and the handout will show it, for the tests of both.

A view held back until an exercise is answered (HELD_BACK_MIMETYPE) counts as the outputs it
holds; the pages show them in its place or after the answer. Slide positions come from the slide
metadata and the exercises alone, never from the code under test. `waited_for` reads which
exercises a cell's held-back view waits for from the cell's source.
"""

from __future__ import annotations

import json
import re

from explainer.views.exercises import EXERCISE_MIMETYPE
from explainer.views.held_back import HELD_BACK_MIMETYPE
from explainer.views.render import PLOTLY_MIMETYPE


def outputs_of(cell: dict) -> list[dict]:
    """A cell's outputs, a view held back until an exercise is answered (HELD_BACK_MIMETYPE)
    counted as the outputs it holds, which the pages show in its place or after the answer."""
    found = []
    for output in cell.get("outputs", []):
        held = output.get("data", {}).get(HELD_BACK_MIMETYPE)
        if held is None:
            found.append(output)
        else:  # stored as display data: their data and metadata
            found += [{"output_type": "display_data", **inner} for inner in outputs_of(held)]
    return found


def early_held_keys(notebook: dict) -> set[str]:
    """The exercises some view waits for in a cell above the exercise's own."""
    asked, early = set(), set()
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if EXERCISE_MIMETYPE in data:
                asked.add(data[EXERCISE_MIMETYPE]["key"])
            held = data.get(HELD_BACK_MIMETYPE)
            if held is not None and held["exercise"] not in asked:
                early.add(held["exercise"])
    return early


def held_figures(notebook: dict) -> list[dict]:
    """The plotly figures inside views held back until an exercise is answered."""
    return [
        inner["data"][PLOTLY_MIMETYPE]
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if HELD_BACK_MIMETYPE in output.get("data", {})
        for inner in outputs_of({"outputs": [output]})
        if PLOTLY_MIMETYPE in inner.get("data", {})
    ]


def kind_of(cell: dict) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") or "-"


def shows_something(output: dict) -> bool:
    if output["output_type"] == "stream":
        return output.get("name") == "stdout"
    return bool(output.get("data"))


def expected_positions(notebook: dict) -> list[tuple[int, int] | None]:
    """Each cell's slide (h, v) as reveal.js numbers them, from the slide metadata and the
    exercises alone: an exercise ends its subslide, its answer is the next subslide, and what
    follows the exercise on its subslide goes on the one after."""
    positions: list[tuple[int, int] | None] = []
    h, v, answered = -1, 0, False  # answered: an answer subslide follows subslide v
    for cell in notebook["cells"]:
        kind = kind_of(cell)
        if kind == "skip":
            positions.append(None)
            continue
        if h < 0 or kind == "slide":
            h, v, answered = h + 1, 0, False
        elif kind == "subslide":
            v, answered = v + 1 + answered, False
        if kind == "notes" or cell["cell_type"] != "code":
            if answered and kind != "notes":
                v, answered = v + 2, False
            positions.append((h, v))
            continue
        first = None
        for output in filter(shows_something, outputs_of(cell)):
            if answered:
                v, answered = v + 2, False
            first = first or (h, v)
            answered = EXERCISE_MIMETYPE in output.get("data", {})
        positions.append(first or (h, v))
    return positions


def stored_exercises(notebook: dict) -> list[dict]:
    return [
        output["data"][EXERCISE_MIMETYPE]
        for cell in notebook["cells"]
        if kind_of(cell) != "skip"
        for output in outputs_of(cell)
        if EXERCISE_MIMETYPE in output.get("data", {})
    ]


def stored_figures(notebook: dict) -> list[tuple[dict, tuple[int, int]]]:
    """Every plotly figure of the notebook in order, with the slide it belongs on."""
    figures = []
    for cell, position in zip(notebook["cells"], expected_positions(notebook), strict=True):
        for output in outputs_of(cell):
            if position is not None and PLOTLY_MIMETYPE in output.get("data", {}):
                figures.append((output["data"][PLOTLY_MIMETYPE], position))
    return figures


def waited_for(text: str) -> list[str]:
    """The exercise keys a cell's `exercises.revealed_after(key or [keys], ...)` waits for."""
    found = re.search(r"exercises\.revealed_after\(\s*(\[[^\]]*\]|\"[^\"]*\")", text)
    if found is None:
        return []
    keys = json.loads(re.sub(r",\s*\]", "]", found.group(1)))  # the list's trailing comma
    return [keys] if isinstance(keys, str) else keys
