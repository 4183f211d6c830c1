"""The actor filter and the views it drives: timeline, claims table, certainty chart, article.

Views live in ipywidgets Output widgets whose `outputs` are replaced whole on each change, so
they update in place (no flicker, nothing piles up) and no display message reaches the cell:
nbval and a stored notebook both see only the explorer's text line, never a varying output.
The article is the exception: it is sent once, and a click replaces only a small style sheet
that makes the chosen claims stand out in it (a long article would be megabytes per click).
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable

import ipywidgets as widgets

from .. import views
from ..package.model import Package
from .focus import FOCUS_STYLE, KEYBOARD_CLASS
from .html import join, tag
from .render import PLAIN_WIDTH
from .selection import checked_actors, claims_involving, events_involving, quick_picks
from .tables import MAX_ROWS, certainty_table

# What a stored notebook shows in the explorer's place
NOT_RUNNING = textwrap.fill(
    "Interactive actor filter with linked timeline, claims table, certainty chart and article. "
    "Run the notebook (Run > Run All Cells) to use it.",
    width=PLAIN_WIDTH,
)


TABLE_ROWS = MAX_ROWS  # the claims table shows at most as many rows as any table; it says so
STATUS_ROLE = {"role": "status"}  # a screen reader announces the count when the filter changes
_scopes = itertools.count(1)  # numbers each explorer's article, so its style sheet reaches only it


class Description(str):
    """The explorer's views in words, displayed as they read (a plain str shows in quotes): a
    value, not a print, so that a lesson can hold it back until its exercises are answered."""

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(self)


class Explorer:
    """One actor filter (with quick picks) driving every linked view at once."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.picks = quick_picks(package)
        self.filter = widgets.SelectMultiple(
            options=[(a.name, a.id) for a in package.actors],
            value=self.picks["All actors"],
            rows=len(package.actors),
            description="Actors",
            layout=widgets.Layout(width="26em"),
        )
        self.buttons = [self._pick_button(name) for name in self.picks]
        self.summary = widgets.HTML()
        self.timeline = widgets.Output()
        self.events = widgets.Output()  # the timeline's events as a table: read without a mouse
        self.claims = widgets.Output()
        self.certainty = widgets.Output()
        self.counts = widgets.Output()  # the certainty chart's counts as a table
        # a style sheet, not shown: it applies all the same, to the article beside it
        self.highlight = widgets.Output(layout=widgets.Layout(display="none"))
        self.article = widgets.Output()
        self.scope = f"explainer-article-{next(_scopes)}"
        self.article.add_class(self.scope)
        self.article.outputs = views.article(package).outputs()
        # redrawn on each click
        self.linked = (
            self.timeline,
            self.events,
            self.claims,
            self.certainty,
            self.counts,
            self.highlight,
        )
        self.filter.observe(lambda _: self.refresh(), "value")
        self.refresh()
        self.view = self._layout()

    def _pick_button(self, name: str) -> widgets.Button:
        button = widgets.Button(
            description=name, tooltip=f"Choose: {name}", layout=widgets.Layout(width="auto")
        )
        button.on_click(lambda _: self.choose(self.picks[name]))
        return button

    def choose(self, actor_ids: Iterable[str]) -> None:
        """Select these actors (ids); unknown ids raise ValueError naming them."""
        self.filter.value = checked_actors(self.package, actor_ids)

    def shown(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Ids of the events and the claims the views show now."""
        chosen = self.filter.value
        events = events_involving(self.package, chosen)
        claims = claims_involving(self.package, chosen)
        return tuple(e.id for e in events), tuple(c.id for c in claims)

    def refresh(self) -> None:
        chosen = self.filter.value
        events = events_involving(self.package, chosen)
        claims = claims_involving(self.package, chosen)
        self.summary.value = str(
            tag(
                "p",
                join(
                    [
                        tag("b", len(events)),
                        f" of {len(self.package.events)} events and ",
                        tag("b", len(claims)),
                        f" of {len(self.package.claims)} claims involve the "
                        f"{len(chosen)} chosen actor{'' if len(chosen) == 1 else 's'}.",
                        self._more_claims(len(claims)),
                    ]
                ),
                **STATUS_ROLE,
            )
        )
        self.timeline.outputs = views.timeline(self.package, events).outputs()
        self.events.outputs = views.events(self.package, events).outputs()
        self.claims.outputs = views.claims(self.package, claims, TABLE_ROWS).outputs()
        self.certainty.outputs = views.certainty(self.package, claims).outputs()
        self.counts.outputs = views.table(certainty_table(claims)).outputs()
        self.highlight.outputs = views.highlight(self.package, claims, self.scope).outputs()

    @staticmethod
    def _more_claims(count: int) -> str:
        """What to do when the claims table cannot show every chosen claim."""
        if count <= TABLE_ROWS:
            return ""
        return (
            f" The claims table shows the first {TABLE_ROWS}: choose fewer actors to see the rest."
        )

    def describe(self) -> Description:
        """What the linked views show now, in words read back from the views themselves: the
        timeline's events and the certainty counts as their tables, and the claims table by its
        caption (its rows are long quotations)."""
        events, claims, counts = (
            o.outputs[-1]["data"]["text/plain"] for o in (self.events, self.claims, self.counts)
        )
        return Description("\n".join([events, claims.splitlines()[0], counts]))

    def _layout(self) -> widgets.Widget:
        picks = widgets.HBox(self.buttons, layout=widgets.Layout(flex_flow="row wrap"))
        controls = widgets.VBox([widgets.Label("Quick picks:"), picks, self.filter, self.summary])
        view = widgets.VBox(
            [widgets.HTML(FOCUS_STYLE), controls, *self.linked, self.article],
            layout=widgets.Layout(width="100%"),
        )
        view.add_class(KEYBOARD_CLASS)
        return view

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = NOT_RUNNING
        return bundle
