"""The event timeline: one lane per actor group, dated events on a time axis, undated ones apart.

Uncertainty is drawn, not hidden: a day is a point, a longer span is a translucent bar, an open
end (no earliest or no latest date) is a dotted bar running to the edge of the view, and events
with no date at all stand in their own panel rather than being dropped. Status has a marker
shape as well as a colour. The axes come from the whole package, so filtering never moves them.

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

from ..package.model import Event, Group, Package
from ..package.vocabulary import PRECISION, STATUS
from .chart_layout import FONT, LEGEND_ROW, fixed_margins, legend_rows, text_width
from .memo import by_identity
from .when import day, describe_when

MARGIN = timedelta(days=4)
SLOT_SPACING = 0.18
SLOTS = 4
DATED_WIDTH = 0.8
TOP = 100  # pixels for the caption line, the panel titles and the publication note
LANE = 55  # pixels of plot per lane
TICKS = 45  # pixels under the plot for the two-line date labels
NARROWEST = 600  # chart width (pixels) the legend has room for; the printed one is 660
RIGHT = 10
LEGEND_TITLE = "Status "


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
    """Where one event is drawn: a marker on the time axis ("x") or in the undated panel ("x2"),
    its hover text, and, for a span longer than a day, a bar (start, end, whether one end is
    open)."""

    event: Event
    axis: str
    x: str | int
    y: float
    hover: str
    bar: tuple[str, str, bool] | None


def _mark(package: Package, event: Event, lane: int, place: int, start: date, end: date) -> _Mark:
    hover = hover_text(package, event)
    anchor = _anchor_date(event)
    if anchor is None:
        return _Mark(event, "x2", place, lane, hover, None)
    y = lane + (place % SLOTS - (SLOTS - 1) / 2) * SLOT_SPACING
    bar = None
    if event.precision != "day":
        is_open = event.earliest is None or event.latest is None
        bar = ((event.earliest or start).isoformat(), (event.latest or end).isoformat(), is_open)
    return _Mark(event, "x", anchor.isoformat(), y, hover, bar)


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
    return {
        "type": "scatter",
        "mode": "lines",
        "x": [x for m in marks for x in (m.bar[0], m.bar[1], None)],
        "y": _numbers(y for m in marks for y in (m.y, m.y, None)),
        "line": {"color": style.colour, "width": 9, "dash": "dot" if is_open else "solid"},
        "opacity": 0.45,
        "legendgroup": status,
        "showlegend": False,
        "hoverinfo": "skip",
        "name": f"{style.label} (span)",
    }


def _marker_trace(status: str, axis: str, marks: list[_Mark], in_legend: bool) -> dict:
    """The markers of one status on one axis: each status is one legend entry."""
    style = STATUS[status]
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [m.x for m in marks] if axis == "x" else _numbers(m.x for m in marks),
        "y": _numbers(m.y for m in marks),
        "xaxis": axis,
        "yaxis": "y",
        "marker": {"symbol": style.symbol, "color": style.colour, "size": 13, "line": {"width": 2}},
        "name": style.label,
        "legendgroup": status,
        "showlegend": in_legend,
        "hovertext": [m.hover for m in marks],
        "hoverinfo": "text",
        "customdata": [m.event.id for m in marks],
    }


def _note(x: float, y: float, text: str, **extra) -> dict:
    return {
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
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
    lanes: dict[str, int]
    start: date
    end: date
    bars: tuple[tuple[str, bool, tuple[_Mark, ...]], ...]  # (status, open?, marks), in order
    markers: tuple[tuple[str, str, tuple[_Mark, ...]], ...]  # (status, axis, marks), in order
    widest: int  # the most undated events in one lane
    left: int  # pixels for the lanes' labels
    legend_rows: int  # room for a legend of every status in the package, at the narrowest


@by_identity()
def _plan(package: Package) -> _Plan:
    group_of = {a.id: a.group for a in package.actors}
    leading = {group_of[e.lead_actor] for e in package.events}
    groups = [g for g in sorted(package.groups, key=lambda g: g.order) if g.id in leading]
    lanes = {g.id: i for i, g in enumerate(groups)}
    start, end = view_range(package)
    marks = []
    next_slot: dict[int, int] = {}
    next_undated: dict[int, int] = {}
    for event in sorted(package.events, key=lambda e: (_anchor_date(e) or date.max, e.id)):
        lane = lanes[group_of[event.lead_actor]]
        counter = next_slot if _anchor_date(event) is not None else next_undated
        place = counter.get(lane, 0)
        counter[lane] = place + 1
        marks.append(_mark(package, event, lane, place, start, end))
    bars: dict[tuple[str, bool], list[_Mark]] = {}
    markers: dict[tuple[str, str], list[_Mark]] = {}
    for mark in marks:
        markers.setdefault((mark.event.status, mark.axis), []).append(mark)
        if mark.bar:
            bars.setdefault((mark.event.status, mark.bar[2]), []).append(mark)
    statuses = list(STATUS)  # markers in the vocabulary's order, each status dated first
    marker_order = sorted(markers, key=lambda key: (statuses.index(key[0]), key[1]))
    widest = max(next_undated.values(), default=1)
    left = text_width(g.label for g in groups) + 12
    labels = {STATUS[status].label for status, _ in markers}
    rows = legend_rows(LEGEND_TITLE, labels, NARROWEST - left - RIGHT)
    return _Plan(
        tuple(groups),
        lanes,
        start,
        end,
        tuple((status, is_open, tuple(bars[status, is_open])) for status, is_open in sorted(bars)),
        tuple((status, axis, tuple(markers[status, axis])) for status, axis in marker_order),
        widest,
        left,
        rows,
    )


def timeline_figure(package: Package, events: Iterable[Event]) -> dict:
    """Plotly figure JSON of the package's events, drawing only `events` but keeping every place.

    Lanes (one per group that leads some event) and slots are assigned over the whole package,
    so an event keeps its place when the filter hides others.
    """
    shown = {e.id for e in events}
    plan = _plan(package)
    groups, lanes, start, end, widest = plan.groups, plan.lanes, plan.start, plan.end, plan.widest
    traces = []
    for status, is_open, marks in plan.bars:
        if picked := [m for m in marks if m.event.id in shown]:
            traces.append(_bar_trace(status, is_open, picked))
    in_legend: set[str] = set()  # one entry per status, from its dated markers if it has any
    for status, axis, marks in plan.markers:
        if picked := [m for m in marks if m.event.id in shown]:
            traces.append(_marker_trace(status, axis, picked, status not in in_legend))
            in_legend.add(status)
    published = package.article.published
    plot_height = LANE * len(groups) + 30
    bottom = TICKS + plan.legend_rows * LEGEND_ROW + 10
    layout = {
        "height": TOP + plot_height + bottom,
        "margin": fixed_margins(plan.left, RIGHT, TOP, bottom),
        "font": FONT,
        "title": {
            "text": "Points: a single day. Bars: the span of possible dates. "
            "Dotted bars: one end is open.",
            "font": {"size": 12, "color": "#555"},
            "x": 0,
            "xanchor": "left",
        },
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"align": "left"},
        "legend": {
            "orientation": "h",
            "xref": "container",  # the chart's whole width, not only the plot's, for fewer rows
            "x": 0,
            "y": -TICKS / plot_height,  # just under the date labels, in the space kept for it
            "yanchor": "top",
            "title": {"text": LEGEND_TITLE},
        },
        "xaxis": {
            "type": "date",
            "domain": [0, DATED_WIDTH],
            "range": [start.isoformat(), end.isoformat()],
            "showline": True,
            "linecolor": "#444",
            "ticks": "outside",
        },
        "xaxis2": {
            "domain": [DATED_WIDTH + 0.02, 1],
            "range": [-0.7, widest - 0.3],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "showline": True,
            "linecolor": "#444",
        },
        "yaxis": {
            "tickvals": [lanes[g.id] for g in groups],
            "ticktext": [escape(g.label) for g in groups],
            "range": [len(groups) - 0.5, -0.5],
            "gridcolor": "#eee",
            "showgrid": True,
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
            }
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
                "text": f"article published {escape(day(published))}",
                "font": {"size": 11},
            },
            _note(DATED_WIDTH / 2, 1.13, "<b>Dated events</b>", xanchor="center"),
            _note(DATED_WIDTH + 0.11, 1.13, "<b>No date given</b>", xanchor="center"),
        ],
    }
    return {"data": traces, "layout": layout}
