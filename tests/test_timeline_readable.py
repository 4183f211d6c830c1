"""The timeline reads at a glance (issue 16 §6, issue 17 §6): labels of at least 12 px, a "No
date given" panel no wider than its labels need and absent when empty, far-off dates beyond the
edge of the axis instead of crowding the week, and no more rows than a reader can take in.

The browser test (tests/browser/test_timeline_labels_browser.py) measures the drawn labels.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from explainer.package.load import load_package
from explainer.views import timeline_chart
from explainer.views.chart_layout import drawn_width
from explainer.views.selection import events_involving
from explainer.views.tables import MAX_ROWS
from explainer.views.timeline_chart import label_lines, timeline_figure, view_range

DATA = Path(__file__).parents[1] / "data"


def fonts(value):
    """Every font size given anywhere in a figure."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key.endswith("font") and isinstance(child, dict) and "size" in child:
                yield child["size"]
            yield from fonts(child)
    elif isinstance(value, list):
        for child in value:
            yield from fonts(child)


def markers(fig):
    return [t for t in fig["data"] if "customdata" in t]


def labels(fig):
    return {
        i: html.unescape(x)
        for t in markers(fig)
        for i, x in zip(t["customdata"], t["text"], strict=True)
    }


def undated_share(fig):
    axis = fig["layout"].get("xaxis2")
    return axis["domain"][1] - axis["domain"][0] if axis else 0


def test_no_text_in_the_timeline_is_under_12_px(real):
    fig = timeline_figure(real, real.events)
    assert min(fonts(fig)) >= 12
    assert json.dumps(fig).count('"textfont"') == len(markers(fig))


def test_the_undated_panel_is_as_wide_as_its_labels_need(real):
    """Short labels, a narrow panel; long ones, a wider one, never more than the cap."""

    def undated(label):
        return replace(
            real,
            events=tuple(
                replace(e, label=label) if e.earliest is None and e.latest is None else e
                for e in real.events
            ),
        )

    short, long = (timeline_figure(p, p.events) for p in (undated("Talks"), undated("A" * 80)))
    assert 0 < undated_share(short) < undated_share(long) <= timeline_chart.UNDATED_MOST + 1e-9
    assert undated_share(short) < 0.2


def test_the_undated_panel_is_absent_when_no_shown_event_lacks_a_date(real):
    dated = [e for e in real.events if e.earliest or e.latest]
    fig = timeline_figure(real, dated)
    assert "xaxis2" not in fig["layout"] and fig["layout"]["xaxis"]["domain"] == [0, 1.0]
    notes = [a["text"] for a in fig["layout"]["annotations"]]
    assert "<b>No date given</b>" not in notes
    assert "no date given" not in fig["layout"]["meta"]["summary"]


def test_dates_decades_away_run_off_the_edge_instead_of_crowding_the_week():
    """The food-aid story (May 2011) reaches back to the 1990s and on to 2012."""
    package = load_package(DATA / "us-envoy-north-korea-food-aid")
    start, end = view_range(package)
    published = package.article.published
    assert start >= published - timedelta(days=31) and end <= published + timedelta(days=62)
    fig = timeline_figure(package, package.events)
    shown = labels(fig)
    famine = next(e for e in package.events if e.earliest == date(1990, 1, 1) and e.latest)
    assert shown[famine.id].startswith("← 1990: ")  # the 1990s: all of it beyond the edge
    since = next(e for e in package.events if e.earliest == date(1990, 1, 1) and not e.latest)
    assert shown[since.id].startswith("← from 1990: ")  # "since the 1990s": into the view
    celebrations = next(e for e in package.events if e.earliest == date(2012, 1, 1))
    assert shown[celebrations.id].endswith("→ 2012")
    at = {
        i: x
        for t in markers(fig)
        if t["xaxis"] == "x"
        for i, x in zip(t["customdata"], t["x"], strict=True)
    }
    assert at[famine.id] == start.isoformat() and at[celebrations.id] == end.isoformat()


def test_the_flagship_week_keeps_every_date_on_the_axis(real):
    start, end = view_range(real)
    for e in real.events:
        if e.earliest:
            assert start <= e.earliest <= end, e.id


def test_at_most_as_many_events_as_the_events_table_shows(real):
    many = tuple(replace(real.events[0], id=f"e_{i}", label=f"Event {i}") for i in range(250))
    package = replace(real, events=many)
    fig = timeline_figure(package, package.events)
    drawn = [i for t in markers(fig) for i in t["customdata"]]
    assert sorted(drawn) == sorted(e.id for e in many[:MAX_ROWS])
    summary = fig["layout"]["meta"]["summary"]
    assert summary.startswith(f"The first {MAX_ROWS} of the 250 chosen events")


def test_one_actor_of_a_large_package_sends_kilobytes_not_megabytes(real):
    many = tuple(
        replace(real.events[i % len(real.events)], id=f"e_{i}", label=f"Event number {i}")
        for i in range(5000)
    )
    package = replace(real, events=many)
    one = events_involving(package, ["park_il"])
    assert len(json.dumps(timeline_figure(package, one[:50]))) < 100_000


def test_a_label_too_long_for_one_line_wraps_whole_into_two():
    words = "Seoul and Washington agree a regular channel is needed"
    room = drawn_width(words, timeline_chart.LABEL_SIZE) * 0.6
    lines = label_lines("", words, "", room)
    assert len(lines) == 2 and " ".join(lines) == words
    assert all(drawn_width(line, timeline_chart.LABEL_SIZE) <= room for line in lines)


def test_a_label_too_long_for_its_lines_keeps_what_the_edge_adds():
    words = "word " * 40
    lines = label_lines("← 1990: ", words.strip(), " → 2012", 150)
    assert len(lines) == timeline_chart.LINES and lines[0].startswith("← 1990: ")
    assert lines[-1].endswith("… → 2012")
    assert all(drawn_width(line, timeline_chart.LABEL_SIZE) <= 150 for line in lines)
