"""A small made-up package whose optional tables are all empty: no dating steps, no takeaways,
no outside context, no context actors. The generator and the views must cope with it.

The town, the people and the story are invented for the tests; every offset is worked out from
the text, so the package validates by construction.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

DESCRIPTOR = (
    Path(__file__).resolve().parents[1] / "data" / "korea-us-consultations" / "datapackage.json"
)

HEADLINE = "Town Council To Vote On Bridge Repairs"
TEXT = (
    f"{HEADLINE}\n"
    "Riverton, Mar 6 (Valley Wire) The town council will probably vote on repairs to the old "
    "bridge next Wednesday, council members said. Mayor Ana Lima said the work could not wait. "
    "The bridge was closed last year, according to residents. Nobody has proposed a new bridge.\n"
)

ACTORS = [
    # id, name, type, group, mention, role
    ("valley_wire", "Valley Wire", "media", "media", "Valley Wire", ""),
    ("council", "Riverton town council", "government_body", "town", "The town council", ""),
    ("ana_lima", "Ana Lima", "person", "town", "Ana Lima", "Mayor"),
    ("members", "Unnamed council members", "anonymous_source", "unnamed", "council members", ""),
    ("residents", "Unnamed residents", "anonymous_source", "unnamed", "residents", ""),
]
EVENTS = [
    # id, label, actors, earliest, latest, precision, date_text, resolution, status
    (
        "e_vote",
        "Council votes on the repairs",
        "council",
        "2026-03-11",
        "2026-03-11",
        "day",
        "next Wednesday",
        "Counted from the dateline, Friday 2026-03-06: Wednesday 2026-03-11.",
        "tentative",
    ),
    (
        "e_closed",
        "The bridge is closed",
        "council",
        "2025-01-01",
        "2025-12-31",
        "year",
        "last year",
        "The year before the publication year 2026: some time in 2025.",
        "happened",
    ),
    (
        "e_new_bridge",
        "A new bridge",
        "council",
        "",
        "",
        "unknown",
        "",
        "No date: nobody has proposed it.",
        "ruled_out",
    ),
]
CLAIMS = [
    # id, quote, summary, attribution, source_kind, certainty, hedges, about, events
    (
        "c_vote",
        "The town council will probably vote on repairs to the old bridge next Wednesday",
        "The council is likely to vote on the repairs next Wednesday.",
        "valley_wire;members",
        "anonymous",
        "probable",
        "probably",
        "council",
        "e_vote",
    ),
    (
        "c_wait",
        "Mayor Ana Lima said the work could not wait.",
        "The mayor says the repairs are urgent.",
        "valley_wire;ana_lima",
        "on_record",
        "certain",
        "",
        "ana_lima;council",
        "",
    ),
    (
        "c_closed",
        "The bridge was closed last year, according to residents.",
        "Residents say the bridge was closed last year.",
        "valley_wire;residents",
        "anonymous",
        "certain",
        "",
        "council",
        "e_closed",
    ),
    (
        "c_no_new",
        "Nobody has proposed a new bridge.",
        "No new bridge is planned.",
        "valley_wire",
        "article_voice",
        "negated",
        "",
        "council",
        "e_new_bridge",
    ),
]
OPTIONAL = ("dating", "takeaways", "takeaway_support", "context", "context_actors")


def write_synthetic(folder: Path) -> Path:
    """Write the package into `folder` (created); returns it."""
    folder.mkdir(parents=True)
    shutil.copy(DESCRIPTOR, folder / "datapackage.json")
    (folder / "article.txt").write_bytes(TEXT.encode("utf-8"))
    sha = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    _write(
        folder / "article.csv",
        [
            "id",
            "headline",
            "publisher",
            "wire_source",
            "dateline",
            "published",
            "text_path",
            "sha256",
        ],
        [
            (
                "riverton_bridge",
                HEADLINE,
                "Valley Wire",
                "",
                "Riverton, Mar 6",
                "2026-03-06",
                "article.txt",
                sha,
            )
        ],
    )
    _write(
        folder / "groups.csv",
        ["id", "label", "order"],
        [("town", "Riverton", 1), ("media", "News media", 2), ("unnamed", "Unnamed sources", 3)],
    )
    _write(
        folder / "actors.csv",
        ["id", "name", "type", "country", "group", "mention", "role"],
        [(i, n, t, "", g, m, r) for i, n, t, g, m, r in ACTORS],
    )
    _write(
        folder / "events.csv",
        [
            "id",
            "label",
            "actors",
            "earliest",
            "latest",
            "precision",
            "date_text",
            "resolution",
            "status",
        ],
        EVENTS,
    )
    rows = []
    for cid, quote, summary, attribution, kind, certainty, hedges, about, events in CLAIMS:
        start = TEXT.index(quote)
        rows.append(
            (
                cid,
                quote,
                start,
                start + len(quote),
                summary,
                attribution,
                kind,
                certainty,
                hedges,
                about,
                events,
            )
        )
    _write(
        folder / "claims.csv",
        [
            "id",
            "quote",
            "start",
            "end",
            "summary",
            "attribution",
            "source_kind",
            "certainty",
            "hedges",
            "about",
            "events",
        ],
        rows,
    )
    for name in OPTIONAL:
        with (DESCRIPTOR.parent / f"{name}.csv").open(encoding="utf-8") as real:
            header = real.readline()
        (folder / f"{name}.csv").write_text(header, encoding="utf-8")
    return folder


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
