"""The handout for every reader: axe-core finds nothing in it, it reflows at 640 px without
sideways scrolling, it prints on A4 and Letter without cutting a chart or a table row, and a
hostile notebook's HTML runs no script in it (nor in the deck).
"""

from __future__ import annotations

import json
import re

import harness
import pytest
from axe_playwright_python.sync_playwright import Axe
from published import MARGIN, PAGINATE, PAPER
from stored_notebook import stored_figures

from explainer.publish import pages
from explainer.views.exercises import EXERCISE_MIMETYPE
from explainer.views.render import PLOTLY_MIMETYPE

ARTIFACTS = harness.ARTIFACTS
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
CHARTS_DRAWN = """() => [...document.querySelectorAll("div.chart")]
  .every(chart => chart.querySelector("svg.main-svg g.trace"))"""


def open_handout(offline, published, width: int, height: int = 900):
    handout = offline(width, height)
    handout.open(published["handout"])
    handout.page.wait_for_function(CHARTS_DRAWN)
    return handout


def test_handout_has_no_accessibility_violation(offline, published):
    handout = open_handout(offline, published, 1100)
    violations = Axe().run(handout.page, options=WCAG).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    handout.check_offline()


def test_charts_are_named_by_title_and_summary_not_ids(offline, published):
    handout = open_handout(offline, published, 1100)
    # By id: chart-N is the notebook's Nth figure, wherever the handout places it.
    labels = handout.page.eval_on_selector_all(
        "div.chart", "charts => charts.map(c => [c.id, c.getAttribute('aria-label')])"
    )
    figures = [figure for figure, _ in stored_figures(published["notebook"])]
    assert len(labels) == len(figures) > 1
    labels = [label for _, label in sorted(labels, key=lambda pair: int(pair[0].split("-")[1]))]
    for label, figure in zip(labels, figures, strict=True):
        title = figure["layout"].get("title")
        title = title.get("text") if isinstance(title, dict) else title
        assert title and label.startswith(title.split("<")[0].strip()), (label, title)
        summary = (figure["layout"].get("meta") or {}).get("summary")
        if isinstance(summary, str):
            assert summary in label
        ids = [event for event in json.dumps(figure["data"]).split('"') if event.startswith("e_")]
        assert not any(identifier in label for identifier in ids), label


def test_handout_reflows_at_640_px_without_sideways_scrolling(offline, published):
    handout = open_handout(offline, published, 640)
    page = handout.page
    wide = page.evaluate(
        """() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      scrolling: [...document.querySelectorAll("main *")]
        .filter(el => el.scrollWidth > el.clientWidth + 1
                      && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
        .map(el => el.tagName + "." + el.className),
    })"""
    )
    assert wide["page"] <= wide["view"] and wide["scrolling"] == [], wide
    page.screenshot(path=ARTIFACTS / "handout-640.png", full_page=False)
    handout.check_offline()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_handout_prints_without_cutting_a_chart_or_a_row(offline, published, paper):
    width, height = (size - 2 * MARGIN for size in PAPER[paper])
    handout = open_handout(offline, published, 1100)
    page = handout.page
    pdf = page.pdf(format=paper, print_background=True)  # the real print, for a person to see
    (ARTIFACTS / f"handout-{paper}.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) > 1
    page.emulate_media(media="print")
    charts = page.evaluate("() => document.querySelectorAll('div.chart').length")
    page.wait_for_function(
        """n => [...document.querySelectorAll("div.chart svg.main-svg")]
          .filter(svg => Math.round(svg.getBoundingClientRect().width) <= 660).length >= n""",
        arg=charts,
    )
    layout = page.evaluate(PAGINATE, [width, height])
    assert layout["pages"] > 1
    assert layout["split"] == []
    # Each chart fits a page: as wide as the printable width at most, and less than a page tall.
    sizes = page.eval_on_selector_all(
        "figure.chart-figure", "figs => figs.map(f => [f.offsetWidth, f.offsetHeight])"
    )
    assert all(w <= width + 1 and h < height for w, h in sizes), sizes


HOSTILE = [
    "<script>alert('script')</script>",
    "<img/src=x onerror=alert('img')>",
    "<svg/onload=alert('svg')>",
    "<a href=\"javascript:alert('link')\" id=hostile-link>a link</a>",
    "<p onmouseover=\"alert('over')\" id=hostile-hover>hover me</p>",
    "<details open ontoggle=alert('toggle')><summary>s</summary></details>",
    "<iframe srcdoc=\"<script>parent.alert('frame')</script>\"></iframe>",
]


def hostile_notebook() -> dict:
    def cell(kind: str, **fields) -> dict:
        return {"cell_type": kind, "metadata": {"slideshow": {"slide_type": "-"}}, **fields}

    figure = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {}}
    svg = "<svg xmlns='http://www.w3.org/2000/svg' onload=\"alert('svg output')\"></svg>"
    outputs = [{"text/html": markup, "text/plain": "html"} for markup in HOSTILE]
    outputs += [{"image/svg+xml": svg, "text/plain": "svg"}, {PLOTLY_MIMETYPE: figure}]
    cells = [cell("markdown", source="# Hostile\n\n" + "\n\n".join(HOSTILE))]
    for data in outputs:
        cells.append(
            cell(
                "code",
                source="",
                execution_count=1,
                outputs=[{"output_type": "display_data", "data": data, "metadata": {}}],
            )
        )
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}


@pytest.mark.parametrize("kind", ["slides", "handout"])
def test_a_hostile_notebook_fires_no_dialog(offline, tmp_path, kind):
    source = tmp_path / "hostile.ipynb"
    source.write_text(json.dumps(hostile_notebook()), encoding="utf-8")
    output = tmp_path / f"hostile-{kind}.html"
    pages.write(pages.BUILDERS[kind](source), output)
    view = offline(1100, 800)
    view.open(output)
    page = view.page
    if kind == "slides":  # the chart may have gone to a continued slide: show that one
        page.wait_for_function("() => document.body.classList.contains('fitted')")
        page.evaluate(
            """() => { const at = Reveal.getIndices(document.querySelector("div.chart")
                         .closest("section")); Reveal.slide(at.h, at.v || 0); }"""
        )
    page.wait_for_function("() => document.querySelector('div.chart svg.main-svg g.trace')")
    if kind == "handout":  # on the page as a reader would: hover and click what is there
        page.get_by_text("hover me").first.hover()
        page.get_by_text("a link").first.click()
    else:  # through every slide
        for _ in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate("Reveal.next()")
    page.wait_for_timeout(500)
    assert view.dialogs == []
    # Nothing fetched from the network; the image `x` is missing beside the page (an error).
    assert view.attempted == []


# Each would make a page ask a server for something, as built pages once did (issue 20 §7): an
# image in markdown and in a markdown or HTML output, a style with CSS escapes that spell url(),
# and a chart's layout images. Each names its own address, so a leak says which it was.
FETCHING = [
    "<img src=http://example.org/raw-img.png alt='raw'>",
    "![markdown image](http://example.org/markdown-img.png)",
    '<p style="background:\\75 rl(http://example.org/escaped-url.png)">escaped</p>',
    '<p style="background:u\\72l(http://example.org/escaped-r.png)">escaped r</p>',
    "<p style=\"background-image:image-set('http://example.org/image-set.png' 1x)\">set</p>",
    "<picture><source srcset=http://example.org/srcset.png><img alt=p></picture>",
    "<video poster=http://example.org/poster.png></video>",
    '<link rel="stylesheet" href="http://example.org/sheet.css">',
    "<style>@import url(http://example.org/import.css);</style>",
]


def fetching_notebook() -> dict:
    """A notebook whose every kind of content would fetch from the web: markdown, markdown and
    HTML outputs, a chart, its article section and an exercise (so that all four pages show
    it)."""

    def cell(kind: str, **fields) -> dict:
        return {"cell_type": kind, "metadata": {"slideshow": {"slide_type": "-"}}, **fields}

    def shown(data: dict, metadata: dict | None = None) -> dict:
        return {"output_type": "display_data", "data": data, "metadata": metadata or {}}

    web = {"source": "http://example.org/layout-image.png", "x": 0, "y": 1, "sizex": 1, "sizey": 1}
    template = {"layout": {"images": [{**web, "source": "http://example.org/template-image.png"}]}}
    figure = {
        "data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}],
        "layout": {"images": [web], "template": template},
    }
    exercise = {
        "key": "hedge_word:c1",
        "kind": "hedge_word",
        "prompt": "Which word? " + FETCHING[0],
        "quote": FETCHING[2],
        "choices": [{"label": FETCHING[0], "value": "a"}, {"label": "b", "value": "b"}],
        "correct": ["a"],
        "explanation": FETCHING[1],
        "hint": FETCHING[0],
    }
    outputs = [shown({"text/html": markup, "text/plain": "html"}) for markup in FETCHING]
    outputs += [shown({"text/markdown": markup}) for markup in FETCHING]
    outputs += [
        shown({PLOTLY_MIMETYPE: figure, "text/plain": "chart"}),
        shown({"text/html": f"<article>{''.join(FETCHING)}</article>"}),
        shown({EXERCISE_MIMETYPE: exercise, "text/plain": "exercise"}),
    ]
    cells = [cell("markdown", source="# Fetching\n\n" + "\n\n".join(FETCHING))]
    cells += [cell("code", source="", execution_count=1, outputs=[output]) for output in outputs]
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}


@pytest.mark.parametrize("kind", ["slides", "handout", "worksheet", "answer key"])
def test_a_hostile_notebook_makes_no_request_off_the_machine(offline, tmp_path, kind):
    """Zero requests, and nothing that even asks: the sanitiser leaves nothing to fetch, so the
    page's policy (which would refuse it, see test_the_policy_refuses_what_the_sanitiser_would_
    miss) has nothing to refuse."""
    source = tmp_path / "fetching.ipynb"
    source.write_text(json.dumps(fetching_notebook()), encoding="utf-8")
    output = tmp_path / f"fetching-{kind.replace(' ', '-')}.html"
    pages.write(pages.BUILDERS[kind](source), output)
    view = offline(1100, 800)
    view.open(output)
    page = view.page
    if kind == "slides":  # through every slide, so that every chart is drawn
        page.wait_for_function("() => document.body.classList.contains('fitted')")
        for _ in range(page.evaluate("Reveal.getTotalSlides()")):
            page.evaluate("Reveal.next()")
            page.wait_for_timeout(50)
    if kind in ("slides", "handout"):
        page.wait_for_function("() => document.querySelector('div.chart svg.main-svg g.trace')")
    page.wait_for_timeout(500)
    assert view.attempted == []
    assert [url for url in view.requests if not url.startswith(("file:", "data:"))] == []
    assert view.refused() == []
    assert view.dialogs == []
