"""JupyterLite's build tools, in a venv of their own under the cache.

They are kept out of the reader's environment on purpose: the Pyodide kernel's lab extension
throws errors in JupyterLab's and Voila's pages when installed beside them. The venv is made
once from requirements-site.txt (pinned) and made again only when that file changes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

from .pyodide_core import BuildError

SOURCE = Path(__file__).resolve().parents[2]
REQUIREMENTS = SOURCE / "requirements-site.txt"


def python(cache: Path) -> Path:
    """The build venv's Python, with requirements-site.txt installed in it."""
    if not REQUIREMENTS.exists():
        raise BuildError(f"{REQUIREMENTS}: missing (the site is built from a clone)")
    folder = cache / "venv"
    stamp = folder / REQUIREMENTS.name  # the requirements it was made from
    executable = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if executable.exists() and stamp.exists() and stamp.read_bytes() == REQUIREMENTS.read_bytes():
        return executable
    shutil.rmtree(folder, ignore_errors=True)
    venv.create(folder, with_pip=True)
    argv = [str(executable), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)]
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        tail = result.stderr.strip().splitlines()[-5:]
        raise BuildError("installing requirements-site.txt failed:\n" + "\n".join(tail))
    shutil.copy2(REQUIREMENTS, stamp)
    return executable
