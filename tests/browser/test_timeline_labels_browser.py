"""The timeline's event labels as plotly.js draws them: none overlaps another, none leaves its
panel, each at least 12 px, and none shortened that would have fitted whole (issue 16).

Drawn in a blank page with the plotly.js of the installed plotly package (no Jupyter needed),
from the figure JSON the notebook sends, for every package under data/ and a crowded one, at
the width JupyterLab gives the chart by default (the width its labels are made for) and a wide
screen's.
"""

from __future__ import annotations

from importlib.resources import files

import harness
import pytest

from explainer.package import load_package
from explainer.views.render import figure_bundle
from explainer.views.timeline_chart import LINES, NARROWEST, timeline_figure

PLOTLY_JS = files("plotly") / "package_data" / "plotly.min.js"
PACKAGES = sorted(p.parent.name for p in (harness.ROOT / "data").glob("*/datapackage.json"))


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_content("<!doctype html><html><body style='margin:0'><div id='chart'></div></body>")
    page.add_script_tag(content=PLOTLY_JS.read_text(encoding="utf-8"))
    harness.install_helpers(page)
    yield page
    context.close()


@pytest.mark.parametrize("width", [NARROWEST, 1280])
@pytest.mark.parametrize("which", ["crowded", *PACKAGES])
def test_no_label_overlaps_another_or_leaves_the_chart(page, request, which, width):
    """Every article package under data/, and a crowded synthetic one."""
    if which == "crowded":
        package = request.getfixturevalue(which)
    else:
        package = load_package(harness.ROOT / "data" / which)
    figure = next(iter(figure_bundle(timeline_figure(package, package.events), "").values()))
    page.evaluate(
        "([figure, width]) => Plotly.newPlot('chart', figure.data,"
        " {...figure.layout, width: width}, figure.config)",
        [figure, width],
    )
    drawn = page.evaluate(
        "() => window.__explainer.labelProblems(document.querySelector('.js-plotly-plot'))"
    )
    assert drawn["count"] == len(package.events)
    assert drawn["problems"] == []


JUPYTERLAB = 848  # the chart's width in JupyterLab 4, 1280x720 window, file browser open

# Each drawn label: its lines, font, and how much room its panel leaves beside its marker.
DRAWN_LABELS = """() => [...document.querySelectorAll('.textpoint text')].map(t => {
  const panel = [...t.closest('.subplot').classList].find(c => c !== 'subplot');
  const area = document.querySelector(`rect.nsewdrag[data-subplot="${panel}"]`)
    .getBoundingClientRect();
  const box = t.getBoundingClientRect(), style = getComputedStyle(t);
  const right = t.getAttribute('text-anchor') !== 'end';
  const lines = [...t.querySelectorAll('tspan.line')].map(l => l.textContent);
  return {lines: lines.length ? lines : [t.textContent], size: parseFloat(style.fontSize),
          font: `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
          room: right ? area.right - box.left : box.right - area.left};
})"""

# Whether `text` wraps at spaces into at most `most` lines of `room` px in `font`.
FITS_IN_LINES = """([text, font, room, most]) => {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = font;
  let lines = 1, line = '';
  for (const word of text.split(' ')) {
    const next = line ? line + ' ' + word : word;
    if (ctx.measureText(next).width <= room) { line = next; continue; }
    lines += 1; line = word;
    if (ctx.measureText(word).width > room) return false;
  }
  return lines <= most;
}"""


def uncut(text: str, labels: list[str]) -> str | None:
    """The label as it would read whole: the words cut at "…" restored from the event's label,
    with what the chart adds before and after them (an edge's year, an arrow)."""
    if "…" not in text:
        return None
    head, tail = text.split("…", 1)
    for start in range(len(head) + 1):
        whole = [w for w in labels if w.startswith(head[start:]) and len(w) > len(head) - start]
        if whole:
            return head[:start] + whole[0] + tail
    return None


@pytest.mark.parametrize(("width", "most"), [(NARROWEST, LINES), (JUPYTERLAB, 2)])
@pytest.mark.parametrize("which", PACKAGES)
def test_labels_are_12_px_and_whole_where_their_lines_hold_them(page, which, width, most):
    """Issue 16: labels were 11 px and cut short at JupyterLab's width. There, none is cut that
    two lines would hold; at the narrowest width, none that LINES lines would."""
    package = load_package(harness.ROOT / "data" / which)
    figure = next(iter(figure_bundle(timeline_figure(package, package.events), "").values()))
    page.evaluate(
        "([figure, width]) => Plotly.newPlot('chart', figure.data,"
        " {...figure.layout, width: width}, figure.config)",
        [figure, width],
    )
    drawn = page.evaluate(DRAWN_LABELS)
    assert len(drawn) == len(package.events) and min(d["size"] for d in drawn) >= 12
    labels = [e.label for e in package.events]
    fitted = []
    for label in drawn:
        whole = uncut(" ".join(label["lines"]), labels)
        if whole and page.evaluate(FITS_IN_LINES, [whole, label["font"], label["room"], most]):
            fitted.append(whole)
    assert fitted == [], "shortened although its lines would hold the whole label"
