"""An exercise asked about a record the package lacks names the id and its kind."""

from __future__ import annotations

import pytest

from explainer.views import exercises


@pytest.mark.parametrize(
    ("build", "kind"),
    [
        (exercises.takeaway_verdict, "takeaway"),
        (exercises.hedge_word, "claim"),
        (exercises.plan_or_fact, "event"),
    ],
)
def test_an_unknown_id_is_named(real, build, kind):
    with pytest.raises(KeyError, match=f"unknown {kind} id: 'no_such_record'"):
        build(real, "no_such_record")
