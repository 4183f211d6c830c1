"""The notebook's "Your answers" box: where a student saves their answers to hand in.

Its link is a data: URL rebuilt after every answer, so saving is one click on a plain link and
works the same in JupyterLab, JupyterLite and Voilà, with no server and no file written on the
kernel's side (JupyterLite's kernel has no disk the student can reach).
"""

from __future__ import annotations

import base64

import ipywidgets as widgets

from ..views import exercises
from ..views.html import join, tag
from . import handin
from .page import Page
from .row import label_problems

NOT_RUNNING = (
    "Your answers: once the notebook runs, answer the exercises, then save your answers here "
    "as a file to hand in."
)

_pages: dict[str, Page] = {}  # one per lesson and kernel: running the cell again keeps it


def page_for(lesson: str) -> Page:
    """This kernel's page for `lesson`, listening to every exercise from the first call on."""
    if lesson not in _pages:
        _pages[lesson] = Page(lesson)
        exercises.LISTENERS.append(_pages[lesson].hear)
    return _pages[lesson]


class YourAnswers:
    """The box: an optional name, and the link that saves this page's answers."""

    def __init__(self, lesson: str) -> None:
        self.page = page_for(lesson)
        self.name = widgets.Text(
            placeholder="optional",
            description="Your name for your teacher:",
            style={"description_width": "initial"},
        )
        self.name.observe(lambda change: self.rename(change["new"]), names="value")
        self.link = widgets.HTML()
        self.page.sinks.append(lambda _: self.refresh())
        intro = tag("p", "Your answers stay on this page. To hand them in, save them as a file:")
        self.view = widgets.VBox([widgets.HTML(str(intro)), self.name, self.link])
        self.refresh()

    def rename(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        problems = label_problems(name)
        if problems:
            self.link.value = str(tag("p", f"Your name: {problems[0]}", role="status"))
            return
        self.page.rename(name)
        self.refresh()

    def refresh(self) -> None:
        rows = list(self.page.rows.values())
        if not rows:
            self.link.value = str(tag("p", "Answer an exercise first; then save them here."))
            return
        text = handin.dumps(self.page.lesson, self.page.student, rows)
        href = "data:application/json;base64," + base64.b64encode(text.encode()).decode()
        name = handin.file_name(self.page.lesson, self.page.student)
        counted = f"{len(rows)} exercise" + ("s" if len(rows) > 1 else "")
        link = tag("a", f"Save my answers ({counted})", href=href, download=name)
        self.link.value = str(tag("p", join([link, " as ", tag("code", name)])))

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = NOT_RUNNING
        return bundle
