"""Make a notebook's HTML and charts safe to put in a built page: no script may ever run from
them, and nothing in them may fetch anything.

`slides`, `handout` and `worksheet` read any notebook, and its markdown and its text/html
outputs may hold raw HTML (`<script>`, `<img onerror=...>`, `<svg onload=...>`, `javascript:`
links, `<img src=http://...>`, styles that load an image). nh3 (Rust's ammonia, an allow-list
sanitiser) keeps what the explainer's own tables and prose use and drops the rest; a
hand-written pattern would miss some of the browser's parsing rules. The charts are not HTML:
they are plotly JSON drawn by the page's own script (see charts.js), less the images a figure
would load from elsewhere. Each built page also carries a Content Security Policy that allows
nothing from outside the file (policy.py): this module keeps the page from even trying.
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
# Links go to the web or to an anchor of the page; images must be inside the notebook (data:).
URL_SCHEMES = {"http", "https", "mailto", "data"}
IMAGE_SOURCE = re.compile(r"data:image/[a-z0-9.+-]+[;,]", re.IGNORECASE)
# The style properties the explainer's tables and highlights use.
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
# CSS functions that compute a value and fetch nothing; any other (url, image-set, image,
# cross-fade, src, ...) drops the whole style attribute. An allow-list, so that a function a
# browser adds later is refused until someone looks at it.
CSS_FUNCTIONS = {"rgb", "rgba", "hsl", "hsla", "hwb", "calc", "min", "max", "clamp", "var"}
CSS_FUNCTION = re.compile(r"([a-z0-9_-]*)\s*\(", re.IGNORECASE)
# CSS escapes: a backslash and 1 to 6 hex digits (and one optional white space), or a backslash
# and any other character. nh3 decodes them (`\75 rl(` comes out as `url(`), so they are decoded
# here before the check, as a browser's tokenizer would.
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\r\n\f])?|(.))", re.DOTALL)
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)


def css_unescaped(value: str) -> str:
    """A style value as a browser reads its identifiers: comments removed, escapes decoded."""

    def decode(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group(2)
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return CSS_ESCAPE.sub(decode, CSS_COMMENT.sub(" ", value))


def fetches(style: str) -> bool:
    """Whether a style attribute could make the browser load something."""
    css = css_unescaped(style)
    if "@" in css:  # @import and the like have no place in a style attribute
        return True
    return any(name.lower() not in CSS_FUNCTIONS for name in CSS_FUNCTION.findall(css))


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "style":
        return None if fetches(value) else value
    if name == "src":  # an image the browser would load by itself: only the notebook's own
        return value if IMAGE_SOURCE.match(value.strip()) else None
    if name == "href" and value.strip().lower().startswith("data:"):
        return None
    return value


def clean(markup: str) -> Markup:
    """The notebook's HTML with every script, event handler, unsafe URL and fetch removed."""
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


def offline_figure(figure: dict) -> dict:
    """The plotly figure without the images it would load from elsewhere.

    `layout.images` (and a template's) are drawn from their `source`, a URL: only images inside
    the figure (data: URLs) are kept. Nothing else a plotly trace of the basic bundle holds is
    fetched by the browser."""
    return {**figure, "layout": _without_remote_images(figure.get("layout", {}))}


def _without_remote_images(value: object) -> object:
    if isinstance(value, list):
        return [_without_remote_images(item) for item in value]
    if not isinstance(value, dict):
        return value
    kept = {}
    for key, item in value.items():
        if key == "images" and isinstance(item, list):
            item = [image for image in item if _inside(image)]
        kept[key] = _without_remote_images(item)
    return kept


def _inside(image: object) -> bool:
    source = image.get("source") if isinstance(image, dict) else None
    return not isinstance(source, str) or bool(IMAGE_SOURCE.match(source.strip()))
