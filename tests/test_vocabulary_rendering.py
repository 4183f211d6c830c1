"""The values the vocabulary gained for real articles show in the timeline and the tables.

Each test gives one record of the flagship package a new value (a span of a few days, a
scenario only considered, an organisation, a political party, a decade) and checks what a
reader sees: the words, the marker and the bar.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from explainer.views.tables import actors_table, events_table
from explainer.views.timeline_chart import timeline_figure


def with_event(package, event_id, **changes):
    changed = replace(package.event(event_id), **changes)
    return replace(
        package, events=tuple(changed if e.id == event_id else e for e in package.events)
    )


def spanning(package, event_id, earliest, latest, precision):
    return with_event(package, event_id, earliest=earliest, latest=latest, precision=precision)


def with_actor_type(package, actor_id, kind):
    actors = tuple(replace(a, type=kind) if a.id == actor_id else a for a in package.actors)
    return replace(package, actors=actors)


def markers(figure):
    """The traces of the events' own marks (not the bars, labels or arrows)."""
    return [t for t in figure["data"] if "customdata" in t]


def hover(figure, event_id):
    texts = {
        i: h for t in markers(figure) for i, h in zip(t["customdata"], t["hovertext"], strict=True)
    }
    return texts[event_id]


def test_a_span_of_days_is_named_and_drawn_as_a_bar(real):
    package = spanning(real, "e_first_meeting", date(2025, 12, 16), date(2025, 12, 18), "days")
    figure = timeline_figure(package, package.events)
    assert "a few days" in hover(figure, "e_first_meeting")
    assert "between Tuesday, December 16 and Thursday, December 18, 2025" in hover(
        figure, "e_first_meeting"
    )
    bars = [t["x"] for t in figure["data"] if t["mode"] == "lines"]
    assert any(
        x[i : i + 2] == ["2025-12-16", "2025-12-18"] for x in bars for i in range(0, len(x), 3)
    )
    table = events_table(package, package.events).markup
    assert "between Tuesday, December 16 and Thursday, December 18, 2025" in table


def test_a_considered_scenario_has_its_own_legend_entry_and_shape(real):
    package = with_event(real, "e_no_permanent_body", status="considered")
    figure = timeline_figure(package, package.events)
    (considered,) = [t for t in markers(figure) if t["name"] == "considered"]
    assert considered["customdata"] == ["e_no_permanent_body"]
    others = {t["marker"]["symbol"] for t in markers(figure) if t["name"] != "considered"}
    assert considered["marker"]["symbol"] not in others
    assert "considered" in hover(figure, "e_no_permanent_body")
    assert ">considered<" in events_table(package, package.events).markup


def test_a_decade_is_named_in_the_hover(real):
    package = spanning(real, "e_working_talks", date(1990, 1, 1), date(1999, 12, 31), "decade")
    text = hover(timeline_figure(package, package.events), "e_working_talks")
    assert "a decade" in text and "some time in the 1990s (no year given)" in text


def test_organisation_and_political_party_are_named_in_the_actors_table(real):
    package = with_actor_type(real, "yonhap", "organisation")
    package = with_actor_type(package, "lee_administration", "political_party")
    markup = actors_table(package).markup
    assert ">organisation<" in markup
    assert ">political party<" in markup
