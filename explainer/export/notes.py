"""A package as annotations of its article: what the W3C and the Hypothesis exports both write.

One note per claim (its quote; its summary; who says it and how surely; its fields as tags),
one per hedge cue (the cue inside its claim's quote), and one per event (the words that date
it, or else the quote of the claim that tells of it, with its status and its date in EDTF).
Every note anchors on the article text as the package holds it: offsets in Unicode code points,
as in claims.csv and as the W3C model counts them.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass
from functools import lru_cache

from ..package.model import Article, Claim, Event, Package
from ..views.annotate import hedge_spans
from . import tags, wording
from .edtf import edtf

CONTEXT_CHARACTERS = 32
"""Characters of prefix and suffix in a TextQuoteSelector, as Hypothesis's client writes."""


@dataclass(frozen=True)
class Note:
    kind: str  # "claim", "hedge" or "event"
    key: str  # unique in the package: "claim/c_x", "hedge/c_x/0", "event/e_y"
    start: int
    end: int
    summary: str  # plain text: what the note says, first
    comment: str  # plain text: what the reader should know about it
    tags: tuple[str, ...]


def notes(package: Package) -> list[Note]:
    """Every claim, then every hedge cue, then every event, in the package's order."""
    claims = [_claim_note(package, claim) for claim in package.claims]
    hedges = [note for claim in package.claims for note in _hedge_notes(claim)]
    events = [_event_note(package, event) for event in package.events]
    return claims + hedges + events


def article_iri(article: Article) -> str:
    """The article text as the package holds it, named by its SHA-256 (RFC 6920 `ni:`): the
    package has no address for the article, and its text is what the offsets count in."""
    return _named_by_digest(article.text)


@lru_cache(maxsize=4)  # every note names the article: hash a long one once, not per note
def _named_by_digest(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    name = base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")
    return f"ni:///sha-256;{name}?ct=text/plain"


def note_iri(article: Article, key: str) -> str:
    """A stable IRI for a note (a name-based UUID): the same package always gives the same."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{article_iri(article)}#{key}')}"


def quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    selector = {"type": "TextQuoteSelector", "exact": text[start:end]}
    prefix = text[max(0, start - CONTEXT_CHARACTERS) : start]
    suffix = text[end : end + CONTEXT_CHARACTERS]
    context = {"prefix": prefix, "suffix": suffix}
    return selector | {key: words for key, words in context.items() if words}


def position_selector(start: int, end: int) -> dict[str, object]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


def _claim_note(package: Package, claim: Claim) -> Note:
    comment = wording.claim_comment(package, claim)
    return Note(
        "claim", f"claim/{claim.id}", claim.start, claim.end, claim.summary, comment,
        tags.claim_tags(claim),
    )  # fmt: skip


def _hedge_notes(claim: Claim) -> list[Note]:
    found = []
    for number, cue in enumerate(claim.hedges):
        # As a whole word, where the notebook marks it; else where validate found it.
        at = claim.quote.index(cue)
        start, end = (hedge_spans(claim.quote, [cue]) or [(at, at + len(cue))])[0]
        found.append(
            Note(
                "hedge", f"hedge/{claim.id}/{number}", claim.start + start, claim.start + end,
                f"A hedge: “{cue}”", wording.hedge_comment(claim, cue),
                (tags.HEDGE, tags.tag(tags.CLAIM, claim.id)),
            )
        )  # fmt: skip
    return found


def _event_note(package: Package, event: Event) -> Note:
    start, end = _event_span(package, event)
    date = edtf(event)
    marks: tuple[str, ...] = (tags.tag(tags.EVENT, event.id), tags.tag("status", event.status))
    marks += (tags.tag("edtf", date),) if date else ()
    summary = f"{event.label} ({wording.when(event)})"
    comment = wording.event_comment(event)
    return Note("event", f"event/{event.id}", start, end, summary, comment, marks)


def _event_span(package: Package, event: Event) -> tuple[int, int]:
    """The article's words for the time inside the claim that tells of the event, else their
    first place in the article, else that claim's whole quote."""
    claim = package.evidence_for(event)
    words = event.date_text
    if claim is not None and words and words in claim.quote:
        start = claim.start + claim.quote.index(words)
        return start, start + len(words)
    if words:
        start = package.article.text.index(words)  # verbatim: validate checks it
        return start, start + len(words)
    if claim is None:
        raise ValueError(f"no claim tells of event {event.id}: `validate` requires one")
    return claim.start, claim.end
