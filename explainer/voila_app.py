"""Voilà run inside this process, as `python -m explainer app` and `classroom` run it.

In this process (not as a child command) the server stops whole whatever ends it (see
lifetime), its settings and any token never appear on a command line that every user of the
computer can read with `ps`, and the project can put its own handlers in front of the
notebook's page. Voilà's own log is kept to what needs the operator (warnings and errors, minus
one line per page saying the notebook is not trusted, which changes nothing in Voilà): the
command prints what the teacher needs instead, once the server is listening.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import tornado.ioloop
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets.config import Config
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from . import lifetime
from .link_page import LinkPageHandler

TEMPLATES = Path(__file__).resolve().parent / "app"  # the offline Voilà template (package data)
# Each kernel warns as it starts that it runs over TCP without encryption (on 127.0.0.1, behind
# the key of its connection file, which only the user can read): one line per student in the
# teacher's terminal. Its errors still show. (The ipc transport would avoid the warning, but
# with it a page lost a widget model in the classroom's browser test, once; not pursued.)
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]


class ExplainerVoila(Voila):
    """Voilà serving one notebook with the offline template, quietly, stopping whole, its page
    opened from its link only (link_page).

    Subclasses change `page_handler` (what serves the notebook's page) and add `routes()`:
    handlers matched before the page, whose pattern catches every other path.
    """

    page_handler = LinkPageHandler

    def routes(self) -> list[tuple]:
        return []

    def init_handlers(self) -> list[tuple]:
        *others, (pattern, handler, options) = super().init_handlers()
        if handler is not TornadoVoilaHandler:  # Voilà's layout changed: nothing would match
            raise RuntimeError(f"Voilà's last handler is {handler}, not the notebook's page")
        return [*others, *self.routes(), (pattern, self.page_handler, options)]

    def initialize(self, argv=None):
        super().initialize(argv)
        self.log.addFilter(_not_the_trust_warning)
        lifetime.stop_whole()  # after Voilà's own SIGTERM handler, which this replaces


class QuietKernelManager(AsyncMappingKernelManager):
    """Kernels that keep their warnings to themselves (see KERNEL_ARGUMENTS)."""

    # jupyter_server's own async start_kernel already differs from jupyter_client's signature
    async def start_kernel(self, **kwargs) -> str:  # type: ignore[override]
        kwargs.setdefault("extra_arguments", KERNEL_ARGUMENTS)
        return await super().start_kernel(**kwargs)


def _not_the_trust_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().endswith("is not trusted")


def run(app_class: type[ExplainerVoila], notebook: Path, config: dict, ready: Callable) -> None:
    """Serve `notebook` until stopped; `ready(app)` runs once the server is listening."""
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(TEMPLATES), os.environ.get("JUPYTER_PATH")])
    )
    quiet = {
        "Voila": {"open_browser": False, "port_retries": 0, "log_level": "WARN"},
        # No voila.json of the user's (or of the folder it runs in) changes what is served.
        "VoilaConfiguration": {
            "template": "offline",
            "multi_kernel_manager_class": f"{__name__}.QuietKernelManager",
        },
    }
    merged = Config(quiet)
    merged.merge(Config(config))
    merged.Voila.config_file_paths = []
    app = app_class(config=merged)
    app.initialize([str(notebook)])
    tornado.ioloop.IOLoop.current().add_callback(ready, app)  # runs once Voilà listens
    app.start()  # until Ctrl-C, SIGTERM, SIGHUP or the parent's death; kernels shut down
