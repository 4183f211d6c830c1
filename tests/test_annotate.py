from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from explainer.views.annotate import (
    CHOSEN_STYLE,
    DIMMED,
    HEDGE_STYLE,
    MUTED_HEDGE_STYLE,
    OTHER_CLAIM_STYLE,
    annotated_article,
    hedge_spans,
    highlight_style,
    mark_hedges,
)
from explainer.views.html import escape, join
from explainer.views.html import tag as html_tag


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
    assert "<img" not in html and "&#34;&gt;&lt;img src=x&gt;" in html


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
    assert plain.replace("&#39;", "'") == real.article.text.replace("\n", "")


def _reference_article(text, claims, chosen):
    """The article view by its definition, piece by piece: slow (pieces x claims), but plain."""
    hedges = [(c.start + s, c.start + e) for c in claims for s, e in hedge_spans(c.quote, c.hedges)]
    cuts = {0, len(text)} | {p for c in claims for p in (c.start, c.end)}
    cuts |= {p for span in hedges for p in span}
    cuts |= {p for i, char in enumerate(text) if char == "\n" for p in (i, i + 1)}
    points = sorted(cuts)
    paragraphs, line = [], []
    for start, end in zip(points, points[1:], strict=False):
        piece = text[start:end]
        if piece == "\n":
            paragraphs.append(html_tag("p", join(line)))
            line = []
            continue
        covering = [(i, c) for i, c in enumerate(claims) if c.start <= start and end <= c.end]
        is_chosen = any(c.id in chosen for _, c in covering)
        if any(s <= start and end <= e for s, e in hedges):
            muted = chosen and not is_chosen  # others are chosen: this hedge gives way
            piece = html_tag("mark", piece, style=MUTED_HEDGE_STYLE if muted else HEDGE_STYLE)
        if covering:
            style = CHOSEN_STYLE if is_chosen else OTHER_CLAIM_STYLE
            title = "; ".join(c.summary for _, c in covering)
            names = " ".join(f"claim-{i}" for i, _ in covering)
            piece = html_tag("span", piece, class_=names, style=style, title=title)
        line.append(escape(piece))
    paragraphs.append(html_tag("p", join(line)))
    style = "line-height:1.6;max-width:48em" + (f";color:{DIMMED}" if chosen else "")
    return html_tag("div", join(paragraphs), style=style)


def _random_claims(real, rng):
    """Claims at random places: nested, overlapping, identical, empty, across lines, unordered."""
    text = real.article.text
    claims = []
    for number in range(rng.randint(0, 9)):
        base = rng.choice(real.claims)
        if rng.random() < 0.5:  # a real claim, or one that starts a little way into it
            start, end = base.start + rng.choice((0, 0, 3, 11)), base.end
        else:
            start = rng.randint(0, len(text))
            end = min(len(text), start + rng.choice((0, 1, 40, 400)))
        claims.append(replace(base, id=f"k{number}", start=start, end=end, quote=text[start:end]))
    if claims and rng.random() < 0.3:
        claims.append(replace(claims[0], id="same_place"))
    rng.shuffle(claims)
    return claims


def test_article_view_agrees_with_the_piece_by_piece_definition(real):
    rng = random.Random(12)
    for _ in range(300):
        claims = _random_claims(real, rng)
        chosen = {c.id for c in claims if rng.random() < 0.4}
        expected = _reference_article(real.article.text, claims, chosen)
        assert annotated_article(real.article.text, claims, chosen) == expected
        assert annotated_article(real.article.text, tuple(claims), chosen) == expected


def test_overlapping_claims_are_named_in_the_order_given(real):
    first, second = real.claims[0], real.claims[1]
    inner = replace(second, id="inner", start=first.start + 5, end=first.start + 9)
    html = annotated_article(real.article.text, (inner, first), chosen=[])
    assert f'title="{escape(inner.summary)}; {escape(first.summary)}"' in html
    assert "inner" not in html  # a tooltip shows the claims' words, never their ids


def test_article_redrawn_for_each_choice_matches_a_fresh_drawing(real):
    for chosen in ([], [real.claims[0].id], [c.id for c in real.claims[::2]], [], ["c_poised"]):
        fresh = _reference_article(real.article.text, list(real.claims), set(chosen))
        assert annotated_article(real.article.text, real.claims, chosen) == fresh


def test_article_of_other_claims_over_the_same_text_is_drawn_afresh(real):
    before = annotated_article(real.article.text, real.claims, chosen=[])
    renamed = tuple(replace(c, summary=f"changed {c.id}") for c in real.claims)
    after = annotated_article(real.article.text, renamed, chosen=[])
    assert "changed c_poised" in after and "changed" not in before


def _spans(markup):
    """(class names, style) of each claim span of an article drawn by annotated_article."""
    found = re.findall(r'<span class="([^"]*)" style="([^"]*)"', markup)
    return [(set(names.split()), style) for names, style in found]


def test_a_highlight_style_picks_the_pieces_a_fresh_drawing_would(real):
    """The explorer draws the article once and then sends only highlight_style: the pieces that
    style reaches must be exactly those annotated_article draws as chosen."""
    rng = random.Random(7)
    for _ in range(100):
        claims = _random_claims(real, rng)
        chosen = {c.id for c in claims if rng.random() < 0.4}
        style = highlight_style("scope", claims, chosen)
        reached = set(re.findall(r"\.(claim-\d+)", style))
        if 'span[class^="claim-"]' in style:  # every claim chosen: one selector for all
            reached = {f"claim-{i}" for i in range(len(claims))}
        plain = _spans(annotated_article(real.article.text, claims, ()))
        drawn = _spans(annotated_article(real.article.text, claims, chosen))
        assert [names for names, _ in plain] == [names for names, _ in drawn]
        for (names, style_attr), (_, drawn_style) in zip(plain, drawn, strict=True):
            assert style_attr == OTHER_CLAIM_STYLE
            assert bool(names & reached) == (drawn_style == CHOSEN_STYLE)


def test_a_highlight_style_reaches_only_its_own_article(real):
    style = highlight_style("explainer-article-2", real.claims, [real.claims[3].id])
    assert style.startswith("<style>") and style.endswith("</style>")
    selectors = re.findall(r"(?:>|})([^{}<]+)\{", style)
    assert selectors and all(s.startswith(".explainer-article-2") for s in selectors)
    assert set(re.findall(r"\.(claim-\d+)", style)) == {"claim-3"}
    assert "border-bottom:3px solid #0072B2 !important" in style  # wins over the dimmed style
    assert highlight_style("explainer-article-2", real.claims, []) == ""
    for scope in ("", "x y", "a{}", "2x", "a,b"):
        with pytest.raises(ValueError, match="CSS class"):
            highlight_style(scope, real.claims, [real.claims[0].id])


def test_once_claims_are_chosen_only_their_hedges_keep_the_full_mark(real):
    """Issue 16: the yellow of every other claim's hedges drew the eye more than the chosen
    claims; they are muted now, and the text around is dimmed."""
    chosen = next(c for c in real.claims if c.hedges)
    html = annotated_article(real.article.text, real.claims, chosen=[chosen.id])
    full = html.count(f'style="{HEDGE_STYLE}"')
    assert full == len(hedge_spans(chosen.quote, chosen.hedges))
    others = sum(len(hedge_spans(c.quote, c.hedges)) for c in real.claims) - full
    assert others > 0 and html.count(f'style="{MUTED_HEDGE_STYLE}"') == others
    assert f"color:{DIMMED}" in html.split(">", 1)[0]
    nothing = annotated_article(real.article.text, real.claims, chosen=[])
    assert MUTED_HEDGE_STYLE not in nothing and DIMMED not in nothing


def test_choosing_every_claim_sends_one_selector_not_one_per_claim(real):
    every = highlight_style("scope", real.claims, [c.id for c in real.claims])
    one_short = highlight_style("scope", real.claims, [c.id for c in real.claims[1:]])
    assert ".claim-" not in every and len(every) < 600
    assert len(re.findall(r"\.claim-\d+", one_short)) == len(real.claims) - 1
