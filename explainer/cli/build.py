"""`python -m explainer slides` and `handout`: one offline HTML file from a stored notebook."""

from __future__ import annotations

import sys
from pathlib import Path

KINDS = {"slides": "a reveal.js slide deck", "handout": "a handout"}


def add(commands) -> None:
    for name, what in KINDS.items():
        parser = commands.add_parser(
            name,
            help=f"build {what} from the stored notebook: one offline HTML file, no code",
            description=f"Build {what} from the notebook's stored outputs (nothing is run). "
            "The file opens from disk with no network and no kernel.",
        )
        parser.add_argument(
            "notebook",
            type=Path,
            help="notebook to read, for example notebooks/ARTICLE.ipynb",
        )
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help=f"HTML file to write (default: build/NOTEBOOK-{name}.html)",
        )
        parser.set_defaults(run=run)


def run(args) -> int:
    output = args.output or Path("build") / f"{args.notebook.stem}-{args.command}.html"
    return build(args.command, args.notebook, output)


def build(kind: str, notebook: Path, output: Path) -> int:
    # Imported here: the other commands need neither mistune nor the assets.
    from ..publish import pages, provenance

    stale = provenance.stale_outputs(notebook)
    if stale:
        print(f"{notebook}: {stale}", file=sys.stderr)
        return 1
    try:
        page = pages.BUILDERS[kind](notebook)
    except (OSError, ValueError) as error:
        print(f"{notebook}: {error}", file=sys.stderr)
        return 1
    try:
        size = pages.write(page, output)
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, FileExistsError | NotADirectoryError):
            reason = "a file stands where the path needs a folder"
        print(f"{output}: cannot write the {kind}: {reason}", file=sys.stderr)
        return 1
    print(f"{output}: {kind} built from {notebook} ({size / 1e6:.1f} MB)")
    return 0
