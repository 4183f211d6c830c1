"""`python -m explainer validate [DIR]`: check article packages and list every problem.

DIR is one package (a folder with a datapackage.json) or a folder of packages, like `data/`,
in which case each one is checked and its problems are prefixed with its folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..package import PackageError, load_package, review
from ..package.descriptor import NAME
from ..package.problems import counted, one_line
from ..package.upgrade import needs_upgrade
from .paths import not_a_package_folder


def add(commands) -> None:
    parser = commands.add_parser(
        "validate",
        help="check a package, or every package in a folder, and list every problem",
        description="Check article packages against their datapackage.json and the rules.",
    )
    parser.add_argument(
        "folder",
        nargs="?",
        default="data",
        metavar="DIR",
        help="a package folder, or a folder of package folders (default: data)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also fail while any row awaits review (a draft from `new`), listing each",
    )
    parser.set_defaults(run=lambda args: validate_folders(Path(args.folder), args.strict))


def package_folders(folder: Path) -> list[Path]:
    """`folder` itself if it is a package (or nothing at all), else its sub-folders that are."""
    if (folder / NAME).exists() or not folder.is_dir():
        return [folder]
    return sorted(p.parent for p in folder.glob(f"*/{NAME}")) or [folder]


def validate_folders(folder: Path, strict: bool = False) -> int:
    wrong = not_a_package_folder(folder, folders_of_packages=True)
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    folders = package_folders(folder)
    prefix = len(folders) > 1 or folders[0] != folder
    statuses = [validate_folder(f, prefix, strict) for f in folders]
    return max(statuses)


def validate_folder(folder: Path, prefix: bool = False, strict: bool = False) -> int:
    shown = one_line(str(folder))
    try:
        package = load_package(folder)
    except PackageError as error:
        for problem in error.problems:
            print(f"{shown}/{problem}" if prefix else problem)
        count = len(error.problems)
        print(f"{shown}: {counted(count, 'problem')}")
        if needs_upgrade(folder):
            print(f"{shown}: in an older format: `python -m explainer upgrade {shown}` converts it")
        return 1
    counts = (
        f"{len(package.actors)} actors, {len(package.events)} events, {len(package.claims)} claims"
    )
    draft = review.summary(package.awaiting_review)
    if strict and draft:
        for mark in package.awaiting_review:
            line = f"{mark.file}:{mark.row}: review: awaits review: {mark.check}"
            print(f"{shown}/{line}" if prefix else line)
        print(f"{shown}: not ready (--strict): {draft}")
        return 1
    for warning in package.warnings:  # a person may rightly differ: shown, and still valid
        line = f"{warning.file}:{warning.row}: {warning.field}: warning: {warning.message}"
        print(f"{shown}/{one_line(line)}" if prefix else one_line(line))
    warned = f"; {counted(len(package.warnings), 'warning')}" if package.warnings else ""
    print(f"{shown}: valid: {counts}{warned}" + (f"; a draft: {draft}" if draft else ""))
    return 0
