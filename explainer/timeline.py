"""The event timeline: one lane per actor group, dated events on a time axis, undated ones apart.

Uncertainty is drawn, not hidden: a day is a point, a longer span is a translucent bar, an open
end (no earliest or no latest date) is a dotted bar running to the edge of the view, and events
with no date at all stand in their own panel rather than being dropped. Status has a marker
shape as well as a colour. The axes come from the whole package, so filtering never moves them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from datetime import date, timedelta
from html import escape

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .model import Event, Package
from .vocabulary import PRECISION, STATUS
from .when import day, describe_when

MARGIN = timedelta(days=4)
SLOT_SPACING = 0.18
SLOTS = 4


def _hover_lines(text: str, width: int = 70) -> list[str]:
    return [escape(line) for line in textwrap.wrap(text, width)] or [""]


def hover_text(package: Package, event: Event) -> str:
    """Label, the article's words, the resolved date and how, and the first supporting quote."""
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
        known += [d for d in (e.earliest,) if d]
        if e.precision == "day" and e.latest:
            known.append(e.latest)
        if e.earliest is None and e.latest:
            known.append(e.latest)
    return min(known) - MARGIN, max(known) + MARGIN


def _lanes(package: Package) -> dict[str, int]:
    return {g.id: i for i, g in enumerate(sorted(package.groups, key=lambda g: g.order))}


def _lane_of(package: Package, lanes: dict[str, int], event: Event) -> int:
    return lanes[package.actor(event.lead_actor).group]


def _anchor_date(event: Event) -> date:
    """Where the status marker sits: the day, the known end of an open span, or its start."""
    if event.earliest and event.latest and event.precision != "day":
        return event.earliest
    return event.earliest or event.latest


def _add_point(groups: dict, event: Event, x: object, y: float, text: str) -> None:
    """Collect a marker into its status trace; customdata carries the event id for tests."""
    group = groups.setdefault(event.status, {"x": [], "y": [], "text": [], "id": []})
    group["x"].append(x)
    group["y"].append(y)
    group["text"].append(text)
    group["id"].append(event.id)


def timeline_figure(package: Package, events: Iterable[Event]) -> go.Figure:
    shown = {e.id for e in events}
    lanes = _lanes(package)
    start, end = view_range(package)
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        column_widths=[0.8, 0.2],
        horizontal_spacing=0.02,
        subplot_titles=("Dated events", "No date given"),
    )
    # Slots are assigned over the whole package, so an event keeps its place when others hide.
    slot_in_lane: dict[int, int] = {}
    points: dict[str, dict[str, list]] = {}
    bars: dict[tuple[str, bool], dict[str, list]] = {}
    undated: dict[str, dict[str, list]] = {}
    undated_count: dict[int, int] = {}
    for event in sorted(package.events, key=lambda e: (_anchor_date(e) or date.max, e.id)):
        lane = _lane_of(package, lanes, event)
        dated = event.earliest is not None or event.latest is not None
        if dated:
            slot = slot_in_lane.get(lane, 0)
            slot_in_lane[lane] = slot + 1
            y = lane + (slot % SLOTS - (SLOTS - 1) / 2) * SLOT_SPACING
        else:
            x_index = undated_count.get(lane, 0)
            undated_count[lane] = x_index + 1
        if event.id not in shown:
            continue
        text = hover_text(package, event)
        if not dated:
            _add_point(undated, event, x_index, lane, text)
            continue
        _add_point(points, event, _anchor_date(event).isoformat(), y, text)
        if event.precision != "day":
            is_open = event.earliest is None or event.latest is None
            bar = bars.setdefault((event.status, is_open), {"x": [], "y": []})
            bar["x"] += [
                (event.earliest or start).isoformat(),
                (event.latest or end).isoformat(),
                None,
            ]
            bar["y"] += [y, y, None]
    for (status, is_open), bar in sorted(bars.items()):
        style = STATUS[status]
        fig.add_trace(
            go.Scatter(
                x=bar["x"],
                y=bar["y"],
                mode="lines",
                line={"color": style.colour, "width": 9, "dash": "dot" if is_open else "solid"},
                opacity=0.45,
                legendgroup=status,
                showlegend=False,
                hoverinfo="skip",
                name=f"{style.label} (span)",
            ),
            row=1,
            col=1,
        )
    for status, style in STATUS.items():
        marker = {"symbol": style.symbol, "color": style.colour, "size": 13, "line": {"width": 2}}
        for col, groups in ((1, points), (2, undated)):
            group = groups.get(status)
            if not group:
                continue
            fig.add_trace(
                go.Scatter(
                    x=group["x"],
                    y=group["y"],
                    mode="markers",
                    marker=marker,
                    name=f"{style.label}: {style.meaning}",
                    legendgroup=status,
                    showlegend=col == 1 or status not in points,
                    hovertext=group["text"],
                    hoverinfo="text",
                    customdata=group["id"],
                ),
                row=1,
                col=col,
            )
    published = package.article.published.isoformat()
    fig.add_shape(
        type="line",
        x0=published,
        x1=published,
        y0=0,
        y1=1,
        xref="x",
        yref="paper",
        line={"color": "#000", "width": 1, "dash": "dash"},
    )
    fig.add_annotation(
        x=published,
        y=1,
        xref="x",
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        text=f"article published {escape(day(package.article.published))}",
        font={"size": 11},
    )
    ordered = sorted(package.groups, key=lambda g: g.order)
    fig.update_yaxes(
        tickvals=[lanes[g.id] for g in ordered],
        ticktext=[escape(g.label) for g in ordered],
        autorange=False,
        range=[len(ordered) - 0.5, -0.5],
        gridcolor="#eee",
    )
    fig.update_xaxes(range=[start.isoformat(), end.isoformat()], type="date", row=1, col=1)
    widest = max(undated_count.values(), default=1)
    fig.update_xaxes(
        range=[-0.7, widest - 0.3],
        showticklabels=False,
        showgrid=False,
        zeroline=False,
        row=1,
        col=2,
    )
    fig.add_annotation(
        x=0,
        y=-0.3,
        xref="paper",
        yref="paper",
        showarrow=False,
        xanchor="left",
        text="Bars: the span of possible dates. Dotted bars: one end is open (no date given).",
        font={"size": 11, "color": "#555"},
    )
    fig.update_layout(
        height=160 + 55 * len(ordered),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "y": -0.12, "title": {"text": "Status "}},
        template="simple_white",
        hoverlabel={"align": "left"},
    )
    return fig
