"""The draft benchmark's scoring (benchmarks/draft_scoring.py, draft_gold.py, time_anchors.py):
TempEval-3 span matching on small hand cases, the anchors' answers as intervals, the gold read."""

from __future__ import annotations

import csv
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import draft_gold  # noqa: E402
import draft_quality  # noqa: E402
import time_anchors as anchors  # noqa: E402
from draft_scoring import Scores, Share, Span, best_match, score  # noqa: E402

D = date
FLAGSHIP = ROOT / "data" / "korea-us-consultations"

# "They meet next Tuesday morning in Seoul, and again on Friday."
#            ^8                  ^28              ^46      ^55^61
NEXT_TUESDAY_MORNING = Span(9, 29)
NEXT_TUESDAY = Span(9, 21)
MORNING = Span(22, 29)
FRIDAY = Span(55, 61)


def test_a_strict_match_is_the_same_extent_and_a_relaxed_one_any_overlap():
    gold = [NEXT_TUESDAY_MORNING, FRIDAY]
    system = [NEXT_TUESDAY, FRIDAY, Span(40, 45)]
    strict, relaxed = score(gold, system, strict=True), score(gold, system, strict=False)
    assert (strict.precision, strict.recall) == (Share(1, 3), Share(1, 2))
    assert (relaxed.precision, relaxed.recall) == (Share(2, 3), Share(2, 2))
    assert relaxed.f1 == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))


def test_two_system_spans_inside_one_gold_span_both_count_as_relaxed_matches():
    relaxed = score([NEXT_TUESDAY_MORNING], [NEXT_TUESDAY, MORNING], strict=False)
    assert (relaxed.precision, relaxed.recall) == (Share(2, 2), Share(1, 1))
    assert score([NEXT_TUESDAY_MORNING], [NEXT_TUESDAY, MORNING], strict=True).recall == Share(0, 1)


def test_spans_that_only_touch_do_not_overlap():
    assert score([Span(0, 5)], [Span(5, 9)], strict=False).recall == Share(0, 1)


def test_nothing_to_count_is_no_share_rather_than_a_perfect_one():
    empty = score([], [], strict=False)
    assert empty.precision.value is None and empty.recall.value is None and empty.f1 is None
    assert str(Share()).startswith("    —")
    assert score([FRIDAY], [], strict=False) == Scores(Share(0, 0), Share(0, 1))


def test_counts_add_up_over_stories_before_a_share_is_taken():
    pooled = Share(1, 1) + Share(0, 3)
    assert pooled == Share(1, 4) and pooled.value == 0.25  # not the mean of 100 % and 0 %
    assert str(pooled) == " 25.0 % (1/4)"


def test_an_attribute_is_scored_on_the_span_that_overlaps_most_then_the_closest_extent():
    assert best_match(NEXT_TUESDAY_MORNING, [MORNING, NEXT_TUESDAY]) == 1
    since = Span(0, 15)  # "since the 1990s"
    the_1990s = Span(6, 15)
    assert best_match(the_1990s, [since, the_1990s]) == 1
    assert best_match(since, [the_1990s, since]) == 1
    assert best_match(FRIDAY, [NEXT_TUESDAY]) is None


@pytest.mark.parametrize(
    ("day", "unit", "earliest", "latest"),
    [
        (D(2025, 12, 17), "day", D(2025, 12, 17), D(2025, 12, 17)),
        (D(2025, 12, 17), "week", D(2025, 12, 15), D(2025, 12, 21)),  # a Wednesday
        (D(2024, 2, 10), "month", D(2024, 2, 1), D(2024, 2, 29)),
        (D(2025, 12, 17), "year", D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_an_answer_becomes_the_day_week_month_or_year_that_holds_it(day, unit, earliest, latest):
    assert anchors.around(day, unit) == anchors.Interval(earliest, latest)


def test_dateparsers_period_is_the_granularity_of_its_answer():
    day = D(2025, 12, 19)
    assert anchors.from_dateparser(day, "week") == anchors.Interval(
        D(2025, 12, 15), D(2025, 12, 21)
    )
    assert anchors.from_dateparser(day, "time") == anchors.Interval(day, day)
    assert anchors.from_dateparser(None, "day") == anchors.NO_DATE


def test_ctparses_unset_fields_are_completed_from_the_publication_date():
    published = D(2025, 12, 12)
    november = anchors.from_ctparse_time((None, 11, None), published)
    assert november == anchors.Interval(D(2025, 11, 1), D(2025, 11, 30))
    assert anchors.from_ctparse_time((2026, 12, 9), published) == anchors.Interval(
        D(2026, 12, 9), D(2026, 12, 9)
    )
    assert anchors.from_ctparse_time((1990, None, None), published).latest == D(1990, 12, 31)
    assert anchors.from_ctparse_time((None, None, None), published) == anchors.NO_DATE


def test_a_ctparse_interval_runs_from_its_starts_first_day_to_its_ends_last_and_may_be_open():
    published = D(2025, 12, 12)
    span = anchors.from_ctparse_interval((2025, 11, None), (2026, 1, None), published)
    assert span == anchors.Interval(D(2025, 11, 1), D(2026, 1, 31))
    assert anchors.from_ctparse_interval((2025, 12, 15), None, published) == anchors.Interval(
        D(2025, 12, 15), None
    )


@pytest.mark.parametrize(
    ("accuracy", "interval"),
    [
        (8 | 2 | 1, (D(2025, 12, 19), D(2025, 12, 19))),  # day, month and year known
        (32, (D(2025, 12, 19), D(2025, 12, 19))),  # an hour: that day
        (4, (D(2025, 12, 15), D(2025, 12, 21))),  # a week
        (2, (D(2025, 12, 1), D(2025, 12, 31))),
        (1, (D(2025, 1, 1), D(2025, 12, 31))),
        (0, (None, None)),
    ],
)
def test_parsedatetimes_accuracy_flags_are_the_granularity_of_its_answer(accuracy, interval):
    assert anchors.from_parsedatetime(D(2025, 12, 19), accuracy) == anchors.Interval(*interval)


def test_without_gold_files_the_gold_comes_from_the_packages_own_tables():
    gold = draft_gold.read(FLAGSHIP)
    text = gold.package.article.text
    by_words = {text[t.span.start : t.span.end]: t for t in gold.timexes}
    tuesday = by_words["next Tuesday"]
    assert tuesday.interval == (D(2025, 12, 16), D(2025, 12, 16))
    assert by_words["for months"].interval == (None, None) and not by_words["for months"].closed
    cues = {text[c.span.start : c.span.end]: c.negation for c in gold.cues}
    assert cues["tentative"] is False and cues["not"] is True
    assert gold.unnamed is None and gold.claim_sentences is None


def write_gold(folder: Path, name: str, rows: list[dict[str, str]]) -> None:
    (folder / "gold").mkdir(exist_ok=True)
    with (folder / "gold" / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def span_of(text: str, words: str) -> dict[str, str]:
    start = text.index(words)
    return {"start": str(start), "end": str(start + len(words))}


def test_a_corpus_storys_gold_files_are_read_and_its_publication_date_left_out(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(FLAGSHIP, story)
    text = (story / "article.txt").read_text(encoding="utf-8")
    timex = {"type": "DATE", "value": "", "mod": "", "signal": "", "anchor": "", "event": ""}
    write_gold(
        story,
        "timex",
        [
            {"text": "Dec 12", **span_of(text, "Dec 12"), **timex, "earliest": "2025-12-12",
             "latest": "2025-12-12", "function": "publication"},
            {"text": "next Tuesday", **span_of(text, "next Tuesday"), **timex,
             "earliest": "2025-12-16", "latest": "2025-12-16", "function": ""},
            {"text": "as soon as next week", **span_of(text, "as soon as next week"), **timex,
             "earliest": "2025-12-15", "latest": "", "function": ""},
        ],
    )  # fmt: skip
    write_gold(
        story, "hedges", [{"cue": "not", **span_of(text, "not contemplating"), "kind": "negated"}]
    )
    write_gold(
        story,
        "sources",
        [
            {
                "text": "diplomatic sources",
                **span_of(text, "diplomatic sources"),
                "kind": "unnamed",
            },
            {"text": "Park Il", **span_of(text, "Park Il"), "kind": "named_person"},
        ],
    )
    lead = "This step is part of the allies' ongoing exploration of avenues to re-engage Pyongyang."
    write_gold(
        story,
        "sentences",
        [
            {"role": "headline", **span_of(text, "Synopsis")},
            {"role": "claim", **span_of(text, lead)},
        ],
    )
    gold = draft_gold.read(story)
    assert gold.left_out == 1
    assert [t.text for t in gold.timexes] == ["next Tuesday", "as soon as next week"]
    assert gold.timexes[1].interval == (D(2025, 12, 15), None)
    assert [c.negation for c in gold.cues] == [True]
    sources = text.index("diplomatic sources")
    assert gold.unnamed == (Span(sources, sources + len("diplomatic sources")),)
    assert gold.claim_sentences == (Span(text.index(lead), text.index(lead) + len(lead)),)


def test_the_drafts_spans_are_where_its_proposed_words_stand():
    package = draft_gold.read(FLAGSHIP).package
    draft = draft_quality.make_draft(package)
    text = draft.proposal.text
    proposed = [e["date_text"] for e in draft.proposal.tables["events"]]
    assert [text[s.start : s.end] for s, _, _ in draft.timexes] == proposed
    cue_words = [h for c in draft.proposal.tables["claims"] for h in c["hedges"].split(";") if h]
    assert sorted({text[s.start : s.end] for s, _ in draft.cues}) == sorted(set(cue_words))
    unnamed = {
        a["mention"] for a in draft.proposal.tables["actors"] if a["type"] == "anonymous_source"
    }
    assert {text[s.start : s.end] for s in draft.unnamed} <= unnamed


def test_a_draft_that_takes_in_the_signal_must_have_the_interval_the_signal_shapes():
    text = "They may meet as soon as next week, officials said."
    gold = draft_gold.Timex(
        Span(text.index("next week"), text.index(",")),
        "next week",
        D(2025, 12, 15),
        D(2025, 12, 21),
        signal="as soon as",
        event=(D(2025, 12, 15), None),
    )
    with_signal = Span(text.index("as soon"), text.index(","))
    assert draft_quality.expected(gold, with_signal, text) == (D(2025, 12, 15), None)
    assert draft_quality.expected(gold, gold.span, text) == (D(2025, 12, 15), D(2025, 12, 21))
    unlinked = draft_gold.Timex(gold.span, "next week", D(2025, 12, 15), D(2025, 12, 21), "on")
    assert draft_quality.expected(unlinked, with_signal, text) == unlinked.interval
