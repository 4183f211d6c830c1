"""`python -m explainer classroom`: serve the app mode to a whole class from this machine."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def add(commands) -> None:
    parser = commands.add_parser(
        "classroom",
        help="serve the app mode (Voila) to a class: preheated kernels, culled when pages close",
        description="Serve the notebook as an app page (no code) to a whole class from this "
        "machine. Voila runs it ahead of time in one kernel per student, stops a kernel a "
        "minute or so after its page closes, and by default answers only this machine "
        "(127.0.0.1). With --ip it listens on that address of the class's network and every "
        "student needs the printed link, which carries a token. Ctrl-C stops it.",
    )
    parser.add_argument("notebook", type=Path, help="the notebook to serve: notebooks/NAME.ipynb")
    parser.add_argument(
        "--students", type=int, default=30, help="kernels kept ready, one per student (30)"
    )
    parser.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to listen on; give this machine's address on the class's network "
        "(for example 192.168.1.20) to let the students' computers in (default: 127.0.0.1, "
        "this machine only)",
    )
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument(
        "--token",
        action="store_true",
        help="require the printed link's token on this machine too (a computer that others "
        "log in to; on the class's network the token is always required)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from .. import classroom  # imported here: only this command needs jupyter_server

    problem = _check(args)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    voila = shutil.which("voila", path=str(Path(sys.executable).parent)) or "voila"
    plan = classroom.plan(args.notebook, args.students, args.ip, args.port, voila, token=args.token)
    with tempfile.TemporaryDirectory(prefix="explainer-classroom-") as folder:
        argv = plan.argv + classroom.write_config(plan.config, Path(folder))
        print(
            f"Preparing {args.students} kernels (about a second each); then give the class:\n"
            f"  {plan.url}\nCtrl-C stops the server.",
            flush=True,
        )
        try:
            return subprocess.run(argv, env=plan.env).returncode
        except KeyboardInterrupt:
            return 0


def _check(args) -> str | None:
    import ipaddress

    from .. import classroom

    if not args.notebook.is_file():
        return f"{args.notebook}: no such notebook"
    if args.students < 1:
        return f"--students {args.students}: give at least 1"
    try:
        ipaddress.ip_address(args.ip)
    except ValueError:
        return f"--ip {args.ip}: not an IP address (this machine's address, e.g. 192.168.1.20)"
    if not classroom.TEMPLATES.is_dir():
        return f"{classroom.TEMPLATES}: the offline Voila template is missing (run from a clone)"
    return None
