"""The explainer as a page in the browser, JupyterLab's or Voila's: what the browser tests ask of
it and do in it (wait for its cells and charts, read its state, choose actors)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import harness

from explainer.answers import handin
from explainer.package.load import load_package
from explainer.views import exercises

# Every cell is in the page (JupyterLab attaches cells lazily) and every code cell has run.
ALL_CELLS_RAN = """() => {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  const cells = [...notebook.model.cells];
  return document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length === cells.length
    && cells.every(c => c.type !== 'code' || c.sharedModel.source.trim() === ''
                        || c.executionCount !== null);
}"""


ERRORS_SHOWN = """() => [...document.querySelectorAll('.jp-OutputArea-output')]
  .filter(o => o.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr'
               || /Error displaying widget|Traceback|There was an error when executing/
                  .test(o.textContent))
  .map(o => o.textContent.trim().slice(0, 300))"""


CHARTS_DRAWN = """() => {
  const charts = window.__explainer.charts();
  charts.forEach(c => c.scrollIntoView({block: 'center'}));
  return charts.map(c => window.__explainer.drawn(c));
}"""


@dataclass
class App:
    name: str
    page: object


def open_app_mode(page, server, path: str = "/") -> None:
    """Open Voila's page at `path` and wait until it has run the notebook and shown every
    cell."""
    page.goto(server.url(path), timeout=180_000)
    page.wait_for_function(
        "() => !document.querySelector('.voila-skeleton-container, #loading')",
        timeout=180_000,
        polling=250,
    )


def state(app: App) -> dict:
    found = app.page.evaluate("() => window.__explainer.state()")
    assert found is not None, f"{app.name}: no actor filter labelled 'Actors' in the page"
    return found


def wait_for_timeline(app: App, ids: tuple[str, ...]) -> dict:
    """Wait until the timeline in the page draws exactly these events; returns the page state."""
    app.page.wait_for_function(
        """ids => { const s = window.__explainer.state();
                    return s && s.timeline && s.timeline.drawn
                      && JSON.stringify(s.timeline.ids) === JSON.stringify(ids); }""",
        arg=sorted(ids),
        timeout=15_000,
    )
    app.page.wait_for_timeout(100)  # the claims table is its own output; let it land too
    return state(app)


def choose(app: App, names: list[str]) -> None:
    """Choose these actors in the select, as a reader does (Ctrl-click)."""
    select = app.page.locator(".widget-select-multiple select").first
    options = [" ".join(o.split()) for o in select.locator("option").all_text_contents()]
    select.select_option(index=[options.index(n) for n in names])


def words(text: str) -> str:
    return " ".join(text.split())


def show_everything(page, exercises: int) -> None:
    """Choose "Show me" in each of the page's `exercises`, as a reader who explores freely does:
    the views the exercises hold back (the explorer among them) are then in the page. A page
    Voila ran ahead of time (preheated) draws its widgets after it has loaded: wait for them."""
    buttons = page.get_by_role("button", name="Show me")
    page.wait_for_function(
        """n => [...document.querySelectorAll("button")]
          .filter(b => b.textContent.trim() === "Show me").length >= n""",
        arg=exercises,
        timeout=120_000,
    )
    for number in range(buttons.count()):
        buttons.nth(number).click()
    page.locator(".widget-select-multiple select").first.wait_for(timeout=60_000)


def hand_in_two_tries(page, folder: Path) -> None:
    """Answer the flagship's hedge exercise wrong, then right, save the answers with the "Your
    answers" box's link, and check the file is the one `python -m explainer answers` reads,
    with both tries and the hint in it (issue 18's hand-in without the classroom server)."""
    question = exercises.hedge_word(
        load_package(harness.ROOT / "data" / "korea-us-consultations"), "c_tentative_tuesday"
    )
    wrong, right = (
        next(v for _, v in question.options if (v in question.correct) == is_right)
        for is_right in (False, True)
    )
    box = page.locator(".widget-vbox").filter(has_text=question.prompt).last
    answers = box.get_by_role("listbox", name=f"Your answer: {question.prompt}")
    status = box.locator(".widget-html").last.get_by_role("status")
    link = page.get_by_role("link", name=re.compile(r"^Save my answers \(\d+ exercises?\)$"))
    saved_before = None
    for choice, said in ((wrong, "Not quite."), (right, "Right.")):
        answers.select_option(value=choice)
        box.get_by_role("button", name="Check").click()
        status.get_by_text(said).wait_for(timeout=15_000)
        # The box's link is its own widget, updated by its own message after the feedback's.
        page.wait_for_function(
            """before => [...document.querySelectorAll("a[download]")]
              .some(a => a.href && a.href !== before)""",
            arg=saved_before,
            timeout=15_000,
        )
        saved_before = link.get_attribute("href")
    with page.expect_download() as download:
        link.click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    assert re.fullmatch(r"answers-korea-us-consultations-[A-Z0-9]{4}\.json", saved.name)
    rows = {row.exercise: row for row in handin.read(saved)}
    hedge = rows[question.key]
    assert (hedge.first_answer, hedge.final_answer, hedge.tries, hedge.hints) == (
        wrong,
        right,
        2,
        1,
    )
