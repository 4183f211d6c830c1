"""Rules of meaning, each tested on a copy of the real package broken in one way."""

from __future__ import annotations

from datetime import date, timedelta


def test_a_takeaway_supported_by_no_claim(package):
    takeaway = package.first("takeaways.csv")
    header, rows = package.table("takeaway_support.csv")
    package.write(
        "takeaway_support.csv", header, [r for r in rows if r["takeaway"] != takeaway["id"]]
    )
    row = package.row_number("takeaways.csv", takeaway["id"])
    package.only("takeaways.csv", row, "id", "unsupported-takeaway")


def test_an_anonymous_claim_asserted_by_a_named_actor(package):
    claim = package.first("claims.csv", lambda c: c["source_kind"] == "on_record")
    row = package.set_cell("claims.csv", claim["id"], "source_kind", "anonymous")
    package.only("claims.csv", row, "source_kind", "source-kind", 'cannot be "anonymous"')


def test_a_claim_of_an_unnamed_source_that_is_not_called_anonymous(package):
    claim = package.first("claims.csv", lambda c: c["source_kind"] == "anonymous")
    row = package.set_cell("claims.csv", claim["id"], "source_kind", "on_record")
    package.only("claims.csv", row, "source_kind", "source-kind", 'must be "anonymous"')


def test_the_article_voice_with_a_source(package):
    claim = package.first("claims.csv", lambda c: c["source_kind"] == "wire_report")
    row = package.set_cell("claims.csv", claim["id"], "source_kind", "article_voice")
    package.only("claims.csv", row, "source_kind", "source-kind")


def test_a_wire_report_asserted_by_a_person(package):
    claim = package.first("claims.csv", lambda c: c["source_kind"] == "on_record")
    row = package.set_cell("claims.csv", claim["id"], "source_kind", "wire_report")
    package.only("claims.csv", row, "source_kind", "source-kind")


def test_a_certain_claim_with_hedges(package):
    claim = package.first("claims.csv", lambda c: c["certainty"] == "probable")
    row = package.set_cell("claims.csv", claim["id"], "certainty", "certain")
    package.only("claims.csv", row, "certainty", "certainty-hedges", claim["hedges"].split(";")[0])


def test_a_negated_claim_without_its_negation(package):
    claim = package.first("claims.csv", lambda c: c["certainty"] == "negated")
    row = package.set_cell("claims.csv", claim["id"], "hedges", "")
    package.only("claims.csv", row, "hedges", "certainty-hedges", '"negated"')


def test_a_possible_claim_without_a_hedge(package):
    claim = package.first("claims.csv", lambda c: c["certainty"] == "certain")
    row = package.set_cell("claims.csv", claim["id"], "certainty", "possible")
    package.only("claims.csv", row, "hedges", "certainty-hedges", '"possible"')


def published(package) -> date:
    return date.fromisoformat(package.first("article.csv")["published"])


def test_an_event_reported_as_done_that_begins_after_publication(package):
    event = package.first("events.csv", lambda e: e["status"] == "happened" and e["earliest"])
    later = (published(package) + timedelta(days=3)).isoformat()
    package.set_cell("events.csv", event["id"], "earliest", later)
    row = package.set_cell("events.csv", event["id"], "latest", later)
    package.set_cell("events.csv", event["id"], "date_text", "")
    package.only("events.csv", row, "earliest", "begun-after-publication", '"happened"', later)


def test_an_ongoing_event_that_begins_after_publication(package):
    event = package.first("events.csv", lambda e: e["status"] == "ongoing")
    later = (published(package) + timedelta(days=30)).isoformat()
    row = package.set_cell("events.csv", event["id"], "earliest", later)
    package.only("events.csv", row, "earliest", "begun-after-publication", '"ongoing"')


def test_a_planned_event_after_publication_is_fine(package):
    """The same later date that makes a "happened" event a problem is right for a plan."""
    event = package.first("events.csv", lambda e: e["status"] == "happened" and e["earliest"])
    later = (published(package) + timedelta(days=3)).isoformat()
    package.set_cell("events.csv", event["id"], "earliest", later)
    package.set_cell("events.csv", event["id"], "latest", later)
    package.set_cell("events.csv", event["id"], "date_text", "")
    package.set_cell("events.csv", event["id"], "status", "planned")
    assert package.new_problems() == []


def test_curly_quotes_in_prose_that_the_article_does_not_say(package):
    event = package.first("events.csv", lambda e: e["resolution"])
    resolution = event["resolution"] + " Officials called it “a done deal”."
    row = package.set_cell("events.csv", event["id"], "resolution", resolution)
    package.only("events.csv", row, "resolution", "curly-quote", '"a done deal"')


def test_curly_quotes_in_an_outside_fact_quote_its_source(package):
    fact = package.first("context.csv")
    package.set_cell("context.csv", fact["id"], "fact", fact["fact"] + " It said “a done deal”.")
    assert package.new_problems() == []


def test_an_actor_without_its_mention(package):
    actor = package.first("actors.csv", lambda a: a["type"] == "person")
    row = package.set_cell("actors.csv", actor["id"], "mention", "")
    package.only("actors.csv", row, "mention", "mention")


def test_a_publisher_the_text_names_keeps_its_mention(package):
    assert "NationPress" in package.article_text()
    row = package.set_cell("actors.csv", "nationpress", "mention", "")
    package.only("actors.csv", row, "mention", "mention")


def test_a_chain_that_does_not_start_with_the_publisher(package):
    claim = package.first("claims.csv", lambda c: c["attribution"] == "nationpress;yonhap")
    row = package.set_cell("claims.csv", claim["id"], "attribution", "yonhap")
    package.only("claims.csv", row, "attribution", "publisher-first", '"nationpress"')


def test_a_wire_source_that_is_no_actor(package):
    article = package.first("article.csv")
    row = package.set_cell("article.csv", article["id"], "wire_source", "Reuters")
    package.only("article.csv", row, "wire_source", "wire-source", '"Reuters"')


def test_a_wire_source_no_chain_passes_through(package):
    """A news organisation named the wire source, though every chain goes from the publisher
    straight on: a warning, since the publisher may have reported it all itself."""
    yonhap = package.first("actors.csv", lambda a: a["id"] == "yonhap")
    package.append_row("actors.csv", {**yonhap, "id": "agency", "name": "An Agency"})
    claim = package.first("claims.csv")
    package.set_cell("claims.csv", claim["id"], "about", f"{claim['about']};agency")
    article = package.first("article.csv")
    row = package.set_cell("article.csv", article["id"], "wire_source", "An Agency")
    assert package.new_problems() == []
    warnings = [(w.row, w.field, w.code) for w in package.new_warnings()]
    assert warnings == [(row, "wire_source", "wire-skipped")]
