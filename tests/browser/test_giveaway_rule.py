"""The rule the student walks judge slides and pages by (giveaway.py), on blocks of text made
by hand: it must see an answer where a class would, and only there. No browser is needed."""

from __future__ import annotations

from giveaway import MARK_CLOSE, MARK_OPEN, Block, giveaways

ARTICLE = (
    "The tentative date for this meeting is set for next Tuesday, although final confirmation "
    "is still pending. Officials said so, and whether they will meet is not known."
)
QUOTE = "The tentative date for this meeting is set for next Tuesday"


def exercise(kind: str, right: str, prompt: str = "Which?", why: str = "It is so.") -> dict:
    return {
        "key": f"{kind}:r1",
        "kind": kind,
        "prompt": prompt,
        "quote": QUOTE,
        "choices": [{"label": right, "value": "r"}, {"label": "other", "value": "o"}],
        "correct": ["r"],
        "explanation": why,
    }


def found(ex: dict, *texts: str, question: str | None = None, choices: bool = False) -> list:
    return giveaways(ex, [Block(text, question, choices) for text in texts], ARTICLE)


def test_a_hedge_word_is_given_away_highlighted_or_named_not_in_the_articles_words():
    hedge = exercise("hedge_word", "tentative")
    assert found(hedge, f"“{ARTICLE[:60]}”") == []  # the article quoted, unhighlighted
    assert found(hedge, f"The {MARK_OPEN}tentative{MARK_CLOSE} date") != []
    assert found(hedge, "hedge words such as “poised” and “tentative” leave it open") != []
    assert found(hedge, "a tentative reading of the story") == []  # prose, about no record
    assert found(hedge, f"“{QUOTE}” | hedge: tentative") != []  # a row about the record


def test_a_label_of_the_vocabulary_is_given_away_only_about_its_record():
    kind = exercise("source_kind", "unnamed source")
    assert found(kind, "NationPress ← Unnamed officials | unnamed source | 2 claims") == []
    assert found(kind, f"“{QUOTE}” | Unnamed officials | unnamed source") != []


def test_a_day_is_given_away_anywhere_unless_the_prompt_states_it():
    day = exercise("relative_date", "Tuesday, December 16, 2025")
    assert found(day, "So “next Tuesday” is Tuesday, December 16, 2025.") != []
    stated = exercise("relative_date", "Tue 2011-05-17", prompt="Dated Tue 2011-05-17. Which day?")
    assert found(stated, "The article is dated Tue 2011-05-17.") == []
    assert found(stated, f"“{QUOTE}” | Tue 2011-05-17") != []


def test_the_explanation_gives_it_away_and_the_own_question_and_choices_do_not():
    why = "Counted from the dateline, the next Tuesday is four days later."
    day = exercise("relative_date", "Tuesday, December 16, 2025", why=why)
    assert found(day, f"As we saw: {why}") != []
    assert found(day, "Tuesday, December 16, 2025", question="relative_date:r1") == []
    assert found(day, "A Tuesday, December 16, 2025", choices=True) == []
    assert found(day, "Tuesday, December 16, 2025", question="hedge_word:other") != []


def test_a_verdict_is_given_away_in_whichever_form_the_sentence_needs():
    verdict = exercise("takeaway_verdict", "goes further than the text")
    assert found(verdict, f"Two go further than the text. “{QUOTE}” drops a hedge.") != []
    assert found(verdict, "Two of the five go further than the text.") == []  # which, unsaid
    kind = exercise("source_kind", "unnamed source")
    assert found(kind, f"“{QUOTE}” rests on unnamed sources") != []
    assert found(kind, f"“{QUOTE}” rests on an unnamed sourcebook") == []
