"""What the charts share: their font, and margins fixed from the labels they hold.

Plotly can size margins itself (an axis's `automargin`, a legend outside the plot pushing the
margins), but then it draws each chart twice: once to measure, once to fit. JupyterLab's plotly
renderer draws every chart it shows three times (the chart, a redraw on attach, a PNG copy), on
every filter click, so that doubling was most of a click's cost in the page. Margins worked out
here from the labels' lengths cost one drawing; the browser tests check no label is cut off.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

FONT_SIZE = 13
FONT = {"family": "Arial, sans-serif", "size": FONT_SIZE, "color": "#222"}
CHAR_WIDTH = 0.55  # of the font size: Arial's letters average under 0.5, so labels always fit
LEGEND_ROW = 30  # pixels per row of a horizontal legend, as plotly spaces them at FONT's size
LEGEND_SYMBOL = 45  # pixels of a legend entry before its text: the symbol and the gaps


def text_width(texts: Iterable[str], size: float = FONT_SIZE) -> int:
    """Pixels the longest of `texts` needs, rounded up, at least 0."""
    return math.ceil(max((len(t) for t in texts), default=0) * size * CHAR_WIDTH)


def fixed_margins(left: int, right: int, top: int, bottom: int) -> dict[str, object]:
    """Plotly margins that no legend, title or axis may grow: the chart is drawn once."""
    return {"l": left, "r": right, "t": top, "b": bottom, "autoexpand": False}


def legend_rows(title: str, names: Iterable[str], plot_width: int) -> int:
    """Rows a horizontal legend needs, at most, under a plot `plot_width` pixels wide.

    Plotly wraps the entries in rows as wide as the plot, after the title; counting each entry as
    wide as the widest gives an upper bound.
    """
    names = list(names)
    if not names:
        return 0
    entry = LEGEND_SYMBOL + text_width(names)
    columns = max(1, (plot_width - text_width([title])) // entry)
    return math.ceil(len(names) / columns)
