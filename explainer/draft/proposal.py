"""Propose every table of a package from an article's text: the rows a person then reviews.

One claim per sentence (its offsets exact), its source and hedges, an event for each time
expression, the actors those patterns and the countries named, one lane per country and one per
kind of source. Every proposed row
carries a `review` note saying what to check; tables with nothing to propose stay empty.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from ..package.review import REVIEW
from . import countries, hedges, sources, time_expressions
from .csv_files import Rows
from .layout import Layout, LayoutError, read_layout

TEXT_FILE = "article.txt"
GROUPS = {
    "named": "Named sources",
    "unnamed": "Unnamed sources",
    "media": "News media",
}
LABEL_WORDS = 8
CHECK_CLAIM = "proposed: check the summary, the source, the certainty and what it is about"
CHECK_EVENT = "proposed: write a short label; check the dates and the status"
CHECK_GROUP = "proposed: one lane per country, then one per kind of source"
CHECK_ACTOR = "proposed: check the name, the type, the country and the group"


@dataclass
class Proposal:
    """Rows by table name (resource names of the package), ready to be written as CSV."""

    text: str
    tables: dict[str, Rows] = field(default_factory=dict)


def propose(
    text: str,
    published: date,
    headline: str | None = None,
    publisher: str | None = None,
    dateline: str | None = None,
) -> Proposal:
    """A draft of every table for `text`; raises LayoutError when a required part is missing."""
    layout = read_layout(text, headline, dateline)
    if not layout.sentences:
        raise LayoutError("no sentence found after the headline: is this the article's text?")
    if not layout.dateline:
        raise LayoutError("no dateline found at the start of a paragraph: give --dateline")
    publisher = publisher or layout.agency
    if not publisher:
        raise LayoutError("no publisher found after the dateline: give --publisher")
    if publisher not in text:
        raise LayoutError(
            f"the publisher {publisher!r} is not named in the text: an actor's mention is "
            "verbatim, so give --publisher as the text prints it (a credit line or byline)"
        )
    actors = _Actors()
    publisher_id = actors.add(sources.Source(publisher, publisher, "media"))
    claims: Rows = []
    events: Rows = []
    speakers = sources.attribute([s.text for s in layout.sentences])
    for sentence, source in zip(layout.sentences, speakers, strict=True):
        claim, claim_events = _claim(sentence, source, published, publisher_id, actors, claims)
        for event in claim_events:
            event["id"] = slug(event["date_text"], "e_", {e["id"] for e in events})
            events.append(event)
        claim["events"] = ";".join(e["id"] for e in claim_events)
        claims.append(claim)
    return Proposal(
        text,
        {
            "article": [_article(text, layout, published, publisher)],
            "dating": _dating(text, layout, published),
            "groups": actors.groups(),
            "actors": actors.rows,
            "events": events,
            "claims": claims,
            "takeaways": [],
            "takeaway_support": [],
            "context": [],
            "context_actors": [],
        },
    )


def slug(words: str, prefix: str, taken: set[str]) -> str:
    """A unique id from `words`: lower case letters, digits and underscores."""
    base = "_".join(re.findall(r"[a-z0-9]+", words.lower())[:5]) or "x"
    candidate = f"{prefix}{base}" if prefix or base[0].isalpha() else f"x_{base}"
    number = 2
    while candidate in taken:
        candidate = f"{prefix}{base}_{number}"
        number += 1
    taken.add(candidate)
    return candidate


class _Actors:
    """The actors found so far, one row each; a later "Smith" is the earlier "Jane Smith".

    A country named in a sentence is its government, in a lane of its own; a source whose role
    names a country ("US Ambassador") joins that lane; other sources are in one lane per kind.
    """

    def __init__(self) -> None:
        self.rows: Rows = []
        self.lanes: dict[str, str] = {}
        """Lane ids to labels: countries in the order they are first named."""
        self._ids: set[str] = set()
        self._by_name: dict[str, str] = {}

    def add(self, source: sources.Source) -> str:
        known = self._by_name.get(source.name) or self._surname(source)
        if known:
            return known
        country = next(iter(countries.find(source.role, in_title=True)), None)
        if country:
            group = self._lane(country)
        else:
            group = "unnamed" if source.unnamed else "media" if source.type == "media" else "named"
            self.lanes.setdefault(group, GROUPS[group])
        code = country.code if country else ""
        return self._row(source.name, source.type, code, group, source.mention, source.role)

    def add_country(self, country: countries.Country) -> str:
        name = f"{country.name} (government)"
        if name in self._by_name:
            return self._by_name[name]
        group = self._lane(country)
        return self._row(name, "government_body", country.code, group, country.mention, "")

    def _lane(self, country: countries.Country) -> str:
        lane = slug(country.name, "", set())
        self.lanes.setdefault(lane, country.name)
        return lane

    def _row(self, name, kind, country, group, mention, role) -> str:
        actor_id = slug(name.removesuffix(" (government)"), "", self._ids)
        self._by_name[name] = actor_id
        self.rows.append(
            {
                "id": actor_id,
                "name": name,
                "type": kind,
                "country": country,
                "group": group,
                "mention": mention,
                "role": role,
                REVIEW: CHECK_ACTOR,
            }
        )
        return actor_id

    def _surname(self, source: sources.Source) -> str:
        if source.type != "person" or " " in source.name:
            return ""
        matches = [
            row["id"]
            for row in self.rows
            if row["type"] == "person" and source.name in row["name"].split()
        ]
        return matches[0] if len(matches) == 1 else ""

    def named_in(self, sentence: str) -> list[str]:
        """Actors the sentence names: its countries, then sources named before."""
        named = [self.add_country(c) for c in countries.find(sentence)]
        people = [
            row["id"]
            for row in self.rows
            if row["type"] != "government_body" or not row["country"]
            if row["mention"] in sentence
        ]
        return list(dict.fromkeys(named + people))

    def groups(self) -> Rows:
        """Countries first, then the kinds of source, in order."""
        kinds = list(GROUPS)
        countries_first = sorted(
            self.lanes,
            key=lambda lane: (lane in GROUPS, kinds.index(lane) if lane in GROUPS else 0),
        )
        return [
            {"id": lane, "label": self.lanes[lane], "order": str(n), REVIEW: CHECK_GROUP}
            for n, lane in enumerate(countries_first, 1)
        ]


def _claim(sentence, source, published, publisher_id, actors, claims) -> tuple[dict, Rows]:
    text = sentence.text
    speaker = actors.add(source) if source else publisher_id
    found = hedges.find(text)
    certainty = hedges.certainty(found)
    about = [a for a in actors.named_in(text) if a not in (speaker, publisher_id)] or [speaker]
    claim_id = slug(text, "c_", {c["id"] for c in claims})
    events = [
        _event(expression, about, certainty, published, text)
        for expression in time_expressions.find(text, published, sentence.start)
    ]
    claim = {
        "id": claim_id,
        "quote": text,
        "start": str(sentence.start),
        "end": str(sentence.end),
        "summary": text,
        "attribution": ";".join(dict.fromkeys([publisher_id, speaker])),
        "source_kind": _kind(source),
        "certainty": certainty,
        "hedges": ";".join(dict.fromkeys(h.text for h in found)),
        "about": ";".join(about),
        "events": "",
        REVIEW: CHECK_CLAIM,
    }
    return claim, events


def _kind(source: sources.Source | None) -> str:
    if source is None:
        return "article_voice"
    if source.unnamed:
        return "anonymous"
    return "wire_report" if source.type == "media" else "on_record"


def _event(expression, about, certainty, published, sentence) -> dict[str, str]:
    words = sentence.split()
    label = " ".join(words[:LABEL_WORDS]) + (" …" if len(words) > LABEL_WORDS else "")
    review = CHECK_EVENT
    if expression.alternative:
        review += f"; ambiguous: it could also mean {expression.alternative}"
    return {
        "id": "",
        "label": label,
        "actors": ";".join(about),
        "earliest": str(expression.earliest or ""),
        "latest": str(expression.latest or ""),
        "precision": expression.precision,
        "date_text": expression.text,
        "resolution": expression.resolution,
        "status": _status(expression, certainty, published),
        REVIEW: review,
    }


def _status(expression, certainty: str, published: date) -> str:
    """Where the event stood at publication, as far as its dates and hedges show."""
    if certainty == "negated":
        return "ruled_out"
    if expression.latest and expression.latest < published or expression.direction == "past":
        return "happened"
    if expression.earliest and expression.earliest > published or expression.direction:
        return "planned" if certainty == "certain" else "tentative"
    return "ongoing" if expression.earliest is None else "happened"


def _article(text: str, layout: Layout, published: date, publisher: str) -> dict[str, str]:
    return {
        "id": slug(f"{publisher} {published} {layout.headline}", "", set()),
        "headline": layout.headline,
        "publisher": publisher,
        "wire_source": layout.agency if layout.agency != publisher else "",
        "dateline": layout.dateline,
        "published": published.isoformat(),
        "text_path": TEXT_FILE,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        REVIEW: "proposed: check the headline, the publisher and the dateline",
    }


def _dating(text: str, layout: Layout, published: date) -> Rows:
    start = layout.dateline_start
    inference = (
        f"The dateline as printed. The publication date, {published.isoformat()}, was given "
        "when this draft was made: say here how you know it."
    )
    return [
        {
            "id": "d_from_dateline",
            "quote": layout.dateline,
            "start": str(start),
            "end": str(start + len(layout.dateline)),
            "context": "",
            "inference": inference,
            REVIEW: "proposed: say how the publication date is known",
        }
    ]
