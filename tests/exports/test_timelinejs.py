"""The TimelineJS3 file as data: one slide per event, its dates no finer than the package's, the
article's words for the time, where it stood, the evidence and its source, outside context
marked. That TimelineJS itself draws every slide is tests/browser/test_export_timelinejs_browser.py.
"""

from __future__ import annotations

import html
from dataclasses import replace

from explainer.export import timelinejs
from explainer.export.edtf import edtf
from explainer.package.vocabulary import STATUS


def slides(package) -> dict[str, dict]:
    return {slide["unique_id"]: slide for slide in timelinejs.timeline(package)["events"]}


def as_date(part: dict) -> tuple[int, ...]:
    return tuple(part[key] for key in ("year", "month", "day") if key in part)


def test_one_slide_per_event_and_the_headline_first(each):
    document = timelinejs.timeline(each)
    assert [s["unique_id"] for s in document["events"]] == [e.id for e in each.events]
    assert document["title"]["text"]["headline"] == html.escape(each.article.headline, quote=False)
    assert document["title"]["unique_id"] not in {e.id for e in each.events}
    counts = {c.what: c for c in timelinejs.count(each, document)}
    assert (counts["events"].written, counts["events"].lost) == (len(each.events), False)


def test_dates_are_the_packages_and_no_finer(each):
    published = each.article.published
    by_id = slides(each)
    for event in each.events:
        slide = by_id[event.id]
        start = as_date(slide["start_date"])
        if event.earliest is None and event.latest is None:
            assert start == (published.year, published.month, published.day)
            assert "no date given" in slide["display_date"]
            continue
        first = event.earliest or event.latest
        assert start == (first.year, first.month, first.day)[: len(start)]
        if event.precision in ("day", "days", "week"):
            assert len(start) == 3
        if "end_date" in slide:
            last = event.latest
            assert as_date(slide["end_date"]) == (last.year, last.month, last.day)[: len(start)]
        else:
            one_unit = edtf(event) is not None and not edtf(event).startswith("[")
            assert one_unit or None in (event.earliest, event.latest), event.id


def test_whole_years_and_months_are_given_as_such(packages):
    by_id = slides(packages["us-envoy-north-korea-food-aid"])
    assert by_id["e_celebrations"]["start_date"] == {"year": 2012}  # "next year"
    assert "end_date" not in by_id["e_celebrations"]
    assert (by_id["e_famine"]["start_date"], by_id["e_famine"]["end_date"]) == (
        {"year": 1990},
        {"year": 1999},
    )  # "the 1990s"


def test_the_articles_words_say_when_and_the_text_where_it_stood(each):
    by_id = slides(each)
    for event in each.events:
        slide = by_id[event.id]
        shown = html.unescape(html.unescape(slide["display_date"]))
        if event.date_text:
            assert shown.startswith(f"“{event.date_text}”")
        text = html.unescape(slide["text"]["text"])
        style = STATUS[event.status]
        assert text.startswith(f"<p>{style.label.capitalize()}: {style.meaning}.</p>")
        assert slide.get("edtf") == edtf(event)


def test_the_evidence_quote_and_who_says_it(packages):
    package = packages["korea-us-consultations"]
    slide = slides(package)["e_first_meeting"]
    claim = package.evidence_for(package.event("e_first_meeting"))
    text = html.unescape(slide["text"]["text"])
    assert f"<blockquote>“{claim.quote}”</blockquote>" in text
    for actor in claim.attribution:
        assert package.actor(actor).name in text
    assert "Tentative" in text
    assert slide["group"] == html.escape(
        package.group(package.actor(package.event("e_first_meeting").lead_actor).group).label
    )


def test_outside_context_is_marked_with_its_source(packages):
    package = packages["korea-us-consultations"]
    linked = [fact for fact in package.context if fact.events]
    assert linked
    for fact in linked:
        for event_id in fact.events:
            text = html.unescape(slides(package)[event_id]["text"]["text"])
            marked = f"<strong>Outside context, not from the article: </strong>{fact.fact}"
            assert f"{marked} (source: {fact.source})" in text


def test_no_value_becomes_markup_in_timelinejs(packages):
    """TimelineJS sanitises the text and headline, and writes display_date and group as HTML
    after stripping their markup: escaped twice, `&lt;img …&gt;` stays those characters."""
    package = packages["synthetic"]
    hostile = "&lt;img src=x onerror=alert(1)&gt; & <b>"
    group = replace(package.groups[0], label=hostile)
    event = replace(package.events[0], label=hostile, date_text=hostile)
    lead = next(a for a in package.actors if a.id == event.lead_actor)
    actors = tuple(replace(a, group=group.id) if a is lead else a for a in package.actors)
    groups = (group, *package.groups[1:])
    changed = replace(package, groups=groups, actors=actors, events=(event, *package.events[1:]))
    slide = timelinejs.timeline(changed)["events"][0]
    assert slide["text"]["headline"] == "&amp;lt;img src=x onerror=alert(1)&amp;gt; &amp; &lt;b&gt;"
    assert html.unescape(html.unescape(slide["group"])) == hostile
    assert "<" not in html.unescape(slide["group"]) and "<" not in html.unescape(
        slide["display_date"]
    )


def test_counts_say_when_a_slide_is_missing(packages):
    package = packages["korea-us-consultations"]
    document = timelinejs.timeline(package)
    document["events"].pop()
    (lost,) = [c for c in timelinejs.count(package, document) if c.lost]
    assert (lost.what, lost.written) == ("events", len(package.events) - 1)
