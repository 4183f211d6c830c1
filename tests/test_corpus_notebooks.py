"""Prose that stays true on every package (issue 17, section 6): the explainer generated from
each corpus package, both halves, runs without error, and each kind of sentence it writes
follows from that package's own data. Expected values are worked out here from the CSV files,
read with `csv` rather than through the explainer's model; where the corpus lacks a case, a
made-up edge case (tests/synthetic.py, its events replaced) stands in.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
from browser.giveaway import giveaways
from curly_quotes import quotations
from prose_blocks import markdown_blocks
from synthetic import write_synthetic

from explainer.narrative import generate_notebook, prose, story
from explainer.package import load_package
from explainer.package.model import Event
from explainer.package.vocabulary import CERTAINTY, SOURCE_KIND, VERDICT
from explainer.publish.execute import run_notebook
from explainer.views.exercises import EXERCISE_MIMETYPE

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = sorted(p.parent for p in (ROOT / "corpus").glob("*/*/datapackage.json"))
NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def test_the_corpus_is_there():
    """Every other test loops over the corpus: without it they would pass on nothing."""
    assert {p.parent.name for p in PACKAGES} == {"dev", "test"}
    assert len(PACKAGES) >= 12


def name(package: Path) -> str:
    return f"{package.parent.name}/{package.name}"


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory) -> dict[Path, dict]:
    """Each corpus package's notebook, generated and run once (about 1.5 s each)."""
    folder = tmp_path_factory.mktemp("notebooks")
    made = {}
    for package in PACKAGES:
        path = folder / f"{package.parent.name}-{package.name}.ipynb"
        notebook = generate_notebook(package, path)
        run_notebook(notebook, path, timeout=120)
        made[package] = notebook
    return made


def markdown(notebook) -> list[str]:
    return [c.source for c in notebook.cells if c.cell_type == "markdown"]


def one_line(text: str) -> str:
    return " ".join(text.split())


@cache
def table(package: Path, name: str) -> list[dict[str, str]]:
    with (package / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def ids(cell: str) -> list[str]:
    return [x for x in cell.split(";") if x]


def count(word: str) -> int:
    return NUMBERS.index(word) if word in NUMBERS else int(word)


def sentence(notebook, pattern: str) -> re.Match | None:
    """The first match of `pattern` in the notebook's markdown, lines folded into spaces."""
    for cell in markdown(notebook):
        if found := re.search(pattern, one_line(cell)):
            return found
    return None


@pytest.mark.parametrize("package", PACKAGES, ids=name)
def test_the_notebook_runs_without_error(package, notebooks):
    notebook = notebooks[package]
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "a cell did not run"
    errors = [
        output.get("ename") or output.get("text")
        for cell in code
        for output in cell.outputs
        if output.output_type == "error" or output.get("name") == "stderr"
    ]
    assert errors == []


def test_hedge_words_named_are_hedges_not_negations(notebooks):
    """Only a hedge leaves a claim less than certain; a negation turns it around instead, so
    the introduction's examples of hedge words are cues of probable or possible claims only."""
    named = 0
    for package, notebook in notebooks.items():
        found = sentence(notebook, r"to spot hedge words such as (.*?), and what they leave")
        if found is None:
            continue
        hedges = {
            cue
            for claim in table(package, "claims")
            if claim["certainty"] in ("probable", "possible")
            for cue in ids(claim["hedges"])
        }
        words = quotations(found[1])
        assert words and set(words) <= hedges, (name(package), words)
        named += len(words)
    negation_cues = {
        (p, cue)
        for p in notebooks
        for c in table(p, "claims")
        if c["certainty"] == "negated"
        for cue in ids(c["hedges"])
    }
    assert named and negation_cues, "no package tells hedges from negations: rethink the test"


def first_claim_of_the_body(package: Path) -> dict[str, str]:
    text = (package / "article.txt").read_text(encoding="utf-8")
    headline = table(package, "article")[0]["headline"]
    body = text.index(headline) + len(headline) if headline in text else 0
    claims = [c for c in table(package, "claims") if int(c["start"]) >= body]
    return min(claims, key=lambda c: int(c["start"]))


def test_the_lead_claim_is_the_first_claim_of_the_body(notebooks):
    """The lead is the body's first claim however sure it is; the summary says how sure, and
    speaks of its hedge words only when it has some that leave it less than certain."""
    certain_lead_before_a_hedge = False
    for package, notebook in notebooks.items():
        found = sentence(notebook, r"The lead claim, “(.+?)”, is worded as \*\*(\w+)\*\*: ([^.]+)")
        assert found, name(package)
        lead = first_claim_of_the_body(package)
        assert found[1] == one_line(lead["quote"]), name(package)
        assert found[2] == CERTAINTY[lead["certainty"]].label, name(package)
        hedged = lead["certainty"] in ("probable", "possible") and lead["hedges"]
        assert ("hedge words say so" in found[3]) == bool(hedged), (name(package), found[3])
        if "no hedge word" in found[3]:
            assert lead["certainty"] == "certain" and not lead["hedges"], name(package)
        later = [c for c in table(package, "claims") if c["hedges"] and c is not lead]
        certain_lead_before_a_hedge |= lead["certainty"] == "certain" and bool(later)
    assert certain_lead_before_a_hedge, "no package has the case of the issue: rethink the test"


def fits(words: str, first: date | None, last: date | None) -> bool:
    """Whether `words` ("only a month", "only a span of about four months") describe the
    interval from `first` to `last` (None: an open end)."""
    if words == "no date at all":
        return first is None and last is None
    if words == "only an earliest date":
        return first is not None and last is None
    if words == "only a latest date":
        return first is None and last is not None
    if first is None or last is None:
        return False
    days = (last - first).days + 1
    if words == "only a year":
        return (first, last) == (date(first.year, 1, 1), date(first.year, 12, 31))
    if words == "only a decade":
        return first.year % 10 == 0 and (first, last) == (
            date(first.year, 1, 1),
            date(first.year + 9, 12, 31),
        )
    if words == "only a month":
        whole = first.day == 1 and (last + timedelta(days=1)).day == 1
        return whole and (first.year, first.month) == (last.year, last.month)
    if words == "only a week":
        return days == 7
    span = re.fullmatch(r"only a span of (about )?(\w+) (day|week|month|year)s?", words)
    if span is None:
        return False
    unit = {"day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}[span[3]]
    if span[1] is None:
        return span[3] == "day" and days == count(span[2])
    return abs(days / unit - count(span[2])) <= 0.5 and days > 1


def interval(event: dict[str, str] | Event) -> tuple[date | None, date | None]:
    if isinstance(event, Event):
        return event.earliest, event.latest
    first, last = event["earliest"], event["latest"]
    return (
        date.fromisoformat(first) if first else None,
        date.fromisoformat(last) if last else None,
    )


def undatable_mismatches(text: str, events: list) -> list[tuple[str, str]]:
    """Time words whose description in "Notice the ones that cannot be pinned to a day: ..."
    does not fit their events' intervals, and those not described though they give no day."""
    said = {}
    found = re.search(r"cannot\* be pinned to a day: (.*)\.$", one_line(text))
    for part in found[1].split("; ") if found else []:
        gives = re.search(r"” gives? (.*)$", part)
        assert gives, part
        for words in quotations(part):
            said[words] = gives[1]
    wrong = []
    for event in events:
        words = one_line(event.date_text if isinstance(event, Event) else event["date_text"])
        first, last = interval(event)
        if not words or (first is not None and first == last):
            if words in said and not any(
                one_line(e.date_text if isinstance(e, Event) else e["date_text"]) == words
                and interval(e)[0] != interval(e)[1]
                for e in events
            ):
                wrong.append((words, "a single day, said not to be one"))
            continue
        if words not in said:
            wrong.append((words, "not described"))
        elif not fits(said[words], first, last):
            wrong.append((words, said[words]))
    return wrong


def test_dates_are_described_as_their_intervals_are(notebooks):
    """A span of months is not "no date at all", nor "only a month": each time expression's
    description is its resolved interval's, both where the dates are resolved and in the
    summary; the worked example says it gives no date only when it has none."""
    described = 0
    for package, notebook in notebooks.items():
        events = table(package, "events")
        for cell in markdown(notebook):
            for line in cell.splitlines():  # a paragraph or a bullet of the summary
                if "be pinned to a day" in line:
                    assert undatable_mismatches(line, events) == [], name(package)
                    described += 1
        worked = sentence(notebook, r"The first in the article, “(.+?)”, (gives no date|is )")
        if worked:
            event = next(e for e in events if one_line(e["date_text"]) == worked[1])
            assert (worked[2] == "gives no date") == (interval(event) == (None, None))
    assert described > 10


def edge_event(key: str, words: str, first: str, last: str, precision: str) -> Event:
    start, end = (date.fromisoformat(d) if d else None for d in (first, last))
    return Event(key, key, ("council",), start, end, precision, words, "", "planned")


EDGE_EVENTS = (
    edge_event("mid_september", "by mid-September", "2026-03-07", "2026-09-15", "days"),
    edge_event("months", "within months", "2026-03-07", "2026-09-30", "month"),
    edge_event("after", "after the vote", "2026-03-12", "", "unknown"),
    edge_event("before", "before the closure", "", "2025-06-30", "unknown"),
    edge_event("june", "in June", "2026-06-01", "2026-06-30", "month"),
    edge_event("year", "last year", "2025-01-01", "2025-12-31", "year"),
    edge_event("week", "next week", "2026-03-09", "2026-03-15", "week"),
    edge_event("few", "three days", "2026-03-06", "2026-03-08", "days"),
    edge_event("decades", "for decades", "", "", "unknown"),
    edge_event("nineties", "in the 1990s", "1990-01-01", "1999-12-31", "decade"),
    edge_event("years", "over three years", "2023-03-06", "2026-03-06", "days"),
    edge_event("wednesday", "next Wednesday", "2026-03-11", "2026-03-11", "day"),
)


def test_dates_of_every_shape_are_described_as_their_intervals_are(tmp_path):
    """The shapes of interval the corpus may lack: a span of months resolved day by day, open
    ends on either side, a week, a few days, several years, no date."""
    package = load_package(write_synthetic(tmp_path / "riverton-bridge"))
    words = " ".join(e.date_text for e in EDGE_EVENTS)  # quoted, as the article's own words
    edge = replace(
        package,
        events=EDGE_EVENTS,
        article=replace(package.article, text=f"{package.article.text}{words}\n"),
    )
    text = prose.undatable(edge)
    assert undatable_mismatches(text, list(EDGE_EVENTS)) == [], text
    assert "Wednesday" not in text


def counts(text: str) -> Counter:
    """ "label 3; other label 1" or "label 3, other 1" as a Counter of labels."""
    return Counter({m[1]: int(m[2]) for m in re.finditer(r"(?:^|[;,] )([^;]+?) (\d+)", text)})


@pytest.fixture(scope="module")
def without_lessons(tmp_path_factory) -> dict[Path, dict]:
    """The packages of data/ generated without their lesson.md, so that all their prose is
    the generator's: the flagship has the takeaways that no corpus story has."""
    folder = tmp_path_factory.mktemp("data")
    made = {}
    for package in sorted(p.parent for p in (ROOT / "data").glob("*/datapackage.json")):
        copy = shutil.copytree(
            package, folder / package.name, ignore=shutil.ignore_patterns("lesson.md")
        )
        made[copy] = generate_notebook(copy, folder / f"{package.name}.ipynb")
    return made


def test_counts_in_prose_equal_counts_from_the_tables(notebooks, without_lessons):
    """Claims by kind of source and by certainty, takeaways by verdict, the actors, the outside
    facts and the takeaways: each number is the tables' own."""
    assert any(table(p, "takeaways") for p in without_lessons), "no verdicts: rethink the test"
    for package, notebook in {**notebooks, **without_lessons}.items():
        claims, where = table(package, "claims"), name(package)
        found = sentence(notebook, r"By kind of source, its (\w+) claims? are: (.*?)\. ")
        assert found and count(found[1]) == len(claims), where
        kinds = Counter(SOURCE_KIND[c["source_kind"]].label for c in claims)
        assert counts(found[2]) == kinds, where
        found = sentence(notebook, r"By certainty, its (\w+) claims? are: (.*?)\. ")
        assert found and count(found[1]) == len(claims), where
        assert counts(found[2]) == Counter(CERTAINTY[c["certainty"]].label for c in claims)
        found = sentence(notebook, r"The (\w+) (?:person or body|people and bodies) in the")
        assert found and count(found[1]) == len(table(package, "actors")), where
        takeaways, context = table(package, "takeaways"), table(package, "context")
        found = sentence(notebook, r"By verdict, the (\w+) takeaways? are: (.*?)\.$")
        assert bool(found) == bool(takeaways), where
        if found:
            assert count(found[1]) == len(takeaways)
            assert counts(found[2]) == Counter(VERDICT[t["verdict"]].label for t in takeaways)
        found = sentence(notebook, r"sums itself up in (\w+) takeaways?\.")
        assert bool(found) == bool(takeaways), where
        assert not found or count(found[1]) == len(takeaways), where
        found = sentence(notebook, r"The table lists (\w+) facts? from outside")
        assert bool(found) == bool(context), where
        assert not found or count(found[1]) == len(context), where


def test_named_sources_are_the_on_record_speakers(notebooks):
    """ "Named and on the record: ...; the only ones a reader could check" names whoever makes
    an on-the-record claim (the last link of its chain), and no one else."""
    for package, notebook in notebooks.items():
        actors = {a["id"]: a["name"] for a in table(package, "actors")}
        speakers = {
            actors[ids(c["attribution"])[-1]]
            for c in table(package, "claims")
            if c["source_kind"] == "on_record"
        }
        found = sentence(notebook, r"Named and on the record: (.*?); the only (ones?) a reader")
        if not speakers:
            assert found is None, name(package)
            continue
        assert found and (found[2] == "one") == (len(speakers) == 1), name(package)
        others = [n for n in actors.values() if n not in speakers]
        assert all(s in found[1] for s in speakers), name(package)
        stray = [n for n in others if n in found[1] and not any(n in s for s in speakers)]
        assert stray == [], name(package)


def test_the_chosen_actor_leaves_what_the_prose_says(notebooks):
    """The explorer's example actor is not the publisher, who heads every chain (choosing it
    alone would leave everything), and the count of what choosing it leaves is the tables'."""
    for package, notebook in notebooks.items():
        actors = {a["name"]: a["id"] for a in table(package, "actors")}
        claims, events = table(package, "claims"), table(package, "events")
        found = sentence(
            notebook, r"Choosing (.+?) alone leaves (\w+) events?(?: \(.*?\))? and the (\w+) claim"
        )
        assert found, name(package)
        chosen = actors[found[1].replace("\\", "")]
        assert all(ids(c["attribution"])[0] != chosen for c in claims), name(package)
        involved = [c for c in claims if chosen in ids(c["attribution"]) + ids(c["about"])]
        assert count(found[2]) == sum(chosen in ids(e["actors"]) for e in events), name(package)
        assert count(found[3]) == len(involved), name(package)


def test_the_timeline_key_speaks_only_of_what_the_chart_draws(tmp_path):
    """The chart has a panel for undated events and dotted bars for open ends only when the
    package has some; its key in words says so only then, on the corpus and without them."""
    package = load_package(write_synthetic(tmp_path / "riverton-bridge"))
    dated_only = replace(package, events=EDGE_EVENTS[:1] + EDGE_EVENTS[-1:])
    cases = [load_package(p) for p in PACKAGES] + [package, dated_only]
    for case in cases:
        opening = one_line(story.sequence(case, "")[0].text)
        undated = any(e.earliest is None and e.latest is None for e in case.events)
        open_end = any((e.earliest is None) != (e.latest is None) for e in case.events)
        assert ("right-hand panel" in opening) == undated, case.article.id
        assert ("dotted bar" in opening) == open_end, case.article.id
    assert "right-hand panel" not in one_line(story.sequence(dated_only, "")[0].text)


def test_every_curly_quote_is_verbatim(notebooks):
    """A quotation is the article's words, or an outside fact's in a cell that says so."""
    for package, notebook in notebooks.items():
        article = (package / "article.txt").read_text(encoding="utf-8")
        facts = [f["fact"] for f in table(package, "context")]
        for cell in markdown(notebook):
            for words in quotations(cell):
                if words not in article:
                    assert any(words in f for f in facts), (name(package), words)
                    assert "Outside context" in cell, (name(package), words)


def test_the_further_reading_names_the_package_folder(notebooks):
    for package, notebook in notebooks.items():
        found = sentence(notebook, r"the package `(.+?)` in the `(.+?)/` folder")
        assert found and (found[1], found[2]) == (package.name, package.parent.name)


def test_no_prose_answers_an_exercise(notebooks):
    """As tests/test_retrieval_first.py checks the stored notebooks, on every corpus package:
    a student scrolls, so no paragraph anywhere gives an exercise's answer away."""
    asked = 0
    for package, notebook in notebooks.items():
        article = (package / "article.txt").read_text(encoding="utf-8")
        blocks = [block for cell in markdown(notebook) for block in markdown_blocks(cell)]
        exercises = [
            output["data"][EXERCISE_MIMETYPE]
            for cell in notebook.cells
            for output in cell.get("outputs", [])
            if EXERCISE_MIMETYPE in output.get("data", {})
        ]
        asked += len(exercises)
        found = [given for exercise in exercises for given in giveaways(exercise, blocks, article)]
        assert found == [], name(package)
    assert asked > len(notebooks)
