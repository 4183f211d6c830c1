"""Knight Lab's TimelineJS3 (its JSON format): one slide per event, the headline as the title.

Each slide has the event's date or span (`start_date`, `end_date`, as fine as the precision:
a year, a month or a day), the article's words for the time and what they resolve to as its
`display_date`, the side (the lead actor's lane) as its `group`, and as its text where the event
stood on publication day, then the quote that tells of it with who says it, how the date was
worked out and any outside context, marked as such with its source. TimelineJS has no field for
uncertainty, so the text says what is only planned or tentative; the EDTF date rides along as
`edtf`, which TimelineJS ignores.

TimelineJS needs a date on every slide: an event the article gives no date is shown on the
day the article was published, and its display date says so. The quote goes in the text, not
in `media`: TimelineJS picks a media type by words in its URL ("spotify", "iframe", ".pdf"),
so a quote that named one would become an embed.
"""

from __future__ import annotations

import re
from datetime import date

from markupsafe import escape

from ..package.model import ContextFact, Event, Package
from ..package.vocabulary import STATUS
from ..views.html import join, tag
from ..views.tables import quoted
from ..views.when import in_words
from . import wording
from .edtf import calendar_unit, edtf
from .format import Count, Format

TITLE_ID = "article-title"  # a hyphen: no event id of a package can take it


def timeline(package: Package) -> dict:
    outside: dict[str, list[ContextFact]] = {}
    for fact in package.context:
        for event_id in fact.events:
            outside.setdefault(event_id, []).append(fact)
    return {
        "title": _title(package),
        "events": [_slide(package, event, outside.get(event.id, [])) for event in package.events],
        "scale": "human",
    }


def _title(package: Package) -> dict:
    article = package.article
    credit = f", from {article.wire_source}" if article.wire_source else ""
    lines = [
        f"{article.publisher}{credit}. Dateline: {article.dateline}. "
        f"Published {in_words(article.published)}.",
        "One slide for each event the article tells of, dated in its own words. Each says where "
        f"the event stood when the article was published: {_statuses()}.",
    ]
    return {
        "unique_id": TITLE_ID,
        "text": {"headline": str(escape(article.headline)), "text": _paragraphs(lines)},
    }


def _statuses() -> str:
    labels = [style.label for style in STATUS.values()]
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def _slide(package: Package, event: Event, outside: list[ContextFact]) -> dict:
    lane = package.group(package.actor(event.lead_actor).group).label
    slide = {
        "unique_id": event.id,
        **_dates(event, package.article.published),
        "display_date": _inert(_display_date(event, package.article.published)),
        "group": _inert(lane),
        "text": {"headline": str(escape(event.label)), "text": _text(package, event, outside)},
        "autolink": False,  # no value of a package becomes a link
    }
    date_in_edtf = edtf(event)
    return slide | ({"edtf": date_in_edtf} if date_in_edtf else {})


def _dates(event: Event, published: date) -> dict:
    """start_date and end_date as TimelineJS takes them, no finer than the package knows; no
    end_date where the span is one unit (a year, a month) or open."""
    first, last = event.earliest, event.latest
    if first is None and last is None:
        return {"start_date": _date(published, "day")}
    unit = calendar_unit(first, last, event.precision)
    if first is None or last is None:
        only = next(d for d in (first, last) if d is not None)
        return {"start_date": _date(only, unit)}
    start, end = _date(first, unit), _date(last, unit)
    return {"start_date": start} | ({"end_date": end} if end != start else {})


def _date(when: date, unit: str) -> dict:
    parts = {"year": when.year, "month": when.month, "day": when.day}
    keep = {"year": 1, "month": 2, "day": 3}[unit]
    return dict(list(parts.items())[:keep])


def _display_date(event: Event, published: date) -> str:
    if event.earliest is None and event.latest is None:
        words = f"“{event.date_text}”: " if event.date_text else ""
        return f"{words}no date given (shown on the day of the article, {in_words(published)})"
    return wording.when(event)


def _text(package: Package, event: Event, outside: list[ContextFact]) -> str:
    parts = [tag("p", wording.status(event))]
    claim = package.evidence_for(event)
    if claim is not None:
        parts.append(tag("blockquote", quoted(claim.quote)))
        parts.append(tag("p", f"Who says it: {wording.who_says_it(package, claim)}."))
    if event.resolution:
        parts.append(tag("p", f"How the date was worked out: {event.resolution}"))
    marked = tag("strong", "Outside context, not from the article: ")
    for fact in outside:
        parts.append(tag("p", join([marked, f"{fact.fact} (source: {fact.source})"])))
    return str(join(parts))


def _paragraphs(lines: list[str]) -> str:
    return str(join(tag("p", line) for line in lines))


def _inert(text: str) -> str:
    """Text for a field TimelineJS strips of markup and then writes as HTML (`display_date`,
    `group`): its stripping decodes one level of escapes, so a value is escaped twice, and
    `&lt;img …&gt;` in the data shows as those characters instead of becoming an image."""
    return str(escape(str(escape(text))))


_QUOTATION = re.compile(r"<blockquote>(.*?)</blockquote>", re.DOTALL)


def count(package: Package, document: dict) -> list[Count]:
    slides = document.get("events", [])
    ids = {slide.get("unique_id") for slide in slides}
    texts = {q for s in slides for q in _QUOTATION.findall(s.get("text", {}).get("text", ""))}
    shown = sum(str(escape(quoted(claim.quote))) in texts for claim in package.claims)
    return [
        Count("events", len(package.events), sum(event.id in ids for event in package.events)),
        Count(
            "claims",
            len(package.claims),
            shown,
            "each event quotes the claim that dates it: TimelineJS has slides for events only",
        ),
    ]


FORMAT = Format("timelinejs", "TimelineJS3 timeline", "json", timeline, count)
