"""`python -m explainer execute NOTEBOOK`: re-execute a notebook and store its outputs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..package.model import UnknownId
from ..package.problems import one_line
from ..package.writing import CannotWrite
from ..publish.execute import CellFailure, ExecutionError, execute_notebook
from .paths import not_a_notebook


def add(commands) -> None:
    parser = commands.add_parser(
        "execute",
        help="run a notebook in a fresh kernel and save it with deterministic outputs",
        description="Run every cell of a notebook and save it without widget state or timings, "
        "noting which package its outputs came from. If a cell fails, every failing cell is "
        "listed and the notebook is left as it was.",
    )
    parser.add_argument(
        "notebook",
        type=Path,
        help="notebook to execute in place, for example notebooks/ARTICLE.ipynb",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    wrong = not_a_notebook(args.notebook)
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    try:
        found = execute_notebook(args.notebook)
    except ExecutionError as error:
        print(f"{args.notebook}: {_whitespace_collapsed(error)}", file=sys.stderr)
        return 1
    except CannotWrite as error:
        print(error.said("the executed notebook"), file=sys.stderr)
        return 1
    if found:
        report(args.notebook, found, "not saved")
        if any(failure.name == UnknownId.__name__ for failure in found):
            print(f"{args.notebook}: {older_than_its_package(args.notebook)}", file=sys.stderr)
        return 1
    print(f"{args.notebook}: executed and saved")
    return 0


def older_than_its_package(notebook: Path) -> str:
    """What to do about a notebook that names records its package no longer has."""
    from ..publish import notebook as stored
    from ..publish import provenance

    folder = provenance.package_of(stored.read_notebook(notebook), notebook)
    package = one_line(os.path.normpath(folder)) if folder else "PACKAGE"
    return (
        "it names records its package no longer has, as it was made from an earlier version "
        f"of the package: make it anew with `python -m explainer notebook {package}`"
    )


def report(notebook: Path, found: list[CellFailure], outcome: str) -> None:
    """Every failing cell, one a line, under a line that counts them."""
    cells = "cell fails" if len(found) == 1 else "cells fail"
    print(f"{notebook}: {len(found)} {cells}, {outcome}:", file=sys.stderr)
    for failure in found:
        print(f"  {_whitespace_collapsed(failure)}", file=sys.stderr)


def _whitespace_collapsed(value: object) -> str:
    """Every run of whitespace as one space (unlike problems.one_line, which escapes it)."""
    return " ".join(str(value).split())
