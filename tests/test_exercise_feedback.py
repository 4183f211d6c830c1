"""Feedback that teaches (issue 16): a first wrong answer gets a hint that narrows the search
without naming the answer, worked out from the data; only a second wrong answer, a right one or
"Show me" gives the explanation."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from explainer.package.load import load_package
from explainer.views import exercises as ex
from explainer.views.when import in_words

DATA = Path(__file__).resolve().parents[1] / "data"
PACKAGES = sorted(p.parent for p in DATA.glob("*/datapackage.json"))


@pytest.fixture(scope="module")
def voa():
    return load_package(DATA / "us-envoy-north-korea-food-aid")


def every_question(package) -> list[ex.Question]:
    """Every question each kind can ask of the package, on every record it accepts."""
    questions = []
    records = {
        ex.hedge_word: [c.id for c in package.claims if c.hedges],
        ex.claim_source: [c.id for c in package.claims],
        ex.source_kind: [c.id for c in package.claims],
        ex.plan_or_fact: [e.id for e in package.events if package.evidence_for(e)],
        ex.relative_date: [e.id for e in package.events if e.date_text and e.precision == "day"],
        ex.takeaway_verdict: [t.id for t in package.takeaways],
    }
    for builder, ids in records.items():
        questions += [builder(package, record) for record in ids]
    return questions


def questions_of_both():
    for folder in PACKAGES:
        package = load_package(folder)
        for question in every_question(package):
            yield pytest.param(package, question, id=question.key)


def words(text: str) -> str:
    return " ".join(re.sub(r"[^\w’']+", " ", str(text)).lower().split())


@pytest.mark.parametrize(("package", "question"), list(questions_of_both()))
def test_a_hint_names_no_right_answer_and_no_word_of_the_explanation_it_lacks(package, question):
    hint = words(question.hint)
    assert hint
    article = words(package.article.text)
    for label, value in question.options:
        if value in question.correct and words(label) not in words(question.prompt):
            assert not re.search(rf"\b{re.escape(words(label))}\b", hint), label
    # The explanation's own sentences (what only the answer may tell) are not in the hint; one
    # that only restates the question (the story's date) tells nothing.
    asked = set(words(f"{question.prompt} story").split())
    for sentence in re.split(r"(?<=[.:;])\s+", str(question.explanation)):
        telling = words(sentence) not in article and not set(words(sentence).split()) <= asked
        if len(sentence.split()) >= 5 and telling:
            assert words(sentence) not in hint
    # What the hint quotes is the article's own words: it states nothing the package lacks.
    for quoted in re.findall(r"“([^”]+)”", question.hint):
        assert words(quoted.rstrip("…")) in article, quoted


@pytest.mark.parametrize(("package", "question"), list(questions_of_both()))
def test_a_first_wrong_answer_gets_the_hint_and_only_a_second_the_explanation(package, question):
    wrong = next(value for _, value in question.options if value not in question.correct)
    first = ex.check(question, wrong)
    assert not first.right and first.hinted and not first.settled
    assert question.hint in first.message.unescape()
    assert question.explanation not in first.message.unescape()
    second = ex.check(question, wrong, wrong_before=1)
    assert second.settled and not second.hinted
    assert question.explanation in second.message.unescape()
    assert question.answer in second.message.unescape()
    right = ex.check(question, next(iter(question.correct)))
    assert right.settled and question.explanation in right.message.unescape()


def test_a_relative_dates_hint_counts_from_the_dateline_as_the_data_says(real):
    hint = ex.relative_date(real, "e_first_meeting").hint
    assert in_words(real.article.published) in hint and "first Tuesday after" in hint
    moved = replace(
        real.event("e_first_meeting"), earliest=date(2025, 12, 23), latest=date(2025, 12, 23)
    )
    package = replace(real, events=tuple(moved if e.id == moved.id else e for e in real.events))
    assert "second Tuesday after" in ex.relative_date(package, "e_first_meeting").hint


def test_a_relative_date_of_the_datelines_own_day_asks_which_side_it_is(voa):
    hint = ex.relative_date(voa, "e_seoul_talks").hint
    assert "before it, after it, or that day" in hint
    assert in_words(voa.article.published) in hint


def test_the_other_hints_come_from_the_data(real):
    assert "more than one" in ex.hedge_word(real, "c_tentative_tuesday").hint
    assert "more than one" not in ex.hedge_word(real, "c_no_permanent_body").hint  # "not" alone
    assert "passed on" in ex.claim_source(real, "c_poised").hint  # three links
    assert "straight from its source" in ex.claim_source(real, "c_park_quote").hint
    mention = real.actor("officials").mention
    assert mention in ex.source_kind(real, "c_no_permanent_body").hint
    assert "after the story's date" in ex.plan_or_fact(real, "e_peace_initiatives").hint
    assert "before the story's date" in ex.plan_or_fact(real, "e_kim_restates_goal").hint
    opening = " ".join(real.claim("c_likely_focus").quote.split()[:6])
    assert opening in ex.takeaway_verdict(real, "t_focus_reengage").hint


def test_the_stored_question_carries_its_hint(real):
    question = ex.hedge_word(real, "c_tentative_tuesday")
    document = ex.Exercise(question)._repr_mimebundle_()[ex.EXERCISE_MIMETYPE]
    assert document["hint"] == question.hint


def test_show_me_gives_the_answer_and_why(real):
    exercise = ex.Exercise(ex.source_kind(real, "c_no_permanent_body"))
    exercise.show_me.click()
    shown = exercise.feedback.value
    assert "unnamed source" in shown and "sources the reader cannot check" in shown


def test_a_source_the_article_gives_no_words_for_gets_a_hint_without_empty_quotes(real):
    officials = replace(real.actor("officials"), mention="")
    package = replace(
        real, actors=tuple(officials if a.id == "officials" else a for a in real.actors)
    )
    hint = ex.source_kind(package, "c_no_permanent_body").hint
    assert "“”" not in hint and "who gives it" in hint
