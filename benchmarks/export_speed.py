"""How long each export takes, how large its file is, and how long reading one back takes.

Run: .venv/bin/python benchmarks/export_speed.py

On the real package and on the synthetic one at the limits (10,000 events, 10,000 claims,
200 actors; benchmarks/synthetic.py), in this process: building the document, counting it
and serialising it (what `export` does but the write), then, for the two annotation formats,
reading the file and finding every annotation's quote again (what `import-annotations` does
before it writes). The median of 3 runs each, in seconds.
"""

from __future__ import annotations

import statistics
import sys
from functools import partial
from pathlib import Path
from time import perf_counter

from synthetic import synthetic_package

from explainer.export import FORMATS, dumped
from explainer.export.annotations_in import read_annotations
from explainer.export.claims_in import claims_from
from explainer.package import load_package

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


def median_seconds(work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        start = perf_counter()
        result = work()
        times.append(perf_counter() - start)
    return statistics.median(times), result


def exported(chosen, package) -> bytes:
    document = chosen.build(package)
    chosen.count(package, document)
    return dumped(document)


def imported(package, data: bytes):
    return claims_from(package, read_annotations(data))


def main() -> None:
    packages = {
        "korea-us-consultations": load_package(ROOT / "data" / "korea-us-consultations"),
        "synthetic 10,000 events and claims": synthetic_package(),
    }
    print(f"{'package':<36} {'format':<15} {'export':>8} {'size':>10} {'import':>8}")
    for name, package in packages.items():
        for chosen in FORMATS.values():
            seconds, data = median_seconds(partial(exported, chosen, package))
            shown = f"{name:<36} {chosen.name:<15} {seconds:7.2f}s {len(data) / 1e3:7.0f} kB"
            if chosen.name in ("web-annotation", "hypothesis"):
                read, _ = median_seconds(partial(imported, package, data))
                shown += f" {read:7.2f}s"
            print(shown)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
