"""`python -m explainer fix-offsets DIR`: re-anchor every quote after the article text changed."""

from __future__ import annotations

import sys
from pathlib import Path

from ..draft.offsets import fix_offsets


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
    try:
        result = fix_offsets(args.folder)
    except FileNotFoundError as error:
        print(f"{error.filename}: file not found", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"{args.folder}: cannot read the package: {error}", file=sys.stderr)
        return 1
    for problem in result.unanchored:
        print(problem)
    sha = "; the article's sha256 updated" if result.sha256_updated else ""
    left = len(result.unanchored)
    print(f"{args.folder}: {result.moved} quotes re-anchored, {left} left to fix by hand{sha}")
    return 1 if left else 0
