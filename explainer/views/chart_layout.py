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


# Advance widths of Arial's characters, in thousandths of the font size: those of Helvetica in
# Adobe's published metrics (Arial was drawn to match them, and Liberation Sans, which Debian's
# chromium draws for Arial, matches Arial). Written out here because no font file can be relied
# on where the kernel runs; a character not listed counts as a whole em, so a label is never
# thought narrower than it is.
# fmt: off
_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    *[556] * 10, 278, 278, 584, 584, 584, 556, 1015,
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
    778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333,
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
    556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    222, 222, 333, 333, 556, 1000, 556, 556, 556, 556, 556, 556, 556, 556, 500, 278,
)
# fmt: on
_CHARACTERS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~‘’“”–…éèáàüöäñçí"
)
_ARIAL = dict(zip(_CHARACTERS, _WIDTHS, strict=True))


def drawn_width(text: str, size: float) -> float:
    """Pixels `text` takes in Arial at `size` px, from the font's own metrics: a label cut to
    its room this way is cut only when it would not fit (an average letter width would cut
    labels of narrow letters that fit, and let labels of wide ones overflow)."""
    return sum(_ARIAL.get(c, 1000) for c in text) * size / 1000


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
