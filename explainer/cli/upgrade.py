"""`python -m explainer upgrade DIR`: convert a package in an older format in place, then check it.

The engine reads one format only, so older packages are converted once rather than read both
ways forever; the conversion leaves every file it does not need to change untouched.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..package.upgrade import UpgradeError, upgrade_package
from ..package.writing import CannotWrite
from .paths import not_a_package_folder
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
    wrong = not_a_package_folder(args.folder)
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    try:
        done = upgrade_package(args.folder)
    except UpgradeError as error:
        print(error.problem)
        return 1
    except CannotWrite as error:
        print(error.said("the upgraded package"), file=sys.stderr)
        return 1
    for change in done:
        print(f"{args.folder}: {change}")
    if not done:
        print(f"{args.folder}: already in the current format; nothing changed")
    return validate_folder(args.folder)
