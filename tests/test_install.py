"""The explainer as `pip install` makes it, not only as a checkout runs it (issue 19 §4): every
file the engine reads at run time travels in the wheel, and `explainer` is a command."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHES = shutil.ignore_patterns("__pycache__", "*.pyc")


def test_the_wheel_carries_every_file_of_the_engine_and_the_command(tmp_path):
    """Built from a copy of what the wheel is made of, as setuptools leaves build/ behind."""
    source = tmp_path / "source"
    shutil.copytree(ROOT / "explainer", source / "explainer", ignore=CACHES)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("explainer-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    engine = ROOT / "explainer"
    data = [
        p.relative_to(ROOT).as_posix()
        for p in engine.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert "explainer/app/voila/templates/offline/index.html.j2" in data
    assert [name for name in data if name not in names] == []
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\nexplainer = explainer.cli:main" in text


def without_re2(platform: str) -> subprocess.CompletedProcess:
    """`explainer.package.patterns` imported where google-re2 cannot be, on `platform`."""
    code = (
        "import sys\n"
        "sys.modules['re2'] = None\n"  # what an install without google-re2 has: ImportError
        f"sys.platform = {platform!r}\n"
        "from explainer.package.patterns import matches\n"
        "print(matches('[a-z]+', 'abc'))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_without_re2_the_engine_refuses_to_run_except_in_pyodide():
    """The README's promise that no pattern can hang validate holds for every install."""
    refused = without_re2("linux")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        "ImportError: google-re2 is not installed, and the explainer matches a package's "
        "patterns with it (so that no pattern can hang validate): install the explainer with "
        "its requirements, `pip install -r requirements-read.txt`"
    )
    pyodide = without_re2("emscripten")  # validated with RE2 where the site was built
    assert (pyodide.returncode, pyodide.stdout) == (0, "True\n")


def test_the_console_command_calls_itself_explainer_in_its_help(monkeypatch, capsys):
    from explainer.cli import main

    monkeypatch.setattr(sys, "argv", ["/venv/bin/explainer", "--help"])
    with pytest.raises(SystemExit):
        main()
    assert capsys.readouterr().out.startswith("usage: explainer ")
