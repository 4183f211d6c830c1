from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from explainer.views import exercises as ex
from explainer.views.explorer import Explorer
from explainer.views.render import PLAIN_WIDTH


def test_relative_date_answer_is_the_resolved_day(real):
    question = ex.relative_date(real, "e_first_meeting")
    assert ex.check(question, "2025-12-16").right
    wrong = ex.check(question, "2025-12-09", wrong_before=1)
    assert not wrong.right
    assert "2025-12-16" in wrong.message  # the explanation is the data's own resolution


def test_answers_follow_the_data_not_the_notebook(real):
    moved = replace(
        real.event("e_first_meeting"), earliest=date(2025, 12, 23), latest=date(2025, 12, 23)
    )
    package = replace(real, events=tuple(moved if e.id == moved.id else e for e in real.events))
    question = ex.relative_date(package, "e_first_meeting")
    assert ex.check(question, "2025-12-23").right
    assert not ex.check(question, "2025-12-16").right


def test_relative_date_needs_a_single_resolved_day(real):
    with pytest.raises(ValueError, match="e_strategy_omits_phrase"):
        ex.relative_date(real, "e_strategy_omits_phrase")


def test_source_of_the_headline_claim_is_the_unnamed_diplomats(real):
    question = ex.claim_source(real, "c_poised")
    assert ex.check(question, "diplomatic_sources").right
    assert not ex.check(question, "yonhap").right
    assert "Yonhap" in ex.check(question, "yonhap", wrong_before=1).message


def test_hedge_question_accepts_every_hedge_and_only_hedges(real):
    question = ex.hedge_word(real, "c_tentative_tuesday")
    values = [value for _, value in question.options]
    assert {"tentative", "pending"} <= set(values) and len(values) > 2
    for value in values:
        assert ex.check(question, value).right == (value in {"tentative", "pending"})
    assert all(value in question.quote for value in values)


def test_on_record_versus_anonymous(real):
    anonymous = ex.source_kind(real, "c_no_permanent_body")
    assert ex.check(anonymous, "anonymous").right
    on_record = ex.source_kind(real, "c_park_quote")
    assert ex.check(on_record, "on_record").right and not ex.check(on_record, "anonymous").right


def test_plan_or_fact(real):
    tentative = ex.plan_or_fact(real, "e_first_meeting")
    assert ex.check(tentative, "tentative").right and not ex.check(tentative, "happened").right
    assert ex.check(ex.plan_or_fact(real, "e_kim_restates_goal"), "happened").right


def test_takeaway_verdict(real):
    question = ex.takeaway_verdict(real, "t_focus_reengage")
    assert ex.check(question, "goes_further").right
    assert "likely" in ex.check(question, "supported", wrong_before=1).message


def test_an_answer_that_is_not_an_option_is_refused(real):
    with pytest.raises(ValueError, match="maybe"):
        ex.check(ex.plan_or_fact(real, "e_first_meeting"), "maybe")


def test_feedback_escapes_data(real):
    claim = replace(real.claim("c_poised"), summary="<script>x</script>")
    package = replace(real, claims=tuple(claim if c.id == claim.id else c for c in real.claims))
    message = ex.check(ex.hedge_word(package, "c_poised"), "poised").message
    assert "<script>" not in message and "&lt;script&gt;" in message


def test_widget_gives_feedback_and_allows_another_try(real):
    exercise = ex.Exercise(ex.relative_date(real, "e_first_meeting"))
    exercise.button.click()
    assert "Choose an answer first" in exercise.feedback.value
    exercise.choice.value = "2025-12-09"
    exercise.button.click()
    assert "Try again" in exercise.feedback.value
    exercise.choice.value = "2025-12-16"
    exercise.button.click()
    assert "Right." in exercise.feedback.value


def test_stored_placeholder_states_the_question(real):
    bundle = ex.Exercise(ex.claim_source(real, "c_poised"))._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Exercise: Who is the source")
    assert "poised to initiate" in bundle["text/plain"]


def test_stored_placeholders_have_no_line_jupyterlab_would_break(real):
    """JupyterLab breaks long plain-text lines anywhere, mid-word too."""
    placeholders = [
        ex.Exercise(ex.hedge_word(real, "c_tentative_tuesday"))._repr_mimebundle_(),
        Explorer(real)._repr_mimebundle_(),
    ]
    for bundle in placeholders:
        lines = bundle["text/plain"].splitlines()
        assert len(lines) > 1 and max(map(len, lines)) <= PLAIN_WIDTH


def test_stored_output_carries_the_question_as_data(real):
    """A deck or a worksheet reads the question from the stored output, with no kernel."""
    bundle = ex.Exercise(ex.relative_date(real, "e_first_meeting"))._repr_mimebundle_()
    document = bundle[ex.EXERCISE_MIMETYPE]
    assert document["key"] == "relative_date:e_first_meeting"
    assert document["kind"] == "relative_date"
    assert [c["value"] for c in document["choices"]] == ["2025-12-09", "2025-12-16", "2025-12-23"]
    assert document["correct"] == ["2025-12-16"]
    assert document["explanation"] == real.event("e_first_meeting").resolution


def test_every_checked_answer_reaches_the_listeners(real, monkeypatch):
    heard = []
    monkeypatch.setattr(ex, "LISTENERS", [heard.append])
    exercise = ex.Exercise(ex.claim_source(real, "c_poised"))
    exercise.button.click()  # nothing chosen: not an answer
    wrong = next(v for _, v in exercise.question.options if v not in exercise.question.correct)
    exercise.choice.value = wrong
    exercise.button.click()
    exercise.choice.value = real.claim("c_poised").asserted_by
    exercise.button.click()
    exercise.show_me.click()
    exercise.button.click()  # the same answer again, once shown: not the student's own
    assert heard == [
        ex.Attempt("claim_source:c_poised", wrong, False, 1, hints=1),
        ex.Attempt("claim_source:c_poised", real.claim("c_poised").asserted_by, True, 2, 1),
        ex.Attempt("claim_source:c_poised", real.claim("c_poised").asserted_by, True, 3, 1, True),
    ]
