"""The notebook's tables: escaped HTML, readable text, and never more than MAX_ROWS rows."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from IPython.core.formatters import DisplayFormatter

from explainer import views
from explainer.views import tables
from explainer.views.html import Block, Markup, escape, join, table, tag

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "korea-us-consultations.ipynb"


def every_table(package) -> dict[str, Block]:
    return {
        "sources": tables.sources_table(package),
        "dating": tables.dating_table(package),
        "actors": tables.actors_table(package),
        "context actors": tables.context_actors_table(package),
        "events": tables.events_table(package, package.events),
        "claims": tables.claims_table(package, package.claims),
        "certainty": tables.certainty_table(package.claims),
        "hedges": tables.hedges_table(package),
        "takeaways": tables.takeaways_table(package),
        "context": tables.context_table(package),
    }


def shown(value) -> dict[str, str]:
    """What IPython sends to the notebook for a cell ending in `value`."""
    return DisplayFormatter().format(value)[0]


def test_the_text_of_every_table_is_its_rows_not_its_html(real):
    for name, block in every_table(real).items():
        text = shown(block)["text/plain"]
        assert "<" not in text and "style=" not in text and "&#" not in text, name
        assert shown(block)["text/html"] == str(block.markup), name


def test_a_table_reads_as_a_header_line_then_one_line_per_row(real):
    lines = shown(tables.actors_table(real))["text/plain"].splitlines()
    assert lines[0] == "Side | Actor | Kind | Role as the article gives it"
    park = real.actor("park_il")
    assert any(ln.split(" | ")[1] == park.name for ln in lines[1:])
    assert len(lines) == 1 + len(real.actors)


def test_marked_hedges_and_listed_support_read_as_plain_words(real):
    claim = real.claim("c_tentative_tuesday")
    text = shown(tables.claims_table(real, [claim]))["text/plain"]
    assert f"“{claim.quote}”" in text or claim.quote in text
    takeaways = shown(tables.takeaways_table(real))["text/plain"]
    support = real.takeaway_support[0]
    assert f"{support.strength}: “{real.claim(support.claim).quote}”" in takeaways


def test_the_outside_context_banner_comes_first_in_the_text_too(real):
    text = shown(tables.context_table(real))["text/plain"]
    assert text.splitlines()[0] == tables.OUTSIDE_BANNER


def test_the_stored_notebook_keeps_readable_text_for_every_table():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    outputs = [o for c in notebook["cells"] for o in c.get("outputs", [])]
    texts = ["".join(o["data"]["text/plain"]) for o in outputs if "text/html" in o.get("data", {})]
    assert texts and not [t for t in texts if t.lstrip("'\"").startswith("<")]


def many_facts(real, count: int):
    fact = real.context[0]
    facts = tuple(
        replace(fact, id=f"x_{i}", date=date(2025, 1, 1) + timedelta(days=i)) for i in range(count)
    )
    return replace(real, context=facts)


def test_a_long_table_is_capped_and_says_how_many_rows_it_left_out(real):
    block = tables.context_table(many_facts(real, tables.MAX_ROWS + 150))
    assert block.markup.count("<tr>") == tables.MAX_ROWS + 1  # and the header
    left_out = f"the first {tables.MAX_ROWS} of {tables.MAX_ROWS + 150} rows, 150 left out"
    assert left_out.capitalize() in block.markup and left_out.capitalize() in block.text


def test_a_table_at_the_cap_is_whole_and_says_nothing(real):
    block = tables.context_table(many_facts(real, tables.MAX_ROWS))
    assert block.markup.count("<tr>") == tables.MAX_ROWS + 1
    assert "left out" not in block.text


def test_the_explorer_s_claims_table_keeps_its_own_cap(real):
    view = views.claims(real, real.claims, limit=3)
    assert view.text.startswith(f"The first 3 of {len(real.claims)} claims")


@pytest.mark.parametrize(
    "value", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "a & b", "it's"]
)
def test_data_is_escaped_once_in_cells_attributes_and_captions(value):
    block = table([value], [[value, Markup("<b>kept</b>")]], caption=value)
    assert block.markup.count(str(escape(value))) == 3 and "<b>kept</b>" in block.markup
    assert "<script" not in block.markup and "<img" not in block.markup
    assert block.text.splitlines() == [value, value, f"{value} | kept"]
    attribute = tag("span", value, title=value)
    assert attribute == f'<span title="{escape(value)}">{escape(value)}</span>'
    assert join([value, tag("b", value)]) == f"{escape(value)}<b>{escape(value)}</b>"


def test_a_chart_is_shown_after_its_summary_marked_as_its_caption(real):
    caption, chart = views.timeline(real).outputs()
    summary = chart["data"]["application/vnd.plotly.v1+json"]["layout"]["meta"]["summary"]
    assert caption["data"]["text/plain"] == summary
    assert caption["data"]["text/html"] == f"<p>{escape(summary)}</p>"
    assert caption["metadata"] == {"explainer": {"chart_caption": True}}
    assert chart["data"]["text/plain"].endswith(summary)


def test_hedges_have_a_cue_besides_their_colour(real):
    from explainer.views.annotate import mark_hedges

    marked = mark_hedges("final confirmation is still pending", ["still pending"])
    assert "font-weight:bold" in marked.split("<mark", 1)[1].split(">", 1)[0]
