"""A small made-up package whose optional tables are all empty: no dating steps, no takeaways,
no outside context, no context actors. The generator and the views must cope with it.

The town, the people and the story are invented for the tests; every offset is worked out from
the text, so the package validates by construction. Each table takes its columns from the real
package's file, so a column added to the format is there too (left empty).
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "data" / "korea-us-consultations"

HEADLINE = "Town Council To Vote On Bridge Repairs"
TEXT = (
    f"{HEADLINE}\n"
    "Riverton, Mar 6 (Valley Wire) The town council will probably vote on repairs to the old "
    "bridge next Wednesday, council members said. Mayor Ana Lima said the work could not wait. "
    "The bridge was closed last year, according to residents. Nobody has proposed a new bridge.\n"
)


def _rows(columns: str, *rows: tuple) -> list[dict[str, object]]:
    names = columns.split()
    return [dict(zip(names, row, strict=True)) for row in rows]


ARTICLE = _rows(
    "id headline publisher dateline published text_path sha256",
    ("riverton_bridge", HEADLINE, "Valley Wire", "Riverton, Mar 6", "2026-03-06", "article.txt",
     hashlib.sha256(TEXT.encode("utf-8")).hexdigest()),
)  # fmt: skip
GROUPS = _rows(
    "id label order",
    ("town", "Riverton", 1),
    ("media", "News media", 2),
    ("unnamed", "Unnamed sources", 3),
)
ACTORS = _rows(
    "id name type group mention role",
    ("valley_wire", "Valley Wire", "media", "media", "Valley Wire", ""),
    ("council", "Riverton town council", "government_body", "town", "The town council", ""),
    ("ana_lima", "Ana Lima", "person", "town", "Ana Lima", "Mayor"),
    ("members", "Unnamed council members", "anonymous_source", "unnamed", "council members", ""),
    ("residents", "Unnamed residents", "anonymous_source", "unnamed", "residents", ""),
)
EVENTS = _rows(
    "id label actors earliest latest precision date_text resolution status",
    ("e_vote", "Council votes on the repairs", "council", "2026-03-11", "2026-03-11", "day",
     "next Wednesday", "Counted from the dateline, Friday 2026-03-06: Wednesday 2026-03-11.",
     "tentative"),
    ("e_closed", "The bridge is closed", "council", "2025-01-01", "2025-12-31", "year",
     "last year", "The year before the publication year 2026: some time in 2025.", "happened"),
    ("e_new_bridge", "A new bridge", "council", "", "", "unknown", "",
     "No date: nobody has proposed it.", "ruled_out"),
)  # fmt: skip
CLAIMS = _rows(
    "id quote summary attribution source_kind certainty hedges about events",
    ("c_vote", "The town council will probably vote on repairs to the old bridge next Wednesday",
     "The council is likely to vote on the repairs next Wednesday.", "valley_wire;members",
     "anonymous", "probable", "probably", "council", "e_vote"),
    ("c_wait", "Mayor Ana Lima said the work could not wait.",
     "The mayor says the repairs are urgent.", "valley_wire;ana_lima", "on_record", "certain",
     "", "ana_lima;council", ""),
    ("c_closed", "The bridge was closed last year, according to residents.",
     "Residents say the bridge was closed last year.", "valley_wire;residents", "anonymous",
     "certain", "", "council", "e_closed"),
    ("c_no_new", "Nobody has proposed a new bridge.", "No new bridge is planned.",
     "valley_wire", "article_voice", "negated", "Nobody", "council", "e_new_bridge"),
)  # fmt: skip
for claim in CLAIMS:
    claim["start"] = TEXT.index(claim["quote"])
    claim["end"] = claim["start"] + len(claim["quote"])

TABLES = {
    "article": ARTICLE,
    "groups": GROUPS,
    "actors": ACTORS,
    "events": EVENTS,
    "claims": CLAIMS,
}
OPTIONAL = ("dating", "takeaways", "takeaway_support", "context", "context_actors")


def write_synthetic(folder: Path) -> Path:
    """Write the package into `folder` (created); returns it."""
    folder.mkdir(parents=True)
    shutil.copy(REAL / "datapackage.json", folder / "datapackage.json")
    (folder / "article.txt").write_bytes(TEXT.encode("utf-8"))
    for name in (*TABLES, *OPTIONAL):
        with (REAL / f"{name}.csv").open(newline="", encoding="utf-8") as real:
            header = next(csv.reader(real))
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, header, restval="", lineterminator="\n")
            writer.writeheader()
            writer.writerows(TABLES.get(name, []))
    return folder
