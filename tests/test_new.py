"""`explainer new` end to end: draft, review, `validate --strict`, every view, and publishing."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

from explainer import views
from explainer.cli import main
from explainer.package import load_package, validate_package
from explainer.views import exercises, tables
from explainer.views.explorer import Explorer

DATA = Path(__file__).resolve().parents[1] / "data" / "korea-us-consultations"
ARTICLE = DATA / "article.txt"


def new(tmp_path: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "draft"
    args = ["new", str(ARTICLE), "--published", "2025-12-12", "--output", str(out), *extra]
    return main(args), out


def reviewed(folder: Path, mark: str = "reviewed") -> None:
    """What a person does after checking each row: write `reviewed` in its review cell."""
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        if "review" in header:
            column = header.index("review")
            for row in rows:
                row[column] = mark
            with path.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def test_the_draft_copies_the_article_byte_for_byte_and_validates(tmp_path, capsys):
    status, out = new(tmp_path)
    assert status == 0
    assert (out / "article.txt").read_bytes() == ARTICLE.read_bytes()
    assert validate_package(out) == []
    package = load_package(out)
    article = package.article
    with (out / "article.csv").open(encoding="utf-8") as handle:
        (row,) = csv.DictReader(handle)
    assert row["sha256"] == hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert (article.headline, article.dateline, article.publisher) == (
        "Will South Korea and the US Begin Regular Consultations on North Korea Policy Next Week?",
        "Seoul, Dec 12",
        "NationPress",
    )
    assert "draft written" in capsys.readouterr().out


def test_every_proposed_row_awaits_review_and_strict_fails_until_none_does(tmp_path, capsys):
    _, out = new(tmp_path)
    package = load_package(out)
    proposed = sum(
        len(rows)
        for rows in (package.claims, package.events, package.actors, package.groups, package.dating)
    )
    assert len(package.awaiting_review) == proposed + 1  # and the article row
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    assert f"{proposed + 1} rows await review" in capsys.readouterr().out
    assert main(["validate", "--strict", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("article.csv:2: review: awaits review: ")
    assert len(lines) == proposed + 2
    reviewed(out)
    assert main(["validate", "--strict", str(out)]) == 0


def test_emptying_the_review_cells_is_not_a_review(tmp_path, capsys):
    """The quick route of issue 17: clearing the column in a spreadsheet leaves every row
    awaiting review, each saying how to accept it."""
    _, out = new(tmp_path)
    awaiting = len(load_package(out).awaiting_review)
    reviewed(out, mark="")
    package = load_package(out)
    assert len(package.awaiting_review) == awaiting
    assert all("emptying it is not a review" in mark.check for mark in package.awaiting_review)
    capsys.readouterr()
    assert main(["validate", "--strict", str(out)]) == 1
    assert "python -m explainer review" in capsys.readouterr().out


def test_the_flagship_passes_strict_validation_without_a_review_column(capsys):
    assert main(["validate", "--strict", str(DATA)]) == 0
    assert "await" not in capsys.readouterr().out


def test_the_draft_finds_the_hand_annotated_facts(tmp_path):
    _, out = new(tmp_path)
    package = load_package(out)
    tuesday = next(e for e in package.events if e.date_text == "next Tuesday")
    assert (str(tuesday.earliest), str(tuesday.latest), tuesday.precision) == (
        "2025-12-16",
        "2025-12-16",
        "day",
    )
    tentative = next(c for c in package.claims if c.quote.startswith("The tentative date"))
    assert (tentative.certainty, tentative.hedges) == ("possible", ("tentative", "pending"))
    assert tentative.events == (tuesday.id,)
    unnamed = {a.mention for a in package.actors if a.type == "anonymous_source"}
    assert {"diplomatic sources", "officials", "reports"} <= unnamed
    lanes = [g.id for g in sorted(package.groups, key=lambda g: g.order)]
    assert lanes == ["south_korea", "united_states", "north_korea", "named", "unnamed", "media"]
    trump = next(a for a in package.actors if a.name == "Donald Trump")
    assert (trump.role, trump.country, trump.group) == ("US President", "US", "united_states")
    lead = next(c for c in package.claims if c.quote.startswith("South Korea and the United"))
    assert lead.about == ("south_korea", "united_states", "north_korea")
    assert lead.start == ARTICLE.read_text(encoding="utf-8").index("South Korea and the United")
    assert lead.source_kind == "anonymous"


def test_the_draft_notice_shows_while_rows_await_review_and_nothing_after(tmp_path):
    _, out = new(tmp_path)
    notice = views.draft_notice(load_package(out))
    assert notice.text.startswith("Draft: ") and "await review" in notice.text
    assert 'role="status"' in notice.bundle["text/html"]
    reviewed(out)
    finished = views.draft_notice(load_package(out))
    assert finished.text == ""
    assert InteractiveShell.instance().display_formatter.format(finished) == ({}, {})


def test_a_reviewed_draft_renders_every_view(tmp_path):
    _, out = new(tmp_path)
    reviewed(out)
    package = load_package(out)
    shown = [
        views.timeline(package),
        views.certainty(package),
        views.claims(package),
        views.events(package),
        views.article(package, package.claims[:2]),
        views.highlight(package, package.claims[:2], "scope"),
    ]
    assert all(view.text for view in shown)
    for build in (
        tables.actors_table,
        tables.dating_table,
        tables.sources_table,
        tables.hedges_table,
        tables.takeaways_table,
        tables.context_table,
        tables.context_actors_table,
    ):
        assert build(package).text
    hedged = next(c for c in package.claims if c.hedges)
    dated = next(e for e in package.events if e.precision == "day")
    questions = [
        exercises.relative_date(package, dated.id),
        exercises.claim_source(package, hedged.id),
        exercises.hedge_word(package, hedged.id),
        exercises.source_kind(package, hedged.id),
        exercises.plan_or_fact(package, dated.id),
    ]
    for question in questions:
        (right,) = [value for _, value in question.options if value in question.correct][:1]
        assert exercises.check(question, right).right
    explorer = Explorer(package)
    explorer.filter.value = explorer.picks[next(iter(explorer.picks))]


def test_a_reviewed_draft_becomes_a_notebook_slides_and_a_handout(tmp_path):
    """The whole path a teacher takes: new, review, validate --strict, notebook, slides, handout."""
    _, out = new(tmp_path)
    reviewed(out)
    notebook = tmp_path / "draft.ipynb"
    run = [sys.executable, "-m", "explainer"]
    subprocess.run([*run, "validate", "--strict", str(out)], check=True)
    subprocess.run([*run, "notebook", str(out), "--output", str(notebook)], check=True)
    for kind in ("slides", "handout"):
        page = tmp_path / f"{kind}.html"
        subprocess.run([*run, kind, str(notebook), "--output", str(page)], check=True)
        assert page.stat().st_size > 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--dateline", "PARIS"), "--dateline"),
        (("--headline", "Two\nlines"), "--headline must be one line"),
        (("--publisher", " "), "--publisher must be one line"),
    ],
)
def test_a_missing_or_wrong_part_is_one_clear_line(tmp_path, capsys, extra, message):
    status, out = new(tmp_path, *extra)
    assert status == 1
    error = capsys.readouterr().err
    assert message in error and len(error.strip().splitlines()) == 1
    assert not out.exists()


def test_no_dateline_and_none_given_is_one_clear_line(tmp_path, capsys):
    text = tmp_path / "plain.txt"
    text.write_text("A Headline\nThe talks went well, said Reuters.\n", encoding="utf-8")
    out = tmp_path / "draft"
    args = ["new", str(text), "--published", "2025-12-12", "--output", str(out)]
    assert main([*args, "--publisher", "Reuters"]) == 1
    assert "--dateline" in capsys.readouterr().err


def test_a_draft_never_overwrites_a_folder(tmp_path, capsys):
    assert new(tmp_path)[0] == 0
    assert new(tmp_path)[0] == 1
    assert "not empty" in capsys.readouterr().err


def test_the_draft_is_written_in_the_package_format_with_review_fields(tmp_path):
    """The draft's descriptor is the format's, plus a review field on the tables it proposed."""
    from explainer.package.schema import format_descriptor

    status, out = new(tmp_path)
    assert status == 0
    written = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in written["resources"]:
        fields = resource["schema"]["fields"]
        if fields[-1]["name"] == "review":
            del fields[-1]
    expected = format_descriptor()["resources"]
    assert [r["schema"] for r in written["resources"]] == [r["schema"] for r in expected]


# An invented wire story (not a real one), with what real stories hold: a shouted dateline with
# the agency in brackets, a byline, quotations, a day range, a span, a surname that is a hedge word.
STORY = (
    "EU Leaders Weigh Migration Deal Ahead of Summit\n"
    "By Jane Roe\n"
    "BRUSSELS (VOA) — European Union leaders could agree on a new plan at their summit on "
    "Oct.18-19, diplomats said on Monday.\n"
    '"We are not there yet," said Ursula Brandt, a senior European Commission official. '
    '"But we may be close."\n'
    "A final text is expected in mid-November, or even as late as January, according to people "
    "familiar with the negotiations.\n"
    "Prime Minister Theresa May told reporters last Friday that Britain would not block the deal.\n"
)


def test_a_wire_story_of_another_shape_drafts_into_a_valid_package(tmp_path):
    text = tmp_path / "story.txt"
    text.write_text(STORY, encoding="utf-8")
    out = tmp_path / "draft"
    assert main(["new", str(text), "--published", "2025-10-13", "--output", str(out)]) == 0
    assert validate_package(out) == []
    package = load_package(out)
    assert (package.article.dateline, package.article.publisher) == ("BRUSSELS", "VOA")
    assert package.claims[0].quote.startswith("European Union leaders")
    when = {e.date_text: (str(e.earliest), str(e.latest)) for e in package.events}
    assert when["on Oct.18-19"] == ("2025-10-18", "2025-10-19")
    assert when["in mid-November, or even as late as January"] == ("2025-11-11", "2026-01-31")
    assert when["last Friday"] == ("2025-10-10", "2025-10-10")
    close = next(c for c in package.claims if c.quote == '"But we may be close."')
    assert package.actor(close.asserted_by).name == "Ursula Brandt"
    may = next(c for c in package.claims if "Theresa May" in c.quote)
    assert "May" not in may.hedges and may.certainty == "negated"


def test_new_names_each_ambiguous_date_for_the_teacher(tmp_path, capsys):
    text = tmp_path / "story.txt"
    text.write_text(STORY.replace("last Friday", "next Tuesday"), encoding="utf-8")
    out = tmp_path / "draft"
    assert main(["new", str(text), "--published", "2025-10-13", "--output", str(out)]) == 0
    assert "“next Tuesday” is ambiguous" in capsys.readouterr().out
    (event,) = [e for e in load_package(out).events if e.date_text == "next Tuesday"]
    assert "2025-10-14" in event.resolution


def test_a_missing_article_or_a_bad_date_is_one_clear_line(tmp_path, capsys):
    out = str(tmp_path / "draft")
    missing = tmp_path / "missing.txt"
    assert main(["new", str(missing), "--published", "2025-12-12", "--output", out]) == 1
    assert capsys.readouterr().err.strip() == f"{missing}: not found: give the article's text file"
    with pytest.raises(SystemExit) as usage:
        main(["new", str(ARTICLE), "--published", "2025-13-01", "--output", out])
    assert usage.value.code == 2
    assert "'2025-13-01' is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_a_drafts_notebook_and_handout_say_draft_until_every_row_is_reviewed(tmp_path):
    """The notice stands under the setup cell of a draft's notebook, and so in its handout; the
    notebook of the reviewed package has no trace of it."""
    import nbformat

    _, draft = new(tmp_path)
    done = tmp_path / "reviewed"
    assert main(["new", str(ARTICLE), "--published", "2025-12-12", "--output", str(done)]) == 0
    reviewed(done)
    notices = {}
    for name, folder in (("draft", draft), ("done", done)):
        path = tmp_path / f"{name}.ipynb"
        assert main(["notebook", str(folder), "--output", str(path)]) == 0
        cells = nbformat.read(path, as_version=4).cells
        notices[name] = [c for c in cells if c.source == "views.draft_notice(package)"]
    (cell,) = notices["draft"]
    (output,) = cell.outputs
    assert output["data"]["text/plain"].startswith("Draft: ")
    assert notices["done"] == []
    page = tmp_path / "handout.html"
    assert main(["handout", str(tmp_path / "draft.ipynb"), "--output", str(page)]) == 0
    assert "Draft: " in page.read_text(encoding="utf-8")


def test_a_draft_that_breaks_a_rule_says_so_and_where(tmp_path, capsys, monkeypatch):
    """Whatever rule the article's own text may break (markup in it, say), `new` checks its draft
    and lists what is wrong instead of claiming success."""
    from explainer.cli import new as command
    from explainer.package import Problem

    broken = Problem("claims.csv", 2, "quote", "looks like HTML", "markup")
    monkeypatch.setattr(command, "validate_package", lambda folder: [broken])
    status, out = new(tmp_path)
    assert status == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{out}/claims.csv:2: quote: looks like HTML"
    assert lines[-1].endswith("has 1 problem: fix them there") and out.exists()


def test_a_text_with_no_sentence_is_one_clear_line(tmp_path, capsys):
    text = tmp_path / "story.txt"
    text.write_text("Just a headline\n", encoding="utf-8")
    args = ["new", str(text), "--published", "2025-12-12", "--output", str(tmp_path / "d")]
    assert main(args) == 1
    assert "no sentence found" in capsys.readouterr().err
