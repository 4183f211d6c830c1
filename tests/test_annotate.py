from __future__ import annotations

import re
from dataclasses import replace

from explainer.annotate import annotated_article, hedge_spans, mark_hedges


def test_hedges_match_whole_words_only():
    text = "they are not noticeably likely, unlikely"
    assert [text[s:e] for s, e in hedge_spans(text, ["not", "likely"])] == ["not", "likely"]


def test_marked_hedges_escape_the_text_around_them():
    html = mark_hedges("<b>poised</b> & ready", ["poised"])
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; ready" in html
    assert html.count("<mark") == 1


def test_article_view_escapes_html_in_article_and_claims(real):
    claim = real.claims[0]
    text = "<script>alert(1)</script> " + real.article.text
    shifted = replace(claim, start=claim.start + 26, end=claim.end + 26, summary='"><img src=x>')
    html = annotated_article(text, [shifted], chosen=[claim.id])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&quot;&gt;&lt;img src=x&gt;" in html


def test_chosen_claims_stand_out_and_others_are_dimmed(real):
    chosen = real.claims[0]
    html = annotated_article(real.article.text, real.claims, chosen=[chosen.id])
    assert html.count("#0072B2") >= 1
    assert html.count("dotted #999") >= len(real.claims) - 1
    assert html.count("<p>") == real.article.text.count("\n") + 1


def test_every_hedge_of_every_claim_is_highlighted_once(real):
    html = annotated_article(real.article.text, real.claims, chosen=[])
    expected = sum(len(hedge_spans(c.quote, c.hedges)) for c in real.claims)
    assert expected == sum(len(c.hedges) for c in real.claims) > 0
    assert html.count("<mark") == expected


def test_overlapping_claims_keep_the_text_whole(real):
    first = real.claims[0]
    overlapping = replace(first, id="overlap", start=first.start + 5, end=first.end + 20)
    html = annotated_article(real.article.text, [first, overlapping], chosen=["overlap"])
    plain = html
    for tag in ("span", "mark", "p", "div"):
        plain = re.sub(rf"</?{tag}[^>]*>", "", plain)
    assert plain.replace("&#x27;", "'") == real.article.text.replace("\n", "")
