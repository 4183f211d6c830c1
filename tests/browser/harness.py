"""Start JupyterLab or Voilà headless on loopback, drive them with Debian's chromium.

Shared by the browser tests (tests/browser/) and benchmarks/browser_speed.py.

Isolation: each server gets its own Jupyter config, data, runtime and IPython directories under a
temporary folder, a free port on 127.0.0.1 and a random token, and serves a temporary copy of
notebooks/ and data/, so nothing it saves (autosave, checkpoints, trust signatures, workspaces)
lands in the repository or in the user's ~/.jupyter. JupyterLab's news and update checks are
turned off on both sides: the announcements plugin is disabled in the isolated config (exactly
what `jupyter labextension disable --level=user` writes there), the server has no news URL and
never checks for updates, and the extension manager is read-only (no PyPI look-ups).

The page is watched for every request it makes: anything not addressed to loopback is recorded
and aborted, so a test can assert that nothing left the machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "korea-us-consultations.ipynb"
ARTIFACTS = ROOT / "test-artifacts"

# True once JupyterLab's current notebook has a connected kernel that is idle.
KERNEL_IDLE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const context = panel && panel.sessionContext;
  const kernel = context && context.session && context.session.kernel;
  return Boolean(context && context.isReady && kernel && kernel.status === 'idle'
    && kernel.connectionStatus === 'connected');
}"""
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    # No name resolves but this machine's: whatever a page, a worker or a service worker asks
    # of another host fails, even where request interception cannot see it.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
]
PLOTLY = "application/vnd.plotly.v1+json"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
NOT_NETWORK = ("data:", "blob:", "about:")
INSTALL_HINT = (
    "The browser tests drive Debian's chromium at /usr/bin/chromium: install it with "
    "`apt-get install -y chromium` (as root), then run `.venv/bin/pytest tests/browser`."
)

# JupyterLab: the announcements plugin asks the server for news and updates and pops up
# "Would you like to get notified about official Jupyter news?"; the server would fetch them.
LAB_PAGE_CONFIG = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
LAB_SERVER_CONFIG = {
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.handlers.announcements.NeverCheckForUpdate",
        "extension_manager": "readonly",
        "expose_app_in_browser": True,  # window.jupyterapp, to run commands and read models
    },
    "NotebookNotary": {"db_file": ":memory:"},  # no trust database on disk: opened = untrusted
}
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found. {INSTALL_HINT}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is missing: `.venv/bin/pip install -r requirements.txt`. "
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_loopback(url: str) -> bool:
    if url.startswith(NOT_NETWORK):
        return True
    return (urlsplit(url).hostname or "") in LOOPBACK


def copy_project(target: Path) -> Path:
    """A copy of notebooks/ and data/ (the notebook loads "../data"); returns the notebook."""
    shutil.copytree(ROOT / "notebooks", target / "notebooks", ignore=_checkpoints)
    shutil.copytree(ROOT / "data", target / "data")
    for path in target.rglob("*"):  # some data files are read-only in the repository
        path.chmod(path.stat().st_mode | 0o200)
    return target / "notebooks" / NOTEBOOK.name


def _checkpoints(_folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == ".ipynb_checkpoints"]


def isolated_env(home: Path) -> dict[str, str]:
    """Environment for a server: its own Jupyter and IPython directories, this venv first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON", "VOILA"))}
    dirs = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": home / "config" / "lab" / "user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "config" / "lab" / "workspaces",
        "IPYTHONDIR": home / "ipython",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _write_json(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=1), encoding="utf-8")


@dataclass
class Server:
    """A Jupyter server process in its own session; `stop` ends it and every kernel it started."""

    name: str
    base: str
    token: str
    process: subprocess.Popen
    log: Path
    kernels: set[int] = field(default_factory=set)

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={self.token}" if self.token else self.base + path

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(self.base + path, method=method)
        if self.token:
            request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_ready(self, path: str, timeout: float = 120, any_status: bool = False) -> None:
        """Wait until the server answers `path` (with any HTTP status if `any_status`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited ({self.process.returncode}):\n{self.tail()}"
                )
            try:
                with urllib.request.urlopen(self.url(path), timeout=5) as response:
                    response.read()
                return
            except urllib.error.HTTPError:
                if any_status:
                    return
                time.sleep(0.2)
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"{self.name} did not answer {path} in {timeout:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def remember_kernels(self) -> None:
        """Note the processes this server started (kernels run in sessions of their own)."""
        import psutil  # a dependency of ipykernel

        with contextlib.suppress(psutil.Error):
            for child in psutil.Process(self.process.pid).children(recursive=True):
                self.kernels.add(child.pid)

    def stop(self) -> list[int]:
        """Stop the server and its kernels; returns the pids that had to be killed."""
        import psutil

        self.remember_kernels()
        if self.name == "jupyterlab" and self.process.poll() is None:
            try:
                self.api("/api/shutdown", method="POST")  # shuts kernels down, then the server
                self.process.wait(20)
            except (OSError, subprocess.TimeoutExpired):
                pass  # SIGTERM below does the same
        for sig in (signal.SIGTERM, signal.SIGKILL):  # SIGTERM: shut kernels down and exit
            if self.process.poll() is not None:
                break
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(15)
        leftovers = []
        for pid in sorted(self.kernels):
            with contextlib.suppress(psutil.Error):
                process = psutil.Process(pid)
                try:
                    process.wait(10)
                except psutil.TimeoutExpired:
                    leftovers.append(pid)
                    process.kill()
        return leftovers


def start_lab(home: Path, root_dir: Path) -> Server:
    """JupyterLab on 127.0.0.1, serving `root_dir`, with everything else under `home`."""
    env = isolated_env(home)
    config = Path(env["JUPYTER_CONFIG_DIR"])
    _write_json(config / "labconfig" / "page_config.json", LAB_PAGE_CONFIG)
    _write_json(config / "labconfig" / "default_setting_overrides.json", LAB_SETTINGS)
    _write_json(config / "jupyter_server_config.json", LAB_SERVER_CONFIG)
    port, token = free_port(), secrets.token_hex(16)
    argv = [
        str(BIN / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--allow-root",  # CI containers run as root; harmless otherwise
    ]
    server = spawn("jupyterlab", argv, env, home, f"http://127.0.0.1:{port}", token, root_dir)
    return ready(server, "/lab")


def start_voila(home: Path, notebook: Path = NOTEBOOK) -> Server:
    """The app mode as a reader starts it, `python -m explainer app NOTEBOOK`, from the
    repository root, with no browser and on a free port."""
    env = isolated_env(home)
    port = free_port()
    argv = [sys.executable, "-m", "explainer", "app", "--no-browser", f"--port={port}"]
    argv.append(str(notebook.relative_to(ROOT) if notebook.is_relative_to(ROOT) else notebook))
    server = spawn("voila", argv, env, home, f"http://127.0.0.1:{port}", "", ROOT)
    return with_app_link(ready(server, "/voila/static/", any_status=True))  # "/" runs it


def with_app_link(server: Server) -> Server:
    """`server` (the app) with the key of the link it printed, which its page needs."""
    for line in server.log.read_text(encoding="utf-8").splitlines():
        if line.startswith(APP_LINK):
            server.token = line.removeprefix(APP_LINK).split("?token=", 1)[1]
            return server
    server.stop()
    raise AssertionError(f"the app printed no link:\n{server.tail()}")


APP_LINK = "The explainer is at "


def ready(server: Server, path: str, any_status: bool = False) -> Server:
    """`server` once it answers `path`; stopped if it never does."""
    try:
        server.wait_ready(path, any_status=any_status)
    except BaseException:
        server.stop()
        raise
    return server


def spawn(
    name: str, argv: list[str], env: dict | None, home: Path, base: str, token: str, cwd: Path
) -> Server:
    """Start `argv` in a session of its own (so `stop` ends all it started), logging to
    `home/<name>.log`; `env` None inherits this process's environment."""
    log = home / f"{name}.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    return Server(name, base, token, process, log)


# ----------------------------------------------------------------------------------------------
# The browser


@dataclass
class Watch:
    """What a page did: requests to other machines (aborted), console errors, page errors."""

    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    websockets: list = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"request left the machine: {u}" for u in self.external]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
        )


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def watched_page(browser, width: int = 1400, height: int = 1000, service_workers: str = "block"):
    """A new page in a fresh context, with every request and error recorded in `page.watch`.

    Service workers are blocked unless asked for (JupyterLite serves its files through one).
    """
    context = browser.new_context(
        viewport={"width": width, "height": height}, service_workers=service_workers
    )
    watch = Watch()

    def route(route) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            watch.external.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()

    def on_console(message) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            watch.console_errors.append(f"{message.text} ({where})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(error.stack or str(error)))
    page.on("websocket", lambda ws: _on_websocket(watch, ws))
    page.watch = watch
    return page


def _on_websocket(watch: Watch, ws) -> None:
    if not is_loopback(ws.url):
        watch.external.append(ws.url)
    watch.websockets.append(ws)


def screenshot(page, name: str, **options) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), **options)
    return path


# ----------------------------------------------------------------------------------------------
# Reading the page (the same JavaScript serves JupyterLab and Voilà)

JS_HELPERS = r"""
window.__explainer = {
  // Drawn: plotly's SVG is there with its axes, and one trace group per trace of the figure.
  drawn(div) {
    return Boolean(div._fullLayout && div.querySelector('svg.main-svg')
      && div.querySelector('g.xtick, g.ytick')
      && div.querySelectorAll('g.trace').length === (div.data || []).length);
  },
  ids(div) { return (div.data || []).flatMap(t => t.customdata || []).map(String).sort(); },
  explorer() {
    const label = [...document.querySelectorAll('.widget-select-multiple label')]
      .find(l => l.textContent.trim() === 'Actors');
    return label ? label.closest('.jp-OutputArea-output') : null;
  },
  charts(root) { return [...(root || document).querySelectorAll('.js-plotly-plot')]; },
  // A chart's event labels (the timeline's): how many, and those that leave their panel (plotly
  // cuts them at its edge) or overlap another.
  labelProblems(chart) {
    const within = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1
                             && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
    const overlap = (a, b) => a.left < b.right && b.left < a.right
                              && a.top < b.bottom && b.top < a.bottom;
    const labels = [...chart.querySelectorAll('.textpoint text')].map(t => {
      const panel = [...t.closest('.subplot').classList].find(c => c !== 'subplot');
      const area = chart.querySelector(`rect.nsewdrag[data-subplot="${panel}"]`);
      return [t.textContent, t.getBoundingClientRect(), area.getBoundingClientRect()];
    });
    const problems = labels.filter(([, r, area]) => !within(r, area))
      .map(([text]) => `label "${text}" leaves its panel`);
    labels.forEach(([a, r], i) => labels.slice(i + 1).forEach(([b, s]) => {
      if (overlap(r, s)) problems.push(`label "${a}" overlaps "${b}"`); }));
    return {count: labels.filter(([text]) => text).length, problems};
  },
  // The explorer's article: each claim span's claims (their places, from its classes
  // "claim-<n>") and whether it stands out.
  marked() {
    const root = this.explorer();
    return [...(root ? root.querySelectorAll('span[title][class^="claim-"]') : [])].map(span => [
      [...span.classList].map(name => Number(name.replace('claim-', ''))),
      getComputedStyle(span).borderBottomStyle === 'solid',
    ]);
  },
  state() {
    const root = this.explorer();
    if (!root) return null;
    const [timeline, ...others] = this.charts(root);
    const caption = [...root.querySelectorAll('table > caption')]
      .find(c => /^\d+ claims?$/.test(c.textContent.trim()));
    const table = caption ? caption.closest('table') : null;
    const select = root.querySelector('.widget-select-multiple select');
    return {
      timeline: timeline ? {drawn: this.drawn(timeline), ids: this.ids(timeline)} : null,
      charts: [timeline, ...others].filter(Boolean).map(d => this.drawn(d)),
      caption: caption ? caption.textContent.trim() : null,
      rows: table ? table.querySelectorAll('tbody > tr').length : null,
      summary: (root.querySelector('[role="status"]') || {}).textContent || '',
      options: select ? [...select.options].map(o => o.textContent) : [],
      selected: select ? [...select.selectedOptions].map(o => o.textContent) : [],
      buttons: [...root.querySelectorAll('button.widget-button')].map(b => b.textContent.trim()),
    };
  },
};
"""


def install_helpers(page) -> None:
    page.evaluate(f"() => {{ {JS_HELPERS} }}")


def wait_for_charts(page, count: int) -> None:
    """Wait until at least `count` plotly charts in the page are drawn."""
    page.wait_for_function(
        "n => window.__explainer.charts().filter(c => window.__explainer.drawn(c)).length >= n",
        arg=count,
        timeout=60_000,
    )
