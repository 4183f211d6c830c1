"""The pieces a section is made of: prose a lesson can replace, exercises, and code cells that
are calls to real functions.

A code cell is not a string: it holds the functions it calls, so that generating the notebook
checks that each is one the notebook's setup imports and that its arguments fit its signature
(`calls`), and so that the narrative knows which views would give an exercise's answer away
(`giveaways`). Renaming a view then fails when the notebook is generated, not when it runs.

`slide` is the cell's slideshow type, as nbconvert and the deck read it: "slide" starts a
slide, "subslide" a slide below it, "-" continues, "skip" stays out of the deck.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ExplainerError

OPENING = ""  # the slot of a section's first text, written under its heading in lesson.md

# The names of prose slots that several sections share (their headings in lesson.md).
TRY_IT = "Try it"
AS_A_TABLE = "As a table"
OUTSIDE = "Outside context"
AFTER_THE_TABLE = "After the table"

TRY_IT_TEXT = "**Try it.** Answer before you read on: the evidence comes after the question."


class NarrativeError(ExplainerError, ValueError):
    """A section that cannot be written as it is built: a call the notebook could not make, or
    an order in which evidence would come before the exercise it answers."""


@dataclass(frozen=True)
class Ref:
    """A name the notebook binds (`package`, `explorer`), an attribute path and a key of it:
    `Ref("explorer", ("picks",), "All actors")` is `explorer.picks["All actors"]`."""

    name: str
    attributes: tuple[str, ...] = ()
    key: str | None = None


PACKAGE = Ref("package")


@dataclass(frozen=True)
class Call:
    """`function(*args)`, where an argument is a Ref, another Call, or JSON-like data."""

    function: Callable
    args: tuple[object, ...] = ()

    def __post_init__(self) -> None:
        try:
            signature = inspect.signature(self.function)
        except ValueError:  # a builtin without a signature (print): nothing to check
            return
        try:
            signature.bind(*self.args)
        except TypeError as error:
            name = getattr(self.function, "__qualname__", self.function)
            raise NarrativeError(f"{name}() cannot be called so: {error}") from None


def call(function: Callable, *args: object) -> Call:
    return Call(function, args)


@dataclass(frozen=True)
class Assign:
    """`name = value`: binds a Ref later cells use."""

    name: str
    value: Call


Statement = Call | Assign | Ref


@dataclass(frozen=True)
class Code:
    statements: tuple[Statement, ...]
    slide: str = "-"


def code(*statements: Statement, slide: str = "-") -> Code:
    return Code(statements, slide)


@dataclass(frozen=True)
class Ask:
    """An exercise cell: the registered exercise kind `kind` asked about one record."""

    kind: str
    record_id: str
    slide: str = "-"

    @property
    def key(self) -> str:
        """The question's key, as explainer/views/exercises.py's Question has it."""
        return f"{self.kind}:{self.record_id}"


@dataclass(frozen=True)
class Prose:
    slot: str  # its heading in lesson.md (OPENING for the text under the section heading)
    text: str  # generated markdown; "" shows nothing unless the lesson writes something
    slide: str = "-"


@dataclass(frozen=True)
class Setup:
    """The first code cell: the notebook's imports and its package (see `calls.SETUP`)."""

    path: str  # the package folder, relative to the notebook


Part = Prose | Code | Ask | Setup


@dataclass(frozen=True)
class Section:
    slug: str  # stable: what lesson.md names it by
    title: str  # the generated title (a lesson may give another)
    parts: tuple[Part, ...]
    numbered: bool = True
    prose_gives_away: frozenset[str] = frozenset()  # exercise kinds its prose would answer

    def asked(self) -> list[Ask]:
        return [p for p in self.parts if isinstance(p, Ask)]
