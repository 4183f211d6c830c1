"""A synthetic article package, built in memory, to measure the explainer far beyond its one story.

The real package has a few dozen claims; a teacher who loads a long report, or a whole day of
wire copy, may have thousands. This package has the same shape as the real one, with the variety
the views must cope with: several groups, dated, spanning, open-ended and undated events, every
status, attribution chains of one to three links, anonymous and named sources, hedged and
negated claims, and claims that overlap. Each claim's quote is the article text at its offsets.
It is deterministic (a fixed seed), so two runs measure the same work. Written out as CSV files
with data/datapackage.json, it passes `python -m explainer validate` and loads back equal.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

from explainer.package import model

PUBLISHED = date(2025, 12, 12)  # a Friday, like the real dateline
PUBLISHER = "press"
WIRE = "wire"
GROUPS = (
    ("north", "The northern republic"),
    ("south", "The southern republic"),
    ("allies", "The allies together"),
    ("west", "The western power"),
    ("east", "The eastern power"),
    ("bloc", "The regional bloc"),
    ("agencies", "International agencies"),
    ("unnamed", "Unnamed sources"),
    ("media", "News media"),
)
TYPES = ("person", "government_body")
# How a sentence opens, by the hedge it carries (None: no hedge); "{s}" is the subject.
OPENINGS = {
    None: "{s} will ",
    "poised": "{s} is poised to ",
    "likely": "{s} will likely ",
    "may": "{s} may ",
    "reportedly": "{s} reportedly will ",
    "expected to": "{s} is expected to ",
}
VERBS = ("meet", "consult", "sign an accord with", "hold talks with", "send envoys to", "brief")
TOPICS = ("trade", "border security", "nuclear policy", "food aid", "fishing rights", "air routes")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class _When:
    """How an event is dated: its words in the article and the dates they resolve to."""

    words: str
    earliest: date | None
    latest: date | None
    precision: str


def _when(rng: random.Random) -> _When:
    """One kind of dating, in roughly the mix a diplomatic story has."""
    kind = rng.choices(
        ("day", "week", "month", "year", "from", "by", "none"), (40, 15, 10, 5, 10, 5, 15)
    )[0]
    offset = rng.randint(-60, 90)
    day = PUBLISHED + timedelta(days=offset)
    if kind == "day":
        return _When(f"on {WEEKDAYS[day.weekday()]} {day:%b} {day.day}", day, day, "day")
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return _When(
            f"in the week of {monday:%b} {monday.day}", monday, monday + timedelta(days=6), "week"
        )
    if kind == "month":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return _When(f"in {first:%B}", first, last, "month")
    if kind == "year":
        year = PUBLISHED.year + 1
        return _When("next year", date(year, 1, 1), date(year, 12, 31), "year")
    if kind == "from":
        return _When(f"as soon as {day:%b} {day.day}", day, None, "week")
    if kind == "by":
        return _When(f"by {day:%b} {day.day}", None, day, "unknown")
    return _When("", None, None, "unknown")


def _actors(count: int) -> tuple[model.Actor, ...]:
    """A publisher and a wire agency, then `count - 2` actors spread over the other groups."""
    actors = [
        model.Actor(PUBLISHER, "The Daily Press", "media", "", "media", "the Press", ""),
        model.Actor(WIRE, "The Wire Agency", "media", "", "media", "the agency", ""),
    ]
    sides = [g for g, _ in GROUPS if g != "media"]
    for n in range(count - 2):
        group = sides[n % len(sides)]
        kind = "anonymous_source" if group == "unnamed" else TYPES[n % len(TYPES)]
        name = f"{'Unnamed source' if group == 'unnamed' else 'Actor'} {n:03d}"
        role = "Spokesperson" if kind == "person" and n % 2 else ""
        actors.append(model.Actor(f"a{n:03d}", name, kind, "", group, name, role))
    return tuple(actors)


def _events(rng: random.Random, count: int, speakers: list[model.Actor]) -> list[model.Event]:
    events = []
    for n in range(count):
        when = _when(rng)
        today = when.latest or when.earliest
        if today is None:
            status = rng.choice(("ongoing", "hoped_for", "ruled_out"))
        elif today < PUBLISHED:
            status = "happened"
        else:
            status = rng.choice(("planned", "tentative", "hoped_for"))
        actors = tuple(a.id for a in rng.sample(speakers, rng.randint(1, 3)))
        topic = TOPICS[n % len(TOPICS)]  # the sentence about event n names the same topic
        events.append(
            model.Event(
                id=f"e{n:05d}",
                label=f"Talks on {topic} ({n})",
                actors=actors,
                earliest=when.earliest,
                latest=when.latest,
                precision=when.precision,
                date_text=when.words,
                resolution=f"Counted from the dateline, {PUBLISHED:%A} {PUBLISHED}."
                if when.words
                else "",
                status=status,
            )
        )
    return events


class _Writer:
    """Builds the article text sentence by sentence, remembering where each piece lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _chain(rng: random.Random, source: model.Actor) -> tuple[tuple[str, ...], str]:
    """An attribution chain, publisher first, with the kind of source it amounts to."""
    shape = rng.choices(("voice", "wire", "sourced"), (15, 20, 65))[0]
    if shape == "voice":
        return (PUBLISHER,), "article_voice"
    if shape == "wire":
        return (PUBLISHER, WIRE), "wire_report"
    kind = "anonymous" if source.type == "anonymous_source" else "on_record"
    return (PUBLISHER, WIRE, source.id), kind


def _hedges(text: str, candidates) -> tuple[str, ...]:
    """The candidate hedges that occur in text as whole words, as the package rules require."""
    return tuple(h for h in candidates if h and re.search(rf"(?<!\w){h}(?!\w)", text))


def _certainty(hedges: tuple[str, ...], negated: bool) -> str:
    if negated:
        return "negated"
    if not hedges:
        return "certain"
    return "possible" if "may" in hedges else "probable"


HEADLINE = "Neighbours line up talks on trade, borders and aid for the new year"
DATELINE = "Capital, Dec 12"
LEAD = "(the Press) According to the agency, and a Spokesperson, these are the plans.\n"


def synthetic_package(events: int = 10_000, actors: int = 200, claims: int = 10_000):
    """A package with these many events, actors and claims.

    After a headline and a lead, the article has one sentence per claim, except every tenth
    claim, which quotes the second half of an earlier sentence and so overlaps that sentence's
    own claim. Sentence n supports event n; the overlapping claims support the events left over,
    whose time words their half-sentence carries.
    """
    rng = random.Random(20251212)
    cast = _actors(actors)
    speakers = [a for a in cast if a.group != "media"]
    cast_by_id = {a.id: a for a in cast}
    event_list = _events(rng, events, speakers)
    writer = _Writer()
    writer.add(f"{HEADLINE}\n{DATELINE} {LEAD}")
    claim_list: list[model.Claim] = []
    overlapping = claims // 10
    sentences = claims - overlapping
    for n in range(sentences):
        event = event_list[n % events]
        leftover = None
        if n % 9 == 0 and n // 9 < overlapping:
            leftover = event_list[(sentences + n // 9) % events]
        subject = cast_by_id[event.actors[0]]
        if len(event.actors) > 1:
            other = cast_by_id[event.actors[1]]
        else:
            other = rng.choice([a for a in speakers if a is not subject])
        opening = rng.choice(list(OPENINGS))
        negated = opening is None and rng.random() < 0.08
        head = ("{s} will not " if negated else OPENINGS[opening]).format(s=subject.mention)
        tail = f"{rng.choice(VERBS)} {other.mention} on {TOPICS[n % events % len(TOPICS)]}"
        tail += f" {event.date_text}" if event.date_text else ""
        tail += f", and again {leftover.date_text}" if leftover and leftover.date_text else ""
        tail += ", in a tentative plan" if rng.random() < 0.1 else ""
        start, _ = writer.add(head)
        tail_start, end = writer.add(tail)
        writer.add(".\n" if n % 4 == 3 else ". ")
        hedges = _hedges(head + tail, (opening, "as soon as", "tentative"))
        attribution, kind = _chain(rng, subject)
        claim_list.append(
            model.Claim(
                id=f"c{n:05d}",
                quote=head + tail,
                start=start,
                end=end,
                summary=f"{subject.name} and {other.name}: {event.label}.",
                attribution=attribution,
                source_kind=kind,
                certainty=_certainty(hedges, negated),
                hedges=hedges,
                about=(subject.id, other.id),
                events=(event.id,),
            )
        )
        if leftover:  # the sentence's second half, in the article's own voice, about `other`
            tail_hedges = _hedges(tail, ("as soon as", "tentative"))
            claim_list.append(
                model.Claim(
                    id=f"c{n:05d}b",
                    quote=tail,
                    start=tail_start,
                    end=end,
                    summary=f"What is planned with {other.name}: {leftover.label}.",
                    attribution=(PUBLISHER,),
                    source_kind="article_voice",
                    certainty=_certainty(tail_hedges, negated),
                    hedges=tail_hedges,
                    about=(other.id,),
                    events=(event.id, leftover.id),
                )
            )
    return _package(writer.text(), cast, event_list, claim_list)


def _package(text, cast, events, claims) -> model.Package:
    article = model.Article(
        id="synthetic",
        headline=HEADLINE,
        publisher="The Daily Press",
        wire_source="The Wire Agency",
        dateline=DATELINE,
        published=PUBLISHED,
        text=text,
    )
    groups = tuple(model.Group(g, label, order) for order, (g, label) in enumerate(GROUPS, 1))
    for claim in claims:  # the property the article view relies on
        assert text[claim.start : claim.end] == claim.quote, claim.id
    return model.Package(
        article=article,
        dating=(),
        groups=groups,
        actors=cast,
        events=tuple(events),
        claims=tuple(claims),
        takeaways=(),
        takeaway_support=(),
        context=(),
        context_actors=(),
    )
