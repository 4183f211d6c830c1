"""Command line: `python -m explainer validate [DIR]` checks an article package;
`python -m explainer execute [NOTEBOOK]` re-executes a notebook and stores its outputs;
`python -m explainer slides` and `python -m explainer handout` build, from the stored notebook,
a reveal.js deck for the projector and a handout, each one HTML file that works offline.

Problems are printed one a line as `file:row: field: message`, so an editor or a spreadsheet
user can go straight to the cell; the exit status (0 valid, 1 not) lets CI gate on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import load_package
from .problems import PackageError
from .store import execute_notebook


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
    execute = commands.add_parser(
        "execute",
        help="run a notebook in a fresh kernel and save it with deterministic outputs",
        description="Run every cell of a notebook and save it without widget state or timings.",
    )
    execute.add_argument(
        "notebook",
        nargs="?",
        default="notebooks/explainer.ipynb",
        type=Path,
        help="notebook to execute in place (default: notebooks/explainer.ipynb)",
    )
    for name, what in (("slides", "a reveal.js slide deck"), ("handout", "a handout")):
        build_command = commands.add_parser(
            name,
            help=f"build {what} from the stored notebook: one offline HTML file, no code",
            description=f"Build {what} from the notebook's stored outputs (nothing is run). "
            "The file opens from disk with no network and no kernel.",
        )
        build_command.add_argument(
            "notebook",
            nargs="?",
            default="notebooks/explainer.ipynb",
            type=Path,
            help="notebook to read (default: notebooks/explainer.ipynb)",
        )
        build_command.add_argument(
            "-o",
            "--output",
            type=Path,
            default=Path(f"build/explainer-{name}.html"),
            help=f"HTML file to write (default: build/explainer-{name}.html)",
        )
    args = parser.parse_args(argv)
    if args.command == "execute":
        execute_notebook(args.notebook)
        print(f"{args.notebook}: executed and saved")
        return 0
    if args.command in ("slides", "handout"):
        return build(args.command, args.notebook, args.output)
    return validate_folder(args.folder)


def build(kind: str, notebook: Path, output: Path) -> int:
    # Imported here: the other commands need neither mistune nor the assets.
    from . import publish

    builder = publish.build_slides if kind == "slides" else publish.build_handout
    try:
        page = builder(notebook)
    except (OSError, ValueError) as error:
        print(f"{notebook}: {error}", file=sys.stderr)
        return 1
    size = publish.write(page, output)
    print(f"{output}: {kind} built from {notebook} ({size / 1e6:.1f} MB)")
    return 0


def validate_folder(folder: str) -> int:
    try:
        package = load_package(folder)
    except PackageError as error:
        for problem in error.problems:
            print(problem)
        count = len(error.problems)
        print(f"{folder}: {count} problem{'' if count == 1 else 's'}")
        return 1
    counts = (
        f"{len(package.actors)} actors, {len(package.events)} events, {len(package.claims)} claims"
    )
    print(f"{folder}: valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
