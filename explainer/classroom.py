"""The classroom server: Voilà's app mode set up for a whole class on one machine.

Measured before it existed (10 students on a 2-core machine): the last page drew after 54 s,
every page load left a 55 MB kernel running for ever, and any web page could drive the server
by DNS rebinding (no token, no Host check). So:

- preheated kernels: Voilà runs the notebook ahead of time in a pool of kernels, one per
  expected student, and a page is served from a kernel that has already run every cell; a
  kernel taken from the pool is replaced a minute later, once the class has arrived;
- culling: a kernel whose page has closed (no connection) and which has been idle for a minute
  is stopped; the preheated pool is never culled, and a kernel just handed to a page gets a
  fresh minute to be connected (`ClassroomKernelManager`);
- on this machine only (127.0.0.1), requests naming another host in their `Host` header are
  refused, which is what defeats DNS rebinding; on the class's network (`--ip`), a page needs
  the link with its token, which nobody off the class's link has.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

SOURCE = Path(__file__).resolve().parents[1]
TEMPLATES = SOURCE / "app"  # the offline Voilà template (JUPYTER_PATH)
REFILL_AFTER = 60  # seconds before the pool replaces a kernel a student took (see voila_config)
IDLE_SECONDS = 60  # a closed page's kernel is stopped after this long idle
CULL_EVERY = 15  # seconds between checks; so a closed page's kernel is gone in 75 s at most
LOCAL_NAMES = ["localhost"]  # besides loopback addresses, the only Host accepted on 127.0.0.1


@dataclass(frozen=True)
class Plan:
    """What to run: Voilà's arguments, its environment, and the link to give the class."""

    argv: list[str]
    env: dict[str, str]
    config: dict
    url: str


def plan(
    notebook: Path,
    students: int,
    ip: str,
    port: int,
    voila: str = "voila",
    env: dict | None = None,
    token: bool = False,
) -> Plan:
    """The Voilà command for `students` at once on `ip`:`port` (loopback unless told), run
    with `env` (default: this process's environment) and the offline template added to it.
    The link carries a token on the class's network, or on loopback if `token` (a computer
    that others log in to can reach its own 127.0.0.1)."""
    on_network = not ipaddress.ip_address(ip).is_loopback
    token = secrets.token_urlsafe(12) if on_network or token else ""
    config = voila_config(students, on_network)
    argv = [voila, "--no-browser", "--template=offline", f"--Voila.ip={ip}", f"--port={port}"]
    argv += ["--Voila.port_retries=0", f"--Voila.token={token}", str(notebook)]
    env = dict(os.environ if env is None else env)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATES), env.get("JUPYTER_PATH")]))
    host = f"[{ip}]" if ":" in ip else ip
    url = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    return Plan(argv, env, config, url)


def voila_config(students: int, on_network: bool) -> dict:
    """voila.json: preheating, culling, and who may connect."""
    return {
        "VoilaConfiguration": {
            "preheat_kernel": True,
            "default_pool_size": students,
            "progressive_rendering": False,  # Voilà cannot preheat with it
            "multi_kernel_manager_class": f"{__name__}.ClassroomKernelManager",
        },
        # Refilling the pool runs the notebook again, in the server's process too (rendering):
        # done at once, it would compete with the students still arriving for the two cores.
        "VoilaKernelManager": {"fill_delay": REFILL_AFTER},
        "MappingKernelManager": {
            "cull_idle_timeout": IDLE_SECONDS,
            "cull_interval": CULL_EVERY,
            "cull_connected": False,  # an open page keeps its kernel, however long it reads
            "cull_busy": False,
        },
        "Voila": {
            # On the class's network the token guards the server; on loopback the Host check.
            "tornado_settings": {
                "allow_remote_access": on_network,
                "local_hostnames": LOCAL_NAMES,
            }
        },
    }


def write_config(config: dict, folder: Path) -> list[str]:
    """Write voila.json into `folder`; returns the argument that makes Voilà read it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "voila.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    return [f"--Voila.config_file_paths={folder}"]


class ClassroomKernelManager(AsyncMappingKernelManager):
    """Culling that spares a kernel just handed from the pool to a page.

    A preheated kernel sits idle in the pool, so by the time a student takes it its last
    activity may be minutes old; until the page's websocket connects it also has no
    connection, and the culler would stop it under the student (seen in the browser test).
    Voilà asks this manager about a kernel only once it has left the pool: the first time it
    asks, the kernel's idle clock starts again, so the page has a full idle timeout to connect.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._handed_out: set[str] = set()

    async def cull_kernel_if_idle(self, kernel_id: str):
        if kernel_id not in self._handed_out:
            self._handed_out.add(kernel_id)
            self._kernels[kernel_id].last_activity = utcnow()
            return None
        return await super().cull_kernel_if_idle(kernel_id)
