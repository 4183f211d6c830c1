"""The timeline's event labels as plotly.js draws them: none overlaps another, none leaves its
panel (plotly would cut it at the panel's edge).

Drawn in a blank page with the plotly.js of the installed plotly package (no Jupyter needed),
from the figure JSON the notebook sends, for the real package and for a crowded one, at the
narrowest width the figure is made for, a narrow projector's, and a wide screen's.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from explainer.views.render import figure_bundle
from explainer.views.timeline_chart import NARROWEST, timeline_figure

PLOTLY_JS = files("plotly") / "package_data" / "plotly.min.js"

# Every event label's box and the box of the panel (plotly's subplot) it is drawn in
LABEL_BOXES = """() => {
  const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
  const chart = document.getElementById('chart');
  return [...chart.querySelectorAll('.textpoint text')].map(t => {
    const panel = [...t.closest('.subplot').classList].find(c => c !== 'subplot');
    const area = chart.querySelector(`rect.nsewdrag[data-subplot="${panel}"]`);
    return [t.textContent, box(t.getBoundingClientRect()), box(area.getBoundingClientRect())];
  });
}"""


def overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def inside(a: dict, b: dict) -> bool:
    return (
        all((a["left"] >= b["left"] - 1, a["right"] <= b["right"] + 1, a["top"] >= b["top"] - 1))
        and a["bottom"] <= b["bottom"] + 1
    )


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_content("<!doctype html><html><body style='margin:0'><div id='chart'></div></body>")
    page.add_script_tag(content=PLOTLY_JS.read_text(encoding="utf-8"))
    yield page
    context.close()


@pytest.mark.parametrize("width", [NARROWEST, 760, 1280])
@pytest.mark.parametrize("which", ["real", "crowded"])
def test_no_label_overlaps_another_or_leaves_the_chart(page, request, which, width):
    package = request.getfixturevalue(which)
    figure = next(iter(figure_bundle(timeline_figure(package, package.events), "").values()))
    page.evaluate(
        "([figure, width]) => Plotly.newPlot('chart', figure.data,"
        " {...figure.layout, width: width}, figure.config)",
        [figure, width],
    )
    labels = page.evaluate(LABEL_BOXES)
    assert len(labels) == len(package.events)
    assert all(text for text, *_ in labels)
    cut = [text for text, r, panel in labels if not inside(r, panel)]
    assert cut == []
    overlapping = [
        (a, b) for i, (a, r, _) in enumerate(labels) for b, s, _ in labels[i + 1 :] if overlap(r, s)
    ]
    assert overlapping == []
