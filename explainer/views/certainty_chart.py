"""How sure the article is: claims counted by the certainty of their wording and kind of source.

Bars are stacked by kind of source, each with its own fill pattern as well as colour, so the
chart reads without colour. The certainty levels always appear, even at zero, so the axis stays
put while the actor filter changes the counts. Built as plain plotly JSON, like the timeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..package.model import Claim
from ..package.vocabulary import CERTAINTY, SOURCE_KIND
from .chart_layout import FONT, fixed_margins, text_width

PATTERNS = ("", "/", "x", ".")
OUTLINE = "#333333"


TITLE = "Claims by certainty and kind of source"


def summary(claims: tuple[Claim, ...]) -> str:
    """One sentence saying what the chart shows, with its counts, for a reader who cannot see it."""
    counts = Counter(c.certainty for c in claims)
    levels = ", ".join(f"{style.label} {counts[level]}" for level, style in CERTAINTY.items())
    return (
        f"Bars count the {len(claims)} claims at each level of certainty, each bar split by the "
        f"kind of source: {levels}."
    )


def certainty_figure(claims: Iterable[Claim]) -> dict:
    claims = tuple(claims)
    counts = Counter((c.certainty, c.source_kind) for c in claims)
    levels = [style.label for style in CERTAINTY.values()]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "y": levels,
            "x": [counts[(certainty, kind)] for certainty in CERTAINTY],
            "name": style.label,
            "marker": {
                "color": style.colour,
                "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#fff"},
                # a dark edge: the lighter fills stand under 3:1 against white on their own
                "line": {"color": OUTLINE, "width": 1},
            },
            "hovertemplate": f"{style.label}: %{{x}} claims stated as %{{y}}<extra></extra>",
        }
        for (kind, style), pattern in zip(SOURCE_KIND.items(), PATTERNS, strict=True)
    ]
    legend_width = 50 + text_width(style.label for style in SOURCE_KIND.values())
    layout = {
        "barmode": "stack",
        "height": 320,
        "margin": fixed_margins(text_width(levels) + 12, legend_width, 40, 50),
        "font": FONT,
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "title": {"text": TITLE, "font": {"size": 14}},
        "meta": {"summary": summary(claims)},
        "legend": {"title": {"text": "Source"}},
        "xaxis": {
            "title": {"text": "number of claims"},
            "rangemode": "tozero",
            "showline": True,
            "linecolor": "#444",
            "gridcolor": "#eee",
        },
        "yaxis": {
            "autorange": "reversed",
            "showline": True,
            "linecolor": "#444",
        },
    }
    return {"data": traces, "layout": layout}
