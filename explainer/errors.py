"""The one base class of the errors the explainer raises for a person to read.

Each part raises its own kind (a package with problems, a notebook that cannot be published, an
article a draft cannot be made from), and every one of them says in its message, in plain words,
what is wrong and what to do. Catching `ExplainerError` catches exactly those: a caller (the
command line, a notebook's first cell) shows the message and stops, while any other exception
is a bug, to be shown with its traceback.
"""

from __future__ import annotations


class ExplainerError(Exception):
    """An error whose message is written for the person running the explainer."""
