"""Review a draft package in a notebook rather than a spreadsheet (issue 17 §5).

`python -m explainer review DIR` (and `new`) writes DIR/review.ipynb, whose one cell shows
`ReviewApp`: the rows awaiting review, ambiguous dates first, each with its sentence and the
proposal marked, to accept, edit, merge or delete. Every change is validated with the rules of
`validate` before anything is written, and written whole (`tables`); accepting writes
`reviewed` in the row's review cell (`explainer.package.review`).

- `tables`: the package's tables as rows of text; validate a change, write it whole;
- `queue`: which rows await review, in the order a teacher takes them, and the progress;
- `edits`: accept, edit, merge and delete, as changes of the tables;
- `marked`: the sentence a row comes from, with what the draft proposed marked;
- `app`: the ipywidgets interface; `notebook`: the review notebook written beside the package.
"""

from .app import ReviewApp

__all__ = ["ReviewApp"]
