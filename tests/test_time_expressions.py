"""The resolver's table of expressions, each resolved by hand against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from explainer.draft.time_expressions import find

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
        D(2025, 11, 21),
        D(2025, 11, 21),
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
