"""`python -m explainer new ARTICLE.txt --published DATE --output DIR`: a draft package.

Every row it writes is a proposal marked for review; `validate DIR` counts them and
`validate --strict DIR` passes once a person has checked each one and marked it `reviewed`.
An article past the package's limits is refused before it is read whole. What the draft
changed or assumed (a headline added to the text, a publisher the text does not name, the
wire agency it passes on) is said in the output, since the teacher reviews against it.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ..draft import FolderNotEmpty, LayoutError, PastLimit, Proposal, propose, write_package
from ..draft.bounds import read_article
from ..package import validate_package
from ..package.problems import counted
from ..package.writing import CannotWrite
from ..review.notebook import write_review_notebook
from .paths import not_a_file
from .review import opening


def add(commands) -> None:
    parser = commands.add_parser(
        "new",
        help="draft a package from an article's text: claims, sources, hedges, dates proposed",
        description="Write a draft package for ARTICLE (plain UTF-8 text, headline on the first "
        "line, or given with --headline). Every proposed row is marked for review.",
    )
    parser.add_argument("article", type=Path, metavar="ARTICLE.txt", help="the article's text")
    parser.add_argument(
        "--published",
        type=_day,
        required=True,
        metavar="YYYY-MM-DD",
        help="publication date: every relative date is resolved against it",
    )
    parser.add_argument("--output", type=Path, required=True, metavar="DIR", help="a new folder")
    parser.add_argument(
        "--headline",
        help="the headline as printed (default: the first line); one the text does not hold "
        "is added as its first line",
    )
    parser.add_argument(
        "--publisher",
        help="who published it, named in the text or not (default: the agency in the "
        "dateline's brackets, which is otherwise a link in every claim's attribution)",
    )
    parser.add_argument(
        "--dateline", help="the dateline as printed, when it is not at the start of a paragraph"
    )
    parser.set_defaults(run=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def run(args) -> int:
    began = time.perf_counter()
    wrong = not_a_file(args.article, "the article's text file")
    if wrong:
        print(wrong, file=sys.stderr)
        return 1
    try:
        text = read_article(args.article).decode("utf-8")
        proposal = propose(text, args.published, args.headline, args.publisher, args.dateline)
        write_package(proposal, proposal.text.encode("utf-8"), args.output)
    except CannotWrite as error:
        print(error.said("the draft"), file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"{args.article}: not UTF-8 text: save it as UTF-8", file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(f"{error.filename}: file not found", file=sys.stderr)
        return 1
    except IsADirectoryError:
        print(f"{args.article}: is a folder: give the article's text file", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"{error.filename or args.article}: cannot read or write: {error.strerror}",
            file=sys.stderr,
        )
        return 1
    except (LayoutError, PastLimit, FolderNotEmpty) as error:
        print(f"{args.article}: {error}", file=sys.stderr)
        return 1
    problems = validate_package(args.output)
    for problem in problems:  # the article's own text can break a rule, e.g. markup in it
        print(f"{args.output}/{problem}")
    changes = [f"  {line}" for line in _changes(proposal)]
    if problems:
        print(*changes, sep="\n", end="\n" if changes else "")
        count = counted(len(problems), "problem")
        print(f"{args.output}: draft written, but it has {count}: fix them there")
        return 1
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in proposal.tables.items() if rows)
    seconds = time.perf_counter() - began
    print(f"{args.output}: draft written in {seconds:.1f} s: {counts}")
    print(*changes, sep="\n", end="\n" if changes else "")
    ambiguous = [e for e in proposal.tables["events"] if "ambiguous" in e["review"]]
    for event in ambiguous:
        print(f"  “{event['date_text']}” is ambiguous: see its review note in events.csv")
    try:
        notebook = write_review_notebook(args.output)
    except CannotWrite as error:
        print(error.said("the review notebook"), file=sys.stderr)
        return 1
    print(
        f"Review every row in {notebook}, then: python -m explainer validate --strict {args.output}"
    )
    print(opening(notebook))
    return 0


def _changes(proposal: Proposal) -> list[str]:
    """What the draft changed in the text or took from the options, for the teacher to know."""
    who = proposal.credit
    lines = []
    if proposal.headline_added:
        lines.append(
            "article.txt is your text with the headline added as its first line (the text did "
            "not carry it); every offset counts from that line"
        )
    if who and not who.mention:
        lines.append(f"the text does not name {who.publisher}, the publisher you gave")
    if who and who.agency:
        lines.append(
            f"{who.publisher} published it from the report of {who.agency}, the agency in the "
            f"dateline: every claim's attribution starts {who.publisher}, then {who.agency}"
        )
    return lines
