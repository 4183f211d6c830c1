"""Short exercises with immediate feedback, whose answers come from the data package.

Each question is built from a record of the package (an event, a claim, a takeaway), so the
right answer and the explanation are the data itself: editing the data changes the answer, and
no answer is written twice. The widget lets a reader try again as often as they like.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import ipywidgets as widgets

from ..package.model import Package, UnknownId
from ..package.vocabulary import SOURCE_KIND, STATUS, VERDICT
from .focus import ANSWER_CLASS, FOCUS_STYLE, KEYBOARD_CLASS
from .html import Markup, join, tag
from .render import PLAIN_WIDTH
from .tables import attribution_chain, quoted
from .when import in_words

RIGHT_STYLE = "color:#006644;font-weight:bold"
WRONG_STYLE = "color:#B34700;font-weight:bold"


# The exercise as data, beside its widget in every stored output: what a deck, a worksheet or a
# class's record of answers needs of it, with no kernel to ask (see Question.document).
EXERCISE_MIMETYPE = "application/vnd.explainer.exercise+json"


@dataclass(frozen=True)
class Question:
    key: str  # "kind:record id", stable across runs and edits of other records
    prompt: str
    quote: str
    options: tuple[tuple[str, str], ...]  # (label shown, value checked)
    correct: frozenset[str]
    explanation: str

    def document(self) -> dict[str, object]:
        """The question as JSON: its key and kind, the prompt, the quote, the choices in order
        (label and value), the right values and the explanation."""
        return {
            "key": self.key,
            "kind": self.key.split(":", 1)[0],
            "prompt": self.prompt,
            "quote": self.quote,
            "choices": [{"label": label, "value": value} for label, value in self.options],
            "correct": sorted(self.correct),
            "explanation": str(self.explanation),
        }


@dataclass(frozen=True)
class Attempt:
    """One answer checked in an exercise, as its listeners hear of it."""

    exercise: str  # the question's key
    choice: str  # the option value chosen
    right: bool
    tries: int  # answers checked in this exercise so far, this one included
    hints: int = 0  # hints the feedback has given in this exercise so far, this answer's included


# Called with every Attempt, in order (a classroom's record of answers listens here).
LISTENERS: list[Callable[[Attempt], None]] = []


@dataclass(frozen=True)
class Feedback:
    right: bool
    message: Markup


def check(question: Question, answer: str) -> Feedback:
    """Say whether `answer` (an option value) is right, and always say why."""
    values = {value for _, value in question.options}
    if answer not in values:
        raise ValueError(f"{answer!r} is not one of the options: {', '.join(sorted(values))}")
    right = answer in question.correct
    verdict = (
        tag("span", "Right.", style=RIGHT_STYLE)
        if right
        else tag("span", "Not quite: try again.", style=WRONG_STYLE)
    )
    return Feedback(right, join([verdict, " ", question.explanation]))


def relative_date(package: Package, event_id: str) -> Question:
    """Resolve the event's relative date from the dateline; distractors are a week either side."""
    event = package.event(event_id)
    if not event.date_text or event.precision != "day":
        raise ValueError(f"event {event_id!r} has no relative date resolved to a single day")
    resolved = event.earliest
    candidates = sorted({resolved - timedelta(days=7), resolved, resolved + timedelta(days=7)})
    published = package.article.published
    return Question(
        key=f"relative_date:{event_id}",
        prompt=(
            f"The article is dated {in_words(published)}. Which day is {quoted(event.date_text)}?"
        ),
        quote=package.evidence_for(event).quote,
        options=tuple((in_words(d), d.isoformat()) for d in candidates),
        correct=frozenset({resolved.isoformat()}),
        explanation=event.resolution,
    )


def claim_source(package: Package, claim_id: str) -> Question:
    """Who makes this claim? Options: everyone who makes some claim in the article."""
    claim = package.claim(claim_id)
    speakers = sorted({c.asserted_by for c in package.claims}, key=lambda a: package.actor(a).name)
    return Question(
        key=f"claim_source:{claim_id}",
        prompt="Who is the source of this claim: whose information is it?",
        quote=claim.quote,
        options=tuple((package.actor(a).name, a) for a in speakers),
        correct=frozenset({claim.asserted_by}),
        explanation=f"The chain of attribution is {attribution_chain(package, claim)}.",
    )


def hedge_word(package: Package, claim_id: str, distractors: int = 3) -> Question:
    """Which word makes the claim less than certain? Distractors: the quote's longest words."""
    claim = package.claim(claim_id)
    hedge_words = {w for h in claim.hedges for w in h.split()}
    words = [w.strip(".,“”") for w in claim.quote.split()]
    others = sorted(
        {w for w in words if w not in hedge_words and w.isalpha()}, key=lambda w: (-len(w), w)
    )
    options = sorted(set(claim.hedges) | set(others[:distractors]), key=claim.quote.find)
    return Question(
        key=f"hedge_word:{claim_id}",
        prompt="Which word or phrase makes this claim less than certain?",
        quote=claim.quote,
        options=tuple((o, o) for o in options),
        correct=frozenset(claim.hedges),
        explanation=(
            f"{' and '.join(quoted(h) for h in claim.hedges)} leave the claim "
            f"{claim.certainty}: {claim.summary}"
        ),
    )


def source_kind(package: Package, claim_id: str) -> Question:
    """Is the claim's source named and on the record, unnamed, or not given at all?"""
    claim = package.claim(claim_id)
    speaker = package.actor(claim.asserted_by)
    return Question(
        key=f"source_kind:{claim_id}",
        prompt="What kind of source is behind this claim?",
        quote=claim.quote,
        options=tuple((style.label, kind) for kind, style in SOURCE_KIND.items()),
        correct=frozenset({claim.source_kind}),
        explanation=(
            f"It comes from {speaker.name} ({quoted(speaker.mention)}): "
            f"{SOURCE_KIND[claim.source_kind].label}, {SOURCE_KIND[claim.source_kind].meaning}."
        ),
    )


def plan_or_fact(package: Package, event_id: str) -> Question:
    """Where did the event stand when the article was published: done, planned, ruled out...?"""
    event = package.event(event_id)
    style = STATUS[event.status]
    return Question(
        key=f"plan_or_fact:{event_id}",
        prompt=f"When the article was published, where did this stand: {event.label}?",
        quote=package.evidence_for(event).quote,
        options=tuple((s.label, status) for status, s in STATUS.items()),
        correct=frozenset({event.status}),
        explanation=f"It was {style.label}: {style.meaning}. {event.resolution}",
    )


def takeaway_verdict(package: Package, takeaway_id: str) -> Question:
    """Compare a Key Takeaway with the body of the article."""
    takeaway = next((t for t in package.takeaways if t.id == takeaway_id), None)
    if takeaway is None:  # as Package's look-ups say it, not a bare StopIteration
        raise UnknownId("takeaway", takeaway_id)
    return Question(
        key=f"takeaway_verdict:{takeaway_id}",
        prompt="Compare this Key Takeaway with the body of the article. Is it...",
        quote=takeaway.quote,
        options=tuple((v.label, verdict) for verdict, v in VERDICT.items()),
        correct=frozenset({takeaway.verdict}),
        explanation=takeaway.explanation,
    )


FEEDBACK_ROLE = {"role": "status"}  # a screen reader announces the feedback when it changes


class Exercise:
    """A question as a widget: choose an answer, check it, read why, try again.

    The answers are a list box, not radio buttons: ipywidgets' radio buttons share no name and no
    group, so each is a Tab stop of its own and none says which question it answers. A list box
    is one Tab stop (arrow keys choose), shows every answer, and is named by the question.
    """

    def __init__(self, question: Question) -> None:
        self.question = question
        self.choice = widgets.Select(
            options=list(question.options),
            value=None,
            rows=len(question.options),
            description=f"Your answer: {question.prompt}",
            layout=widgets.Layout(width="max-content", max_width="100%"),
        )
        self.choice.add_class(ANSWER_CLASS)
        self.button = widgets.Button(description="Check", button_style="primary")
        self.feedback = widgets.HTML()
        self.tries = 0
        self.button.on_click(lambda _: self.answer(self.choice.value))
        header = join(
            [tag("b", "Exercise: "), question.prompt, tag("blockquote", quoted(question.quote))]
        )
        self.view = widgets.VBox(
            [widgets.HTML(FOCUS_STYLE + str(header)), self.choice, self.button, self.feedback],
            layout=widgets.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"),
        )
        self.view.add_class(KEYBOARD_CLASS)

    def answer(self, value: str | None) -> Feedback | None:
        if value is None:
            self.feedback.value = str(tag("p", "Choose an answer first.", **FEEDBACK_ROLE))
            return None
        feedback = check(self.question, value)
        self.tries += 1
        attempt = Attempt(self.question.key, value, feedback.right, self.tries)
        for listener in LISTENERS:
            listener(attempt)
        self.feedback.value = str(tag("p", feedback.message, **FEEDBACK_ROLE))
        return feedback

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = textwrap.fill(  # lines short enough never to break mid-word
            f"Exercise: {self.question.prompt} {quoted(self.question.quote)} "
            "(interactive: run the notebook to answer)",
            width=PLAIN_WIDTH,
        )
        bundle[EXERCISE_MIMETYPE] = self.question.document()
        return bundle


def revealed_after(question_key: str, view: object) -> object:
    """The view that would give away the answer of the exercise `question_key`, shown only once
    that exercise is answered (right, or wrong twice) or its "Show me" is chosen.

    Interface stub for issue 16: shows the view at once until the exercise widget learns to hold
    it back (lesson-exercises' work); the narrative already calls it where it must.
    """
    return view
