"""`explainer fix-offsets` on a copy: quotes follow the edited text, and nothing else changes."""

from __future__ import annotations

import json

from explainer.cli import main
from explainer.draft.csv_files import read_table

ADDED = " (ROK)"  # inserted into the headline, before every quote of the package
HEADLINE = "Will South Korea and the US"


def cells(package) -> dict[str, list[dict[str, str]]]:
    return {path.name: package.rows(path.name) for path in package.folder.glob("*.csv")}


def edit_headline(package) -> None:
    text = package.article_text().replace(HEADLINE, HEADLINE.replace("Korea", "Korea" + ADDED), 1)
    package.path("article.txt").write_text(text, encoding="utf-8")
    (article,) = package.rows("article.csv")
    package.set_cell("article.csv", article["id"], "headline", text.splitlines()[0])


def test_every_quote_found_once_moves_and_the_package_validates_again(package, capsys):
    before = cells(package)
    edit_headline(package)
    assert package.new_problems()  # offsets and the checksum no longer fit
    assert main(["fix-offsets", str(package.folder)]) == 0
    assert package.new_problems() == []
    after = cells(package)
    claims = {row["id"]: row for row in after["claims.csv"]}
    first = {row["id"]: row for row in before["claims.csv"]}["c_poised"]
    assert int(claims["c_poised"]["start"]) == int(first["start"]) + len(ADDED)
    moved = {"start", "end", "sha256", "headline"}
    for file, rows in before.items():
        for old, new in zip(rows, after[file], strict=True):
            assert {k: v for k, v in old.items() if k not in moved} == {
                k: v for k, v in new.items() if k not in moved
            }, file
    assert "re-anchored, 0 left" in capsys.readouterr().out


def test_a_quote_found_twice_or_not_at_all_is_listed_and_left_alone(package, capsys):
    text = package.article_text()
    quote = "as reported by the Yonhap News Agency"
    text = text.replace(quote, quote.replace("Yonhap", "Yonhap (Seoul)"))
    text = "Officials said it. Officials said it.\n" + text
    package.path("article.txt").write_text(text, encoding="utf-8")
    package.append_row(
        "dating.csv",
        {
            "id": "d_twice",
            "quote": "Officials said it.",
            "start": "0",
            "end": "1",
            "context": "",
            "inference": "A repeated sentence.",
        },
    )
    before = {row["id"]: row for row in package.rows("claims.csv")}
    assert main(["fix-offsets", str(package.folder)]) == 1
    out = capsys.readouterr().out
    credit = package.row_number("claims.csv", "c_credit_yonhap")
    twice = package.row_number("dating.csv", "d_twice")
    assert f"claims.csv:{credit}: quote: not found in the text" in out
    assert f"dating.csv:{twice}: quote: found 2 times" in out
    after = {row["id"]: row for row in package.rows("claims.csv")}
    assert after["c_credit_yonhap"] == before["c_credit_yonhap"]
    assert int(after["c_poised"]["start"]) == int(before["c_poised"]["start"]) + 38


def test_a_table_rewritten_unchanged_is_byte_identical(package, tmp_path):
    for path in package.folder.glob("*.csv"):
        assert read_table(package.folder, path.name).encoded() == path.read_bytes(), path.name


def not_changed_line(package) -> str:
    check = f"`python -m explainer validate {package.folder}` lists every problem"
    return f"{package.folder}: cannot re-anchor, so nothing was changed: {check}"


def test_a_crlf_table_with_a_byte_order_mark_keeps_both(package):
    """A table saved by a spreadsheet on Windows is rewritten as it was saved."""
    claims = package.path("claims.csv")
    claims.write_bytes(b"\xef\xbb\xbf" + claims.read_bytes().replace(b"\n", b"\r\n"))
    edit_headline(package)
    assert main(["fix-offsets", str(package.folder)]) == 0
    data = claims.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n")
    assert package.new_problems() == []


def test_a_short_row_is_named_by_file_and_row_and_nothing_changes(package, capsys):
    edit_headline(package)
    columns = len(package.table("dating.csv")[0])
    lines = package.path("dating.csv").read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].split(",")[0]
    package.path("dating.csv").write_text("\n".join(lines), encoding="utf-8")
    before = {path.name: path.read_bytes() for path in package.folder.iterdir()}
    assert main(["fix-offsets", str(package.folder)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"dating.csv:3: -: has 1 cells; the header has {columns}",
        not_changed_line(package),
    ]
    assert {path.name: path.read_bytes() for path in package.folder.iterdir()} == before


def test_a_text_path_outside_the_package_is_refused_in_one_line(package, capsys):
    (article,) = package.rows("article.csv")
    package.set_cell("article.csv", article["id"], "text_path", "../article.txt")
    assert main(["fix-offsets", str(package.folder)]) == 1
    first, last = capsys.readouterr().err.splitlines()
    assert "must stay inside the package folder" in first and last == not_changed_line(package)


def test_a_quote_shortened_in_review_finds_its_offsets(package, capsys):
    """Reviewing a draft, a teacher cuts a claim down to its words and lets the offsets follow."""
    shorter = "poised to initiate a regular consultative meeting as soon as next week"
    package.set_cell("claims.csv", "c_poised", "quote", shorter)
    assert package.new_problems()
    assert main(["fix-offsets", str(package.folder)]) == 0
    assert package.new_problems() == []
    row = package.first("claims.csv", lambda r: r["id"] == "c_poised")
    assert package.article_text()[int(row["start"]) : int(row["end"])] == shorter


def test_a_package_without_an_article_row_or_resource_is_one_line(package, capsys):
    """Said as `file:row: field`, not as the Python error the reading would raise."""
    header, _ = package.table("article.csv")
    package.write("article.csv", header, [])
    assert main(["fix-offsets", str(package.folder)]) == 1
    error = capsys.readouterr().err
    assert error.splitlines() == ["article.csv:2: -: no article row", not_changed_line(package)]
    descriptor = package.path("datapackage.json")
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"] = [r for r in data["resources"] if r["name"] != "article"]
    descriptor.write_text(json.dumps(data), encoding="utf-8")
    assert main(["fix-offsets", str(package.folder)]) == 1
    first, last = capsys.readouterr().err.splitlines()
    assert first == "datapackage.json:1: resources: no article resource"
    assert last == not_changed_line(package)
