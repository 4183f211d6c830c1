from __future__ import annotations

import base64
import html
import json
import math
import struct
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from explainer.package.load import load_package
from explainer.views import timeline_chart
from explainer.views.certainty_chart import certainty_figure
from explainer.views.render import PLOTLY_MIMETYPE, figure_bundle
from explainer.views.selection import claims_involving, events_involving
from explainer.views.timeline_chart import timeline_figure, view_range

PACKAGES = sorted(p.parent for p in (Path(__file__).parents[1] / "data").glob("*/datapackage.json"))


def values(array):
    """A plotly data array as a list: typed arrays ({"dtype": "f8", "bdata": ...}) decoded,
    NaN (a gap) as None."""
    if not isinstance(array, dict):
        return list(array)
    assert array["dtype"] == "f8"
    raw = base64.b64decode(array["bdata"])
    decoded = struct.unpack(f"<{len(raw) // 8}d", raw)  # little-endian doubles
    return [None if math.isnan(v) else v for v in decoded]


def markers(fig):
    """The traces of the events' own markers (not the bars, nor the arrows at the edge)."""
    return [t for t in fig["data"] if "customdata" in t]


def shown_ids(fig):
    return sorted(i for t in markers(fig) for i in t["customdata"])


def hover_by_id(fig):
    return {
        i: h for t in markers(fig) for i, h in zip(t["customdata"], t["hovertext"], strict=True)
    }


def test_every_event_is_drawn_dated_or_not(real):
    fig = timeline_figure(real, real.events)
    assert shown_ids(fig) == sorted(e.id for e in real.events)
    undated = {e.id for e in real.events if e.earliest is None and e.latest is None}
    side_panel = {i for t in markers(fig) if t["xaxis"] == "x2" for i in t["customdata"]}
    assert undated and side_panel == undated


def test_filtering_leaves_exactly_the_chosen_actors_events(real):
    chosen = events_involving(real, ["kevin_kim"])
    fig = timeline_figure(real, chosen)
    assert shown_ids(fig) == sorted(e.id for e in chosen)
    assert all("kevin_kim" in real.event(i).actors for i in shown_ids(fig))


def test_the_time_axis_and_each_date_stay_put_when_the_filter_changes(real):
    full = timeline_figure(real, real.events)
    one = timeline_figure(real, events_involving(real, ["park_il"]))
    assert full["layout"]["xaxis"]["range"] == one["layout"]["xaxis"]["range"]
    when = {
        i: x
        for t in markers(full)
        if t["xaxis"] == "x"
        for i, x in zip(t["customdata"], t["x"], strict=True)
    }
    for t in markers(one):
        if t["xaxis"] == "x":
            assert all(when[i] == x for i, x in zip(t["customdata"], t["x"], strict=True))


def lane_names(layout):
    return {
        html.unescape(a["text"]).removeprefix("<b>").removesuffix("</b>")
        for a in layout["annotations"]
        if a.get("yref") == "y"
    }


@pytest.mark.parametrize("actors", [["park_il"], ["kevin_kim"], ["jeong_yeon_doo", "park_il"]])
def test_a_filtered_timeline_shows_only_lanes_with_events_and_no_empty_row(real, actors):
    """Issue 16: one actor's one event is a short chart, not a 600 px one of empty lanes."""
    chosen = events_involving(real, actors)
    full, fig = timeline_figure(real, real.events), timeline_figure(real, chosen)
    group_of = {a.id: real.group(a.group).label for a in real.actors}
    assert lane_names(fig["layout"]) == {group_of[e.lead_actor] for e in chosen}
    rows = int(fig["layout"]["yaxis"]["range"][0] + 0.5)
    names = {a["y"] for a in fig["layout"]["annotations"] if a.get("yref") == "y"}
    # every row holds a lane's name, or a marker or the upper lines of its label
    held = {y - k for _i, _a, y, text in labelled(fig) for k in range(text.count("<br>") + 1)}
    assert set(range(rows)) == names | held
    assert fig["layout"]["height"] < full["layout"]["height"]


def test_a_filtered_timeline_is_as_tall_as_its_rows(real):
    heights = {}
    for actors in (["park_il"], ["kevin_kim", "park_il"], [a.id for a in real.actors]):
        fig = timeline_figure(real, events_involving(real, actors))
        heights[fig["layout"]["yaxis"]["range"][0] + 0.5] = fig["layout"]["height"]
    rows = sorted(heights)
    assert len(rows) == 3 and [heights[r] for r in rows] == sorted(set(heights.values()))


def test_status_has_a_shape_as_well_as_a_colour(real):
    fig = timeline_figure(real, real.events)
    styles = {t["legendgroup"]: (t["marker"]["symbol"], t["marker"]["color"]) for t in markers(fig)}
    assert len(styles) == len({e.status for e in real.events})
    assert len({s for s, _ in styles.values()}) == len(styles)
    assert len({c for _, c in styles.values()}) == len(styles)


def test_each_status_has_one_legend_entry(real):
    fig = timeline_figure(real, real.events)
    legend = [t["legendgroup"] for t in fig["data"] if t["showlegend"]]
    assert sorted(legend) == sorted({e.status for e in real.events})


def test_open_ended_spans_are_dotted_and_reach_the_edge(real):
    start, end = view_range(real)
    fig = timeline_figure(real, real.events)
    dotted = [t for t in fig["data"] if t["mode"] == "lines" and t["line"]["dash"] == "dot"]
    xs = [x for t in dotted for x in t["x"] if x is not None]
    assert start.isoformat() in xs  # "a recent US security strategy document": no earliest
    assert end.isoformat() in xs  # "as soon as next week": no latest


def test_year_precision_is_a_solid_bar_across_the_year(real):
    fig = timeline_figure(real, real.events)
    solid = [t for t in fig["data"] if t["mode"] == "lines" and t["line"]["dash"] == "solid"]
    spans = {(t["x"][i], t["x"][i + 1]) for t in solid for i in range(0, len(t["x"]), 3)}
    assert ("2026-01-01", "2026-12-31") in spans


def test_publication_day_is_marked(real):
    layout = timeline_figure(real, real.events)["layout"]
    assert [s["x0"] for s in layout["shapes"] if s["xref"] == "x"] == ["2025-12-12"]
    assert any("Friday, December 12, 2025" in a["text"] for a in layout["annotations"])


def test_view_starts_before_the_first_dated_event(real):
    start, end = view_range(real)
    assert start < date(2025, 12, 7) and end > date(2026, 1, 1)


def test_hover_gives_words_resolution_and_the_dating_quote(real):
    tuesday = hover_by_id(timeline_figure(real, real.events))["e_first_meeting"]
    assert "“next Tuesday”" in tuesday and "Tuesday, December 16, 2025" in tuesday
    assert "The tentative date for this meeting" in tuesday


def test_html_in_data_is_escaped_in_hover_and_lane_labels(real):
    event = replace(real.events[0], label="<img src=x onerror=alert(1)>")
    group = replace(real.groups[0], label="<b>bold</b>")
    package = replace(real, events=(event, *real.events[1:]), groups=(group, *real.groups[1:]))
    fig = timeline_figure(package, package.events)
    text = json.dumps(fig)
    assert "<img" not in text and "&lt;img src=x" in text
    assert "<b>bold" not in text and "&lt;b&gt;bold" in text


def test_certainty_chart_counts_the_chosen_claims(real):
    claims = claims_involving(real, ["park_il"])
    fig = certainty_figure(claims)
    assert sum(sum(t["x"]) for t in fig["data"]) == len(claims)
    assert all(
        t["marker"]["pattern"]["shape"] != fig["data"][0]["marker"]["pattern"]["shape"]
        for t in fig["data"][1:]
    )


def test_bundle_is_plotly_json_with_a_text_equivalent(real):
    bundle = figure_bundle(timeline_figure(real, real.events), "17 events")
    assert set(bundle) == {PLOTLY_MIMETYPE, "text/plain"}
    json.dumps(bundle)  # JSON all the way down, nothing for a kernel to choke on


def test_timeline_redrawn_for_each_filter_matches_a_fresh_drawing(real):
    """Places and hover texts are kept per package between draws; they must not go stale."""
    choices = (["park_il"], ["kevin_kim", "park_il"], [], [a.id for a in real.actors], ["park_il"])
    for actors in choices:
        events = events_involving(real, actors)
        fresh = replace(real)  # an equal package that has never been drawn
        assert json.dumps(timeline_figure(real, events)) == json.dumps(
            timeline_figure(fresh, events)
        )


def test_a_changed_package_gets_its_own_hover_texts(real):
    timeline_figure(real, real.events)
    event = replace(real.events[0], label="A relabelled event")
    changed = replace(real, events=(event, *real.events[1:]))
    assert "A relabelled event" in json.dumps(timeline_figure(changed, changed.events))
    assert "A relabelled event" not in json.dumps(timeline_figure(real, real.events))


def test_each_bar_is_level_with_its_marker_and_apart_from_the_next(real):
    fig = timeline_figure(real, real.events)
    marker_y = {y for t in markers(fig) if t["xaxis"] == "x" for y in values(t["y"])}
    for bar in (t for t in fig["data"] if t["mode"] == "lines"):
        xs, ys = values(bar["x"]), values(bar["y"])
        assert len(xs) == len(ys) and len(ys) % 3 == 0
        assert xs[2::3] == ys[2::3] == [None] * (len(ys) // 3)  # a gap after each bar
        assert ys[0::3] == ys[1::3] and set(ys[0::3]) <= marker_y


def labelled(fig):
    """(event id, axis, row, visible label) of every drawn event; a label's lines are joined
    by <br>."""
    return [
        (i, t["xaxis"], y, text)
        for t in markers(fig)
        for i, y, text in zip(t["customdata"], values(t["y"]), t["text"], strict=True)
    ]


def test_every_event_has_a_visible_label_from_its_own_words(real, crowded):
    for package in (real, crowded):
        fig = timeline_figure(package, package.events)
        found = labelled(fig)
        assert sorted(i for i, *_ in found) == sorted(e.id for e in package.events)
        for event_id, _axis, _row, text in found:
            words = html.unescape(text.replace("<br>", " ")).split(" →")[0].removesuffix("…")
            assert words and package.event(event_id).label.startswith(words), (event_id, text)
        assert all(t["mode"] == "markers+text" for t in markers(fig))


def test_no_two_labels_share_a_row_in_a_panel(real, crowded):
    """A label sits above its own marker, in its own row: so no two labels can overlap
    (the browser test measures the drawn labels too)."""
    for package in (real, crowded):
        rows = [
            (axis, row)
            for _i, axis, row, _text in labelled(timeline_figure(package, package.events))
        ]
        assert len(rows) == len(set(rows))


def test_long_labels_are_shortened_at_a_word_with_an_ellipsis(crowded):
    longer = " and then it goes on and on, for longer than three lines hold, at any width"
    events = tuple(replace(e, label=e.label + longer) for e in crowded.events)
    package = replace(crowded, events=events)
    full = "Crowded event number {} with a long label that must be shortened to fit" + longer
    shortened = 0
    for event_id, _axis, _row, text in labelled(timeline_figure(package, package.events)):
        label = full.format(event_id.removeprefix("e_crowd_"))
        text = text.replace("<br>", " ")
        if event_id.startswith("e_crowd_") and text != label:  # whole where it has the room
            assert text.endswith("…") and len(text) < len(label)
            kept = text.removesuffix("…")
            assert label.startswith(kept) and label[len(kept)] == " ", text
            shortened += 1
    assert shortened


def test_the_undated_panel_is_titled_and_its_events_labelled(real):
    fig = timeline_figure(real, real.events)
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert "<b>No date given</b>" in titles
    undated = [text for _i, axis, _row, text in labelled(fig) if axis == "x2"]
    assert len(undated) == sum(1 for e in real.events if not (e.earliest or e.latest))
    assert all(text for text in undated)


def test_a_span_past_the_edge_says_until_when_and_ends_in_an_arrow(real):
    start, end = view_range(real)
    fig = timeline_figure(real, real.events)
    (next_year,) = [e for e in real.events if e.latest and e.latest > end and e.earliest]
    label = {i: t for i, _a, _r, t in labelled(fig)}[next_year.id]
    assert label.endswith(f"→ through {next_year.latest.year}")
    arrows = [t for t in fig["data"] if t.get("marker", {}).get("symbol") == "triangle-right"]
    row = {i: r for i, _a, r, _t in labelled(fig)}[next_year.id]
    assert any(row in values(t["y"]) and end.isoformat() in t["x"] for t in arrows)


def contrast(colour: str) -> float:
    """WCAG 2.1 contrast ratio of a #RRGGBB colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_open_markers_and_bars_stand_out_from_white_at_3_to_1(real):
    fig = timeline_figure(real, real.events)
    open_markers = [t["marker"]["color"] for t in markers(fig) if "-open" in t["marker"]["symbol"]]
    bars = [t for t in fig["data"] if t["mode"] == "lines"]
    assert open_markers and bars
    for colour in open_markers + [t["line"]["color"] for t in bars]:
        assert contrast(colour) >= 3, colour
    assert all(t.get("opacity", 1) == 1 for t in bars)


def test_each_chart_has_a_title_and_a_one_sentence_summary_without_ids(real):
    for fig in (timeline_figure(real, real.events), certainty_figure(real.claims)):
        title, summary = fig["layout"]["title"]["text"], fig["layout"]["meta"]["summary"]
        assert title and summary.endswith(".") and summary.count(". ") == 0
        ids = [e.id for e in real.events] + [c.id for c in real.claims]
        assert not any(i in summary for i in ids)
    chosen = claims_involving(real, ["park_il"])
    assert f"the {len(chosen)} claims" in certainty_figure(chosen)["layout"]["meta"]["summary"]


def test_charts_are_sent_without_plotly_s_toolbar(real):
    bundle = figure_bundle(timeline_figure(real, real.events), "text")
    assert bundle[PLOTLY_MIMETYPE]["config"]["displayModeBar"] is False


def test_every_certainty_bar_has_an_edge_at_3_to_1_against_white(real):
    for trace in certainty_figure(real.claims)["data"]:
        assert contrast(trace["marker"]["line"]["color"]) >= 3 and trace["marker"]["line"]["width"]


def event_rows(fig):
    """Each event's row: the y of its marker."""
    return {
        i: y for t in markers(fig) for i, y in zip(t["customdata"], values(t["y"]), strict=True)
    }


def lane_starts(layout):
    """The rows that hold a lane's name (the lanes' first rows), from the whole chart."""
    return sorted(a["y"] for a in layout["annotations"] if a.get("yref") == "y")


def check_pages(package):
    """The chart's pages for a slide: every event on exactly one, in order, each within
    PAGE_HEIGHT, whole lanes unless a lane alone is taller than a page, each page naming the
    lane it starts in, the legend on the last page only."""
    fig = timeline_figure(package, package.events)
    pages, rows = fig["layout"]["meta"]["pages"], event_rows(fig)
    spans = [tuple(page["rows"]) for page in pages]
    for event, row in rows.items():
        assert sum(first <= row <= last for first, last in spans) == 1, event
    assert spans[0][0] == 0 and max(rows.values()) <= spans[-1][1]
    assert all(b[0] == a[1] + 1 for a, b in zip(spans, spans[1:], strict=False))
    starts = lane_starts(fig["layout"])
    total = fig["layout"]["yaxis"]["range"][0] + 0.5  # rows in the whole chart
    for n, page in enumerate(pages):
        layout = page["layout"]
        assert layout["height"] <= timeline_chart.PAGE_HEIGHT
        bottom, top = layout["yaxis"]["range"]
        first, last = page["rows"]
        assert bottom == last + 0.5 and top + 0.5 <= first
        names = [a for a in layout["annotations"] if a.get("yref") == "y"]
        assert names and min(a["y"] for a in names) == top + 0.5  # its first row names a lane
        assert layout["showlegend"] == (n == len(pages) - 1)
        assert layout["title"]["text"].endswith("(continued)") == (n > 0)
        if first not in starts:  # a lane cut in two: only when it alone is taller than a page
            lane = max(s for s in starts if s < first)
            end = min([s for s in starts if s > lane] + [total])
            # what a page holds besides its rows, with the legend if the lane ends the chart
            whole = fig["layout"]["height"] - timeline_chart.ROW * total
            plain = pages[0]["layout"]["height"] - timeline_chart.ROW * (pages[0]["rows"][1] + 1)
            fixed = whole if end == total else plain
            assert fixed + timeline_chart.ROW * (end - lane) > timeline_chart.PAGE_HEIGHT
            assert names[0]["text"].endswith("(continued)")
    return pages


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda folder: folder.name)
def test_timeline_cut_into_pages_for_a_slide(folder):
    assert len(check_pages(load_package(folder))) > 1


def test_a_crowded_timeline_is_cut_into_pages(crowded):
    assert len(check_pages(crowded)) >= 5


def test_a_lane_taller_than_a_page_is_cut_and_named_on_each_page(real):
    one_lane = replace(real, actors=tuple(replace(a, group=real.groups[0].id) for a in real.actors))
    pages = check_pages(one_lane)
    assert len(pages) >= 3
    assert all(
        "(continued)" in a["text"]
        for page in pages[1:]
        for a in page["layout"]["annotations"]
        if a.get("yref") == "y"
    )


def test_the_whole_chart_is_one_page_layout_with_every_row(real):
    layout = timeline_figure(real, real.events)["layout"]
    assert layout["yaxis"]["range"] == [
        max(event_rows(timeline_figure(real, real.events)).values()) + 0.5,
        -0.5,
    ]
    assert layout["showlegend"] and not layout["title"]["text"].endswith("(continued)")
