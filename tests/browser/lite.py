"""Build the JupyterLite site and serve it with its own launcher, for the tests and benchmarks.

Shared by tests/browser/test_site_browser.py and benchmarks/site_speed.py. Downloads (Pyodide's
core from npm, the kernel's wheels from PyPI) are kept in build/site-cache between runs, so only
the first build fetches anything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import harness

CACHE = harness.ROOT / "build" / "site-cache"
NOTEBOOK_PATH = f"notebooks/{harness.NOTEBOOK.name}"


def build(output: Path) -> Path:
    """`python -m explainer site` into `output`, from the repository; returns `output`.

    One setting is added to the built site: `exposeAppInBrowser`, which JupyterLab's own
    browser tests use too, so the test can run commands and read the notebook's model.
    """
    argv = [sys.executable, "-m", "explainer", "site", "--output", str(output)]
    result = subprocess.run(
        argv + ["--cache", str(CACHE)], cwd=harness.ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, f"site build failed:\n{result.stdout}\n{result.stderr}"
    config_path = output / "jupyter-lite.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["jupyter-config-data"]["exposeAppInBrowser"] = True
    config_path.write_text(json.dumps(config), encoding="utf-8")
    return output


def serve(site: Path, home: Path) -> harness.Server:
    """The site's own launcher (`python3 serve.py`) on a free port of 127.0.0.1, no browser."""
    home.mkdir(parents=True, exist_ok=True)
    port = harness.free_port()
    argv = [sys.executable, str(site / "serve.py"), "--no-browser", f"--port={port}"]
    argv.append(harness.NOTEBOOK.name)  # the site has every article's notebook
    server = harness.spawn("site", argv, None, home, f"http://127.0.0.1:{port}", "", home)
    server.wait_ready("/index.html", timeout=30)
    return server


def start_url(server: harness.Server) -> str:
    """The address the launcher prints (and opens) for the reader."""
    for line in server.log.read_text(encoding="utf-8").splitlines():
        if line.startswith("The explainer is at "):
            return line.removeprefix("The explainer is at ").strip()
    raise AssertionError(f"serve.py printed no address:\n{server.tail()}")
