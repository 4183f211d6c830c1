"""The same notes as the W3C export, as a file Hypothesis imports (its own JSON, not JSON-LD).

Hypothesis's sidebar (Share › Import) reads the file its Export writes: an object whose
`annotations` hold the h API's annotation records. On import it keeps each one's text, tags and
target, takes the page open in the browser as its address, and anchors it there by its
TextQuoteSelector, so the claims land on the publisher's web page as long as it prints the
article's words. The text is Markdown (the summary in bold, then the comment); the fields
travel as tags (see `tags`), which `import-annotations` reads back.
"""

from __future__ import annotations

from collections import Counter

from ..narrative.prose import md
from ..package.model import Package
from .format import Count, Format
from .notes import Note, article_iri, notes, position_selector, quote_selector
from .web_annotation import kind_of, note_counts

# Read by the world: Hypothesis keeps an imported annotation shared (in the group chosen in
# the sidebar) when the file's was shared, private to the importer otherwise.
SHARED = {"read": ["group:__world__"], "update": [], "delete": []}


def export(package: Package) -> dict:
    return {"annotations": [annotation(package, note) for note in notes(package)]}


def annotation(package: Package, note: Note) -> dict:
    article = package.article
    source = article_iri(article)
    selectors = [
        quote_selector(article.text, note.start, note.end),
        position_selector(note.start, note.end),
    ]
    return {
        "uri": source,
        "document": {"title": article.headline},
        "text": f"**{md(note.summary)}**\n\n{md(note.comment)}",
        "tags": list(note.tags),
        "target": [{"source": source, "selector": selectors}],
        "permissions": SHARED,
    }


def count(package: Package, document: dict) -> list[Count]:
    kinds = Counter(kind_of(tuple(item.get("tags", []))) for item in document["annotations"])
    return note_counts(package, kinds)


FORMAT = Format("hypothesis", "Hypothesis import file", "json", export, count)
