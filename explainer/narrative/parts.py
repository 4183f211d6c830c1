"""The pieces a section is made of: prose a lesson can replace, and code cells.

`slide` is the cell's slideshow type, as nbconvert and the deck read it: "slide" starts a
slide, "subslide" a slide below it, "-" continues, "skip" stays out of the deck.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

OPENING = ""  # the slot of a section's first text, written under its heading in lesson.md

# The names of prose slots that several sections share (their headings in lesson.md).
TRY_IT = "Try it"
AS_A_TABLE = "As a table"
OUTSIDE = "Outside context"
AFTER_THE_TABLE = "After the table"

TRY_IT_TEXT = "**Try it.** Click an answer, then *Check*. You can try again as often as you like."


@dataclass(frozen=True)
class Prose:
    slot: str  # its heading in lesson.md (OPENING for the text under the section heading)
    text: str  # generated markdown; "" shows nothing unless the lesson writes something
    slide: str = "-"


@dataclass(frozen=True)
class Code:
    source: str
    slide: str = "-"


@dataclass(frozen=True)
class Section:
    title: str  # also its heading in lesson.md
    parts: tuple[Prose | Code, ...]
    numbered: bool = True


def exercise(builder: str, record_id: str) -> Code:
    """An exercise cell: `builder` of explainer/views/exercises.py asked about one record."""
    return Code(f"exercises.Exercise(exercises.{builder}(package, {json.dumps(record_id)}))")
