"""`python -m explainer app`: every mistake on its command line is one line saying what to do,
before anything starts (it was Voilà's traceback). The served app is tested in
tests/browser/test_app_browser.py."""

from __future__ import annotations

import socket
import subprocess
import sys

NOTEBOOK = "notebooks/korea-us-consultations.ipynb"


def run(*args: str) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "explainer", "app", "--no-browser", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60)


def test_a_wrong_notebook_is_one_line_saying_what_was_expected_and_where():
    for args, expected in (
        (["missing.ipynb"], "missing.ipynb: no such notebook (looked for /"),
        (["notebooks"], "notebooks: a folder, not a notebook; give a notebook, for example "),
        (["README.md"], "README.md: not a notebook (.ipynb); the notebooks are in notebooks/"),
    ):
        result = run(*args)
        assert result.returncode == 1 and result.stdout == "", args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith(expected), args


def test_a_wrong_port_is_refused_before_anything_listens():
    result = run("--port", "99999", NOTEBOOK)
    assert result.returncode == 2
    assert "--port: 99999 is not a port: give a number from 1 to 65535" in result.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--port", str(port), NOTEBOOK)
    assert result.returncode == 1
    assert result.stderr.startswith(f"--port {port}: in use on 127.0.0.1")


def test_without_a_notebook_the_usage_says_what_to_give():
    result = run()
    assert result.returncode == 2
    assert "the following arguments are required: notebook" in result.stderr
