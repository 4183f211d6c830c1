"""The notebook's "Your answers" box: where a student's answers go, and how they are saved.

- In the classroom server (a kernel it started), each answer goes to the teacher as it is
  checked (`sender`); the box says under which label, asks for a name if the class is run with
  `--names`, and says once the teacher's record has each answer.
- Anywhere else (JupyterLab, JupyterLite, Voilà), the box's link saves this page's answers as
  one small JSON file to hand in. The link is a data: URL rebuilt after every answer, so saving
  is one click on a plain link, with no server and no file written on the kernel's side
  (JupyterLite's kernel has no disk the student can reach).
"""

from __future__ import annotations

import base64
import textwrap

import ipywidgets as widgets

from ..views import exercises
from ..views.html import join, tag
from ..views.render import PLAIN_WIDTH
from . import handin
from .page import Page
from .row import label_problems
from .sender import Sender, from_environment

NOT_RUNNING = (
    "Your answers: once the notebook runs, answer the exercises, then save your answers here "
    "as a file to hand in (in a classroom, they go to your teacher as you answer)."
)
STATUS = {"role": "status"}  # a screen reader hears the box's news when it changes

# One page per lesson and kernel, with its sender (None outside the classroom): running the
# cell again keeps the answers given.
_pages: dict[str, tuple[Page, Sender | None]] = {}


def page_for(lesson: str) -> tuple[Page, Sender | None]:
    """This kernel's page for `lesson`, listening to every exercise from the first call on,
    and sending each answer to the classroom server if the server started this kernel."""
    if lesson not in _pages:
        sender = from_environment()
        page = Page(lesson, sender.label if sender else None)
        if sender:
            page.sinks.append(sender.send)
        exercises.LISTENERS.append(page.hear)
        _pages[lesson] = page, sender
    return _pages[lesson]


class YourAnswers:
    """The box: a name (optional, or asked for by the classroom), and what became of the
    answers: saved by the teacher's server, or a link that saves them as a file."""

    def __init__(self, lesson: str) -> None:
        self.page, self.sender = page_for(lesson)
        self.name = widgets.Text(
            placeholder="optional" if not self.sender else "then press Enter",
            description="Your name for your teacher:",
            style={"description_width": "initial"},
            continuous_update=False,  # once typed (Enter or leaving the box), not each key
        )
        self.name.observe(lambda change: self.rename(change["new"]), names="value")
        self.status = widgets.HTML()
        self.page.sinks.append(lambda _: self.refresh())
        parts = [widgets.HTML(str(tag("p", self._intro())))]
        if not self.sender or self.sender.names:
            parts.append(self.name)
        self.view = widgets.VBox([*parts, self.status])
        self.refresh()

    def _intro(self) -> str:
        if not self.sender:
            return "Your answers stay on this page. To hand them in, save them as a file:"
        if self.sender.names:
            return "Your answers go to your teacher as you check them. Type your name:"
        label = self.page.student
        return f"Your answers go to your teacher as you check them, under the label {label}."

    def rename(self, name: str) -> None:
        name = name.strip()
        if not name or name == self.page.student:
            return
        problem = (label_problems(name) or [""])[0]
        if not problem and self.sender:
            problem = self.sender.rename(name)
        if problem:
            self.status.value = str(tag("p", f"Your name: {problem}", **STATUS))
            return
        self.page.rename(name)
        if self.sender:
            self.name.disabled = True  # the server takes a page's name once
        self.refresh()

    def refresh(self) -> None:
        rows = list(self.page.rows.values())
        if self.sender:
            self.status.value = str(tag("p", self._sent(), **STATUS))
        elif not rows:
            self.status.value = str(tag("p", "Answer an exercise first; then save them here."))
        else:
            self.status.value = str(tag("p", self._link(rows)))

    def _sent(self) -> str:
        assert self.sender is not None  # said only where the server started the kernel
        stored = len(self.sender.stored)
        said = f"Your teacher has your answers to {stored} exercise" + ("s" if stored != 1 else "")
        who = f" (as {self.page.student})"
        return (
            said
            + who
            + (
                f". The last one is not saved: {self.sender.problem}."
                if self.sender.problem
                else "."
            )
        )

    def _link(self, rows):
        text = handin.dumps(self.page.lesson, self.page.student, rows)
        href = "data:application/json;base64," + base64.b64encode(text.encode()).decode()
        name = handin.file_name(self.page.lesson, self.page.student)
        counted = f"{len(rows)} exercise" + ("s" if len(rows) > 1 else "")
        link = tag("a", f"Save my answers ({counted})", href=href, download=name)
        return join([link, " as ", tag("code", name)])

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = textwrap.fill(NOT_RUNNING, width=PLAIN_WIDTH)
        return bundle
