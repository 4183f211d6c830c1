"""The actor filter at scale in the browser: from a click to the timeline redrawn, in chromium.

The synthetic package of kernel_speed.py (10,000 events, 10,000 claims, 200 actors) is loaded
into an Explorer in a JupyterLab notebook, as a teacher with a long report would. Then, for
each of the three choices a reader makes (one actor, a side's quick pick, everyone), the time
from the click (the select's change event, or the button's click) to the first animation
frame at which the page shows the new timeline, drawn with exactly the events it should show.
Each choice starts from another one, so every click is a real change. Timed inside the page
(performance.now), so the browser automation's own overhead is not counted; the kernel's work,
the websocket and JupyterLab's drawing all are.

Also printed: the bytes the page receives from the kernel per click (websocket frames).

Run from the repository root (about 2 minutes):

    .venv/bin/python benchmarks/browser_scale.py [--runs N]

Nothing is asserted: the figures are for reading, each the median of the runs with its spread,
next to its target (a click drawn within half a second, sending at most 512 KB).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import harness  # noqa: E402
from browser_speed import KernelBytes  # noqa: E402
from kernel_speed import commit  # noqa: E402
from synthetic import synthetic_package  # noqa: E402

from explainer.views.explorer import Explorer  # noqa: E402
from explainer.views.selection import events_involving  # noqa: E402
from explainer.views.timeline_chart import MAX_EVENTS  # noqa: E402

SCALE = {"events": 10_000, "actors": 200, "claims": 10_000}
ACTOR = "a010"  # the actor kernel_speed.py times
TARGETS = {"seconds": 0.5, "bytes": 512 * 1024}

NOTEBOOK = """\
{{"cells": [{{"cell_type": "code", "execution_count": null, "metadata": {{}}, "outputs": [],
 "source": ["import sys\\n", "sys.path.insert(0, {benchmarks!r})\\n",
            "from synthetic import synthetic_package\\n",
            "from explainer.views.explorer import Explorer\\n",
            "Explorer(synthetic_package(events={events}, actors={actors}, claims={claims}))"]}}],
 "metadata": {{"kernelspec": {{"display_name": "Python 3", "language": "python",
   "name": "python3"}}}}, "nbformat": 4, "nbformat_minor": 5}}
"""

# Arm a watch: the next `event` ("change" on the select, "click" on a button) starts the
# clock, which stops at the first frame where a new timeline draws exactly `ids`.
ARM = """([event, ids]) => {
  const X = window.__explainer;
  const root = X.explorer();
  const target = event === 'change' ? root.querySelector('.widget-select-multiple select') : root;
  const before = X.charts(root)[0];
  const want = JSON.stringify([...ids].sort());
  window.__clicked = new Promise((resolve, reject) => {
    target.addEventListener(event, () => {
      const t0 = performance.now();
      const tick = () => {
        const timeline = X.charts(X.explorer())[0];
        if (timeline && timeline !== before && X.drawn(timeline)
            && JSON.stringify(X.ids(timeline)) === want) return resolve(performance.now() - t0);
        if (performance.now() - t0 > 60000) return reject(new Error('timeline not updated'));
        requestAnimationFrame(tick);
      };
      tick();
    }, {once: true, capture: true});
  });
}"""


def choices(explorer: Explorer) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, how it is made: an option's index or a button's name, actor ids) of each choice."""
    group = next(name for name in explorer.picks if name != "All actors")
    index = [actor_id for _name, actor_id in explorer.filter.options].index(ACTOR)
    return [
        (f"one actor ({ACTOR})", f"option:{index}", (ACTOR,)),
        (f"quick pick '{group}'", f"button:{group}", explorer.picks[group]),
        ("all actors", "button:All actors", explorer.picks["All actors"]),
    ]


def click(page, how: str) -> None:
    kind, what = how.split(":", 1)
    if kind == "option":
        page.locator(".widget-select-multiple select").first.select_option(index=[int(what)])
    else:
        page.locator("button.widget-button", has_text=what).first.click()


def measure(runs: int) -> dict[str, dict[str, list[float]]]:
    package = synthetic_package(**SCALE)
    cases = choices(Explorer(package))
    drawn = {
        name: sorted(e.id for e in events_involving(package, ids)[:MAX_EVENTS])
        for name, _how, ids in cases
    }
    results = {name: {"seconds": [], "bytes": []} for name, _how, _ids in cases}
    with tempfile.TemporaryDirectory(prefix="browser-scale-") as tmp:
        home = Path(tmp)
        harness.copy_project(home / "root")
        notebook = home / "root" / "notebooks" / "scale.ipynb"
        notebook.write_text(
            NOTEBOOK.format(benchmarks=str(ROOT / "benchmarks"), **SCALE), encoding="utf-8"
        )
        server = harness.start_lab(home / "server", home / "root")
        try:
            with harness.chromium() as browser:
                page = harness.watched_page(browser)
                received = KernelBytes(page)
                page.goto(server.url("/lab/tree/notebooks/scale.ipynb?reset"), timeout=120_000)
                page.wait_for_function(harness.KERNEL_IDLE, timeout=120_000)
                harness.install_helpers(page)
                page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
                page.wait_for_function(
                    "() => { const r = window.__explainer.explorer(); return r &&"
                    " window.__explainer.charts(r).length >= 2; }",
                    timeout=300_000,
                )
                page.wait_for_function(harness.KERNEL_IDLE, timeout=120_000)
                for run in range(runs):
                    for name, how, _ids in cases:
                        event = "change" if how.startswith("option:") else "click"
                        page.evaluate(ARM, [event, drawn[name]])
                        received.total, received.counting = 0, True
                        click(page, how)
                        seconds = page.evaluate("() => window.__clicked") / 1000
                        page.wait_for_function(harness.KERNEL_IDLE, timeout=60_000)
                        page.wait_for_timeout(300)  # late comm messages of the click
                        received.counting = False
                        results[name]["seconds"].append(seconds)
                        results[name]["bytes"].append(received.total)
                        print(
                            f"  run {run + 1}, {name}: {seconds * 1000:.0f} ms, "
                            f"{received.total / 1024:,.0f} KB"
                        )
                problems = page.watch.problems()
                if problems:
                    print("  the page reported problems:", *problems, sep="\n    ")
        finally:
            server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    missing = harness.browser_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # leave through `finally`
    started = time.monotonic()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"browser_scale: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit "
        f"{commit()}, {os.cpu_count()} cores, load {load}; synthetic package {SCALE}, "
        f"{args.runs} runs"
    )
    results = measure(args.runs)
    print(f"\n  {'click -> timeline redrawn in chromium':44} {'median':>8} {'min-max':>13}  target")
    for name, measured in results.items():
        seconds, sent = measured["seconds"], measured["bytes"]
        median = statistics.median(seconds)
        verdict = "PASS" if median < TARGETS["seconds"] else "MISS"
        spread = f"{min(seconds) * 1000:.0f}-{max(seconds) * 1000:.0f} ms"
        print(
            f"  {name:44} {median * 1000:>5.0f} ms {spread:>13}  < "
            f"{TARGETS['seconds'] * 1000:.0f} ms {verdict}"
        )
        kb = statistics.median(sent) / 1024
        verdict = "PASS" if statistics.median(sent) <= TARGETS["bytes"] else "MISS"
        print(f"  {'  received from the kernel':44} {kb:>5.0f} KB {'':13}  <= 512 KB {verdict}")
    print(f"\n({time.monotonic() - started:.0f} s in all; KB = 1024 bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
