from __future__ import annotations

import base64
import json
import math
import struct
from dataclasses import replace
from datetime import date

from explainer.views.certainty_chart import certainty_figure
from explainer.views.render import PLOTLY_MIMETYPE, figure_bundle
from explainer.views.selection import claims_involving, events_involving
from explainer.views.timeline_chart import timeline_figure, view_range


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
    return [t for t in fig["data"] if t["mode"] == "markers"]


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


def test_axes_and_places_do_not_move_when_the_filter_changes(real):
    full = timeline_figure(real, real.events)
    one = timeline_figure(real, events_involving(real, ["park_il"]))
    assert full["layout"]["xaxis"]["range"] == one["layout"]["xaxis"]["range"]
    assert full["layout"]["yaxis"] == one["layout"]["yaxis"]
    place = {
        i: (x, y)
        for t in markers(full)
        for i, x, y in zip(t["customdata"], values(t["x"]), values(t["y"]), strict=True)
    }
    for t in markers(one):
        for i, x, y in zip(t["customdata"], values(t["x"]), values(t["y"]), strict=True):
            assert place[i] == (x, y)


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
    assert [s["x0"] for s in layout["shapes"]] == ["2025-12-12"]
    assert any("Fri 2025-12-12" in a["text"] for a in layout["annotations"])


def test_view_starts_before_the_first_dated_event(real):
    start, end = view_range(real)
    assert start < date(2025, 12, 7) and end > date(2026, 1, 1)


def test_hover_gives_words_resolution_and_the_dating_quote(real):
    tuesday = hover_by_id(timeline_figure(real, real.events))["e_first_meeting"]
    assert "“next Tuesday”" in tuesday and "Tue 2025-12-16" in tuesday
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
