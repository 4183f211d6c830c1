"""The engine's errors as a notebook shows them: one message that says what to do, no cascade.

In a kernel, an ExplainerError (a package not found, a package with problems, a notebook
older than its package) is shown as its message alone: the traceback through the engine's
code is nothing a reader can act on. When the cell that fails is the one that loads the
package (a notebook copied away from its package, say), every later cell would fail in turn
on the name it did not define, and bury the one message under a NameError each; so the later
cells run nothing, and show nothing, until a cell that loads a package runs again.

`register` is called when the explainer is imported in a kernel (explainer/__init__.py).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import ExplainerError
from .package.model import UnknownId
from .package.problems import PackageError
from .package.rules import PACKAGE_FOLDER

LOADS = re.compile(r"\bload_package\(")
"""A cell that loads a package: it runs even while the cells after a failed load are held."""


class _Held:
    """Whether the cells after a failed load are held, and the source of the cell running."""

    def __init__(self, cell: str) -> None:
        self.held = False
        self.cell = cell

    def transform(self, lines: list[str]) -> list[str]:
        """IPython's input transformer: a held cell becomes empty; a loading cell releases."""
        self.cell = "".join(lines)
        if LOADS.search(self.cell):
            self.held = False
        return [] if self.held else lines

    def shown(self, shell, etype, value, tb, tb_offset=None) -> list[str]:
        """IPython's handler of an ExplainerError: its message, as the cell's one output (an
        error output, so that the cell still counts as failed: `execute` saves no notebook)."""
        if LOADS.search(self.cell):
            self.held = True
        shown = [message(value)]
        shell._showtraceback(etype, value, shown)  # the kernel's hook for what a cell shows
        return shown


def register(shell) -> None:
    """Show the engine's errors in `shell` (an IPython shell) as this module says, once."""
    if any(isinstance(getattr(t, "__self__", None), _Held) for t in shell.input_transformers_post):
        return
    # Registered while a cell runs (the one importing the explainer), which the transformer
    # has not seen: its source is the last of the kernel's input history.
    held = _Held(shell.user_ns.get("_ih", [""])[-1])
    shell.input_transformers_post.append(held.transform)
    shell.set_custom_exc((ExplainerError,), held.shown)


def message(error: ExplainerError) -> str:
    """What the reader is told: for a package not where the notebook looks, where it looked
    and what to do; for any other error, its own message."""
    if isinstance(error, PackageError) and [p.code for p in error.problems] == [
        PACKAGE_FOLDER.code
    ]:
        folder = str(error.folder)
        where = os.path.normpath(Path(folder).absolute())
        return (
            f"The package is not where this notebook looks for it: {folder} from the "
            f"notebook's folder, that is {where}. Keep the notebook in the "
            "project's notebooks/ folder, beside data/, or change the folder named in "
            "load_package(...) in this cell to the package's folder, then run the cell again."
        )
    if isinstance(error, UnknownId):
        return (
            f"This notebook names the {error.kind} {error.id}, which its package no longer has: "
            "the notebook was made from an earlier version of the package. Make it anew with "
            "`python -m explainer notebook PACKAGE` (PACKAGE being the package's folder)."
        )
    return str(error)
