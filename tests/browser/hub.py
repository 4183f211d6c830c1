"""A local JupyterHub on loopback, set up as a school would with repo2docker's conventions.

Shared by tests/browser/test_jupyterhub_browser.py. JupyterHub (PyPI, pinned in
requirements.txt) with configurable-http-proxy (npm, installed once into build/hub-cache), the
dummy authenticator (any name and password) and local processes as single-user servers, each
started through the repository's `start` script as repo2docker starts it, in a home folder of
its own under the test's folder. Every port is on 127.0.0.1.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import harness

CACHE = harness.ROOT / "build" / "hub-cache"
PROXY_VERSION = "5.3.0"  # configurable-http-proxy, the proxy JupyterHub drives
PROXY = CACHE / "node_modules" / ".bin" / "configurable-http-proxy"


def install_proxy() -> Path:
    """configurable-http-proxy from npm, once, into build/hub-cache."""
    if PROXY.exists():
        return PROXY
    npm = shutil.which("npm")
    assert npm, "npm not found: the JupyterHub test installs configurable-http-proxy with it"
    CACHE.mkdir(parents=True, exist_ok=True)
    argv = [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE)]
    result = subprocess.run(
        argv + [f"configurable-http-proxy@{PROXY_VERSION}"], capture_output=True, text=True
    )
    assert result.returncode == 0 and PROXY.exists(), f"npm install failed:\n{result.stderr}"
    return PROXY


def config(home: Path, project: Path, proxy: Path) -> tuple[str, int]:
    """jupyterhub_config.py (loopback only, dummy logins, local single-user servers), and the
    port the hub's users connect to."""
    ports = [harness.free_port() for _ in range(3)]
    lines = {
        "c.JupyterHub.bind_url": f"http://127.0.0.1:{ports[0]}",
        "c.JupyterHub.hub_ip": "127.0.0.1",
        "c.JupyterHub.hub_port": ports[1],
        "c.ConfigurableHTTPProxy.api_url": f"http://127.0.0.1:{ports[2]}",
        "c.ConfigurableHTTPProxy.command": [str(proxy)],
        "c.ConfigurableHTTPProxy.pid_file": str(home / "proxy.pid"),
        "c.JupyterHub.db_url": f"sqlite:///{home / 'hub.sqlite'}",
        "c.JupyterHub.cookie_secret_file": str(home / "cookie_secret"),
        "c.JupyterHub.authenticator_class": "dummy",
        "c.Authenticator.allow_all": True,
        "c.JupyterHub.spawner_class": "simple",
        "c.SimpleLocalProcessSpawner.home_dir_template": str(home / "users" / "{username}"),
        # repo2docker runs the repository's `start` before the server; so does this hub.
        "c.Spawner.cmd": [str(harness.ROOT / "start"), str(harness.BIN / "jupyterhub-singleuser")],
        "c.Spawner.notebook_dir": str(project),
        "c.Spawner.default_url": "/lab",
        "c.Spawner.args": ["--ServerApp.allow_root=True"],  # CI runs as root
        "c.Spawner.start_timeout": 120,
        "c.Spawner.http_timeout": 120,
        "c.JupyterHub.cleanup_servers": True,
    }
    return "\n".join(f"{name} = {value!r}" for name, value in lines.items()) + "\n", ports[0]


def start(home: Path) -> harness.Server:
    """The hub, serving a copy of the project; returns once it answers."""
    project = home / "project"
    harness.copy_project(project)
    text, port = config(home, project, install_proxy())
    (home / "jupyterhub_config.py").write_text(text, encoding="utf-8")
    env = harness.isolated_env(home / "jupyter")
    argv = [str(harness.BIN / "jupyterhub"), "-f", str(home / "jupyterhub_config.py")]
    server = harness.spawn("jupyterhub", argv, env, home, f"http://127.0.0.1:{port}", "", home)
    return harness.ready(server, "/hub/login")


if __name__ == "__main__":  # a hub to try by hand: python tests/browser/hub.py FOLDER
    hub = start(Path(sys.argv[1]))
    print(f"JupyterHub at {hub.base}/hub/login (Ctrl-C stops it)")
    try:
        hub.process.wait()
    finally:
        hub.stop()
