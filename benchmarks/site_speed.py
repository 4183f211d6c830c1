"""The JupyterLite site: its size, and the time from opening it to every cell done.

Builds the site (downloads cached in build/site-cache), serves it with its own serve.py on
127.0.0.1, and opens the launcher's address in headless chromium N times, each in a fresh
browser context (a first visit: nothing cached, the service worker installed anew). Each run
times, from the page's navigation start: the kernel ready (Pyodide loaded, every wheel
preloaded), then Run All to every cell done and every chart drawn. Requests to other hosts are
blocked and counted; the figure must be 0. The size is printed first, so that it is measured
even where a run does not finish; a run that does not finish within its wait says so.

Run: .venv/bin/python benchmarks/site_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

import harness  # noqa: E402
import lite  # noqa: E402
from explainer_page import ALL_CELLS_RAN  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

KERNEL_IDLE = harness.KERNEL_IDLE

TARGET_SECONDS = 30  # a class waits for this once, at the start of a lesson


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        site = lite.build(Path(tmp) / "site")
        built = time.monotonic() - started
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        pyodide = sum(p.stat().st_size for p in (site / "static" / "pyodide").iterdir())
        print(
            f"site: {size / 1e6:.1f} MB ({pyodide / 1e6:.1f} MB of it Pyodide and the wheels); "
            f"built in {built:.0f} s (downloads cached)",
            flush=True,
        )
        server = lite.serve(site, Path(tmp) / "serve")
        try:
            runs = [open_once(lite.start_url(server)) for _ in range(args.runs)]
        finally:
            server.stop()
    finished = [r for r in runs if r is not None]
    if len(finished) < len(runs):
        print(
            f"runs that did not finish (every cell done) within the wait: "
            f"{len(runs) - len(finished)} of {len(runs)}"
        )
    if not finished:
        return
    kernel = [r[0] for r in finished]
    done = [r[1] for r in finished]
    external = sum(r[2] for r in finished)
    print(
        f"opening to kernel ready, median of {len(finished)}: {statistics.median(kernel):.1f} s "
        f"(range {min(kernel):.1f}-{max(kernel):.1f})"
    )
    print(
        f"opening to all cells done and charts drawn: {statistics.median(done):.1f} s "
        f"(range {min(done):.1f}-{max(done):.1f}); target < {TARGET_SECONDS} s"
    )
    print(f"requests to other machines: {external} (target 0)")


def open_once(url: str) -> tuple[float, float, int] | None:
    """One first visit's figures, or None if it did not finish within the waits."""
    with harness.chromium() as browser:
        page = harness.watched_page(browser, service_workers="allow")
        page.goto(url, timeout=60_000)
        page.wait_for_function(KERNEL_IDLE, timeout=180_000, polling=100)
        kernel = page.evaluate("() => performance.now()") / 1000
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        try:
            page.wait_for_function(ALL_CELLS_RAN, timeout=120_000, polling=100)
        except PlaywrightTimeout:
            page.context.close()
            return None
        page.wait_for_function(KERNEL_IDLE, timeout=180_000, polling=100)
        harness.install_helpers(page)
        page.wait_for_function(
            "() => window.__explainer.charts().every(c => window.__explainer.drawn(c))",
            timeout=60_000,
            polling=100,
        )
        done = page.evaluate("() => performance.now()") / 1000
        external = len(page.watch.external)
        page.context.close()
    return kernel, done, external


if __name__ == "__main__":
    main()
