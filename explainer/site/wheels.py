"""The wheels the in-browser kernel loads, and the Pyodide lock that lists only those.

Pyodide's npm package carries no wheels and its lock points at a CDN, so an offline site needs
its own: starting from what the kernel and the explainer import, each wheel's dependencies are
followed (markers read as Pyodide would: Emscripten, Python 3.14) and every wheel is downloaded
from PyPI with pip, pure Python only. Versions are the upstream lock's where it has the package
(what Pyodide tested), else this environment's (what the explainer is tested with).
"""

from __future__ import annotations

import email
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from .pyodide_core import LOCK, BuildError

# What the kernel's worker installs at start (micropip, then ipykernel's shim, comm,
# pyodide-kernel, jedi, ipython), less what the site's piplite index already carries.
KERNEL = ("micropip", "ipython", "jedi", "comm")
# The browser side of ipywidgets: the site carries it as a lab extension, the kernel never
# imports it (and widgetsnbextension's wheel alone is 2 MB of classic-notebook JavaScript).
FRONTEND_ONLY = {"widgetsnbextension", "jupyterlab-widgets"}
# How Pyodide's Python describes itself, for reading the wheels' dependency markers.
PYODIDE_MARKERS = {
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "python_version": "3.14",
    "python_full_version": "3.14.2",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "os_name": "posix",
    "extra": "",
}


@dataclass(frozen=True)
class Wheel:
    """A downloaded wheel and what the lock says of it."""

    path: Path
    name: str  # canonical
    version: str
    depends: tuple[str, ...]
    imports: tuple[str, ...]


def bundle(own_wheel: Path, upstream_lock: dict, cache: Path) -> list[Wheel]:
    """The explainer's wheel and every wheel it and the kernel need, downloaded into `cache`."""
    own = read_wheel(own_wheel)
    wanted = [*KERNEL, *own.depends]
    wheels = {own.name: own}
    while wanted:
        name = canonicalize_name(wanted.pop())
        if name in wheels:
            continue
        wheel = read_wheel(download(name, pinned_version(name, upstream_lock), cache))
        wheels[name] = wheel
        wanted.extend(wheel.depends)
    return sorted(wheels.values(), key=lambda w: w.name)


def pinned_version(name: str, upstream_lock: dict) -> str:
    if name in upstream_lock["packages"]:
        return upstream_lock["packages"][name]["version"]
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        raise BuildError(
            f"{name}: needed in the browser, but neither Pyodide's lock nor this "
            "environment pins a version (pip install -r requirements.txt)"
        ) from None


def download(name: str, version: str, cache: Path) -> Path:
    """The pure-Python wheel of name==version, from the cache or from PyPI."""
    folder = cache / "wheels"
    cached = _cached(name, version, folder)
    if cached is not None:
        return cached
    folder.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
    argv += ["--only-binary=:all:", "--platform=any", "--python-version=3.14"]
    argv += ["--implementation=py", "--abi=none", "--dest", str(folder), f"{name}=={version}"]
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        result = _build_without_c(name, version, folder)
    if result.returncode != 0:
        raise BuildError(
            f"pip could not download a pure-Python wheel of {name}=={version}: "
            f"{result.stderr.strip().splitlines()[-1:]}"
        )
    fetched = _cached(name, version, folder)
    if fetched is None:
        raise BuildError(f"pip fetched {name}=={version}, but no wheel of that version is there")
    return fetched


def _cached(name: str, version: str, folder: Path) -> Path | None:
    for path in folder.glob("*.whl"):
        wheel_name, wheel_version, _, _ = parse_wheel_filename(path.name)
        if wheel_name == name and str(wheel_version) == version:
            return path
    return None


def _build_without_c(name: str, version: str, folder: Path) -> subprocess.CompletedProcess:
    """Build a wheel from the source release with no C compiler, for a package whose C part is
    optional speed-up only (markupsafe: its `_native` module stands in when `_speedups` is not
    there). PyPI has only compiled wheels of it, and Pyodide's own build is on a CDN this
    build does not reach. A package that needs its C part fails here, as it should."""
    argv = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-binary=:all:"]
    argv += ["--wheel-dir", str(folder), f"{name}=={version}"]
    no_compiler = {**os.environ, "CC": "false", "CXX": "false"}
    result = subprocess.run(argv, capture_output=True, text=True, env=no_compiler)
    built = [p for p in folder.glob("*.whl") if parse_wheel_filename(p.name)[0] == name]
    for path in built:
        if not any(tag.platform == "any" for tag in parse_wheel_filename(path.name)[3]):
            path.unlink()  # it compiled after all: not a wheel Pyodide can load
            return subprocess.CompletedProcess(argv, 1, "", f"{name} needs its C extension")
    return result


def read_wheel(path: Path) -> Wheel:
    """Name, version, dependencies under Pyodide, and top-level import names of a wheel."""
    name, version, _, tags = parse_wheel_filename(path.name)
    if not any(t.platform == "any" for t in tags):
        raise BuildError(f"{path.name}: not a pure-Python wheel, Pyodide cannot load it")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        (meta,) = [n for n in names if n.endswith(".dist-info/METADATA") and n.count("/") == 1]
        message = email.message_from_bytes(archive.read(meta))
    markers = {**default_environment(), **PYODIDE_MARKERS}
    environment = {key: str(value) for key, value in markers.items()}  # every one is text
    depends = []
    for line in message.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            depends.append(canonicalize_name(requirement.name))
    depends = [d for d in depends if d not in FRONTEND_ONLY]
    return Wheel(path, name, str(version), tuple(dict.fromkeys(depends)), _imports(names))


def _imports(names: list[str]) -> tuple[str, ...]:
    tops = set()
    for entry in names:
        top = entry.split("/", 1)[0]
        if top.endswith((".dist-info", ".data")):
            continue
        if "/" in entry or top.endswith(".py"):
            tops.add(top.removesuffix(".py"))
    return tuple(sorted(tops))


def write_lock(wheels: list[Wheel], upstream_lock: dict, target: Path) -> Path:
    """Copy the wheels into `target` and write a lock listing exactly them."""
    packages = {}
    for wheel in wheels:
        data = wheel.path.read_bytes()
        (target / wheel.path.name).write_bytes(data)
        packages[wheel.name] = {
            "name": wheel.name,
            "version": wheel.version,
            "file_name": wheel.path.name,
            "install_dir": "site",
            "sha256": hashlib.sha256(data).hexdigest(),
            "package_type": "package",
            "imports": list(wheel.imports),
            "depends": list(wheel.depends),
            "unvendored_tests": False,
            "shared_library": False,
        }
    lock = {"info": upstream_lock["info"], "packages": packages}
    path = target / LOCK
    path.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
