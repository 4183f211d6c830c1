"""Student-facing dates read as words (issue 16): "Tuesday, December 16, 2025", not
"Tue 2025-12-16"; one function says it, for the prose, the tables and the timeline alike."""

from datetime import date

from explainer.views.when import in_words


def test_a_day_reads_as_a_person_writes_it():
    assert in_words(date(2025, 12, 16)) == "Tuesday, December 16, 2025"


def test_a_single_digit_day_has_no_leading_zero():
    assert in_words(date(2026, 1, 5)) == "Monday, January 5, 2026"
