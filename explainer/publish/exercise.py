"""An exercise as a page shows it: read from its stored JSON, its choices lettered A, B, C...

Every exercise output of a stored notebook carries its question as JSON beside the widget
(`EXERCISE_MIMETYPE`, see explainer/views/exercises.py): the prompt, the quote, the choices, the
right values, the explanation and, where the notebook gives one, the hint a first wrong answer
gets. The deck, the handout, the worksheet and the answer key read it from there, never from a
kernel. A notebook from elsewhere may hold anything under that mimetype, so its shape is checked
here and a problem named in one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..views.exercises import EXERCISE_MIMETYPE
from .notebook import PublishError

__all__ = ["EXERCISE_MIMETYPE", "Choice", "Exercise", "exercise_of", "letter"]

TEXT_FIELDS = ("key", "kind", "prompt", "quote", "explanation")


@dataclass(frozen=True)
class Choice:
    letter: str
    label: str
    right: bool


@dataclass(frozen=True)
class Exercise:
    """One question, numbered in the order the notebook asks it (from 1)."""

    number: int
    key: str
    kind: str
    prompt: str
    quote: str
    choices: tuple[Choice, ...]
    explanation: str
    hint: str  # "" when the notebook gives none

    @property
    def right(self) -> tuple[Choice, ...]:
        return tuple(choice for choice in self.choices if choice.right)


def letter(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... as spreadsheets name columns: a package may offer more
    choices than the alphabet has letters (every speaker of a long article, say)."""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name


def exercise_of(document: dict, number: int) -> Exercise:
    """The exercise a stored output's EXERCISE_MIMETYPE JSON describes, or PublishError saying
    what is wrong with it."""
    for name in TEXT_FIELDS:
        if not isinstance(document.get(name), str):
            raise PublishError(f"its exercise has no text {name!r}")
    hint = document.get("hint", "")
    if not isinstance(hint, str):
        raise PublishError("its exercise's 'hint' is not text")
    choices = document.get("choices")
    if not isinstance(choices, list) or not choices:
        raise PublishError("its exercise has no list of choices")
    if not all(
        isinstance(c, dict) and isinstance(c.get("label"), str) and isinstance(c.get("value"), str)
        for c in choices
    ):
        raise PublishError("its exercise has a choice without a text label and value")
    correct = document.get("correct")
    values = [choice["value"] for choice in choices]
    if not isinstance(correct, list) or not correct or not set(correct) <= set(values):
        raise PublishError("its exercise's 'correct' does not name some of its choices")
    return Exercise(
        number=number,
        key=document["key"],
        kind=document["kind"],
        prompt=document["prompt"],
        quote=document["quote"],
        choices=tuple(
            Choice(letter(i), choice["label"], choice["value"] in correct)
            for i, choice in enumerate(choices)
        ),
        explanation=document["explanation"],
        hint=hint,
    )
