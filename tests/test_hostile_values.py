"""Any value in any cell gives problems of one line each, or a package every view can show.

A hostile tester's values, put one at a time in each cell of a first data row: the checks must
never raise, and a package they accept must draw without error.
"""

from __future__ import annotations

import pytest

from explainer import views
from explainer.package import load_package
from explainer.views import tables
from explainer.views.explorer import Explorer

VALUES = {
    "NUL": "\x00",
    "forged line": "x\nclaims.csv:99: id: fake problem",
    "5,000 digits": "1" * 5000,
    "first day of the calendar": "0001-01-01",
    "markup": "<svg/onload=alert(1)>",
}


def show(folder) -> None:
    """Everything the notebook shows of a package, built once."""
    package = load_package(folder)
    for view in (views.timeline, views.certainty, views.claims, views.events, views.article):
        view(package)
    for table in (tables.sources_table, tables.actors_table, tables.takeaways_table):
        table(package)
    tables.context_table(package)
    explorer = Explorer(package)
    explorer.choose(explorer.picks["All actors"])


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_a_hostile_value_in_every_cell(package, value):
    files = sorted(p.name for p in package.folder.glob("*.csv"))
    for file in files:
        header, rows = package.table(file)
        for field in header:
            package.write(file, header, [{**rows[0], field: value}, *rows[1:]])
            problems = package.new_problems()
            assert all(len(str(p).splitlines()) == 1 for p in problems), (file, field)
            if not problems:
                show(package.folder)
        package.write(file, header, rows)
