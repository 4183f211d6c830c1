"""`python -m explainer answers FILE...`: the class's answers as one CSV and a summary."""

from __future__ import annotations

import sys
from pathlib import Path

from ..package.writing import CannotWrite, write_whole


def add(commands) -> None:
    parser = commands.add_parser(
        "answers",
        help="merge the answers students handed in (JSON) or a classroom's record into a CSV",
        description="Read the files of answers students saved from their notebook (answers-"
        "LESSON-LABEL.json) and/or the classroom server's record (build/answers/LESSON.sqlite), "
        "print a summary per exercise, and with --csv write every answer as one CSV. A file "
        "that is not one of answers, or of another lesson than the first, is refused and named; "
        "the others are still read.",
    )
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help=".json or .sqlite")
    parser.add_argument("--csv", type=Path, help="write every answer here (one row per answer)")
    parser.add_argument(
        "--lesson",
        type=Path,
        metavar="NOTEBOOK",
        help="the lesson's stored notebook: the summary names the choices and the right "
        "answers, and refuses answers that are not among the choices",
    )
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..answers import handin, store, summary, table
    from ..answers.lesson import LessonError, read_lesson

    try:
        lesson = read_lesson(args.lesson) if args.lesson else None
    except LessonError as error:
        print(error, file=sys.stderr)
        return 1
    rows: list[table.Row] = []
    refused = 0
    seen: dict[tuple[str, str], Path] = {}
    for path in args.files:
        try:
            read = store.read_record(path) if path.suffix == ".sqlite" else handin.read(path)
            problem = _mismatch(path, read, rows, lesson, seen)
        except (handin.HandInError, store.StoreError) as error:
            problem = str(error)
        if problem:
            print(f"refused: {problem}", file=sys.stderr)
            refused += 1
            continue
        rows += read
        seen.update({(r.exercise, r.student): path for r in read})
    if rows:
        students = len({r.student for r in rows})
        print(f"{rows[0].lesson}: ", end="")
        print(summary.text(summary.summarise(rows, lesson), students), end="")
    if args.csv and not rows:  # every file refused: an older CSV is not replaced by nothing
        print(f"{args.csv}: not written, as no answers were read", file=sys.stderr)
    elif args.csv:
        try:
            write_whole({args.csv: table.csv_text(rows).encode("utf-8")})
        except CannotWrite as error:
            print(error.said("the answers"), file=sys.stderr)
            return 1
        print(f"{args.csv}: {len(rows)} answers", file=sys.stderr)
    if refused:
        print(f"{refused} of {len(args.files)} files refused: their answers are not in it")
    return 1 if refused or not rows else 0


def _mismatch(path, read, rows, lesson, seen) -> str | None:
    """Why the rows of `path` cannot join those read before (None if they can)."""
    want = lesson.name if lesson else (rows[0].lesson if rows else None)
    for row in read:
        if want and row.lesson != want:
            return f"{path}: answers of lesson {row.lesson!r}, not {want!r}"
        for answer in (row.first_answer, row.final_answer):
            if lesson and not lesson.allows(row.exercise, answer):
                return f"{path}: {row.exercise}: {answer!r} is not one of the lesson's answers"
        if (row.exercise, row.student) in seen:
            earlier = seen[(row.exercise, row.student)]
            return f"{path}: {row.student}'s answers are already in {earlier} (the same twice?)"
    return None
