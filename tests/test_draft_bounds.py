"""`new` is bounded (issue 20 §7): past the limits it refuses, and refuses before reading the
article whole; at the limits it finishes (how fast: benchmarks/new_limits.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.draft import PastLimit, bounds, propose
from explainer.draft.proposal import Ids
from explainer.package import validate_package
from explainer.package.limits import ARTICLE_BYTES

FRIDAY = date(2025, 12, 12)
HEAD = "Talks Go On\nSeoul, Dec 12 (NationPress) "


def new(tmp_path: Path, article: str) -> int:
    out = tmp_path / "draft"
    return main(["new", article, "--published", "2025-12-12", "--output", str(out)])


def test_an_endless_device_is_refused_after_one_byte_past_the_limit(tmp_path, capsys):
    assert new(tmp_path, "/dev/zero") == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        "/dev/zero: the file holds more than 1.0 MB; the explainer takes at most 1.0 MB of "
        "article text (see Limits in docs/packages.md)"
    )
    assert not (tmp_path / "draft").exists()


def test_a_file_past_the_limit_is_refused_by_its_size_unread(tmp_path, capsys):
    article = tmp_path / "big.txt"
    with article.open("wb") as handle:
        handle.truncate(2 * ARTICLE_BYTES)  # 2 MB, sparse: nothing written
    assert new(tmp_path, str(article)) == 1
    # "is 2.0 MB": its size, known before reading; a read would stop at "more than 1.0 MB"
    assert "the file is 2.0 MB; the explainer takes at most 1.0 MB" in capsys.readouterr().err


def test_an_article_from_a_pipe_is_read_within_the_limit(tmp_path):
    story = HEAD + "The envoys met on Monday. They will meet again next week.\n"
    out = tmp_path / "draft"
    command = [sys.executable, "-m", "explainer", "new", "/dev/stdin"]
    command += ["--published", "2025-12-12", "--output", str(out)]
    done = subprocess.run(command, input=story.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (out / "article.txt").read_bytes() == story.encode()


def test_a_folder_given_as_the_article_is_one_clear_line(tmp_path, capsys):
    assert new(tmp_path, str(tmp_path)) == 1
    assert (
        capsys.readouterr().err.strip() == f"{tmp_path}: is a folder: give the article's text file"
    )


def test_an_article_of_more_sentences_than_a_table_takes_rows_is_refused(monkeypatch):
    monkeypatch.setattr(bounds, "ROWS", 5)
    at_limit = HEAD + "They met. " * 5
    assert len(propose(at_limit, FRIDAY).tables["claims"]) == 5
    with pytest.raises(PastLimit) as refused:
        propose(HEAD + "They met. " * 6, FRIDAY)
    assert str(refused.value) == (
        "the article has 6 sentences, one row each of claims.csv; the explainer takes at most 5 "
        "rows in a table (see Limits in docs/packages.md): draft it in parts"
    )


def test_a_draft_with_more_events_than_a_table_takes_rows_is_refused(monkeypatch):
    monkeypatch.setattr(bounds, "ROWS", 5)
    with pytest.raises(PastLimit, match="the article has 6 time expressions, one row each of"):
        propose(HEAD + "They met on Monday and will meet next week. " * 3, FRIDAY)


def test_the_real_row_limit_refuses_a_megabyte_of_short_sentences(tmp_path, capsys):
    """The issue's case: a 1 MB article of sentences drafted past 10,000 rows."""
    article = tmp_path / "sentences.txt"
    sentence = "Officials said the talks would resume next Tuesday. "
    body = sentence * ((ARTICLE_BYTES - len(HEAD)) // len(sentence))
    article.write_text(HEAD + body, encoding="utf-8")
    assert new(tmp_path, str(article)) == 1
    error = capsys.readouterr().err
    assert "sentences, one row each of claims.csv" in error and "10,000 rows" in error


def test_a_headline_that_takes_the_article_past_the_limit_is_refused():
    text = HEAD + "They met. " * ((ARTICLE_BYTES - len(HEAD)) // 10)
    assert len(text.encode()) <= ARTICLE_BYTES
    with pytest.raises(PastLimit, match="with the headline added, the article is"):
        propose(text, FRIDAY, headline="A Headline That Was Not In The Text At All")


def test_a_megabyte_paragraph_with_no_sentence_end_is_drafted_with_exact_offsets():
    words = "the talks went on and on without any end in sight while officials waited "
    text = HEAD + (words * (ARTICLE_BYTES // len(words)))[: ARTICLE_BYTES - len(HEAD) - 1]
    proposal = propose(text, FRIDAY)
    claims = proposal.tables["claims"]
    assert len(claims) > 1
    assert all(text[int(c["start"]) : int(c["end"])] == c["quote"] for c in claims)
    covered = sum(int(c["end"]) - int(c["start"]) for c in claims)
    assert covered >= len(text) - len(HEAD) - len(claims)  # only the blanks between pieces


def test_ids_stay_unique_for_a_sentence_repeated_many_times():
    ids = Ids()
    made = [ids.new("They met again", "c_") for _ in range(3)]
    assert made == ["c_they_met_again", "c_they_met_again_2", "c_they_met_again_3"]
    assert ids.new("They met again 2", "c_") == "c_they_met_again_2_2"
    assert ids.new("They met again", "c_") == "c_they_met_again_4"
    assert Ids().new("2025 talks") == "x_2025_talks"


def test_a_byte_order_mark_never_ends_up_in_the_headline(tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes("\ufeffTalks Go On\nSeoul, Dec 12 (NationPress) They met.\n".encode())
    assert new(tmp_path, str(story)) == 0
    package = tmp_path / "draft"
    assert validate_package(package) == []
    row = (package / "article.csv").read_text(encoding="utf-8").splitlines()[1]
    assert row.startswith("nationpress_2025_12_12_talks,Talks Go On,NationPress,")
    assert (package / "article.txt").read_bytes().startswith(b"\xef\xbb\xbfTalks")
    first = propose("\ufeff  Seoul, Dec 12 (NationPress) They met.\n", FRIDAY, headline="X")
    assert first.tables["dating"][0]["quote"] == "Seoul, Dec 12"
