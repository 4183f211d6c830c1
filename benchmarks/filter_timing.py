"""Time a filter change inside a Jupyter kernel, from Explorer.choose() to every view updated.

This module runs in the kernel (kernel_speed.py imports it there), because that is where a click
is handled: choose() sets the filter's value, the widget observer calls Explorer.refresh, which
rebuilds the four views and sends each new state to the front end as a comm message, all before
choose() returns. Timing it in the kernel counts that serialisation and sending too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from time import perf_counter

from explainer.package.model import Package
from explainer.views.explorer import Explorer


def cases(explorer: Explorer, actor: str) -> dict[str, tuple[str, ...]]:
    """The three choices a reader makes: one actor, one side's quick pick, and everyone."""
    group = next(name for name in explorer.picks if name != "All actors")
    return {
        f"one actor ({actor})": (actor,),
        f"quick pick '{group}'": explorer.picks[group],
        "all actors": explorer.picks["All actors"],
    }


def payload_bytes(explorer: Explorer) -> int:
    """Bytes of view output a click sends to the browser: the price the front end pays."""
    return sum(len(json.dumps(view.outputs)) for view in explorer.linked)


def time_choices(package: Package, actor: str, runs: int) -> dict[str, dict]:
    """Seconds per choose(), `runs` times per case, with what the views then show.

    Each timed choice starts from an empty choice (untimed), so it is always a real change:
    setting the value it already has would not fire the observer and would time nothing.
    The Explorer is built first, as the notebook cell does before anyone clicks; that first
    drawing of every view is timed once, on its own.
    """
    start = perf_counter()
    explorer = Explorer(package)
    built = perf_counter() - start
    results = {name: {"seconds": []} for name in cases(explorer, actor)}
    for _ in range(runs):
        for name, actor_ids in cases(explorer, actor).items():
            explorer.choose(())
            start = perf_counter()
            explorer.choose(actor_ids)
            results[name]["seconds"].append(perf_counter() - start)
            events, claims = explorer.shown()
            results[name].update(
                events=len(events), claims=len(claims), payload=payload_bytes(explorer)
            )
    return {"explorer built": {"seconds": [built]}, **results}


def report(packages: Sequence[tuple[str, Package, str, int]]) -> None:
    """Print the results for each (label, package, actor, runs) as one JSON line, to be read
    back from the cell's output."""
    print(json.dumps({label: time_choices(p, actor, runs) for label, p, actor, runs in packages}))
