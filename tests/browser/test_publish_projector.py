"""The deck on a projector: every slide fits the frame at 1280x720 and 1024x768, long tables
continue on slides marked "continued" with nothing lost, charts fill their slide with type a
back row can read, and axe-core finds nothing wrong in the slides' content.

What the slides hold comes from the notebook, so nothing here names a slide of this one: the
expectations are counted from the built page and the stored notebook.
"""

from __future__ import annotations

import json
import re

import harness
import pytest
from axe_playwright_python.sync_playwright import Axe
from published import build_both
from stored_notebook import stored_figures

from explainer.publish import pages

ARTIFACTS = harness.ARTIFACTS
PLOTLY = harness.PLOTLY
TEACHING = harness.ROOT / "docs" / "teaching.md"  # the page a teacher reads on the deck
SIZES = [(1280, 720), (1024, 768)]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MIN_TYPE = 16  # px on the screen, at either size
NOTEBOOKS = sorted((harness.ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda path: path.stem)
def each_published(request, tmp_path_factory) -> dict:
    """The deck and handout of each stored notebook: what fits one article may not fit another."""
    folder = tmp_path_factory.mktemp(request.param.stem)
    return {**build_both(folder, request.param), "name": request.param.stem}


# Where the current slide's content reaches, in screen pixels, against its frame.
FRAME = """() => {
  const slide = Reveal.getCurrentSlide();
  const frame = slide.getBoundingClientRect();
  const scale = frame.height / slide.offsetHeight;
  const padding = parseFloat(getComputedStyle(slide).paddingBottom) * scale;
  let bottom = frame.top, right = frame.left;
  for (const el of slide.querySelectorAll("*")) {
    if (el.closest("aside.notes")) continue;
    // Inside a chart, plotly clips its marks to the plot: the <svg> box is what shows.
    if (el.ownerSVGElement) continue;
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    bottom = Math.max(bottom, box.bottom);
    right = Math.max(right, box.right);
  }
  return {
    heading: (slide.querySelector("h1, h2, h3") || {textContent: ""}).textContent,
    overflowMarked: slide.dataset.overflow === "true",
    scrolls: slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth,
    below: bottom - (frame.bottom - padding),
    beyond: right - frame.right,
    screenBottom: bottom,
    viewport: window.innerHeight,
  };
}"""

# The type of every visible text of the current slide's charts, in screen pixels.
CHART_TYPE = """() => {
  const slide = Reveal.getCurrentSlide();
  const scale = slide.getBoundingClientRect().height / slide.offsetHeight;
  const sizes = [];
  for (const text of slide.querySelectorAll(".chart svg text")) {
    if (!text.textContent.trim() || !text.getBoundingClientRect().width) continue;
    // A chart zoomed whole (CSS zoom) draws its text larger than its computed font size.
    const zoom = text.currentCSSZoom || 1;
    sizes.push({
      text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * zoom * scale,
    });
  }
  const charts = [...slide.querySelectorAll(".chart")].map(chart => ({
    height: chart.offsetHeight * (chart.currentCSSZoom || 1),
    width: chart.offsetWidth * (chart.currentCSSZoom || 1),
  }));
  return {sizes, charts, frame: slide.clientHeight, width: slide.clientWidth};
}"""

DRAWN = """() => [...Reveal.getCurrentSlide().querySelectorAll(".chart")]
  .every(chart => chart.querySelector("svg.main-svg g.trace"))"""


def open_deck(offline, published, width: int, height: int):
    deck = offline(width, height)
    deck.open(published["slides"])
    deck.page.wait_for_function("() => document.body.classList.contains('fitted')")
    return deck


def each_slide(page):
    """Show every slide in order (charts drawn), yielding its number from 0."""
    total = page.evaluate("Reveal.getTotalSlides()")
    page.evaluate("Reveal.slide(0, 0)")
    for number in range(total):
        page.wait_for_function(DRAWN)
        yield number
        if number < total - 1:
            page.evaluate("Reveal.next()")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_slide_fits_the_frame(offline, each_published, width, height):
    deck = open_deck(offline, each_published, width, height)
    page = deck.page
    problems = []
    for number in each_slide(page):
        frame = page.evaluate(FRAME)
        if frame["overflowMarked"] or frame["scrolls"] or frame["below"] > 1 or frame["beyond"] > 1:
            problems.append((number, frame))
        assert frame["screenBottom"] <= frame["viewport"]
    assert problems == [], problems
    deck.check_offline()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_chart_slides_fill_the_frame_with_type_a_back_row_can_read(
    offline, each_published, width, height
):
    published = each_published
    name = published["name"]
    deck = open_deck(offline, published, width, height)
    page = deck.page
    seen = 0
    for number in each_slide(page):
        charts = page.evaluate(CHART_TYPE)
        if not charts["charts"]:
            continue
        seen += len(charts["charts"])
        small = [size for size in charts["sizes"] if size["px"] < MIN_TYPE - 0.01]
        assert charts["sizes"] and small == [], (number, small)
        for chart in charts["charts"]:
            assert chart["width"] >= 0.95 * (charts["width"] - 32), (number, chart)
        # One chart alone on its slide takes most of the frame.
        if len(charts["charts"]) == 1:
            assert charts["charts"][0]["height"] >= 0.6 * charts["frame"], (number, charts)
        if width == 1280:
            page.wait_for_timeout(400)  # the fade between slides
            page.screenshot(path=ARTIFACTS / f"deck-chart-slide-{name}-{number}.png")
    assert seen == sum(len(pages) or 1 for pages in chart_pages(published["notebook"]))


def chart_pages(notebook: dict) -> list[list]:
    """Each chart's pages (layout.meta.pages, for a slide each), or [] for a chart shown whole;
    held-back charts included, as the deck shows them after their exercise's answer."""
    return [f["layout"].get("meta", {}).get("pages", []) for f, _ in stored_figures(notebook)]


def count_rows_and_paragraphs(markup: str) -> tuple[int, int]:
    slides = markup.split('<div class="slides">', 1)[1].split("</div></div>", 1)[0]
    slides = re.sub(r"<script.*?</script>", "", slides, flags=re.DOTALL)
    bodies = re.findall(r"<tbody>(.*?)</tbody>", slides, re.DOTALL)
    return sum(body.count("<tr") for body in bodies), len(re.findall(r"<p[ >]", slides))


def test_continued_slides_keep_every_row_and_repeat_the_header(offline, published):
    rows, paragraphs = count_rows_and_paragraphs(published["slides"].read_text(encoding="utf-8"))
    page = open_deck(offline, published, 1280, 720).page
    after = page.evaluate(
        """() => {
      const slides = document.querySelector(".reveal .slides");
      const continued = [...slides.querySelectorAll("section.continued")];
      return {
        rows: slides.querySelectorAll("tbody tr").length,
        paragraphs: slides.querySelectorAll("p").length,
        continued: continued.map(s => s.querySelector("h1, h2, h3").textContent),
        headless: continued.filter(s => s.querySelector("tbody") && !s.querySelector("thead"))
          .length,
      };
    }"""
    )
    assert after["rows"] == rows  # each row once, on some slide
    assert after["paragraphs"] == paragraphs  # each paragraph once, on a slide or in its notes
    assert after["continued"], "nothing continued: this test needs a longer table"
    assert all(heading.endswith(" (continued)") for heading in after["continued"])
    assert after["headless"] == 0
    # docs/teaching.md's picture: the continued slide with the most table cells, projector size.
    page.evaluate(
        """() => { const slide = [...document.querySelectorAll("section.continued")]
                     .sort((a, b) => b.querySelectorAll("td").length - a.querySelectorAll("td")
                       .length)[0];
                   const at = Reveal.getIndices(slide); Reveal.slide(at.h, at.v); }"""
    )
    page.wait_for_timeout(400)  # the fade between slides
    page.screenshot(path=ARTIFACTS / "deck-projector.png")


IN_SLIDES = """targets => targets.map(target => {
  const element = document.querySelector(Array.isArray(target) ? target[0] : target);
  return Boolean(element && element.closest(".reveal .slides"));
})"""


def test_slides_content_has_no_accessibility_violation(offline, published):
    """axe-core (WCAG 2.1 A and AA) on every slide: nothing in the slides' content; what it
    finds in reveal's own controls is listed in docs/teaching.md, which this test keeps true."""
    axe = Axe()
    page = open_deck(offline, published, 1280, 720).page
    chrome: set[str] = set()
    for number in each_slide(page):
        page.wait_for_timeout(350)  # the fade: half-faded text would fail on contrast
        for violation in axe.run(page, options=WCAG).response["violations"]:
            targets = [node["target"] for node in violation["nodes"]]
            inside = page.evaluate(IN_SLIDES, targets)
            assert not any(inside), (number, violation["id"], targets)
            chrome.add(violation["id"])
    readme = TEACHING.read_text(encoding="utf-8")
    section = readme.split(CHROME_FINDINGS, 1)[1].split("\n#", 1)[0]
    assert chrome == set(re.findall(r"^- `([a-z-]+)`", section, re.MULTILINE))


CHROME_FINDINGS = "Remaining findings in reveal.js's controls"


def test_the_teaching_page_shows_a_slide_at_projector_size():
    """docs/deck-projector.png is a copy of test-artifacts/deck-projector.png, kept small."""
    page = TEACHING.read_text(encoding="utf-8")
    assert "](deck-projector.png)" in page
    png = (harness.ROOT / "docs" / "deck-projector.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) <= 200_000


def test_speaker_view_shows_what_did_not_fit(offline, published):
    """`S` opens reveal's speaker view, offline, with the notes of the current slide: there the
    teacher finds the prose that fit.js moved off the slide, and the hint for each question."""
    deck = open_deck(offline, published, 1280, 720)
    page = deck.page
    moved = page.evaluate(
        """() => { const slide = document.querySelector("aside.notes .moved-from-slide")
                     .closest("section");
                   const at = Reveal.getIndices(slide); Reveal.slide(at.h, at.v || 0);
                   return slide.querySelector(".moved-from-slide").textContent; }"""
    )
    assert moved.strip(), "no prose was moved to the notes: this test needs a fuller slide"
    with deck.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function(
        "text => document.body.innerText.includes(text)", arg=" ".join(moved.split())[:60]
    )
    # Under the deck's policy, which the speaker view inherits: its scripts ran (the notes are
    # there) and its two frames show the deck itself, fitted.
    frames = [frame for frame in speaker.frames if "receiver" in frame.url]
    assert len(frames) == 2
    for frame in frames:
        frame.wait_for_function("() => document.body.classList.contains('fitted')")
    deck.check_offline()


def synthetic_notebook() -> dict:
    """Slides no hand has tuned: a 40-row table, a 30-item numbered list, six long paragraphs,
    and a chart after some text."""

    def cell(kind: str, source: str = "", slide: str = "-", outputs=None) -> dict:
        extra = {"outputs": outputs or [], "execution_count": 1} if kind == "code" else {}
        meta = {"slideshow": {"slide_type": slide}}
        return {"cell_type": kind, "metadata": meta, "source": source, **extra}

    rows = "".join(
        f"<tr><td>row {n}</td><td>{'a long cell that wraps ' * (n % 4)}</td></tr>"
        for n in range(1, 41)
    )
    table = f"<table><thead><tr><th>Row</th><th>Text</th></tr></thead><tbody>{rows}</tbody></table>"
    figure = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {"height": 500}}
    paragraph = "A sentence that a teacher might write to explain the chart to the class. " * 6
    return {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            cell("markdown", "# Synthetic\n\n## A long table", "slide"),
            cell(
                "code",
                outputs=[
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {"text/html": table, "text/plain": "t"},
                    }
                ],
            ),
            cell(
                "markdown",
                "## A long list\n\n"
                + "\n".join(f"{n}. item number {n} of the list" for n in range(1, 31)),
                "slide",
            ),
            cell("markdown", "## Long prose\n\n" + "\n\n".join([paragraph] * 6), "slide"),
            cell("markdown", "## A chart\n\n" + paragraph, "slide"),
            cell(
                "code",
                outputs=[
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {PLOTLY: figure, "text/plain": "chart"},
                    }
                ],
            ),
        ],
    }


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_any_notebook_is_fitted(offline, tmp_path, width, height):
    source = tmp_path / "synthetic.ipynb"
    source.write_text(json.dumps(synthetic_notebook()), encoding="utf-8")
    deck_path = tmp_path / "synthetic-slides.html"
    pages.write(pages.build_slides(source), deck_path)
    deck = open_deck(offline, {"slides": deck_path}, width, height)
    page = deck.page
    for number in each_slide(page):
        frame = page.evaluate(FRAME)
        assert not (frame["overflowMarked"] or frame["scrolls"]), (number, frame)
        assert frame["below"] <= 1 and frame["beyond"] <= 1, (number, frame)
    found = page.evaluate(
        """() => ({
      rows: [...document.querySelectorAll(".slides tbody tr")].map(r => r.cells[0].textContent),
      items: [...document.querySelectorAll(".slides ol")].map(ol => [ol.start, ol.children.length]),
      notes: [...document.querySelectorAll(".slides aside.notes p")].length,
      chartHeight: document.querySelector(".slides div.chart").offsetHeight,
    })"""
    )
    assert found["rows"] == [f"row {n}" for n in range(1, 41)]
    # The list continues where it stopped, numbered on.
    starts = [start for start, _ in found["items"]]
    counts = [count for _, count in found["items"]]
    assert sum(counts) == 30 and len(starts) > 1
    assert starts == [1] + [1 + sum(counts[:i]) for i in range(1, len(counts))]
    assert found["notes"] >= 1  # prose that could not fit is in the speaker notes
    assert found["chartHeight"] >= 340
    deck.check_offline()


def test_a_reloaded_deck_returns_to_its_continued_slide(offline, published):
    """The address names the slide shown (#/h/v); reloading it on a continued slide, which only
    exists once the deck is fitted, comes back to that slide."""
    deck = open_deck(offline, published, 1280, 720)
    at = deck.page.evaluate(
        "() => Reveal.getIndices(document.querySelectorAll('section.continued')[1])"
    )
    assert at["v"] > 0
    deck.page.goto(f"{published['slides'].as_uri()}#/{at['h']}/{at['v']}")
    deck.page.reload()
    deck.page.wait_for_function("() => document.body.classList.contains('fitted')")
    assert deck.page.evaluate("Reveal.getIndices()")["v"] == at["v"]
    deck.check_offline()
