"""Which views would give an exercise's answer away, by exercise kind: what `order` reads.

A view that shows a record the way its exercise asks about it (a claims table with each claim's
marked hedges, its speaker and kind of source; a dated table or a timeline with each event's
day and status; an audit with each takeaway's verdict) answers that kind of exercise for
whoever sees it first. The explorer shows all of those views at once. A view not listed gives
nothing away (counts, chains of attribution without their claims, the actors, the dating
steps, whose publication day every date question states).
"""

from __future__ import annotations

from collections.abc import Callable

from .. import views
from ..views import tables
from ..views.explorer import Explorer

CLAIMS = frozenset({"hedge_word", "claim_source", "source_kind"})
EVENTS = frozenset({"relative_date", "plan_or_fact"})

GIVES_AWAY: dict[Callable, frozenset[str]] = {
    views.claims: CLAIMS,
    views.events: EVENTS | {"claim_source", "source_kind"},  # its evidence: who says so
    views.timeline: EVENTS,
    views.article: frozenset({"hedge_word"}),  # the highlighted article marks every hedge
    tables.hedges_table: frozenset({"hedge_word"}),
    tables.takeaways_table: frozenset({"takeaway_verdict"}),
    tables.context_table: frozenset({"relative_date", "plan_or_fact"}),  # what came to pass
    Explorer: CLAIMS | EVENTS | {"hedge_word"},
    Explorer.describe: CLAIMS | EVENTS,  # the events table and the claims' counts, in words
}


# How a held-back view's placeholder names it ("... to see the claims table").
NAMES: dict[Callable, str] = {
    views.claims: "the claims table",
    views.events: "the table of events",
    views.timeline: "the timeline",
    views.article: "the article with its hedges marked",
    tables.hedges_table: "the table of hedges",
    tables.takeaways_table: "the audit of the takeaways",
    tables.context_table: "the outside context",
    Explorer: "the actor filter and its views",
    Explorer.describe: "what the filter leaves, in words",
}


def given_away(function: Callable) -> frozenset[str]:
    return GIVES_AWAY.get(function, frozenset())
