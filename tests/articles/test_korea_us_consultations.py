"""The facts of the real package that the explainer's lessons rest on.

Each expectation here was read off the article itself (quoted in the test), not off the data,
so a careless edit of the CSVs that changes what the notebook teaches fails loudly.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from explainer.package.load import load_package

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "data" / "korea-us-consultations"
# The SHA-256 of the seed article as it was given to the project (NationPress, "Seoul, Dec 12"):
# the package's text must stay byte-identical to it.
SEED_SHA256 = "23d599b8d6224cf867b40108d91c48082656f1fdf4386256b5fb62f4d7d52810"


@pytest.fixture(scope="module")
def package():
    return load_package(PACKAGE)


def test_article_text_is_the_seed_byte_for_byte():
    data = (PACKAGE / "article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256


def test_publication_date_is_friday_dec_12_2025(package):
    # "Seoul, Dec 12 ... according to diplomatic sources on Friday"
    assert package.article.published == date(2025, 12, 12)
    assert package.article.published.strftime("%A") == "Friday"
    assert package.article.dateline == "Seoul, Dec 12"


def test_year_reasoning_uses_both_the_text_and_named_outside_sources(package):
    quotes = [s.quote for s in package.dating if s.quote]
    assert "Seoul, Dec 12" in quotes
    assert any("Friday" in q for q in quotes)
    outside = {s.context for s in package.dating if s.context}
    facts = {x.id: x for x in package.context}
    assert outside and all(facts[x].source for x in outside)


@pytest.mark.parametrize(
    ("words", "earliest", "latest", "status"),
    [
        ("next Tuesday", date(2025, 12, 16), date(2025, 12, 16), "tentative"),
        ("on Monday", date(2025, 12, 8), date(2025, 12, 8), "happened"),
        ("On December 9", date(2025, 12, 9), date(2025, 12, 9), "happened"),
        ("on Friday", date(2025, 12, 12), date(2025, 12, 12), "happened"),
        ("next year", date(2026, 1, 1), date(2026, 12, 31), "planned"),
        ("as soon as next week", date(2025, 12, 15), None, "tentative"),
    ],
)
def test_relative_dates_resolve_against_the_dateline(package, words, earliest, latest, status):
    (event,) = [e for e in package.events if e.date_text == words]
    assert (event.earliest, event.latest, event.status) == (earliest, latest, status)


def test_recent_strategy_document_is_before_monday_with_no_day(package):
    # "even after this phrase was noticeably absent from a recent US security strategy document"
    (event,) = [e for e in package.events if e.date_text == "recent"]
    assert event.earliest is None
    assert event.latest is not None and event.latest < date(2025, 12, 8)
    assert event.precision == "unknown"


def test_permanent_body_is_ruled_out_by_a_negated_claim(package):
    # "the two sides are not contemplating the establishment of a permanent consultative body"
    (event,) = [e for e in package.events if e.status == "ruled_out"]
    claims = package.claims_for_event(event.id)
    assert [c.certainty for c in claims] == ["negated"]
    assert "permanent consultative body" in claims[0].quote


def test_headline_claim_comes_through_yonhap_from_unnamed_diplomatic_sources(package):
    (claim,) = [c for c in package.claims if "are poised to initiate" in c.quote]
    names = [package.actor(a).name for a in claim.attribution]
    assert names[0] == "NationPress"
    assert "Yonhap" in names[1]
    assert package.actor(claim.asserted_by).type == "anonymous_source"
    assert package.actor(claim.asserted_by).mention == "diplomatic sources"
    assert claim.source_kind == "anonymous"
    assert {"poised", "as soon as"} <= set(claim.hedges)


def test_named_on_record_sources_and_anonymous_ones(package):
    on_record = {c.asserted_by for c in package.claims if c.source_kind == "on_record"}
    anonymous = {c.asserted_by for c in package.claims if c.source_kind == "anonymous"}
    assert {package.actor(a).mention for a in on_record} == {
        "Park Il",
        "Kevin Kim",
        "the Foreign Ministry in Seoul",
    }
    assert {package.actor(a).mention for a in anonymous} == {
        "diplomatic sources",
        "Officials in both Seoul and Washington",
        "According to reports",
    }
    assert all(package.actor(a).type == "anonymous_source" for a in anonymous)


def test_the_only_direct_quotation_is_park_ils(package):
    text = package.article.text
    quotations = [m for m in re.finditer(r"“([^”]*)”", text) if len(m.group(1).split()) > 3]
    assert len(quotations) == 1, "the article has one quoted sentence"
    (quotation,) = quotations
    start, end = quotation.span()
    (claim,) = [c for c in package.claims if c.start <= start and end <= c.end]
    assert package.actor(claim.asserted_by).name == "Park Il"
    assert claim.source_kind == "on_record"


def test_quoted_phrase_complete_denuclearization_is_kevin_kims(package):
    (claim,) = [c for c in package.claims if "“complete denuclearization”" in c.quote]
    assert package.actor(claim.asserted_by).name == "Kevin Kim"


@pytest.mark.parametrize("hedge", ["poised", "as soon as", "tentative", "likely", "pending"])
def test_the_hedges_the_lesson_teaches_are_marked(package, hedge):
    assert any(hedge in c.hedges for c in package.claims)


def test_all_five_key_takeaways_are_audited(package):
    text = package.article.text
    section = text[text.index("Key Takeaways") : text.index("Seoul, Dec 12")]
    assert len(package.takeaways) == 5
    for takeaway in package.takeaways:
        assert takeaway.quote in section
        assert any(s.takeaway == takeaway.id for s in package.takeaway_support)
    verdicts = {t.quote: t.verdict for t in package.takeaways}
    assert verdicts["Initial consultations may begin as soon as next week."] == "supported"
    assert verdicts["Focus will be on strategies to re-engage Pyongyang."] == "goes_further"


def test_outside_context_always_names_its_source(package):
    assert all(x.source.strip() for x in package.context)
    assert all(x.source.strip() for x in package.context_actors)
    meeting = [x for x in package.context if x.date == date(2025, 12, 16)]
    assert any("Joint Fact Sheet Implementation" in x.fact for x in meeting)
