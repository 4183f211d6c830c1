"""Only real files inside the package folder are read: links are problems, never followed."""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.mark.parametrize("file", ["groups.csv", "datapackage.json", "article.txt"])
def test_a_symbolic_link_is_a_problem_and_not_followed(package, tmp_path, file):
    outside = tmp_path / "secret.txt"
    outside.write_text("TOP SECRET first line\n", encoding="utf-8")
    package.path(file).unlink()
    package.path(file).symlink_to(outside)
    problems = package.new_problems()
    assert [(p.file, p.row, p.field) for p in problems] == [(file, 1, "-")], problems
    assert problems[0].code == "file-path" and "symbolic link" in problems[0].message
    assert all("SECRET" not in str(p) for p in problems)


def test_a_link_to_a_file_inside_the_package_is_a_problem_too(package):
    shutil.move(package.path("groups.csv"), package.path("real-groups.csv"))
    package.path("groups.csv").symlink_to("real-groups.csv")
    package.only("groups.csv", 1, "-", "file-path")


def test_a_folder_on_the_way_that_is_a_link_is_a_problem(package, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.move(package.path("groups.csv"), elsewhere / "groups.csv")
    package.path("tables").symlink_to(elsewhere)
    descriptor = package.descriptor()
    (groups,) = [r for r in descriptor["resources"] if r["name"] == "groups"]
    groups["path"] = "tables/groups.csv"
    package.write_descriptor(descriptor)
    package.only("tables/groups.csv", 1, "-", "file-path")


def test_a_pipe_is_refused_without_waiting_on_it(package):
    package.path("groups.csv").unlink()
    os.mkfifo(package.path("groups.csv"))
    package.only("groups.csv", 1, "-", "file-path")


def test_a_path_with_a_nul_character_is_a_problem_not_a_crash(package):
    article = package.first("article.csv")
    row = package.set_cell("article.csv", article["id"], "text_path", "article\x00.txt")
    problems = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert problems == {("article\x00.txt", 1, "-"), ("article.csv", row, "text_path")}
