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


# The notes plugin writes its speaker view into a new window from one JavaScript string literal:
# n.document.write("<html ...>...</html>"). The view's inline scripts and styles run under this
# page's policy (a written about:blank window inherits it), so policy.py allows them by hash.
SPEAKER_VIEW = re.compile(r'\.document\.write\("((?:[^"\\]|\\.)*)"\)', re.DOTALL)
JS_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)", re.DOTALL)
JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_string(literal: str) -> str:
    """The value of a double-quoted JavaScript string literal's body."""

    def decode(match: re.Match) -> str:
        escape = match.group(1)
        if escape[0] in "xu" and len(escape) > 1:
            return chr(int(escape[1:], 16))
        return JS_SIMPLE.get(escape, escape)

    return JS_ESCAPE.sub(decode, literal)


def speaker_view() -> tuple[list[str], list[str]]:
    """The bodies of the inline scripts and styles of the speaker view that the vendored notes
    plugin writes (see SPEAKER_VIEW)."""
    found = SPEAKER_VIEW.findall(asset("reveal", "notes.js"))
    if len(found) != 1:
        raise PublishError("the notes plugin no longer writes its speaker view as one string")
    view = _js_string(found[0])
    scripts = re.findall(r"<script>(.*?)</script>", view, re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", view, re.DOTALL)
    if not scripts or "<script " in view or "<style " in view:
        raise PublishError("the speaker view's scripts or styles are not where policy.py looks")
    return scripts, styles


def plotly_js() -> Markup:
    """plotly.js's basic build (scatter and bar, all the charts use), vendored: see its README."""
    return script(asset("plotly", "plotly-basic.min.js"))
