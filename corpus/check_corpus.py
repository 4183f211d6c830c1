"""Check the corpus against its own rules (GUIDELINES.md), beyond what `explainer validate` checks.

`validate` checks each annotated package; this checks what the corpus adds: that the split is
the recorded one, that every story's text is where the split puts it and has not changed since
its sources note was written, and that the gold files of every annotated story agree with its
text and its package (offsets, ids, intervals, cue kinds, and the package's own hedges).

Run: `.venv/bin/python corpus/check_corpus.py` (exit 1 and one line per problem if any).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from split import HERE, SPLIT_DATE, deal, read_stories

Row = dict[str, str]

GOLD_COLUMNS = {
    "sentences": ["id", "start", "end", "role", "claims", "text"],
    "timex": [
        "id",
        "text",
        "start",
        "end",
        "type",
        "value",
        "mod",
        "signal",
        "anchor",
        "earliest",
        "latest",
        "precision",
        "event",
        "function",
        "reading",
    ],
    "hedges": ["id", "cue", "start", "end", "kind", "device", "claim", "note"],
    "sources": ["id", "text", "start", "end", "actor", "kind", "described", "claims", "note"],
}
SPAN_FIELD = {"sentences": "text", "timex": "text", "hedges": "cue", "sources": "text"}
ROLES = {"headline", "date_line", "byline", "claim", "other"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {""} | set(
    [
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "START",
        "MID",
        "END",
        "APPROX",
    ]
)
PRECISIONS = {"day", "days", "week", "month", "year", "decade", "unknown"}
CUE_KINDS = {"possible", "probable", "negated"}
SOURCE_KINDS = {"named_person", "named_body", "media", "unnamed", "document"}
SHA_LINE = re.compile(r"SHA-256 \| `([0-9a-f]{64})`")


def read(path: Path) -> tuple[list[str], list[Row]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def items(cell: str) -> list[str]:
    return [item for item in cell.split(";") if item]


def is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def split_problems() -> Iterator[str]:
    stories = read_stories()
    _, kept = read(HERE / "split.csv")
    if [(r["story"], r["half"]) for r in kept] != deal(stories):
        yield "split.csv: does not follow from stories.csv and the rule in split.py"
    if any(r["split_date"] != SPLIT_DATE for r in kept):
        yield f"split.csv: a split_date other than {SPLIT_DATE}"
    for story in stories:
        if story["withdrawn"]:  # its text was taken out of the corpus; its place in the deal stays
            continue
        half = next((r["half"] for r in kept if r["story"] == story["slug"]), "")
        folder = HERE / half / story["slug"]
        text_path, note = folder / "article.txt", folder / "SOURCES.md"
        if not text_path.is_file() or not note.is_file():
            yield f"{half}/{story['slug']}: article.txt and SOURCES.md are both needed"
            continue
        data = text_path.read_bytes()
        recorded = SHA_LINE.search(note.read_text(encoding="utf-8"))
        if not recorded or recorded.group(1) != hashlib.sha256(data).hexdigest():
            yield f"{half}/{story['slug']}/article.txt: its SHA-256 is not the one in SOURCES.md"
        if story["headline"] not in data.decode("utf-8"):
            yield f"{half}/{story['slug']}: the headline of stories.csv is not in article.txt"


def gold_problems(folder: Path) -> Iterator[str]:
    text = (folder / "article.txt").read_text(encoding="utf-8")
    ids = {
        name: {row["id"] for row in read(folder / f"{name}.csv")[1]}
        for name in ("actors", "events", "claims")
    }
    claims = {row["id"]: row for row in read(folder / "claims.csv")[1]}
    tables: dict[str, list[Row]] = {}
    for name, columns in GOLD_COLUMNS.items():
        path = folder / "gold" / f"{name}.csv"
        where = f"{folder.name}/gold/{name}.csv"
        if not path.is_file():
            yield f"{where}: missing"
            continue
        header, rows = read(path)
        if header != columns:
            yield f"{where}: columns must be {','.join(columns)}"
            continue
        tables[name] = rows
        for number, row in enumerate(rows, start=2):
            yield from (f"{where}:{number}: {p}" for p in row_problems(name, row, text, ids))
    yield from cue_agreement(folder.name, tables.get("hedges", []), claims)
    yield from claims_in_sentences(folder.name, tables.get("sentences", []), claims)


def row_problems(name: str, row: Row, text: str, ids: dict[str, set[str]]) -> Iterator[str]:
    start, end, span = row["start"], row["end"], row[SPAN_FIELD[name]]
    if not (start.isdigit() and end.isdigit()) or text[int(start) : int(end)] != span:
        yield f"{SPAN_FIELD[name]}: not at {start}-{end} in article.txt"
    references = {
        "sentences": [("claims", c) for c in items(row.get("claims", ""))],
        "timex": [("events", row.get("event", ""))],
        "hedges": [("claims", row.get("claim", ""))],
        "sources": [("actors", row.get("actor", ""))]
        + [("claims", c) for c in items(row.get("claims", ""))],
    }[name]
    for table, key in references:
        if key and key not in ids[table]:
            yield f"{key!r} is no row of {table}.csv"
    if name == "sentences" and row["role"] not in ROLES:
        yield f"role: one of {', '.join(sorted(ROLES))}"
    if name == "hedges" and row["kind"] not in CUE_KINDS:
        yield f"kind: one of {', '.join(sorted(CUE_KINDS))}"
    if name == "sources" and row["kind"] not in SOURCE_KINDS:
        yield f"kind: one of {', '.join(sorted(SOURCE_KINDS))}"
    if name == "timex":
        yield from timex_problems(row)


def timex_problems(row: Row) -> Iterator[str]:
    if row["type"] not in TIMEX_TYPES:
        yield f"type: one of {', '.join(sorted(TIMEX_TYPES))}"
    if row["mod"] not in MODS:
        yield "mod: a TimeML mod (LESS_THAN, START, ...) or empty"
    if row["precision"] not in PRECISIONS:
        yield f"precision: one of {', '.join(sorted(PRECISIONS))}"
    earliest, latest = row["earliest"], row["latest"]
    for field, value in (("earliest", earliest), ("latest", latest)):
        if value and not is_date(value):
            yield f"{field}: a date YYYY-MM-DD or empty"
    if is_date(earliest) and is_date(latest) and earliest > latest:
        yield "earliest is after latest"
    if row["precision"] == "day" and earliest != latest:
        yield "precision day: earliest and latest are one day"
    if not row["value"]:
        yield "value: a TimeML value is needed (XXXX-XX-XX style where unknown)"


def cue_agreement(name: str, cues: list[Row], claims: dict[str, Row]) -> Iterator[str]:
    """Each claim's hedges in claims.csv are exactly the cues that hedges.csv places in it."""
    placed: dict[str, list[str]] = {}
    for cue in cues:
        if cue["claim"]:
            placed.setdefault(cue["claim"], []).append(cue["cue"])
    for key, claim in claims.items():
        if sorted(items(claim["hedges"])) != sorted(placed.get(key, [])):
            yield f"{name}/gold/hedges.csv: the cues placed in {key} differ from its hedges"


def claims_in_sentences(name: str, units: list[Row], claims: dict[str, Row]) -> Iterator[str]:
    for key, claim in claims.items():
        start, end = int(claim["start"]), int(claim["end"])
        if not any(
            int(u["start"]) <= start and end <= int(u["end"]) and key in items(u["claims"])
            for u in units
        ):
            yield f"{name}/gold/sentences.csv: no claim sentence holds {key} and lists it"


def main() -> int:
    problems = list(split_problems())
    packages = sorted(p.parent for p in HERE.glob("*/*/datapackage.json"))
    for folder in packages:
        problems.extend(gold_problems(folder))
    for problem in problems:
        print(problem)
    print(f"{len(packages)} annotated stories checked: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
