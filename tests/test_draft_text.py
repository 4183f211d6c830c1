"""Reading an article's text for a draft: its parts and sentences, hedges, and sources."""

from __future__ import annotations

import pytest

from explainer.draft import layout
from explainer.draft.layout import LayoutError, read_layout
from explainer.language import countries, hedges, sources

ARTICLE = (
    "Leaders Weigh a Deal\n"
    "By Jane Roe\n"
    "Key points\n"
    "BRUSSELS (AP) — The leaders may meet on Monday. Theresa May said it was done.\n"
    "“We will not sign,” said Olaf Brandt. Diplomats said talks were close.\n"
)


def test_headline_byline_heading_and_dateline_never_join_a_sentence():
    layout = read_layout(ARTICLE)
    assert layout.headline == "Leaders Weigh a Deal"
    assert (layout.dateline, layout.agency) == ("BRUSSELS", "AP")
    texts = [s.text for s in layout.sentences]
    assert texts == [
        "The leaders may meet on Monday.",
        "Theresa May said it was done.",
        "“We will not sign,” said Olaf Brandt.",
        "Diplomats said talks were close.",
    ]
    assert all(ARTICLE[s.start : s.end] == s.text for s in layout.sentences)


def test_a_dated_dateline_with_its_agency_in_brackets():
    layout = read_layout("Talks\nSeoul, Dec 12 (NationPress) Talks begin. They end.\n")
    assert (layout.dateline, layout.agency) == ("Seoul, Dec 12", "NationPress")
    assert [s.text for s in layout.sentences] == ["Talks begin.", "They end."]


def test_given_headline_or_dateline_must_be_in_the_text():
    with pytest.raises(LayoutError, match="--headline"):
        read_layout(ARTICLE, headline="Not There")
    with pytest.raises(LayoutError, match="--dateline"):
        read_layout(ARTICLE, dateline="PARIS")


def test_hedges_are_whole_words_and_case_aware():
    found = hedges.find("Theresa May said we may meet, possibly not in Mayfair.")
    assert [(h.text, h.certainty) for h in found] == [
        ("may", "possible"),
        ("possibly", "possible"),
        ("not", "negated"),
    ]
    assert [h.text for h in hedges.find("May I ask? May 5 is set.")] == ["May"]
    assert [h.text for h in hedges.find("They didn’t agree.")] == ["didn’t"]


def test_timing_open_questions_and_suspicion_are_hedges_but_not_inside_names():
    found = hedges.find(
        "They will soon decide whether to go; aides suspect a delay, as soon as May 5."
    )
    assert [(h.text, h.certainty) for h in found] == [
        ("soon", "possible"),
        ("whether", "possible"),
        ("suspect", "probable"),
        ("as soon as", "probable"),
    ]
    assert hedges.find("Lee Soon-ja met the press.") == []


def test_would_of_reported_speech_is_not_a_hedge_but_would_alone_is():
    assert hedges.find("The minister said the envoys would meet in Oslo.") == []
    assert [h.text for h in hedges.find("A deal would end the dispute.")] == ["would"]


def test_agreement_in_outline_and_negating_predicates_are_cues():
    found = hedges.find("They agreed in principle but failed to sign, and will talk shortly.")
    assert [(h.text, h.certainty) for h in found] == [
        ("in principle", "probable"),
        ("failed to", "negated"),
        ("shortly", "possible"),
    ]
    assert hedges.find("It came after a failed vote.") == []  # "failed" as an adjective


@pytest.mark.parametrize(
    ("cues", "certainty"),
    [((), "certain"), (("likely",), "probable"), (("likely", "may"), "possible")],
)
def test_certainty_is_the_strongest_cue(cues, certainty):
    sentence = " and ".join(cues) or "plain"
    assert hedges.certainty(hedges.find(sentence)) == certainty
    assert hedges.certainty(hedges.find(f"{sentence} not")) == "negated"


def test_every_cue_of_the_lexicon_names_its_source_and_a_certainty():
    lexicon = hedges.lexicon()
    assert len(lexicon) > 40
    assert all(c.source and c.certainty in (*hedges.ORDER, hedges.NOT_A_CUE) for c in lexicon)


def test_a_phrase_that_holds_a_cue_in_another_sense_is_no_hedge():
    found = hedges.find("Once again, officials not only met but may sign once established.")
    assert [h.text for h in found] == ["may", "once"]


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "role"),
    [
        (
            "Talks begin, according to diplomatic sources on Friday.",
            "Unnamed diplomatic sources",
            "anonymous_source",
            "",
        ),
        ("It is on, as reported by the Yonhap News Agency.", "Yonhap News Agency", "media", ""),
        ("“We will go,” stated Park.", "Park", "person", ""),
        (
            "US President Donald Trump has indicated a wish.",
            "Donald Trump",
            "person",
            "US President",
        ),
        (
            "People familiar with the talks said it was near.",
            "Unnamed people familiar with the talks",
            "anonymous_source",
            "",
        ),
        (
            "However, officials have clarified that it is off.",
            "Unnamed officials",
            "anonymous_source",
            "",
        ),
        ("The Foreign Ministry said it.", "Foreign Ministry", "government_body", ""),
        (
            "Spokesperson Park Il spoke briefly, noting that talks go on.",
            "Park Il",
            "person",
            "Spokesperson",
        ),
        ("Both sides are reported to agree.", "Reports, no source named", "anonymous_source", ""),
        (
            "Some officials in South Korea suspect a delay.",
            "Unnamed officials in South Korea",
            "anonymous_source",
            "",
        ),
        # Unnamed sources named by their relation to the story, or by why they are unnamed.
        (
            "Sources close to the negotiations said a deal was near.",
            "Unnamed sources close to the negotiations",
            "anonymous_source",
            "",
        ),
        (
            "An official who asked not to be named said talks would resume.",
            "Unnamed official who asked not to be named",
            "anonymous_source",
            "",
        ),
        (
            "Talks will resume, said an official who spoke on condition of anonymity.",
            "Unnamed official who spoke on condition of anonymity",
            "anonymous_source",
            "",
        ),
        ("Experts say the pact is fragile.", "Unnamed experts", "anonymous_source", ""),
        (
            "A spokesperson for the Dalai Lama said the talks were useful.",
            "Unnamed spokesperson for the Dalai Lama",
            "anonymous_source",
            "",
        ),
        (
            "Unions representing 45,000 workers say the strike is over.",
            "Unnamed unions representing 45,000 workers",
            "anonymous_source",
            "",
        ),
        (
            "A union leader says talks could take months.",
            "Unnamed union leader",
            "anonymous_source",
            "",
        ),
        # Documents: the issuer when the words name one, else an unnamed source.
        (
            "A statement from the Foreign Ministry said talks would resume.",
            "Foreign Ministry",
            "government_body",
            "",
        ),
        ("The report said talks would resume.", "Unnamed report", "anonymous_source", ""),
    ],
)
def test_reporting_patterns_name_the_source(sentence, name, kind, role):
    source = sources.find(sentence)
    assert (source.name, source.type, source.role) == (name, kind, role)
    assert source.mention in sentence


def test_a_pronoun_is_never_a_source_and_keeps_the_speaker_before_it():
    first, second, third = sources.attribute(
        [
            "An official who asked not to be named said talks would resume.",
            "He said so twice.",
            "The meeting aims to improve coordination.",
        ]
    )
    assert first.name == "Unnamed official who asked not to be named"
    assert second == first and third is None
    assert sources.find("He said talks would resume.") is None
    assert sources.attribute(["He said talks would resume."]) == [None]


def test_a_sentence_without_a_reporting_pattern_is_the_articles_own_voice():
    assert sources.find("The meeting aims to improve coordination.") is None


def test_countries_are_found_by_the_names_news_writing_uses():
    found = countries.find("South Korea and the US met North Korea's envoy in Britain.")
    assert [(c.code, c.name, c.mention) for c in found] == [
        ("KR", "South Korea", "South Korea"),
        ("US", "United States", "US"),
        ("KP", "North Korea", "North Korea"),
        ("GB", "Britain", "Britain"),
    ]


def test_a_country_before_a_title_or_inside_an_adjective_is_not_the_country():
    assert countries.find("US President Jane Roe met South Korean envoys in Korea.") == []
    assert [c.code for c in countries.find("US President", in_title=True)] == ["US"]


def test_the_dateline_is_placed_where_it_stands_not_where_its_words_first_appear():
    text = "Talks in BRUSSELS\nBRUSSELS (AP) — Talks began.\n"
    layout = read_layout(text)
    assert layout.dateline == "BRUSSELS"
    assert layout.dateline_start == text.index("BRUSSELS (AP)")


def test_a_long_paragraph_cut_into_pieces_gives_the_same_sentences(monkeypatch):
    sentence = "The envoy met Mr. Smith of the U.S. delegation at 10 a.m. on the quay. "
    line = (sentence * 120).strip()
    pieces = list(layout._pieces(line))
    assert len(pieces) > 1 and "".join(p for _, p in pieces) == line
    cut = [(s.start, s.end) for s in layout._sentences(line)]
    monkeypatch.setattr(layout, "PIECE", len(line) + 1)
    assert cut == [(s.start, s.end) for s in layout._sentences(line)]


def test_a_lead_describing_one_speaker_takes_the_name_the_next_sentence_gives():
    lead = "A senior U.S. diplomat says talks will resume."
    named = "Jane Roe, the U.S. special envoy, made the comments in Seoul."
    first, second = sources.attribute([lead, named])
    assert (first.name, first.type, second) == ("Jane Roe", "person", None)
    assert sources.attribute([lead, "Jane Roe met him."])[0].type == "anonymous_source"
    plural = sources.attribute(["Senior diplomats say talks will resume.", named])[0]
    assert plural.name == "Unnamed senior diplomats"


@pytest.mark.parametrize("verb", ["reported", "said", "understood", "believed"])
def test_every_passive_report_names_its_words(verb):
    """ "are believed to" was a passive report whose words were not found (an AttributeError)."""
    source = sources.find(f"Both sides are {verb} to agree.")
    assert (source.name, source.mention) == ("Reports, no source named", f"are {verb}")
