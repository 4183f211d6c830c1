"""The rule that split the corpus into a development and a test half, before any tuning.

Each story of `stories.csv` belongs to one stratum (where and how it was published, and the
one cluster of stories on a single negotiation). Strata are taken in the order of STRATA; the
stories of each are sorted by slug and shuffled by one random generator seeded with SEED; the
resulting list is dealt out test, dev, test, dev, ... So every stratum is spread over both
halves, and the test half gets the odd story out.

The split was made once, on SPLIT_DATE, and recorded in `split.csv`; it is kept. Run
`python corpus/split.py` to check that the record still follows from the rule and the catalogue
(exit 1 if not). `--write` wrote the record on SPLIT_DATE and is not run again: stories added
later get a deal of their own (a new seed and date, appended to split.csv), so that no story
already in a half ever moves.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261202
SPLIT_DATE = "2026-12-02"
STRATA = ("voa-site-tibet-talks", "voa-site-other", "republished", "wikinews")
HALVES = ("test", "dev")


def read_stories(path: Path = HERE / "stories.csv") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def deal(stories: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(slug, half) for every story, by the rule in the module docstring."""
    unknown = sorted({s["stratum"] for s in stories} - set(STRATA))
    if unknown:
        raise ValueError(f"stories.csv: stratum not in STRATA: {', '.join(unknown)}")
    generator = random.Random(SEED)
    order: list[str] = []
    for stratum in STRATA:
        members = sorted(s["slug"] for s in stories if s["stratum"] == stratum)
        generator.shuffle(members)
        order.extend(members)
    return [(slug, HALVES[index % 2]) for index, slug in enumerate(order)]


def record(dealt: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"story": slug, "half": half, "split_date": SPLIT_DATE} for slug, half in dealt]


def main(argv: list[str]) -> int:
    rows = record(deal(read_stories()))
    target = HERE / "split.csv"
    if "--write" in argv:
        with target.open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=["story", "half", "split_date"])
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {target.name}: {len(rows)} stories")
        return 0
    with target.open(encoding="utf-8", newline="") as file:
        kept = list(csv.DictReader(file))
    if kept != rows:
        print("split.csv does not follow from stories.csv and the rule", file=sys.stderr)
        return 1
    counts = {half: sum(r["half"] == half for r in rows) for half in HALVES}
    print(f"split.csv follows from the rule: {counts['dev']} dev, {counts['test']} test")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
