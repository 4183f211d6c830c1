"""Each CSV file on its own: files, columns, cell types, constraints and keys."""

from __future__ import annotations

import pytest

from explainer.package.load import validate_package


def test_the_real_package_is_valid(package):
    assert [str(p) for p in validate_package(package.folder)] == []


def test_missing_column(package):
    package.remove_column("claims.csv", "summary")
    package.only("claims.csv", 1, "summary", "missing-label")


def test_extra_column(package):
    package.add_column("events.csv", "notes", "anything")
    package.only("events.csv", 1, "notes", "extra-label", '"notes"')


def test_columns_out_of_order(package):
    header, rows = package.table("groups.csv")
    package.write("groups.csv", header[::-1], rows)
    package.only("groups.csv", 1, "-", "label-order", ", ".join(header))


def test_wrong_integer(package):
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "start", "12a")
    package.only("claims.csv", row, "start", "type-error", '"12a"')


@pytest.mark.parametrize("bad", ["2025-13-40", "12/16/2025", "2025-02-30", "2025-1-5"])
def test_malformed_date(package, bad):
    event = package.first("events.csv")
    row = package.set_cell("events.csv", event["id"], "earliest", bad)
    package.only("events.csv", row, "earliest", "type-error", f'"{bad}"')


def test_enum_value_not_allowed(package):
    allowed = package.schema_field("events", "status")["constraints"]["enum"]
    event = package.first("events.csv")
    row = package.set_cell("events.csv", event["id"], "status", "maybe")
    package.only("events.csv", row, "status", "enum", '"maybe"', *allowed)


def test_required_value_empty(package):
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "summary", "")
    package.only("claims.csv", row, "summary", "required")


def test_required_list_empty(package):
    event = package.first("events.csv")
    row = package.set_cell("events.csv", event["id"], "actors", "")
    package.only("events.csv", row, "actors", "required")


def test_pattern_mismatch(package):
    actor = package.first("actors.csv", lambda a: a["country"])
    row = package.set_cell("actors.csv", actor["id"], "country", "Korea")
    package.only("actors.csv", row, "country", "pattern", '"Korea"')


def test_empty_list_item(package):
    claim = package.first("claims.csv")
    row = package.set_cell("claims.csv", claim["id"], "about", claim["about"] + ";")
    package.only("claims.csv", row, "about", "type-error")


def test_dangling_reference(package):
    actor = package.first("actors.csv")
    row = package.set_cell("actors.csv", actor["id"], "group", "no_such_group")
    package.only("actors.csv", row, "group", "foreign-key", '"no_such_group"')


def test_each_list_item_must_resolve(package):
    claim = package.first("claims.csv")
    about = f"ghost_one;{claim['about']};ghost_two"
    row = package.set_cell("claims.csv", claim["id"], "about", about)
    problems = package.new_problems()
    assert [(p.file, p.row, p.field) for p in problems] == [("claims.csv", row, "about")] * 2
    assert '"ghost_one"' in problems[0].message and '"ghost_two"' in problems[1].message
    assert all(p.code == "foreign-key" and "actors.csv" in p.message for p in problems)


def test_duplicate_id(package):
    event = package.first("events.csv")
    first_row = package.row_number("events.csv", event["id"])
    row = package.append_row("events.csv", event)
    package.only("events.csv", row, "id", "primary-key", f'"{event["id"]}"', f"row {first_row}")


def test_duplicate_composite_primary_key(package):
    support = package.first("takeaway_support.csv")
    row = package.append_row("takeaway_support.csv", support)
    package.only("takeaway_support.csv", row, "takeaway,claim", "primary-key", "row 2")


def test_duplicate_unique_value(package):
    first, second = package.rows("groups.csv")[:2]
    row = package.set_cell("groups.csv", second["id"], "order", first["order"])
    first_row = package.row_number("groups.csv", first["id"])
    package.only("groups.csv", row, "order", "unique", f'"{first["order"]}"', f"row {first_row}")


def test_row_with_wrong_number_of_cells(package):
    header, rows = package.table("events.csv")
    with package.path("events.csv").open("a", encoding="utf-8") as handle:
        handle.write("e_short,Too short\n")
    package.only("events.csv", len(rows) + 2, "-", "cell-count", "2 cells", f"{len(header)}")


def test_a_broken_row_does_not_make_its_id_dangle(package):
    # The actor's row cannot be read, but events and claims that name it are not reported.
    header, rows = package.table("actors.csv")
    actor = rows[0]
    text = package.path("actors.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    assert lines[1].startswith(actor["id"] + ",")
    lines[1] = lines[1].rstrip("\n") + ",extra\n"
    package.path("actors.csv").write_text("".join(lines), encoding="utf-8")
    package.only("actors.csv", 2, "-", "cell-count", f"{len(header) + 1} cells")


def test_empty_file(package):
    package.path("groups.csv").write_text("", encoding="utf-8")
    # actors.group points into groups.csv, but only the empty file itself is reported.
    package.only("groups.csv", 1, "-", "csv-syntax")


def test_invalid_utf8_names_the_row(package):
    claims = package.rows("claims.csv")
    last = claims[-1]
    row = package.set_cell("claims.csv", last["id"], "summary", "caf@@BAD@@")
    data = package.path("claims.csv").read_bytes()
    package.path("claims.csv").write_bytes(data.replace(b"@@BAD@@", b"\xe9"))
    assert row == len(claims) + 1
    package.only("claims.csv", row, "-", "file-encoding", "UTF-8")


def test_missing_file(package):
    package.path("actors.csv").unlink()
    # Many fields refer to actors; none of them is reported as dangling.
    package.only("actors.csv", 1, "-", "file-missing")


def test_several_problems_are_all_reported(package):
    claim = package.first("claims.csv")
    event = package.first("events.csv")
    claim_row = package.set_cell("claims.csv", claim["id"], "start", "x")
    event_row = package.set_cell("events.csv", event["id"], "status", "maybe")
    package.remove_column("takeaways.csv", "explanation")
    package.path("context_actors.csv").unlink()
    found = {(p.file, p.row, p.field) for p in package.new_problems()}
    assert found == {
        ("claims.csv", claim_row, "start"),
        ("events.csv", event_row, "status"),
        ("takeaways.csv", 1, "explanation"),
        ("context_actors.csv", 1, "-"),
    }
