"""The event timeline: one lane per actor group, dated events on a time axis, undated ones apart.

Uncertainty is drawn, not hidden: a day is a point, a longer span is a bar, an open end (no
earliest or no latest date) is a dotted bar running to the edge of the view, a span that runs
past the edge ends in an arrow and says until when, and events with no date at all stand in
their own panel rather than being dropped. Status has a marker shape as well as a colour. The
axes come from the whole package, so filtering never moves them.

It reads without hovering (on a projector or on paper nobody can hover): each event has its own
row in its lane, with its label, shortened, just above its marker. A row holds one event, so no
two labels can meet whatever the chart's width; each label is shortened to the room it has at
the narrowest width the chart is drawn at, and written on the side of its marker with more room.

On a slide the whole chart would be too small to read, so the figure also says, in
`layout.meta.pages`, how it may be cut into pages of a few whole lanes each (a lane is cut only
when it alone is too tall): the deck draws each page on a slide of its own at a larger size; the
notebook and the handout draw the whole chart and ignore the pages.

The figure is built as plain plotly JSON: plotly's Python objects validate every property, which
costs tens of milliseconds per redraw, and the filter redraws on every click.
"""

from __future__ import annotations

import base64
import math
import sys
import textwrap
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from typing import cast

from ..package.model import Event, Group, Package
from ..package.vocabulary import PRECISION, STATUS
from .chart_layout import CHAR_WIDTH, FONT, LEGEND_ROW, fixed_margins, legend_rows
from .memo import by_identity
from .when import describe_when, in_words

MARGIN = timedelta(days=4)
DATED_WIDTH = 0.64  # of the plot's width; the undated panel has the rest but a gap
GAP = 0.02
UNDATED_START = -0.12  # the undated panel's x range starts here; its markers are at 0
TOP = 110  # pixels for the title, the key line, the panel titles and the publication note
ROW = 30  # pixels of plot per event row: a label (LABEL_SIZE) above a marker (MARKER)
TICKS = 45  # pixels under the plot for the two-line date labels
NARROWEST = 600  # chart width (pixels) the labels and legend have room for; printed is 660
LEFT = RIGHT = 10  # each lane's name is written above it, not beside it: labels get the room
MARKER = 13
LABEL_SIZE = 11
# Figure pixels a page of the chart may take: a 1280x720 slide has about 590 px under its
# heading, so a page is drawn at about 1.6 times its size and its fonts a little larger.
PAGE_HEIGHT = 360
LEGEND_TITLE = "Status"
TITLE = "Timeline of the events in the article"
KEY = "Point: a single day. Bar: the possible dates. Dotted: an end is open."


def _hover_lines(text: str, width: int = 70) -> list[str]:
    return [escape(line) for line in textwrap.wrap(text, width)] or [""]


def hover_text(package: Package, event: Event) -> str:
    """Label, the article's words, the resolved date and how, and the quote that supports it."""
    evidence = package.evidence_for(event)
    words = f"“{event.date_text}”" if event.date_text else "(no time words)"
    lines = [f"<b>{escape(event.label)}</b>"]
    lines += _hover_lines(f"The article's words: {words}")
    lines += _hover_lines(f"Resolved: {describe_when(event)} ({PRECISION[event.precision]})")
    if event.resolution:
        lines += _hover_lines(f"How: {event.resolution}")
    status = STATUS[event.status]
    lines += _hover_lines(f"Status: {status.label} ({status.meaning})")
    if evidence:
        lines += _hover_lines(f"Evidence: “{evidence.quote}”")
    return "<br>".join(lines)


def view_range(package: Package) -> tuple[date, date]:
    """Span of every day-precision date and every interval start, with a margin.

    Long intervals (a whole "next year") run off the right edge instead of squashing the weeks
    around the publication date; the reader can zoom out.
    """
    known = [package.article.published]
    for e in package.events:
        if e.earliest:
            known.append(e.earliest)
        if e.latest and (e.precision == "day" or e.earliest is None):
            known.append(e.latest)
    return min(known) - MARGIN, max(known) + MARGIN


def _anchor_date(event: Event) -> date | None:
    """Where the status marker sits: the day, the known end of an open span, or its start."""
    return event.earliest or event.latest


@dataclass(frozen=True)
class _Mark:
    """Where one event is drawn: a marker on the time axis ("x") or in the undated panel ("x2")
    in its own row `y`, its hover text, its visible label and on which side of the marker, and,
    for a span longer than a day, a bar (start, end, whether one end is open) and whether the
    bar runs past the right edge of the view."""

    event: Event
    axis: str
    x: str | int
    y: int
    hover: str
    label: str
    side: str
    bar: tuple[str, str, bool] | None
    past_edge: bool


def shorten(text: str, room: int) -> str:
    """`text` in at most `room` characters, cut at a word with an ellipsis if it is longer."""
    if len(text) <= room:
        return text
    room = max(room, 1)  # no room at all: the ellipsis alone
    cut = text[: room - 1].rsplit(" ", 1)[0] if " " in text[: room - 1] else text[: room - 1]
    return cut.rstrip(" ,;:-") + "…"


def continuation(event: Event) -> str:
    """What a label adds when the event's span runs past the right edge of the view: until when
    (an open end says so by its dotted bar and arrow, and the key explains dotted bars)."""
    return f" → through {event.latest.year}" if event.latest else " →"


def _mark(package: Package, event: Event, y: int, start: date, end: date) -> _Mark:
    hover = hover_text(package, event)
    anchor = _anchor_date(event)
    dated, undated = panel_widths()
    per_char = LABEL_SIZE * CHAR_WIDTH
    if anchor is None:  # its marker at 0, on the left of the undated panel
        room = undated / (1 - UNDATED_START) - MARKER
        label = escape(shorten(event.label, int(room // per_char)))
        return _Mark(event, "x2", 0, y, hover, label, "top right", None, False)
    bar, past_edge = None, False
    if event.precision != "day":
        is_open = event.earliest is None or event.latest is None
        bar = ((event.earliest or start).isoformat(), (event.latest or end).isoformat(), is_open)
        past_edge = event.latest is None or event.latest > end
    suffix = continuation(event) if past_edge else ""
    place = (anchor - start) / (end - start)  # 0 to 1 across the dated panel
    side = "top right" if place < 0.5 else "top left"  # the side with more room
    room = (1 - place if place < 0.5 else place) * dated - MARKER
    label = escape(shorten(event.label, int(room // per_char) - len(suffix)) + suffix)
    return _Mark(event, "x", anchor.isoformat(), y, hover, label, side, bar, past_edge)


def panel_widths() -> tuple[float, float]:
    """Pixels across the dated and the undated panel at the narrowest chart width."""
    plot = NARROWEST - LEFT - RIGHT
    return plot * DATED_WIDTH, plot * (1 - DATED_WIDTH - GAP)


def _numbers(values: Iterable[float | None]) -> dict[str, str]:
    """Numbers as plotly's base64 typed array (as plotly.py sends numpy arrays); None is a gap.

    ipywidgets walks every element of a list in a view it sends, looking for binary data: with
    thousands of events that walk cost more than building the chart. A string it does not walk.
    """
    doubles = array("d", (math.nan if v is None else v for v in values))
    if sys.byteorder == "big":
        doubles.byteswap()  # "f8" is little-endian
    return {"dtype": "f8", "bdata": base64.b64encode(doubles.tobytes()).decode("ascii")}


def _bar_trace(status: str, is_open: bool, marks: list[_Mark]) -> dict:
    """The bars of one status, open-ended or not, as one line broken between bars."""
    style = STATUS[status]
    bars = [(m.bar, m.y) for m in marks if m.bar is not None]  # a bar trace has bars only
    return {
        "type": "scatter",
        "mode": "lines",
        "x": [x for bar, _ in bars for x in (bar[0], bar[1], None)],
        "y": _numbers(y for _, row in bars for y in (row, row, None)),
        # full colour: every status colour is at least 3:1 against white, a faded one was not
        "line": {"color": style.colour, "width": 6, "dash": "dot" if is_open else "solid"},
        "legendgroup": status,
        "showlegend": False,
        "hoverinfo": "skip",
        "name": f"{style.label} (span)",
    }


def _arrow_trace(status: str, marks: list[_Mark], end: date) -> dict:
    """Arrowheads at the right edge of the view, on the bars that run past it."""
    style = STATUS[status]
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [end.isoformat()] * len(marks),
        "y": _numbers(m.y for m in marks),
        "marker": {"symbol": "triangle-right", "color": style.colour, "size": 12},
        "cliponaxis": False,
        "legendgroup": status,
        "showlegend": False,
        "hoverinfo": "skip",
        "name": f"{style.label} (continues)",
    }


def _marker_trace(status: str, axis: str, marks: list[_Mark], in_legend: bool) -> dict:
    """The markers of one status on one axis, each with its label: one legend entry a status."""
    style = STATUS[status]
    filled = not style.symbol.endswith("-open")
    return {
        "type": "scatter",
        "mode": "markers+text",
        "x": [m.x for m in marks] if axis == "x" else _numbers(cast(int, m.x) for m in marks),
        "y": _numbers(m.y for m in marks),
        "xaxis": axis,
        "yaxis": "y",
        "marker": {
            "symbol": style.symbol,
            "color": style.colour,
            "size": MARKER,
            # a filled marker keeps a white ring where it sits on its own bar
            "line": {"width": 2, "color": "#fff" if filled else style.colour},
        },
        "text": [m.label for m in marks],
        "textposition": [m.side for m in marks],
        "textfont": {"size": LABEL_SIZE, "color": "#222"},
        "name": style.label,
        "legendgroup": status,
        "showlegend": in_legend,
        "hovertext": [m.hover for m in marks],
        "hoverinfo": "text",
        "customdata": [m.event.id for m in marks],
    }


def _note(x: float, text: str, shift: int, **extra) -> dict:
    """Text `shift` pixels above the top of the plot, at `x` across the chart (0 to 1)."""
    return {
        "x": x,
        "y": 1,
        "xref": "paper",
        "yref": "paper",
        "yanchor": "bottom",
        "yshift": shift,
        "showarrow": False,
        "text": text,
        **extra,
    }


@dataclass(frozen=True)
class _Plan:
    """Where each of a package's events goes, worked out over the whole package.

    It is the same whichever events the filter shows, so it is worked out once per package, marks
    already grouped into the traces they belong to: a click only picks the shown marks.
    """

    groups: tuple[Group, ...]
    lanes: tuple[int, ...]  # each group's first row, which holds its name
    rows: int  # rows in all
    start: date
    end: date
    bars: tuple[tuple[str, bool, tuple[_Mark, ...]], ...]  # (status, open?, marks), in order
    arrows: tuple[tuple[str, tuple[_Mark, ...]], ...]  # (status, marks past the edge)
    markers: tuple[tuple[str, str, tuple[_Mark, ...]], ...]  # (status, axis, marks), in order
    legend_rows: int  # room for a legend of every status in the package, at the narrowest


@by_identity()
def _plan(package: Package) -> _Plan:
    group_of = {a.id: a.group for a in package.actors}
    leading = {group_of[e.lead_actor] for e in package.events}
    groups = [g for g in sorted(package.groups, key=lambda g: g.order) if g.id in leading]
    start, end = view_range(package)
    by_lane: dict[str, tuple[list[Event], list[Event]]] = {g.id: ([], []) for g in groups}
    for event in sorted(package.events, key=lambda e: (_anchor_date(e) or date.max, e.id)):
        dated, undated = by_lane[group_of[event.lead_actor]]
        (undated if _anchor_date(event) is None else dated).append(event)
    marks, lanes, first = [], [], 0
    for group in groups:  # its name, then dated events one row each in date order; undated too
        dated, undated = by_lane[group.id]
        for row, event in [*enumerate(dated, 1), *enumerate(undated, 1)]:
            marks.append(_mark(package, event, first + row, start, end))
        lanes.append(first)
        first += 1 + max(len(dated), len(undated))
    bars: dict[tuple[str, bool], list[_Mark]] = {}
    arrows: dict[str, list[_Mark]] = {}
    markers: dict[tuple[str, str], list[_Mark]] = {}
    for mark in marks:
        markers.setdefault((mark.event.status, mark.axis), []).append(mark)
        if mark.bar:
            bars.setdefault((mark.event.status, mark.bar[2]), []).append(mark)
        if mark.past_edge:
            arrows.setdefault(mark.event.status, []).append(mark)
    statuses = list(STATUS)  # markers in the vocabulary's order, each status dated first
    marker_order = sorted(markers, key=lambda key: (statuses.index(key[0]), key[1]))
    labels = {STATUS[status].label for status, _ in markers}
    # the title has a row of its own: plotly wraps a row of entries without counting a title
    # beside them, so a legend as wide as the chart ran past its edge
    rows = 1 + legend_rows("", labels, NARROWEST - RIGHT)
    return _Plan(
        tuple(groups),
        tuple(lanes),
        first,
        start,
        end,
        tuple((status, is_open, tuple(bars[status, is_open])) for status, is_open in sorted(bars)),
        tuple((status, tuple(arrows[status])) for status in sorted(arrows)),
        tuple((status, axis, tuple(markers[status, axis])) for status, axis in marker_order),
        rows,
    )


@dataclass(frozen=True)
class _Page:
    """Rows `first` to `last` of the chart; `top` is the first row shown, one above `first` when
    the page continues a lane cut in two (that row then holds the lane's name again)."""

    top: int
    first: int
    last: int
    legend: bool


def _legend_height(plan: _Plan) -> int:
    return plan.legend_rows * LEGEND_ROW


def page_rows(plan: _Plan) -> int:
    """Rows a page holds, besides a legend: what PAGE_HEIGHT leaves under the title and notes."""
    return max(2, (PAGE_HEIGHT - TOP - TICKS - 10) // ROW)


def pages(plan: _Plan) -> list[_Page]:
    """The chart cut into pages of whole lanes, in order; a lane taller than a page is cut, and
    each later part shows the lane's name again. The legend goes on the last page, which holds
    fewer rows to leave it room: the last lane is cut when it does not fit beside the legend."""
    budget = page_rows(plan)
    legend = math.ceil(_legend_height(plan) / ROW)
    ends = [*plan.lanes[1:], plan.rows]
    cut: list[tuple[int, int, int]] = []  # (top, first, last) of each page
    used = 0
    for n, (lane, end) in enumerate(zip(plan.lanes, ends, strict=True)):
        room = budget - legend if n == len(ends) - 1 else budget
        if cut and used + end - lane <= room:
            top, first, _ = cut[-1]
            cut[-1] = (top, first, end - 1)
            used += end - lane
            continue
        top = first = lane
        while True:
            last = min(end, top + budget) - 1
            if last == end - 1 and last - top + 1 > max(room, 2):
                last = min(top + budget, end - 1) - 1  # the rest, with the legend, on another
            cut.append((top, first, last))
            if last == end - 1:
                break
            top, first = last, last + 1  # the row above holds the lane's name again
        used = last - top + 1
    return [_Page(top, first, last, n == len(cut) - 1) for n, (top, first, last) in enumerate(cut)]


def _page_layout(package: Package, plan: _Plan, page: _Page) -> dict:
    """What of the layout depends on the rows shown: height, margins, y range, lines and notes."""
    published = package.article.published
    plot_height = ROW * (page.last - page.top + 1)
    bottom = TICKS + (plan.legend_rows * LEGEND_ROW if page.legend else 0) + 10
    shown = range(page.top, page.last + 1)
    separators = [
        {
            "type": "line",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": first - 0.5,
            "y1": first - 0.5,
            "line": {"color": "#bbb", "width": 1},
        }
        for first in plan.lanes[1:]
        if first in shown and first != page.top
    ]
    lane_of = max(i for i, first in enumerate(plan.lanes) if first <= page.top)
    lane_names = [
        {
            "x": 0,
            "y": page.top if first < page.top else first,
            "xref": "paper",
            "yref": "y",
            "xanchor": "left",
            "yshift": 4,  # clear of the label of the lane's first event, below it
            "showarrow": False,
            "text": f"<b>{escape(group.label)}</b>" + (" (continued)" if first < page.top else ""),
            "font": {"color": "#444"},
        }
        for n, (group, first) in enumerate(zip(plan.groups, plan.lanes, strict=True))
        if first in shown or n == lane_of
    ]
    title = TITLE if page.top == 0 else f"{TITLE} (continued)"
    return {
        "height": TOP + plot_height + bottom,
        "margin": fixed_margins(LEFT, RIGHT, TOP, bottom),
        "title": {
            "text": title,
            "font": {"size": 14},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 8, "l": 8},
        },
        "showlegend": page.legend,
        "legend": {
            "orientation": "h",
            "xref": "container",  # the chart's whole width, not only the plot's, for fewer rows
            "x": 0,
            "y": -TICKS / plot_height,  # just under the date labels, in the space kept for it
            "yanchor": "top",
            "title": {"text": LEGEND_TITLE, "side": "top"},
        },
        "yaxis": {
            "showticklabels": False,
            "range": [page.last + 0.5, page.top - 0.5],
            "showgrid": False,
            "zeroline": False,
            "showline": True,
            "linecolor": "#444",
        },
        "shapes": [
            {
                "type": "line",
                "x0": published.isoformat(),
                "x1": published.isoformat(),
                "y0": 0,
                "y1": 1,
                "xref": "x",
                "yref": "paper",
                "line": {"color": "#000", "width": 1, "dash": "dash"},
            },
            *separators,
        ],
        "annotations": [
            {
                "x": published.isoformat(),
                "y": 1,
                "xref": "x",
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
                "text": f"article published {escape(in_words(published))}",
                "font": {"size": 11},
            },
            _note(0, KEY, 42, xanchor="left", font={"size": 12, "color": "#555"}),
            _note(DATED_WIDTH / 2, "<b>Dated events</b>", 20, xanchor="center"),
            _note(DATED_WIDTH + GAP, "<b>No date given</b>", 20, xanchor="left"),
            *lane_names,
        ],
    }


def _page_meta(package: Package, plan: _Plan, page: _Page) -> dict:
    """One page as the deck reads it: the rows whose marks it keeps, its layout, and the width
    its labels have room at (it may be drawn wider, not narrower)."""
    return {
        "rows": [page.first, page.last],
        "layout": _page_layout(package, plan, page),
        "width": NARROWEST,
    }


def summary(package: Package, events: Iterable[Event]) -> str:
    """One sentence saying what the chart shows, for a reader who cannot see it."""
    events = tuple(events)
    dated = sum(1 for e in events if _anchor_date(e) is not None)
    shown = f"{len(events)} of the {len(package.events)}"
    if len(events) == len(package.events):
        shown = f"All {len(events)}"
    return (
        f"{shown} events of the article, one lane per side: {dated} on a time axis "
        f"(points for a single day, bars for a span of possible dates) and "
        f"{len(events) - dated} with no date given, in a panel of their own; a dashed line "
        f"marks the day the article was published, {in_words(package.article.published)}."
    )


def timeline_figure(package: Package, events: Iterable[Event]) -> dict:
    """Plotly figure JSON of the package's events, drawing only `events` but keeping every place.

    Lanes (one per group that leads some event) and rows are assigned over the whole package,
    so an event keeps its place when the filter hides others.
    """
    events = tuple(events)
    shown = {e.id for e in events}
    plan = _plan(package)
    start, end = plan.start, plan.end
    traces = []
    for status, is_open, marks in plan.bars:
        if picked := [m for m in marks if m.event.id in shown]:
            traces.append(_bar_trace(status, is_open, picked))
    for status, marks in plan.arrows:
        if picked := [m for m in marks if m.event.id in shown]:
            traces.append(_arrow_trace(status, picked, end))
    in_legend: set[str] = set()  # one entry per status, from its dated markers if it has any
    for status, axis, marks in plan.markers:
        if picked := [m for m in marks if m.event.id in shown]:
            traces.append(_marker_trace(status, axis, picked, status not in in_legend))
            in_legend.add(status)
    layout = {
        **_page_layout(package, plan, _Page(0, 0, plan.rows - 1, True)),
        "font": FONT,
        "meta": {
            "summary": summary(package, events),
            "pages": [_page_meta(package, plan, page) for page in pages(plan)],
        },
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"align": "left"},
        "xaxis": {
            "type": "date",
            "domain": [0, DATED_WIDTH],
            "range": [start.isoformat(), end.isoformat()],
            "showline": True,
            "linecolor": "#444",
            "ticks": "outside",
        },
        "xaxis2": {
            "domain": [DATED_WIDTH + GAP, 1],
            "range": [UNDATED_START, 1],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "showline": True,
            "linecolor": "#444",
        },
    }
    return {"data": traces, "layout": layout}
