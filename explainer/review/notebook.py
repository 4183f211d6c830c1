"""The review notebook written into a draft package's folder: a short note and one cell.

Deterministic (no ids that change, no outputs, no absolute path): the cell opens the package
in the notebook's own folder, where JupyterLab and Voilà start its kernel.
"""

from __future__ import annotations

from pathlib import Path

from ..package.writing import write_whole

NAME = "review.ipynb"
INTRO = """# Review this draft

Each row the draft proposed waits here for you, ambiguous dates first. Check it against the
article's words (marked in yellow), correct what is wrong, then **Accept** it, or **Merge** it into
another row, or **Delete** it. Every change is checked with the rules of `validate` and saved
at once; nothing half-written is ever left. When no row awaits review, generate the explainer."""
CODE = 'from explainer.review import ReviewApp\n\nReviewApp(".")'


def write_review_notebook(folder: Path) -> Path:
    """Write `folder`/review.ipynb (replacing an older one) and return its path."""
    import nbformat  # imported here: slow to import, and only this needs it

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(INTRO, id="intro"),
        nbformat.v4.new_code_cell(CODE, id="review"),
    ]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = Path(folder) / NAME
    write_whole({path: (nbformat.writes(notebook) + "\n").encode("utf-8")})
    return path
