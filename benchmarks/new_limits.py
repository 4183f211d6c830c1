"""How long `explainer new` takes, and how much memory, on articles at and past the limits.

Run: .venv/bin/python benchmarks/new_limits.py

Each article is drafted by `python -m explainer new` in a fresh process, which drafts, writes
and validates the package (its peak memory is the process's own). At the limits (1 MB of text,
at most 10,000 sentences, so 10,000 claims) the draft must be written within TARGET seconds;
past them it must be refused, the article unread past its limit. Before the limits were
applied (issue 20 §7), `new /dev/zero` read until memory ran out, a 2 MB article was drafted,
a 1 MB paragraph with no sentence end ran for more than 10 minutes, and a 1 MB article of
sentences took 118 s and drafted past 10,000 rows.
"""

from __future__ import annotations

import itertools
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from explainer.package import load_package
from explainer.package.limits import ARTICLE_BYTES

TARGET = 10.0
"""Seconds within which `new` finishes on any article at the limits, on a 2-core machine."""
DATA = Path(__file__).resolve().parents[1] / "data"
HEAD = "Talks Go On\nSeoul, Dec 12 (NationPress) "
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across exec.
MEASURE = """
import re, sys
from pathlib import Path
from explainer.cli import main
status = main(sys.argv[1:])
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1))
print(f"peak {peak / 1024:.0f} MB", file=sys.stderr)
sys.exit(status)
"""


def filled(unit: str, size: int = ARTICLE_BYTES) -> str:
    """The head, then `unit` repeated, to just under `size` bytes of UTF-8 in all."""
    room = size - len(HEAD.encode()) - 1
    body = (unit * (room // len(unit.encode()) + 1)).encode()[:room]
    return HEAD + body.decode("utf-8", errors="ignore").rstrip() + "\n"


def real_sentences() -> str:
    """The packages' own claim quotes, one paragraph each, repeated to 1 MB: real news prose
    (abbreviations, quotations, dates, named and unnamed sources) in fewer than 10,000 claims."""
    paragraphs = [c.quote for p in sorted(DATA.glob("*/datapackage.json")) for c in _claims(p)]
    return filled("\n".join(paragraphs) + "\n")


def _claims(descriptor: Path):
    return load_package(descriptor.parent).claims


def named_speakers() -> str:
    """10,000 sentences less ten, each with a speaker of its own: an actor look-up each."""
    names = ("".join(p).title() for p in itertools.product(string.ascii_lowercase, repeat=3))
    lines = (f"Minister Jo {name}x said the talks would resume on Monday. " for name in names)
    return HEAD + "".join(itertools.islice(lines, 9_990)) + "\n"


def cases(folder: Path) -> list[tuple[str, str, bool]]:
    """(what, path to give `new`, whether a draft is expected)."""
    articles = {
        "a 1 MB paragraph with no sentence end": filled("the talks went on and on while we wait "),
        "a 1 MB article of real sentences": real_sentences(),
        "10,000 sentences less ten, a speaker each": named_speakers(),
        "a 1 MB article of short sentences": filled("Officials met on Monday. "),
    }
    found = []
    for number, (what, text) in enumerate(articles.items()):
        path = folder / f"article-{number}.txt"
        path.write_text(text, encoding="utf-8")
        found.append(
            (f"{what} ({path.stat().st_size / 1e6:.2f} MB)", str(path), "short" not in what)
        )
    big = folder / "two-megabytes.txt"
    big.write_text(filled("Officials met on Monday. ", 2 * ARTICLE_BYTES), encoding="utf-8")
    found.append(("a 2 MB article", str(big), False))
    found.append(("/dev/zero", "/dev/zero", False))
    return found


def main() -> None:
    print(f"target: a draft at the limits within {TARGET:.0f} s; past them, refused unread")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for number, (what, article, drafted) in enumerate(cases(folder)):
            out = folder / f"draft-{number}"
            command = [sys.executable, "-c", MEASURE, "new", article]
            command += ["--published", "2025-12-12", "--output", str(out)]
            began = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            seconds = time.perf_counter() - began
            peak = done.stderr.strip().splitlines()[-1]
            outcome = "drafted" if done.returncode == 0 else "refused"
            said = (done.stdout if done.returncode == 0 else done.stderr).strip().splitlines()[0]
            expected = outcome == ("drafted" if drafted else "refused")
            met = "meets" if expected and seconds <= TARGET else "MISSES"
            print(f"{what}:\n  {outcome} in {seconds:.1f} s, {peak} ({met} the target)")
            print(f"  {said[:150].replace(str(folder) + '/', '')}")


if __name__ == "__main__":
    main()
