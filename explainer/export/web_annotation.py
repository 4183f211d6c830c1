"""W3C Web Annotation (JSON-LD): the claims, hedge cues and events as annotations of the article.

One AnnotationCollection with one page holding every annotation (W3C Web Annotation Data
Model, 2017). Each targets the article text (see `notes.article_iri`) with a TextQuoteSelector
(exact, prefix, suffix) and a TextPositionSelector that name the same characters. A claim's
bodies are its plain-words summary (`describing`), who says it and how surely (`commenting`)
and its fields as tags (`tagging`, see `tags`); a hedge cue's are the tag `hedge` and its
claim; an event's are its label, status and date in words, and its date in EDTF as a tag.
Written as plain JSON in the compact form of the W3C's own context: nothing to fetch.
"""

from __future__ import annotations

from collections import Counter

from ..package.model import Package
from . import tags
from .format import Count, Format
from .notes import Note, article_iri, note_iri, notes, position_selector, quote_selector

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATION = {"claim": "describing", "hedge": "classifying", "event": "describing"}


def collection(package: Package) -> dict:
    article = package.article
    items = [annotation(package, note) for note in notes(package)]
    label = f"{article.headline} ({article.publisher}, {article.published.isoformat()})"
    return {
        "@context": CONTEXT,
        "id": note_iri(article, "collection"),
        "type": "AnnotationCollection",
        "label": f"Claims, hedges and events of the article: {label}",
        "total": len(items),
        "first": {
            "id": note_iri(article, "collection/page/0"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def annotation(package: Package, note: Note) -> dict:
    text = package.article.text
    bodies = [_text(note.summary, "describing"), _text(note.comment, "commenting")]
    bodies += [{"type": "TextualBody", "value": mark, "purpose": "tagging"} for mark in note.tags]
    return {
        "id": note_iri(package.article, note.key),
        "type": "Annotation",
        "motivation": MOTIVATION[note.kind],
        "body": bodies,
        "target": {
            "source": article_iri(package.article),
            "selector": [
                quote_selector(text, note.start, note.end),
                position_selector(note.start, note.end),
            ],
        },
    }


def _text(value: str, purpose: str) -> dict:
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


def count(package: Package, document: dict) -> list[Count]:
    kinds = Counter(
        kind_of(tag_values(item)) for item in document.get("first", {}).get("items", [])
    )
    return note_counts(package, kinds)


def tag_values(item: dict) -> tuple[str, ...]:
    return tuple(b["value"] for b in item.get("body", []) if b.get("purpose") == "tagging")


def kind_of(marks: tuple[str, ...]) -> str:
    """ "claim", "hedge" or "event", from a note's tags; "" for an annotation of neither."""
    if tags.HEDGE in marks:
        return "hedge"
    prefixes = {mark.partition(tags.SEPARATOR)[0] for mark in marks}
    return next((kind for kind in (tags.CLAIM, tags.EVENT) if kind in prefixes), "")


def note_counts(package: Package, kinds: Counter) -> list[Count]:
    """The notes written, by kind, against the package's claims, hedge cues and events."""
    return [
        Count("claims", len(package.claims), kinds["claim"]),
        Count("hedge cues", sum(len(c.hedges) for c in package.claims), kinds["hedge"]),
        Count("events", len(package.events), kinds["event"]),
    ]


FORMAT = Format("web-annotation", "W3C Web Annotation collection", "jsonld", collection, count)
