"""Start `python -m explainer classroom` on loopback, isolated, for tests and benchmarks.

Shared by the classroom tests (tests/browser/test_classroom_*.py) and
benchmarks/classroom_load.py. The server is the command a teacher runs, in a process (and
session) of its own, with harness's isolated Jupyter directories and a free port; the link is
read from what it prints, and `start` returns once it prints that the class can come in.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import harness

LINK = re.compile(r"^  (http://\S+)$", re.MULTILINE)
READY = "Ready: the class can open the link"


def start(
    home: Path,
    students: int,
    timeout: float = 300,
    idle: int = 60,
    parent: bool = False,
    options: tuple[str, ...] = (),
) -> harness.Server:
    """The classroom server for `students`, returned once its pool of kernels has run the
    notebook; `server.url()` adds the link's key. With `parent`, the server is started by a
    Python process of its own (`server.process`), which only waits for it: the test of what
    happens when a server's parent dies. The class's answers go to `home`/answers.sqlite
    unless `options` (more of the command's) name another file."""
    env = harness.isolated_env(home)
    port = harness.free_port()
    argv = [sys.executable, "-m", "explainer", "classroom", str(harness.NOTEBOOK)]
    argv += ["--students", str(students), "--port", str(port), "--idle", str(idle)]
    argv += (
        options if "--answers" in options else [*options, "--answers", str(home / "answers.sqlite")]
    )
    if parent:
        argv = [sys.executable, "-c", WAIT_FOR_CHILD, *argv]
    base = f"http://127.0.0.1:{port}"
    server = spawn_hangup_default("classroom", argv, env, home, base)
    try:
        wait_for_ready(server, timeout)
    except BaseException:
        server.stop()
        raise
    (link,) = LINK.findall(server.log.read_text(encoding="utf-8"))
    (server.token,) = parse_qs(urlsplit(link).query)["token"]
    return server


# The parent of the parent test: starts the command, then waits (a teacher's terminal, a script).
WAIT_FOR_CHILD = "import subprocess, sys; subprocess.run(sys.argv[1:])"


def spawn_hangup_default(name: str, argv: list[str], env: dict, home: Path, base: str):
    """harness.spawn from the repository root, with SIGHUP at its default even if this test
    runs under nohup (a server ignoring SIGHUP keeps running when its terminal closes, as
    nohup asks)."""
    hangup = signal.getsignal(signal.SIGHUP)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        return harness.spawn(name, argv, env, home, base, "", harness.ROOT)
    finally:
        signal.signal(signal.SIGHUP, hangup)


ENDINGS = ["SIGINT", "SIGTERM", "SIGHUP", "parent dies"]  # how a server ends on a teacher's machine


def end(server: harness.Server, ending: str, within: float) -> list[int]:
    """End the server (its parent, for "parent dies": see `start`) as `ending` says; the pids
    of the processes it had started that still run `within` seconds later."""
    import psutil

    started = [psutil.Process(server.process.pid), *processes(server)]
    killed = signal.SIGKILL if ending == "parent dies" else getattr(signal, ending)
    os.kill(server.process.pid, killed)
    _, alive = psutil.wait_procs(started, timeout=within)
    return [process.pid for process in alive]


def wait_for_ready(server: harness.Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the classroom server exited:\n{server.tail()}")
        if READY in server.log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.5)
    raise TimeoutError(f"the classroom server was not ready in {timeout:.0f} s:\n{server.tail()}")


def wait_quiet(server, seconds: int = 3, timeout: float = 300) -> None:
    """Until the server and its kernels have used almost no CPU for `seconds` in a row: every
    preheated kernel has run the notebook, as when a teacher starts before the class arrives."""
    import psutil

    processes = [psutil.Process(server.process.pid), *kernels(server)]
    for process in processes:
        process.cpu_percent()
    quiet, deadline = 0, time.monotonic() + timeout
    while quiet < seconds and time.monotonic() < deadline:
        time.sleep(1)
        quiet = quiet + 1 if sum(p.cpu_percent() for p in processes) < 5 else 0


def processes(server: harness.Server) -> list:
    """Every process the server has started and still runs (psutil), kernels included."""
    import psutil

    with contextlib.suppress(psutil.Error):
        return psutil.Process(server.process.pid).children(recursive=True)
    return []


def kernels(server: harness.Server) -> list:
    """The kernel processes the server is running now (psutil processes)."""
    import psutil

    found = []
    for process in processes(server):
        with contextlib.suppress(psutil.Error):
            if "ipykernel" in " ".join(process.cmdline()):
                found.append(process)
    return found


def kernel_ids(server: harness.Server) -> set[str]:
    """The ids of the kernels running now (from their connection files' names)."""
    import psutil

    ids = set()
    for process in kernels(server):
        with contextlib.suppress(psutil.Error):
            ids.update(CONNECTION_FILE.findall(" ".join(process.cmdline())))
    return ids


CONNECTION_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")


def kernel_running(server: harness.Server, kernel_id: str) -> bool:
    """Whether the server still runs this kernel (asked through its API)."""
    try:
        server.api(f"/api/kernels/{kernel_id}")
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise
    return True


def load(url: str) -> tuple[int, str]:
    """A page load as a client that runs no scripts: (HTTP status, the page)."""
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def memory(server) -> dict:
    """Resident memory (bytes) of the server's process and of all its kernels."""
    import psutil

    in_kernels = sum(p.memory_info().rss for p in kernels(server))
    return {"server": psutil.Process(server.process.pid).memory_info().rss, "kernels": in_kernels}


def wait_for(condition, timeout: float, what: str) -> None:
    """Until `condition()`; an AssertionError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not in {timeout:.0f} s: {what}"
        time.sleep(1)
