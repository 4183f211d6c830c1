"""The classroom server's side of recording: who each page is, and the record they write to.

Every kernel the server starts gets a key of its own and a label (`new_page`, passed in the
kernel's environment, which its page cannot read: Voilà lets a page send widget messages only,
never code). An answer is recorded under the label its key was given, so a page can add its own
answers only, whatever it sends. With `--names`, a page may put the name its student typed in
place of its label, once, and not a name another page has.

The store is used from one thread of its own, so a commit (an fsync) never holds up the server's
event loop, and answers are committed one after the other in the order they came.
"""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tornado.ioloop

from ..errors import ExplainerError
from .lesson import Lesson, read_lesson
from .page import random_label
from .protocol import FIELDS, KEY, LABEL, NAMES, URL
from .row import Row, label_problems, now, problems
from .store import Store, default_path


class Refused(ExplainerError):
    """An answer or a name the record will not take; the message says why, for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Recorder:
    def __init__(self, lesson: Lesson, path: Path, url: str, names: bool = False) -> None:
        self.lesson = lesson
        self.store = Store(path, lesson.name)
        self.url = url  # where kernels send answers: this server's record route
        self.names = names
        self.teacher_key = secrets.token_urlsafe(24)
        self._pages: dict[str, str] = {}  # a kernel's key -> the student it stands for
        self._renamed: set[str] = set()  # keys whose page has given its name
        self._taken = self.store.students()  # labels and names in the file, any run's
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="answers")

    def new_page(self) -> dict[str, str]:
        """The environment entries of a new kernel: where to send, its key and its label."""
        key = secrets.token_urlsafe(24)
        label = random_label()
        while label in self._taken:
            label = random_label()
        self._taken.add(label)
        self._pages[key] = label
        return {URL: self.url, KEY: key, LABEL: label, NAMES: "1" if self.names else ""}

    def student(self, key: str) -> str:
        if key not in self._pages:
            raise Refused(403, "not a page of this class")
        return self._pages[key]

    async def record(self, key: str, sent: object) -> int:
        """Commit one answer of the page with `key`; how many have answered its exercise."""
        student = self.student(key)
        if not isinstance(sent, dict) or set(sent) != set(FIELDS):
            raise Refused(400, f"an answer has the fields {', '.join(FIELDS)}, and only those")
        values = dict(sent, student=student, time=now())
        found = problems(values)
        for answer in (values["first_answer"], values["final_answer"]):
            if not self.lesson.allows(values["exercise"], answer):
                found.append(f"{answer!r}: not an answer of {values['exercise']!r} in this lesson")
        if found:
            raise Refused(400, "; ".join(found))
        return await self._run(self.store.record, Row(lesson=self.lesson.name, **values))

    async def rename(self, key: str, name: object) -> str:
        """Put the page's answers, past and future, under the name its student typed."""
        student = self.student(key)
        if not self.names:
            raise Refused(403, "this class is run without names")
        if key in self._renamed:
            raise Refused(409, f"this page is {student} already")
        found = label_problems(name)
        if found or not isinstance(name, str):  # label_problems says why a non-text is not one
            raise Refused(400, found[0])
        if name in self._taken:
            raise Refused(409, f"{name!r} is taken: add an initial or a number")
        await self._run(self.store.rename, student, name)
        self._taken.add(name)
        self._renamed.add(key)
        self._pages[key] = name
        return name

    async def rows(self) -> list[Row]:
        return await self._run(self.store.rows)

    async def _run(self, function, *args):
        return await tornado.ioloop.IOLoop.current().run_in_executor(self._thread, function, *args)

    def close(self) -> None:
        self._thread.shutdown(wait=True)  # answers being committed are finished first
        self.store.close()


def for_notebook(notebook: Path, path: Path | None, url: str, names: bool) -> Recorder:
    """The recorder of the lesson `notebook` explains, in `path` (default: one file per lesson
    under build/answers/). LessonError or StoreError, naming the file, if it cannot be."""
    lesson = read_lesson(notebook)
    return Recorder(lesson, path or default_path(lesson.name), url, names)
