"""Which package a notebook's stored outputs came from, so no deck shows stale ones.

`execute` and `notebook` record, in the notebook's metadata, the folder name of the package its
code loads and a SHA-256 of each of its data files; `slides` and `handout` refuse a notebook
whose package has changed since, or which now loads another package than its outputs came from.
The package is the folder named in the notebook's `load_package("...")` call (or any function
named for loading a package), relative to the notebook, as the kernel finds it. The lesson
text is left out: it changes prose, not outputs.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

KEY = "explainer"
LESSON = "lesson.md"
# A call of a loader named for what it loads, with the folder as a string: load_package("...")
_LOAD = re.compile(r"""\b\w*package\w*\(\s*(["'])([^"'\n]+)\1""")


def package_of(notebook: dict, notebook_path: Path) -> Path | None:
    """The folder of the package the notebook's code loads, or None if it loads none."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            found = _LOAD.search(source if isinstance(source, str) else "".join(source))
            if found:
                return notebook_path.parent / found.group(2)
    return None


def checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of each data file of the package (symbolic links are never followed)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.is_symlink() and path.name != LESSON
    }


def record(notebook: dict, notebook_path: Path) -> None:
    """Note in the notebook's metadata which package its outputs come from, in place."""
    folder = package_of(notebook, notebook_path)
    notebook["metadata"].pop(KEY, None)
    if folder is not None and folder.is_dir():
        notebook["metadata"][KEY] = {"package": folder.name, "checksums": checksums(folder)}


def stale_outputs(notebook_path: Path) -> str | None:
    """Why the notebook's stored outputs may not be shown, or None if they may.

    A file that cannot be read as a notebook is left to the page builder, which says why."""
    try:
        notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
        recorded = notebook["metadata"].get(KEY)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    folder = package_of(notebook, notebook_path)
    if folder is None:
        return None
    again = f"store fresh ones with `python -m explainer execute {notebook_path}`"
    if not folder.is_dir():
        return f"the package it loads is not found at {folder}"
    if not isinstance(recorded, dict) or "package" not in recorded:
        return f"its outputs do not say which package they came from: {again}"
    if recorded["package"] != folder.name:
        return (
            f"its outputs came from package {recorded['package']!r}, but it loads "
            f"{folder.name!r} now: {again}"
        )
    before, now = recorded.get("checksums", {}), checksums(folder)
    changed = sorted(
        name for name in before.keys() | now.keys() if before.get(name) != now.get(name)
    )
    if changed:
        return (
            f"package {folder.name!r} changed since its outputs were stored "
            f"({', '.join(changed)}): {again}"
        )
    return None
