"""validate holds a package to what the project knows of news writing (issue 20 §6): the
resolver, the hedge lexicon, the source words and the country names, each rule tested on a copy
of the real package broken as a person might break it. That every rule holds on every gold
package of the corpus is tested in test_corpus (the envoy "to the Tibetan spiritual leader, the
Dalai Lama, says" among them, who is no speaker mismatch)."""

from __future__ import annotations

from explainer.package import load_package


def warned(package) -> list[tuple[str, int, str, str]]:
    return [(w.file, w.row, w.field, w.code) for w in package.new_warnings()]


def test_next_tuesday_dated_a_week_late(package):
    event = package.first("events.csv", lambda e: e["date_text"] == "next Tuesday")
    package.set_cell("events.csv", event["id"], "earliest", "2025-12-23")
    row = package.set_cell("events.csv", event["id"], "latest", "2025-12-23")
    problems = [(p.row, p.field, p.code) for p in package.new_problems()]
    assert problems == [(row, "earliest", "date-words"), (row, "latest", "date-words")]
    assert "2025-12-16" in package.new_problems()[0].message


def test_an_earliest_date_that_no_longer_matches_its_words(package):
    event = package.first("events.csv", lambda e: e["date_text"] == "as soon as next week")
    row = package.set_cell("events.csv", event["id"], "earliest", "2025-12-17")
    package.only("events.csv", row, "earliest", "date-words", "2025-12-15")


def test_a_weeks_span_given_a_latest_date_a_year_on(package):
    event = package.first("events.csv", lambda e: e["date_text"] == "as soon as next week")
    row = package.set_cell("events.csv", event["id"], "latest", "2026-12-31")
    assert package.new_problems() == []  # the article may give the end elsewhere
    assert warned(package) == [("events.csv", row, "latest", "open-end")]


def test_date_words_that_count_from_something_else_are_left_to_the_person(package):
    """ "for months" counts from nothing the resolver can fix: any dates a person gives stand."""
    event = package.first("events.csv", lambda e: e["date_text"] == "for months")
    package.set_cell("events.csv", event["id"], "earliest", "2025-06-01")
    assert package.new_problems() == [] and warned(package) == []


def test_poised_and_as_soon_as_marked_certain(package):
    claim = package.first("claims.csv", lambda c: c["hedges"] == "poised;as soon as")
    package.set_cell("claims.csv", claim["id"], "certainty", "certain")
    row = package.set_cell("claims.csv", claim["id"], "hedges", "")
    assert package.new_problems() == []  # certain and no hedges agree with each other
    (warning,) = package.new_warnings()
    assert (warning.row, warning.field, warning.code) == (row, "certainty", "hedge-omitted")
    assert '"poised"' in warning.message and '"as soon as"' in warning.message


def test_a_quote_the_article_closes_with_its_speaker_attributed_to_another(package):
    claim = package.first(
        "claims.csv", lambda c: c["attribution"] == "nationpress;park_il" and c["quote"][0] == "“"
    )
    row = package.set_cell("claims.csv", claim["id"], "attribution", "nationpress;kevin_kim")
    package.only("claims.csv", row, "attribution", "speaker", '"Park"', "park_il")


def test_an_actor_on_the_other_countrys_side(package):
    actor = package.first("actors.csv", lambda a: a["country"] == "KR" and a["type"] == "person")
    row = package.set_cell("actors.csv", actor["id"], "group", "united_states")
    assert package.new_problems() == []  # an envoy may serve the other side
    assert warned(package) == [("actors.csv", row, "group", "side-country")]


def test_a_side_of_two_countries_fits_either(package):
    actor = package.first("actors.csv", lambda a: a["country"] == "KR" and a["type"] == "person")
    package.set_cell("actors.csv", actor["id"], "group", "allies")
    assert package.new_problems() == [] and warned(package) == []


def test_warnings_travel_with_the_loaded_package(package):
    actor = package.first("actors.csv", lambda a: a["country"] == "KR" and a["type"] == "person")
    package.set_cell("actors.csv", actor["id"], "group", "united_states")
    assert [w.code for w in load_package(package.folder).warnings] == ["side-country"]
