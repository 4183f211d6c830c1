"""Times counted from an earlier one ("Ten years later", "a day earlier", "the next day",
"later that year", "before that", "since then"): resolved against the time the text named
last, and always marked for review, since the text does not say which earlier time it means.

The antecedent is the nearest time expression before it, in the same sentence or an earlier
one, that has both ends (a day, a month, a year: not "recently" or "months"). Each reading
names that antecedent in its resolution, and names the other reading in `alternative`: for a
shift, the same shift counted from the publication date; for an order word, that it may refer
to another event.

- "N units later / earlier / after that / before that": the calendar unit that holds the day
  N units after (before) the antecedent's start, at the unit's precision ("Ten years later"
  after "1949" is 1959; "a day earlier" after Oct. 18 is Oct. 17); an antecedent coarser than
  the unit is shifted whole;
- "the next / following / previous day, week, month, year", "the day before / after": one unit;
- "that day / week / month / year", "the same day ...": the unit that holds the antecedent;
  "later / earlier that year": the part of it after / before the antecedent;
- "before that", "before then": up to the day before the antecedent, no earliest;
- "after that", "afterward(s)", "since then", "Then," opening a sentence: from the antecedent,
  no latest ("Then" could also mean at that very time: named for review);
- "until then", "by then": up to the antecedent's end, no earliest.
With no antecedent, a shift counts from the publication date and an order word is left open.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .intervals import NUMBER, UNIT, Reading, add, count, holding, show

_PERIOD = "day|week|month|year"
_SHIFT = re.compile(
    rf"\b(?i:({NUMBER}) ({UNIT})s? (later|earlier|afterwards?|after that|before that))\b"
)
_NEXT = re.compile(
    rf"\b(?i:the (next|following|previous|prior) ({_PERIOD})|the ({_PERIOD}) (before|after))\b"
    r"(?! (?:the|a|an|his|her|its|their)\b)"
)
_SAME = re.compile(rf"\b(?i:(?:(later|earlier) )?(?:that|the same) ({_PERIOD}))\b")
_ORDER = re.compile(
    r"\b(?i:(before (?:that|then)|after that|afterwards?|since then|until then|by then))\b"
    r"|^(Then)\b,?"
)
_RANK = {"day": 0, "days": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


def shift(match: re.Match, published: date, _: str) -> Reading:
    direction = -1 if match.group(3).lower() in ("earlier", "before that") else 1
    return _pending("shift", direction * count(match.group(1)), match.group(2).lower())


def next_one(match: re.Match, published: date, _: str) -> Reading:
    which = (match.group(1) or match.group(4)).lower()
    unit = (match.group(2) or match.group(3)).lower()
    return _pending("shift", -1 if which in ("previous", "prior", "before") else 1, unit)


def same(match: re.Match, published: date, _: str) -> Reading:
    part = (match.group(1) or "").lower()
    return _pending(part or "same", 0, match.group(2).lower())


def order(match: re.Match, published: date, _: str) -> Reading:
    words = (match.group(1) or match.group(2)).lower()
    kind = (
        "before"
        if words.startswith("before")
        else "until"
        if words.startswith(("until", "by"))
        else "then"
        if words == "then"
        else "after"
    )
    return _pending(kind, 0, "")


PATTERNS = ((_SHIFT, shift), (_NEXT, next_one), (_SAME, same), (_ORDER, order))


def _pending(kind: str, amount: int, unit: str) -> Reading:
    return Reading(None, None, "unknown", "", pending=("anaphor", kind, amount, unit))


def resolve(reading: Reading, antecedent: tuple[str, Reading] | None, published: date) -> Reading:
    """The reading of an anaphoric expression, counted from `antecedent` (its words and
    reading), or from the publication date when none was named before it."""
    _, kind, amount, unit = reading.pending
    if antecedent is None:
        if kind != "shift":
            says = "refers to an earlier time that the text has not dated: both ends are left open"
            return Reading(None, None, "unknown", says)
        first, last = holding(add(published, amount, unit), unit)
        says = f"is {_span(first, last)}, as no time is named before it"
        return Reading(first, last, unit, says, "", "past" if amount < 0 else "")
    words, earlier = antecedent
    assert earlier.earliest is not None and earlier.latest is not None  # see antecedent_of
    first, last, precision = _counted(kind, amount, unit, earlier)
    says = f"is {_describe(first, last)}"
    if kind == "shift":
        other = _span(*holding(add(published, amount, unit), unit))
        alternative = f"counted from publication instead, {other}"
    elif kind == "then":
        alternative = f"at that very time, {_span(earlier.earliest, earlier.latest)}"
    else:
        alternative = f"another time than “{words}”, if it refers to another event"
    counted_from = f"“{words}”, the time named before it"
    return Reading(first, last, precision, says, alternative, counted_from=counted_from)


def _counted(kind: str, amount: int, unit: str, earlier: Reading) -> tuple:
    start, end = earlier.earliest, earlier.latest
    assert start is not None and end is not None  # see antecedent_of
    if kind == "before":
        return None, start - timedelta(days=1), earlier.precision
    if kind in ("after", "then"):
        return start, None, earlier.precision
    if kind == "until":
        return None, end, earlier.precision
    if kind == "shift" and _RANK.get(earlier.precision, 0) > _RANK[unit]:
        return add(start, amount, unit), add(end, amount, unit), earlier.precision
    if kind == "shift":
        return (*holding(add(start, amount, unit), unit), unit)
    first, last = (
        holding(start, unit) if _RANK.get(earlier.precision, 0) <= _RANK[unit] else (start, end)
    )
    if kind == "later":
        first = end + timedelta(days=1)
    elif kind == "earlier":
        last = start - timedelta(days=1)
    return first, last, unit if kind == "same" else "days"


def _span(first: date, last: date) -> str:
    return show(first) if first == last else f"{show(first)} to {show(last)}"


def _describe(first: date | None, last: date | None) -> str:
    if first is None:
        assert last is not None  # an anaphor counted from a time leaves one end open at most
        return f"up to {show(last)}, the earliest left open"
    if last is None:
        return f"from {show(first)}, the latest left open"
    return _span(first, last)


def antecedent_of(text: str, reading: Reading) -> tuple[str, Reading] | None:
    """`(text, reading)` when an expression can be counted from (both ends known), else None."""
    closed = reading.earliest is not None and reading.latest is not None
    return (text, reading) if closed and not reading.pending else None
