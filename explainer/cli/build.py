"""`python -m explainer slides`, `handout` and `worksheet`: offline HTML files from a stored
notebook (the worksheet comes with its answer key, a second file)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..package.writing import CannotWrite
from .paths import not_a_notebook

KINDS = {
    "slides": "a reveal.js slide deck",
    "handout": "a handout",
    "worksheet": "a printable student worksheet and its answer key",
}
KEY = "answer key"


def add(commands) -> None:
    for name, what in KINDS.items():
        parser = commands.add_parser(
            name,
            help=f"build {what} from the stored notebook: offline HTML, no code",
            description=f"Build {what} from the notebook's stored outputs (nothing is run). "
            "Each file opens from disk with no network and no kernel.",
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
        if name == "worksheet":
            parser.add_argument(
                "--key",
                type=Path,
                help="HTML file for the answer key (default: beside the worksheet, "
                "WORKSHEET-answer-key.html)",
            )
        parser.set_defaults(run=run)


def run(args) -> int:
    output = args.output or Path("build") / f"{args.notebook.stem}-{args.command}.html"
    pages = {args.command: output}
    if args.command == "worksheet":
        pages[KEY] = args.key or output.with_name(f"{output.stem}-answer-key.html")
    return build(args.notebook, pages)


def build(notebook: Path, outputs: dict[str, Path]) -> int:
    """Build each page of `outputs` (page name: file), then write them all, or none."""
    # Imported here: the other commands need neither mistune nor the assets.
    from ..publish import pages, provenance

    wrong = not_a_notebook(notebook)
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    stale = provenance.stale_outputs(notebook)
    if stale:
        print(f"{notebook}: {stale}", file=sys.stderr)
        return 1
    try:
        built = {kind: pages.BUILDERS[kind](notebook) for kind in outputs}
    except (OSError, ValueError) as error:
        print(f"{notebook}: {error}", file=sys.stderr)
        return 1
    try:
        sizes = pages.write_all({outputs[kind]: page for kind, page in built.items()})
    except CannotWrite as failure:
        kind = next(kind for kind, output in outputs.items() if output == failure.path)
        print(failure.said(f"the {kind}"), file=sys.stderr)
        return 1
    for kind, output in outputs.items():
        print(f"{output}: {kind} built from {notebook} ({size_text(sizes[output])})")
    return 0


def size_text(size: int) -> str:
    """A page's size as a person copying it to a USB stick wants it: 1.6 MB, or 9 KB."""
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{round(size / 1000)} KB"
