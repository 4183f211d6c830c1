"""The classroom server: Voilà in this process with the classroom's page handler, its link made
here and written where only the teacher can read it, and what the teacher needs printed.

The link's key is never on a command line nor in an environment variable (both readable by
every user of a shared computer with `ps`): it is made in this process, passed to Voilà as a
setting, printed, and kept in a file of the user's Jupyter runtime folder (private to them)
while the server runs, so the teacher can find the link again.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import tornado.ioloop
from jupyter_core.paths import jupyter_runtime_dir

from .. import voila_app
from ..answers import server as answers_server
from ..answers.protocol import ANSWER_ROUTE
from ..answers.recorder import Recorder, for_notebook
from .admission import ClassroomPageHandler
from .config import Lesson, voila_config

EXAMPLE_ADDRESS = "192.168.1.20"


class ClassroomVoila(voila_app.ExplainerVoila):
    """Voilà as the classroom runs it. Handlers of the classroom's own go in `routes`: the
    class's answers, recorded by `recorder` (which its kernel manager gives each new kernel a
    page key of)."""

    page_handler = ClassroomPageHandler
    recorder: Recorder

    def routes(self) -> list[tuple]:
        return answers_server.routes(self.recorder)


def serve(lesson: Lesson) -> None:
    """Serve `lesson` until Ctrl-C, SIGTERM, SIGHUP or the parent's death."""
    token = secrets.token_urlsafe(16)
    links = [f"http://{_host(ip)}:{lesson.port}/?token={token}" for ip in addresses(lesson.ip)]
    # The teacher's computer reaches the server where it listens (loopback if everywhere).
    here = f"http://{_host(_own_address(lesson.ip))}:{lesson.port}"
    # Opened before anything starts: a file of another lesson is refused here, not mid-class.
    recorder = for_notebook(lesson.notebook, lesson.answers, here + ANSWER_ROUTE, lesson.names)
    teacher = answers_server.teacher_link(here, recorder)
    app_class = type(ClassroomVoila.__name__, (ClassroomVoila,), {"recorder": recorder})
    try:
        with _link_file(lesson.port, [*links, f"teacher: {teacher}"]) as path:
            config = voila_config(lesson, token)
            voila_app.run(
                app_class,
                lesson.notebook,
                config,
                lambda app: _announce(app, lesson, links, path, teacher, recorder.store.path),
            )
    finally:
        recorder.close()  # answers being committed are finished first
    print("The classroom server has stopped; every kernel is shut down.", flush=True)


def _own_address(ip: str) -> str:
    address = ipaddress.ip_address(ip)
    if address.is_unspecified:
        return "::1" if address.version == 6 else "127.0.0.1"
    return ip


def addresses(ip: str) -> list[str]:
    """The addresses students reach the server at: `ip`, or for 0.0.0.0 (::) every address
    of this computer of that family but loopback."""
    address = ipaddress.ip_address(ip)
    if not address.is_unspecified:
        return [ip]
    import psutil  # a dependency of ipykernel

    found = []
    for interface in psutil.net_if_addrs().values():
        for entry in interface:
            with contextlib.suppress(ValueError):
                mine = ipaddress.ip_address(entry.address.split("%")[0])
                if mine.version == address.version and not mine.is_loopback:
                    found.append(str(mine))
    return found or [ip]


def _host(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


@contextlib.contextmanager
def _link_file(port: int, links: list[str]) -> Iterator[Path]:
    """A file with the links that only this user can read, removed when the server stops."""
    folder = Path(jupyter_runtime_dir())
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"explainer-classroom-{port}.txt"
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a file left by a server that was killed: its mode may be another's
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("".join(f"{link}\n" for link in links))
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _announce(
    app: ClassroomVoila,
    lesson: Lesson,
    links: list[str],
    path: Path,
    teacher: str,
    record: Path,
) -> None:
    """What the teacher needs, once the server listens; and a line once the pool is ready."""
    if lesson.on_network:
        who = "for the students' computers on the class's network"
    else:
        who = (
            "only this computer can open it; to let the students' computers in, start again "
            "with --ip and this computer's address on the class's network, for example "
            f"--ip {EXAMPLE_ADDRESS}"
        )
    lines = [f"The class's link ({who}):", *(f"  {link}" for link in links)]
    lines += [
        f"Your view of the class's answers (for you only, never the class; recorded in "
        f"{record}): {teacher}",
        f"Both are also in {path} (only you can read it).",
        f"Preparing {lesson.students} kernels, one per student (about a second each); at most "
        f"{lesson.places} pages at once. Ctrl-C stops the server.",
    ]
    print("\n".join(lines), flush=True)

    def ready() -> None:
        if app.kernel_manager.pool_ready(lesson.students):
            watch.stop()
            print(f"Ready: the class can open the link ({lesson.students} kernels).", flush=True)

    watch = tornado.ioloop.PeriodicCallback(ready, 500)
    watch.start()
