"""`python -m explainer import-annotations FILE DIR`: a class's annotations as claims.

FILE is what Hypothesis exports (or W3C Web Annotation JSON-LD, as `export` writes it). Each
annotation's quote is found again in the article; those found become new claims at the end of
claims.csv, marked for review where a field was proposed; those not found are listed. The
package is changed only into one that `validate` accepts, and written whole or not at all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..package.problems import counted, one_line
from ..package.writing import CannotWrite, reason, write_whole
from .export import loaded
from .paths import not_a_file

if TYPE_CHECKING:  # the export package is imported only when the command runs
    from ..export.claims_in import Outcome


def add(commands) -> None:
    parser = commands.add_parser(
        "import-annotations",
        help="turn annotations of the article (a Hypothesis export, W3C Web Annotations) into "
        "claims of the package",
        description="Find each annotation's quote in the article and add it to claims.csv as a "
        "claim, with its text as the summary and its `field:value` tags as its fields; a field "
        "not given is proposed and the row marked for review. An annotation whose quote is not "
        "in the article is listed, and one that is already a claim is left alone.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the annotations (JSON)")
    parser.add_argument("folder", type=Path, metavar="DIR", help="the package folder")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be imported; change nothing"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..export.annotations_in import NotAnnotations, read_annotations, read_file
    from ..export.claims_in import claims_from
    from ..export.claims_out import staged

    file = one_line(str(args.file))
    package = loaded(args.folder)
    if package is None:
        return 1
    wrong = not_a_file(args.file, "the annotations' file (a Hypothesis export, W3C JSON-LD)")
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    try:
        incoming = read_annotations(read_file(args.file))
    except OSError as error:
        print(f"{file}: cannot read the annotations: {reason(error)}", file=sys.stderr)
        return 1
    except NotAnnotations as error:
        print(f"{file}: {error}", file=sys.stderr)
        return 1
    outcome = claims_from(package, incoming)
    for annotation, why in outcome.problems:
        print(one_line(f"{file}: {annotation.name}: not imported: {why}"))
    for annotation, which in outcome.differs:
        print(one_line(f"{file}: {annotation.name}: already {which}: left as it is"))
    status = 1 if outcome.problems else 0
    written = ""
    if outcome.imported:
        try:
            result = staged(args.folder, outcome.imported, args.file.name)
        except OSError as error:  # the copy that is checked first could not be made
            where = tempfile.gettempdir()
            why = reason(error) if error.errno else "the disk may be full"
            print(
                f"{args.folder}: cannot check the claims in a copy of the package in {where}: "
                f"{why}; nothing was changed",
                file=sys.stderr,
            )
            return 1
        if result.problems:
            for problem, claim in result.problems:
                source = f" (from {claim.incoming.name})" if claim else ""
                print(f"{problem}{one_line(source)}")
            print(f"{args.folder}: nothing written: the claims would make the package invalid")
            return 1
        last = result.first_row + len(outcome.imported) - 1
        rows = f"rows {result.first_row}–{last}" if last > result.first_row else f"row {last}"
        if not args.dry_run:
            try:
                write_whole(result.files)
            except CannotWrite as error:
                print(error.said("the claims"), file=sys.stderr)
                return 1
        verb = "would be added to" if args.dry_run else "added to"
        written = f" ({verb} claims.csv, {rows})"
    print(f"{file}: {report(outcome)}{written}")
    review = sum(bool(claim.proposed) for claim in outcome.imported)
    if review and not args.dry_run:
        strict = f"`python -m explainer validate --strict {args.folder}`"
        print(f"{args.folder}: {counted(review, 'claim')} await review: {strict} lists them")
    return status


def report(outcome: Outcome) -> str:
    parts = [f"{counted(len(outcome.imported), 'claim')} imported"]
    parts.append(f"{len(outcome.already)} already claims of the package")
    if outcome.hedges:
        parts.append(f"{counted(outcome.hedges, 'hedge cue')} taken as hedges of their claims")
    parts += [f"{count} passed over: {why}" for why, count in outcome.passed_over.items()]
    if outcome.problems:
        parts.append(f"{len(outcome.problems)} not imported (listed above)")
    return ", ".join(parts)
