"""How to use the explainer, in the words of where the reader is (views/modes.py): run the
cells in JupyterLab, nothing to run in the app, a show of hands on the deck, pen on paper.

Called from the notebook itself, so that the section number of the explorer and the count of
exercises are those of this package's sections, in their computed order.
"""

from __future__ import annotations

from ..package.model import Package
from ..views import View
from ..views.html import Markup
from ..views.modes import in_each_mode
from .words import capitalised, counted

CHECKED = Markup(
    "choose an answer, then <em>Check</em>. A first wrong answer gets a hint; a second, or "
    "<em>Show me</em>, the explanation. The table or chart that answers a question appears "
    "once you have answered it."
)
RUN = {
    "lab": Markup(
        "Choose <em>Run › Run All Cells</em> (or <em>Kernel › Restart Kernel and Run All "
        "Cells</em>), then read from the top."
    ),
    "app": Markup("There is nothing to run: the page is ready. Read it from the top."),
    "deck": Markup("We read the article together first, then take it apart slide by slide."),
    "paper": Markup("Read the whole article first, then the questions, one by one."),
}
ANSWER = {
    "lab": CHECKED,
    "app": CHECKED,
    "deck": Markup(
        "the class answers each by a show of hands (A, B, C...) before the next slide gives the "
        "answer and its explanation."
    ),
    "paper": Markup(
        "write the letter of your answer, and copy the words of the article that tell you."
    ),
}
FILTER = Markup(
    "In section {number}, an <strong>actor filter</strong> lets you pick one or several people "
    "or bodies (Ctrl- or Cmd-click to pick several, or use a quick pick button); the views "
    "below it follow your choice."
)
PAPER_FILTER = Markup(
    "In the notebook, section {number} has an <strong>actor filter</strong>; here every actor "
    "is shown."
)
FILTERS = {"lab": FILTER, "app": FILTER, "deck": PAPER_FILTER, "paper": PAPER_FILTER}
EXERCISES = Markup("{count} marked <strong>Try it</strong>: {how}")


def how_to_use(package: Package) -> View:
    """The "How to use it" paragraph, one variant for each mode."""
    from .sections import plan  # imported here: sections imports what this module is used by

    sections = plan(package, "")
    numbered = [s for s in sections if s.numbered]
    asked = sum(len(s.asked()) for s in sections)
    explore = next((n for n, s in enumerate(numbered, 1) if s.slug == "explore"), None)
    variants = {}
    for mode, run in RUN.items():
        parts = [Markup("<strong>How to use it:</strong> "), run]
        if explore is not None:
            parts.append(FILTERS[mode].format(number=explore))
        if asked:
            count = capitalised(counted(asked, "exercise"))
            parts.append(EXERCISES.format(count=count, how=ANSWER[mode]))
        variants[mode] = Markup("<p>{}</p>").format(Markup(" ").join(parts))
    return in_each_mode(variants)
