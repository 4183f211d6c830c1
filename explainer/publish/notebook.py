"""Read a stored notebook for publishing, and check the parts the deck and the handout use.

`slides` and `handout` accept any notebook, so a malformed one must give one line naming the
notebook and the cell, never a KeyError. The shape is checked by hand rather than with
nbformat's JSON schema: importing nbformat takes about 2 s here, and its jsonschema messages
("'outputs' is a required property" with a schema path) do not say which cell to open. Only
what this package reads is checked; anything else in the file is ignored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import ExplainerError

SLIDE_TYPES = ("slide", "subslide", "fragment", "skip", "notes", "-")
CELL_TYPES = ("markdown", "code", "raw")
OUTPUT_TYPES = ("stream", "display_data", "execute_result", "error", "update_display_data")


class PublishError(ExplainerError, ValueError):
    """The stored notebook cannot be published as it is; the message is one line."""


def text_of(value: str | list[str]) -> str:
    """Notebook JSON stores multi-line strings either whole or as a list of lines."""
    return "".join(value) if isinstance(value, list) else value


def _is_text(value: object) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(line, str) for line in value)
    )


def read_notebook(path: Path) -> dict:
    """The stored notebook, as JSON, its cells checked: nothing is executed, no kernel needed."""
    try:
        notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise PublishError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise PublishError(f"not JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(notebook, dict) or notebook.get("nbformat") != 4:
        raise PublishError("not an nbformat 4 notebook")
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        raise PublishError("not an nbformat 4 notebook: 'cells' is not a list")
    for number, cell in enumerate(cells, 1):
        problem = cell_problem(cell)
        if problem:
            raise PublishError(f"cell {number}: {problem}")
    return notebook


def cell_problem(cell: object) -> str:
    """What is wrong with one cell, in a few words, or "" if it can be published."""
    if not isinstance(cell, dict):
        return f"is {type(cell).__name__}, not an object"
    if cell.get("cell_type") not in CELL_TYPES:
        return f"cell_type {cell.get('cell_type')!r} is not one of {', '.join(CELL_TYPES)}"
    if not _is_text(cell.get("source")):
        return "'source' is missing or not text"
    metadata = cell.get("metadata", {})
    if not isinstance(metadata, dict) or not isinstance(metadata.get("slideshow", {}), dict):
        return "'metadata' or its 'slideshow' is not an object"
    kind = slide_type(cell)
    if kind not in SLIDE_TYPES:
        return f"unknown slide_type {kind!r}; expected one of {', '.join(SLIDE_TYPES)}"
    if cell["cell_type"] != "code":
        return ""
    outputs = cell.get("outputs", [])
    if not isinstance(outputs, list):
        return "'outputs' is not a list"
    for number, output in enumerate(outputs, 1):
        problem = output_problem(output)
        if problem:
            return f"output {number}: {problem}"
    return ""


def output_problem(output: object) -> str:
    if not isinstance(output, dict):
        return f"is {type(output).__name__}, not an object"
    kind = output.get("output_type")
    if kind not in OUTPUT_TYPES:
        return f"output_type {kind!r} is not one of {', '.join(OUTPUT_TYPES)}"
    if kind == "stream" and not _is_text(output.get("text")):
        return "a stream without text"
    if kind in ("display_data", "execute_result", "update_display_data"):
        data = output.get("data")
        if not isinstance(data, dict):
            return "'data' is missing or not an object"
        for mimetype, value in data.items():
            if mimetype.endswith("json"):
                if not isinstance(value, dict):
                    return f"{mimetype} is not an object"
            elif not _is_text(value):
                return f"{mimetype} is not text"
    return ""


def slide_type(cell: dict) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-") or "-"


def title_of(notebook: dict) -> str:
    """The first level-1 heading of the notebook's markdown, as plain text."""
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        match = re.search(r"^#\s+(.+?)\s*#*\s*$", text_of(cell["source"]), re.MULTILINE)
        if match:
            return re.sub(r"[*_`]", "", match.group(1))
    return "Explainer"
