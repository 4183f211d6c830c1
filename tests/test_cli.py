"""`python -m explainer validate`, run as a user would run it."""

from __future__ import annotations

import re
import subprocess
import sys

LINE = re.compile(r"^[^:\s]+:\d+: [^:\s]+: .+$")


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_valid_package(package):
    result = run("validate", str(package.folder))
    actors, events, claims = (len(package.rows(f"{n}.csv")) for n in ("actors", "events", "claims"))
    expected = f"{package.folder}: valid: {actors} actors, {events} events, {claims} claims"
    assert (result.returncode, result.stdout, result.stderr) == (0, expected + "\n", "")


def test_folder_defaults_to_data(package):
    result = run("validate", cwd=package.folder.parent)
    assert result.returncode == 0
    assert result.stdout.startswith("data: valid: ")


def test_broken_package(package):
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "start", "x")
    package.remove_column("events.csv", "label")
    result = run("validate", str(package.folder))
    *lines, last = result.stdout.splitlines()
    assert result.returncode == 1
    assert all(LINE.match(line) for line in lines), lines
    assert any(line.startswith(f"claims.csv:{row}: start: ") for line in lines)
    assert "events.csv:1: label: missing column" in lines
    assert last == f"{package.folder}: {len(lines)} problems"


def test_missing_folder(tmp_path):
    result = run("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("datapackage.json:1: -: ")


def test_garbage_descriptor(package):
    package.path("datapackage.json").write_bytes(b"\x00\xffnot json at all")
    result = run("validate", str(package.folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("datapackage.json:1: -: ")


def test_help():
    result = run("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout
