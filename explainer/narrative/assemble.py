"""Sections and a lesson into notebook cells: headings numbered, slide metadata set, ids fixed.

Cell ids are their place in the notebook, not nbformat's random ones, so that generating the
same package twice gives the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..package import load_package
from .lesson import TITLE, read_lesson, written
from .parts import OPENING, Code, Section
from .sections import SLOTS, sections


def generate_notebook(package_folder: Path, notebook_path: Path):
    """The explainer of the package in `package_folder`, to be saved at `notebook_path` (not
    run). Raises PackageError for an invalid package, LessonError for a wrong lesson.md."""
    import nbformat  # slow to import (2 s); only the `notebook` command needs it

    package = load_package(package_folder)
    sources = [package.article.text, *(fact.fact for fact in package.context)]
    lesson = read_lesson(package_folder, SLOTS, sources)
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
    for index, section in enumerate(sections(package, relative.as_posix())):
        number += section.numbered
        cells = _cells(section, lesson, number)
        for part, (kind, source, slide) in enumerate(cells):
            new = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
            cell = new(source, id=f"s{index:02d}-{part:02d}")
            cell.metadata["slideshow"] = {"slide_type": slide}
            notebook.cells.append(cell)
    return notebook


def _cells(section: Section, lesson, number: int) -> list[tuple[str, str, str]]:
    """(kind, source, slide type) of each cell of a section; empty prose makes no cell."""
    title = written(lesson, section.title, TITLE, section.title)
    heading = f"## {number}. {title}" if section.numbered else f"# {title}"
    cells = []
    for part in section.parts:
        if isinstance(part, Code):
            cells.append(("code", part.source, part.slide))
            continue
        text = written(lesson, section.title, part.slot, part.text)
        if part.slot == OPENING:
            text = f"{heading}\n\n{text}".strip()
        if text:
            cells.append(("markdown", text, part.slide))
    return cells
