"""The files a built page inlines (styles, reveal.js, plotly.js, our scripts), made safe to inline.

A classroom needs pages that open from disk with no network: every script and stylesheet goes
inside the page. Each is checked here so that it cannot end its element early.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files

from markupsafe import Markup

from .notebook import PublishError

ASSETS = files("explainer.publish") / "assets"
# `<!--` followed by `<script` before `-->` would make the browser ignore the next `</script>`.
DOUBLE_ESCAPE = re.compile(r"<!--(?:(?!-->).)*?<script", re.IGNORECASE | re.DOTALL)


def asset(*parts: str) -> str:
    return ASSETS.joinpath(*parts).read_text(encoding="utf-8")


def script(code: str) -> Markup:
    """The body of an inline <script>, which must not be able to close it early."""
    code = re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "\n", code)
    if "</script" in code.lower() or DOUBLE_ESCAPE.search(code):
        raise PublishError("a script to inline contains '</script' or '<!--' before '<script'")
    return Markup(code)


def style(css: str) -> Markup:
    """The body of an inline <style>; @import rules are dropped (the page fetches nothing)."""
    css = re.sub(r"@import[^;]*;", "", css)
    if "</style" in css.lower():
        raise PublishError("a stylesheet to inline contains '</style'")
    return Markup(css)


def script_json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: `<`, `>` and `&` never appear literally."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return Markup(
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def plotly_js() -> Markup:
    """plotly.js's basic build (scatter and bar, all the charts use), vendored: see its README."""
    return script(asset("plotly", "plotly-basic.min.js"))
