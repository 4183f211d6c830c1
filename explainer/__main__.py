"""Command line: `python -m explainer validate [DIR]` checks an article package.

Problems are printed one a line as `file:row: field: message`, so an editor or a spreadsheet
user can go straight to the cell; the exit status (0 valid, 1 not) lets CI gate on it.
"""

from __future__ import annotations

import argparse
import sys

from .load import load_package
from .problems import PackageError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m explainer", description="Work with an article package."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help="check a package and list every problem",
        description="Check an article package against its datapackage.json and the rules.",
    )
    validate.add_argument(
        "folder", nargs="?", default="data", metavar="DIR", help="package folder (default: data)"
    )
    args = parser.parse_args(argv)
    try:
        package = load_package(args.folder)
    except PackageError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(f"{args.folder}: {count} problem{'' if count == 1 else 's'}")
        return 1
    counts = (
        f"{len(package.actors)} actors, {len(package.events)} events, {len(package.claims)} claims"
    )
    print(f"{args.folder}: valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
