"""Propose every table of a package from an article's text: the rows a person then reviews.

One claim per sentence (its offsets exact), its source and hedges, an event for each time
expression, the actors those patterns and the countries named, one lane per country and one per
kind of source. Every claim's attribution starts with the publisher and, when the dateline
credits a wire agency that did not publish it, the agency (`credit`). Every proposed row
carries a `review` note saying what to check; tables with nothing to propose stay empty.
Nothing past the package's limits is drafted (`bounds`), and the work grows in proportion to
the text, so `new` takes seconds at the limits.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from ..language import countries, hedges, sources, time_expressions
from ..package.review import REVIEW
from . import bounds, credit
from .csv_files import Rows
from .layout import Layout, LayoutError, read_layout

TEXT_FILE = "article.txt"
GROUPS = {
    "named": "Named sources",
    "unnamed": "Unnamed sources",
    "media": "News media",
}
LABEL_WORDS = 8
_WORD = re.compile(r"\w+")
CHECK_CLAIM = "proposed: check the summary, the source, the certainty and what it is about"
CHECK_EVENT = "proposed: write a short label; check the dates and the status"
CHECK_GROUP = "proposed: one lane per country, then one per kind of source"
CHECK_ACTOR = "proposed: check the name, the type, the country and the group"


@dataclass
class Proposal:
    """Rows by table name (resource names of the package), ready to be written as CSV."""

    text: str
    tables: dict[str, Rows] = field(default_factory=dict)
    headline_added: bool = False
    """The text did not hold the headline given, so `text` has it as its first line."""
    credit: credit.Credit | None = None
    """Who published the story, and the agency whose report it passes on."""


def propose(
    text: str,
    published: date,
    headline: str | None = None,
    publisher: str | None = None,
    dateline: str | None = None,
) -> Proposal:
    """A draft of every table for `text`; raises LayoutError when a required part is missing
    and bounds.PastLimit when the article or its draft is larger than a package may be."""
    text, headline_added = credit.with_headline(text, headline)
    bounds.check_text(text)
    layout = read_layout(text, headline, dateline)
    if not layout.sentences:
        raise LayoutError("no sentence found after the headline: is this the article's text?")
    if not layout.dateline:
        raise LayoutError("no dateline found at the start of a paragraph: give --dateline")
    bounds.check_rows("claims", len(layout.sentences), "sentences")
    who = credit.credit(text, layout, publisher)
    actors = _Actors()
    relay = [actors.add(sources.Source(who.publisher, who.mention, "media"))]
    if who.agency:
        relay.append(actors.add(sources.Source(who.agency, who.agency, "media")))
    claims: Rows = []
    events: Rows = []
    claim_ids, event_ids = Ids(), Ids()
    speakers = sources.attribute([s.text for s in layout.sentences])
    times = time_expressions.find_all([(s.text, s.start) for s in layout.sentences], published)
    for sentence, source, found in zip(layout.sentences, speakers, times, strict=True):
        claim, claim_events = _claim(sentence, source, found, published, relay, actors)
        for event in claim_events:
            event["id"] = event_ids.new(event["date_text"], "e_")
            events.append(event)
        claim["id"] = claim_ids.new(sentence.text, "c_")
        claim["events"] = ";".join(e["id"] for e in claim_events)
        claims.append(claim)
    bounds.check_rows("events", len(events), "time expressions")
    bounds.check_rows("actors", len(actors.rows), "sources and countries")
    return Proposal(
        text,
        {
            "article": [_article(text, layout, published, who, headline_added)],
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
        headline_added,
        who,
    )


def slug(words: str, prefix: str = "") -> str:
    """An id from `words`: lower-case letters, digits and underscores, starting with a letter."""
    base = "_".join(re.findall(r"[a-z0-9]+", words.lower())[:5]) or "x"
    return f"{prefix}{base}" if prefix or base[0].isalpha() else f"x_{base}"


class Ids:
    """Unique ids for the rows of a table, made by `slug` and numbered on a clash ("_2", "_3").

    Each id remembers the next number to try, so a thousand rows with the same words take a
    thousand steps, not half a million (an article of one sentence repeated).
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def new(self, words: str, prefix: str = "") -> str:
        first = candidate = slug(words, prefix)
        number = self._next.get(first, 2)
        while candidate in self._taken:
            candidate = f"{first}_{number}"
            number += 1
        self._next[first] = number
        self._taken.add(candidate)
        return candidate


class _Actors:
    """The actors found so far, one row each; a later "Smith" is the earlier "Jane Smith".

    A country named in a sentence is its government, in a lane of its own; a source whose role
    names a country ("US Ambassador") joins that lane; other sources are in one lane per kind.
    Actors are indexed by the words of their mention and by each word of a person's name, so a
    sentence looks up the runs of its own words, not every actor found so far.
    """

    def __init__(self) -> None:
        self.rows: Rows = []
        self.lanes: dict[str, str] = {}
        """Lane ids to labels: countries in the order they are first named."""
        self._ids = Ids()
        self._by_name: dict[str, str] = {}
        self._by_words: dict[tuple[str, ...], list[int]] = {}
        """Row numbers by the words of the actor's mention."""
        self._lengths: set[int] = set()
        """How many words the mentions have."""
        self._people_by_word: dict[str, list[str]] = {}
        """Ids of people by each word of their name."""

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
        lane = slug(country.name)
        self.lanes.setdefault(lane, country.name)
        return lane

    def _row(self, name, kind, country, group, mention, role) -> str:
        actor_id = self._ids.new(name.removesuffix(" (government)"))
        self._by_name[name] = actor_id
        words = tuple(_WORD.findall(mention))
        if words:
            self._by_words.setdefault(words, []).append(len(self.rows))
            self._lengths.add(len(words))
        if kind == "person":
            for word in dict.fromkeys(name.split()):
                self._people_by_word.setdefault(word, []).append(actor_id)
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
        matches = self._people_by_word.get(source.name, [])
        return matches[0] if len(matches) == 1 else ""

    def named_in(self, sentence: str) -> list[str]:
        """Actors the sentence names: its countries, then sources named before."""
        named = [self.add_country(c) for c in countries.find(sentence)]
        words = _WORD.findall(sentence)
        runs = {
            tuple(words[start : start + length])
            for length in self._lengths
            for start in range(len(words) - length + 1)
        }
        candidates = sorted(n for run in runs & self._by_words.keys() for n in self._by_words[run])
        people = [
            row["id"]
            for row in map(self.rows.__getitem__, candidates)
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


def _claim(sentence, source, found_times, published, relay, actors) -> tuple[dict, Rows]:
    """The claim of one sentence and its events (one per time expression it holds); `relay` is
    the publisher, then the agency whose report it passes on, if any: the start of every
    attribution."""
    text = sentence.text
    speaker = actors.add(source) if source else relay[-1]
    found = hedges.find(text)
    certainty = hedges.certainty(found)
    about = [a for a in actors.named_in(text) if a not in (speaker, *relay)] or [speaker]
    events = [_event(expression, about, certainty, published, text) for expression in found_times]
    claim = {
        "id": "",
        "quote": text,
        "start": str(sentence.start),
        "end": str(sentence.end),
        "summary": text,
        "attribution": ";".join(dict.fromkeys([*relay, speaker])),
        "source_kind": _kind(source, relayed=len(relay) > 1),
        "certainty": certainty,
        "hedges": ";".join(dict.fromkeys(h.text for h in found)),
        "about": ";".join(about),
        "events": "",
        REVIEW: CHECK_CLAIM,
    }
    return claim, events


def _kind(source: sources.Source | None, relayed: bool) -> str:
    """The kind of source; a sentence without one is the article's own voice, or the wire
    report's when the publisher passes on an agency's copy."""
    if source is None:
        return "wire_report" if relayed else "article_voice"
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


def _article(
    text: str, layout: Layout, published: date, who: credit.Credit, headline_added: bool
) -> dict[str, str]:
    checks = ["the headline", "the publisher", "the dateline"]
    if headline_added:
        checks[0] += " (added as the text's first line)"
    if not who.mention:
        checks[1] += " (the text does not name it)"
    return {
        "id": slug(f"{who.publisher} {published} {layout.headline}"),
        "headline": layout.headline,
        "publisher": who.publisher,
        "wire_source": who.agency,
        "dateline": layout.dateline,
        "published": published.isoformat(),
        "text_path": TEXT_FILE,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        REVIEW: f"proposed: check {', '.join(checks[:-1])} and {checks[-1]}",
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
