"""The timeline's event labels as plotly.js draws them: none overlaps another, none leaves its
panel (plotly would cut it at the panel's edge).

Drawn in a blank page with the plotly.js of the installed plotly package (no Jupyter needed),
from the figure JSON the notebook sends, for every package under data/ and a crowded one, at the
narrowest width the figure is made for, a narrow projector's, and a wide screen's.
"""

from __future__ import annotations

from importlib.resources import files

import harness
import pytest

from explainer.package import load_package
from explainer.views.render import figure_bundle
from explainer.views.timeline_chart import NARROWEST, timeline_figure

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


@pytest.mark.parametrize("width", [NARROWEST, 760, 1280])
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
