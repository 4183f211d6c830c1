"""`python -m explainer validate`, run as a user would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from commands import LINE, run


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


NOTEBOOK = Path(__file__).parents[1] / "notebooks" / "korea-us-consultations.ipynb"


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr


def test_output_whose_folder_is_a_file(tmp_path):
    (tmp_path / "build").write_text("a file, not a folder", encoding="utf-8")
    output = tmp_path / "build" / "handout.html"
    result = run("handout", str(NOTEBOOK), "--output", str(output))
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{output}: cannot write the handout: a file stands where the path needs a folder"
        "; nothing was changed"
    ]


def test_output_that_is_a_folder(tmp_path):
    result = run("slides", str(NOTEBOOK), "--output", str(tmp_path))
    assert_no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{tmp_path}: cannot write the slides: ")
    assert len(result.stderr.splitlines()) == 1


def test_output_into_a_pipe_closed_early(package):
    package.path("groups.csv").write_text("", encoding="utf-8")  # some problems to print
    process = subprocess.Popen(
        [sys.executable, "-m", "explainer", "validate", str(package.folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    process.stdout.close()  # the reader goes away before a line is written, as `| head -0`
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert stderr == ""


def test_exit_statuses_are_in_every_help():
    for args in (["--help"], ["validate", "--help"], ["handout", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "exit status:" in result.stdout
        for line in ("0  done", "1  problems found", "2  usage"):
            assert line in result.stdout, (args, line)


def test_usage_errors_exit_2():
    assert run("validate", "--no-such-option").returncode == 2
    assert run("no-such-command").returncode == 2
    assert run().returncode == 2


def test_problems_are_one_line_in_a_folder_of_packages(tmp_path):
    folder = tmp_path / "two\nlines"
    folder.mkdir()
    (folder / "datapackage.json").write_text("{}", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert_no_traceback(result)
    assert all("two\\nlines" in line for line in result.stdout.splitlines()), result.stdout


def test_ctrl_c_is_a_short_message(monkeypatch, capsys):
    from explainer import cli
    from explainer.cli import validate

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "validate_folders", interrupted)
    assert cli.main(["validate"]) == 130
    assert capsys.readouterr().err == "interrupted\n"
