"""Which records of a package each part of the explainer is about, chosen from the data.

A hand-written explainer picks its examples; a generated one needs rules that pick well for any
article. Each rule prefers the record that teaches most and returns None when the package has no
candidate, so that the part is left out rather than shown empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from ..package.model import Actor, Claim, Event, Package, Takeaway
from ..package.vocabulary import CERTAINTY, STATUS, VERDICT

_LEAST_SURE_FIRST = {level: rank for rank, level in enumerate(reversed(CERTAINTY))}


def hedged(package: Package) -> list[Claim]:
    """Claims with hedge words that leave them less than certain (negation is not a hedge)."""
    return [c for c in package.claims if c.hedges and c.certainty not in ("certain", "negated")]


def first_hedged(package: Package) -> Claim | None:
    """The story's first hedged claim: usually the one its headline rests on."""
    return next(iter(hedged(package)), None)


def lead_claim(package: Package) -> Claim | None:
    """The lead: the body's first claim in the text, however sure it is worded. A claim inside
    the headline is not the body's (the headline is the article's first line when it is given)."""
    text, headline = package.article.text, package.article.headline
    found = text.find(headline) if headline else -1
    body_start = found + len(headline) if found >= 0 else 0
    body = [c for c in package.claims if c.start >= body_start] or list(package.claims)
    return min(body, key=lambda c: c.start, default=None)


def least_sure_claim(package: Package) -> Claim | None:
    """The hedged claim worded least surely, then with the most hedges, then the first."""
    claims = hedged(package)
    if not claims:
        return None
    return min(claims, key=lambda c: (_LEAST_SURE_FIRST[c.certainty], -len(c.hedges)))


def chain_example(package: Package) -> Claim | None:
    """The claim whose chain of attribution is walked through: the first hedged claim, else
    the first claim with the longest chain."""
    lead = first_hedged(package)
    if lead is not None:
        return lead
    return max(package.claims, key=lambda c: len(c.attribution), default=None)


def unnamed_source_claim(package: Package, besides: Claim | None) -> Claim | None:
    """The last claim from an unnamed source (another than `besides`), else the last other
    claim, else `besides` itself."""
    others = [c for c in package.claims if c is not besides]
    unnamed = [c for c in others if c.source_kind == "anonymous"]
    found = unnamed or others
    return found[-1] if found else besides


def source_kind_claim(package: Package) -> Claim | None:
    """The claim whose kind of source is asked: an unnamed source's, besides the chain example."""
    if not package.claims:
        return None
    return unnamed_source_claim(package, chain_example(package))


def relative_date_event(package: Package) -> Event | None:
    """An event whose time words resolve to one day: relative words ("next Tuesday") first,
    and of those a later day first.

    Words with a digit ("On December 9") are a date already, and the day of publication
    itself needs little working out: those come last."""
    published = package.article.published
    candidates = [
        e
        for e in package.events
        if e.date_text and e.precision == "day" and package.evidence_for(e) is not None
    ]

    def preference(event: Event) -> tuple[bool, bool, bool]:
        dated = any(ch.isdigit() for ch in event.date_text)
        before = event.earliest is not None and event.earliest < published  # "day": it is not
        return (dated, event.earliest == published, before)

    return min(candidates, key=preference, default=None)


def dated_events(package: Package) -> tuple[Event, ...]:
    """The events the article dates in words of its own ("next Tuesday", "On December 9")."""
    return tuple(e for e in package.events if e.date_text)


def first_relative_date(package: Package, besides: Collection[str] = ()) -> Event | None:
    """The event whose relative time words come first in the article (by its evidence), of
    those not in `besides`."""
    candidates = [
        (evidence.start, e)
        for e in package.events
        if e.date_text
        and e.id not in besides
        and not any(ch.isdigit() for ch in e.date_text)
        and (evidence := package.evidence_for(e)) is not None
    ]
    return min(candidates, key=lambda pair: pair[0], default=(0, None))[1]


def plan_event(package: Package) -> Event | None:
    """An event to place as plan or fact: one that had not happened yet first, a plan first
    of all; what was under way or done only when nothing else is there."""
    order = [*(s for s in STATUS if s not in ("happened", "ongoing")), "ongoing", "happened"]
    candidates = [e for e in package.events if package.evidence_for(e) is not None]
    return min(candidates, key=lambda e: order.index(e.status), default=None)


def audited_takeaway(package: Package) -> Takeaway | None:
    """The first takeaway that goes furthest beyond the text."""
    worst_first = list(reversed(VERDICT))
    return min(package.takeaways, key=lambda t: worst_first.index(t.verdict), default=None)


def speakers(package: Package) -> list[Actor]:
    """Everyone who makes a claim (ends an attribution chain), in order of first claim."""
    ids = dict.fromkeys(c.asserted_by for c in package.claims)
    return [package.actor(a) for a in ids]


def on_record_person(package: Package) -> Actor | None:
    """The person with most claims on the record; else the body with most; else whoever is in
    most attribution chains, the publisher last: it heads every chain, so choosing it alone
    leaves every claim and shows nothing."""
    counts = Counter(c.asserted_by for c in package.claims if c.source_kind == "on_record")
    on_record = [a for a in package.actors if a.id in counts]
    people = [a for a in on_record if a.type == "person"]
    if people or on_record:
        return max(people or on_record, key=lambda a: counts[a.id])
    publishers = {c.attribution[0] for c in package.claims}
    others = [a for a in package.actors if a.id not in publishers and _claims_through(package, a)]
    return max(others or package.actors, key=lambda a: _claims_through(package, a), default=None)


def unnamed_actor(package: Package) -> Actor | None:
    """The unnamed source behind most claims, if the article has one."""
    unnamed = [a for a in package.actors if a.type == "anonymous_source"]
    return max(unnamed, key=lambda a: _claims_through(package, a), default=None)


def _claims_through(package: Package, actor: Actor) -> int:
    """How many claims have `actor` anywhere in their chain of attribution."""
    return sum(1 for c in package.claims if actor.id in c.attribution)
