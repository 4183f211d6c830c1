"""Execute a notebook in a fresh kernel and save it with deterministic outputs only.

The stored outputs are what nbval compares and what a reader sees before running anything, so
they must not change from one run to the next: no timings, no widget state (plotly and widget
models would add megabytes), and no widget-view references, whose model ids are random. Each
widget keeps its text/plain part, which the explainer sets to a line telling the reader to run
the notebook. Every cell runs even after one fails, so that all failures are reported at once.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExplainerError
from ..package.writing import ensure_writable, write_whole
from . import provenance

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class ExecutionError(ExplainerError):
    """The notebook cannot be read, the kernel died or a cell ran out of time: a one-line
    message for the command line."""


@dataclass(frozen=True)
class CellFailure:
    number: int  # the cell's place in the notebook, counting from 1, markdown cells included
    first_line: str
    error: str  # the error's name and message
    name: str = ""  # the error's name alone

    def __str__(self) -> str:
        return f"cell {self.number} ({self.first_line}): {self.error}"


def strip_volatile(notebook) -> None:
    """Remove widget state and widget-view references from a notebook node, in place."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)


def failures(notebook) -> list[CellFailure]:
    """Every cell whose outputs hold an error."""
    found = []
    for number, cell in enumerate(notebook.cells, 1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                first = next((line for line in cell.source.splitlines() if line.strip()), "")
                message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}".strip()
                name = output.get("ename", "Error")
                found.append(CellFailure(number, first.strip(), message.rstrip(":"), name))
    return found


def run_notebook(notebook, path: Path, timeout: int = 600) -> list[CellFailure]:
    """Run every cell of `notebook` (a node, to be saved at `path`) in place; its failures.

    Without failures, the notebook's metadata then records which package produced it."""
    from nbclient import NotebookClient  # imported here: only these commands need it
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
        allow_errors=True,
    )
    try:
        # The kernel's own log (a warning about its local TCP transport) is noise here: what a
        # cell prints reaches its outputs, and a kernel that dies is reported below.
        client.execute(stderr=subprocess.DEVNULL)
    except CellTimeoutError:
        raise ExecutionError(f"a cell ran longer than {timeout} s") from None
    except DeadKernelError:
        raise ExecutionError("the kernel died while running the notebook") from None
    strip_volatile(notebook)
    found = failures(notebook)
    if not found:
        provenance.record(notebook, path)
    return found


def _read_with_nbformat(path: Path):
    """The notebook at `path` as nbformat reads it for a kernel, or ExecutionError saying why it
    is not one. (notebook.read_notebook reads the stored JSON for the pages, with no nbformat.)"""
    import nbformat  # slow to import (2 s): only the commands that execute need it

    try:
        return nbformat.read(path, as_version=4)
    except (ValueError, AttributeError, KeyError, TypeError, nbformat.ValidationError) as error:
        # nbformat's reading errors share no base class: JSON, schema and version errors
        message = " ".join(str(error).split())
        raise ExecutionError(f"not a readable notebook: {message}") from None


def execute_notebook(path: Path, timeout: int = 600) -> list[CellFailure]:
    """Run the notebook at `path` and save it, unless a cell fails: then return the failures.

    Raises ExecutionError if it cannot be read or run, CannotWrite if it cannot be written."""
    ensure_writable([path])
    notebook = _read_with_nbformat(path)
    found = run_notebook(notebook, path, timeout)
    if not found:
        save(notebook, path)
    return found


def save(notebook, path: Path) -> None:
    """Write the notebook node whole, as nbformat writes it, or leave the old file (CannotWrite)."""
    import nbformat

    text = nbformat.writes(notebook)
    write_whole({path: (text if text.endswith("\n") else text + "\n").encode("utf-8")})
