"""`python -m explainer validate [DIR]`: check article packages and list every problem.

DIR is one package (a folder with a datapackage.json) or a folder of packages, like `data/`,
in which case each one is checked and its problems are prefixed with its folder.
"""

from __future__ import annotations

from pathlib import Path

from ..package import PackageError, load_package
from ..package.descriptor import NAME
from ..package.problems import one_line
from ..package.upgrade import needs_upgrade


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
    parser.set_defaults(run=lambda args: validate_folders(Path(args.folder)))


def package_folders(folder: Path) -> list[Path]:
    """`folder` itself if it is a package (or nothing at all), else its sub-folders that are."""
    if (folder / NAME).exists() or not folder.is_dir():
        return [folder]
    return sorted(p.parent for p in folder.glob(f"*/{NAME}")) or [folder]


def validate_folders(folder: Path) -> int:
    folders = package_folders(folder)
    prefix = len(folders) > 1 or folders[0] != folder
    statuses = [validate_folder(f, prefix) for f in folders]
    return max(statuses)


def validate_folder(folder: Path, prefix: bool = False) -> int:
    try:
        package = load_package(folder)
    except PackageError as error:
        for problem in error.problems:
            print(f"{one_line(str(folder))}/{problem}" if prefix else problem)
        count = len(error.problems)
        shown = one_line(str(folder))
        print(f"{shown}: {count} problem{'' if count == 1 else 's'}")
        if needs_upgrade(folder):
            print(f"{shown}: in an older format: `python -m explainer upgrade {shown}` converts it")
        return 1
    counts = (
        f"{len(package.actors)} actors, {len(package.events)} events, {len(package.claims)} claims"
    )
    print(f"{one_line(str(folder))}: valid: {counts}")
    return 0
