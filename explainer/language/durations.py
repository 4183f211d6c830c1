"""Lengths of time ("the past two weeks", "a six-day meeting", "for more than four decades"):
which end the text fixes, and the interval that gives.

A duration names no date by itself. The words around it say where it sits:
- reaching back from publication: "the past two weeks", "in nearly 60 years": the span ends on
  the publication day, which counts as its last day (P - N + 1 day to P); "for N years" in a
  present-perfect sentence ("has been ... for more than four decades") starts there too and
  still goes on (no latest);
- anchored at its end: a verb of ending before it ("ending a 2-week strike"): the span ends on
  the publication day, the end the story reports (E - N + 1 day to E);
- anchored at its start: a verb of starting and a day in the same sentence ("the two-day
  summit that opens Thursday"): from that day (S to S + N - 1 day);
- otherwise nothing fixes it ("two days of talks", "months"): both ends are left open.
A modifier moves the far end (corpus/GUIDELINES.md, section 8): "nearly", "almost" keep it
(the span is at most N), "more than", "over" open it, "about", "some" widen it by a tenth.

The base patterns register with the resolver (`time_expressions`), which then calls `anchor`
once the sentence's other expressions are known. Plain alternations of fixed words: linear
time in Python's `re`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .intervals import NUMBER, UNIT, Reading, add, count, show

_LESS = ("nearly", "almost", "under", "less than", "just under")
_MORE = ("more than", "over", "at least", "longer than")
_APPROX = ("about", "around", "some", "roughly", "approximately")
_MOD = "|".join(sorted((*_LESS, *_MORE, *_APPROX), key=len, reverse=True))
_VAGUE_COUNT = "several|a few|many|a couple of"

BACK = re.compile(rf"\b(?i:the (?:past|last|previous) ({NUMBER}) ({UNIT})s?)\b")
"""The past N units: reaching back from publication."""
SPAN = re.compile(rf"\b(?i:(for|in) (?:({_MOD}) )?({NUMBER}) ({UNIT})s?)\b")
"""For / in (nearly) N units: reaching back, or a length to anchor."""
ADJECTIVE = re.compile(rf"\b(?i:(?:({NUMBER})-({UNIT})(?:-long)?|({UNIT})-long))\b(?!-)")
"""A six-day meeting, a 2-week strike, a decade-long war (not "a 60-year-old")."""
BARE = re.compile(
    rf"\b(?i:(?:({_MOD}) )?(?:({NUMBER}|{_VAGUE_COUNT}) )?({UNIT})s)\b(?! (?:ago|later|earlier))"
)
"""Two days (of talks), nearly 60 years, months: a length the words around must place."""

_PERFECT = re.compile(r"\b(?:has|have|'s been|’s been)\b", re.IGNORECASE)
_ENDING = re.compile(
    r"\b(?:ending|ended|ends|end|after|concluding|concluded|closing|closed|finishing|finished"
    r"|calling off|called off)\b(?: (?:a|an|the|its|their|his|her|this))? $",
    re.IGNORECASE,
)
_STARTING = re.compile(
    r"\b(?:begins?|began|begun|beginning|starts?|started|starting|opens?|opened|opening"
    r"|convenes?|convened|kicks? off|from)\b",
    re.IGNORECASE,
)


def _kind_of(mod: str) -> str:
    mod = mod.lower()
    return "less" if mod in _LESS else "more" if mod in _MORE else "approx" if mod else ""


def _length(number: str | None, unit: str, mod: str = "") -> tuple:
    """The pending mark of a duration: its count (None when the words give none), unit and
    modifier kind."""
    amount = count(number) if number and number.lower() not in _VAGUE_COUNT else None
    return ("duration", amount, unit.lower(), _kind_of(mod or ""))


def _unanchored(pending: tuple) -> Reading:
    return Reading(None, None, "unknown", "", pending=pending)


def back(match: re.Match, published: date, _: str) -> Reading:
    return reach_back(published, count(match.group(1)), match.group(2).lower(), "", "")


def span(match: re.Match, published: date, _: str) -> Reading | None:
    word, mod, number, unit = match.group(1).lower(), match.group(2) or "", *match.groups()[2:]
    if word == "in" and not mod:
        return None  # "in two days" is two days from now: the resolver's amount
    amount, unit = count(number), unit.lower()
    if word == "in":
        ahead = add(published, amount, unit)
        alternative = f"{number} {unit}s from publication, {show(ahead)}"
        return reach_back(published, amount, unit, _kind_of(mod), alternative)
    if _PERFECT.search(match.string, 0, match.start()):
        reading = reach_back(published, amount, unit, _kind_of(mod), "")
        says = f"{reading.says}; the present perfect says it still goes on: no latest"
        return replace(reading, latest=None, says=says, direction="")
    return _unanchored(_length(number, unit, mod))


def adjective(match: re.Match, published: date, _: str) -> Reading:
    number, unit = match.group(1) or "one", match.group(2) or match.group(3)
    return _unanchored(_length(number, unit))


def bare(match: re.Match, published: date, _: str) -> Reading:
    mod, number, unit = match.group(1) or "", match.group(2), match.group(3)
    return _unanchored(_length(number, unit, mod))


PATTERNS = ((BACK, back), (SPAN, span), (ADJECTIVE, adjective), (BARE, bare))


def reach_back(published: date, amount: int, unit: str, kind: str, alternative: str) -> Reading:
    """A span that ends on the publication day and counts it as its last day."""
    start = add(published, -amount, unit) + timedelta(days=1)
    earliest: date | None = start
    says = f"runs back from publication: {show(start)} to {show(published)}"
    if kind == "more":
        earliest = None
        says = (
            f"reaches back more than that from publication, {show(published)}: "
            "the earliest is left open"
        )
    elif kind == "approx":
        earliest = start - timedelta(days=(published - start).days // 10)
        says += f", widened by a tenth for “about”, from {show(earliest)}"
    elif kind == "less":
        says += ", at most that long"
    precision = "days" if unit in ("day", "week") else unit
    return Reading(earliest, published, precision, says, alternative, "past")


def anchor(
    sentence: str, published: date, spans: list[tuple[int, int, Reading]]
) -> list[tuple[int, int, Reading]]:
    """Each pending duration of a sentence placed by the words around it (see the module's
    docstring); the other expressions unchanged."""
    placed = []
    for start, end, reading in spans:
        if reading.pending[:1] == ("duration",):
            reading = _placed(sentence, published, start, end, reading.pending, spans)
        placed.append((start, end, reading))
    return placed


def _placed(sentence, published, start, end, pending, spans) -> Reading:
    _, amount, unit, kind = pending
    if amount is None:
        says = f"gives a length of time ({unit}s, how many not said), not a date: both ends open"
        return Reading(None, None, "unknown", says)
    if _ENDING.search(sentence[max(0, start - 30) : start]):
        reading = reach_back(published, amount, unit, kind, "")
        says = (
            f"is a length that the words say has ended; counted back from publication, "
            f"{reading.says.split(': ', 1)[-1]}"
        )
        alternative = "a span ending on another day, if the story says it ended earlier"
        return Reading(
            reading.earliest, reading.latest, reading.precision, says, alternative, "past"
        )
    day = _start_day(sentence, end, spans)
    if day is not None:
        last = add(day, amount, unit) - timedelta(days=1)
        latest = None if kind == "more" else last
        says = f"starts on the day the sentence names, {show(day)}, and runs to {show(last)}"
        return Reading(day, latest, "days", says)
    says = f"gives a length of time ({amount} {unit}s), but the words fix neither end: both open"
    return Reading(None, None, "unknown", says)


def _start_day(sentence: str, end: int, spans) -> date | None:
    """The day a start verb after the duration names: "the three-day summit that opens Friday"."""
    for s, e, r in spans:
        one_day = r.earliest is not None and r.earliest == r.latest and not r.pending
        if s >= end and one_day and _STARTING.search(sentence, end, e):
            return r.earliest
    return None
