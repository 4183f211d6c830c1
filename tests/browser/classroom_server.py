"""Start `python -m explainer classroom`'s Voilà on loopback, isolated, for tests and benchmarks.

Shared by tests/browser/test_classroom_browser.py and benchmarks/classroom_load.py. The server
is the one the command runs (same arguments, same voila.json), with harness's isolated Jupyter
directories and a free port; `kernels()` counts the kernels it is running.
"""

from __future__ import annotations

import contextlib
import re
import time
import urllib.error
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import harness

from explainer import classroom

POOL_FILLED = re.compile(r"Kernel pool of .* is filled with (\d+) kernel")


def start(home: Path, students: int, timeout: float = 300, token: bool = False) -> harness.Server:
    """The classroom server for `students`, returned once its pool of kernels is filled;
    `server.url()` adds the token to an address if the server asks for one."""
    env = harness.isolated_env(home)
    port = harness.free_port()
    plan = classroom.plan(
        harness.NOTEBOOK, students, "127.0.0.1", port, str(harness.BIN / "voila"), env, token
    )
    argv = plan.argv + classroom.write_config(plan.config, home / "voila-config")
    (token,) = parse_qs(urlsplit(plan.url).query).get("token", [""])
    base = f"http://127.0.0.1:{port}"
    server = harness.spawn("classroom", argv, plan.env, home, base, token, harness.ROOT)
    try:
        wait_for_pool(server, students, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def wait_for_pool(server: harness.Server, students: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the classroom server exited:\n{server.tail()}")
        filled = POOL_FILLED.findall(server.log.read_text(encoding="utf-8", errors="replace"))
        if filled and int(filled[-1]) >= students:
            return
        time.sleep(0.5)
    raise TimeoutError(f"the pool of {students} kernels was not ready in {timeout:.0f} s")


def kernels(server: harness.Server) -> list:
    """The kernel processes the server is running now (psutil processes)."""
    import psutil

    with contextlib.suppress(psutil.Error):
        children = psutil.Process(server.process.pid).children(recursive=True)
        return [p for p in children if "ipykernel" in " ".join(p.cmdline())]
    return []


def kernel_running(server: harness.Server, kernel_id: str) -> bool:
    """Whether the server still runs this kernel (asked through its API)."""
    try:
        server.api(f"/api/kernels/{kernel_id}")
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise
    return True
