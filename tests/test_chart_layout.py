"""Charts are drawn once: their margins are fixed from their labels, never grown by plotly.

Whether the labels then fit in a real page is checked in tests/browser (at full width and at
a projector's width); here, what the figures promise plotly.
"""

from __future__ import annotations

import json

import pytest

from explainer.package.vocabulary import CERTAINTY, STATUS
from explainer.views.certainty_chart import certainty_figure
from explainer.views.chart_layout import LEGEND_SYMBOL, legend_rows, text_width
from explainer.views.selection import events_involving
from explainer.views.timeline_chart import timeline_figure


def figures(package):
    return {
        "timeline": timeline_figure(package, package.events),
        "timeline, one actor": timeline_figure(package, events_involving(package, ["park_il"])),
        "certainty": certainty_figure(package.claims),
    }


def test_nothing_may_grow_a_margin_so_plotly_draws_each_chart_once(real):
    for name, figure in figures(real).items():
        assert "automargin" not in json.dumps(figure), name
        assert figure["layout"]["margin"]["autoexpand"] is False, name


def test_margins_hold_the_longest_axis_labels(real):
    timeline = timeline_figure(real, real.events)["layout"]
    assert timeline["yaxis"]["showticklabels"] is False  # lane names are written in the plot
    names = [a["text"] for a in timeline["annotations"] if a["yref"] == "y"]
    assert names and all(n.startswith("<b>") and len(n) < 60 for n in names)
    certainty = certainty_figure(real.claims)["layout"]
    assert certainty["margin"]["l"] > text_width(s.label for s in CERTAINTY.values())


def test_a_longer_label_gets_a_wider_margin():
    assert text_width(["South Korea and the US together"]) > text_width(["North Korea"]) > 0
    assert text_width([]) == 0


def test_the_filter_never_moves_the_side_margins_or_the_title(real):
    """The chart's height follows the rows shown (tests/test_timeline.py); its left, right
    and top margins, and so where the plot starts, do not."""
    full, one = (figures(real)[k]["layout"] for k in ("timeline", "timeline, one actor"))
    sides = ("l", "r", "t", "autoexpand")
    assert [full["margin"][k] for k in sides] == [one["margin"][k] for k in sides]
    assert full["title"] == one["title"]


@pytest.mark.parametrize("width", [200, 400, 600, 900, 2000])
def test_legend_rows_never_undercount_plotlys_rows(width):
    """Plotly fills each row with as many entries as fit; rows of the widest entry are the most
    rows that can take, so the room kept is enough at that width."""
    names = [s.label for s in STATUS.values()]
    rows = legend_rows("Status ", names, width)
    greedy_rows, used = 1, 0
    for name in names:  # plotly's packing, with every entry as wide as its own text
        need = LEGEND_SYMBOL + text_width([name])
        if used and used + need > width - text_width(["Status "]):
            greedy_rows, used = greedy_rows + 1, 0
        used += need
    assert greedy_rows <= rows <= len(names)


def test_legend_rows_fall_as_the_chart_widens():
    names = [s.label for s in STATUS.values()]
    counts = [legend_rows("Status ", names, w) for w in (100, 400, 800, 1600)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == len(names) and counts[-1] == 1
    assert legend_rows("Status ", [], 800) == 0
