"""Which events and claims concern a chosen set of actors: the rule every linked view shares."""

from __future__ import annotations

from collections.abc import Iterable

from ..package.model import Claim, Event, Package
from .memo import by_identity


def quick_picks(package: Package) -> dict[str, tuple[str, ...]]:
    """Named shortcuts for the actor filter: everyone, then each group's actors, in lane order."""
    picks = {"All actors": tuple(a.id for a in package.actors)}
    for group in sorted(package.groups, key=lambda g: g.order):
        members = tuple(a.id for a in package.actors if a.group == group.id)
        if members:
            picks[group.label] = members
    return picks


def checked_actors(package: Package, actor_ids: Iterable[str]) -> tuple[str, ...]:
    """The ids as given, or a ValueError naming every id the package does not know."""
    chosen = tuple(actor_ids)
    known = {a.id for a in package.actors}
    unknown = sorted({a for a in chosen if a not in known})
    if unknown:
        raise ValueError(f"unknown actor id(s): {', '.join(unknown)}")
    return chosen


def events_involving(package: Package, actor_ids: Iterable[str]) -> tuple[Event, ...]:
    """Events in which at least one chosen actor takes part, in the package's order."""
    return _pick(package.events, _event_index(package), checked_actors(package, actor_ids))


def claims_involving(package: Package, actor_ids: Iterable[str]) -> tuple[Claim, ...]:
    """Claims made by a chosen actor (anywhere in the attribution chain) or about one, in the
    package's order."""
    return _pick(package.claims, _claim_index(package), checked_actors(package, actor_ids))


@by_identity()
def _event_index(package: Package) -> dict[str, list[int]]:
    return _index(e.actors for e in package.events)


@by_identity()
def _claim_index(package: Package) -> dict[str, list[int]]:
    return _index((*c.attribution, *c.about) for c in package.claims)


def _index(actors_of_each: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    """Where each actor appears: actor id -> positions of the records that involve it.

    Worked out once per package, so a click costs what it picks, not the whole package."""
    index: dict[str, list[int]] = {}
    for position, actors in enumerate(actors_of_each):
        for actor in set(actors):
            index.setdefault(actor, []).append(position)
    return index


def _pick(records: tuple, index: dict[str, list[int]], chosen: tuple[str, ...]) -> tuple:
    positions = set().union(*(index.get(actor, ()) for actor in chosen))
    return tuple(records[p] for p in sorted(positions))
