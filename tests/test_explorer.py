from __future__ import annotations

import re
from dataclasses import replace

import pytest

from explainer.views.explorer import NOT_RUNNING, Explorer
from explainer.views.render import PLOTLY_MIMETYPE
from explainer.views.selection import claims_involving, events_involving
from explainer.views.tables import claims_table


@pytest.fixture
def explorer(real):
    return Explorer(real)


def drawn_event_ids(explorer):
    figure = explorer.timeline.outputs[-1]["data"][PLOTLY_MIMETYPE]
    return sorted(i for t in figure["data"] if "customdata" in t for i in t["customdata"])


def test_starts_with_everything_shown(real, explorer):
    assert set(explorer.filter.value) == {a.id for a in real.actors}
    assert drawn_event_ids(explorer) == sorted(e.id for e in real.events)
    assert explorer.claims.outputs[0]["data"]["text/plain"].startswith(f"{len(real.claims)} claims")


def test_one_official_narrows_every_view(real, explorer):
    explorer.choose(["kevin_kim"])
    events = events_involving(real, ["kevin_kim"])
    claims = claims_involving(real, ["kevin_kim"])
    assert drawn_event_ids(explorer) == sorted(e.id for e in events)
    table = explorer.claims.outputs[0]["data"]["text/html"]
    assert table.count("<tr>") == len(claims) + 1  # header row + one per claim
    chart = explorer.certainty.outputs[-1]["data"][PLOTLY_MIMETYPE]
    assert sum(sum(t["x"]) for t in chart["data"]) == len(claims)
    style = explorer.highlight.outputs[0]["data"]["text/html"]
    positions = [i for i, c in enumerate(real.claims) if c in claims]
    assert re.findall(r"\.claim-(\d+)", style) == [str(i) for i in positions]
    assert f"<style>.{explorer.scope}" in style and f".{explorer.scope} :is(" in style
    article = explorer.article.outputs[0]["data"]["text/html"]
    marked = {name for names in re.findall(r'class="([^"]*)"', article) for name in names.split()}
    assert {f"claim-{i}" for i in positions} <= marked
    assert f"<b>{len(events)}</b> of {len(real.events)} events" in explorer.summary.value


def test_views_are_replaced_not_appended(explorer):
    for actors in (["park_il"], ["kevin_kim", "park_il"], []):
        explorer.choose(actors)
    # a chart after its caption, a table, or a style sheet: replaced each time, never appended
    assert [len(v.outputs) for v in (*explorer.linked, explorer.article)] == [2, 1, 1, 2, 1, 1, 1]


def test_quick_pick_buttons_choose_a_side(real, explorer):
    (north,) = [b for b in explorer.buttons if b.description == "North Korea"]
    north.click()
    assert set(explorer.filter.value) == {a.id for a in real.actors if a.group == "north_korea"}
    (everyone,) = [b for b in explorer.buttons if b.description == "All actors"]
    everyone.click()
    assert len(explorer.filter.value) == len(real.actors)


def test_describe_reads_back_what_the_views_show(explorer):
    explorer.choose(["park_il"])
    lines = explorer.describe().splitlines()
    assert lines[0] == "1 event"  # the table of the events the timeline draws
    assert lines[1] == "Event | The article's words | Resolved date | Status | Evidence"
    assert lines[2].startswith("Foreign Ministry briefing: talks on a regular meeting under way |")
    assert lines[3] == "3 claims"  # the claims table's caption
    assert lines[4] == "Claims by certainty and kind of source"  # the counts table's caption
    assert lines[6].startswith("certain | ") and lines[6].endswith(" | 3")  # all 3 certain


def test_unknown_actor_is_refused_by_name(explorer):
    before = explorer.filter.value
    with pytest.raises(ValueError, match="nobody"):
        explorer.choose(["park_il", "nobody"])
    assert explorer.filter.value == before


def test_stored_notebook_shows_a_line_saying_how_to_use_it(explorer):
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == NOT_RUNNING
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_views_after_many_clicks_match_a_fresh_explorer(real):
    """The views keep work between clicks; what they show must not depend on earlier clicks."""
    explorer = Explorer(real)
    for actors in (["park_il"], ["kevin_kim"], [], ["park_il", "kevin_kim"]):
        explorer.choose(actors)
    fresh = Explorer(replace(real))  # an equal package that no view has seen
    fresh.choose(["park_il", "kevin_kim"])
    views = ("timeline", "claims", "certainty", "article")
    for name in views:
        assert getattr(explorer, name).outputs == getattr(fresh, name).outputs, name
    style = explorer.highlight.outputs[0]["data"]["text/html"]
    assert style == fresh.highlight.outputs[0]["data"]["text/html"].replace(
        fresh.scope, explorer.scope
    )


def test_long_claims_table_is_capped_and_says_so(real):
    markup = claims_table(real, real.claims, limit=5).markup
    assert markup.count("<tr>") == 5 + 1
    assert f"The first 5 of {len(real.claims)} claims, {len(real.claims) - 5} left out" in markup
    assert f"{len(real.claims)} claims</caption>" in claims_table(real, real.claims).markup


def test_a_quote_that_is_a_quotation_is_not_quoted_twice(real):
    table = claims_table(real, [real.claim("c_park_quote"), real.claim("c_poised")]).markup
    assert "““" not in table and "””" not in table
    assert "“South Korea and the United States are" in table


def test_a_click_sends_a_style_sheet_not_the_article_again(explorer):
    article = explorer.article.outputs
    explorer.choose(["park_il"])
    assert explorer.article.outputs is article
    style = explorer.highlight.outputs[0]["data"]["text/html"]
    assert style.startswith("<style>") and len(style) < len(article[0]["data"]["text/html"]) / 10


def test_a_filter_leaving_more_claims_than_the_table_shows_says_what_to_do(real):
    from explainer.views import explorer as module

    claims = tuple(replace(real.claims[0], id=f"c_many_{i}") for i in range(module.TABLE_ROWS + 5))
    many = Explorer(replace(real, claims=claims))
    assert "choose fewer actors to see the rest" in many.summary.value
    assert "choose fewer actors" not in Explorer(real).summary.value
