"""Rules about what the tables mean together, for any article package of this shape.

Dates are intervals that must make sense and agree with any weekday the article names; nothing
hangs loose (an event that no claim supports, an actor that nothing uses); and each step of the
dating rests on one kind of evidence, a quote or an outside fact, so the reader knows which;
and a native name comes with a language the column can be named after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from .cells import items
from .csv_tables import Table
from .languages import language_name
from .problems import Problem, quoted
from .rules import (
    DATE_ORDER,
    DATE_PRECISION,
    DATE_WEEKDAY,
    DATING_EVIDENCE,
    NATIVE_LANGUAGE,
    UNSUPPORTED_EVENT,
    UNUSED_ACTOR,
    Rule,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


def check_package_rules(tables: Mapping[str, Table | None]) -> list[Problem]:
    """Problems with how the tables fit together; tables that could not be read are skipped."""
    return [
        *_event_dates(tables.get("events")),
        *_unused(
            tables,
            UNSUPPORTED_EVENT,
            "events",
            "event",
            [("claims", "events")],
            "is supported by no claim",
        ),
        *_unused(
            tables,
            UNUSED_ACTOR,
            "actors",
            "actor",
            [("events", "actors"), ("claims", "attribution"), ("claims", "about")],
            "is not used",
        ),
        *_dating_evidence(tables.get("dating")),
        *_native_names(tables.get("context_actors")),
    ]


def _event_dates(events: Table | None) -> Iterator[Problem]:
    if events is None:
        return
    for row in events.rows:
        if row.has("earliest", "latest", "precision", "date_text"):
            for rule, field, message in _date_problems(row.values):
                yield rule.at(events.file, row.number, field, message)


def _date_problems(values: Mapping[str, Any]) -> Iterator[tuple[Rule, str, str]]:
    """(rule, field, message) for each problem with one event's dates."""
    earliest, latest = values["earliest"], values["latest"]
    if earliest and latest and earliest > latest:
        yield DATE_ORDER, "earliest", f"earliest {earliest} is after latest {latest}"
    day = earliest if earliest is not None and earliest == latest else None
    if values["precision"] == "day" and day is None:
        shown = f"{_show(earliest)} and {_show(latest)}"
        yield (
            DATE_PRECISION,
            "precision",
            f'"day" needs earliest and latest to be the same day, not {shown}',
        )
    elif day is not None and values["precision"] != "day":
        message = f'earliest and latest are the same day, {day}, so the precision is "day"'
        yield DATE_PRECISION, "precision", f"{message}, not {quoted(values['precision'])}"
    text = values["date_text"]
    named = list(dict.fromkeys(w.capitalize() for w in _WEEKDAY.findall(text)))
    if named and day is None:
        names = " and ".join(named)
        message = f"{quoted(text)} names {names}, so earliest and latest must be one day"
        yield DATE_WEEKDAY, "date_text", message
    if day is None:
        return
    for weekday in named:
        actual = WEEKDAYS[day.weekday()]
        if weekday != actual:
            yield (
                DATE_WEEKDAY,
                "date_text",
                f"{quoted(text)} names {weekday}, but {day} is a {actual}",
            )


def _show(day: date | None) -> str:
    return str(day) if day else "(empty)"


def _unused(
    tables: Mapping[str, Table | None],
    rule: Rule,
    name: str,
    what: str,
    uses: list[tuple[str, str]],
    unused: str,
) -> Iterator[Problem]:
    """Rows of table `name` whose id appears in none of the `uses` (table, field) columns.

    Skipped unless every table in `uses` was wholly read: otherwise an id may be used in a row
    that could not be read.
    """
    table, used = tables.get(name), set[str]()
    for source, field in uses:
        other = tables.get(source)
        if table is None or other is None or not other.intact:
            return
        for row in other.rows:
            used.update(items(row.values.get(field)))
    if table is None:
        return
    where = ", ".join(f"{source}.{field}" for source, field in uses)
    for row in table.rows:
        key = row.values.get("id")
        if key and key not in used:
            message = f"{what} {quoted(key)} {unused} (in {where})"
            yield rule.at(table.file, row.number, "id", message)


def _dating_evidence(dating: Table | None) -> Iterator[Problem]:
    if dating is None:
        return
    for row in dating.rows:
        if row.has("quote", "context") and bool(row.values["quote"]) == bool(row.values["context"]):
            which = (
                "both a quote and a context" if row.values["quote"] else "neither quote nor context"
            )
            message = f"has {which}: each step rests on exactly one of them"
            yield DATING_EVIDENCE.at(dating.file, row.number, "quote,context", message)


def _native_names(context_actors: Table | None) -> Iterator[Problem]:
    """A native name needs its language, one CLDR can name: it heads the column and is the
    name's `lang=`; a language with no name to go with it is a slip."""
    if context_actors is None:
        return
    for row in context_actors.rows:
        if not row.has("native_name", "native_language"):
            continue
        name, language = row.values["native_name"], row.values["native_language"]
        if name and not language:
            message = "native_name is given, so give its language as a BCP 47 tag (ko: Korean)"
            yield NATIVE_LANGUAGE.at(context_actors.file, row.number, "native_language", message)
        elif language and not name:
            message = f"{quoted(language)} is given but native_name is empty: fill both or neither"
            yield NATIVE_LANGUAGE.at(context_actors.file, row.number, "native_language", message)
        elif language and language_name(language) is None:
            message = f"{quoted(language)} is not a language tag known to CLDR (ko, ja, zh-Hant...)"
            yield NATIVE_LANGUAGE.at(context_actors.file, row.number, "native_language", message)
