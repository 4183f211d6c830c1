"""`python -m explainer review DIR`: write the review notebook of a draft package.

DIR/review.ipynb shows the rows that await review, one at a time, to accept, edit, merge or
delete (explainer/review); `new` writes it too. The command says how to open it, in JupyterLab
or in Voilà, and how many rows await review.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..package import PackageError, load_package, review
from ..review.notebook import write_review_notebook


def add(commands) -> None:
    parser = commands.add_parser(
        "review",
        help="write the review notebook of a draft package (DIR/review.ipynb)",
        description="Write DIR/review.ipynb, a notebook in which to review a draft package row "
        "by row (accept, edit, merge, delete; every change validated and saved at once), "
        "and say how to open it.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the draft package's folder")
    parser.set_defaults(run=run)


def run(args) -> int:
    try:
        package = load_package(args.folder)
    except PackageError as error:
        for problem in error.problems:
            print(f"{args.folder}/{problem}", file=sys.stderr)
        print(f"{args.folder}: fix these problems first: the review starts from a valid package")
        return 1
    path = write_review_notebook(args.folder)
    print(f"{path}: written. {review.summary(package.awaiting_review) or 'No row awaits review.'}")
    print(opening(path))
    return 0


def opening(path: Path) -> str:
    """How to open the notebook: in JupyterLab, or as an app page (Voilà, no code)."""
    return f"Open it with: jupyter lab {path}   (or as an app: python -m explainer app {path})"
