"""The classroom server stops whole, whatever ends it, and starts with a few lines a teacher reads.

Each way a server ends on a teacher's machine: Ctrl-C (SIGINT), `kill` (SIGTERM), the terminal
closed (SIGHUP), and the process that started it dying without a word (SIGKILL of its parent).
After each, every process the server had started (Voilà's own, its preheated kernels) is gone
within STOP_WITHIN seconds and nothing answers on its port any more. Before this, SIGTERM left
Voilà and all of its kernels running and answering.
"""

from __future__ import annotations

import socket

import classroom_server
import psutil
import pytest

STUDENTS = 2
STOP_WITHIN = 15  # seconds


@pytest.mark.parametrize("ending", classroom_server.ENDINGS)
def test_every_way_of_ending_stops_every_process(ending, tmp_path):
    server = classroom_server.start(tmp_path, STUDENTS, parent=ending == "parent dies")
    try:
        assert len(classroom_server.kernels(server)) == STUDENTS
        alive = classroom_server.end(server, ending, STOP_WITHIN)
        assert alive == [], f"still running {STOP_WITHIN} s after {ending}"
        assert not _answers(server.base), f"the port still answers after {ending}"
    finally:
        server.stop()


def _answers(base: str) -> bool:
    host, port = base.removeprefix("http://").split(":")
    with socket.socket() as sock:
        return sock.connect_ex((host, int(port))) == 0


def test_the_start_says_who_can_open_the_link_and_nothing_else(tmp_path):
    """The link, who can open it (127.0.0.1: only this computer, and how to let the class in),
    where it is kept, the class's size: not one warning per kernel (there were 2 per kernel,
    "not trusted" and "without encryption", 60 lines for a class of 30)."""
    server = classroom_server.start(tmp_path, 3)
    try:
        lines = server.log.read_text(encoding="utf-8").splitlines()
        link = f"  {server.url('/')}"
        assert link in lines
        intro = lines[lines.index(link) - 1]
        assert "only this computer can open it" in intro and "--ip" in intro
        assert not [line for line in lines if "WARNING" in line]
        assert len(lines) <= 6, lines
    finally:
        server.stop()


def test_the_key_is_on_no_command_line_and_in_a_file_only_the_teacher_reads(tmp_path):
    server = classroom_server.start(tmp_path, 1)
    try:
        for process in [psutil.Process(server.process.pid), *classroom_server.processes(server)]:
            assert server.token not in " ".join(process.cmdline()), process.cmdline()
        (kept,) = (tmp_path / "runtime").glob("explainer-classroom-*.txt")
        link, teacher = kept.read_text(encoding="utf-8").splitlines()
        assert link == server.url("/") and teacher.startswith("teacher: http://127.0.0.1:")
        assert kept.stat().st_mode & 0o077 == 0, oct(kept.stat().st_mode)
    finally:
        server.stop()
    assert not kept.exists(), "the link stayed on disk after the server stopped"
