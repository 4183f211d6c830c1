"""Command line: `python -m explainer COMMAND`, one module of this folder per command.

Each command module has `add(commands)`, which adds its subparser and sets `run`, a function of
the parsed arguments that returns the exit status. A new command is a new module listed in
COMMANDS.

Problems are printed one a line as `file:row: field: message`, so an editor or a spreadsheet
user can go straight to the cell; the exit status (0 valid, 1 not) lets CI gate on it.
"""

from __future__ import annotations

import argparse

from . import build, classroom, execute, site, validate

COMMANDS = (validate, execute, build, site, classroom)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m explainer", description="Work with an article package."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add(commands)
    args = parser.parse_args(argv)
    return args.run(args)
