"""Finding an annotation's quote again in the article, as a web page or another copy gives it."""

from __future__ import annotations

from explainer.export.anchoring import NotFound, Span, anchor

TEXT = "Seoul said no. Washington said no.\nSeoul said yes, later."


def test_the_exact_words_once():
    assert anchor(TEXT, "Washington said no.") == Span(15, 34)


def test_other_whitespace_is_the_same_words():
    """A web page breaks lines, doubles spaces and puts no-break spaces where the text has one
    space, and the quote is the article's own characters still."""
    found = anchor(TEXT, "no. \n Seoul\u00a0said   yes")
    assert found == Span(31, 49)
    assert TEXT[found.start : found.end] == "no.\nSeoul said yes"


def test_prefix_and_suffix_choose_among_several():
    assert anchor(TEXT, "said no", prefix="Seoul ", suffix=". Wash") == Span(6, 13)
    assert anchor(TEXT, "said no", prefix="Washington ", suffix=".") == Span(26, 33)
    # only part of the context agrees, and more of it for the second: still the second
    assert anchor(TEXT, "said no", prefix="xx Washington ") == Span(26, 33)


def test_a_position_chooses_when_the_context_cannot():
    assert anchor(TEXT, "said", position=(25, 29)) == Span(26, 30)
    assert anchor(TEXT, "said", position=(26, 30)) == Span(26, 30)  # exact: taken as it is


def test_what_cannot_be_placed_says_why():
    assert anchor(TEXT, "said") == NotFound(
        "its words occur 3 times and its prefix and suffix do not tell which"
    )
    assert anchor(TEXT, "Tokyo said") == NotFound("its words are not in the article")
    assert anchor(TEXT, "  ") == NotFound("the annotation quotes no words")


def test_a_wrong_position_does_not_win_over_the_words():
    assert anchor(TEXT, "Washington said no.", position=(0, 19)) == Span(15, 34)
