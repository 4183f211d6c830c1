"""Pyodide's core (the interpreter, its standard library, its lock) from the npm registry.

Pyodide publishes its core on npm; the version is the one jupyterlite-pyodide-kernel targets.
The tarball is fetched once with `npm pack` into the cache and unpacked from there.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
from pathlib import Path

from ..errors import ExplainerError

VERSION = "314.0.6"  # what jupyterlite-pyodide-kernel 0.8.6 targets (its PYODIDE_VERSION)
# The files the kernel's worker loads; the npm package also has consoles, maps and typings.
FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK = "pyodide-lock.json"


class BuildError(ExplainerError):
    """A step of the site build failed; the message says which and why."""


def fetch(cache: Path) -> Path:
    """The unpacked npm package (its `package/` folder), fetched into `cache` if missing."""
    unpacked = cache / f"pyodide-{VERSION}"
    if (unpacked / "package" / LOCK).exists():
        return unpacked / "package"
    tarball = cache / f"pyodide-{VERSION}.tgz"
    if not tarball.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise BuildError("npm not found: it fetches Pyodide's core (install Node.js)")
        cache.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [npm, "pack", f"pyodide@{VERSION}", "--pack-destination", str(cache)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or not tarball.exists():
            raise BuildError(f"npm pack pyodide@{VERSION} failed: {result.stderr.strip()}")
    with tarfile.open(tarball) as archive:
        archive.extractall(unpacked, filter="data")
    return unpacked / "package"


def copy_core(package: Path, target: Path) -> None:
    """Copy the files the kernel loads (not the upstream lock: `wheels` writes ours)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copy2(package / name, target / name)
