"""Views held back until their exercise is settled (issue 16's retrieval first): a placeholder
until the exercise is answered right, wrong twice, or shown; whichever cell runs first."""

from __future__ import annotations

import json

import pytest

from explainer import views
from explainer.publish.execute import WIDGET_VIEW
from explainer.views import exercises as ex
from explainer.views import held_back
from explainer.views.when import in_words


@pytest.fixture(autouse=True)
def fresh_kernel(monkeypatch):
    """Every test starts as Restart & Run All does: no exercise asked or settled yet."""
    monkeypatch.setattr(held_back, "_GATES", {})


def shown(held: held_back.HeldBack) -> str:
    return json.dumps([output["data"] for output in held.output.outputs])


def day_shown(real) -> str:
    """How the dating table shows the day "next Tuesday" resolves to."""
    return json.dumps(in_words(real.event("e_first_meeting").earliest))[1:-1]


def dating(real):
    return views.events(real, [e for e in real.events if e.date_text])


KEY = "relative_date:e_first_meeting"


def test_the_view_waits_for_a_right_answer(real):
    exercise = ex.Exercise(ex.relative_date(real, "e_first_meeting"))
    held = ex.revealed_after(KEY, dating(real), "the dating table")
    assert "Answer the question above, or choose Show me, to see the dating table" in shown(held)
    assert day_shown(real) not in shown(held)
    exercise.answer("2025-12-16")
    assert day_shown(real) in shown(held) and "Answer the question" not in shown(held)


def test_a_view_above_its_exercise_waits_too_and_a_first_wrong_answer_is_not_enough(real):
    held = ex.revealed_after(KEY, dating(real))  # its cell runs before the exercise's
    assert "Answer the question below" in shown(held)
    exercise = ex.Exercise(ex.relative_date(real, "e_first_meeting"))
    exercise.answer("2025-12-09")
    assert day_shown(real) not in shown(held)  # a hint only
    exercise.answer("2025-12-23")
    assert day_shown(real) in shown(held)


def test_show_me_reveals_and_a_later_view_shows_at_once(real):
    exercise = ex.Exercise(ex.relative_date(real, "e_first_meeting"))
    exercise.show_me.click()
    held = ex.revealed_after(KEY, dating(real))
    assert day_shown(real) in shown(held)


def test_another_exercise_reveals_nothing(real):
    held = ex.revealed_after(KEY, dating(real))
    ex.Exercise(ex.hedge_word(real, "c_tentative_tuesday")).answer("tentative")
    assert day_shown(real) not in shown(held)


def test_the_stored_output_holds_the_view_as_data_and_no_widget_state(real):
    """What nbval compares and the deck reads: the placeholder as text, the view's outputs as
    JSON (its caption too), the same from one run to the next; the live widget is not kept."""
    chart = views.timeline(real)
    bundle = ex.revealed_after(KEY, chart, "the timeline")._repr_mimebundle_()
    assert WIDGET_VIEW in bundle  # live: the Output widget; publish/execute.py strips it
    document = bundle[held_back.HELD_BACK_MIMETYPE]
    assert document["exercise"] == KEY
    assert [o["data"] for o in document["outputs"]] == [o["data"] for o in chart.outputs()]
    assert "to see the timeline" in bundle["text/plain"]
    again = ex.revealed_after(KEY, views.timeline(real), "the timeline")._repr_mimebundle_()
    assert again[held_back.HELD_BACK_MIMETYPE] == document
    assert WIDGET_VIEW not in json.dumps(document)


def test_a_key_that_names_no_exercise_is_refused(real):
    with pytest.raises(ValueError, match="'dating_table:e_first_meeting' is not an exercise"):
        ex.revealed_after("dating_table:e_first_meeting", dating(real))
    with pytest.raises(ValueError, match="relative_date"):
        ex.revealed_after("relative_date", dating(real))


def test_a_view_of_several_exercises_waits_for_each_of_them(real):
    hedge = "hedge_word:c_tentative_tuesday"
    held = ex.revealed_after([KEY, hedge], dating(real), "the dating table")
    dated = ex.Exercise(ex.relative_date(real, "e_first_meeting"))
    hedged = ex.Exercise(ex.hedge_word(real, "c_tentative_tuesday"))
    inner = held_back._GATES[KEY].waiting[0]  # the first key is the innermost wait
    dated.answer("2025-12-16")
    assert day_shown(real) in shown(inner)
    assert day_shown(real) not in shown(held)  # the outer wait: the hedge is not answered yet
    assert WIDGET_VIEW not in shown(held)  # its placeholder, as text
    hedged.show_me.click()
    (outer,) = json.loads(shown(held))  # now the inner wait, which shows the table
    assert held.question_key == hedge and outer[WIDGET_VIEW]["model_id"] == inner.output.model_id
    assert day_shown(real) in json.dumps(held.document())  # as stored, for the deck and handout
    with pytest.raises(ValueError, match="at least one"):
        ex.revealed_after([], dating(real))
