"""The resolver's table of expressions, each resolved by hand against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from explainer.language.time_expressions import find, find_all

FRIDAY = date(2025, 12, 12)  # the flagship's publication day, a Friday
MONDAY = date(2025, 10, 13)
TUESDAY = date(2011, 5, 17)  # the second package's publication day
D = date

# (sentence, publication day, expected surface text, earliest, latest, precision)
CASES = [
    ("It was announced today.", FRIDAY, "today", D(2025, 12, 12), D(2025, 12, 12), "day"),
    ("They meet tomorrow.", FRIDAY, "tomorrow", D(2025, 12, 13), D(2025, 12, 13), "day"),
    ("They met yesterday.", FRIDAY, "yesterday", D(2025, 12, 11), D(2025, 12, 11), "day"),
    (
        "Kim reiterated on Monday that it holds.",
        FRIDAY,
        "on Monday",
        D(2025, 12, 8),
        D(2025, 12, 8),
        "day",
    ),
    (
        "The leaders will meet on Monday.",
        FRIDAY,
        "on Monday",
        D(2025, 12, 15),
        D(2025, 12, 15),
        "day",
    ),
    ("Sources spoke on Friday.", FRIDAY, "on Friday", D(2025, 12, 12), D(2025, 12, 12), "day"),
    (
        "The date is set for next Tuesday.",
        FRIDAY,
        "next Tuesday",
        D(2025, 12, 16),
        D(2025, 12, 16),
        "day",
    ),
    (
        "They met last Friday.",
        D(2025, 10, 15),
        "last Friday",
        D(2025, 10, 10),
        D(2025, 10, 10),
        "day",
    ),
    ("It ends this week.", FRIDAY, "this week", D(2025, 12, 8), D(2025, 12, 14), "week"),
    ("Talks start next week.", FRIDAY, "next week", D(2025, 12, 15), D(2025, 12, 21), "week"),
    ("Talks began last month.", FRIDAY, "last month", D(2025, 11, 1), D(2025, 11, 30), "month"),
    ("Initiatives begin next year.", FRIDAY, "next year", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("A deal came last year.", FRIDAY, "last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("Seoul, Dec 12, said it.", FRIDAY, "Dec 12", D(2025, 12, 12), D(2025, 12, 12), "day"),
    (
        "They will meet on Nov. 13.",
        D(2025, 10, 15),
        "on Nov. 13",
        D(2025, 11, 13),
        D(2025, 11, 13),
        "day",
    ),
    # The December-January rollover: a date without a year, read from early January.
    (
        "The deal, signed Dec 12, holds.",
        D(2026, 1, 3),
        "Dec 12",
        D(2025, 12, 12),
        D(2025, 12, 12),
        "day",
    ),
    ("They will meet Jan. 20.", D(2025, 12, 30), "Jan. 20", D(2026, 1, 20), D(2026, 1, 20), "day"),
    (
        "The ministry spoke On December 9.",
        FRIDAY,
        "On December 9",
        D(2025, 12, 9),
        D(2025, 12, 9),
        "day",
    ),
    (
        "It was held April 15-18, 2019.",
        MONDAY,
        "April 15-18, 2019",
        D(2019, 4, 15),
        D(2019, 4, 18),
        "days",
    ),
    (
        "Leaders meet Oct.18-19 in Brussels.",
        MONDAY,
        "Oct.18-19",
        D(2025, 10, 18),
        D(2025, 10, 19),
        "days",
    ),
    (
        "A deal is hoped for in mid-November.",
        MONDAY,
        "in mid-November",
        D(2025, 11, 11),
        D(2025, 11, 20),
        "days",
    ),
    (
        "It comes in early November.",
        MONDAY,
        "in early November",
        D(2025, 11, 1),
        D(2025, 11, 10),
        "days",
    ),
    (
        "It comes in late November.",
        MONDAY,
        "in late November",
        D(2025, 11, 21),
        D(2025, 11, 30),
        "days",
    ),
    (
        "It is due in six to eight weeks.",
        MONDAY,
        "in six to eight weeks",
        D(2025, 11, 24),
        D(2025, 12, 8),
        "week",
    ),
    (
        "Talks may begin as soon as next week.",
        FRIDAY,
        "as soon as next week",
        D(2025, 12, 15),
        None,
        "week",
    ),
    (
        "It may slip as late as January.",
        D(2025, 11, 3),
        "as late as January",
        None,
        D(2026, 1, 31),
        "month",
    ),
    (
        "It will pass by the end of the year.",
        MONDAY,
        "by the end of the year",
        None,
        D(2025, 12, 31),
        "month",
    ),
    (
        "It could come in December, or even as late as January.",
        D(2025, 11, 3),
        "in December, or even as late as January",
        D(2025, 12, 1),
        D(2026, 1, 31),
        "month",
    ),
    ("It has been planned since 2019.", MONDAY, "since 2019", D(2019, 1, 1), None, "year"),
    ("Talks have gone on for months.", FRIDAY, "for months", None, None, "unknown"),
    (
        "It starts early next year.",
        FRIDAY,
        "early next year",
        D(2026, 1, 1),
        D(2026, 4, 30),
        "year",
    ),
    (
        "It ends late this month.",
        FRIDAY,
        "late this month",
        D(2025, 12, 21),
        D(2025, 12, 31),
        "days",
    ),
    ("They met last weekend.", FRIDAY, "last weekend", D(2025, 12, 6), D(2025, 12, 7), "days"),
    (
        "They met over the weekend.",
        FRIDAY,
        "over the weekend",
        D(2025, 12, 6),
        D(2025, 12, 7),
        "days",
    ),
    (
        "They will meet over the weekend.",
        FRIDAY,
        "over the weekend",
        D(2025, 12, 13),
        D(2025, 12, 14),
        "days",
    ),
    (
        "It was signed on October 18th.",
        FRIDAY,
        "on October 18th",
        D(2025, 10, 18),
        D(2025, 10, 18),
        "day",
    ),
    (
        "It was signed on 3rd March 2020.",
        FRIDAY,
        "on 3rd March 2020",
        D(2020, 3, 3),
        D(2020, 3, 3),
        "day",
    ),
    ("A recent report left it out.", FRIDAY, "recent", None, D(2025, 12, 12), "unknown"),
    ("It was said earlier.", FRIDAY, "earlier", None, D(2025, 12, 12), "unknown"),
]


# The rest of the table, one row each.
CASES += [
    ("They speak tonight.", FRIDAY, "tonight", D(2025, 12, 12), D(2025, 12, 12), "day"),
    ("They meet this Tuesday.", MONDAY, "this Tuesday", D(2025, 10, 14), D(2025, 10, 14), "day"),
    ("They meet coming Sunday.", FRIDAY, "coming Sunday", D(2025, 12, 14), D(2025, 12, 14), "day"),
    ("It rained past Monday.", FRIDAY, "past Monday", D(2025, 12, 8), D(2025, 12, 8), "day"),
    (
        "It ends later this month.",
        FRIDAY,
        "later this month",
        D(2025, 12, 13),
        D(2025, 12, 31),
        "month",
    ),
    (
        "It began earlier this year.",
        FRIDAY,
        "earlier this year",
        D(2025, 1, 1),
        D(2025, 12, 11),
        "year",
    ),
    (
        "It opens at the beginning of next month.",
        FRIDAY,
        "at the beginning of next month",
        D(2026, 1, 1),
        D(2026, 1, 10),
        "days",
    ),
    ("It was signed 9 December.", FRIDAY, "9 December", D(2025, 12, 9), D(2025, 12, 9), "day"),
    (
        "It was signed in December 2024.",
        FRIDAY,
        "in December 2024",
        D(2024, 12, 1),
        D(2024, 12, 31),
        "month",
    ),
    ("They vote in two days.", FRIDAY, "in two days", D(2025, 12, 14), D(2025, 12, 14), "day"),
    (
        "They vote within a month.",
        FRIDAY,
        "within a month",
        D(2025, 12, 12),
        D(2026, 1, 12),
        "month",
    ),
    (
        "They met three weeks ago.",
        FRIDAY,
        "three weeks ago",
        D(2025, 11, 17),  # the week that holds Friday 2025-11-21, three weeks before
        D(2025, 11, 23),
        "week",
    ),
    (
        "It may come as early as next month.",
        FRIDAY,
        "as early as next month",
        D(2026, 1, 1),
        None,
        "month",
    ),
    ("It must pass before next year.", FRIDAY, "before next year", None, D(2025, 12, 31), "year"),
    ("It runs until next month.", FRIDAY, "until next month", None, D(2026, 1, 31), "month"),
    (
        "It runs between March 3 and March 5.",
        FRIDAY,
        "between March 3 and March 5",
        D(2026, 3, 3),
        D(2026, 3, 5),
        "days",
    ),
    (
        "It runs from May to June.",
        FRIDAY,
        "from May to June",
        D(2026, 5, 1),
        D(2026, 6, 30),
        "month",
    ),
    ("They met recently.", FRIDAY, "recently", None, D(2025, 12, 12), "unknown"),
    ("They will meet soon.", FRIDAY, "soon", D(2025, 12, 12), None, "unknown"),
    (
        "They meet in the coming weeks.",
        FRIDAY,
        "in the coming weeks",
        D(2025, 12, 12),
        None,
        "unknown",
    ),
    (
        "It will be announced in the next few days.",
        TUESDAY,
        "in the next few days",
        D(2011, 5, 18),
        D(2011, 5, 22),
        "days",
    ),
    (
        "They will decide in the coming days.",
        FRIDAY,
        "in the coming days",
        D(2025, 12, 13),
        D(2025, 12, 21),
        "days",
    ),
    ("It grew in the 2000s.", FRIDAY, "in the 2000s", D(2000, 1, 1), D(2009, 12, 31), "decade"),
    (
        "It has depended on aid since the 1990s.",
        TUESDAY,
        "since the 1990s",
        D(1990, 1, 1),
        None,
        "decade",
    ),
    # Durations, by the end the words fix (issue 17 section 3).
    (
        "Workers went unpaid for the past two weeks.",
        FRIDAY,
        "the past two weeks",
        D(2025, 11, 29),  # 2025-12-12 less 14 days, plus the day the span counts as its own
        D(2025, 12, 12),
        "days",
    ),
    (
        "It is the largest rally in nearly 60 years.",
        FRIDAY,
        "in nearly 60 years",
        D(1965, 12, 13),
        D(2025, 12, 12),
        "year",
    ),
    (
        "The dispute has festered for more than four decades.",
        FRIDAY,
        "for more than four decades",
        None,
        None,  # the present perfect: it still goes on
        "decade",
    ),
    (
        "The town has been occupied for nearly three years.",
        FRIDAY,
        "for nearly three years",
        D(2022, 12, 13),
        None,
        "year",
    ),
    (
        "Workers returned after ending a 3-week strike.",
        FRIDAY,
        "3-week",
        D(2025, 11, 22),
        D(2025, 12, 12),
        "days",
    ),
    ("The talks could take months.", FRIDAY, "months", None, None, "unknown"),
    ("Two days of talks are planned.", FRIDAY, "Two days", None, None, "unknown"),
    ("The meeting begins Monday.", FRIDAY, "Monday", D(2025, 12, 15), D(2025, 12, 15), "day"),
    ("The talks ended Monday.", FRIDAY, "Monday", D(2025, 12, 8), D(2025, 12, 8), "day"),
    # Months named with "last", "next"; abbreviations with a period.
    (
        "Talks broke down last November.",
        D(2025, 11, 20),
        "last November",
        D(2024, 11, 1),
        D(2024, 11, 30),
        "month",
    ),
    (
        "Talks broke down last November.",
        FRIDAY,
        "last November",
        D(2025, 11, 1),
        D(2025, 11, 30),
        "month",
    ),
    ("They meet next March.", FRIDAY, "next March", D(2026, 3, 1), D(2026, 3, 31), "month"),
    (
        "Jan Kowalski signed the pact in Dec.",
        D(2026, 3, 2),
        "in Dec.",
        D(2025, 12, 1),
        D(2025, 12, 31),
        "month",
    ),
    (
        "It was signed in Sept. 2019.",
        FRIDAY,
        "in Sept. 2019",
        D(2019, 9, 1),
        D(2019, 9, 30),
        "month",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "published", "text", "earliest", "latest", "precision"), CASES
)
def test_each_supported_expression_resolves(sentence, published, text, earliest, latest, precision):
    (found,) = find(sentence, published)
    assert (found.text, found.earliest, found.latest, found.precision) == (
        text,
        earliest,
        latest,
        precision,
    )
    assert sentence[found.start : found.end] == text
    assert found.resolution.startswith("Counted from the publication date")


def test_a_length_anchored_at_its_start_runs_from_the_day_the_sentence_names():
    found = find("The five-day summit that opens Monday will end the talks.", FRIDAY)
    assert [(f.text, f.earliest, f.latest) for f in found] == [
        ("five-day", D(2025, 12, 15), D(2025, 12, 19)),
        ("Monday", D(2025, 12, 15), D(2025, 12, 15)),
    ]


def test_a_reading_back_or_ahead_names_the_other_for_review():
    (found,) = find("It is the largest rally in nearly 60 years.", FRIDAY)
    assert "60 years from publication" in found.alternative
    assert "could also mean" in found.resolution


def test_an_age_and_an_abbreviation_alone_are_not_times():
    assert find("A 60-year-old man met Jan Kowalski.", FRIDAY) == []


def _anaphoric(*sentences: str, published: date = FRIDAY):
    offsets = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
    return [f for found in find_all(zip(sentences, offsets, strict=True), published) for f in found]


@pytest.mark.parametrize(
    ("words", "earliest", "latest"),
    [
        ("Ten years later", D(2035, 1, 1), D(2035, 12, 31)),
        ("A day earlier", D(2025, 10, 17), D(2025, 10, 17)),
        ("The next day", D(2025, 10, 19), D(2025, 10, 19)),
        ("The following week", D(2025, 10, 20), D(2025, 10, 26)),
        ("Before that", None, D(2025, 10, 17)),
        ("Since then", D(2025, 10, 18), None),
        ("Until then", None, D(2025, 10, 18)),
        ("Later that month", D(2025, 10, 19), D(2025, 10, 31)),
    ],
)
def test_an_anaphoric_time_counts_from_the_one_named_before(words, earliest, latest):
    """Counted from "Oct. 18" of the sentence before (2025, the one before the Friday
    2025-12-12 publication in a past sentence), and marked with the reading from publication."""
    before, found = _anaphoric("They met on Oct. 18.", f"{words}, the envoys had left.")
    assert before.earliest == D(2025, 10, 18)
    assert (found.text, found.earliest, found.latest) == (words, earliest, latest)
    assert found.resolution.startswith("Counted from “Oct. 18”, the time named before it")
    assert found.alternative


def test_ten_years_after_a_year_is_that_year_ten_years_on():
    _, found = _anaphoric("China took control in 1949.", "Ten years later, the leader fled.")
    assert (found.earliest, found.latest, found.precision) == (
        D(1959, 1, 1),
        D(1959, 12, 31),
        "year",
    )
    assert "2035" in found.alternative  # counted from publication instead


def test_with_no_time_named_before_a_shift_counts_from_publication():
    (found,) = _anaphoric("Two days later, the envoys left.")
    assert (found.earliest, found.latest) == (D(2025, 12, 14), D(2025, 12, 14))
    (vague,) = _anaphoric("Before that, the envoys had left.")
    assert (vague.earliest, vague.latest) == (None, None)


def test_offsets_count_from_where_the_sentence_starts():
    (found,) = find("They meet tomorrow.", FRIDAY, offset=100)
    assert (found.start, found.end) == (110, 118)


def test_next_tuesday_said_on_a_monday_is_ambiguous_and_names_the_other_reading():
    (found,) = find("They will meet next Tuesday.", MONDAY)
    assert found.earliest == found.latest == D(2025, 10, 21)
    assert "2025-10-14" in found.alternative and "2025-10-14" in found.resolution


def test_next_tuesday_said_on_a_friday_is_not_ambiguous():
    (found,) = find("The date is next Tuesday.", FRIDAY)
    assert found.alternative == ""


def test_a_bare_weekday_with_no_tense_is_proposed_and_its_other_reading_named():
    (found,) = find("Talks on Wednesday.", FRIDAY)
    assert found.earliest == D(2025, 12, 10)
    assert "2025-12-17" in found.alternative


def test_the_surname_may_and_the_modal_may_are_not_dates():
    assert find("Theresa May said we may meet.", FRIDAY) == []
    (found,) = find("It ends in May.", FRIDAY)
    assert (found.earliest, found.latest) == (D(2026, 5, 1), D(2026, 5, 31))


def test_a_number_is_not_a_year_and_going_on_is_not_part_of_for_months():
    assert find("About 2019 people came.", FRIDAY) == []
    (found,) = find("Talks went on for months.", FRIDAY)
    assert found.text == "for months"


def test_a_weekday_with_its_date_is_one_expression_when_they_agree():
    (found,) = find("They will meet again on Monday, Nov. 17.", D(2025, 10, 15))
    assert (found.text, found.earliest, found.latest) == (
        "on Monday, Nov. 17",
        D(2025, 11, 17),
        D(2025, 11, 17),
    )
    weekday, dated = find("They will meet on Monday, Nov. 13.", D(2025, 10, 15))
    assert (weekday.text, dated.text) == ("on Monday", "Nov. 13")


def test_an_undated_past_expression_after_after_ends_before_the_day_named_first():
    sentence = "Kim reiterated on Monday that it holds, even after a recent report left it out."
    monday, recent = find(sentence, FRIDAY)
    assert monday.earliest == D(2025, 12, 8)
    assert (recent.earliest, recent.latest) == (None, D(2025, 12, 7))
    (alone,) = find("A recent report left it out.", FRIDAY)
    assert alone.latest == FRIDAY


def test_since_a_period_then_when_also_proposes_the_period_itself_for_the_when_clause():
    sentence = "It has depended on aid since the 1990s, when a famine struck."
    since, itself = find(sentence, TUESDAY)
    assert (since.text, since.earliest, since.latest) == ("since the 1990s", D(1990, 1, 1), None)
    assert (itself.text, itself.earliest, itself.latest, itself.precision) == (
        "the 1990s",
        D(1990, 1, 1),
        D(1999, 12, 31),
        "decade",
    )
    assert "“when”" in itself.resolution


def test_a_decade_without_when_is_one_expression():
    (found,) = find("It has depended on aid since the 1990s.", TUESDAY)
    assert found.text == "since the 1990s"


def test_before_an_undated_past_ends_where_that_past_ends():
    """ "before recent talks": "recent" has no earliest to count back from (was a TypeError)."""
    (found,) = find("They had met before recent talks began.", FRIDAY)
    assert (found.text, found.earliest, found.latest) == ("before recent", None, FRIDAY)
