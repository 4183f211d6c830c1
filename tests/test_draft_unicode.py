"""Accents written as combining marks are matched, and offsets stay the original text's."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from explainer.cli import main
from explainer.draft import propose
from explainer.draft.layout import read_layout
from explainer.draft.normalised import Normalised, find_in
from explainer.package import validate_package

DECOMPOSED = unicodedata.normalize("NFD", "BOGOTÁ")  # "BOGOTA" and U+0301
FRIDAY = date(2025, 12, 12)


def test_a_decomposed_accent_in_the_dateline_is_matched_and_kept_as_printed():
    text = f"Talks in Colombia\n{DECOMPOSED} (AP) — The envoys met on Monday. Talks go on.\n"
    layout = read_layout(text)
    assert (layout.dateline, layout.agency) == (DECOMPOSED, "AP")
    assert layout.dateline_start == text.index(DECOMPOSED)
    first = layout.sentences[0]
    assert text[first.start : first.end] == first.text == "The envoys met on Monday."


def test_an_accent_in_the_agency_and_a_dated_dateline_keep_their_offsets():
    agency = unicodedata.normalize("NFD", "Agence Fréquence")
    text = f"Talks\nSão Paulo, Dec 12 ({agency}) — Ministers met. They agreed.\n"
    text = text.replace("São", unicodedata.normalize("NFD", "São"))
    layout = read_layout(text)
    assert layout.dateline == unicodedata.normalize("NFD", "São Paulo, Dec 12")
    assert layout.agency == agency
    assert [s.text for s in layout.sentences] == ["Ministers met.", "They agreed."]
    assert all(text[s.start : s.end] == s.text for s in layout.sentences)


def test_given_words_are_found_in_any_encoding_and_stored_as_the_text_writes_them():
    text = f"Talks in Bogotá\n{DECOMPOSED} — The envoys met. Talks go on.\n"
    text = text.replace("Bogotá", unicodedata.normalize("NFD", "Bogotá"))
    proposal = propose(text, FRIDAY, headline="Talks in Bogotá", publisher="AP", dateline="BOGOTÁ")
    (article,) = proposal.tables["article"]
    assert not proposal.headline_added
    assert article["headline"] == unicodedata.normalize("NFD", "Talks in Bogotá")
    assert article["dateline"] == DECOMPOSED
    assert article["headline"] in text and article["dateline"] in text


def test_a_drafted_package_with_decomposed_accents_validates(tmp_path):
    story = tmp_path / "story.txt"
    text = f"Talks in Colombia\n{DECOMPOSED} (AP) — The envoys met José Núñez on Monday.\n"
    story.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    out = tmp_path / "draft"
    assert main(["new", str(story), "--published", "2025-12-12", "--output", str(out)]) == 0
    assert validate_package(out) == []
    assert (out / "article.txt").read_bytes() == story.read_bytes()


@pytest.mark.parametrize(
    ("original", "words", "found"),
    [
        ("plain text", "text", (6, 10)),
        ("cafe\u0301 noir", "café", (0, 5)),  # one character for two
        ("Q\u0308 mark", "Q\u0308", (0, 2)),  # no precomposed form: NFC leaves it as it is
        ("\u1112\u1161\u11ab river", "한", (0, 3)),  # Hangul jamo, all starters, compose
        ("Å \u212b", "\u00c5 \u00c5", (0, 3)),  # the angstrom sign is a singleton of Å
        ("nothing here", "absent", None),
    ],
)
def test_a_span_of_the_nfc_form_maps_back_to_whole_characters_of_the_original(
    original, words, found
):
    view = Normalised.of(original)
    assert view.text == unicodedata.normalize("NFC", original)
    assert view.find(words) == found
    if found:
        assert unicodedata.normalize("NFC", original[found[0] : found[1]]) == (
            unicodedata.normalize("NFC", words)
        )
        assert find_in(original, words) == original[found[0] : found[1]]


def test_a_position_inside_a_composed_character_widens_to_the_whole_character():
    # NFC reorders the marks and composes "e" with the dot below: two characters from three
    view = Normalised.of("e\u0301\u0323 x")
    assert view.text == "\u1eb9\u0301 x"
    assert view.span(0, 1) == view.span(1, 2) == (0, 3)
    assert view.span(2, 4) == (3, 5)
