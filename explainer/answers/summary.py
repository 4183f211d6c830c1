"""The class's answers per exercise: how many answered, what they answered first and last.

The first answer is what the teacher's chart shows: the one a student committed to before any
feedback, so it says what the class thought, not what the hints taught it. The same summary is
printed by `python -m explainer answers` and drawn by the teacher's view.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .lesson import Lesson
from .row import Row


@dataclass(frozen=True)
class Summary:
    exercise: str
    prompt: str  # "" when the lesson is not known (hand-ins read on their own)
    quote: str  # the article's words the question is about ("" likewise)
    choices: tuple[tuple[str, str], ...]  # (value, label), the lesson's order, then any other
    correct: tuple[str, ...]
    answered: int  # students who answered it
    first: dict[str, int]  # first answers: value -> students
    final: dict[str, int]
    hinted: int  # students who saw a hint
    right_first: int | None  # students right at the first try (None: the lesson is not known)

    def document(self) -> dict[str, object]:
        """As JSON for the teacher's page; `correct` goes with it, the page shows it on reveal."""
        return {
            "exercise": self.exercise,
            "prompt": self.prompt,
            "quote": self.quote,
            "choices": [{"value": v, "label": label} for v, label in self.choices],
            "correct": list(self.correct),
            "answered": self.answered,
            "first": self.first,
            "final": self.final,
            "hinted": self.hinted,
        }


def summarise(rows: Iterable[Row], lesson: Lesson | None = None) -> list[Summary]:
    """One Summary per exercise: the lesson's exercises in order (answered or not), then any
    other exercise answered, by key."""
    by_exercise: dict[str, list[Row]] = {}
    for row in rows:
        by_exercise.setdefault(row.exercise, []).append(row)
    known = [e["key"] for e in lesson.exercises] if lesson else []
    keys = known + sorted(set(by_exercise) - set(known))
    return [_summary(key, by_exercise.get(key, []), lesson) for key in keys]


def _summary(key: str, rows: list[Row], lesson: Lesson | None) -> Summary:
    document = lesson.exercise(key) if lesson else None
    first = Counter(row.first_answer for row in rows)
    final = Counter(row.final_answer for row in rows)
    choices = [(c["value"], c["label"]) for c in document["choices"]] if document else []
    listed = {value for value, _ in choices}
    choices += [(value, value) for value in sorted((first | final).keys() - listed)]
    correct = tuple(document["correct"]) if document else ()
    return Summary(
        exercise=key,
        prompt=document["prompt"] if document else "",
        quote=document["quote"] if document else "",
        choices=tuple(choices),
        correct=correct,
        answered=len(rows),
        first=dict(first),
        final=dict(final),
        hinted=sum(row.hints > 0 for row in rows),
        right_first=sum(first[v] for v in correct) if document else None,
    )


def text(summaries: list[Summary], students: int) -> str:
    """The summary as the command prints it: a block per exercise, counts beside each choice."""
    lines = [f"{students} student" + ("s" if students != 1 else "")]
    for summary in summaries:
        lines += ["", f"{summary.exercise}: answered by {summary.answered}"]
        if summary.prompt:
            lines.append(f"  {summary.prompt}")
        for value, label in summary.choices:
            mark = " (right)" if value in summary.correct else ""
            lines.append(
                f"  {summary.first.get(value, 0):3} first, {summary.final.get(value, 0):3} final:"
                f" {label}{mark}"
            )
        if summary.right_first is not None:
            lines.append(f"  right at the first try: {summary.right_first}")
        lines.append(f"  saw a hint: {summary.hinted}")
    return "\n".join(lines) + "\n"
