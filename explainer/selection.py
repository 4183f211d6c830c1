"""Which events and claims concern a chosen set of actors: the rule every linked view shares."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Claim, Event, Package


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
    """Events in which at least one chosen actor takes part."""
    chosen = set(checked_actors(package, actor_ids))
    return tuple(e for e in package.events if chosen.intersection(e.actors))


def claims_involving(package: Package, actor_ids: Iterable[str]) -> tuple[Claim, ...]:
    """Claims made by a chosen actor (anywhere in the attribution chain) or about one."""
    chosen = set(checked_actors(package, actor_ids))
    return tuple(
        c
        for c in package.claims
        if chosen.intersection(c.attribution) or chosen.intersection(c.about)
    )
