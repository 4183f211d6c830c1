"""How long `validate` takes, and how much memory, on packages at and past the limits.

Run: .venv/bin/python benchmarks/validate_limits.py

Three copies of the real package are checked, each in a fresh process (its peak memory is the
process's own): as it is; grown to the limits (context.csv and events.csv at 10,000 rows, the
tables near 20 MB; its new events are supported by no claim, so it also lists those problems);
and past the size limit, which must be refused before a row is read. Before there were limits,
a 50 MB context.csv took 14 s and 470 MB to validate.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from explainer.package import limits

DATA = Path(__file__).resolve().parents[1] / "data" / "korea-us-consultations"
MEASURE = """
import re, sys, time
from pathlib import Path
from explainer.package import validate_package
started = time.perf_counter()
problems = validate_package(sys.argv[1])
seconds = time.perf_counter() - started
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across exec.
status = Path("/proc/self/status").read_text()
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024
print(f"{seconds:.2f} s, peak {peak:.0f} MB, {len(problems)} problems")
"""


def grow(folder: Path, file: str, rows: int, make) -> None:
    """Append rows made by `make(n)` until the table has `rows` data rows."""
    with (folder / file).open(encoding="utf-8", newline="") as handle:
        header, *records = list(csv.reader(handle))
    with (folder / file).open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for n in range(rows - len(records)):
            writer.writerow(make(n, header))


def context_row(n: int, header: list[str]) -> list[str]:
    values = {"id": f"x_bench_{n}", "fact": f"Fact {n}. " + "word " * 330, "source": "bench"}
    return [values.get(name, "") for name in header]


def event_row(n: int, header: list[str]) -> list[str]:
    values = {
        "id": f"e_bench_{n}",
        "label": f"Event {n}",
        "actors": "allies",
        "precision": "unknown",
        "status": "ongoing",
    }
    return [values.get(name, "") for name in header]


def measure(name: str, folder: Path) -> None:
    size = sum(p.stat().st_size for p in folder.iterdir())
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(folder)], capture_output=True, text=True, check=True
    )
    print(f"{name:<32} {size / 1e6:6.1f} MB on disk: {result.stdout.strip()}")


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        measure("the real package", DATA)
        at_limits = root / "at-limits"
        shutil.copytree(DATA, at_limits)
        grow(at_limits, "context.csv", limits.ROWS, context_row)
        grow(at_limits, "events.csv", limits.ROWS, event_row)
        measure("at the limits (10,000 rows)", at_limits)
        past = root / "past-limits"
        shutil.copytree(at_limits, past)
        with (past / "context.csv").open("a", encoding="utf-8") as handle:
            handle.write(" " * limits.PACKAGE_BYTES)
        measure("past the size limit", past)


if __name__ == "__main__":
    main()
