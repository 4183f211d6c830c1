"""How fast the explainer is in its kernel, and how big the stored notebook is.

Run from the repository root:

    .venv/bin/python benchmarks/kernel_speed.py

It prints each figure as a median with its spread (min-max) over several runs, next to its
target, and says PASS or MISS. Nothing is asserted: timings vary from machine to machine and
with what else is running, so the figures are for reading, not for failing a build.

1. Running the whole notebook in a fresh kernel, against a "floor" notebook that only imports
   what the explainer imports: the ratio is what the explainer's own work adds.
2. A click on the actor filter, from Explorer.choose() to every linked view updated, timed
   inside a kernel, on the real article and on a synthetic package of 10,000 events.
3. The stored notebook's size, which every reader downloads.
4. Why the kernel never imports plotly or nbformat: the cost of the first chart drawn through
   plotly's renderers, against the explainer's plain JSON bundles.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "korea-us-consultations.ipynb"
DATA = ROOT / "data" / "korea-us-consultations"
NOTEBOOK_RUNS = 7
REAL_CLICKS = 9
SYNTHETIC_CLICKS = 5
FRESH_RUNS = 5


@dataclass(frozen=True)
class Figure:
    """One measured figure: its values over the runs, and the target it is read against."""

    name: str
    values: Sequence[float]
    unit: str
    target: float | None = None  # an upper bound; None for figures shown for context only
    inclusive: bool = False  # "at most" rather than "under"

    def cells(self) -> list[str]:
        low, mid, high = min(self.values), statistics.median(self.values), max(self.values)
        spread = f"{low:.{self.digits}f}–{high:.{self.digits}f}" if len(self.values) > 1 else ""
        if self.target is None:
            target = verdict = ""
        else:
            within = mid <= self.target if self.inclusive else mid < self.target
            target = f"{'≤' if self.inclusive else '<'} {self.target:g} {self.unit}"
            verdict = "PASS" if within else "MISS"
        return [self.name, f"{mid:.{self.digits}f} {self.unit}", spread, target, verdict]

    @property
    def digits(self) -> int:
        return 1 if self.unit in ("ms", "KB") else 2


def print_table(title: str, figures: Sequence[Figure], notes: Sequence[str] = ()) -> None:
    rows = [["figure", "median", "min–max", "target", ""]] + [f.cells() for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    print(f"\n{title}")
    for row in rows:
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  " + line.rstrip())
    for note in notes:
        print("  " + note)


# 1. The whole notebook, against a floor that only imports -------------------------------------


def notebook_imports(path: Path) -> str:
    """The import statements of every code cell of a notebook, in order, as source."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    lines = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(cell["source"]))
        except SyntaxError:  # IPython magics: not imports
            continue
        lines += [ast.unparse(n) for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return "\n".join(dict.fromkeys(lines))


def write_notebook(path: Path, sources: Sequence[str]) -> Path:
    import nbformat

    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def run_notebook(path: Path, cwd: Path):
    """Execute a notebook in a fresh kernel started in `cwd`; returns it, saves nothing.

    `cwd` is the kernel's working folder, as for `python -m explainer execute`: the notebook
    loads "../data", so the explainer runs from the repository's notebooks folder. Kernel
    stderr (a warning about unencrypted local TCP) is dropped; a failing cell still raises.
    The notebook's metadata gets "seconds_to_last_cell": from the call to the last cell done.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    start = perf_counter()

    def cell_done(**_) -> None:
        notebook.metadata["seconds_to_last_cell"] = perf_counter() - start

    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        store_widget_state=False,
        record_timing=False,
        on_cell_executed=cell_done,
    )
    client.execute(stderr=subprocess.DEVNULL)
    return notebook


def time_notebooks(work: Path) -> tuple[list[Figure], list[str]]:
    """Full runs of a temporary copy of the explainer and of the floor, taken in turns.

    Each is timed from starting its kernel to its last cell done, as a reader waits after
    Run All; shutting the kernel down is left out (it now and then waits about 3 s for the
    kernel process to exit, which would swamp a 1 s notebook). Taking the two in turns spreads
    any slowdown of the machine over both, so their ratio holds.
    """
    explainer = work / "korea-us-consultations.ipynb"
    shutil.copyfile(NOTEBOOK, explainer)
    imports = notebook_imports(NOTEBOOK)
    floor = write_notebook(work / "floor.ipynb", [imports])
    run_notebook(floor, NOTEBOOK.parent)  # warm the disk cache for both, untimed
    full, bare = [], []
    for _ in range(NOTEBOOK_RUNS):
        for path, times in ((explainer, full), (floor, bare)):
            done = run_notebook(path, NOTEBOOK.parent)
            times.append(done.metadata["seconds_to_last_cell"])
    ratios = [f / b for f, b in zip(full, bare, strict=True)]
    figures = [
        Figure("explainer notebook: kernel start to last cell", full, "s"),
        Figure("floor notebook (imports only), same", bare, "s"),
        Figure("ratio explainer / floor (per pair)", ratios, "x", 1.5, inclusive=True),
    ]
    return figures, ["floor notebook: " + imports.replace("\n", "; ")]


# 2. A click on the actor filter, timed in the kernel ------------------------------------------

KERNEL_CELL = """\
import sys
sys.path.insert(0, {benchmarks!r})
from filter_timing import report
from synthetic import synthetic_package
from explainer.package.load import load_package

report(
    [
        ("real", load_package({data!r}), "park_il", {real_runs}),
        ("synthetic", synthetic_package(events=10_000, actors=200, claims=10_000), "a010", {runs}),
    ]
)
"""


def time_clicks(work: Path) -> tuple[list[Figure], list[str]]:
    """Run filter_timing in a fresh kernel and turn its JSON line into figures."""
    source = KERNEL_CELL.format(
        benchmarks=str(ROOT / "benchmarks"),
        data=str(DATA),
        real_runs=REAL_CLICKS,
        runs=SYNTHETIC_CLICKS,
    )
    notebook = run_notebook(write_notebook(work / "clicks.ipynb", [source]), ROOT)
    (output,) = [o for o in notebook.cells[0].outputs if o.get("name") == "stdout"]
    results = json.loads(output["text"])
    figures = []
    for package, target in (("real", 20), ("synthetic", 100)):
        built = results[package].pop("explorer built")["seconds"]
        figures.append(Figure(f"Explorer built, {package} (first draw, once)", built, "s"))
        for case, measured in results[package].items():
            shown = f"{measured['events']} ev, {measured['claims']} cl"
            name = f"click, {package}: {case} [{shown}]"
            figures.append(Figure(name, [s * 1000 for s in measured["seconds"]], "ms", target))
    notes = ["view output sent to the browser per click:"]
    for package, cases in results.items():
        sizes = ", ".join(f"{case} {m['payload'] / 1024:,.0f} KB" for case, m in cases.items())
        notes.append(f"  {package}: {sizes}")
    return figures, notes


# 3. The stored notebook -----------------------------------------------------------------------


def notebook_size() -> Figure:
    return Figure("stored notebook size", [NOTEBOOK.stat().st_size / 1024], "KB", 300)


# 4. plotly's renderers and nbformat, against plain JSON bundles -------------------------------

IMPORT_NBFORMAT = """\
import nbformat
"""

# What fig.show() did in the kernel before the explainer built its own bundles. plotly.io's
# _renderers module imports nbformat when it is first loaded (plotly 7.1: the module-level
# `nbformat = optional_imports.get_module("nbformat")`), and show() or the figure's
# _repr_mimebundle_ both go through it. show() then hands this same bundle to IPython.display.
OLD_FIRST_CHART = """\
import plotly.graph_objects as go
import plotly.io as pio
from explainer.package.load import load_package
from explainer.views.timeline_chart import timeline_figure

package = load_package({data!r})
pio.renderers.default = "plotly_mimetype"
bundle = go.Figure(timeline_figure(package, package.events))._repr_mimebundle_()
"""

OUR_FIRST_CHART = """\
from explainer import views
from explainer.package.load import load_package

package = load_package({data!r})
bundle = views.timeline(package)._repr_mimebundle_()
"""

FRESH_REPORT = """
import json, sys, time
print(json.dumps({{"seconds": time.perf_counter() - _start,
    "nbformat": "nbformat" in sys.modules, "plotly": "plotly" in sys.modules}}))
"""


def run_fresh(snippet: str) -> dict:
    """Run code in a fresh interpreter; the seconds from its first line to its last, and
    whether nbformat and plotly ended up imported."""
    code = "import time\n_start = time.perf_counter()\n" + snippet + FRESH_REPORT.format()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_fresh(snippet: str) -> tuple[list[float], dict]:
    runs = [run_fresh(snippet) for _ in range(FRESH_RUNS)]
    return [r["seconds"] for r in runs], runs[-1]


def time_first_chart() -> tuple[list[Figure], list[str]]:
    nbformat_seconds, _ = time_fresh(IMPORT_NBFORMAT)
    old_seconds, old = time_fresh(OLD_FIRST_CHART.format(data=str(DATA)))
    our_seconds, ours = time_fresh(OUR_FIRST_CHART.format(data=str(DATA)))
    figures = [
        Figure("fresh interpreter: import nbformat", nbformat_seconds, "s"),
        Figure("first chart, old way (go.Figure + plotly_mimetype)", old_seconds, "s"),
        Figure("first chart, our way (views.timeline bundle)", our_seconds, "s"),
    ]
    clean = not (ours["nbformat"] or ours["plotly"])
    notes = [
        f"after the old way: 'nbformat' in sys.modules: {old['nbformat']}, "
        f"'plotly': {old['plotly']}",
        f"after our way:     'nbformat' in sys.modules: {ours['nbformat']}, "
        f"'plotly': {ours['plotly']}  -> {'PASS' if clean else 'MISS'} (neither should be)",
    ]
    return figures, notes


def time_refresh_old_and_new() -> list[Figure]:
    """A whole Explorer.refresh on the real data (all actors), as built now and the old way.

    The old way is simulated by sending both chart dicts through plotly.graph_objects.Figure
    (which validates every property) before they go into the bundle, as the explorer did when
    it built its charts with graph objects. Timed here, outside a kernel: no comm messages.
    """
    from unittest import mock

    import plotly.graph_objects as go

    from explainer import views
    from explainer.package.load import load_package
    from explainer.views.explorer import Explorer
    from explainer.views.render import figure_bundle

    explorer = Explorer(load_package(DATA))

    def through_graph_objects(figure: dict, text: str) -> dict:
        return figure_bundle(go.Figure(figure).to_plotly_json(), text)

    ours = repeat(explorer.refresh, 15)
    with mock.patch.object(views, "figure_bundle", through_graph_objects):
        old = repeat(explorer.refresh, 15)
    return [
        Figure("refresh, charts as plain dicts (now)", ours, "ms"),
        Figure("refresh, charts via plotly.graph_objects", old, "ms"),
    ]


def repeat(work: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds per call, after one untimed call (imports, caches)."""
    work()
    times = []
    for _ in range(runs):
        start = perf_counter()
        work()
        times.append((perf_counter() - start) * 1000)
    return times


def commit() -> str:
    """The commit measured (with "+changes" when the tree differs from it), or "unknown"."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD"], cwd=ROOT).returncode
    except OSError:
        return "unknown"
    return (head or "unknown") + ("+changes" if dirty else "")


def main() -> None:
    started = perf_counter()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"kernel_speed: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit "
        f"{commit()}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load}"
    )
    with tempfile.TemporaryDirectory(prefix="kernel_speed_") as temp:
        work = Path(temp)
        print_table("1. Whole notebook, fresh kernel (nbclient)", *time_notebooks(work))
        clicks = time_clicks(work)
        print_table(
            "2. Filter click (from an empty choice) to all views updated, in the kernel", *clicks
        )
    print_table("3. Size", [notebook_size()])
    print_table("4. plotly renderers and nbformat vs plain JSON bundles", *time_first_chart())
    print_table("   One refresh, real data, all actors, no kernel", time_refresh_old_and_new())
    print(f"\ntotal {perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
