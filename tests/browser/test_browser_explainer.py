"""The explainer in a real browser: JupyterLab after Run All, and Voilà's app mode for a projector.

Every assertion about the page is made twice, once per app, against what a reader sees: the
charts drawn (plotly's SVG), the actor filter, the event ids the timeline draws (plotly's
`customdata`), the rows of the claims table. What the page should show is worked out from the
stored notebook and the data package (the `expected` fixture), not written down here, and the
explorer is found by its "Actors" filter, not by its cell number, so the notebook can gain
cells. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import harness
import pytest
from explainer_page import (
    ALL_CELLS_RAN,
    CHARTS_DRAWN,
    ERRORS_SHOWN,
    App,
    choose,
    hand_in_two_tries,
    open_app_mode,
    show_everything,
    state,
    wait_for_timeline,
    words,
)

from explainer.package.load import load_package
from explainer.views import exercises

ROOT = harness.ROOT

KERNEL_IDLE = harness.KERNEL_IDLE


def test_the_stored_notebook_draws_its_charts_untrusted_without_running(lab, browser, expected):
    """What a reader sees on opening the notebook before running anything."""
    page = harness.watched_page(browser)
    try:
        page.goto(lab.url(f"/lab/tree/{lab.notebooks['stored']}?reset"), timeout=120_000)
        page.wait_for_function(
            "() => { const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            " return Boolean(p && p.content && p.content.model && p.context.isReady"
            " && document.querySelectorAll('.jp-NotebookPanel .jp-Cell').length"
            "    === p.content.model.cells.length); }",
            timeout=120_000,
        )
        harness.install_helpers(page)
        harness.wait_for_charts(page, expected.stored_charts)
        # The other charts wait behind the exercises they would answer (retrieval first).
        assert expected.stored_charts >= 1
        assert page.evaluate(CHARTS_DRAWN) == [True] * expected.stored_charts
        trust = page.get_attribute(".jp-StatusItem-trust", "title")
        assert trust and trust.startswith("Notebook not trusted"), trust
        ran = page.evaluate(
            "() => [...window.jupyterapp.shell.currentWidget.content.model.cells]"
            ".some(c => c.type === 'code' && c.trusted)"
        )
        assert not ran, "a code cell is trusted: something ran it"
        text = words(page.inner_text(".jp-NotebookPanel"))
        # An exercise's stand-in (the explorer's waits behind the exercises, held back).
        assert "(interactive: run the notebook to answer)" in text
        assert page.evaluate(ERRORS_SHOWN) == []
        page.evaluate("() => window.__explainer.charts()[0].scrollIntoView({block: 'center'})")
        harness.screenshot(page, "jupyterlab-stored-untrusted.png")
        assert page.watch.problems() == []
    finally:
        page.context.close()


def open_notebook(request, browser) -> App:
    """The notebook, run: in JupyterLab with Run All, or served by Voilà in app mode."""
    if request.param == "jupyterlab":
        server = request.getfixturevalue("lab")
        page = harness.watched_page(browser, width=1200, height=900)  # the README screenshot's
        page.goto(server.url(f"/lab/tree/{server.notebooks['live']}?reset"), timeout=120_000)
        page.wait_for_function(KERNEL_IDLE, timeout=120_000)
        page.evaluate("() => window.jupyterapp.shell.collapseLeft()")  # file browser closed
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(ALL_CELLS_RAN, timeout=120_000, polling=250)
        page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    else:
        server = request.getfixturevalue("voila")
        page = harness.watched_page(browser)
        open_app_mode(page, server)
    return App(request.param, page)


@pytest.fixture(scope="module", params=["jupyterlab", "voila"])
def app(request, browser, expected):
    """The notebook, run, with every held-back view shown (a reader exploring freely)."""
    opened = open_notebook(request, browser)
    show_everything(opened.page, expected.exercises)
    harness.install_helpers(opened.page)
    harness.wait_for_charts(opened.page, expected.charts)
    yield opened
    opened.page.context.close()


@pytest.fixture(params=["jupyterlab", "voila"])
def unanswered(request, browser):
    """The notebook, run, with no exercise answered or shown yet."""
    opened = open_notebook(request, browser)
    yield opened
    opened.page.context.close()


def wait_for_article(app: App, expected, claim_ids) -> None:
    """Wait until the explorer's article makes exactly the pieces of these claims stand out."""
    places = [expected.claims.index(c) for c in claim_ids]
    app.page.wait_for_function(
        """places => { const marked = window.__explainer.marked();
                    return marked.length > 0 && marked.every(([claims, lit]) =>
                      lit === claims.some(c => places.includes(c))); }""",
        arg=places,
        timeout=15_000,
    )


def click(app: App, button: str) -> None:
    app.page.locator("button.widget-button", has_text=button).first.click()


def show_explorer(app: App) -> None:
    app.page.evaluate(
        "() => window.__explainer.explorer().scrollIntoView({block: 'start', behavior: 'instant'})"
    )
    app.page.wait_for_timeout(200)


def test_every_chart_is_drawn(app, expected):
    drawn = app.page.evaluate(CHARTS_DRAWN)
    assert drawn == [True] * expected.charts, (
        f"{app.name}: {drawn.count(True)} of {expected.charts} charts drawn "
        f"({expected.stored_charts} stored in the notebook, the rest in the explorer)"
    )


def test_no_cell_shows_an_error(app):
    assert app.page.evaluate(ERRORS_SHOWN) == []


def test_the_actor_filter_is_shown(app, expected):
    shown = state(app)
    assert [words(o) for o in shown["options"]] == list(expected.actors)
    assert [words(o) for o in shown["selected"]] == list(expected.actors)
    assert shown["buttons"] == list(expected.picks)
    assert shown["timeline"]["ids"] == list(expected.events)
    assert shown["rows"] == len(expected.claims)
    assert shown["caption"] == f"{len(expected.claims)} claims"
    show_explorer(app)
    harness.screenshot(app.page, f"{app.name}-explorer.png")
    if app.name == "jupyterlab":
        readme_screenshot(app.page)


def readme_screenshot(page) -> None:
    """The picture at the top of the README (docs/screenshot.png is a copy of this file): the
    explorer in JupyterLab, 1200 px wide, file browser closed."""
    page.evaluate(
        "() => { const e = window.__explainer.explorer(); e.scrollIntoView({block: 'start'});"
        " e.closest('.jp-WindowedPanel-outer').scrollBy(0, -8); }"
    )
    page.wait_for_timeout(400)
    harness.screenshot(page, "readme-screenshot.png")


def test_choosing_an_actor_narrows_the_timeline_and_the_claims(app, expected):
    choose(app, [expected.actor])
    shown = wait_for_timeline(app, expected.actor_events)
    assert shown["rows"] == len(expected.actor_claims)
    assert shown["caption"] == f"{len(expected.actor_claims)} claims"
    assert words(shown["summary"]).startswith(
        f"{len(expected.actor_events)} of {len(expected.events)} events and "
        f"{len(expected.actor_claims)} of {len(expected.claims)} claims"
    )
    assert all(shown["charts"]), "the explorer's certainty chart is no longer drawn"
    wait_for_article(app, expected, expected.actor_claims)
    show_explorer(app)
    harness.screenshot(app.page, f"{app.name}-explorer-{expected.actor.replace(' ', '-')}.png")


def test_all_actors_restores_everything(app, expected):
    choose(app, [expected.actor])
    wait_for_timeline(app, expected.actor_events)
    click(app, "All actors")
    shown = wait_for_timeline(app, expected.events)
    assert shown["rows"] == len(expected.claims)
    assert [words(o) for o in shown["selected"]] == list(expected.actors)


def test_choosing_nobody_empties_the_views_and_all_actors_restores_them(app, expected):
    choose(app, [])
    shown = wait_for_timeline(app, ())
    assert (shown["rows"], shown["caption"]) == (0, "0 claims")
    assert all(shown["charts"]), "an empty choice must still draw the charts' axes"
    wait_for_article(app, expected, ())
    click(app, "All actors")
    shown = wait_for_timeline(app, expected.events)
    assert shown["rows"] == len(expected.claims)
    wait_for_article(app, expected, expected.claims)


def test_code_is_hidden_only_in_app_mode(app):
    code = app.page.evaluate(
        "() => [...document.querySelectorAll('.jp-InputArea-editor')]"
        ".map(e => e.textContent).join('\\n')"
    )
    if app.name == "voila":
        assert "load_package" not in app.page.inner_text("body")
        assert code == ""
    else:
        assert "load_package" in code


def test_the_instructions_speak_of_what_the_reader_has(app):
    """JupyterLab tells the reader to run the cells; the app, with nothing to run, never
    mentions a Run menu (issue 16: the words for the mode the kernel runs in)."""
    panel = "document.querySelector('.jp-WindowedPanel-outer')"
    if app.name != "voila":  # JupyterLab draws only the cells in view: look at the top
        was = app.page.evaluate(f"{panel}.scrollTop")
        app.page.evaluate(f"{panel}.scrollTop = 0")
        app.page.wait_for_function("document.body.innerText.includes('How to use it')")
    text = " ".join(app.page.inner_text("body").split())
    if app.name != "voila":  # where the other tests left it
        app.page.evaluate(f"{panel}.scrollTop = {was}")
    if app.name == "voila":
        assert "Run All Cells" not in text
        assert "nothing to run" in text
    else:
        assert "Run All Cells" in text


def test_the_page_logs_no_errors(app):
    external = set(app.page.watch.external)  # blocked on purpose; reported by the next test
    errors = [e for e in app.page.watch.console_errors if not any(u in e for u in external)]
    assert errors + app.page.watch.page_errors == []


def test_no_request_leaves_the_machine(app):
    websockets = [ws.url for ws in app.page.watch.websockets]
    assert websockets, "no websocket to the kernel: the page did not connect"
    assert app.page.watch.external == []


def test_an_exercise_answers_wrong_then_right(app):
    """The relative-date exercise: a first wrong answer gets the hint and not the explanation,
    the data's answer says right and why."""
    question = exercises.relative_date(
        load_package(ROOT / "data" / "korea-us-consultations"), "e_first_meeting"
    )
    right = next(label for label, value in question.options if value in question.correct)
    wrong = next(label for label, value in question.options if value not in question.correct)
    box = app.page.locator(".widget-vbox").filter(has_text="Which day is").last
    box.scroll_into_view_if_needed()
    feedback = box.locator(".widget-html").last
    answers = box.get_by_role("listbox", name=f"Your answer: {question.prompt}")
    answers.select_option(value=wrong)
    box.get_by_role("button", name="Check").click()
    status = feedback.get_by_role("status")
    status.get_by_text("Not quite.", exact=True).wait_for(timeout=15_000)
    assert question.hint in status.inner_text()
    assert question.explanation not in status.inner_text()
    answers.select_option(value=right)
    box.get_by_role("button", name="Check").click()
    status.get_by_text("Right.", exact=True).wait_for(timeout=15_000)
    assert question.explanation in status.inner_text()
    harness.screenshot(app.page, f"{app.name}-exercise.png")


def test_a_student_saves_their_answers_as_a_file_to_hand_in(unanswered, tmp_path):
    """Without the classroom server, the "Your answers" box's link downloads this page's
    answers as the JSON file `python -m explainer answers` reads (issue 18)."""
    hand_in_two_tries(unanswered.page, tmp_path)


# Charts cut short by their container, labels a chart draws outside itself, and legend entries
# drawn over an axis's labels.
LABELS_MISPLACED = """() => {
  const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1
                           && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const overlap = (a, b) => a.left < b.right && b.left < a.right
                            && a.top < b.bottom && b.top < a.bottom;
  const problems = [];
  window.__explainer.charts().forEach((chart, i) => {
    chart.scrollIntoView({block: 'center'});
    const box = chart.querySelector('svg.main-svg').getBoundingClientRect();
    if (!box.width) return;
    const shown = chart.getBoundingClientRect();
    if (shown.height < box.height - 1)
      problems.push(`chart ${i}: ${Math.round(shown.height)} of ${box.height} px shown`);
    const rects = selector => [...chart.querySelectorAll(selector)]
      .map(e => [e.textContent, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
    const labels = rects('.xtick text, .ytick text, .legendtext, .legendtitletext,'
                         + ' .annotation-text, .gtitle');
    for (const [text, r] of labels)
      if (!inside(r, box)) problems.push(`chart ${i}: "${text}" is outside the chart`);
    for (const problem of window.__explainer.labelProblems(chart).problems)
      problems.push(`chart ${i}: ${problem}`);
    for (const [entry, r] of rects('.legendtext, .legendtitletext'))
      for (const [tick, t] of rects('.xtick text, .ytick text'))
        if (overlap(r, t)) problems.push(`chart ${i}: legend "${entry}" is over "${tick}"`);
  });
  return problems;
}"""

CHARTS_FIT = """width => window.__explainer.charts().every(c => {
  const svg = c.querySelector('svg.main-svg');
  return svg && window.__explainer.drawn(c) && svg.getBoundingClientRect().width <= width; })"""

NARROW = 760  # a projector's width, or a laptop's with JupyterLab's side bar open
REFLOW = 640  # the page reflows at this width with no sideways scrolling (WCAG 1.4.10)


def test_chart_labels_fit_at_full_width(app):
    """The figures fix their margins (so plotly draws each chart once, not twice): every label
    must still lie inside its chart, and no legend entry over the dates."""
    assert app.page.evaluate(LABELS_MISPLACED) == [], app.name


@pytest.mark.parametrize("app", ["jupyterlab"], indirect=True)
def test_chart_labels_fit_when_jupyterlab_narrows(app):
    """JupyterLab lays its charts out again when the window narrows (Voila draws them once, at
    the window's width: the next test opens it narrow)."""
    size = app.page.viewport_size
    app.page.set_viewport_size({"width": NARROW, "height": size["height"]})
    try:
        app.page.wait_for_function(CHARTS_FIT, arg=NARROW, timeout=15_000)
        app.page.wait_for_timeout(300)
        assert app.page.evaluate(LABELS_MISPLACED) == []
        harness.screenshot(app.page, "jupyterlab-narrow.png")
    finally:
        app.page.set_viewport_size(size)
        app.page.wait_for_function(CHARTS_FIT, arg=size["width"], timeout=15_000)


@pytest.mark.parametrize("width", [REFLOW, NARROW])
def test_chart_labels_fit_in_app_mode_on_a_narrow_projector(voila, browser, expected, width):
    page = harness.watched_page(browser, width=width, height=900)
    try:
        open_app_mode(page, voila)
        show_everything(page, expected.exercises)
        harness.install_helpers(page)
        harness.wait_for_charts(page, expected.charts)
        assert page.evaluate(CHARTS_FIT, width)
        assert page.evaluate(LABELS_MISPLACED) == []
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
        harness.screenshot(page, f"voila-{width}.png")
        assert page.watch.problems() == []
    finally:
        page.context.close()


def test_the_readme_opens_with_a_small_screenshot():
    """docs/screenshot.png is a copy of test-artifacts/readme-screenshot.png, kept small."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert readme[0].startswith("# ") and "](docs/screenshot.png)" in readme[2]
    png = (ROOT / "docs" / "screenshot.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) <= 150_000, f"docs/screenshot.png is {len(png):,} bytes"
    assert int.from_bytes(png[16:20], "big") <= 1400  # IHDR width


# ----------------------------------------------------------------------------------------------
# Accessibility: axe-core (WCAG 2.1 A and AA) and the keyboard

FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"""
WCAG = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
OUR_CONTENT = {"include": [[".jp-OutputArea-output"], [".jp-RenderedMarkdown"]]}


def axe(page, context=None) -> dict:
    """axe-core's results for the page, or for the part of it `context` names."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": WCAG, "resultTypes": ["violations"]}
    return Axe().run(page, context=context, options=options).response


def summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    ]


def test_axe_finds_no_violation_in_the_explainer_s_own_content(app):
    """Every output and every markdown cell, after the notebook ran, with the explorer drawn."""
    show_explorer(app)
    ours = axe(app.page, OUR_CONTENT)
    checked = {rule["id"] for rule in ours["passes"]}
    assert "color-contrast" in checked  # it did read our content
    # The page around it (JupyterLab's or Voila's own chrome) is recorded for the README's list
    chrome = summary(axe(app.page)["violations"])
    harness.ARTIFACTS.mkdir(exist_ok=True)
    (harness.ARTIFACTS / f"axe-{app.name}.txt").write_text("\n".join(chrome), encoding="utf-8")
    assert summary(ours["violations"]) == [], app.name


@pytest.mark.parametrize("app", ["voila"], indirect=True)
def test_the_actor_filter_is_a_few_tab_presses_away_in_app_mode(app):
    """Plotly's toolbars are left out and each exercise is three Tab stops (its answers, Check,
    Show me), so a keyboard reaches the first quick pick soon after the exercises above it."""
    app.page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    presses = 0
    while presses < 60:
        app.page.keyboard.press("Tab")
        presses += 1
        focused = app.page.evaluate("() => document.activeElement.textContent.trim()")
        if focused == "All actors":
            break
    exercises_before = app.page.evaluate(
        """() => { const pick = document.activeElement;
          return [...document.querySelectorAll('.widget-select select')]
            .filter(s => s.compareDocumentPosition(pick) & Node.DOCUMENT_POSITION_FOLLOWING)
            .length; }"""
    )
    assert focused == "All actors", f"not reached in {presses} presses"
    assert presses <= 3 * exercises_before + 3, (presses, exercises_before)
    focus = app.page.evaluate(FOCUS_RING)
    assert focus == ["solid", "2px", "rgb(11, 92, 173)"]
    for _ in range(len(app.page.evaluate("() => window.__explainer.state().buttons"))):
        app.page.keyboard.press("Tab")  # past the quick picks, to the actor list
    assert app.page.evaluate("() => document.activeElement.tagName") == "SELECT"
    assert app.page.evaluate(FOCUS_RING) == ["solid", "2px", "rgb(11, 92, 173)"]


def test_charts_carry_no_toolbar_and_follow_a_summary(app):
    charts = app.page.evaluate(
        """() => window.__explainer.charts().map(c => {
          const output = c.closest('.jp-OutputArea-output');
          const before = output.parentElement.previousElementSibling;
          return [c.querySelectorAll('.modebar-btn').length,
                  before ? before.textContent.trim() : ''];
        })"""
    )
    assert charts and all(buttons == 0 for buttons, _ in charts)
    assert all(text.endswith(".") and len(text) > 40 for _, text in charts), charts
