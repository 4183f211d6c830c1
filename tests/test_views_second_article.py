"""Every view, table and exercise kind works on the second real package, not only the flagship.

The engine knows no article: these are the same calls a notebook makes, on the VOA story of
May 17, 2011 (data/us-envoy-north-korea-food-aid), which has no Key Takeaways, an open-ended
"since the 1990s", a span of "the next few days" and a scenario only considered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer import views
from explainer.package.load import load_package
from explainer.views import exercises as ex
from explainer.views import tables
from explainer.views.explorer import Explorer
from explainer.views.render import PLOTLY_MIMETYPE

PACKAGE = Path(__file__).resolve().parents[1] / "data" / "us-envoy-north-korea-food-aid"


@pytest.fixture(scope="module")
def voa():
    return load_package(PACKAGE)


def drawn_ids(figure):
    return sorted(i for t in figure["data"] if "customdata" in t for i in t["customdata"])


def test_timeline_draws_every_event_with_its_status(voa):
    view = views.timeline(voa)
    figure = view.bundle[PLOTLY_MIMETYPE]
    assert drawn_ids(figure) == sorted(e.id for e in voa.events)
    legend = {t["name"] for t in figure["data"] if t.get("showlegend")}
    assert {"considered", "tentative", "planned", "hoped for"} <= legend
    undated = {i for t in figure["data"] if t.get("xaxis") == "x2" for i in t["customdata"]}
    assert undated == {"e_send_representative", "e_food_need", "e_stockpile"}  # no dates given


def test_certainty_chart_counts_every_claim(voa):
    view = views.certainty(voa)
    figure = view.bundle[PLOTLY_MIMETYPE]
    assert sum(sum(t["x"]) for t in figure["data"]) == len(voa.claims)
    assert "possible 1" in view.text and "probable 1" in view.text


def test_claims_events_and_article_views(voa):
    assert views.claims(voa).bundle["text/html"].count("<tr>") == len(voa.claims) + 1
    assert views.events(voa).bundle["text/html"].count("<tr>") == len(voa.events) + 1
    article = views.article(voa, [voa.claim("c_stockpile")]).bundle["text/html"]
    assert "Some officials in South Korea" in article
    style = views.highlight(voa, [voa.claim("c_stockpile")], "scope").bundle["text/html"]
    assert "scope" in style


@pytest.mark.parametrize(
    ("render", "words"),
    [
        (lambda p: tables.actors_table(p), ["United Nations", "organisation", "unnamed source"]),
        (lambda p: tables.events_table(p, p.events), ["“in the next few days”", "considered"]),
        (lambda p: tables.certainty_table(p.claims), ["possible", "news agency report"]),
        (lambda p: tables.dating_table(p), ["May 17, 2011", "Outside context: Floodgap"]),
        (lambda p: tables.context_table(p), ["Outside context", "koreaherald.com"]),
        (lambda p: tables.context_actors_table(p), ["Name in Korean", 'lang="ko"', "위성락"]),
        (lambda p: tables.sources_table(p), ["VOA News ← Yonhap news agency", "unnamed source"]),
        (lambda p: tables.hedges_table(p), ["“suspect”", "“soon”, “whether”"]),
        (lambda p: tables.claims_table(p, p.claims), ["13 claims"]),
    ],
)
def test_each_table_shows_the_packages_own_words(voa, render, words):
    markup = str(render(voa).markup)
    for word in words:
        assert word in markup


def test_takeaways_table_is_empty_for_a_story_without_a_summary(voa):
    markup = str(tables.takeaways_table(voa).markup)
    assert markup.count("<tr>") == 1  # the header only: the story has no Key Takeaways


@pytest.mark.parametrize(
    ("make", "record", "right", "wrong"),
    [
        (ex.relative_date, "e_seoul_talks", "2011-05-17", "2011-05-10"),
        (ex.claim_source, "c_king_next_week", "yonhap", "stephen_bosworth"),
        (ex.hedge_word, "c_stockpile", "suspect", "stockpile"),
        (ex.source_kind, "c_stockpile", "anonymous", "on_record"),
        (ex.plan_or_fact, "e_send_representative", "considered", "planned"),
    ],
)
def test_each_exercise_kind_has_a_candidate_and_checks_it(voa, make, record, right, wrong):
    question = make(voa, record)
    assert ex.check(question, right).right
    assert not ex.check(question, wrong).right
    exercise = ex.Exercise(question)
    assert exercise.answer(right).right
    assert "Exercise:" in exercise._repr_mimebundle_()["text/plain"]


def test_takeaway_exercise_has_no_candidate(voa):
    assert not voa.takeaways  # so a generated notebook leaves that kind out


def test_explorer_narrows_every_view_to_one_actor(voa):
    explorer = Explorer(voa)
    explorer.choose(["robert_king"])
    figure = explorer.timeline.outputs[-1]["data"][PLOTLY_MIMETYPE]
    assert drawn_ids(figure) == ["e_king_trip"]
    claims = explorer.claims.outputs[0]["data"]["text/plain"]
    chosen, other = (voa.claim(i).quote[:40] for i in ("c_king_next_week", "c_stockpile"))
    assert chosen in claims and other not in claims
