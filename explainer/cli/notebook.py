"""`python -m explainer notebook DIR`: write and execute an explainer for any valid package.

DIR is one package, or a folder of packages like `data/`, each of which then gets its notebook
in notebooks/ (as after a change of the engine, when every stored notebook is made again).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..package import PackageError
from ..package.problems import counted
from ..package.writing import CannotWrite, ensure_writable
from .execute import report
from .paths import not_a_package_folder
from .validate import package_folders


def add(commands) -> None:
    parser = commands.add_parser(
        "notebook",
        help="write and execute a narrative explainer notebook for a package",
        description="Write a narrative explainer for the package in DIR, with its prose worked "
        "out from the data and the teacher's own text from DIR/lesson.md, then execute it and "
        "store its outputs (as `execute` does). DIR may also be a folder of packages, like "
        "data: each gets notebooks/NAME.ipynb.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the package's folder")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="notebook to write (default: notebooks/NAME.ipynb, NAME being the folder's name)",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    wrong = not_a_package_folder(args.folder, folders_of_packages=True)
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    folders = package_folders(args.folder)
    if args.output and len(folders) > 1:
        print(f"{args.folder}: holds {len(folders)} packages: --output needs one", file=sys.stderr)
        return 2
    default = [Path("notebooks") / f"{f.resolve().name}.ipynb" for f in folders]
    return max(write(f, args.output or out) for f, out in zip(folders, default, strict=True))


def write(folder: Path, output: Path) -> int:
    """Generate, execute and save one package's notebook; its exit status."""
    # Imported here: nbformat and nbclient are slow to import and only this command needs them.
    from ..narrative import generate_notebook
    from ..narrative.lesson import LessonError
    from ..publish.execute import ExecutionError, run_notebook, save

    try:
        notebook = generate_notebook(folder, output)
    except PackageError as error:
        for problem in error.problems:
            print(f"{folder}/{problem}", file=sys.stderr)
        count = counted(len(error.problems), "problem")
        print(f"{folder}: {count}: no notebook written", file=sys.stderr)
        return 1
    except LessonError as error:
        print(f"{folder}/{error}", file=sys.stderr)
        return 1
    try:
        ensure_writable([output])  # before the minute the notebook may take to run
        output.parent.mkdir(parents=True, exist_ok=True)  # the kernel runs in it
    except CannotWrite as error:
        print(error.said("the notebook"), file=sys.stderr)
        return 1
    except OSError as error:
        print(CannotWrite(output, error).said("the notebook"), file=sys.stderr)
        return 1
    try:
        found = run_notebook(notebook, output)
        if found:
            report(output, found, "not written")
            return 1
        save(notebook, output)
    except ExecutionError as error:
        print(f"{output}: {error}", file=sys.stderr)
        return 1
    except CannotWrite as error:
        print(error.said("the notebook"), file=sys.stderr)
        return 1
    print(f"{output}: written and executed from {folder}")
    return 0
