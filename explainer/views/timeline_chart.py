"""The event timeline: one lane per actor group, dated events on a time axis, undated ones apart.

Uncertainty is drawn, not hidden: a day is a point, a longer span is a bar, an open end (no
earliest or no latest date) is a dotted bar running to the edge of the view, a span that runs
past the edge ends in an arrow and says until when, and events with no date at all stand in
their own panel rather than being dropped. Status has a marker shape as well as a colour.

The time axis is the week of the story, not the whole century: it holds the dates that a chain
of steps of at most a month links to the publication date. A date further off (the 1990s, in a
story of this week) would squash the week's events against the publication line; its event is
drawn at the edge its date lies beyond, its label saying the year ("← 1990: ..."), as a long
span runs off the right edge. The x axis comes from the whole package, so filtering never moves
it; the rows do follow the filter: a filtered timeline shows only the lanes that hold a shown
event, one row per event, and its height follows them (one actor's one event is a short chart,
not a tall empty one).

It reads without hovering (on a projector or on paper nobody can hover): each event has its own
row in its lane, with its label just above its marker. A row holds one event, so no two labels
can meet whatever the chart's width; each label is laid out in the room it has at `NARROWEST`,
on the side of its marker with more room, in up to `LINES` lines (taking the rows above too)
where one is not enough, and shortened only past them: so a label is whole in JupyterLab
wherever two lines hold it there. The "No date given" panel is as wide as its labels need,
within a cap, and absent when no shown event lacks a date. At most `MAX_EVENTS` events are
drawn, the first of those given, as the events table (the chart's text equivalent) shows the
same first rows: a chart of thousands of rows is unreadable, and a click would send megabytes.

On a slide the whole chart would be too small to read, so the figure also says, in
`layout.meta.pages`, how it may be cut into pages of a few whole lanes each (a lane is cut only
when it alone is too tall): the deck draws each page on a slide of its own at a larger size; the
notebook and the handout draw the whole chart and ignore the pages.

The figure is built as plain plotly JSON: plotly's Python objects validate every property, which
costs tens of milliseconds per redraw, and the filter redraws on every click.
"""

from __future__ import annotations

import base64
import itertools
import math
import sys
import textwrap
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from html import escape
from typing import cast

from ..package.model import Event, Group, Package
from ..package.vocabulary import PRECISION, STATUS
from .chart_layout import FONT, FONT_SIZE, LEGEND_ROW, drawn_width, fixed_margins, legend_rows
from .memo import by_identity
from .tables import MAX_ROWS
from .when import describe_when, in_words

MARGIN = timedelta(days=4)
NEAR = timedelta(days=31)  # the longest step between two dates the time axis keeps together
GAP = 0.02  # of the plot's width, between the dated and the undated panel
UNDATED_MOST = 0.3  # of the plot's width: the undated panel's widest, its labels shortened
UNDATED_START = -0.12  # the undated panel's x range starts here; its markers are at 0
TOP = 110  # pixels for the title, the key line, the panel titles and the publication note
ROW = 32  # pixels of plot per event row: a label (LABEL_SIZE) above a marker (MARKER)
TICKS = 45  # pixels under the plot for the two-line date labels
# The narrowest the chart is drawn: in a page reflowed to 640 CSS px (WCAG 1.4.10), as the
# browser tests open the app, about 600 px on its own and 586 px inside the explorer's box (the
# handout prints at 660; JupyterLab draws it 848 px wide in a 1280x720 window with its file
# browser open). Labels are laid out in the room they have there, so they fit at any wider
# width. The deck draws pages at least this wide.
NARROWEST = 580
LEFT = RIGHT = 10  # each lane's name is written above it, not beside it: labels get the room
MARKER = 13
LABEL_SIZE = 12
# Lines a label may take at the narrowest width: what two lines hold at JupyterLab's width
# (848 px, 1.46 times as wide) three hold at 580, so a label is whole in JupyterLab where it fits.
LINES = 3
MAX_EVENTS = MAX_ROWS  # events drawn at most: the events table's rows, the same first ones
# Figure pixels a page of the chart may take: a 1280x720 slide has about 590 px under its
# heading, so a page is drawn at about 1.6 times its size and its fonts a little larger.
PAGE_HEIGHT = 360
LEGEND_TITLE = "Status"
TITLE = "Timeline of the events in the article"
KEY = "Point: a single day. Bar: the possible dates. Dotted: an end is open."
UNDATED_TITLE = "No date given"


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
    """The days the time axis shows, with a margin: the publication date and every date that a
    chain of steps of at most `NEAR` links to it.

    Dates are those of a single day and the starts of intervals (and the end of one with no
    start). A long interval (a whole "next year") runs off the right edge, and a date far from
    the story (the 1990s) lies beyond the left or right edge, instead of squashing the weeks
    around the publication date; the reader can zoom out.
    """
    published = package.article.published
    known = {published}
    for e in package.events:
        if e.earliest:
            known.add(e.earliest)
        if e.latest and (e.precision == "day" or e.earliest is None):
            known.add(e.latest)
    ordered = sorted(known)
    low = high = ordered.index(published)
    while low > 0 and ordered[low] - ordered[low - 1] <= NEAR:
        low -= 1
    while high < len(ordered) - 1 and ordered[high + 1] - ordered[high] <= NEAR:
        high += 1
    return ordered[low] - MARGIN, ordered[high] + MARGIN


def _anchor_date(event: Event) -> date | None:
    """Where the status marker sits: the day, the known end of an open span, or its start."""
    return event.earliest or event.latest


@dataclass(frozen=True)
class _Placed:
    """What of an event's drawing the filter never changes, worked out once per package: its
    lane, its hover text, where its marker goes on the time axis (None: the undated panel),
    its bar (start, end, whether an end is open), and the edges its dates run beyond ("<" the
    left, ">" the right, "" none)."""

    event: Event
    lane: str
    hover: str
    x: date | None
    bar: tuple[str, str, bool] | None
    beyond: str


@dataclass(frozen=True)
class _Mark:
    """Where one shown event is drawn: a marker on the time axis ("x") or in the undated panel
    ("x2") in its own row `y`, its visible label (lines joined by <br>) and on which side of
    the marker."""

    placed: _Placed
    axis: str
    x: str | int
    y: int
    label: str
    side: str
    lines: int  # of its label: a label of several lines takes the rows above its marker too

    @property
    def event(self) -> Event:
        return self.placed.event


def shorten(text: str, room: float, size: float = LABEL_SIZE) -> str:
    """`text` as drawn in at most `room` pixels at `size`, cut at a word with an ellipsis if it
    is wider."""
    if drawn_width(text, size) <= room:
        return text
    room -= drawn_width("…", size)
    fits = 0
    while fits < len(text) and drawn_width(text[: fits + 1], size) <= room:
        fits += 1
    kept = text[:fits]
    if " " in kept and not text[fits:].startswith(" "):
        kept = kept.rsplit(" ", 1)[0]  # a word cut in two: keep only whole words
    return kept.rstrip(" ,;:-") + "…"


def _first_line(text: str, room: float) -> tuple[str, str]:
    """The words of `text` that fit in `room` pixels, and the rest (a word too long for the
    room alone is cut by letters)."""
    if drawn_width(text, LABEL_SIZE) <= room:
        return text, ""
    words = text.split(" ")
    for n in range(len(words) - 1, 0, -1):
        line = " ".join(words[:n])
        if drawn_width(line, LABEL_SIZE) <= room:
            return line, " ".join(words[n:])
    cut = shorten(text, room)[:-1] or text[:1]
    return cut, text[len(cut) :]


def label_lines(before: str, words: str, after: str, room: float) -> list[str]:
    """A label in at most `LINES` lines of at most `room` pixels: whole where they hold it,
    else its words shortened at the end of the last (what comes before and after them, an
    edge's year or arrow, is kept)."""
    lines: list[str] = []
    rest = before + words + after
    while rest and len(lines) < LINES - 1:
        line, rest = _first_line(rest, room)
        lines.append(line)
    if rest and drawn_width(rest, LABEL_SIZE) > room:
        tail = after if after and rest.endswith(after) else ""
        rest = shorten(rest[: len(rest) - len(tail)], room - drawn_width(tail, LABEL_SIZE)) + tail
    return lines + [rest] if rest else lines


def continuation(event: Event, end: date) -> str:
    """What a label adds when the event's span runs past the right edge of the view, at `end`:
    until when (the day, when it is within two months of the edge; else the year). An open end
    says so by its dotted bar and arrow, and the key explains dotted bars."""
    if event.latest is None:
        return " →"
    if event.latest - end <= timedelta(days=62):
        return f" → through {event.latest:%B} {event.latest.day}"
    return f" → through {event.latest.year}"


def _placed(package: Package, event: Event, lane: str, start: date, end: date) -> _Placed:
    anchor = _anchor_date(event)
    if anchor is None:
        return _Placed(event, lane, hover_text(package, event), None, None, "")
    bar = None
    if event.precision != "day":
        is_open = event.earliest is None or event.latest is None
        bar = ((event.earliest or start).isoformat(), (event.latest or end).isoformat(), is_open)
    last = event.latest if event.precision != "day" else anchor
    beyond = "<" if anchor < start else ">" if anchor > end else ""
    if not beyond and bar and (last is None or last > end):
        beyond = ">"
    x = min(max(anchor, start), end)  # at the edge when its date lies beyond it
    return _Placed(event, lane, hover_text(package, event), x, bar, beyond)


def _edge_words(placed: _Placed, start: date, end: date) -> tuple[str, str]:
    """What a label says before and after its words when the event's date lies beyond an
    edge: the year it lies in, on the side of its arrow ("from" when its bar reaches into the
    view); or until when its span runs past the right edge."""
    event, anchor = placed.event, _anchor_date(placed.event)
    if not placed.beyond or anchor is None:  # in the view (an undated event is never beyond)
        return "", ""
    if placed.beyond == "<":
        reaches = placed.bar and (event.latest is None or event.latest >= start)
        return f"← {'from ' if reaches else ''}{anchor.year}: ", ""
    if _runs_past(placed):
        return "", continuation(event, end)
    return "", f" → {anchor.year}"


def _runs_past(placed: _Placed) -> bool:
    """Whether the event's bar starts in the view and runs past its right edge."""
    return placed.beyond == ">" and placed.x == _anchor_date(placed.event)


def _mark(placed: _Placed, start: date, end: date, panels: tuple[float, float]) -> _Mark:
    """The event's mark, its label in the room it has at `NARROWEST` (row 0: placed later)."""
    dated, undated = panels
    words = placed.event.label
    if placed.x is None:  # its marker at 0, on the left of the undated panel
        lines = label_lines("", words, "", undated * _AFTER_MARKER - MARKER)
        return _Mark(placed, "x2", 0, 0, "<br>".join(map(escape, lines)), "top right", len(lines))
    before, after = _edge_words(placed, start, end)
    where = (placed.x - start) / (end - start)  # 0 to 1 across the dated panel
    side = "top right" if where < 0.5 else "top left"  # the side with more room
    room = (1 - where if where < 0.5 else where) * dated - MARKER
    lines = label_lines(before, words, after, room)
    label = "<br>".join(map(escape, lines))
    return _Mark(placed, "x", placed.x.isoformat(), 0, label, side, len(lines))


def _plot_width() -> int:
    return NARROWEST - LEFT - RIGHT


def undated_share(labels: Iterable[str]) -> float:
    """The undated panel's share of the plot's width: what its title and its longest label
    need (beside the marker), at most `UNDATED_MOST`; 0 with no label, when it is left out."""
    labels = list(labels)
    if not labels:
        return 0.0
    title = drawn_width(UNDATED_TITLE, FONT_SIZE) * 1.1  # bold, from the panel's edge
    label = (max(drawn_width(t, LABEL_SIZE) for t in labels) + MARKER) / _AFTER_MARKER
    return min(UNDATED_MOST, (max(title, label) + 4) / _plot_width())


# the undated panel's share to the right of its markers, which sit at 0 in a range from
# UNDATED_START to 1
_AFTER_MARKER = 1 / (1 - UNDATED_START)


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
    bars = [(m.placed.bar, m.y) for m in marks if m.placed.bar is not None]  # bars only
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
        "cliponaxis": False,  # a marker at the view's edge (its date beyond) is drawn whole
        "text": [m.label for m in marks],
        "textposition": [m.side for m in marks],
        "textfont": {"size": LABEL_SIZE, "color": "#222"},
        "name": style.label,
        "legendgroup": status,
        "showlegend": in_legend,
        "hovertext": [m.placed.hover for m in marks],
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
class _Prepared:
    """What of a package's timeline the filter never changes, worked out once per package:
    the lanes in order, the view's days, and each event placed, in lane and date order."""

    groups: tuple[Group, ...]
    start: date
    end: date
    placed: tuple[_Placed, ...]
    position: dict[str, int]  # event id -> its place in `placed`: a click costs what it draws


@by_identity()
def _prepared(package: Package) -> _Prepared:
    group_of = {a.id: a.group for a in package.actors}
    leading = {group_of[e.lead_actor] for e in package.events}
    groups = tuple(g for g in sorted(package.groups, key=lambda g: g.order) if g.id in leading)
    start, end = view_range(package)
    lane = {g.id: n for n, g in enumerate(groups)}
    ordered = sorted(
        package.events,
        key=lambda e: (lane[group_of[e.lead_actor]], _anchor_date(e) or date.max, e.id),
    )
    placed = tuple(_placed(package, e, group_of[e.lead_actor], start, end) for e in ordered)
    return _Prepared(groups, start, end, placed, {p.event.id: n for n, p in enumerate(placed)})


@dataclass(frozen=True)
class _Plan:
    """Where each shown event goes: the lanes that hold one, their rows, and the marks
    already grouped into the traces they belong to."""

    groups: tuple[Group, ...]
    lanes: tuple[int, ...]  # each shown group's first row, which holds its name
    rows: int  # rows in all
    start: date
    end: date
    dated: float  # the dated panel's share of the plot's width
    undated: float  # the undated panel's share; 0 when it is left out
    bars: tuple[tuple[str, bool, tuple[_Mark, ...]], ...]  # (status, open?, marks), in order
    arrows: tuple[tuple[str, tuple[_Mark, ...]], ...]  # (status, marks past the edge)
    markers: tuple[tuple[str, str, tuple[_Mark, ...]], ...]  # (status, axis, marks), in order
    legend_rows: int  # room for a legend of every status shown


def _plan(package: Package, events: tuple[Event, ...]) -> _Plan:
    prepared = _prepared(package)
    by_lane: dict[str, tuple[list[_Placed], list[_Placed]]] = {}
    for n in sorted({prepared.position[e.id] for e in events}):
        placed = prepared.placed[n]
        on_axis, apart = by_lane.setdefault(placed.lane, ([], []))
        (apart if placed.x is None else on_axis).append(placed)
    groups = tuple(g for g in prepared.groups if g.id in by_lane)
    undated = undated_share(p.event.label for _, them in by_lane.values() for p in them)
    dated = 1 - undated - GAP if undated else 1.0
    panels = (_plot_width() * dated, _plot_width() * undated)
    marks, lanes, first = [], [], 0
    for group in groups:  # its name, then dated events one row each in date order; undated too
        lanes.append(first)
        row = first
        for pair in itertools.zip_longest(*by_lane[group.id]):
            drawn = [_mark(p, prepared.start, prepared.end, panels) for p in pair if p]
            row += max(m.lines for m in drawn)  # a longer label takes the rows above too
            marks += [replace(m, y=row) for m in drawn]
        first = row + 1
    first = max(first, 1)  # nothing shown: one empty row, not a chart of no height
    bars: dict[tuple[str, bool], list[_Mark]] = {}
    arrows: dict[str, list[_Mark]] = {}
    markers: dict[tuple[str, str], list[_Mark]] = {}
    for mark in marks:
        markers.setdefault((mark.event.status, mark.axis), []).append(mark)
        if mark.placed.bar:
            bars.setdefault((mark.event.status, mark.placed.bar[2]), []).append(mark)
        if _runs_past(mark.placed):
            arrows.setdefault(mark.event.status, []).append(mark)
    statuses = list(STATUS)  # markers in the vocabulary's order, each status dated first
    marker_order = sorted(markers, key=lambda key: (statuses.index(key[0]), key[1]))
    labels = {STATUS[status].label for status, _ in markers}
    # the title has a row of its own: plotly wraps a row of entries without counting a title
    # beside them, so a legend as wide as the chart ran past its edge
    rows = 1 + legend_rows("", labels, NARROWEST - RIGHT)
    return _Plan(
        groups,
        tuple(lanes),
        first,
        prepared.start,
        prepared.end,
        dated,
        undated,
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
    if not plan.lanes:
        return []
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
    lane_of = max((i for i, first in enumerate(plan.lanes) if first <= page.top), default=-1)
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
    undated_title = [_note(plan.dated + GAP, f"<b>{UNDATED_TITLE}</b>", 20, xanchor="left")]
    if not plan.undated:
        undated_title = []
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
                "font": {"size": LABEL_SIZE},
            },
            _note(0, KEY, 42, xanchor="left", font={"size": 12, "color": "#555"}),
            _note(plan.dated / 2, "<b>Dated events</b>", 20, xanchor="center"),
            *undated_title,
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


def summary(package: Package, events: tuple[Event, ...], drawn: tuple[Event, ...]) -> str:
    """One sentence saying what the chart shows, for a reader who cannot see it: `drawn` of
    the `events` chosen."""
    dated = sum(1 for e in drawn if _anchor_date(e) is not None)
    start, end = view_range(package)
    beyond = sum(1 for e in drawn if (d := _anchor_date(e)) and not start <= d <= end)
    if len(drawn) < len(events):
        shown = f"The first {len(drawn)} of the {len(events)} chosen events of the article"
    elif len(events) == len(package.events):
        shown = f"All {len(events)} events of the article"
    else:
        shown = f"{len(events)} of the {len(package.events)} events of the article"
    axis = f"{dated} on a time axis (points for a single day, bars for a span of possible dates)"
    if beyond:
        axis += f", {beyond} of them dated beyond its edges and drawn at the edge with their year"
    undated = len(drawn) - dated
    apart = f" and {undated} with no date given, in a panel of their own" if undated else ""
    return (
        f"{shown}, one lane per side: {axis}{apart}; a dashed line marks the day the article "
        f"was published, {in_words(package.article.published)}."
    )


def timeline_figure(package: Package, events: Iterable[Event]) -> dict:
    """Plotly figure JSON of the first `MAX_EVENTS` of `events`, in the lanes that hold them.

    The time axis is the package's whatever the events shown; the lanes and rows are those of
    the events drawn, so a filtered chart is as tall as what it shows.
    """
    events = tuple(events)
    drawn = events[:MAX_EVENTS]
    plan = _plan(package, drawn)
    start, end = plan.start, plan.end
    traces = [_bar_trace(status, is_open, list(marks)) for status, is_open, marks in plan.bars]
    traces += [_arrow_trace(status, list(marks), end) for status, marks in plan.arrows]
    in_legend: set[str] = set()  # one entry per status, from its dated markers if it has any
    for status, axis, marks in plan.markers:
        traces.append(_marker_trace(status, axis, list(marks), status not in in_legend))
        in_legend.add(status)
    axes = {
        "xaxis": {
            "type": "date",
            "domain": [0, plan.dated],
            "range": [start.isoformat(), end.isoformat()],
            "showline": True,
            "linecolor": "#444",
            "ticks": "outside",
        },
    }
    if plan.undated:
        axes["xaxis2"] = {
            "domain": [plan.dated + GAP, 1],
            "range": [UNDATED_START, 1],
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "showline": True,
            "linecolor": "#444",
        }
    layout = {
        **_page_layout(package, plan, _Page(0, 0, plan.rows - 1, True)),
        "font": FONT,
        "meta": {
            "summary": summary(package, events, drawn),
            "pages": [_page_meta(package, plan, page) for page in pages(plan)],
        },
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hoverlabel": {"align": "left"},
        **axes,
    }
    return {"data": traces, "layout": layout}
