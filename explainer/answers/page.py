"""The kernel's side: this page's answers, one row per exercise, as it hands them in or sends
them to the classroom server.

A page is one kernel: a student's tab in JupyterLab, JupyterLite or the classroom's app. Its
label is drawn at random when the page starts answering, so that nothing but what a student
chooses to type stands for them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace

from .row import LABEL_CHARACTERS, LABEL_LENGTH, Row, now


def random_label() -> str:
    return "".join(secrets.choice(LABEL_CHARACTERS) for _ in range(LABEL_LENGTH))


class Page:
    """This page's rows, kept up to date by `hear` (an exercise's listener); each new row is
    passed to every function of `sinks` (the classroom's sender) in order."""

    def __init__(self, lesson: str, student: str | None = None, clock: Callable[[], str] = now):
        self.lesson = lesson
        self.student = student or random_label()
        self.rows: dict[str, Row] = {}  # by exercise key, in the order first answered
        self.sinks: list[Callable[[Row], None]] = []
        self._clock = clock

    def hear(self, attempt) -> Row | None:
        """Fold an exercises.Attempt into its exercise's row. An answer checked after "Show me"
        is the exercise's, not the student's: it is not recorded (None)."""
        if attempt.shown:
            return None
        before = self.rows.get(attempt.exercise)
        row = Row(
            lesson=self.lesson,
            exercise=attempt.exercise,
            student=self.student,
            first_answer=before.first_answer if before else attempt.choice,
            final_answer=attempt.choice,
            tries=attempt.tries,
            hints=attempt.hints,
            time=self._clock(),
        )
        self.rows[attempt.exercise] = row
        for sink in self.sinks:
            sink(row)
        return row

    def rename(self, student: str) -> None:
        """The student typed a name: it stands for this page from now on, earlier rows too."""
        self.student = student
        self.rows = {key: _renamed(row, student) for key, row in self.rows.items()}


def _renamed(row: Row, student: str) -> Row:
    return replace(row, student=student)
