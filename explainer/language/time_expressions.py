"""Find the time expressions of a sentence and resolve each against the publication date.

Off-the-shelf parsers fall short for news (dateparser reads "next Tuesday" from a Monday as the
next day, finds nothing in "as soon as next week", reads the surname May as a month and gives no
offsets), so the explainer keeps its own table. Every expression it knows, with what it becomes
(`P` is the publication date, weeks run Monday to Sunday):

=============================================  ==============================================
Expression                                      Resolved interval (precision)
=============================================  ==============================================
today, tonight / tomorrow / yesterday           P / P+1 / P-1 (day)
on Monday, Monday                               P itself when P is a Monday; otherwise the
                                                Monday before P in a past-tense sentence, after
                                                P in a future one (day); no tense: the one
                                                before, and the other is named for review
next Tuesday                                    the Tuesday of the week after P's (day); when
                                                P's own week still has a Tuesday ahead, that
                                                one is named for review
last / this / coming / past Friday              the Friday before P / of P's week, ahead /
                                                ahead / before (day)
this / next / last week, month, year            that whole week, month or year (week, month,
                                                year); "later this ..." from P+1, "earlier
                                                this ..." up to P-1
early / mid- / late next year, this month,      the first / middle / last third of it: Jan-Apr,
next week                                       May-Aug, Sep-Dec; days 1-10, 11-20, 21-end;
                                                Mon-Tue, Wed-Thu, Fri-Sun (year; days)
this / next / last weekend; over the weekend    Saturday-Sunday of that week; "over the
                                                weekend" the last one, or the next one in a
                                                future-tense sentence (days)
the end / beginning of the week, month, year    Friday–Sunday / Monday–Tuesday (days); last /
                                                first ten days (days); December / January
                                                (month)
Dec 12, Nov. 13, December 9th, 9 December       that day; without a year, the one before P in a
                                                past-tense sentence, after P in a future one,
                                                else the nearest (the December–January
                                                rollover); with a year, that year (day)
Monday, Nov. 17                                 that day, when the weekday agrees (day)
Oct.18-19, April 15-18, 2019                    those days (days)
early / mid- / late November                    1–10 / 11–20 / 21–end of that month (days)
in December, December 2025                      the month, its year chosen as for days (month)
in 2019                                         the year (year)
in six to eight weeks, in two days, within a    P+6 weeks to P+8 weeks; P+2 days; P to
month                                           P+1 month (day, week, month, year)
three weeks ago, a year ago                     the week, year that holds P-3 weeks, P-1 year
last November, next March, this May             the latest November before P's month, the
                                                first March after it, P's year's May (month)
in Dec., Dec. 2019, Sept. 5                     abbreviated months with a period: alone only
                                                after a preposition, a modifier or with a year
the past two weeks, in nearly 60 years          a span that ends on P: P-N+1 day to P; "more
                                                than" opens the earliest (durations.py)
for four decades (present perfect)              from P-N+1 day, no latest: it still goes on
a 2-week strike after ending it; the two-day    anchored at its end (P) or at the day a start
summit that opens Thursday; two days, months    verb names; else both ends open (durations.py)
Ten years later, a day earlier, the next day,   counted from the last dated expression before
later that year, before that, since then        it, in this sentence or an earlier one; the
                                                reading from P named for review (anaphora.py)
as soon as / as early as / after / since X      X's start, no latest (X's precision)
as late as / by / no later than / until X       X's end, no earliest; "before X": X's start - 1
X, or (even) as late as Y                       from X's start to Y's end
between X and Y / from X to Y                   from X's start to Y's end
earlier, recent, recently, previously,          before publication: no earliest, latest P
in recent weeks, in the past                    (unknown)
soon, shortly, later, in the coming weeks       after publication: earliest P, no latest
                                                (unknown)
in the next few days, in the coming days        P+1 to the Sunday of the week in which P+3
                                                falls: "a few" read as at least three days,
                                                rounded up to the end of that week (days)
the 1990s, the 2000s                            that decade, 1990-01-01 to 1999-12-31 (decade)
since X, when Y                                 "since X" as above, and X itself for the clause
                                                after "when", which happened in X
for months, for weeks, for years                no date at all: both ends open (unknown)
"... on Monday, even after a recent ..."        an undated past expression after "after"
                                                ends the day before a day named earlier
=============================================  ==============================================

A sentence's tense is the nearest tense word to the expression ("will", "could", "was", a verb
in -ed, a present tense of scheduling: "begins", "opens", "is to"); a reporting verb ("said")
counts only right beside it, since it dates the saying.
Month names count only capitalised, and "May" only with a day, a year, a modifier or a
preposition before it, so that the surname May is not a date. Ambiguous readings are proposed,
with the other reading named in `alternative` so the row is marked for review.

The patterns are plain alternations of fixed words with no nested repetition, so Python's `re`
runs them in linear time on any text; that is why no separate regular-expression engine is used.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

from . import anaphora, durations
from .intervals import (
    MONTHS,
    NUMBER,
    UNIT,
    WEEKDAYS,
    Reading,
    add,
    count,
    holding,
    month_span,
    period,
    shift_month,
    show,
    week,
)

_ABBREVIATIONS = {m[:3]: i for i, m in enumerate(MONTHS, 1)} | {"Sept": 9}

_WEEKDAY = "|".join(WEEKDAYS)
# The period of "Dec.", "Sept." (not the full stop after "November" or "May").
_ABBREVIATED_DOT = r"\.(?<=\b[A-Z][a-z]{2}\.)(?<!May\.)|\.(?<=\bSept\.)"
_MONTH_NAME = "|".join(sorted({*MONTHS, *_ABBREVIATIONS}, key=len, reverse=True))
_NUMBER = NUMBER
_UNIT = UNIT
_PERIOD_UNIT = "day|week|month|year"  # what "this", "next", "the end of" can name
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]|20)\d\d"
_ORDINAL = "(?:st|nd|rd|th)?"
_DASH = "[-–]"
# Words after which a month name alone, or a year alone, is a date.
_MONTH_PREPOSITIONS = {
    *("in", "of", "since", "until", "by", "from", "through", "before", "after", "as"),
    *("during", "to", "and", "or", "between", "late", "early", "mid", "this", "last", "next"),
}


@dataclass(frozen=True, kw_only=True)
class TimeExpression(Reading):
    """One time expression: where it stands in the article, and what it resolves to."""

    start: int
    end: int
    text: str
    resolution: str
    """A sentence saying how the interval was reached, in the style of events.csv."""


# --- tense -------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(will|would|shall|could|may|might|going to|set to|to be|expected|expects?|plans?|"
    r"planned|scheduled|poised|due|aims?|hoped?|hopes|intends?|next|upcoming|coming|"
    r"begins|starts|opens|resumes|convenes|is to|are to)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(was|were|had|did|said|told|met|held|took|gave|made|came|went|ago|last|"
    r"[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
_NOT_PAST = {"need", "needed", "based", "proposed", "expected", "planned", "scheduled", "hoped"}
# A reporting verb dates the saying, not what is said: it sets the tense only right beside the
# expression ("said on Monday"), not across a clause ("meet on Oct. 18, diplomats said").
_REPORTING = {
    *("said", "told", "stated", "added", "noted", "announced", "indicated", "reiterated"),
    *("confirmed", "clarified", "explained", "warned", "insisted", "reported", "declared"),
}
_BESIDE = 4
_WINDOW = 60  # characters either side of an expression in which a verb sets its tense


def tense(sentence: str, start: int, end: int) -> str:
    """ "past", "future" or "" from the tense word nearest an expression in its sentence."""
    words: list[tuple[int, str]] = []
    for pattern, kind in ((_FUTURE, "future"), (_PAST, "past")):
        for match in pattern.finditer(sentence, max(0, start - _WINDOW), end + _WINDOW):
            word = match.group(0).lower()
            if kind == "past" and word in _NOT_PAST:
                continue
            if match.end() <= start:
                distance = start - match.end()
            elif match.start() >= end:
                distance = match.start() - end
            else:
                continue
            if word in _REPORTING and distance > _BESIDE:
                continue
            words.append((distance, kind))
    return min(words)[1] if words else ""


# --- base expressions --------------------------------------------------------------------

_Handler = Callable[[re.Match, date, str], Reading | None]
_BASES: list[tuple[re.Pattern, _Handler]] = []


def _base(pattern: str, flags: int = 0) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _BASES.append((re.compile(pattern, flags), handler))
        return handler

    return register


@_base(r"\b(?i:(today|tonight|tomorrow|yesterday))\b")
def _deictic(match: re.Match, published: date, _: str) -> Reading:
    word = match.group(1).lower()
    offset = {"tomorrow": 1, "yesterday": -1}.get(word, 0)
    day = published + timedelta(days=offset)
    where = {1: "the day after it", -1: "the day before it"}.get(offset, "that day")
    return Reading(day, day, "day", f"is {where}, {show(day)}")


@_base(rf"\b(?:(?i:(next|last|this|coming|past)) )?({_WEEKDAY})\b")
def _weekday(match: re.Match, published: date, sentence_tense: str) -> Reading:
    modifier, name = (match.group(1) or "").lower(), match.group(2)
    wanted = WEEKDAYS.index(name)
    ahead = (wanted - published.weekday()) % 7  # 0 when it is the publication day's weekday
    before = published - timedelta(days=(published.weekday() - wanted) % 7 or 7)
    following = published + timedelta(days=ahead or 7)
    if modifier == "next":
        day = week(published)[0] + timedelta(weeks=1, days=wanted)
        says = f"is {show(day)}, the {name} of the following week"
        if ahead and published.weekday() + ahead <= 6:  # this week still has one ahead
            coming = published + timedelta(days=ahead)
            alternative = f"the coming {name}, {show(coming)}"
            return Reading(day, day, "day", says, alternative, "future")
        return Reading(day, day, "day", says, direction="future")
    if modifier in ("last", "past"):
        other = before - timedelta(weeks=1)
        says = f"is {show(before)}, the last {name} before it"
        same_week = before >= week(published)[0]
        alternative = f"the {name} of the week before, {show(other)}" if same_week else ""
        return Reading(before, before, "day", says, alternative, "past")
    if modifier in ("this", "coming"):
        day = published + timedelta(days=ahead)
        return Reading(day, day, "day", f"is {show(day)}, the {name} of that week", "", "future")
    if ahead == 0:
        says = f"is the publication day itself, {show(published)}"
        return Reading(published, published, "day", says)
    if sentence_tense == "future":
        says = f"is {show(following)}, the next {name} (the sentence speaks of the future)"
        return Reading(following, following, "day", says, direction="future")
    if sentence_tense == "past":
        says = f"is {show(before)}, the {name} before it (the sentence speaks of the past)"
        return Reading(before, before, "day", says, direction="past")
    says = f"is read as {show(before)}, the {name} before it"
    return Reading(before, before, "day", says, f"the next {name}, {show(following)}")


# Parts of a period: "early next year" is its first third, and so on (month: days 1-10, 11-20,
# 21-end; week: Monday-Tuesday, Wednesday-Thursday, Friday-Sunday).
_THIRDS = {"early": 0, "mid": 1, "late": 2}


@_base(
    r"\b(?i:(later|earlier|early|mid|late)[- ])?"
    rf"(?i:(this|next|last|past|coming) ({_PERIOD_UNIT}|weekend))\b",
)
def _named_period(match: re.Match, published: date, _: str) -> Reading:
    part, which, unit = (match.group(1) or "").lower(), match.group(2).lower(), match.group(3)
    unit = unit.lower()
    offset = {"next": 1, "coming": 1, "last": -1, "past": -1}.get(which, 0)
    precision = unit
    if unit == "weekend":
        monday = period(published, "week", offset)[0]
        first, last, precision = monday + timedelta(days=5), monday + timedelta(days=6), "days"
    else:
        first, last = period(published, unit, offset)
    if part == "later" and offset == 0:
        first = published + timedelta(days=1)
    elif part == "earlier" and offset == 0:
        last = published - timedelta(days=1)
    elif part in _THIRDS:
        first, last = _third(first, last, unit, _THIRDS[part])
        precision = "days" if unit in ("week", "month") else precision
    direction = "future" if offset > 0 or part == "later" else "past" if offset < 0 else ""
    says = f"runs from {show(first)} to {show(last)}"
    return Reading(first, last, precision, says, "", direction)


def _third(first: date, last: date, unit: str, which: int) -> tuple[date, date]:
    """The early, middle or late part of a week, month or year."""
    if unit == "year":
        start = date(first.year, 1 + 4 * which, 1)
        return start, shift_month(start, 4) - timedelta(days=1)
    if unit == "month":
        start = first + timedelta(days=10 * which)
        return start, last if which == 2 else start + timedelta(days=9)
    start = first + timedelta(days=2 * which)
    return start, last if which == 2 else start + timedelta(days=1)


@_base(r"\b(?i:(?:over|at|during) the weekend)\b")
def _the_weekend(match: re.Match, published: date, sentence_tense: str) -> Reading:
    saturday = week(published)[0] + timedelta(days=5)
    past = saturday if saturday <= published else saturday - timedelta(weeks=1)
    coming = (
        saturday if published <= saturday + timedelta(days=1) else saturday + timedelta(weeks=1)
    )
    weekend = (past, past + timedelta(days=1))
    upcoming = (coming, coming + timedelta(days=1))
    if sentence_tense == "future":
        first, last = upcoming
        says = f"is {show(first)} to {show(last)}, the next weekend (the sentence speaks of it so)"
        return Reading(first, last, "days", says, "", "future")
    first, last = weekend
    says = f"is read as {show(first)} to {show(last)}, the last weekend"
    other = (
        ""
        if sentence_tense == "past" or upcoming == weekend
        else (f"the next weekend, {show(upcoming[0])} to {show(upcoming[1])}")
    )
    return Reading(first, last, "days", says, other, "past")


@_base(
    rf"\b(?i:the )?(?i:(end|beginning|start)) of (?i:(the|this|next|last)) ({_PERIOD_UNIT})\b",
)
def _period_edge(match: re.Match, published: date, _: str) -> Reading:
    edge, which, unit = match.group(1).lower(), match.group(2).lower(), match.group(3).lower()
    offset = {"next": 1, "last": -1}.get(which, 0)
    first, last = period(published, unit, offset)
    if unit == "year":
        first, last = month_span(first.year, 12) if edge == "end" else month_span(first.year, 1)
        precision = "month"
    elif unit == "month":
        first, last = (
            (last - timedelta(days=last.day - 21), last)
            if edge == "end"
            else (
                first,
                first + timedelta(days=9),
            )
        )
        precision = "days"
    else:
        first, last = (
            (first + timedelta(days=4), last)
            if edge == "end"
            else (
                first,
                first + timedelta(days=1),
            )
        )
        precision = "days"
    return Reading(first, last, precision, f"is read as {show(first)} to {show(last)}")


def _pick_year(
    candidates: Callable[[int], tuple[date, date]], published: date, sentence_tense: str
) -> tuple[date, date, str]:
    """The interval for a month or day given without a year; the reason, for the resolution."""
    options = [candidates(published.year + delta) for delta in (-1, 0, 1)]
    if sentence_tense == "past":
        chosen = max(o for o in options if o[0] <= published)
        return *chosen, "the last one up to publication (the sentence speaks of the past)"
    if sentence_tense == "future":
        chosen = min(o for o in options if o[1] >= published)
        return *chosen, "the next one from publication (the sentence speaks of the future)"
    chosen = min(
        options,
        key=lambda o: (
            min(abs((o[0] - published).days), abs((o[1] - published).days))
            if not o[0] <= published <= o[1]
            else 0
        ),
    )
    return *chosen, "the one nearest the publication date"


def _month_number(name: str) -> int:
    return MONTHS.index(name) + 1 if name in MONTHS else _ABBREVIATIONS[name]


def _valid_day(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


@_base(
    rf"\b({_MONTH_NAME})\.? ?({_DAY}){_ORDINAL}(?:{_DASH}({_DAY}){_ORDINAL})?"
    rf"(?:,? ({_YEAR}))?\b(?!:)"
    rf"|\b({_DAY}){_ORDINAL} ({_MONTH_NAME})(?: ({_YEAR}))?\b"
)
def _month_day(match: re.Match, published: date, sentence_tense: str) -> Reading | None:
    if match.group(5):
        month, first_day, last_day, year = match.group(6), match.group(5), None, match.group(7)
    else:
        month, first_day, last_day, year = match.groups()[:4]
    number = _month_number(month)
    first_day, last_day = int(first_day), int(last_day or first_day)
    if last_day < first_day:
        return None
    if year:
        year = int(year)
        if not _valid_day(year, number, last_day):
            return None
        first, last, how = date(year, number, first_day), date(year, number, last_day), ""
    else:

        def days(y: int) -> tuple[date, date]:
            end = min(last_day, calendar.monthrange(y, number)[1])
            return date(y, number, min(first_day, end)), date(y, number, end)

        first, last, how = _pick_year(days, published, sentence_tense)
        how = f"; no year is printed, so the year is that of {how}"
    precision = "day" if first == last else "days"
    span = show(first) if first == last else f"{show(first)} to {show(last)}"
    return Reading(first, last, precision, f"is {span}{how}")


_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@_base(
    rf"\b(?:(?i:(last|next|this|coming|past)) )?(?:(?i:(early|mid|late))[- ]?)?"
    rf"({_MONTH_NAME})(?:({_ABBREVIATED_DOT})|\b)(?!\.? ?{_DAY}\b)(?:,? ({_YEAR}))?"
)
def _month_only(match: re.Match, published: date, sentence_tense: str) -> Reading | None:
    which, part, name, period_, year = match.groups()
    which, part = (which or "").lower(), (part or "").lower()
    modified = which or part or year or _word_before(match) in _MONTH_PREPOSITIONS
    if name not in MONTHS and not (period_ and modified):
        return None  # an abbreviation alone ("Mar") is too often something else; "in Dec." is not
    if name == "May" and not modified:
        return None  # most likely the surname, or the verb at a sentence start
    number = _month_number(name)

    def span(y: int) -> tuple[date, date]:
        first, last = month_span(y, number)
        if part:
            low, high = _PART[part]
            return first.replace(day=low), last.replace(day=min(high, last.day))
        return first, last

    how = ""
    if year:
        first, last = span(int(year))
    elif which:
        first, last, how = _named_month(span, number, which, published)
    else:
        first, last, how = _pick_year(span, published, sentence_tense)
        how = f"; no year is printed, so the year is that of {how}"
    precision = "days" if part else "month"
    return Reading(first, last, precision, f"is {show(first)} to {show(last)}{how}")


def _named_month(span, number: int, which: str, published: date) -> tuple[date, date, str]:
    """ "last November": the latest November before the publication month (said in November,
    a year back); "next", "coming": the first after it; "this": the publication year's."""
    if which in ("last", "past"):
        year = published.year if number < published.month else published.year - 1
        how = "; “last” takes the latest one before the publication month"
    elif which in ("next", "coming"):
        year = published.year if number > published.month else published.year + 1
        how = "; “next” takes the first one after the publication month"
    else:
        year, how = published.year, "; “this” takes the publication year's"
    return *span(year), how


@_base(rf"(?<![\d,.]){_YEAR}\b(?![,.]\d)")
def _year(match: re.Match, published: date, _: str) -> Reading | None:
    if _word_before(match) not in _MONTH_PREPOSITIONS:
        return None  # a bare number such as a count is not a year
    year = int(match.group(0))
    return Reading(date(year, 1, 1), date(year, 12, 31), "year", f"is the year {year}")


def _word_before(match: re.Match) -> str:
    before = match.string[: match.start()].split()
    return before[-1].lower().rstrip("-") if before else ""


@_base(
    rf"\b(?i:(in|within|after) (?:(?:the next|about|around|some) )?({_NUMBER})"
    rf"(?: (?:to|or|{_DASH}) ({_NUMBER}))? ({_UNIT})s?)\b"
    rf"|\b(?i:({_NUMBER}) ({_UNIT})s? ago)\b"
)
def _amount(match: re.Match, published: date, _: str) -> Reading:
    if match.group(5):
        unit = match.group(6).lower()
        day = add(published, -count(match.group(5)), unit)
        first, last = holding(day, unit)
        says = f"is {show(first)}" if unit == "day" else f"is the {unit} that holds {show(day)}"
        if first != last:
            says += f", {show(first)} to {show(last)}"
        return Reading(first, last, unit, says, "", "past")
    word, low, high, unit = match.group(1).lower(), match.group(2), match.group(3), match.group(4)
    unit = unit.lower()
    low = count(low)
    high = count(high) if high else low
    if word == "within":
        first, last = published, add(published, high, unit)
    else:
        first, last = add(published, low, unit), add(published, high, unit)
    precision = "day" if first == last else ("days" if unit == "day" else unit)
    span = show(first) if first == last else f"{show(first)} to {show(last)}"
    return Reading(first, last, precision, f"is {span}", "", "future")


@_base(
    r"\b(?i:(earlier|recently|recent|previously|in the past|in recent (?:days|weeks|months|years)"
    r"|soon(?! as)|shortly|(?<!no )later(?! than)|in the coming (?:weeks|months)"
    r"|for (?:days|weeks|months|years|decades)))\b"
)
def _vague(match: re.Match, published: date, _: str) -> Reading:
    words = match.group(1).lower()
    if words.startswith("for "):
        return Reading(None, None, "unknown", "gives no date: both ends are left open")
    if words.startswith(("soon", "shortly", "later", "in the coming")):
        says = (
            f"gives no date: only that it comes after publication, {show(published)}; "
            "the latest is left open"
        )
        return Reading(published, None, "unknown", says, "", "future")
    says = (
        f"gives no date: only that it came before publication, {show(published)}; "
        "the earliest is left open"
    )
    return Reading(None, published, "unknown", says, "", "past")


@_base(r"\b(?i:(?:in|over|within) the (?:next|coming) (?:few |several )?days)\b")
def _next_few_days(match: re.Match, published: date, _: str) -> Reading:
    """ "A few" sets no last day: at least three days, to the end of the third one's week."""
    first = published + timedelta(days=1)
    last = week(published + timedelta(days=3))[1]
    says = (
        f"starts the day after it, {show(first)}; the words set no last day, so it is read as at "
        f"least three days, to the end of that week, {show(last)}"
    )
    return Reading(first, last, "days", says, "", "future")


@_base(r"\b(?:(?i:the) )?((?:1[89]|20)\d0)s\b")
def _decade(match: re.Match, published: date, _: str) -> Reading:
    year = int(match.group(1))
    first, last = date(year, 1, 1), date(year + 9, 12, 31)
    return Reading(first, last, "decade", f"is the decade {year} to {year + 9}")


_BASES.extend(durations.PATTERNS)
_BASES.extend(anaphora.PATTERNS)


# --- open ends and spans -----------------------------------------------------------------

_OPEN_START = ("as soon as", "as early as", "after", "since", "starting", "from")
_OPEN_END = ("as late as", "no later than", "by", "until", "till", "before")
_PREFIX = re.compile(
    r"\b(?i:(as soon as|as early as|as late as|no later than|after|since|starting|from|by|until"
    r"|till|before|on|in|at|during)) $"
)
# Expressions that begin with their own preposition take no other ("went on for months").
_PREPOSITIONS = {
    *("for", "in", "within", "after", "since", "by", "from", "between", "over", "at", "during"),
}
_SPAN = re.compile(r",? or (?:even )?as late as |(?: to |[-–])| and ")
# A span word needs the word that opens it: "between X and Y", "from X to Y".
_SPAN_OPENER = {"and": "between", "to": "from", "-": "from", "–": "from"}


def find(
    sentence: str, published: date, offset: int = 0, before: tuple[str, Reading] | None = None
) -> list[TimeExpression]:
    """Every time expression in `sentence`, with offsets shifted by `offset` (where the
    sentence starts in the article), in the order they appear; `before` is the last dated
    expression of the sentences before it, from which "ten years later" counts."""
    return _find(sentence, published, offset, before)[0]


def find_all(sentences: Iterable[tuple[str, int]], published: date) -> list[list[TimeExpression]]:
    """The expressions of each of an article's sentences (text, offset) in turn, an anaphoric
    one ("the next day") counted from the last dated one before it, across sentences."""
    found, before = [], None
    for sentence, offset in sentences:
        expressions, before = _find(sentence, published, offset, before)
        found.append(expressions)
    return found


def _find(sentence, published, offset, before) -> tuple[list[TimeExpression], tuple | None]:
    bases, before = _resolved(sentence, published, before)
    found = []
    for start, end, reading in _after_a_day(sentence, published, list(_spans(sentence, bases))):
        text = sentence[start:end]
        counted_from = reading.counted_from or f"the publication date, {show(published)}"
        resolution = f"Counted from {counted_from}, “{text}” {reading.says}."
        if reading.alternative:
            resolution += f" It could also mean {reading.alternative}: check."
        found.append(
            TimeExpression(
                **asdict(reading),
                start=offset + start,
                end=offset + end,
                text=text,
                resolution=resolution,
            )
        )
    return found, before


def _resolved(sentence: str, published: date, before: tuple[str, Reading] | None):
    """The sentence's base expressions with durations placed and anaphoric ones counted from
    the last dated one before them; and the last dated one, for the next sentence."""
    bases = []
    for start, end, reading in durations.anchor(sentence, published, _bases(sentence, published)):
        if reading.pending[:1] == ("anaphor",):
            reading = anaphora.resolve(reading, before, published)
        before = anaphora.antecedent_of(sentence[start:end], reading) or before
        bases.append((start, end, reading))
    return bases, before


def _bases(sentence: str, published: date) -> list[tuple[int, int, Reading]]:
    """Base expressions, the longest first where two overlap."""
    candidates = []
    for pattern, handler in _BASES:
        for match in pattern.finditer(sentence):
            sentence_tense = tense(sentence, match.start(), match.end())
            reading = handler(match, published, sentence_tense)
            if reading is not None:
                candidates.append((match.start(), match.end(), reading))
    chosen: list[tuple[int, int, Reading]] = []
    for start, end, reading in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, reading))
    return sorted(chosen, key=lambda c: c[0])


def _spans(
    sentence: str, bases: list[tuple[int, int, Reading]]
) -> Iterator[tuple[int, int, Reading]]:
    index = 0
    while index < len(bases):
        start, end, reading = bases[index]
        word, start, reading = _with_prefix(sentence, start, reading)
        if index + 1 < len(bases):
            following = bases[index + 1]
            joined = _dated_weekday(sentence, (start, end, reading), following) or _joined(
                sentence, word, (start, end, reading), following
            )
            if joined:
                yield joined
                index += 2
                continue
        yield start, end, reading
        if word in (*_OPEN_START, *_OPEN_END) and sentence.startswith(", when ", end):
            yield _itself(bases[index])
        index += 1


def _itself(base: tuple[int, int, Reading]) -> tuple[int, int, Reading]:
    """ "since the 1990s, when a famine struck": the clause after "when" happened in the
    period itself, so the period is proposed as well, without the open end."""
    start, end, reading = base
    note = "; the clause after “when” happened in it"
    return start, end, replace(reading, says=reading.says + note)


_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)


def _after_a_day(
    sentence: str, published: date, spans: list[tuple[int, int, Reading]]
) -> list[tuple[int, int, Reading]]:
    """ "X on Monday, even after a recent Y": "after" puts Y before that Monday, so an undated
    past expression after the word "after" ends the day before a day named earlier on."""
    ordered = []
    for start, end, reading in spans:
        day = next(
            (
                r.earliest
                for s, e, r in spans
                if e <= start
                and r.earliest is not None
                and r.earliest == r.latest
                and _AFTER.search(sentence, e, start)
            ),
            None,
        )
        vague_past = reading.direction == "past" and reading.earliest is None
        if day and vague_past and reading.latest == published and day <= published:
            latest = day - timedelta(days=1)
            note = f"; “after” puts it before {show(day)}, so the latest is {show(latest)}"
            reading = replace(reading, latest=latest, says=reading.says + note)
        ordered.append((start, end, reading))
    return ordered


def _dated_weekday(
    sentence: str, first: tuple[int, int, Reading], second: tuple[int, int, Reading]
) -> tuple[int, int, Reading] | None:
    """ "Monday, Nov. 13": the date decides, when its weekday is the one printed."""
    start, end, _ = first
    next_start, next_end, dated = second
    day = dated.earliest
    if sentence[end:next_start] != ", " or day is None or day != dated.latest:
        return None
    if not sentence[start:end].endswith(WEEKDAYS[day.weekday()]):
        return None
    return start, next_end, replace(dated, says=dated.says + ", the weekday printed")


def _with_prefix(sentence: str, start: int, reading: Reading) -> tuple[str, int, Reading]:
    """Take in a preposition before the expression; an open-ended one opens an end."""
    prefix = _PREFIX.search(sentence[max(0, start - 20) : start])
    if not prefix or sentence[start:].split(" ", 1)[0].lower() in _PREPOSITIONS:
        return "", start, reading
    word = prefix.group(1)
    start -= len(prefix.group(0))
    lower = word.lower()
    if lower in _OPEN_START and reading.earliest:
        note = f"; “{word}” fixes only the earliest date, the latest is left open"
        reading = replace(reading, latest=None, says=reading.says + note)
    elif lower in _OPEN_END and reading.latest:
        latest = reading.latest
        if lower == "before" and reading.earliest:  # before X: up to the day before X starts
            latest = reading.earliest - timedelta(days=1)
        note = f"; “{word}” fixes only the latest date, {show(latest)}; the earliest is left open"
        reading = replace(reading, earliest=None, latest=latest, says=reading.says + note)
    return lower, start, reading


def _joined(
    sentence: str,
    opener: str,
    first: tuple[int, int, Reading],
    second: tuple[int, int, Reading],
) -> tuple[int, int, Reading] | None:
    """ "X, or even as late as Y", "between X and Y", "from X to Y": one span, from X's start to
    Y's end. Weekdays are never joined: a weekday names one day."""
    start, end, one = first
    next_start, next_end, other = second
    between = sentence[end:next_start]
    link = _SPAN.fullmatch(between)
    if not link:
        return None
    needed = _SPAN_OPENER.get(between.strip())
    if needed and opener != needed and not sentence[:start].lower().endswith(needed + " "):
        return None
    if needed == "between":
        start = sentence[:start].lower().rindex("between")
    earliest = one.earliest or (one.latest if opener in _OPEN_END else None)
    if earliest is None or other.latest is None or other.latest < earliest:
        return None
    if any(day in sentence[start:next_end] for day in WEEKDAYS):
        return None
    if earliest == other.latest:
        precision = "day"
    elif one.precision == other.precision != "day":
        precision = one.precision
    else:
        precision = "days"
    says = (
        f"runs from {show(earliest)} to {show(other.latest)}: the start of the first "
        "and the end of the second"
    )
    return start, next_end, Reading(earliest, other.latest, precision, says)
