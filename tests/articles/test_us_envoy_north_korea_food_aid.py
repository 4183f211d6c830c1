"""The facts of the second real package: VOA News, May 17, 2011, on a U.S. envoy to North Korea.

Each expectation was read off the article (quoted in the test), not off the data, so an edit of
the CSVs that changes what the story teaches fails here.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest

from explainer.package.load import load_package

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "data" / "us-envoy-north-korea-food-aid"
# The SHA-256 of the story as VOA's headline feed carried it (archive chrome left out): the
# package's text must stay byte-identical to it.
TEXT_SHA256 = "ec38a1c99caf9c7682fa5a3ee73a9c52714c54b6ea74aeff7e11b11518523004"
VOA_PAGE = "https://www.voanews.com/a/us-mulling-decision-to-send-envoy-to-north-korea-121985594/139499.html"


@pytest.fixture(scope="module")
def package():
    return load_package(PACKAGE)


def event_dated(package, words):
    (event,) = [e for e in package.events if e.date_text == words]
    return event


def claim_with(package, words):
    (claim,) = [c for c in package.claims if words in c.quote]
    return claim


def test_article_text_is_the_feed_story_byte_for_byte():
    data = (PACKAGE / "article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == TEXT_SHA256


def test_text_is_the_story_without_the_archive_chrome(package):
    lines = package.article.text.split("\n")
    assert lines[:3] == [
        "US Mulling Decision to Send Envoy to North Korea",
        "VOA News",
        "May 17, 2011",
    ]
    assert lines[3].startswith("A high-ranking U.S. diplomat says Washington will soon decide")
    assert lines[3].endswith("after Pyongyang expelled humanitarian aid groups.")
    for chrome in ("Originally posted", "public domain", "Photo: AFP"):
        assert chrome not in package.article.text


def test_publisher_headline_and_printed_date(package):
    assert package.article.publisher == "VOA News"
    assert package.article.headline == "US Mulling Decision to Send Envoy to North Korea"
    assert package.article.dateline == "May 17, 2011"


def test_publication_date_is_tuesday_may_17_2011(package):
    # "May 17, 2011" ... "made the comments Tuesday in Seoul"
    assert package.article.published == date(2011, 5, 17)
    assert package.article.published.strftime("%A") == "Tuesday"
    quotes = [s.quote for s in package.dating if s.quote]
    assert "May 17, 2011" in quotes and any("Tuesday" in q for q in quotes)


def test_source_and_public_domain_licence_are_recorded():
    descriptor = json.loads((PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    assert VOA_PAGE in [s["path"] for s in descriptor["sources"]]
    assert any(
        "121985594" in s["path"] and "voaheadlines/2011/May/17" in s["path"]
        for s in descriptor["sources"]
    )
    assert "public-domain" in [licence["name"] for licence in descriptor["licenses"]]


@pytest.mark.parametrize(
    ("words", "earliest", "latest", "precision", "status"),
    [
        ("Tuesday", date(2011, 5, 17), date(2011, 5, 17), "day", "happened"),
        ("next week", date(2011, 5, 23), date(2011, 5, 29), "week", "tentative"),
        ("in the next few days", date(2011, 5, 18), date(2011, 5, 22), "days", "planned"),
        ("next year", date(2012, 1, 1), date(2012, 12, 31), "year", "planned"),
        ("in 2009", date(2009, 1, 1), date(2009, 12, 31), "year", "happened"),
        ("since the 1990s", date(1990, 1, 1), None, "decade", "ongoing"),
    ],
)
def test_time_words_resolve_against_the_printed_date(
    package, words, earliest, latest, precision, status
):
    event = event_dated(package, words)
    assert (event.earliest, event.latest, event.precision, event.status) == (
        earliest,
        latest,
        precision,
        status,
    )
    assert words in package.article.text


def test_sending_anyone_is_only_weighed(package):
    # "Washington will soon decide whether to send a representative to North Korea"
    claim = claim_with(package, "will soon decide whether to send a representative")
    assert {"soon", "whether"} <= set(claim.hedges)
    assert claim.certainty == "possible"
    statuses = {package.event(e).status for e in claim.events}
    assert "considered" in statuses


def test_yonhap_states_the_trip_as_settled(package):
    # "South Korea's Yonhap news agency has reported that Robert King ... will travel to
    # Pyongyang next week": the wire report carries no hedge, the U.S. envoy's words do.
    claim = claim_with(package, "will travel to Pyongyang next week")
    names = [package.actor(a).name for a in claim.attribution]
    assert names[0] == "VOA News" and "Yonhap" in names[-1]
    assert claim.source_kind == "wire_report"
    assert claim.certainty == "certain" and not claim.hedges
    assert event_dated(package, "next week").id in claim.events


def test_the_only_quoted_words_are_bosworths(package):
    quotations = re.findall(r'"([^"]+)"', package.article.text)
    assert quotations == ["in the next few days."]
    claim = claim_with(package, '"in the next few days."')
    assert package.actor(claim.asserted_by).name == "Stephen Bosworth"
    assert claim.source_kind == "on_record"


def test_the_unnamed_source_is_some_officials_in_south_korea(package):
    # "Some officials in South Korea suspect North Korea wants to stockpile food"
    anonymous = [c for c in package.claims if c.source_kind == "anonymous"]
    speakers = {package.actor(c.asserted_by) for c in anonymous}
    assert {a.mention for a in speakers} == {"Some officials in South Korea"}
    assert all(a.type == "anonymous_source" for a in speakers)
    suspicion = claim_with(package, "suspect North Korea wants to stockpile food")
    assert suspicion.hedges == ("suspect",)
    assert suspicion.certainty == "probable"


def test_named_sources_on_the_record(package):
    on_record = {c.asserted_by for c in package.claims if c.source_kind == "on_record"}
    assert {package.actor(a).mention for a in on_record} == {
        "Stephen Bosworth",
        "The United Nations",
    }
    assert package.actor(claim_with(package, "about six million").asserted_by).type == (
        "organisation"
    )


def test_the_story_has_no_summary_so_no_takeaways(package):
    assert "Key Takeaways" not in package.article.text
    assert package.takeaways == () and package.takeaway_support == ()


def test_outside_context_names_its_sources_and_marks_the_later_version(package):
    assert all(x.source.strip() for x in package.context)
    assert all(x.source.strip() for x in package.context_actors)
    later = [x for x in package.context if "voanews.com" in x.source]
    assert later and "longer" in later[0].fact
    arrival = [x for x in package.context if x.date == date(2011, 5, 24)]
    assert any("Robert King" in x.fact for x in arrival)  # inside "next week" as resolved


def test_wi_sung_lacs_native_name_is_korean(package):
    (wi,) = [x for x in package.context_actors if x.actor == "wi_sung_lac"]
    assert (wi.native_name, wi.native_language) == ("위성락", "ko")
