"""Simulated students for the class's answers: what each kernel of the classroom server would
send, sent with that kernel's own page key.

Shared by tests/browser/test_class_answers_faults.py and benchmarks/class_answers.py. Each key
is read from a kernel's environment (psutil: this user's processes), where the server put it,
and the messages are the kernel's own (explainer.answers.sender). A simulated student sends its
next answer as soon as the last is acknowledged, so a burst is far denser than a class clicking.
"""

from __future__ import annotations

import contextlib
import csv
import re
import threading
import time
from typing import NamedTuple

import classroom_server

from explainer.answers.protocol import KEY
from explainer.answers.row import Row
from explainer.answers.sender import Sender, answer_message, from_environment

TEACHER = re.compile(r"class's answers \(for you only[^)]*\): (http://\S+)")


def downloaded_csv(teacher, folder) -> list[dict]:
    """The rows of the CSV the teacher's page downloads (its "Download every answer" link)."""
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Download every answer (CSV)").click()
    path = folder / "answers.csv"
    download.value.save_as(path)
    with open(path, encoding="utf-8", newline="") as table:
        return list(csv.DictReader(table))


def teacher_link(server) -> str:
    (link,) = TEACHER.findall(server.log.read_text(encoding="utf-8"))
    return link


def senders(server) -> list[Sender]:
    """One sender per kernel the server runs: as many students as kernels."""
    import psutil

    found = []
    for process in classroom_server.kernels(server):
        with contextlib.suppress(psutil.Error):
            environ = process.environ()
            if KEY in environ:
                found.append(from_environment(environ))
    return found


class Student(threading.Thread):
    """Answers every exercise of `lesson` (an answers.lesson.Lesson) `tries` times, wrong then
    right, once `start_line` lets it; notes each answer the server acknowledged."""

    def __init__(self, sender: Sender, lesson, tries: int, start_line: threading.Barrier):
        super().__init__(daemon=True)
        self.sender, self.lesson, self.tries, self.start_line = sender, lesson, tries, start_line
        self.acknowledged: list[Answer] = []
        self.failed = 0  # answers sent and not acknowledged (the server stopped, or refused)

    def run(self) -> None:
        self.start_line.wait()
        for exercise in self.lesson.exercises:
            wrong = next(
                c["value"] for c in exercise["choices"] if c["value"] not in exercise["correct"]
            )
            for tries in range(1, self.tries + 1):
                final = wrong if tries < self.tries else exercise["correct"][0]
                row = Row(
                    self.lesson.name,
                    exercise["key"],
                    self.sender.label,
                    wrong,
                    final,
                    tries,
                    min(tries - 1, 1),
                    "2025-12-12T09:30:00Z",
                )
                sent = time.time()
                try:
                    reply = self.sender.post(answer_message(row))
                except OSError:
                    self.failed += 1
                    continue
                self.acknowledged.append(
                    Answer(
                        self.sender.label,
                        exercise["key"],
                        tries,
                        sent,
                        time.time(),
                        reply["answered"],
                    )
                )


class Answer(NamedTuple):
    """One acknowledged answer: sent and acknowledged at (time.time), and how many students
    had answered the exercise once it was committed (the server's reply)."""

    student: str
    exercise: str
    tries: int
    sent: float
    acknowledged: float
    answered: int
