"""The evaluation corpus holds together: its split is the recorded one, its texts are unchanged,
its gold files agree with their packages, and every annotated story is a valid package."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from explainer.package.load import validate_package

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PACKAGES = sorted(p.parent for p in CORPUS.glob("*/*/datapackage.json"))


@pytest.fixture(scope="module")
def corpus_scripts():
    """The corpus's own check scripts (corpus/ is a folder of data, not a package)."""
    sys.path.insert(0, str(CORPUS))
    try:
        import check_corpus
        import split

        yield check_corpus, split
    finally:
        sys.path.remove(str(CORPUS))


def test_the_split_and_the_gold_hold(corpus_scripts, capsys):
    check_corpus, _ = corpus_scripts
    status = check_corpus.main()
    assert status == 0, capsys.readouterr().out


def test_the_split_follows_from_its_rule(corpus_scripts):
    _, split = corpus_scripts
    assert split.main([]) == 0


def test_there_are_at_least_twelve_stories_in_use(corpus_scripts):
    _, split = corpus_scripts
    in_use = [s for s in split.read_stories() if not s["withdrawn"]]
    assert len(in_use) >= 12


@pytest.mark.parametrize("folder", PACKAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_annotated_story_is_a_valid_package(folder):
    assert validate_package(folder) == []
