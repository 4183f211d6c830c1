"""load_package returns typed, frozen records, or raises with every problem."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from explainer.package.load import load_package, validate_package
from explainer.package.model import Package
from explainer.package.problems import PackageError


def test_loads_typed_records(package):
    loaded = load_package(package.folder)
    assert isinstance(loaded, Package)
    article = package.first("article.csv")
    assert loaded.article.published == date.fromisoformat(article["published"])
    assert loaded.article.text == package.article_text()

    assert len(loaded.claims) == len(package.rows("claims.csv"))
    claim = package.first("claims.csv")
    loaded_claim = loaded.claim(claim["id"])
    assert loaded_claim.start == int(claim["start"])
    assert loaded_claim.attribution == tuple(claim["attribution"].split(";"))
    assert isinstance(loaded_claim.hedges, tuple)

    dated = package.first("events.csv", lambda e: e["earliest"])
    assert loaded.event(dated["id"]).earliest == date.fromisoformat(dated["earliest"])
    group = package.first("groups.csv")
    assert loaded.group(group["id"]).order == int(group["order"])


def test_empty_optional_values(package):
    loaded = load_package(package.folder)
    open_event = package.first("events.csv", lambda e: not e["earliest"])
    assert loaded.event(open_event["id"]).earliest is None
    step = package.first("dating.csv", lambda d: not d["quote"])
    (loaded_step,) = [d for d in loaded.dating if d.id == step["id"]]
    assert (loaded_step.quote, loaded_step.start, loaded_step.end) == ("", None, None)
    no_hedges = package.first("claims.csv", lambda c: not c["hedges"])
    assert loaded.claim(no_hedges["id"]).hedges == ()


def test_records_are_frozen(package):
    loaded = load_package(package.folder)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.claims[0].quote = "changed"


def test_raises_with_every_problem(package):
    claim = package.first("claims.csv")
    package.set_cell("claims.csv", claim["id"], "start", "x")
    package.path("groups.csv").write_text("", encoding="utf-8")
    with pytest.raises(PackageError) as raised:
        load_package(package.folder)
    assert raised.value.problems == validate_package(package.folder)
    assert {p.file for p in raised.value.problems} == {"claims.csv", "groups.csv"}


def test_the_error_a_notebook_shows_lists_the_problems(package):
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "start", "x")
    with pytest.raises(PackageError) as raised:
        load_package(package.folder)
    first, *lines = str(raised.value).splitlines()
    assert first == f"1 problem in the package {package.folder}:"
    assert lines == [f'  claims.csv:{row}: start: not an integer: "x"']


def test_the_error_lists_twenty_problems_and_says_how_many_more(package):
    header, rows = package.table("claims.csv")
    package.write("claims.csv", header, [{**r, "start": "x"} for r in rows])
    with pytest.raises(PackageError) as raised:
        load_package(package.folder)
    lines = str(raised.value).splitlines()
    assert len(raised.value.problems) == len(rows) > 20
    assert [line.split(": ")[1] for line in lines[1:21]] == ["start"] * 20
    assert lines[21] == (
        f"  ... and {len(rows) - 20} more: "
        f"`python -m explainer validate {package.folder}` lists every one"
    )


def test_a_missing_folder_names_the_whole_path_it_tried(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackageError) as raised:
        load_package("data/nowhere")
    assert f"{tmp_path / 'data' / 'nowhere'} does not exist" in str(raised.value)


def test_a_huge_offset_is_said_in_words_for_a_teacher(package):
    """Not Python's 'Exceeds the limit (4300 digits) ... use sys.set_int_max_str_digits()'."""
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "start", "9" * 5000)
    (problem,) = package.new_problems()
    assert (problem.file, problem.row, problem.field) == ("claims.csv", row, "start")
    assert problem.message == "a number of 5000 digits: an integer here has at most 18"
