"""`python -m explainer fix-offsets DIR`: re-anchor every quote after the article text changed."""

from __future__ import annotations

import sys
from pathlib import Path

from ..draft.offsets import fix_offsets
from ..package.problems import counted, one_line
from ..package.writing import CannotWrite
from .paths import not_a_package_folder


def add(commands) -> None:
    parser = commands.add_parser(
        "fix-offsets",
        help="after editing article.txt: give each quote found once its new offsets",
        description="Re-anchor every quote of the package to the changed article text. A quote "
        "found exactly once gets its new offsets; one found several times or not at all is "
        "listed and left alone. The article's SHA-256 is updated; nothing else changes.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the package folder")
    parser.set_defaults(run=run)


def run(args) -> int:
    wrong = not_a_package_folder(args.folder)
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    shown = one_line(str(args.folder))
    try:
        result = fix_offsets(args.folder)
    except CannotWrite as error:
        print(error.said("the re-anchored quotes"), file=sys.stderr)
        return 1
    except ValueError as error:
        print(error, file=sys.stderr)
        check = f"`python -m explainer validate {shown}` lists every problem"
        print(f"{shown}: cannot re-anchor, so nothing was changed: {check}", file=sys.stderr)
        return 1
    for problem in result.unanchored:
        print(problem)
    sha = "; the article's sha256 updated" if result.sha256_updated else ""
    left = len(result.unanchored)
    moved = counted(result.moved, "quote")
    print(f"{shown}: {moved} re-anchored, {left} left to fix by hand{sha}")
    return 1 if left else 0
