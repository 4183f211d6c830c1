"""The deck and the handout in a real browser, opened from disk with every network request blocked.

Each chart must be drawn (an SVG with traces, as wide as its slide or column), nothing may be
requested beyond the file itself, and the page must raise no error. Screenshots go to
test-artifacts/ for a person to look at. Chromium is Debian's (`apt-get install -y chromium`):
without it these tests skip on a developer's machine and fail under CI=true.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import harness
import pytest

from explainer.publish import pages as publish
from explainer.views.render import PLOTLY_MIMETYPE

ROOT = harness.ROOT
NOTEBOOK = harness.NOTEBOOK
ARTIFACTS = harness.ARTIFACTS
CHROMIUM = harness.CHROMIUM
CHROMIUM_ARGS = harness.CHROMIUM_ARGS
LOCAL = ("file:", "data:", "blob:", "about:")

DRAWN = """id => {
  const div = document.getElementById(id);
  const svg = div && div.querySelector("svg.main-svg");
  return Boolean(div && div.classList.contains("js-plotly-plot") && svg
    && div.querySelectorAll("g.trace").length > 0);
}"""

SIZE = """id => {
  const div = document.getElementById(id);
  return {chart: Number(div.querySelector("svg.main-svg").getAttribute("width")),
          box: div.clientWidth};
}"""


def chart_slides(notebook: dict) -> tuple[int, int, list[tuple[int, int]]]:
    """From the slide metadata: how many slides, how many visible ones (subslides included), and
    the (h, v) slide of each chart in order."""
    h, v, visible, charts = -1, 0, 0, []
    for cell in notebook["cells"]:
        kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type") or "-"
        if kind == "skip":
            continue
        if h < 0 or kind == "slide":
            h, v, visible = h + 1, 0, visible + 1
        elif kind == "subslide":
            v, visible = v + 1, visible + 1
        charts += [(h, v) for o in cell.get("outputs", []) if PLOTLY_MIMETYPE in o.get("data", {})]
    return h + 1, visible, charts


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict:
    """The notebook as read, and both pages built from a copy of it, on disk."""
    folder = tmp_path_factory.mktemp("offline")
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    copy = folder / "korea-us-consultations.ipynb"
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    paths = {"notebook": notebook}
    for name, builder in publish.BUILDERS.items():
        paths[name] = folder / f"explainer-{name}.html"
        publish.write(builder(copy), paths[name])
    ARTIFACTS.mkdir(exist_ok=True)
    return paths


class Offline:
    """A page in a fresh browser context that aborts, and records, every non-local request."""

    def __init__(self, browser, width: int, height: int) -> None:
        self.attempted: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.route("**/*", self.route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on(
            "console",
            lambda message: (
                self.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.attempted.append(url)
            route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def check_offline(self) -> None:
        assert self.attempted == []
        assert [url for url in self.requests if not url.startswith(LOCAL)] == []
        assert self.errors == []

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def offline(chromium):
    pages: list[Offline] = []

    def open_page(width: int, height: int) -> Offline:
        pages.append(Offline(chromium, width, height))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


def test_deck_draws_each_chart_on_its_slide_offline(offline, files):
    slide_count, visible, charts = chart_slides(files["notebook"])
    deck = offline(1280, 720)
    deck.open(files["slides"])
    page = deck.page
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert page.evaluate("Reveal.getHorizontalSlides().length") == slide_count
    assert page.evaluate("Reveal.getTotalSlides()") == visible
    page.screenshot(path=ARTIFACTS / "deck-title.png")
    assert charts, "the notebook has no charts: this test needs rethinking"
    for number, (h, v) in enumerate(charts, 1):
        chart_id = f"chart-{number}"
        # Not drawn while its slide is hidden (it would get no size), drawn once shown.
        assert not page.evaluate(DRAWN, chart_id)
        page.evaluate(f"Reveal.slide({h}, {v})")
        page.wait_for_function(DRAWN, arg=chart_id)
        assert page.evaluate(
            "id => Reveal.getCurrentSlide().contains(document.getElementById(id))", chart_id
        )
        size = page.evaluate(SIZE, chart_id)
        assert size["box"] > 900 and size["chart"] >= 0.95 * size["box"], size
        page.wait_for_timeout(400)  # let the fade between slides finish before the picture
        page.screenshot(path=ARTIFACTS / f"deck-{chart_id}.png")
    # A slide longer than the screen (the table of every claim) scrolls with the mouse wheel.
    tallest = page.evaluate(
        """() => {
      const leaves = [...document.querySelectorAll(".slides > section > section")];
      const tallest = leaves.reduce((a, b) => (b.scrollHeight > a.scrollHeight ? b : a));
      const at = Reveal.getIndices(tallest);
      return {h: at.h, v: at.v || 0, overflow: tallest.scrollHeight - tallest.clientHeight};
    }"""
    )
    assert tallest["overflow"] > 0
    page.evaluate(f"Reveal.slide({tallest['h']}, {tallest['v']})")
    page.mouse.move(640, 400)
    page.mouse.wheel(0, 600)
    page.wait_for_function("() => Reveal.getCurrentSlide().scrollTop > 0")
    page.screenshot(path=ARTIFACTS / "deck-scrolled.png")
    # Keyboard navigation works too, and revisiting a chart's slide keeps it drawn.
    page.evaluate("Reveal.slide(0, 0)")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 1
    h, v = charts[0]
    page.evaluate(f"Reveal.slide({h}, {v})")
    page.wait_for_function(DRAWN, arg="chart-1")
    deck.check_offline()


def test_handout_draws_every_chart_offline_and_fits_them_to_paper(offline, files):
    _, _, charts = chart_slides(files["notebook"])
    handout = offline(1100, 900)
    handout.open(files["handout"])
    page = handout.page
    for number in range(1, len(charts) + 1):
        page.wait_for_function(DRAWN, arg=f"chart-{number}")
    assert page.locator("div.chart.js-plotly-plot").count() == len(charts)
    page.screenshot(path=ARTIFACTS / "handout-top.png")
    for number in range(1, len(charts) + 1):
        chart_id = f"chart-{number}"
        size = page.evaluate(SIZE, chart_id)
        assert size["box"] > 700 and size["chart"] >= 0.95 * size["box"], size
        page.locator(f"#{chart_id}").screenshot(path=ARTIFACTS / f"handout-{chart_id}.png")
    # On paper a chart is as wide as the page, not the screen; back on screen it fills again.
    page.emulate_media(media="print")
    page.wait_for_function(
        "() => document.querySelector('#chart-1 svg.main-svg').getAttribute('width') == 660"
    )
    page.emulate_media(media="screen")
    page.wait_for_function(
        "() => document.querySelector('#chart-1 svg.main-svg').getAttribute('width') > 700"
    )
    page.get_by_text("Questions for discussion", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "handout-questions.png")
    handout.check_offline()


def test_the_network_block_sees_what_a_page_would_fetch(offline, files):
    """A control for the two tests above: a request to the network is caught and recorded."""
    probe = offline(800, 600)
    probe.open(files["handout"])
    probe.page.evaluate(
        """() => { const img = document.createElement("img");
                   img.src = "https://cdn.example.org/x.png"; document.body.append(img); }"""
    )
    probe.page.wait_for_timeout(500)
    assert probe.attempted == ["https://cdn.example.org/x.png"]
    with pytest.raises(AssertionError):
        probe.check_offline()
