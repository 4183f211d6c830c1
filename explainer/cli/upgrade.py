"""`python -m explainer upgrade DIR`: convert a package in an older format in place, then check it.

The engine reads one format only, so older packages are converted once rather than read both
ways forever; the conversion leaves every file it does not need to change untouched.
"""

from __future__ import annotations

from pathlib import Path

from ..package.upgrade import UpgradeError, upgrade_package
from .validate import validate_folder


def add(commands) -> None:
    parser = commands.add_parser(
        "upgrade",
        help="convert a package written in an older format in place, then validate it",
        description="Convert a package to the current format in place (for example the "
        "context_actors hangul column to native_name and native_language), then validate it.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the package folder")
    parser.set_defaults(run=run)


def run(args) -> int:
    try:
        done = upgrade_package(args.folder)
    except UpgradeError as error:
        print(error.problem)
        return 1
    for change in done:
        print(f"{args.folder}: {change}")
    if not done:
        print(f"{args.folder}: already in the current format; nothing changed")
    return validate_folder(args.folder)
