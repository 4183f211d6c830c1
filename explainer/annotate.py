"""The article text as HTML, with claims underlined and hedge words highlighted.

Claims may overlap, so the text is cut at every claim boundary and each piece knows which claims
cover it. Pieces covered by a claim about the chosen actors stand out; the rest are dimmed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .html import Markup, escape, join, tag
from .model import Claim

HEDGE_STYLE = "background:#F0E442;color:#000;padding:0 2px;border-radius:2px"
CHOSEN_STYLE = "border-bottom:2px solid #0072B2;background:#e8f1f8"
OTHER_CLAIM_STYLE = "border-bottom:1px dotted #999;color:#666"


def hedge_spans(text: str, hedges: Iterable[str]) -> list[tuple[int, int]]:
    """Where each hedge occurs in text as a whole word or phrase, sorted, overlaps merged."""
    spans = sorted(
        m.span() for hedge in hedges for m in re.finditer(rf"(?<!\w){re.escape(hedge)}(?!\w)", text)
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_hedges(text: str, hedges: Iterable[str]) -> Markup:
    """Text escaped, with each hedge wrapped in <mark>."""
    parts: list[object] = []
    position = 0
    for start, end in hedge_spans(text, hedges):
        parts += [text[position:start], tag("mark", text[start:end], style=HEDGE_STYLE)]
        position = end
    parts.append(text[position:])
    return join(parts)


def _hedges_in_text(claims: list[Claim]) -> list[tuple[int, int]]:
    """Hedge spans in article coordinates: each claim's hedges, found inside its own quote."""
    return [
        (claim.start + start, claim.start + end)
        for claim in claims
        for start, end in hedge_spans(claim.quote, claim.hedges)
    ]


def annotated_article(text: str, claims: Iterable[Claim], chosen: Iterable[str]) -> Markup:
    """The whole article, one <p> per line; claims whose ids are in `chosen` stand out."""
    claims = list(claims)
    chosen = set(chosen)
    hedges = _hedges_in_text(claims)
    cuts = {0, len(text)}
    cuts.update(p for c in claims for p in (c.start, c.end))
    cuts.update(p for span in hedges for p in span)
    cuts.update(p for i, char in enumerate(text) if char == "\n" for p in (i, i + 1))
    points = sorted(cuts)
    paragraphs: list[Markup] = []
    line: list[Markup] = []
    for start, end in zip(points, points[1:], strict=False):
        piece = text[start:end]
        if piece == "\n":
            paragraphs.append(tag("p", join(line)))
            line = []
            continue
        if any(s <= start and end <= e for s, e in hedges):
            piece = tag("mark", piece, style=HEDGE_STYLE)
        covering = [c for c in claims if c.start <= start and end <= c.end]
        if covering:
            style = CHOSEN_STYLE if any(c.id in chosen for c in covering) else OTHER_CLAIM_STYLE
            title = "; ".join(f"{c.id}: {c.summary}" for c in covering)
            piece = tag("span", piece, style=style, title=title)
        line.append(escape(piece))
    paragraphs.append(tag("p", join(line)))
    return tag("div", join(paragraphs), style="line-height:1.6;max-width:48em")
