"""A package past the limits is refused up front, with a message that names the limit."""

from __future__ import annotations

import hashlib

import pytest

from explainer import views
from explainer.package import limits, load_package


def test_an_article_text_past_the_limit_is_refused_unread(package):
    data = b"x" * (limits.ARTICLE_BYTES + 1)
    package.path("article.txt").write_bytes(data)
    article = package.first("article.csv")
    package.set_cell("article.csv", article["id"], "sha256", hashlib.sha256(data).hexdigest())
    problems = package.new_problems()
    assert [(p.file, p.row, p.field) for p in problems] == [("article.txt", 1, "-")], problems
    assert problems[0].code == "size-limit" and "1.0 MB" in problems[0].message


def test_a_table_past_the_row_limit_is_refused(package):
    header, rows = package.table("groups.csv")
    extra = [
        {"id": f"g{n}", "label": f"Group {n}", "order": str(1000 + n)} for n in range(limits.ROWS)
    ]
    package.write("groups.csv", header, rows + extra)
    problems = [p for p in package.new_problems() if p.file == "groups.csv"]
    assert [(p.row, p.field) for p in problems] == [(limits.ROWS + 2, "-")], problems
    assert problems[0].code == "size-limit" and f"{limits.ROWS:,}" in problems[0].message


def test_a_package_past_the_size_limit_is_refused_before_any_row_is_read(package):
    with package.path("context.csv").open("a", encoding="utf-8") as handle:
        handle.write(" " * limits.PACKAGE_BYTES)
    problems = package.new_problems()
    assert [(p.file, p.row, p.field) for p in problems] == [("datapackage.json", 1, "-")]
    assert problems[0].code == "size-limit" and "20.0 MB" in problems[0].message


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0999-12-31", "3000-01-01"])
def test_a_date_the_timeline_cannot_draw_is_refused(package, value):
    event = package.first("events.csv", lambda e: e["precision"] == "year")
    row = package.set_cell("events.csv", event["id"], "latest", value)
    problem = package.only("events.csv", row, "latest", "type-error")
    assert f"{limits.FIRST_DAY} to {limits.LAST_DAY}" in problem.message


@pytest.mark.parametrize("value", ["1000-01-01", "2999-12-31"])
def test_the_timeline_draws_the_first_and_last_dates_allowed(package, value):
    event = package.first("events.csv", lambda e: e["precision"] == "year")
    package.set_cell("events.csv", event["id"], "earliest", "")
    package.set_cell("events.csv", event["id"], "latest", value)
    package.set_cell("events.csv", event["id"], "date_text", "")  # no words to contradict
    assert package.new_problems() == []
    views.timeline(load_package(package.folder))  # no OverflowError at the margins
