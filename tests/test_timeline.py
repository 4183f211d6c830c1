from __future__ import annotations

from dataclasses import replace
from datetime import date

from explainer.render import PLOTLY_MIMETYPE, figure_bundle
from explainer.selection import events_involving
from explainer.timeline import timeline_figure, view_range


def shown_ids(fig):
    return sorted(i for t in fig.data if t.customdata is not None for i in t.customdata)


def test_every_event_is_drawn_dated_or_not(real):
    fig = timeline_figure(real, real.events)
    assert shown_ids(fig) == sorted(e.id for e in real.events)
    undated = {e.id for e in real.events if e.earliest is None and e.latest is None}
    in_side_panel = {i for t in fig.data if t.xaxis == "x2" for i in t.customdata}
    assert undated and in_side_panel == undated


def test_filtering_leaves_exactly_the_chosen_actors_events(real):
    chosen = events_involving(real, ["kevin_kim"])
    fig = timeline_figure(real, chosen)
    assert shown_ids(fig) == sorted(e.id for e in chosen)


def test_axes_do_not_move_when_the_filter_changes(real):
    full = timeline_figure(real, real.events).layout
    one = timeline_figure(real, events_involving(real, ["park_il"])).layout
    assert full.xaxis.range == one.xaxis.range
    assert full.yaxis.tickvals == one.yaxis.tickvals


def test_status_has_a_shape_as_well_as_a_colour(real):
    fig = timeline_figure(real, real.events)
    markers = [t for t in fig.data if t.mode == "markers"]
    by_status = {t.legendgroup: (t.marker.symbol, t.marker.color) for t in markers}
    assert len({s for s, _ in by_status.values()}) == len(by_status)
    assert len({c for _, c in by_status.values()}) == len(by_status)


def test_open_ended_spans_are_dotted_and_reach_the_edge(real):
    start, end = view_range(real)
    fig = timeline_figure(real, real.events)
    dotted = [t for t in fig.data if t.mode == "lines" and t.line.dash == "dot"]
    xs = [x for t in dotted for x in t.x if x is not None]
    assert start.isoformat() in xs  # an event with no earliest date starts at the left edge
    assert end.isoformat() in xs  # "as soon as next week" has no latest date


def test_publication_day_is_marked(real):
    fig = timeline_figure(real, real.events)
    assert [s.x0 for s in fig.layout.shapes] == [real.article.published.isoformat()]
    assert any("2025-12-12" in a.text for a in fig.layout.annotations)


def test_hover_names_words_resolution_and_quote(real):
    fig = timeline_figure(real, real.events)
    hover = dict(zip(shown_ids(fig), sorted_hovers(fig), strict=True))
    tuesday = hover["e_first_meeting"]
    assert "next Tuesday" in tuesday and "Tue 2025-12-16" in tuesday
    assert "The tentative date for this meeting" in tuesday


def sorted_hovers(fig):
    pairs = [
        (i, h)
        for t in fig.data
        if t.customdata is not None
        for i, h in zip(t.customdata, t.hovertext, strict=True)
    ]
    return [h for _, h in sorted(pairs)]


def test_html_in_labels_is_escaped_in_hover_text(real):
    event = replace(real.events[0], label="<img src=x onerror=alert(1)>")
    package = replace(real, events=(event, *real.events[1:]))
    text = " ".join(
        h for t in timeline_figure(package, package.events).data for h in t.hovertext or ()
    )
    assert "<img" not in text and "&lt;img src=x" in text


def test_bundle_is_plotly_json_with_a_text_equivalent(real):
    bundle = figure_bundle(timeline_figure(real, real.events), "17 events")
    assert set(bundle) == {PLOTLY_MIMETYPE, "text/plain"}
    assert bundle[PLOTLY_MIMETYPE]["data"] and "layout" in bundle[PLOTLY_MIMETYPE]


def test_year_precision_is_a_bar_across_the_year(real):
    fig = timeline_figure(real, real.events)
    solid = [t for t in fig.data if t.mode == "lines" and t.line.dash == "solid"]
    spans = {(t.x[i], t.x[i + 1]) for t in solid for i in range(0, len(t.x), 3)}
    assert (date(2026, 1, 1).isoformat(), date(2026, 12, 31).isoformat()) in spans
