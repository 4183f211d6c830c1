"""Short exercises with feedback that teaches, whose answers come from the data package.

Each question is built from a record of the package (an event, a claim, a takeaway), so the
right answer, the hint and the explanation are the data itself: editing the data changes them,
and no answer is written twice. A first wrong answer gets the hint, which narrows the search
(what kind of word to look for, which day to count from) without naming the answer; only a
second wrong answer, a right one or "Show me" gives the explanation, and only then does a view
held back for the exercise (held_back.revealed_after) appear.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import ipywidgets as widgets

from ..package.model import Claim, Event, Package, UnknownId
from ..package.vocabulary import SOURCE_KIND, STATUS, VERDICT
from .focus import ANSWER_CLASS, CHOICES_CLASS, EXERCISE_CLASS, FOCUS_STYLE, KEYBOARD_CLASS
from .held_back import HeldBack, ask, settle
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
    hint: str  # for a first wrong answer: narrows the search, never names the answer

    def document(self) -> dict[str, object]:
        """The question as JSON: its key and kind, the prompt, the quote, the choices in order
        (label and value), the right values, the explanation and the hint."""
        return {
            "key": self.key,
            "kind": self.key.split(":", 1)[0],
            "prompt": self.prompt,
            "quote": self.quote,
            "choices": [{"label": label, "value": value} for label, value in self.options],
            "correct": sorted(self.correct),
            "explanation": str(self.explanation),
            "hint": self.hint,
        }

    @property
    def answer(self) -> str:
        """The right choices' labels, as a sentence says them."""
        labels = [quoted(label) for label, value in self.options if value in self.correct]
        return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} or {labels[-1]}"


@dataclass(frozen=True)
class Attempt:
    """One answer checked in an exercise, as its listeners hear of it."""

    exercise: str  # the question's key
    choice: str  # the option value chosen
    right: bool
    tries: int  # answers checked in this exercise so far, this one included
    hints: int = 0  # hints the feedback has given in this exercise so far, this answer's included
    shown: bool = False  # "Show me" was chosen before this answer: it is not the student's own


# Called with every Attempt, in order (a classroom's record of answers listens here).
LISTENERS: list[Callable[[Attempt], object]] = []


@dataclass(frozen=True)
class Feedback:
    right: bool
    message: Markup
    settled: bool  # the explanation was given: what the exercise held back may be shown
    hinted: bool = False


def check(question: Question, answer: str, wrong_before: int = 0) -> Feedback:
    """Say whether `answer` (an option value) is right. A right answer, or a wrong one after
    `wrong_before` others, is told why; a first wrong answer gets the hint instead."""
    values = {value for _, value in question.options}
    if answer not in values:
        raise ValueError(f"{answer!r} is not one of the options: {', '.join(sorted(values))}")
    if answer in question.correct:
        verdict = tag("span", "Right.", style=RIGHT_STYLE)
        return Feedback(True, join([verdict, " ", question.explanation]), settled=True)
    verdict = tag("span", "Not quite.", style=WRONG_STYLE)
    if not wrong_before:
        hint = join([verdict, " ", tag("b", "A hint: "), question.hint, TRY_AGAIN])
        return Feedback(False, hint, settled=False, hinted=True)
    return Feedback(False, join([verdict, " ", explained(question)]), settled=True)


TRY_AGAIN = " Try again, or choose Show me."


def explained(question: Question) -> Markup:
    return join([f"The answer is {question.answer}. ", question.explanation])


def _evidence(package: Package, event: Event) -> Claim:
    """The claim an exercise quotes for an event: every event has one (validate holds it)."""
    claim = package.evidence_for(event)
    assert claim is not None, event.id
    return claim


def relative_date(package: Package, event_id: str) -> Question:
    """Resolve the event's relative date from the dateline; distractors are a week either side."""
    event = package.event(event_id)
    if not event.date_text or event.precision != "day":
        raise ValueError(f"event {event_id!r} has no relative date resolved to a single day")
    resolved = event.earliest
    assert resolved is not None  # precision "day": validate holds earliest to it
    candidates = sorted({resolved - timedelta(days=7), resolved, resolved + timedelta(days=7)})
    published = package.article.published
    return Question(
        key=f"relative_date:{event_id}",
        prompt=(
            f"The article is dated {in_words(published)}. Which day is {quoted(event.date_text)}?"
        ),
        quote=_evidence(package, event).quote,
        options=tuple((in_words(d), d.isoformat()) for d in candidates),
        correct=frozenset({resolved.isoformat()}),
        explanation=event.resolution,
        hint=counting_hint(published, resolved, event.date_text),
    )


ORDINALS = ("first", "second", "third", "fourth", "fifth")


def counting_hint(published: date, resolved: date, date_text: str) -> str:
    """Which day to start from and which way to count, without the count's result: for a
    weekday the words name, also which of those weekdays it is (the first after the dateline)."""
    start = f"Start from the day the story is dated, {in_words(published)}"
    if resolved == published:
        return f"{start}: is the day {quoted(date_text)} names before it, after it, or that day?"
    way = "forward" if resolved > published else "back"
    weekday = f"{resolved:%A}"
    weeks = (abs((resolved - published).days) - 1) // 7
    if weekday.lower() in date_text.lower() and weeks < len(ORDINALS):
        after = "after" if resolved > published else "before"
        return f"{start}, and count {way}: it is the {ORDINALS[weeks]} {weekday} {after} it."
    return f"{start}, and count {way} from it, as a reader would on that day."


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
        hint=chain_hint(len(claim.attribution)),
    )


def chain_hint(links: int) -> str:
    """How the claim reached the article (its chain's length), and which end is its source."""
    look = "Look for the words that say who said or reported it"
    if links == 1:
        return "Look for words that credit the claim to someone; if none do, who is speaking?"
    if links == 2:
        return f"{look}: the article has it straight from its source."
    return (
        f"{look}: it was passed on before it reached the article. The source is the one it "
        "started with, not one who passed it on."
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
        hint=hedge_hint(claim.hedges),
    )


# Two wordings of the hedge hint: the first that contains none of the claim's hedge words is
# used, so that the hint never names the answer ("not", "may" are hedges and common words too).
HEDGE_HINTS = (
    "Look for a word about how sure the claim is, rather than what it says happens: one that "
    "leaves room for doubt.",
    "Which of the choices changes how certain the sentence sounds, if you leave it out?",
)


def hedge_hint(hedges: tuple[str, ...]) -> str:
    """What kind of word to look for, and whether the sentence has more than one."""
    many = "one" if len(hedges) == 1 else "more than one, and any of them is right"
    named = re.compile("|".join(rf"\b{re.escape(h)}\b" for h in hedges), re.IGNORECASE)
    hints = [f"{hint} This sentence has {many}." for hint in HEDGE_HINTS]
    return next((hint for hint in hints if not named.search(hint)), hints[-1])


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
            f"It comes from {speaker.name}"
            + (f" ({quoted(speaker.mention)})" if speaker.mention else "")
            + ": "
            + f"{SOURCE_KIND[claim.source_kind].label}, {SOURCE_KIND[claim.source_kind].meaning}."
        ),
        hint=(
            f"Look at the words the article uses for whoever gives it: {quoted(speaker.mention)}. "
            if speaker.mention
            else "Look for any words in or near the quotation that say who gives it. "
        )
        + "Could a reader tell who that is, and ask them?",
    )


def plan_or_fact(package: Package, event_id: str) -> Question:
    """Where did the event stand when the article was published: done, planned, ruled out...?"""
    event = package.event(event_id)
    style = STATUS[event.status]
    return Question(
        key=f"plan_or_fact:{event_id}",
        prompt=f"When the article was published, where did this stand: {event.label}?",
        quote=_evidence(package, event).quote,
        options=tuple((s.label, status) for status, s in STATUS.items()),
        correct=frozenset({event.status}),
        explanation=f"It was {style.label}: {style.meaning}. {event.resolution}",
        hint=standing_hint(package.article.published, event.earliest, event.latest),
    )


def standing_hint(published: date, earliest: date | None, latest: date | None) -> str:
    """Read the verbs; and where the article dates the event, which side of the dateline."""
    hint = "Read the quotation's verbs: do they say it is done, going on, intended, or unsure?"
    if earliest is not None and earliest > published:
        return f"{hint} The article puts it after the story's date, {in_words(published)}."
    if latest is not None and latest < published:
        return f"{hint} The article puts it before the story's date, {in_words(published)}."
    return hint


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
        hint=comparing_hint(
            [
                package.claim(s.claim).quote
                for s in package.takeaway_support
                if s.takeaway == takeaway_id
            ]
        ),
    )


OPENING_WORDS = 6


def comparing_hint(backing: list[str]) -> str:
    """Where in the body to look (the claims the package ties the takeaway to) and what to
    compare, without the verdict."""
    compare = (
        "read them against it word by word: does it keep their hedges and their sources, "
        "and say no more than they do?"
    )
    if not backing:
        return f"Look for the sentences of the body that say the same thing, then {compare}"
    opening = " ".join(backing[0].split()[:OPENING_WORDS])
    sentences = "sentence" if len(backing) == 1 else "sentences"
    first = "it begins" if len(backing) == 1 else "the first begins"
    return (
        f"Find the {sentences} of the body that it sums up ({first} {quoted(opening)}…), "
        f"then {compare}"
    )


FEEDBACK_ROLE = {"role": "status"}  # a screen reader announces the feedback when it changes


class Exercise:
    """A question as a widget: choose an answer, check it, get a hint, try again, or be shown.

    The answers are a list box, not radio buttons: ipywidgets' radio buttons share no name and no
    group, so each is a Tab stop of its own and none says which question it answers. A list box
    is one Tab stop (arrow keys choose), shows every answer, and is named by the question; its
    options are drawn as radio-like cards (focus.py) so that they look like something to click.
    """

    def __init__(self, question: Question) -> None:
        self.question = question
        self.choice = widgets.Select(
            options=list(question.options),
            value=None,
            rows=len(question.options),
            description=f"Your answer: {question.prompt}",
            layout=widgets.Layout(width="max-content", max_width="100%", height="auto"),
        )
        self.choice.add_class(ANSWER_CLASS)
        self.choice.add_class(CHOICES_CLASS)
        self.button = widgets.Button(description="Check", button_style="primary")
        self.show_me = widgets.Button(description="Show me", tooltip="Show the answer and why")
        self.feedback = widgets.HTML()
        self.tries = self.wrong = self.hints = 0
        self.shown = False
        self.button.on_click(lambda _: self.answer(self.choice.value))
        self.show_me.on_click(lambda _: self.show())
        header = tag(
            "div",
            join(
                [tag("b", "Exercise: "), question.prompt, tag("blockquote", quoted(question.quote))]
            ),
            data_exercise=question.key,
        )
        self.view = widgets.VBox(
            [
                widgets.HTML(FOCUS_STYLE + str(header)),
                self.choice,
                widgets.HBox([self.button, self.show_me]),
                self.feedback,
            ],
            layout=widgets.Layout(border="1px solid #ccc", padding="8px", margin="8px 0"),
        )
        self.view.add_class(KEYBOARD_CLASS)
        self.view.add_class(EXERCISE_CLASS)
        ask(question.key)

    def answer(self, value: str | None) -> Feedback | None:
        if value is None:
            self.feedback.value = str(tag("p", "Choose an answer first.", **FEEDBACK_ROLE))
            return None
        feedback = check(self.question, value, self.wrong)
        self.tries += 1
        self.wrong += not feedback.right
        self.hints += feedback.hinted
        attempt = Attempt(
            self.question.key, value, feedback.right, self.tries, self.hints, self.shown
        )
        for listener in LISTENERS:
            listener(attempt)
        self.feedback.value = str(tag("p", feedback.message, **FEEDBACK_ROLE))
        if feedback.settled:
            settle(self.question.key)
        return feedback

    def show(self) -> None:
        """ "Show me": the answer and why, and whatever the exercise held back."""
        self.shown = True
        self.feedback.value = str(tag("p", explained(self.question), **FEEDBACK_ROLE))
        settle(self.question.key)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = textwrap.fill(  # lines short enough never to break mid-word
            f"Exercise: {self.question.prompt} {quoted(self.question.quote)} "
            "(interactive: run the notebook to answer)",
            width=PLAIN_WIDTH,
        )
        bundle[EXERCISE_MIMETYPE] = self.question.document()
        return bundle


BUILDERS = {
    builder.__name__: builder
    for builder in (
        hedge_word, claim_source, source_kind, relative_date, plan_or_fact, takeaway_verdict
    )
}  # fmt: skip


def revealed_after(
    question_keys: str | Sequence[str], view: object, what: str = "the evidence"
) -> HeldBack:
    """`view` shown only once each exercise of `question_keys` ("kind:record id", as
    Question.key says it; one key or several) is answered right, answered wrong twice, or its
    "Show me" is chosen; until then a placeholder saying so, which names the view as `what`
    ("the dating table"). Several keys wait one inside the other, the last one outermost, so a
    page shows the view after the exercise asked last. See held_back.py.
    """
    keys = [question_keys] if isinstance(question_keys, str) else list(question_keys)
    if not keys:
        raise ValueError("revealed_after needs at least one exercise's key")
    for key in keys:
        kind, _, record = key.partition(":")
        if kind not in BUILDERS or not record:
            raise ValueError(
                f"{key!r} is not an exercise's key: expected 'kind:record id', the kind one "
                f"of {', '.join(sorted(BUILDERS))}"
            )
    held = HeldBack(keys[0], view, what)
    for key in keys[1:]:
        held = HeldBack(key, held, what)
    return held


__all__ = [
    "EXERCISE_MIMETYPE",
    "LISTENERS",
    "Attempt",
    "Exercise",
    "Feedback",
    "Question",
    "check",
    "claim_source",
    "hedge_word",
    "plan_or_fact",
    "relative_date",
    "revealed_after",
    "source_kind",
    "takeaway_verdict",
]
