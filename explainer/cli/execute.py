"""`python -m explainer execute [NOTEBOOK]`: re-execute a notebook and store its outputs."""

from __future__ import annotations

from pathlib import Path

from ..publish.execute import execute_notebook


def add(commands) -> None:
    parser = commands.add_parser(
        "execute",
        help="run a notebook in a fresh kernel and save it with deterministic outputs",
        description="Run every cell of a notebook and save it without widget state or timings.",
    )
    parser.add_argument(
        "notebook",
        type=Path,
        help="notebook to execute in place, for example notebooks/korea-us-consultations.ipynb",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    execute_notebook(args.notebook)
    print(f"{args.notebook}: executed and saved")
    return 0
