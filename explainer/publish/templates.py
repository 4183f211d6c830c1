"""The Jinja2 environment that fills the page templates in `templates/`, escaping by default.

Autoescaping is on for every template: a value reaches the page as markup only if it is
markupsafe's Markup (sanitised notebook HTML, checked inline scripts and styles, script-safe
JSON, a macro's output); anything else, such as the title or an exercise's text, is escaped.
Every page is rendered by `render_page`, which gives it the Content Security Policy that allows
exactly its own inline scripts and styles (policy.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .policy import content_security_policy


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("explainer.publish", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(
    template: str,
    *,
    styles: Sequence[Markup],
    scripts: Sequence[Markup],
    also_allowed: tuple[Sequence[str], Sequence[str]] = ((), ()),
    frames: bool = False,
    **values: object,
) -> str:
    """A whole page (a template extending page.html.j2) with its policy. `also_allowed` holds
    the scripts and styles of a window the page writes itself (the deck's speaker view)."""
    policy = content_security_policy(
        [*map(str, scripts), *also_allowed[0]], [*map(str, styles), *also_allowed[1]], frames=frames
    )
    return (
        environment()
        .get_template(template)
        .render(styles=styles, scripts=scripts, policy=policy, **values)
    )


def fragment(template: str, macro: str, **values: object) -> Markup:
    """The output of one macro of a template, as markup to place in a page."""
    return Markup(getattr(environment().get_template(template).module, macro)(**values))
