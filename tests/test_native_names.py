"""A native name travels with its language: checked in the package, named and marked in HTML."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explainer.views.tables import context_actors_table

FILE = "context_actors.csv"


def first_named(package):
    return package.first(FILE, lambda row: row["native_name"])["actor"]


def test_a_name_without_its_language(package):
    row = package.set_cell(FILE, first_named(package), "native_language", "", key="actor")
    package.only(FILE, row, "native_language", "native-language", "BCP 47")


def test_a_language_without_a_name(package):
    row = package.set_cell(FILE, first_named(package), "native_name", "", key="actor")
    package.only(FILE, row, "native_language", "native-language", '"ko"')


def test_a_language_tag_nobody_knows(package):
    row = package.set_cell(FILE, first_named(package), "native_language", "xq", key="actor")
    package.only(FILE, row, "native_language", "native-language", '"xq"')


@pytest.mark.parametrize("bad", ["Korean", "ko_KR", "ko-"])
def test_a_language_that_is_no_tag(package, bad):
    row = package.set_cell(FILE, first_named(package), "native_language", bad, key="actor")
    package.only(FILE, row, "native_language", "native-language", f'"{bad}"')


def test_one_language_names_the_column_and_marks_each_name(real):
    markup = str(context_actors_table(real))
    assert "<th" in markup and ">Name in Korean<" in markup
    for fact in real.context_actors:
        assert f'<span lang="ko">{fact.native_name}</span>' in markup


def test_mixed_languages_name_each_name(real):
    first, *others = real.context_actors
    package = replace(
        real, context_actors=(replace(first, native_name="鄭然斗", native_language="zh"), *others)
    )
    markup = str(context_actors_table(package))
    assert "Name in Korean" not in markup and ">Name in their own language<" in markup
    assert '<span lang="zh">鄭然斗</span> (Chinese)' in markup
    assert f'<span lang="ko">{others[0].native_name}</span> (Korean)' in markup


def test_no_native_name_leaves_the_column_out(real):
    bare = tuple(replace(x, native_name="", native_language="") for x in real.context_actors)
    markup = str(context_actors_table(replace(real, context_actors=bare)))
    assert "Name in" not in markup and "<span lang" not in markup
    assert markup.count("<th ") == 3  # actor, title, source


def test_a_native_name_is_escaped(real):
    first, *others = real.context_actors
    evil = replace(first, native_name="<b>x</b>")
    markup = context_actors_table(replace(real, context_actors=(evil, *others))).markup
    assert "<b>x</b>" not in markup and "&lt;b&gt;x&lt;/b&gt;" in markup
