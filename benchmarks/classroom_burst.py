"""A burst of page loads at once on the classroom server, past the class's places, on loopback.

The server is `python -m explainer classroom` for a small class (default 3), isolated, on a
free port, with `--idle 3`. Once its pool has run the notebook and gone quiet, LOADS clients
that run no scripts (each a plain HTTP request with the link, as a page load is, but never
connecting to its kernel) ask for the page at once. Printed: how many got a page and a kernel
(target: the class's places), how many "the class is full" and how fast, the kernels running
at the peak; then, once the loads' kernels are culled (they never connect: after the time a
page has to connect) and the pool is refilled, the memory of the server and of its kernels
against what it was before the burst (target: back to it).

Before the cap: 60 loads for a class of 3 started 60 kernels (3.76 GB) and Voilà grew from 100
to 279 MB and never came back.

Run: .venv/bin/python benchmarks/classroom_burst.py [--students 3] [--loads 60]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import classroom_server  # noqa: E402
import harness  # noqa: E402

from explainer.classroom.config import Lesson  # noqa: E402

KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=3)
    parser.add_argument("--loads", type=int, default=60)
    args = parser.parse_args()
    places = Lesson(harness.NOTEBOOK, args.students).places
    with tempfile.TemporaryDirectory() as tmp:
        server = classroom_server.start(Path(tmp), args.students, idle=3)
        try:
            report(args.students, args.loads, places, burst(server, args.students, args.loads))
        finally:
            server.stop()


def timed_load(url: str) -> tuple[int, float, str]:
    """(status, seconds, the page's kernel id or "")."""
    started = time.monotonic()
    status, body = classroom_server.load(url)
    found = KERNEL_ID.search(body)
    return status, time.monotonic() - started, found.group(1) if found else ""


def burst(server, students: int, loads: int) -> dict:
    classroom_server.wait_quiet(server)
    before = classroom_server.memory(server)
    with concurrent.futures.ThreadPoolExecutor(loads) as pool_of_clients:
        answers = list(pool_of_clients.map(lambda _: timed_load(server.url("/")), range(loads)))
    peak = len(classroom_server.kernels(server))  # the loads' first kernels may be culled by now
    pages = {kernel for _, _, kernel in answers if kernel}
    started = time.monotonic()

    def back() -> bool:  # the loads' kernels culled, and the pool refilled (new kernels)
        running = classroom_server.kernel_ids(server)
        return not running & pages and len(running) == students

    classroom_server.wait_for(back, 600, "back to the pool alone")
    classroom_server.wait_quiet(server)
    return {
        "answers": answers,
        "peak": peak,
        "back_after": time.monotonic() - started,
        "before": before,
        "after": classroom_server.memory(server),
    }


def report(students: int, loads: int, places: int, figures: dict) -> None:
    answers = figures["answers"]
    served = [seconds for status, seconds, _ in answers if status == 200]
    full = [seconds for status, seconds, _ in answers if status == 503]
    other = len(answers) - len(served) - len(full)
    before, after = figures["before"], figures["after"]
    print(f"\n{loads} page loads at once, class of {students} ({places} places), loopback")
    print(
        f"  given a page and a kernel: {len(served)} (target {places}), slowest {max(served):.1f} s"
    )
    print(
        f"  'the class is full': {len(full)}, slowest {max(full, default=0):.2f} s; other {other}"
    )
    print(f"  kernels running once every load was answered: {figures['peak']}")
    print(
        f"  back to the pool alone {figures['back_after']:.0f} s after the burst; memory before / "
        f"after: server {before['server'] / 1e6:.0f} / {after['server'] / 1e6:.0f} MB, kernels "
        f"{before['kernels'] / 1e6:.0f} / {after['kernels'] / 1e6:.0f} MB (target: back to it)"
    )


if __name__ == "__main__":
    main()
