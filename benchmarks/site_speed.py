"""The JupyterLite site: its size, and the time from opening it to every cell done.

Builds the site (downloads cached in build/site-cache), serves it with its own serve.py on
127.0.0.1, and opens the launcher's address in headless chromium N times, each in a fresh
browser context (a first visit: nothing cached, the service worker installed anew). Each run
times, from the page's navigation start: the kernel ready (Pyodide loaded, every wheel
preloaded), then Run All to every cell done and every chart drawn. Requests to other hosts are
blocked and counted; the figure must be 0.

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
from test_browser_explainer import ALL_CELLS_RAN, KERNEL_IDLE  # noqa: E402

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
        server = lite.serve(site, Path(tmp) / "serve")
        try:
            runs = [open_once(lite.start_url(server)) for _ in range(args.runs)]
        finally:
            server.stop()
    kernel = [r[0] for r in runs]
    done = [r[1] for r in runs]
    external = sum(r[2] for r in runs)
    print(
        f"site: {size / 1e6:.1f} MB ({pyodide / 1e6:.1f} MB of it Pyodide and the wheels); "
        f"built in {built:.0f} s (downloads cached)"
    )
    print(
        f"opening to kernel ready, median of {args.runs}: {statistics.median(kernel):.1f} s "
        f"(range {min(kernel):.1f}-{max(kernel):.1f})"
    )
    print(
        f"opening to all cells done and charts drawn: {statistics.median(done):.1f} s "
        f"(range {min(done):.1f}-{max(done):.1f}); target < {TARGET_SECONDS} s"
    )
    print(f"requests to other machines: {external} (target 0)")


def open_once(url: str) -> tuple[float, float, int]:
    with harness.chromium() as browser:
        page = harness.watched_page(browser, service_workers="allow")
        page.goto(url, timeout=60_000)
        page.wait_for_function(KERNEL_IDLE, timeout=180_000, polling=100)
        kernel = page.evaluate("() => performance.now()") / 1000
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        page.wait_for_function(ALL_CELLS_RAN, timeout=180_000, polling=100)
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
