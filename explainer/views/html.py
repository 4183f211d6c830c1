"""Build HTML from plain text safely: every piece of data is escaped exactly once.

markupsafe's `Markup` marks a string that is already safe HTML; everything else that reaches
`table`, `tag` or `join` is treated as plain text and escaped, so a quote or a name containing
`<`, `&` or `"` shows as text and can never become markup. A `Block` is HTML together with the
text a terminal or a screen reader shows in its place (a table's rows as lines of text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["Block", "Markup", "escape", "join", "plain", "stack", "table", "tag"]


@dataclass(frozen=True)
class Block:
    """HTML and its text equivalent; Jupyter shows the HTML, a plain-text export the text.

    A plain `Markup` string would not do: IPython formats any `str` as its repr for text/plain.
    `__html__` lets a block be placed inside other markup, like a `Markup`.
    """

    markup: Markup
    text: str

    def __html__(self) -> Markup:
        return self.markup

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": str(self.markup), "text/plain": self.text}


def plain(value: object) -> str:
    """The text a reader sees for a value: markup without its tags, whitespace on one line."""
    if isinstance(value, Block):
        return value.text
    text = value.striptags() if isinstance(value, Markup) else str(value)
    return " ".join(text.split())


def tag(name: str, content: object = "", **attributes: object) -> Markup:
    """<name attributes>content</name>; a trailing "_" or inner "_" in a keyword is for "-"."""
    attrs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for key, value in attributes.items()
    )
    # f-strings of escaped parts: Markup.format goes through string.Formatter, several times
    # slower, and a filter click draws a few thousand tags
    return Markup(f"<{name}{attrs}>{escape(content)}</{name}>")


def join(parts: Iterable[object], separator: str = "") -> Markup:
    return escape(separator).join(escape(part) for part in parts)


def stack(blocks: Iterable[Block]) -> Block:
    """Blocks one after the other: their HTML in a row, their texts line by line."""
    blocks = list(blocks)
    return Block(join(blocks), "\n".join(b.text for b in blocks))


CELL_STYLE = "text-align:left;vertical-align:top"


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    caption: str = "",
) -> Block:
    """A plain, left-aligned HTML table (cells are text unless Markup or a Block), and as text
    its caption, then one line per row with the cells separated by " | "."""
    rows = [list(row) for row in rows]
    head = join(tag("th", h, style=CELL_STYLE) for h in headers)
    body = join(tag("tr", join(tag("td", cell, style=CELL_STYLE) for cell in row)) for row in rows)
    parts = [tag("caption", caption, style="text-align:left;font-weight:bold")] if caption else []
    parts += [tag("thead", tag("tr", head)), tag("tbody", body)]
    markup = tag("table", join(parts), style="border-collapse:collapse;font-size:0.9em")
    lines = [caption] if caption else []
    lines += [" | ".join(plain(cell) for cell in line) for line in [list(headers), *rows]]
    return Block(markup, "\n".join(lines))
