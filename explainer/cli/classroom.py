"""`python -m explainer classroom`: serve the app mode to a whole class from this machine."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from . import serving


def add(commands) -> None:
    parser = commands.add_parser(
        "classroom",
        help="serve the app mode (Voila) to a class: preheated kernels, a cap, culled when "
        "pages close",
        description="Serve the notebook as an app page (no code) to a whole class from this "
        "machine. Voila runs it ahead of time in one kernel per student, serves at most the "
        "class and a small margin at once, and stops a kernel a minute or so after its page "
        "closes. It prints the class's link, which carries a key: only the link opens the page. "
        "By default it answers only this machine (127.0.0.1); with --ip it listens on that "
        "address of the class's network. It records each student's answers in an SQLite file "
        "and prints the teacher's link to a live view of them. Ctrl-C stops it, and every "
        "kernel with it.",
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
    serving.add_port(parser, 8866)
    parser.add_argument(
        "--idle",
        type=int,
        default=60,
        metavar="SECONDS",
        help="stop a closed page's kernel after this long idle (60)",
    )
    parser.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help="where the class's answers are recorded (default: build/answers/LESSON.sqlite, "
        "one file per lesson; a file of another lesson is refused)",
    )
    parser.add_argument(
        "--names",
        action="store_true",
        help="students type a name for their answers (default: a random label per page)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    problem = _check(args) or serving.check_notebook(args.notebook)
    problem = problem or serving.check_port(args.ip, args.port)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from ..answers.lesson import LessonError
    from ..answers.store import StoreError
    from ..classroom import config, server  # imported here: only this command needs Voila

    lesson = config.Lesson(
        args.notebook, args.students, args.ip, args.port, args.idle, args.answers, args.names
    )
    try:
        server.serve(lesson)
    except (LessonError, StoreError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _check(args) -> str | None:
    if args.students < 1:
        return f"--students {args.students}: give at least 1"
    if args.idle < 1:
        return f"--idle {args.idle}: give at least 1 second"
    try:
        ipaddress.ip_address(args.ip)
    except ValueError:
        return f"--ip {args.ip}: not an IP address (this machine's address, e.g. 192.168.1.20)"
    return None
