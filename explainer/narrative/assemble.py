"""Sections and a lesson into notebook cells: headings numbered, slide metadata set, ids fixed.

Cell ids are their place in the notebook, not nbformat's random ones, so that generating the
same package twice gives the same file. Each code part becomes source here, every call in it
checked against the notebook's setup (`calls`).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..package import load_package
from ..views import exercises
from . import calls
from .lesson import TITLE, Lesson, read_lesson, written
from .parts import OPENING, PACKAGE, Ask, Call, Code, Section, Setup
from .registry import EXERCISE_KINDS
from .sections import plan, slots


def generate_notebook(package_folder: Path, notebook_path: Path):
    """The explainer of the package in `package_folder`, to be saved at `notebook_path` (not
    run). Raises PackageError for an invalid package, LessonError for a wrong lesson.md,
    NarrativeError for a section that cannot be written (a bug of the engine)."""
    import nbformat  # slow to import (2 s); only the `notebook` command needs it

    package = load_package(package_folder)
    sources = [package.article.text, *(fact.fact for fact in package.context)]
    lesson = read_lesson(package_folder, slots(), sources)
    relative = Path(os.path.relpath(package_folder.resolve(), notebook_path.resolve().parent))
    notebook = nbformat.v4.new_notebook()
    notebook.metadata.update(
        kernelspec={
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        },
        language_info={"name": "python"},
        title=package.article.headline,  # the page's title in Voila (app, classroom, hub)
    )
    number = 0
    for index, section in enumerate(plan(package, relative.as_posix())):
        number += section.numbered
        for part, (kind, source, slide) in enumerate(_cells(section, lesson, number)):
            new = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
            cell = new(source, id=f"s{index:02d}-{part:02d}")
            cell.metadata["slideshow"] = {"slide_type": slide}
            notebook.cells.append(cell)
    return notebook


def exercise_call(ask: Ask) -> Call:
    """`exercises.Exercise(exercises.KIND(package, "record id"))`."""
    question = Call(EXERCISE_KINDS[ask.kind].build, (PACKAGE, ask.record_id))
    return Call(exercises.Exercise, (question,))


def _cells(section: Section, lesson: Lesson, number: int) -> list[tuple[str, str, str]]:
    """(kind, source, slide type) of each cell of a section; empty prose makes no cell."""
    title = written(lesson, section.slug, TITLE, section.title)
    heading = f"## {number}. {title}" if section.numbered else f"# {title}"
    cells = []
    for part in section.parts:
        if isinstance(part, Setup):
            cells.append(("code", calls.setup_source(part.path), "-"))
        elif isinstance(part, Ask):
            cells.append(("code", calls.source(exercise_call(part)), part.slide))
        elif isinstance(part, Code):
            cells.append(("code", calls.cell_source(part.statements), part.slide))
        else:
            text = written(lesson, section.slug, part.slot, part.text)
            if part.slot == OPENING:
                text = f"{heading}\n\n{text}".strip()
            if text:
                cells.append(("markdown", text, part.slide))
    return cells
