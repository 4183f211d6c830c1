"""The Jinja2 environment that fills the page templates in `templates/`, escaping by default.

Autoescaping is on for every template: a value reaches the page as markup only if it is
markupsafe's Markup (sanitised notebook HTML, checked inline scripts and styles, script-safe
JSON); anything else, such as the title, is escaped.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined


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


def render(template: str, **values: object) -> str:
    return environment().get_template(template).render(**values)
