"""The JupyterLite site's Pyodide lock: which wheels the in-browser kernel gets, and why.

Wheels are made here, small and fake, so the rules are checked without the network; the real
build is checked in tests/browser/test_site_browser.py.
"""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from explainer.site import wheels
from explainer.site.pyodide_core import BuildError

UPSTREAM = {"info": {"python": "3.14.2", "platform": "emscripten_5_0_3"}, "packages": {}}


def make_wheel(folder, name, version, requires=(), tag="py3-none-any", modules=("pkg",)):
    path = folder / f"{name}-{version}-{tag}.whl"
    with zipfile.ZipFile(path, "w") as archive:
        meta = [f"Name: {name}", f"Version: {version}", *(f"Requires-Dist: {r}" for r in requires)]
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "\n".join(meta) + "\n")
        for module in modules:
            archive.writestr(f"{module}/__init__.py", "")
    return path


def test_dependencies_are_read_as_pyodide_would(tmp_path):
    path = make_wheel(
        tmp_path,
        "ipython",
        "9.12.0",
        requires=[
            "pexpect>4.3; sys_platform != 'win32' and sys_platform != 'emscripten'",
            "traitlets>=5.13",
            "typing_extensions>=4.6; python_version < '3.12'",
            "colorama; sys_platform == 'win32'",
            "pytest; extra == 'test'",
            "Stack_Data",
        ],
        modules=("IPython",),
    )
    wheel = wheels.read_wheel(path)
    assert (wheel.name, wheel.version) == ("ipython", "9.12.0")
    assert wheel.depends == ("traitlets", "stack-data")
    assert wheel.imports == ("IPython",)


def test_the_widgets_browser_side_is_not_sent_to_the_kernel(tmp_path):
    path = make_wheel(
        tmp_path,
        "ipywidgets",
        "8.1.9",
        requires=["comm>=0.1.3", "widgetsnbextension~=4.0.14", "jupyterlab_widgets~=3.0.15"],
    )
    assert wheels.read_wheel(path).depends == ("comm",)


def test_a_compiled_wheel_is_refused(tmp_path):
    path = make_wheel(tmp_path, "orjson", "3.13.0", tag="cp311-cp311-manylinux_2_17_x86_64")
    with pytest.raises(BuildError, match="not a pure-Python wheel"):
        wheels.read_wheel(path)


def test_the_lock_lists_exactly_the_wheels_with_their_hashes(tmp_path):
    source, target = tmp_path / "source", tmp_path / "site"
    source.mkdir()
    target.mkdir()
    bundled = [
        wheels.read_wheel(make_wheel(source, "comm", "0.2.3", requires=["traitlets>=4"])),
        wheels.read_wheel(make_wheel(source, "traitlets", "5.14.3", modules=("traitlets",))),
    ]
    lock = json.loads(wheels.write_lock(bundled, UPSTREAM, target).read_text())
    assert lock["info"] == UPSTREAM["info"]
    assert sorted(lock["packages"]) == ["comm", "traitlets"]
    comm = lock["packages"]["comm"]
    data = (target / comm["file_name"]).read_bytes()
    assert comm["sha256"] == hashlib.sha256(data).hexdigest()
    assert comm["depends"] == ["traitlets"]
    assert "://" not in json.dumps(lock)  # nothing points off the site


def test_a_dependency_no_one_pins_stops_the_build():
    with pytest.raises(BuildError, match="no-such-package"):
        wheels.pinned_version("no-such-package", UPSTREAM)
