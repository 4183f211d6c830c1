"""Typed records of an article package: one dataclass per table of data/datapackage.json.

They carry no behaviour beyond small derived properties, so the figures, filters and the
notebook all read the same facts the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    id: str
    headline: str
    publisher: str
    wire_source: str
    dateline: str
    published: date
    text: str


@dataclass(frozen=True)
class DatingStep:
    id: str
    quote: str
    start: int | None
    end: int | None
    context: str
    inference: str


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    order: int


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    country: str
    group: str
    mention: str
    role: str


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    actors: tuple[str, ...]
    earliest: date | None
    latest: date | None
    precision: str
    date_text: str
    resolution: str
    status: str

    @property
    def lead_actor(self) -> str:
        return self.actors[0]


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    start: int
    end: int
    summary: str
    attribution: tuple[str, ...]
    source_kind: str
    certainty: str
    hedges: tuple[str, ...]
    about: tuple[str, ...]
    events: tuple[str, ...]

    @property
    def asserted_by(self) -> str:
        """The last link of the attribution chain is who makes the claim."""
        return self.attribution[-1]


@dataclass(frozen=True)
class Takeaway:
    id: str
    quote: str
    start: int
    end: int
    verdict: str
    explanation: str


@dataclass(frozen=True)
class TakeawaySupport:
    takeaway: str
    claim: str
    strength: str


@dataclass(frozen=True)
class ContextFact:
    """A fact from outside the article; `source` names where it was checked."""

    id: str
    date: date | None
    fact: str
    actors: tuple[str, ...]
    events: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class ContextActor:
    """Outside context about an actor: Hangul name and official title, with source."""

    actor: str
    hangul: str
    title: str
    source: str


@dataclass(frozen=True)
class Package:
    """A whole, validated article package, with look-ups by id."""

    article: Article
    dating: tuple[DatingStep, ...]
    groups: tuple[Group, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    takeaways: tuple[Takeaway, ...]
    takeaway_support: tuple[TakeawaySupport, ...]
    context: tuple[ContextFact, ...]
    context_actors: tuple[ContextActor, ...]

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)

    def claims_for_event(self, event_id: str) -> tuple[Claim, ...]:
        """Events do not list their claims: claims list the events they support."""
        return tuple(c for c in self.claims if event_id in c.events)

    def evidence_for(self, event: Event) -> Claim | None:
        """The supporting claim that carries the event's time words, else the first one."""
        claims = self.claims_for_event(event.id)
        dating = [c for c in claims if event.date_text and event.date_text in c.quote]
        return (dating or claims or [None])[0]
