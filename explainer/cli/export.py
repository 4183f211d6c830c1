"""`python -m explainer export DIR --to FORMAT`: the package in another tool's format.

The package is read as `validate` reads it, and refused with the same problems; the file is
written whole or not at all, and what it holds is counted against the package and printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..package import PackageError, load_package
from ..package.model import Package
from ..package.problems import counted, one_line
from ..package.writing import CannotWrite, write_whole
from .paths import not_a_package_folder

FORMAT_HELP = {
    "timelinejs": "Knight Lab's TimelineJS3 JSON: one slide per event",
    "web-annotation": "W3C Web Annotation JSON-LD: the claims, hedge cues and events",
    "hypothesis": "the same annotations as a file Hypothesis imports",
    "schema-org": "schema.org Claim records (JSON-LD)",
}


def add(commands) -> None:
    parser = commands.add_parser(
        "export",
        help="write the package in another tool's format (TimelineJS, W3C annotations, "
        "Hypothesis, schema.org)",
        description="Write the package as a file another tool reads. Each event's date is "
        "also given in EDTF. Prints how many claims and events the file holds.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the package folder")
    parser.add_argument(
        "--to",
        required=True,
        choices=tuple(FORMAT_HELP),
        metavar="FORMAT",
        help="; ".join(f"{name}: {what}" for name, what in FORMAT_HELP.items()),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="file to write (default: build/DIR-FORMAT.json or .jsonld)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..export import FORMATS, dumped  # imported here: other commands do not need it
    from ..export.format import losses, summary

    chosen = FORMATS[args.to]
    package = loaded(args.folder)
    if package is None:
        return 1
    document = chosen.build(package)
    counts = chosen.count(package, document)
    missing = losses(counts)
    if missing:  # a bug of the exporter, said plainly rather than written
        lacks = "; ".join(missing)
        print(f"{args.folder}: not written: the {chosen.title} lacks {lacks}", file=sys.stderr)
        return 1
    output = (
        args.output or Path("build") / f"{args.folder.resolve().name}-{args.to}.{chosen.suffix}"
    )
    try:
        write_whole({output: dumped(document)})
    except CannotWrite as error:
        print(error.said(f"the {chosen.title}"), file=sys.stderr)
        return 1
    print(f"{output}: {chosen.title} of {args.folder}: {summary(counts)}")
    return 0


def loaded(folder: Path) -> Package | None:
    """The package, or None after printing why not: a wrong path, or its problems as
    `validate` lists them."""
    wrong = not_a_package_folder(folder)
    if wrong:
        print(wrong, file=sys.stderr)
        return None
    try:
        return load_package(folder)
    except PackageError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        shown = one_line(str(folder))
        found = counted(len(error.problems), "problem")
        check = f"`python -m explainer validate {shown}`"
        print(f"{shown}: {found}, so nothing was written ({check})", file=sys.stderr)
        return None
