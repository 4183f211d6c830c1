"""Fixtures for breaking a copy of the real package in one precise way per test.

Every test starts from a fresh copy of data/, edits it through these helpers, and compares the
problems it gets with the problems the untouched real package already has, so each test sees
exactly what its own edit caused.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.package.load import package_warnings, validate_package
from explainer.package.problems import Problem
from explainer.package.rules import RULES

DATA = Path(__file__).resolve().parents[1] / "data" / "korea-us-consultations"
OLD_FIELD = {"name": "hangul", "type": "string", "description": "Name in Hangul."}
OLD_DESCRIPTION = (
    "Names in Hangul and official titles at the time, from outside the article, with sources."
)


class PackageCopy:
    """A writable copy of the package, with helpers that edit its CSV files as a person would."""

    def __init__(self, folder: Path, baseline: list[Problem]) -> None:
        self.folder = folder
        self.baseline = baseline

    def path(self, file: str) -> Path:
        return self.folder / file

    def table(self, file: str) -> tuple[list[str], list[dict[str, str]]]:
        """The header and the data rows (as dicts) of a CSV file."""
        with self.path(file).open(newline="", encoding="utf-8") as handle:
            header, *records = list(csv.reader(handle))
        return header, [dict(zip(header, record, strict=True)) for record in records]

    def rows(self, file: str) -> list[dict[str, str]]:
        return self.table(file)[1]

    def write(self, file: str, header: list[str], rows: list[dict[str, str]]) -> None:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([row[name] for name in header] for row in rows)
        self.path(file).write_text(out.getvalue(), encoding="utf-8")

    def first(self, file: str, where: Callable[[dict[str, str]], bool] = bool) -> dict[str, str]:
        """The first data row that `where` accepts (a copy: edit through set_cell)."""
        found = [row for row in self.rows(file) if where(row)]
        assert found, f"no row of {file} fits this test; the test needs rethinking"
        return dict(found[0])

    def row_number(self, file: str, value: str, key: str = "id") -> int:
        """The spreadsheet row (header = 1) of the first row whose `key` is `value`."""
        keys = [row[key] for row in self.rows(file)]
        return keys.index(value) + 2

    def set_cell(self, file: str, row_id: str, field: str, value: str, key: str = "id") -> int:
        """Set one cell of the row whose `key` is `row_id`; returns that row's number."""
        header, rows = self.table(file)
        number = self.row_number(file, row_id, key)
        rows[number - 2][field] = value
        self.write(file, header, rows)
        return number

    def remove_column(self, file: str, field: str) -> None:
        header, rows = self.table(file)
        header.remove(field)
        self.write(file, header, rows)

    def add_column(self, file: str, field: str, value: str) -> None:
        header, rows = self.table(file)
        self.write(file, [*header, field], [{**row, field: value} for row in rows])

    def append_row(self, file: str, row: dict[str, str]) -> int:
        """Add a data row at the end; returns its row number."""
        header, rows = self.table(file)
        self.write(file, header, [*rows, row])
        return len(rows) + 2

    def descriptor(self) -> dict:
        return json.loads(self.path("datapackage.json").read_text(encoding="utf-8"))

    def write_descriptor(self, descriptor: dict) -> None:
        self.path("datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")

    def schema_field(self, resource: str, field: str) -> dict:
        (found,) = [r for r in self.descriptor()["resources"] if r["name"] == resource]
        (spec,) = [f for f in found["schema"]["fields"] if f["name"] == field]
        return spec

    def in_the_format_before_native_names(self) -> None:
        """context_actors as it was before `upgrade` converted it: a hangul column in place
        of native_name and native_language, and the description that went with it."""
        header, rows = self.table("context_actors.csv")
        for row in rows:
            row["hangul"] = row.pop("native_name")
            del row["native_language"]
        self.write("context_actors.csv", ["actor", "hangul", "title", "source"], rows)
        descriptor = self.descriptor()
        (resource,) = [r for r in descriptor["resources"] if r["name"] == "context_actors"]
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        fields[names.index("native_name") : names.index("native_language") + 1] = [OLD_FIELD]
        resource["description"] = OLD_DESCRIPTION
        self.path("datapackage.json").write_text(
            json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )

    def article_text(self) -> str:
        return self.path("article.txt").read_bytes().decode("utf-8")

    def new_problems(self) -> list[Problem]:
        """Problems of this copy that the real package does not already have."""
        return [p for p in validate_package(self.folder) if p not in self.baseline]

    def new_warnings(self) -> list[Problem]:
        """Warnings of this copy that the real package does not already have (it has none)."""
        return package_warnings(self.folder)

    def only(self, file: str, row: int, field: str, code: str, *named: str) -> Problem:
        """The one new problem there should be: where it is, the rule it breaks (its code), and
        what its message must name (a value, the offsets it should have)."""
        problems = self.new_problems()
        assert len(problems) == 1, "\n".join(map(str, problems))
        (problem,) = problems
        assert code in RULES, f"{code} is not a rule's code"
        assert (problem.file, problem.row, problem.field, problem.code) == (
            file,
            row,
            field,
            code,
        ), f"{problem} [{problem.code}]"
        for word in named:
            assert word in problem.message, str(problem)
        return problem


@pytest.fixture(scope="session")
def baseline() -> list[Problem]:
    return validate_package(DATA)


@pytest.fixture
def package(tmp_path: Path, baseline: list[Problem]) -> PackageCopy:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    for path in folder.iterdir():  # article.txt is read-only in the repository
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return PackageCopy(folder, baseline)


@pytest.fixture(scope="session")
def real():
    """The real package, loaded once, for tests of the views built from it."""
    from explainer.package.load import load_package

    return load_package(DATA)


@pytest.fixture(scope="session")
def crowded(real):
    """The real package with 60 more events, all led by one actor, on four days or none, each
    with a long label: the crowding a projector-sized timeline must survive."""
    from dataclasses import replace
    from datetime import date

    def day(i: int) -> date | None:
        return None if i % 3 == 0 else date(2025, 12, 10 + i % 4)

    extra = tuple(
        replace(
            real.events[0],
            id=f"e_crowd_{i}",
            label=f"Crowded event number {i} with a long label that must be shortened to fit",
            earliest=day(i),
            latest=day(i),
            precision="unknown" if day(i) is None else "day",
        )
        for i in range(60)
    )
    return replace(real, events=real.events + extra)


@pytest.fixture(scope="session")
def export_packages(tmp_path_factory) -> dict:
    """The packages each export is tested on, by name: both real articles and the small
    made-up one whose optional tables are empty (tests/synthetic.py), as folders to give the
    commands and loaded; and the benchmarks' generated one, far larger and with every status,
    precision and kind of source (benchmarks/synthetic.py, built small), loaded only."""
    import importlib.util
    import sys

    from synthetic import write_synthetic

    from explainer.package.load import load_package

    root = tmp_path_factory.mktemp("export-packages")
    folders = {}
    for real in sorted(p.parent for p in DATA.parent.glob("*/datapackage.json")):
        folders[real.name] = root / real.name
        shutil.copytree(real, folders[real.name])
    folders["synthetic"] = write_synthetic(root / "synthetic")
    for path in root.rglob("*"):  # article.txt is read-only in the repository
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    spec = importlib.util.spec_from_file_location(
        "benchmark_synthetic", DATA.parents[1] / "benchmarks" / "synthetic.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    loaded = {name: load_package(folder) for name, folder in folders.items()}
    generated = module.synthetic_package(events=120, actors=30, claims=120)
    return {"folders": folders, "packages": loaded | {"benchmark-synthetic": generated}}
