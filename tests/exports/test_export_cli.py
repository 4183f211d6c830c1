"""`python -m explainer export DIR --to FORMAT`, run as a user would: counts, files written whole
or not at all, a package with problems refused as `validate` refuses it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.export import FORMATS


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*args, cwd=None): the command line in this process (a fresh interpreter costs a
    second or more a call); `as_a_user` below runs it as a user does, once per command."""

    def command(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, status, out, err)

    return command


def as_a_user(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "explainer", *map(str, args)]
    return subprocess.run(argv, capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.mark.parametrize("to", sorted(FORMATS))
def test_each_format_is_written_and_counted(run, folders, packages, tmp_path, to):
    output = tmp_path / "out" / f"x.{FORMATS[to].suffix}"
    result = run("export", folders["korea-us-consultations"], "--to", to, "--output", output)
    assert (result.returncode, result.stderr) == (0, "")
    package = packages["korea-us-consultations"]
    document = json.loads(output.read_text(encoding="utf-8"))
    counts = FORMATS[to].count(package, document)
    assert result.stdout == (
        f"{output}: {FORMATS[to].title} of {folders['korea-us-consultations']}: "
        + ", ".join(map(str, counts)) + "\n"
    )  # fmt: skip
    assert not any(count.lost for count in counts)


def test_the_default_file_is_in_build_named_for_the_package(run, folders, tmp_path):
    result = run("export", folders["synthetic"], "--to", "timelinejs", cwd=tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "build" / "synthetic-timelinejs.json").exists()
    result = run("export", folders["synthetic"], "--to", "schema-org", cwd=tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "build" / "synthetic-schema-org.jsonld").exists()


def test_a_package_with_problems_is_refused_as_validate_refuses_it(run, copy_of, tmp_path):
    folder = copy_of("synthetic")
    claims = (folder / "claims.csv").read_text(encoding="utf-8")
    (folder / "claims.csv").write_text(
        claims.replace(",anonymous,", ",gossip,", 1), encoding="utf-8"
    )
    expected = run("validate", folder).stdout.splitlines()
    result = run("export", folder, "--to", "web-annotation", "-o", tmp_path / "a.jsonld")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[:-1] == expected[:-1]
    assert result.stderr.splitlines()[-1] == (
        f"{expected[-1]}, so nothing was written (`python -m explainer validate {folder}`)"
    )
    assert not (tmp_path / "a.jsonld").exists()


def test_a_missing_folder_says_where_it_looked(tmp_path):
    result = as_a_user("export", tmp_path / "nowhere", "--to", "timelinejs")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert str(tmp_path / "nowhere") in result.stderr


def test_an_output_that_cannot_be_written_is_said(run, folders, tmp_path):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = run(
        "export", folders["synthetic"], "--to", "hypothesis", "-o", tmp_path / "a-file" / "x.json"
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        f"{tmp_path / 'a-file' / 'x.json'}: cannot write the Hypothesis import file: "
        "a file stands where the path needs a folder; nothing was changed\n"
    )


def test_an_unknown_format_is_a_usage_error(folders):
    result = as_a_user("export", folders["synthetic"], "--to", "pdf")
    assert result.returncode == 2 and "invalid choice: 'pdf'" in result.stderr
