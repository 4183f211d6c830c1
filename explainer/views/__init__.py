"""What the notebook displays: each view is a rich part plus a short text equivalent.

A `View` shows itself in Jupyter through `_repr_mimebundle_`, so a notebook cell only has to
name the view. The rich part is plotly JSON or escaped HTML; the text/plain part is a short
text equivalent, which nbval compares legibly and a plain-text export keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..package import review
from ..package.model import Claim, Event, Package
from ..package.vocabulary import CERTAINTY
from . import tables
from .annotate import annotated_article, highlight_style
from .certainty_chart import certainty_figure
from .html import Markup, tag
from .render import figure_bundle, html_bundle
from .timeline_chart import timeline_figure

# Black on pale orange, 2 px border: a notice that needs no colour to be read (contrast > 7:1).
DRAFT_STYLE = "border:2px solid #000;background:#FFE8CC;color:#000;padding:0.5em;font-weight:bold"


@dataclass(frozen=True)
class View:
    bundle: dict[str, object]

    @property
    def text(self) -> str:
        return str(self.bundle["text/plain"])

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle


class _Nothing(View):
    """A view that displays nothing at all: not even an empty output in the notebook."""

    def _ipython_display_(self) -> None:
        pass


def draft_notice(package: Package) -> View:
    """A notice while rows of the package await review (a draft from `explainer new`);
    nothing once every row has been reviewed, so a finished notebook carries no trace of it."""
    draft = review.summary(package.awaiting_review)
    if not draft:
        return _Nothing({"text/plain": ""})
    text = (
        f"Draft: {draft}. What follows is proposed by a program and not yet checked by a "
        "person; do not teach from it until `python -m explainer validate --strict` passes."
    )
    markup = tag("p", text, role="status", style=DRAFT_STYLE)
    return html(markup, text)


def _ids(items: Iterable[Event | Claim]) -> str:
    return ", ".join(i.id for i in items) or "(none)"


def html(markup: Markup, text: str) -> View:
    return View(html_bundle(markup, text))


def timeline(package: Package, events: Iterable[Event] | None = None) -> View:
    events = tuple(package.events if events is None else events)
    dated = sum(1 for e in events if e.earliest or e.latest)
    text = (
        f"Timeline of {len(events)} events ({dated} dated, {len(events) - dated} undated): "
        f"{_ids(events)}"
    )
    return View(figure_bundle(timeline_figure(package, events), text))


def certainty(package: Package, claims: Iterable[Claim] | None = None) -> View:
    claims = tuple(package.claims if claims is None else claims)
    counts = ", ".join(
        f"{level} {sum(1 for c in claims if c.certainty == level)}" for level in CERTAINTY
    )
    return View(figure_bundle(certainty_figure(claims), f"Claims by certainty: {counts}"))


def claims(
    package: Package, chosen: Iterable[Claim | str] | None = None, limit: int | None = None
) -> View:
    """The claims table, for all claims or for some (claims or claim ids), `limit` rows at most."""
    rows = tuple(package.claims if chosen is None else (_claim(package, c) for c in chosen))
    markup = tables.claims_table(package, rows, limit)
    return html(markup, f"{len(rows)} claims: {_ids(rows)}")


def _claim(package: Package, claim: Claim | str) -> Claim:
    return package.claim(claim) if isinstance(claim, str) else claim


def events(package: Package, chosen: Iterable[Event] | None = None) -> View:
    rows = tuple(package.events if chosen is None else chosen)
    return html(tables.events_table(package, rows), f"{len(rows)} events: {_ids(rows)}")


def article(package: Package, highlighted: Iterable[Claim] = ()) -> View:
    highlighted = tuple(highlighted)
    markup = annotated_article(package.article.text, package.claims, [c.id for c in highlighted])
    return html(markup, _highlighted(highlighted))


def highlight(package: Package, highlighted: Iterable[Claim], scope: str) -> View:
    """What makes `highlighted` stand out in `article(package)` shown inside class `scope`."""
    highlighted = tuple(highlighted)
    style = highlight_style(scope, package.claims, [c.id for c in highlighted])
    return html(style, _highlighted(highlighted))


def _highlighted(claims: tuple[Claim, ...]) -> str:
    return f"The article, with {len(claims)} claims highlighted"
