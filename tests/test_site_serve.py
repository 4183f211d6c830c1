"""The site's launcher (`python3 serve.py`) says who can open it and stops whole, whatever ends it.

It starts no process of its own (the browser it opens is the reader's), so stopping whole means
the launcher itself exits and frees its port: on Ctrl-C (SIGINT), `kill` (SIGTERM), its terminal
closing (SIGHUP) and the death of the process that started it. Before, the last of these left it
serving, with nobody to stop it, and holding the port that keeps a student's edits.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SERVE = Path(__file__).resolve().parents[1] / "explainer" / "site" / "serve.py"
STOP_WITHIN = 5  # seconds
WAIT_FOR_CHILD = "import subprocess, sys; subprocess.run(sys.argv[1:])"


def start(site: Path, parent: bool = False) -> tuple[subprocess.Popen, int]:
    """serve.py in a copy of a site with one notebook, once it listens; SIGHUP at its default
    even if the tests run under nohup."""
    (site / "files" / "notebooks").mkdir(parents=True)
    (site / "files" / "notebooks" / "one.ipynb").write_text("{}", encoding="utf-8")
    shutil.copy(SERVE, site / "serve.py")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    argv = [sys.executable, str(site / "serve.py"), "--no-browser", f"--port={port}"]
    if parent:
        argv = [sys.executable, "-c", WAIT_FOR_CHILD, *argv]
    process = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL),
    )
    process.first_lines = [process.stdout.readline(), process.stdout.readline()]
    return process, port


def answers(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_it_says_only_this_computer_can_open_it(tmp_path):
    process, port = start(tmp_path)
    try:
        url, who = process.first_lines
        assert (
            url
            == f"The explainer is at http://127.0.0.1:{port}/lab/index.html?path=notebooks/one.ipynb\n"
        )
        assert who.startswith("Only this computer can open it.")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("ending", ["SIGINT", "SIGTERM", "SIGHUP", "parent dies"])
def test_every_way_of_ending_stops_it_and_frees_the_port(ending, tmp_path):
    process, port = start(tmp_path, parent=ending == "parent dies")
    try:
        assert answers(port)
        if ending == "parent dies":
            os.kill(process.pid, signal.SIGKILL)  # the launcher's parent, without a word
        else:
            os.kill(process.pid, getattr(signal, ending))
        deadline = time.monotonic() + STOP_WITHIN
        while answers(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not answers(port), f"still serving {STOP_WITHIN} s after {ending}"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_it_serves_the_site_cross_origin_isolated(tmp_path):
    """The two headers that let the in-browser kernel read the drive through shared memory
    rather than the service worker (see serve.py)."""
    process, port = start(tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/files/notebooks/one.ipynb"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
            assert response.headers["Cross-Origin-Embedder-Policy"] == "require-corp"
            assert response.read() == b"{}"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
