"""Rules beyond a single cell: the article text, offsets, dates, coverage and plain text."""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import pytest

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def once(text: str, quote: str) -> int:
    """Where `quote` stands in `text`, asserting it stands there exactly once."""
    assert text.count(quote) == 1, "the test needs a quote that occurs once"
    return text.index(quote)


def test_quote_not_in_the_article(package):
    claim = package.first("claims.csv")
    quote = claim["quote"] + " (words the article never wrote)"
    row = package.set_cell("claims.csv", claim["id"], "quote", quote)
    package.only("claims.csv", row, "quote", "offsets")


def test_wrong_offsets_give_the_right_ones(package):
    claim = package.first("claims.csv")
    start = once(package.article_text(), claim["quote"])
    end = start + len(claim["quote"])
    package.set_cell("claims.csv", claim["id"], "start", str(start + 1))
    row = package.set_cell("claims.csv", claim["id"], "end", str(end + 1))
    package.only(
        "claims.csv", row, "start", "offsets", f"{start}..{end}", f"{start + 1}..{end + 1}"
    )


def test_wrong_end_offset_names_end(package):
    claim = package.first("claims.csv")
    start = once(package.article_text(), claim["quote"])
    end = start + len(claim["quote"])
    row = package.set_cell("claims.csv", claim["id"], "end", str(end - 1))
    package.only("claims.csv", row, "end", "offsets", f"{start}..{end}")


def test_offsets_count_code_points_not_bytes(package):
    text = package.article_text()
    claim = package.first("claims.csv", lambda c: not text[: int(c["start"])].isascii())
    start = once(text, claim["quote"])
    end = start + len(claim["quote"])
    byte_start = len(text[:start].encode("utf-8"))
    byte_end = byte_start + len(claim["quote"].encode("utf-8"))
    assert byte_start != start
    package.set_cell("claims.csv", claim["id"], "start", str(byte_start))
    row = package.set_cell("claims.csv", claim["id"], "end", str(byte_end))
    package.only("claims.csv", row, "start", "offsets", f"{start}..{end}")


def test_quote_without_its_offsets(package):
    step = package.first("dating.csv", lambda d: d["quote"])
    row = package.set_cell("dating.csv", step["id"], "start", "")
    package.only("dating.csv", row, "start", "offsets")


def test_verbatim_value_not_in_the_article(package):
    actor = package.first("actors.csv")
    row = package.set_cell("actors.csv", actor["id"], "mention", actor["mention"] + "xyz")
    package.only("actors.csv", row, "mention", "verbatim", f'"{actor["mention"]}xyz"')


def test_list_item_not_within_the_quote(package):
    claim = package.first("claims.csv")
    hedges = ";".join(filter(None, [claim["hedges"], "perhaps not in here"]))
    row = package.set_cell("claims.csv", claim["id"], "hedges", hedges)
    package.only("claims.csv", row, "hedges", "within", '"perhaps not in here"')


def set_dates(package, precision: str, earliest: str, latest: str, date_text: str = "") -> int:
    """Give the first event these dates; returns its row."""
    event = package.first("events.csv")
    for field, value in [
        ("precision", precision),
        ("earliest", earliest),
        ("latest", latest),
        ("date_text", date_text),
    ]:
        row = package.set_cell("events.csv", event["id"], field, value)
    return row


def test_earliest_after_latest(package):
    row = set_dates(package, "month", "2025-03-02", "2025-03-01")
    package.only("events.csv", row, "earliest", "date-order", "2025-03-02", "2025-03-01")


def test_day_precision_with_two_dates(package):
    row = set_dates(package, "day", "2025-03-03", "2025-03-04")
    package.only("events.csv", row, "precision", "date-precision", "2025-03-03", "2025-03-04")


def test_day_precision_with_an_open_end(package):
    row = set_dates(package, "day", "2025-03-03", "")
    package.only("events.csv", row, "precision", "date-precision", "2025-03-03")


def weekday_phrase(package) -> tuple[str, str]:
    """A weekday named in the article: the words around it, verbatim, and the weekday."""
    pattern = r"\w+ (" + "|".join(WEEKDAYS) + r")\b"
    match = re.search(pattern, package.article_text())
    assert match, "the test needs an article that names a weekday"
    return match.group(0), match.group(1)


def test_weekday_must_match_the_day(package):
    phrase, weekday = weekday_phrase(package)
    monday = date(2024, 1, 1)
    assert monday.weekday() == 0
    other = WEEKDAYS[(WEEKDAYS.index(weekday) + 1) % 7]
    wrong = monday + timedelta(days=WEEKDAYS.index(other))
    row = set_dates(package, "day", str(wrong), str(wrong), phrase)
    package.only("events.csv", row, "date_text", "date-weekday", weekday, other, str(wrong))


def test_weekday_on_the_right_day_is_fine(package):
    phrase, weekday = weekday_phrase(package)
    right = date(2024, 1, 1) + timedelta(days=WEEKDAYS.index(weekday))
    set_dates(package, "day", str(right), str(right), phrase)
    assert package.new_problems() == []


def test_weekday_needs_a_single_day(package):
    phrase, weekday = weekday_phrase(package)
    row = set_dates(package, "week", "2024-01-01", "2024-01-07", phrase)
    package.only("events.csv", row, "date_text", "date-weekday", weekday)


def test_event_supported_by_no_claim(package):
    event = package.first("events.csv")
    row = package.append_row("events.csv", {**event, "id": "e_test_unsupported"})
    package.only("events.csv", row, "id", "unsupported-event", '"e_test_unsupported"')


def test_actor_used_nowhere(package):
    actor = package.first("actors.csv")
    row = package.append_row("actors.csv", {**actor, "id": "test_unused_actor"})
    package.only("actors.csv", row, "id", "unused-actor", '"test_unused_actor"')


def test_actor_used_only_in_claims_about_is_used(package):
    actor = package.first("actors.csv")
    package.append_row("actors.csv", {**actor, "id": "test_actor"})
    claim = package.first("claims.csv")
    package.set_cell("claims.csv", claim["id"], "about", claim["about"] + ";test_actor")
    assert package.new_problems() == []


@pytest.mark.parametrize(
    ("file", "field", "value"),
    [
        ("claims.csv", "summary", "A <b>bold</b> summary."),
        ("actors.csv", "name", "Someone<script>alert(1)</script>"),
        ("context.csv", "source", '<a href="https://example.org">a page</a>'),
        ("claims.csv", "summary", "Look: <img/src=x onerror=alert(1)>"),
        ("actors.csv", "name", "<svg/onload=alert(1)>"),
        ("events.csv", "label", "A label <!-- a comment -->"),
        ("context.csv", "fact", "<?php echo 1 ?>"),
        ("events.csv", "resolution", "A resolution </p>"),
    ],
)
def test_html_in_a_text_field(package, file, field, value):
    record = package.first(file)
    row = package.set_cell(file, record["id"], field, value)
    package.only(file, row, field, "markup")


def test_angle_brackets_that_are_not_html(package):
    claim = package.first("claims.csv")
    package.set_cell("claims.csv", claim["id"], "summary", "If a < b and b > c, then a < c.")
    assert package.new_problems() == []


def test_dating_step_with_both_quote_and_context(package):
    step = package.first("dating.csv", lambda d: d["quote"])
    fact = package.first("context.csv")
    row = package.set_cell("dating.csv", step["id"], "context", fact["id"])
    package.only("dating.csv", row, "quote,context", "dating-evidence")


def test_dating_step_with_neither_quote_nor_context(package):
    step = package.first("dating.csv", lambda d: d["context"])
    row = package.set_cell("dating.csv", step["id"], "context", "")
    package.only("dating.csv", row, "quote,context", "dating-evidence")


def test_sha256_mismatch(package):
    article = package.first("article.csv")
    package.path("article.txt").write_bytes(package.path("article.txt").read_bytes() + b"\n")
    actual = hashlib.sha256(package.path("article.txt").read_bytes()).hexdigest()
    package.only("article.csv", 2, "sha256", "article-hash", actual, article["text_path"])


def test_article_text_not_utf8(package):
    text = package.path("article.txt").read_bytes()
    data = text + b"\n\xff"
    package.path("article.txt").write_bytes(data)
    article = package.first("article.csv")
    package.set_cell("article.csv", article["id"], "sha256", hashlib.sha256(data).hexdigest())
    lines = text.count(b"\n") + 2
    package.only("article.txt", lines, "-", "file-encoding", "UTF-8")


def test_article_text_missing(package):
    package.path("article.txt").unlink()
    package.only("article.txt", 1, "-", "file-missing")


def test_text_path_may_not_leave_the_package(package):
    article = package.first("article.csv")
    package.set_cell("article.csv", article["id"], "text_path", "../article.txt")
    package.only("../article.txt", 1, "-", "file-path")


def test_only_one_article_row(package):
    article = package.first("article.csv")
    package.append_row("article.csv", {**article, "id": "second_article"})
    package.only("article.csv", 3, "-", "article-row")


@pytest.mark.parametrize(
    "value", ["inflation <2% a year", "a <- b", "x << y", "a < b", "<", "<<>>", "a <= b"]
)
def test_a_less_than_sign_a_browser_reads_as_text_is_fine(package, value):
    claim = package.first("claims.csv")
    package.set_cell("claims.csv", claim["id"], "summary", value)
    assert package.new_problems() == []


@pytest.mark.parametrize(
    ("file", "field", "value"),
    [
        ("actors.csv", "name", "Park\nIl"),
        ("groups.csv", "label", "South\r\nKorea"),
        ("events.csv", "label", "A label\u2028on two lines"),
        ("claims.csv", "hedges", "poised\nand more"),
    ],
)
def test_a_line_break_in_a_name_or_label(package, file, field, value):
    record = package.first(file, lambda r: field != "hedges" or r["hedges"])
    row = package.set_cell(file, record["id"], field, value)
    problems = [p for p in package.new_problems() if p.code == "line-break"]
    assert [(p.file, p.row, p.field) for p in problems] == [(file, row, field)]


def test_prose_may_run_over_several_lines(package):
    fact = package.first("context.csv")
    package.set_cell("context.csv", fact["id"], "fact", fact["fact"] + "\n\nA second paragraph.")
    assert package.new_problems() == []


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\x85", "\x0c"])
def test_a_control_character_in_any_text(package, character):
    fact = package.first("context.csv")
    row = package.set_cell("context.csv", fact["id"], "fact", f"A fact{character}.")
    package.only("context.csv", row, "fact", "control-character", f"U+{ord(character):04X}")


def test_a_name_of_spaces_only(package):
    actor = package.first("actors.csv")
    row = package.set_cell("actors.csv", actor["id"], "name", "   ")
    package.only("actors.csv", row, "name", "blank-text")


def test_an_attribution_chain_that_names_a_source_twice(package):
    claim = package.first("claims.csv", lambda c: c["attribution"].count(";") == 1)
    publisher = claim["attribution"].split(";")[0]
    chain = f"{claim['attribution']};{publisher}"
    row = package.set_cell("claims.csv", claim["id"], "attribution", chain)
    problems = [p for p in package.new_problems() if p.code == "listed-twice"]
    assert [(p.file, p.row, p.field) for p in problems] == [("claims.csv", row, "attribution")]
    assert f'"{publisher}"' in problems[0].message


def test_an_actor_listed_twice_for_an_event(package):
    event = package.first("events.csv")
    first = event["actors"].split(";")[0]
    row = package.set_cell("events.csv", event["id"], "actors", f"{event['actors']};{first}")
    package.only("events.csv", row, "actors", "listed-twice")


@pytest.mark.parametrize("precision", ["unknown", "week", "year"])
def test_a_single_day_with_a_wider_precision(package, precision):
    event = package.first("events.csv", lambda e: e["precision"] == "day")
    row = package.set_cell("events.csv", event["id"], "precision", precision)
    problems = [p for p in package.new_problems() if p.field == "precision"]
    assert [(p.row, p.code) for p in problems] == [(row, "date-precision")]
