"""The event timeline: one lane per actor group, dated events on a time axis, undated ones apart.

Uncertainty is drawn, not hidden: a day is a point, a longer span is a translucent bar, an open
end (no earliest or no latest date) is a dotted bar running to the edge of the view, and events
with no date at all stand in their own panel rather than being dropped. Status has a marker
shape as well as a colour. The axes come from the whole package, so filtering never moves them.

The figure is built as plain plotly JSON: plotly's Python objects validate every property, which
costs tens of milliseconds per redraw, and the filter redraws on every click.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from .memo import by_identity
from .model import Event, Group, Package
from .vocabulary import PRECISION, STATUS
from .when import day, describe_when

MARGIN = timedelta(days=4)
SLOT_SPACING = 0.18
SLOTS = 4
DATED_WIDTH = 0.8
FONT = {"family": "Arial, sans-serif", "size": 13, "color": "#222"}


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
    lines += _hover_lines(f"Status: {STATUS[event.status].label}")
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


class _Traces:
    """Markers and bars collected by status, so each status is one legend entry."""

    def __init__(self) -> None:
        self.points: dict[str, dict[str, list]] = {}
        self.undated: dict[str, dict[str, list]] = {}
        self.bars: dict[tuple[str, bool], dict[str, list]] = {}

    @staticmethod
    def _add(groups: dict, event: Event, x: object, y: float, text: str) -> None:
        group = groups.setdefault(event.status, {"x": [], "y": [], "hovertext": [], "ids": []})
        group["x"].append(x)
        group["y"].append(y)
        group["hovertext"].append(text)
        group["ids"].append(event.id)

    def add_dated(self, event: Event, y: float, text: str, start: date, end: date) -> None:
        self._add(self.points, event, _anchor_date(event).isoformat(), y, text)
        if event.precision == "day":
            return
        is_open = event.earliest is None or event.latest is None
        bar = self.bars.setdefault((event.status, is_open), {"x": [], "y": []})
        bar["x"] += [(event.earliest or start).isoformat(), (event.latest or end).isoformat(), None]
        bar["y"] += [y, y, None]

    def add_undated(self, event: Event, x: int, lane: int, text: str) -> None:
        self._add(self.undated, event, x, lane, text)

    def to_json(self) -> list[dict]:
        traces = []
        for (status, is_open), bar in sorted(self.bars.items()):
            style = STATUS[status]
            traces.append(
                {
                    "type": "scatter",
                    "mode": "lines",
                    "x": bar["x"],
                    "y": bar["y"],
                    "line": {
                        "color": style.colour,
                        "width": 9,
                        "dash": "dot" if is_open else "solid",
                    },
                    "opacity": 0.45,
                    "legendgroup": status,
                    "showlegend": False,
                    "hoverinfo": "skip",
                    "name": f"{style.label} (span)",
                }
            )
        for status, style in STATUS.items():
            marker = {
                "symbol": style.symbol,
                "color": style.colour,
                "size": 13,
                "line": {"width": 2},
            }
            for axis, groups in (("x", self.points), ("x2", self.undated)):
                group = groups.get(status)
                if not group:
                    continue
                traces.append(
                    {
                        "type": "scatter",
                        "mode": "markers",
                        "x": group["x"],
                        "y": group["y"],
                        "xaxis": axis,
                        "yaxis": "y",
                        "marker": marker,
                        "name": f"{style.label}: {style.meaning}",
                        "legendgroup": status,
                        "showlegend": axis == "x" or status not in self.points,
                        "hovertext": group["hovertext"],
                        "hoverinfo": "text",
                        "customdata": group["ids"],
                    }
                )
        return traces


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

    It is the same whichever events the filter shows, so it is worked out once per package;
    hover texts, also fixed per event, are filled in the first time each event is shown.
    """

    groups: tuple[Group, ...]
    lanes: dict[str, int]
    start: date
    end: date
    places: tuple[tuple[Event, int, int], ...]  # (event, lane, place in lane), in drawing order
    widest: int  # the most undated events in one lane
    hover: dict[int, str]  # hover text by index in `places`


@by_identity()
def _plan(package: Package) -> _Plan:
    group_of = {a.id: a.group for a in package.actors}
    leading = {group_of[e.lead_actor] for e in package.events}
    groups = [g for g in sorted(package.groups, key=lambda g: g.order) if g.id in leading]
    lanes = {g.id: i for i, g in enumerate(groups)}
    start, end = view_range(package)
    places = []
    next_slot: dict[int, int] = {}
    next_undated: dict[int, int] = {}
    for event in sorted(package.events, key=lambda e: (_anchor_date(e) or date.max, e.id)):
        lane = lanes[group_of[event.lead_actor]]
        counter = next_slot if _anchor_date(event) is not None else next_undated
        place = counter.get(lane, 0)
        counter[lane] = place + 1
        places.append((event, lane, place))
    widest = max(next_undated.values(), default=1)
    return _Plan(tuple(groups), lanes, start, end, tuple(places), widest, hover={})


def timeline_figure(package: Package, events: Iterable[Event]) -> dict:
    """Plotly figure JSON of the package's events, drawing only `events` but keeping every place.

    Lanes (one per group that leads some event) and slots are assigned over the whole package,
    so an event keeps its place when the filter hides others.
    """
    shown = {e.id for e in events}
    plan = _plan(package)
    groups, lanes, start, end, widest = plan.groups, plan.lanes, plan.start, plan.end, plan.widest
    traces = _Traces()
    for index, (event, lane, place) in enumerate(plan.places):
        if event.id not in shown:
            continue
        text = plan.hover.get(index)
        if text is None:
            text = plan.hover[index] = hover_text(package, event)
        if _anchor_date(event) is not None:
            y = lane + (place % SLOTS - (SLOTS - 1) / 2) * SLOT_SPACING
            traces.add_dated(event, y, text, start, end)
        else:
            traces.add_undated(event, place, lane, text)
    published = package.article.published
    layout = {
        "height": 200 + 55 * len(groups),
        "margin": {"l": 10, "r": 10, "t": 100, "b": 10},
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
        "legend": {"orientation": "h", "y": -0.2, "yanchor": "top", "title": {"text": "Status "}},
        "xaxis": {
            "type": "date",
            "domain": [0, DATED_WIDTH],
            "range": [start.isoformat(), end.isoformat()],
            "showline": True,
            "linecolor": "#444",
            "ticks": "outside",
            "automargin": True,
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
            "automargin": True,
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
    return {"data": traces.to_json(), "layout": layout}
