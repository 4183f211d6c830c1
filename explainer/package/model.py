"""Typed records of an article package: one dataclass per table of data/datapackage.json.

They carry no behaviour beyond small derived properties, so the figures, filters and the
notebook all read the same facts the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..errors import ExplainerError
from .problems import Problem


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
    """Outside context about an actor: a native name, its title at the time, with source.

    The native name (for example the name in Hangul) goes with its language as a BCP 47 tag
    (`ko`), so it can be named ("Name in Korean") and marked for screen readers.
    """

    actor: str
    native_name: str
    native_language: str
    title: str
    source: str


@dataclass(frozen=True)
class ReviewMark:
    """A row nobody has reviewed yet (see `review`): where it is, and what to check."""

    file: str
    row: int
    check: str


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
    awaiting_review: tuple[ReviewMark, ...] = ()
    """Rows still marked for review: a draft package while there are any."""
    warnings: tuple[Problem, ...] = ()
    """What `validate` warns of: a person may rightly have meant it (see rules.RULES)."""

    def actor(self, actor_id: str) -> Actor:
        return _by_id(self.actors, actor_id, "actor")

    def event(self, event_id: str) -> Event:
        return _by_id(self.events, event_id, "event")

    def claim(self, claim_id: str) -> Claim:
        return _by_id(self.claims, claim_id, "claim")

    def group(self, group_id: str) -> Group:
        return _by_id(self.groups, group_id, "group")

    @cached_property
    def _claims_by_event(self) -> dict[str, tuple[Claim, ...]]:
        index: dict[str, list[Claim]] = {}
        for claim in self.claims:
            for event_id in claim.events:
                index.setdefault(event_id, []).append(claim)
        return {event_id: tuple(claims) for event_id, claims in index.items()}

    def claims_for_event(self, event_id: str) -> tuple[Claim, ...]:
        """Events do not list their claims: claims list the events they support."""
        return self._claims_by_event.get(event_id, ())

    def evidence_for(self, event: Event) -> Claim | None:
        """The supporting claim that carries the event's time words, else the first one."""
        claims = self.claims_for_event(event.id)
        dating = [c for c in claims if event.date_text and event.date_text in c.quote]
        return (dating or claims or [None])[0]  # type: ignore[list-item]


class UnknownId(ExplainerError, KeyError):
    """A record asked for by an id the package does not have: in a notebook, one made from an
    earlier version of the package (explainer/in_a_notebook.py says what to do)."""

    def __init__(self, kind: str, wanted: str) -> None:
        super().__init__(f"unknown {kind} id: {wanted!r}")
        self.kind = kind
        self.id = wanted

    def __str__(self) -> str:  # KeyError's own would show the message in quotes
        return str(self.args[0])


def _by_id(records, wanted: str, kind: str):
    """Look a record up by id; an unknown id is an UnknownId that names it and its kind."""
    for record in records:
        if record.id == wanted:
            return record
    raise UnknownId(kind, wanted)
