"""The engine (explainer/) holds no article's id, name or sentence: every article is data.

Each package under data/ and in the evaluation corpus (corpus/, where a word of one story in the
engine would be a rule tuned to that story) gives the words that would betray it: its folder
name, every id, name, mention, role, label and quote, its headline and dateline, and every run of
six words of its text. None may occur in the engine's source, as a whole word, outside the
vendored libraries (reveal.js and plotly.js, which are not the engine's own code).
An id that is a plain English word ("reports") counts only as a string literal ("reports"), as
code would name it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from explainer.package import load_package, vocabulary

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = sorted(p.parent for p in (ROOT / "data").glob("*/datapackage.json")) + sorted(
    p.parent for p in (ROOT / "corpus").glob("*/*/datapackage.json")
)
ENGINE = ROOT / "explainer"
VENDORED = [ENGINE / "publish" / "assets" / name for name in ("reveal", "plotly")]
SHINGLE = 6  # words: long enough to be the article's own, short enough to catch a clause

# Words of the package format itself, which the engine must know: coded values and vocabulary.
FORMAT_WORDS = {
    key
    for table in (
        vocabulary.STATUS,
        vocabulary.CERTAINTY,
        vocabulary.SOURCE_KIND,
        vocabulary.VERDICT,
        vocabulary.PRECISION,
        vocabulary.ACTOR_TYPE,
    )
    for key in table
}
# Words of the calendar and of the world that the drafter's docstrings give as examples of a kind
# (a title, a news agency): any story may have them.
WORLD_WORDS = {*calendar.day_name, *calendar.month_name[1:], "Prime Minister", "Reuters"}


def engine_source() -> str:
    files = [
        p
        for p in sorted(ENGINE.rglob("*"))
        if p.is_file()
        and p.suffix in {".py", ".js", ".css", ".html", ".md", ".j2"}
        and not any(folder in p.parents for folder in VENDORED)
    ]
    return "\n".join(" ".join(p.read_text(encoding="utf-8").split()) for p in files)


def pattern(word: str) -> str:
    """How a telltale word would show in source: a plain-word id only as a string literal."""
    if re.fullmatch(r"[a-z]+", word):
        return rf"[\"']{word}[\"']"
    return rf"(?<!\w){re.escape(word)}(?!\w)"


def telltales(folder: Path) -> set[str]:
    package = load_package(folder)
    article = package.article
    words = {folder.name, article.id, article.headline, article.dateline}
    for records in (
        package.groups,
        package.actors,
        package.events,
        package.claims,
        package.takeaways,
        package.context,
        package.dating,
    ):
        for record in records:
            words.add(record.id)
            for field in ("name", "mention", "role", "label", "quote", "fact"):
                value = getattr(record, field, "")
                if not re.fullmatch(r"[a-z]+", value):  # a lone common word ("officials") is
                    words.add(value)  # English, not the article's; ids are kept whatever they are
    text = article.text.split()
    words.update(" ".join(text[i : i + SHINGLE]) for i in range(len(text) - SHINGLE + 1))
    return {" ".join(w.split()) for w in words if w and w not in FORMAT_WORDS | WORLD_WORDS}


@cache
def shared_by_two_packages() -> set[str]:
    """Words that two packages share are the world's or the format's ("United States", a lane of
    unnamed sources), which `explainer new` may propose: not one article's."""
    counts = Counter(word for folder in PACKAGES for word in telltales(folder))
    return {word for word, count in counts.items() if count > 1}


@pytest.mark.parametrize("folder", PACKAGES, ids=[p.name for p in PACKAGES])
def test_no_word_of_the_article_is_in_the_engine(folder):
    source = engine_source()
    words = telltales(folder) - shared_by_two_packages()
    # A plain substring test first (fast), the word-boundary pattern only for what it finds.
    maybe = [word for word in words if word in source]
    found = sorted(word for word in maybe if re.search(pattern(word), source))
    assert found == []


def test_the_scan_would_find_an_article_word():
    """The scan itself works: the real source plus one article id is caught."""
    (folder,) = PACKAGES[:1]
    some_id = load_package(folder).claims[0].id
    source = engine_source() + f' print("{some_id}")'
    assert re.search(pattern(some_id), source)
