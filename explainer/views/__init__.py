"""What the notebook displays: each view is a rich part plus its text equivalent.

A `View` shows itself in Jupyter, so a notebook cell only has to name the view. The rich part is
plotly JSON or escaped HTML; the text/plain part is its text equivalent (a table's rows, a chart's
title and summary), which nbval compares legibly and a plain-text export keeps. A chart is shown
after a caption: its summary as HTML, because JupyterLab and Voila draw plotly JSON with no
accessible name and no way to give it one, so a screen reader meets the summary first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..package import review
from ..package.model import Claim, Event, Package
from . import tables
from .annotate import annotated_article, highlight_style
from .certainty_chart import certainty_figure
from .html import Block, Markup, plain, tag
from .render import CAPTION_METADATA, figure_bundle, html_bundle
from .timeline_chart import timeline_figure

# Black on pale orange, 2 px border: a notice that needs no colour to be read (contrast > 7:1).
DRAFT_STYLE = "border:2px solid #000;background:#FFE8CC;color:#000;padding:0.5em;font-weight:bold"


@dataclass(frozen=True)
class View:
    bundle: dict[str, object]
    caption: Markup | None = None  # HTML shown just before the view

    @property
    def text(self) -> str:
        return str(self.bundle["text/plain"])

    def outputs(self) -> tuple[dict[str, object], ...]:
        """The view as notebook display outputs: its caption, if any, then itself."""
        shown: list[tuple[dict, dict]] = [(self.bundle, {})]
        if self.caption is not None:
            caption = html_bundle(self.caption, plain(self.caption))
            shown.insert(0, (caption, CAPTION_METADATA))
        return tuple(
            {"output_type": "display_data", "data": data, "metadata": metadata}
            for data, metadata in shown
        )

    def _ipython_display_(self) -> None:
        from IPython.display import publish_display_data

        for output in self.outputs():
            publish_display_data(output["data"], output["metadata"])

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


def html(markup: Markup, text: str) -> View:
    return View(html_bundle(markup, text))


def table(block: Block) -> View:
    return View(html_bundle(block.markup, block.text))


def chart(figure: dict) -> View:
    """A chart after its caption; its text equivalent is its title and summary."""
    title, summary = figure["layout"]["title"]["text"], figure["layout"]["meta"]["summary"]
    return View(figure_bundle(figure, f"{title}. {summary}"), tag("p", summary))


def timeline(package: Package, events: Iterable[Event] | None = None) -> View:
    events = tuple(package.events if events is None else events)
    return chart(timeline_figure(package, events))


def certainty(package: Package, claims: Iterable[Claim] | None = None) -> View:
    claims = tuple(package.claims if claims is None else claims)
    return chart(certainty_figure(claims))


def claims(
    package: Package, chosen: Iterable[Claim | str] | None = None, limit: int = tables.MAX_ROWS
) -> View:
    """The claims table, for all claims or for some (claims or claim ids), `limit` rows at most."""
    rows = tuple(package.claims if chosen is None else (_claim(package, c) for c in chosen))
    return table(tables.claims_table(package, rows, limit))


def _claim(package: Package, claim: Claim | str) -> Claim:
    return package.claim(claim) if isinstance(claim, str) else claim


def events(package: Package, chosen: Iterable[Event] | None = None) -> View:
    rows = tuple(package.events if chosen is None else chosen)
    return table(tables.events_table(package, rows))


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
