"""Execute a notebook in a fresh kernel and save it with deterministic outputs only.

The stored outputs are what nbval compares and what a reader sees before running anything, so
they must not change from one run to the next: no timings, no widget state (plotly and widget
models would add megabytes), and no widget-view references, whose model ids are random. Each
widget keeps its text/plain part, which the explainer sets to a line telling the reader to run
the notebook.
"""

from __future__ import annotations

from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def strip_volatile(notebook) -> None:
    """Remove widget state and widget-view references from a notebook node, in place."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)


def execute_notebook(path: Path, timeout: int = 600) -> None:
    # Imported here: nbformat is slow to import and only this command needs it.
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    client.execute()
    strip_volatile(notebook)
    nbformat.write(notebook, path)
