"""Who published the story and who reported it, and the headline a teacher has apart.

A teacher often copies the headline from the page's title, apart from the body, and knows who
published the story even when the text credits only a wire agency ("BRUSSELS (AP) —"). So a
headline that the text does not hold becomes the text's first line (the one change made to the
text), and a publisher given is the publisher whether or not the text names it. The agency in
the dateline's brackets, when it is not the publisher, is then the second link of every claim's
attribution: the publisher passes on the agency's report, which passes on its sources' words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout, LayoutError
from .normalised import find_in, nfc

HEADLINE_ADDED = (
    "article.txt is the text given to `explainer new` with the headline, which that text did "
    "not carry, added as its first line; the rest is the text as given, byte for byte."
)
_LINE_END = re.compile(r"\r\n|\n|\r")
_BOM = "\ufeff"


@dataclass(frozen=True)
class Credit:
    publisher: str
    """Who published the story."""
    mention: str
    """The text's words for the publisher; empty when the text does not name it."""
    agency: str
    """The wire agency in the dateline's brackets, when it is not the publisher; else empty."""


def with_headline(text: str, headline: str | None) -> tuple[str, bool]:
    """The text, with `headline` added as its first line when the text does not hold it (after
    a byte-order mark, and ending as the text's own lines end); and whether it was added."""
    if headline is None:
        return text, False
    if not headline.strip() or _LINE_END.search(headline):
        raise LayoutError("--headline must be one line of text")
    if find_in(text, headline) is not None:
        return text, False
    end = _LINE_END.search(text)
    bom = _BOM if text.startswith(_BOM) else ""
    return f"{bom}{headline}{end.group(0) if end else chr(10)}{text[len(bom) :]}", True


def credit(text: str, layout: Layout, publisher: str | None) -> Credit:
    """The publisher given, or else the agency in the dateline's brackets; LayoutError when
    there is neither."""
    if publisher is None:
        if not layout.agency:
            raise LayoutError("no publisher found after the dateline: give --publisher")
        return Credit(layout.agency, layout.agency, "")
    publisher = publisher.strip()
    if not publisher or _LINE_END.search(publisher):
        raise LayoutError("--publisher must be one line of text")
    if nfc(layout.agency).casefold() == nfc(publisher).casefold():
        return Credit(publisher, layout.agency, "")  # the agency published it ("REUTERS")
    return Credit(publisher, find_in(text, publisher) or "", layout.agency)
