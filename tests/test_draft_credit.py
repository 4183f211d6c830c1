"""The headline and the publisher a teacher has apart from the text (issue 17 §4)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.draft import LayoutError, propose
from explainer.draft.credit import HEADLINE_ADDED
from explainer.package import validate_package

MONDAY = date(2025, 10, 13)
# An invented wire story (not a real one) as a teacher pastes it: no headline, and the agency
# in the dateline's brackets is not the outlet that published it.
WIRE = (
    "BRUSSELS (AP) — European Union leaders could agree on a new plan at their summit next "
    "week, diplomats said on Monday.\n"
    "The talks have gone on for months.\n"
    "“We are close,” said Ursula Brandt.\n"
)
HEADLINE = "EU Leaders Weigh a Deal"


def quotes_stand_at_their_offsets(proposal) -> None:
    text = proposal.text
    for table in ("claims", "dating"):
        for row in proposal.tables[table]:
            assert text[int(row["start"]) : int(row["end"])] == row["quote"]


def test_a_headline_the_text_lacks_becomes_its_first_line_and_every_offset_follows():
    proposal = propose(WIRE, MONDAY, headline=HEADLINE, publisher="The Guardian")
    assert proposal.headline_added
    assert proposal.text == f"{HEADLINE}\n{WIRE}"
    (article,) = proposal.tables["article"]
    assert article["headline"] == HEADLINE
    assert "added as the text's first line" in article["review"]
    assert proposal.tables["claims"][0]["quote"].startswith("European Union leaders")
    quotes_stand_at_their_offsets(proposal)
    (dating,) = proposal.tables["dating"]
    assert dating["quote"] == "BRUSSELS" and int(dating["start"]) == len(HEADLINE) + 1


def test_a_headline_the_text_holds_is_not_added_again():
    text = f"{HEADLINE}\n{WIRE}"
    proposal = propose(text, MONDAY, headline=HEADLINE, publisher="The Guardian")
    assert not proposal.headline_added and proposal.text == text


def test_the_added_line_ends_as_the_texts_lines_end_and_comes_after_a_byte_order_mark():
    crlf = "\ufeff" + WIRE.replace("\n", "\r\n")
    proposal = propose(crlf, MONDAY, headline=HEADLINE, publisher="The Guardian")
    assert proposal.text == f"\ufeff{HEADLINE}\r\n{WIRE.replace(chr(10), chr(13) + chr(10))}"
    quotes_stand_at_their_offsets(proposal)


@pytest.mark.parametrize("headline", ["", "  ", "Two\nlines"])
def test_a_headline_must_be_one_line_of_text(headline):
    with pytest.raises(LayoutError, match="--headline must be one line"):
        propose(WIRE, MONDAY, headline=headline, publisher="The Guardian")


def test_the_publisher_given_publishes_and_the_datelines_agency_is_the_second_link():
    proposal = propose(WIRE, MONDAY, headline=HEADLINE, publisher="The Guardian")
    (article,) = proposal.tables["article"]
    assert (article["publisher"], article["wire_source"]) == ("The Guardian", "AP")
    assert "the publisher (the text does not name it)" in article["review"]
    actors = {a["id"]: a for a in proposal.tables["actors"]}
    assert (actors["the_guardian"]["type"], actors["the_guardian"]["mention"]) == ("media", "")
    assert (actors["ap"]["type"], actors["ap"]["mention"]) == ("media", "AP")
    chains = [c["attribution"].split(";") for c in proposal.tables["claims"]]
    assert all(chain[:2] == ["the_guardian", "ap"] for chain in chains)
    kinds = [c["source_kind"] for c in proposal.tables["claims"]]
    # diplomats said; no source (the agency's own report); Ursula Brandt said
    assert kinds == ["anonymous", "wire_report", "on_record"]
    assert chains[1] == ["the_guardian", "ap"]
    assert proposal.credit.publisher == "The Guardian" and proposal.credit.agency == "AP"


def test_a_publisher_the_text_names_keeps_its_words_and_is_not_also_the_agency():
    text = WIRE + "Reporting by the Brussels bureau; published by The Guardian.\n"
    proposal = propose(text, MONDAY, headline=HEADLINE, publisher="The Guardian")
    publisher = proposal.tables["actors"][0]
    assert (publisher["name"], publisher["mention"]) == ("The Guardian", "The Guardian")
    same = propose(
        WIRE.replace("(AP)", "(REUTERS)"), MONDAY, headline=HEADLINE, publisher="Reuters"
    )
    (article,) = same.tables["article"]
    assert (article["publisher"], article["wire_source"]) == ("Reuters", "")
    assert same.tables["actors"][0]["mention"] == "REUTERS"
    assert {c["attribution"].split(";")[0] for c in same.tables["claims"]} == {"reuters"}


def test_without_a_publisher_given_the_datelines_agency_publishes_it_alone():
    proposal = propose(f"{HEADLINE}\n{WIRE}", MONDAY)
    (article,) = proposal.tables["article"]
    assert (article["publisher"], article["wire_source"]) == ("AP", "")
    voice = proposal.tables["claims"][1]
    assert (voice["attribution"], voice["source_kind"]) == ("ap", "article_voice")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_new_says_what_it_added_and_who_published_and_the_descriptor_says_so_too(tmp_path, capsys):
    story, out = write(tmp_path, WIRE), tmp_path / "draft"
    args = ["new", str(story), "--published", "2025-10-13", "--output", str(out)]
    main([*args, "--headline", HEADLINE, "--publisher", "The Guardian"])
    said = capsys.readouterr().out
    assert "the headline added as its first line" in said
    assert "the text does not name The Guardian" in said
    assert "every claim's attribution starts The Guardian, then AP" in said
    assert (out / "article.txt").read_bytes() == f"{HEADLINE}\n{WIRE}".encode()
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    (article,) = [r for r in descriptor["resources"] if r["name"] == "article"]
    assert article["description"].endswith(HEADLINE_ADDED)
    others = [r["description"] for r in descriptor["resources"] if r["name"] != "article"]
    assert not any(HEADLINE_ADDED in d for d in others)


def test_a_draft_whose_text_carries_its_headline_says_nothing_of_one_added(tmp_path, capsys):
    story, out = write(tmp_path, f"{HEADLINE}\n{WIRE}"), tmp_path / "draft"
    args = ["new", str(story), "--published", "2025-10-13", "--output", str(out)]
    assert main([*args, "--headline", HEADLINE]) == 0
    said = capsys.readouterr().out
    assert "added" not in said and "AP published it" not in said
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert not any(HEADLINE_ADDED in r["description"] for r in descriptor["resources"])


def test_a_draft_crediting_a_publisher_the_text_does_not_name_validates(tmp_path):
    story, out = write(tmp_path, WIRE), tmp_path / "draft"
    args = ["new", str(story), "--published", "2025-10-13", "--output", str(out)]
    main([*args, "--headline", HEADLINE, "--publisher", "The Guardian"])
    assert validate_package(out) == []
