"""Build the static JupyterLite site: stage its inputs, run `jupyter lite build`, add the launcher.

The staging folder (the "lite dir") holds what JupyterLite reads: the notebooks and data as the
site's contents (the notebook loads "../data/...", so both keep their places), Pyodide's core
with our wheels and lock under static/pyodide (where the kernel addon looks for a local Pyodide),
and jupyter-lite.json with the kernel's settings: no PyPI fallback, and every bundled wheel
preloaded when the kernel starts, so no cell waits on an install.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..package import validate_package
from . import pyodide_core, toolchain, wheels
from .pyodide_core import BuildError

SOURCE = toolchain.SOURCE  # the repository the explainer is installed from
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
LAUNCHER = Path(__file__).with_name("serve.py")
MARKER = "jupyter-lite.json"  # in every JupyterLite site: a folder with it may be rebuilt


@dataclass(frozen=True)
class Site:
    output: Path
    size: int  # bytes, every file in the site
    wheels: tuple[str, ...]  # file names of the bundled wheels


def _check_packages(data: Path) -> None:
    """Only valid packages go into the site: checked here, where RE2 matches their patterns
    (Pyodide has no RE2 build; see explainer/package/patterns.py)."""
    for folder in sorted(p.parent for p in data.glob("*/datapackage.json")):
        problems = validate_package(folder)
        if problems:
            raise BuildError(f"{folder}: not valid ({problems[0]}); run `explainer validate`")


def build_site(output: Path, notebooks: Path, data: Path, cache: Path) -> Site:
    """Build the site into `output` (replaced if it holds an earlier site)."""
    output, cache = output.resolve(), cache.resolve()  # jupyter lite runs in the lite dir
    _check_output(output)
    _check_packages(data)
    cache.mkdir(parents=True, exist_ok=True)
    lite = cache / "lite"
    shutil.rmtree(lite, ignore_errors=True)
    contents = lite / "contents"
    shutil.copytree(notebooks, contents / "notebooks", ignore=_not_content)
    shutil.copytree(data, contents / "data", ignore=_not_content)

    package = pyodide_core.fetch(cache)
    upstream = json.loads((package / pyodide_core.LOCK).read_text(encoding="utf-8"))
    static = lite / "static" / "pyodide"
    pyodide_core.copy_core(package, static)
    bundled = wheels.bundle(own_wheel(cache), upstream, cache)
    wheels.write_lock(bundled, upstream, static)
    _write_json(lite / MARKER, lite_config([w.name for w in bundled]))

    shutil.rmtree(output, ignore_errors=True)
    _lite_build(lite, contents, output, cache)
    shutil.copy2(LAUNCHER, output / LAUNCHER.name)
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return Site(output, size, tuple(w.path.name for w in bundled))


def lite_config(preload: list[str]) -> dict:
    """jupyter-lite.json: the Pyodide kernel fully offline (the addon adds pyodideUrl)."""
    kernel = {"disablePyPIFallback": True, "loadPyodideOptions": {"packages": preload}}
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Reading a news story, claim by claim",
            "litePluginSettings": {KERNEL_PLUGIN: kernel},
        },
    }


def own_wheel(cache: Path) -> Path:
    """The explainer as a wheel, built from its source by pip (which fetches setuptools)."""
    folder = cache / "own"
    shutil.rmtree(folder, ignore_errors=True)
    argv = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    _run(argv + ["--wheel-dir", str(folder), str(SOURCE)], "pip wheel (the explainer)")
    (path,) = folder.glob("explainer-*.whl")
    return path


def _lite_build(lite: Path, contents: Path, output: Path, cache: Path) -> None:
    lite_python = str(toolchain.python(cache))
    argv = [lite_python, "-m", "jupyterlite_core", "build", "--apps=lab", "--no-sourcemaps"]
    argv += [f"--lite-dir={lite}", f"--contents={contents}", f"--output-dir={output}"]
    argv += [f"--LiteBuildConfig.cache_dir={cache / 'lite-cache'}"]
    _run(argv, "jupyter lite build", cwd=lite)


def _run(argv: list[str], what: str, cwd: Path | None = None) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        raise BuildError(f"{what} failed:\n{tail}")


def _check_output(output: Path) -> None:
    if output.exists() and any(output.iterdir()) and not (output / MARKER).exists():
        raise BuildError(f"{output}: not empty and not a JupyterLite site; choose another folder")


def _not_content(_folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n in {".ipynb_checkpoints", "__pycache__"}]


def _write_json(path: Path, content: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")
