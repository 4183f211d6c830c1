"""Command line: `python -m explainer COMMAND`, one module of this folder per command.

Each command module has `add(commands)`, which adds its subparser and sets `run`, a function of
the parsed arguments that returns the exit status. A new command is a new module listed in
COMMANDS.

Problems are printed one a line as `file:row: field: message`, so an editor or a spreadsheet
user can go straight to the cell; the exit status (EXIT_STATUS) lets CI gate on it. A user's
error is a short message, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import (
    answers,
    app,
    build,
    classroom,
    execute,
    export,
    fix_offsets,
    import_annotations,
    new,
    notebook,
    review,
    site,
    upgrade,
    validate,
)

COMMANDS = (
    validate,
    execute,
    notebook,
    build,
    new,
    review,
    fix_offsets,
    upgrade,
    site,
    classroom,
    app,
    export,
    import_annotations,
    answers,
)

EXIT_STATUS = """exit status:
  0  done: the package is valid, or the file was written
  1  problems found: in the package or the notebook, or a file that could not be read or written
  2  usage: the command line is wrong (an unknown command or option, a missing argument)"""


def _prog() -> str:
    """How the user called it: `explainer` (the console command) or `python -m explainer`."""
    called = os.path.basename(sys.argv[0]) if sys.argv else ""
    return "explainer" if called in ("explainer", "explainer.exe") else "python -m explainer"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Work with an article package.",
        epilog=EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add(commands)
    for subparser in commands.choices.values():
        subparser.epilog = EXIT_STATUS
        subparser.formatter_class = argparse.RawDescriptionHelpFormatter
    args = parser.parse_args(argv)
    try:
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
    except BrokenPipeError:
        # Whoever read the output stopped early (`| head`): nothing more to say to them. Later
        # writes, and the flush at exit, go to /dev/null instead of failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return status
