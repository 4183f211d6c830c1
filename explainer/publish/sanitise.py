"""Make a notebook's HTML safe to put in a built page: no script may ever run from it.

`slides` and `handout` read any notebook, and its markdown and its text/html outputs may hold
raw HTML (`<script>`, `<img onerror=...>`, `<svg onload=...>`, `javascript:` links). nh3 (Rust's
ammonia, an allow-list sanitiser) keeps what the explainer's own tables and prose use and drops
the rest; a hand-written pattern would miss some of the browser's parsing rules. The charts are
not HTML: they are plotly JSON drawn by the page's own script (see charts.js).
"""

from __future__ import annotations

import re

import nh3
from markupsafe import Markup

TAGS = nh3.ALLOWED_TAGS | {"tfoot"}
ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "style", "lang", "dir", "title", "role"},
}
# Links go to the web or to an anchor of the page; images in markdown are the notebook's own.
URL_SCHEMES = {"http", "https", "mailto"}
# The style properties the explainer's tables and highlights use. A url() in a style would make
# an offline page fetch something, so a declaration holding one is dropped (see _attribute).
STYLE_PROPERTIES = {
    "text-align",
    "vertical-align",
    "color",
    "background",
    "background-color",
    "padding",
    "border",
    "border-bottom",
    "border-left",
    "border-radius",
    "border-collapse",
    "font-size",
    "font-weight",
    "font-style",
    "text-decoration",
    "text-decoration-line",
    "text-decoration-style",
    "white-space",
}
FETCHING_CSS = re.compile(r"url\s*\(|image-set\s*\(|@import|expression\s*\(", re.IGNORECASE)


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "style" and FETCHING_CSS.search(value):
        return None
    return value


def clean(markup: str) -> Markup:
    """The notebook's HTML with every script, event handler and unsafe URL removed."""
    return Markup(
        nh3.clean(
            markup,
            tags=TAGS,
            clean_content_tags={"script", "style"},
            attributes=ATTRIBUTES,
            attribute_filter=_attribute,
            generic_attribute_prefixes={"aria-"},
            url_schemes=URL_SCHEMES,
            filter_style_properties=STYLE_PROPERTIES,
        )
    )
