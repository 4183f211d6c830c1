"""How sure the article is: claims counted by the certainty of their wording and kind of source.

Bars are stacked by kind of source, each with its own fill pattern as well as colour, so the
chart reads without colour. The certainty levels always appear, even at zero, so the axis stays
put while the actor filter changes the counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import plotly.graph_objects as go

from .model import Claim
from .vocabulary import CERTAINTY, SOURCE_KIND

PATTERNS = ("", "/", "x", ".")


def certainty_figure(claims: Iterable[Claim]) -> go.Figure:
    counts = Counter((c.certainty, c.source_kind) for c in claims)
    levels = [style.label for style in CERTAINTY.values()]
    fig = go.Figure()
    for (kind, style), pattern in zip(SOURCE_KIND.items(), PATTERNS, strict=True):
        fig.add_trace(
            go.Bar(
                y=levels,
                x=[counts[(certainty, kind)] for certainty in CERTAINTY],
                name=style.label,
                orientation="h",
                marker={"color": style.colour, "pattern": {"shape": pattern}},
                hovertemplate=f"{style.label}: %{{x}} claims stated as %{{y}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=300,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        template="simple_white",
        title={"text": "Claims by certainty and kind of source", "font": {"size": 14}},
        legend={"title": {"text": "Source"}},
        xaxis={"title": {"text": "number of claims"}, "dtick": 1, "rangemode": "tozero"},
        yaxis={"autorange": "reversed"},
    )
    return fig
