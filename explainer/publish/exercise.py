"""An exercise as a page shows it: read from its stored JSON, its choices lettered A, B, C...

Every exercise output of a stored notebook carries its question as JSON beside the widget
(`EXERCISE_MIMETYPE`, see explainer/views/exercises.py): the prompt, the quote, the choices, the
right values, the explanation and, where the notebook gives one, the hint a first wrong answer
gets. The deck, the handout, the worksheet and the answer key read it from there, never from a
kernel. A notebook from elsewhere may hold anything under that mimetype, so its shape is checked
here and a problem named in one line.

A view the notebook holds back until an exercise is answered (views/held_back.py) is stored with
its own outputs under HELD_BACK_MIMETYPE; it becomes a `HeldBack`, which each page places where
a lesson wants it: the deck after the exercise's answer slide, the handout with the answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..views.exercises import EXERCISE_MIMETYPE
from ..views.held_back import HELD_BACK_MIMETYPE
from .notebook import PublishError

__all__ = [
    "EXERCISE_MIMETYPE",
    "HELD_BACK_MIMETYPE",
    "Choice",
    "Exercise",
    "HeldBack",
    "exercise_of",
    "held_back_of",
    "letter",
]

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


@dataclass(frozen=True)
class HeldBack:
    """A view shown only once the exercise `key` is answered, as page content."""

    key: str
    parts: tuple  # its outputs as the page shows them (Markup, or the article)

    def __html__(self) -> Markup:
        return Markup("").join(Markup(part.__html__()) for part in self.parts)


def held_back_of(document: dict) -> tuple[str, list[dict]]:
    """The exercise key and the outputs a stored HELD_BACK_MIMETYPE JSON holds, or PublishError
    saying what is wrong with it."""
    if not isinstance(document, dict) or not isinstance(document.get("exercise"), str):
        raise PublishError("its held-back view names no exercise")
    outputs = document.get("outputs")
    if not isinstance(outputs, list) or not all(
        isinstance(o, dict) and isinstance(o.get("data"), dict) for o in outputs
    ):
        raise PublishError("its held-back view has no list of outputs with data")
    return document["exercise"], outputs
