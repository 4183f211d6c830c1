"""The review of a draft (issue 17 §5), driven through the review app's own buttons.

The app is made of ipywidgets, whose buttons can be clicked without a browser; the browser test
(tests/browser/test_review_browser.py) does the same in JupyterLab and Voilà. Each test drafts
its own package with `new`, as a teacher would.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.package import load_package, validate_package
from explainer.review import ReviewApp, queue
from explainer.review.notebook import NAME
from explainer.review.tables import PREVIOUS

ARTICLE = (
    "Envoys to Meet Next Tuesday\n"
    "SEOUL (NationPress) — Envoys will meet next Tuesday, officials said.\n"
    "The two sides met on Friday, a diplomat said.\n"
    "Talks could resume soon.\n"
)
MONDAY = "2025-12-08"  # "next Tuesday" said on a Monday: two readings


@pytest.fixture
def draft(tmp_path) -> Path:
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "draft"
    assert main(["new", str(article), "--published", MONDAY, "--output", str(out)]) == 0
    return out


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def status(app: ReviewApp) -> str:
    return app.status.value


def test_new_writes_the_review_notebook_beside_the_package(draft):
    notebook = json.loads((draft / NAME).read_text(encoding="utf-8"))
    code = "".join(notebook["cells"][-1]["source"])
    assert "ReviewApp" in code and str(draft) not in code  # no absolute path
    assert validate_package(draft) == []  # the notebook in the folder does not upset validate


def test_ambiguous_dates_come_first_and_show_their_sentence_marked(draft):
    app = ReviewApp(draft)
    first = app.item
    assert (first.resource, first.ambiguous) == ("events", True)
    assert "could also mean" in first.check
    sentence = app.body.children[1].value
    assert "<mark>next Tuesday</mark>" in sentence
    done, total = queue.progress(app.tables)
    assert app.progress.value.count(f"0 of {total} reviewed") == 1 and done == 0


def test_accepting_every_row_through_the_app_passes_strict_validation(draft, capsys):
    app = ReviewApp(draft)
    total = queue.progress(app.tables)[1]
    for _ in range(total):
        app.accept()
        assert "Saved" in status(app), status(app)
    assert f"{total} of {total} reviewed" in app.progress.value
    assert [b.description for b in app.body.children if hasattr(b, "on_click")] == [
        "Generate the explainer"
    ]
    capsys.readouterr()
    assert main(["validate", "--strict", str(draft)]) == 0
    (generate,) = app.body.children[1:]
    generate.click()
    assert "Generated" in status(app), status(app)
    explainer = json.loads((draft.parent / "draft.ipynb").read_text(encoding="utf-8"))
    assert any(cell.get("outputs") for cell in explainer["cells"])  # written and executed


def test_the_notebooks_own_folder_opens_as_the_package(draft, monkeypatch):
    """The notebook's cell opens ".", its kernel's working folder."""
    monkeypatch.chdir(draft)
    app = ReviewApp(".")
    app.accept()
    assert "Saved" in status(app), status(app)


def test_an_edit_that_breaks_a_rule_is_refused_and_nothing_is_written(draft):
    app = ReviewApp(draft)
    before = {p.name: p.read_bytes() for p in draft.glob("*.csv")}
    app.fields["earliest"].value = "2025-12-20"  # after its latest: validate refuses it
    app.accept()
    assert "Not saved" in status(app) and "events.csv" in status(app)
    assert {p.name: p.read_bytes() for p in draft.glob("*.csv")} == before
    assert not (draft / PREVIOUS).exists()


def test_an_edit_is_saved_and_the_previous_version_kept(draft):
    app = ReviewApp(draft)
    old = (draft / "events.csv").read_bytes()
    app.fields["earliest"].value = app.fields["latest"].value = "2025-12-09"  # the coming one
    app.fields["label"].value = "Envoys meet"
    app.save()
    assert "Saved" in status(app)
    (event,) = [r for r in rows(draft, "events.csv") if r["date_text"] == "next Tuesday"]
    assert (event["earliest"], event["label"]) == ("2025-12-09", "Envoys meet")
    assert event["review"] != "reviewed"  # saved, not yet accepted
    assert (draft / PREVIOUS / "events.csv").read_bytes() == old


def test_a_claims_source_is_edited_from_the_actors(draft):
    app = ReviewApp(draft)
    while app.item.resource != "claims":
        app.skip()
    app.fields["source"].value = "nationpress"  # the outlet's own voice
    app.accept()
    assert "Saved" in status(app), status(app)
    claim = rows(draft, "claims.csv")[0]
    assert (claim["attribution"], claim["source_kind"]) == ("nationpress", "article_voice")


def test_deleting_a_claim_deletes_the_events_only_it_dated(draft):
    app = ReviewApp(draft)
    while app.item.id != "c_talks_could_resume_soon":
        app.skip()
    app.delete()
    assert "e_soon" in status(app)
    assert "c_talks_could_resume_soon" not in {r["id"] for r in rows(draft, "claims.csv")}
    assert "e_soon" not in {r["id"] for r in rows(draft, "events.csv")}
    assert validate_package(draft) == []


def test_merging_two_claims_quotes_both_sentences_and_keeps_their_events(draft):
    app = ReviewApp(draft)
    claims = rows(draft, "claims.csv")
    while app.item.id != claims[1]["id"]:
        app.skip()
    app.into.value = claims[2]["id"]
    app.merge()
    assert "merged" in status(app), status(app)
    (merged,) = [r for r in rows(draft, "claims.csv") if r["id"] == claims[2]["id"]]
    text = (draft / "article.txt").read_text(encoding="utf-8")
    assert merged["quote"] == text[int(claims[1]["start"]) : int(claims[2]["end"])]
    assert merged["events"].split(";") == [claims[1]["events"], claims[2]["events"]]
    assert validate_package(draft) == []


def test_merging_an_actor_moves_every_reference_to_it(draft):
    app = ReviewApp(draft)
    actors = rows(draft, "actors.csv")
    gone, kept = actors[-1]["id"], actors[-2]["id"]
    while app.item.id != gone:
        app.skip()
    app.into.value = kept
    app.merge()
    assert "merged" in status(app), status(app)
    for name in ("claims.csv", "events.csv"):
        assert gone not in (draft / name).read_text(encoding="utf-8")
    assert validate_package(draft) == []


def test_the_command_writes_the_notebook_and_says_how_to_open_it(draft, capsys):
    (draft / NAME).unlink()
    assert main(["review", str(draft)]) == 0
    out = capsys.readouterr().out
    assert (draft / NAME).exists() and "await review" in out and "explainer app" in out


KILLED_MID_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    from explainer.review import ReviewApp
    replaced = []
    real = os.replace
    def replace(src, dst):
        if len(replaced) == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
        replaced.append(dst)
        real(src, dst)
    app = ReviewApp(sys.argv[1])
    app.accept()                      # the first edit, acknowledged
    print(app.status.value, flush=True)
    while app.item.id != "c_talks_could_resume_soon":
        app.skip()
    os.replace = replace
    app.delete()                      # the second (claims and events), killed while swapping
    """
)


@pytest.mark.parametrize("swaps", [0, 1])
def test_a_process_killed_between_two_edits_damages_no_csv(draft, swaps):
    """Killed before any file of the second edit is swapped in, or after the first: every CSV
    file is whole and the acknowledged first edit is kept."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MID_WRITE, str(draft), str(swaps)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == -9, done.stderr
    assert "Saved" in done.stdout
    for path in draft.glob("*.csv"):
        header, *records = list(csv.reader(path.open(encoding="utf-8", newline="")))
        assert all(len(r) == len(header) for r in records), path
    (event,) = [r for r in rows(draft, "events.csv") if r["date_text"] == "next Tuesday"]
    assert event["review"] == "reviewed"
    if swaps == 0:
        assert validate_package(draft) == []
        load_package(draft)
