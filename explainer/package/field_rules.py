"""Rules a field asks for beyond its type: the x- properties, and plain text everywhere.

x-verbatim and x-offsets tie the annotations to the article's exact words, so a reader can always
be shown the sentence a claim rests on. Text is plain text: no control character, no line break
outside prose (a name with a newline breaks a chart's label), no value of spaces only, no item
listed twice, and nothing an HTML parser would read as markup. Escaping everywhere is what keeps
a reader's browser safe (every view escapes every value); this rule keeps text showing as it was
written, rather than as stray tags where a teacher expected bold type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .cells import items
from .csv_tables import Row, Table
from .descriptor import Field
from .engine_rules import OUTSIDE_PROSE, PROSE
from .problems import Problem, quoted
from .rules import (
    BLANK_TEXT,
    CONTROL_CHARACTER,
    CURLY_QUOTE,
    LINE_BREAK,
    LISTED_TWICE,
    MARKUP,
    OFFSETS,
    VERBATIM,
    WITHIN,
    Rule,
)

# What the HTML tokenizer reads as markup (WHATWG HTML, "tag open state"): "<" followed by an
# ASCII letter (a tag, however it goes on: `<img/src=x onerror=...>`), "/" (an end tag), "!" (a
# comment or doctype) or "?" (a processing instruction). Any other "<" is text to a browser.
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits on
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # Cc but tab, \n and \r
_QUOTATION = re.compile(r"“([^“”]+)”")  # a passage in curly quotes


def check_fields(tables: Mapping[str, Table | None], text: str | None) -> list[Problem]:
    """Problems with field rules in every readable row; rules that need the article text are
    skipped when `text` is None (its own problem is already reported)."""
    problems: list[Problem] = []
    for table in filter(None, tables.values()):
        for field in table.resource.fields:
            for row in table.rows:
                if row.has(field.name):
                    problems += _row_problems(table, field, row, text)
    return problems


def _row_problems(table: Table, field: Field, row: Row, text: str | None) -> Iterator[Problem]:
    value = row.values[field.name]

    def problem(rule: Rule, name: str, message: str) -> Problem:
        return rule.at(table.file, row.number, name, message)

    if field.textual:
        prose = (table.resource.name, field.name) in PROSE and field.type == "string"
        for item in items(value):
            if found := _text_problem(item, prose):
                rule, message = found
                yield problem(rule, field.name, message)
    if field.type == "list":
        for item in dict.fromkeys(i for i in value if value.count(i) > 1):
            message = f"{quoted(item)} is listed twice: name each item once"
            yield problem(LISTED_TWICE, field.name, message)
    if prose_quotes_article(table, field) and text is not None:
        for passage in dict.fromkeys(_QUOTATION.findall(value)):
            if passage not in text:
                yield problem(
                    CURLY_QUOTE,
                    field.name,
                    f"{quoted(passage)} is in curly quotes, which mark the article's own words, "
                    "but the article does not say it: quote it exactly, or drop the curly quotes",
                )
    if field.verbatim and text is not None:
        for item in items(value):
            if item not in text:
                message = f"{quoted(item)} does not occur in the article text"
                yield problem(VERBATIM, field.name, message)
    if field.within and row.has(field.within):
        for item in items(value):
            if item not in row.values[field.within]:
                message = f"{quoted(item)} does not occur in {field.within}"
                yield problem(WITHIN, field.name, message)
    if field.offsets and text is not None and row.has(*field.offsets):
        for name, message in _offset_problems(table, field, row, text):
            yield problem(OFFSETS, name, message)


def prose_quotes_article(table: Table, field: Field) -> bool:
    """Whether curly quotes in this field stand for the article's words: in all prose but the
    facts from outside the article, which quote their own sources."""
    where = (table.resource.name, field.name)
    return where in PROSE and where not in OUTSIDE_PROSE and field.type == "string"


def _text_problem(item: str, prose: bool) -> tuple[Rule, str] | None:
    """The rule one piece of text breaks and what to say (None if none): the first thing a
    person must fix."""
    if not prose and any(c in _LINE_BREAKS for c in item):
        return LINE_BREAK, "holds a line break: a name, a label or a list item is one line"
    if control := _CONTROL.search(item):
        message = f"holds the control character U+{ord(control.group()):04X}: delete it"
        return CONTROL_CHARACTER, message
    if not item.strip():
        return BLANK_TEXT, "holds only spaces: write the value, or leave the cell empty"
    if markup := _MARKUP.search(item):
        shown = quoted(item[markup.start() : markup.start() + 30])
        return MARKUP, (
            f"looks like HTML ({shown}); data is plain text: a browser reads "
            '"<" before a letter, "/", "!" or "?" as markup, so put a space after "<"'
        )
    return None


def _offset_problems(table: Table, field: Field, row: Row, text: str) -> Iterator[tuple[str, str]]:
    """(field, message) pairs: the quote must stand in the text exactly at its offsets."""
    assert field.offsets is not None  # the caller's condition
    quote = row.values[field.name]
    offsets = [(name, row.values[name]) for name in field.offsets]
    if not quote:
        for name, value in offsets:
            if value is not None:
                yield name, f"an offset is given but {field.name} is empty"
        return
    for name, value in offsets:
        spec = table.resource.field(name)
        if value is None and not (spec and spec.required):  # else reported as required
            yield name, f"{field.name} is given but {name} is empty"
    (start_name, start), (end_name, end) = offsets
    if start is None or end is None:
        return
    if start >= 0 and text[start:end] == quote:
        return  # where it should be: its other places, if any, need not be looked for
    found = _occurrences(text, quote)
    if not found:
        yield field.name, "not found in the article text"
    elif (start, end) not in found:
        wrong = end_name if any(s == start for s, _ in found) else start_name
        places = " or ".join(f"{s}..{e}" for s, e in found)
        yield wrong, f"{field.name} is at {places}, not at {start}..{end}"


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) at which `quote` stands in `text`, in code points."""
    found = []
    start = text.find(quote)
    while start != -1:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found
