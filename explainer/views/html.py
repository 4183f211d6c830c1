"""Build HTML from plain text safely: every piece of data is escaped exactly once.

`Markup` marks a string that is already safe HTML. Everything else that reaches `table` or
`tag` is treated as plain text and escaped, so a quote or a name containing `<`, `&` or `"`
shows as text and can never become markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence


class Markup(str):
    """A string that is already escaped HTML; Jupyter shows it as HTML with a text equivalent."""

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": str(self), "text/plain": as_text(self)}


def as_text(markup: str) -> str:
    """Plain text of a fragment: table cells separated by " | ", rows and paragraphs by lines."""
    text = re.sub(r"</t[dh]>\s*(?=<t[dh])", " | ", markup)
    text = re.sub(r"</(tr|p|caption|li)>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def escape(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def tag(name: str, content: object = "", **attributes: str) -> Markup:
    attrs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(value)}"'
        for key, value in attributes.items()
    )
    return Markup(f"<{name}{attrs}>{escape(content)}</{name}>")


def join(parts: Iterable[object], separator: str = "") -> Markup:
    return Markup(escape(separator).join(escape(p) for p in parts))


CELL_STYLE = "text-align:left;vertical-align:top"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], caption: str = "") -> Markup:
    """A plain, left-aligned HTML table; cells are text unless given as Markup."""
    head = join(tag("th", h, style=CELL_STYLE) for h in headers)
    body = join(tag("tr", join(tag("td", cell, style=CELL_STYLE) for cell in row)) for row in rows)
    parts = [tag("caption", caption, style="text-align:left;font-weight:bold")] if caption else []
    parts += [tag("thead", tag("tr", head)), tag("tbody", body)]
    return tag("table", join(parts), style="border-collapse:collapse;font-size:0.9em")
