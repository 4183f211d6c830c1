"""The exercise kinds, each registered with the selector that picks its record (`picks`)."""

from __future__ import annotations

from ..views import exercises
from . import picks
from .registry import ExerciseKind, register_exercise

for kind in (
    ExerciseKind("hedge_word", exercises.hedge_word, picks.least_sure_claim),
    ExerciseKind("claim_source", exercises.claim_source, picks.chain_example),
    ExerciseKind("source_kind", exercises.source_kind, picks.source_kind_claim),
    ExerciseKind("relative_date", exercises.relative_date, picks.relative_date_event),
    ExerciseKind("plan_or_fact", exercises.plan_or_fact, picks.plan_event),
    ExerciseKind("takeaway_verdict", exercises.takeaway_verdict, picks.audited_takeaway),
):
    register_exercise(kind)
