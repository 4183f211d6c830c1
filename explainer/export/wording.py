"""The sentences every export writes about a record, in the explainer's own words for its codes.

Plain text: each format escapes it as it needs. The words for a status, a certainty or a kind
of source are the vocabulary's, so an export reads as the notebook does.
"""

from __future__ import annotations

from ..package.model import Claim, Event, Package
from ..package.vocabulary import CERTAINTY, SOURCE_KIND, STATUS
from ..views.tables import attribution_chain
from ..views.when import describe_when


def status(event: Event) -> str:
    """ "Tentative: planned, but not confirmed." """
    style = STATUS[event.status]
    return f"{style.label.capitalize()}: {style.meaning}."


def when(event: Event) -> str:
    """When it happens, in words, with the article's own words first when it gives some."""
    resolved = describe_when(event)
    return f"“{event.date_text}”: {resolved}" if event.date_text else resolved


def who_says_it(package: Package, claim: Claim) -> str:
    """ "The Press ← The Agency ← Anonymous aides (unnamed source: sources the reader cannot
    check)" """
    kind = SOURCE_KIND[claim.source_kind]
    return f"{attribution_chain(package, claim)} ({kind.label}: {kind.meaning})"


def how_sure(claim: Claim) -> str:
    """ "probable (stated as likely)" """
    style = CERTAINTY[claim.certainty]
    return f"{style.label} ({style.meaning})"


def claim_comment(package: Package, claim: Claim) -> str:
    return f"Who says it: {who_says_it(package, claim)}. How sure: {how_sure(claim)}."


def hedge_comment(claim: Claim, cue: str) -> str:
    """What a hedge cue does to its claim."""
    if claim.certainty == "negated":
        return f"“{cue}” carries the negation: the claim is {how_sure(claim)}."
    return f"“{cue}” carries the uncertainty: the claim is {how_sure(claim)}, not certain."


def event_comment(event: Event) -> str:
    parts = [f"{event.label}.", status(event), f"When: {when(event)}."]
    if event.resolution:
        parts.append(f"How the date was worked out: {event.resolution}")
    return " ".join(parts)
