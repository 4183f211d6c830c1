"""A notebook's markdown read as blocks of visible text, as the giveaway rule reads a page."""

from __future__ import annotations

import re

from browser.giveaway import Block


def markdown_blocks(text: str) -> list[Block]:
    """A markdown cell's paragraphs and list items, as the page would show them as text."""
    blocks = re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.) )", text)
    return [Block(re.sub(r"[*_`#]", "", b), None, False) for b in blocks if b.strip()]
