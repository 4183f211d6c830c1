"""The article text as HTML, with claims underlined and hedge words highlighted.

Claims may overlap, so the text is cut at every claim boundary and each piece knows which claims
cover it. Once some claims are chosen (the actor filter's), they are the most visible thing on
the page: black text on blue with a thick underline, their hedges in bold yellow; everything
else is dimmed, and the hedges of the other claims muted to a pale mark, so that their yellow
no longer draws the eye away from the chosen claims (issue 16). With nothing chosen, every
hedge is marked in full.

Each claim's pieces also carry the class `claim-<n>`, n its place in the claims given, so that a
page can make other claims stand out with a small style sheet (`highlight_style`) instead of
receiving the whole article again: the actor filter does that on every click.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..package.model import Claim
from .html import Markup, escape, join, tag
from .memo import by_identity

# Bold as well as yellow: the yellow is 1.32:1 against white, so it cannot be the only cue
HEDGE_STYLE = "background:#F0E442;color:#000;font-weight:bold;padding:0 2px;border-radius:2px"
# A hedge of a claim not chosen: still marked, but pale and of normal weight
MUTED_HEDGE_STYLE = "background:#FAF6D2;color:inherit;font-weight:normal"
CHOSEN_STYLE = "border-bottom:3px solid #0072B2;background:#D3E5F5;color:#000"
OTHER_CLAIM_STYLE = "border-bottom:1px dotted #999;color:#666"
DIMMED = "#6B6B6B"  # the text around the chosen claims: 5.3:1 on white, readable but quiet


def _hedge_look(style: str) -> str:
    """A hedge style's background and weight as the custom properties the marks read."""
    looks = dict(d.split(":", 1) for d in style.split(";"))
    return f"--hedge-background:{looks['background']};--hedge-weight:{looks['font-weight']}"


def _important(style: str) -> str:
    """A style attribute's declarations as rules that win over the pieces' own attributes."""
    return ";".join(f"{d} !important" for d in style.split(";"))


SCOPE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


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


def _hedges_in_text(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Hedge spans in article coordinates: each claim's hedges, found inside its own quote."""
    return [
        (claim.start + start, claim.start + end)
        for claim in claims
        for start, end in hedge_spans(claim.quote, claim.hedges)
    ]


class _Sweep:
    """Spans that cover the current point, as a sweep moves left to right through the text.

    `at(point)` must be called with rising points. A span covers a piece of text when it starts
    at or before the piece and ends at or after it; the pieces are cut at every span's ends, so
    that is the spans with start <= point < end. Each span is added and removed once, which
    keeps a long article with thousands of claims linear rather than pieces x claims.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        indexed = [(s, e, i) for i, (s, e) in enumerate(spans) if s < e]  # empty ones cover nothing
        self._starts = sorted(indexed)
        self._ends = sorted(indexed, key=lambda span: span[1])
        self._next_start = self._next_end = 0
        self.active: set[int] = set()  # indices into `spans`

    def at(self, point: int) -> set[int]:
        while self._next_start < len(self._starts) and self._starts[self._next_start][0] <= point:
            self.active.add(self._starts[self._next_start][2])
            self._next_start += 1
        while self._next_end < len(self._ends) and self._ends[self._next_end][1] <= point:
            self.active.discard(self._ends[self._next_end][2])
            self._next_end += 1
        return self.active


@dataclass(frozen=True)
class _Piece:
    """A piece of the article as HTML, both ways it can be drawn, and the claims that cover it."""

    claim_ids: frozenset[str]
    chosen: Markup  # drawn when one of claim_ids is chosen
    other: Markup  # drawn when none is chosen (and always, for a piece no claim covers)
    dimmed: Markup  # drawn when other claims are chosen: its hedges muted


@dataclass(frozen=True)
class _Line:
    """One line of the article: its pieces, and the line drawn ready for the usual cases:
    nothing chosen in the article, other claims chosen, or all of the line's claims."""

    pieces: tuple[_Piece, ...]
    claim_ids: frozenset[str]
    none_chosen: Markup
    others_chosen: Markup
    all_chosen: Markup

    @classmethod
    def of(cls, pieces: list[_Piece]) -> _Line:
        claim_ids = frozenset().union(*(p.claim_ids for p in pieces))
        none_chosen = _paragraph(p.other for p in pieces)
        others_chosen = _paragraph(p.dimmed for p in pieces)
        all_chosen = _paragraph(p.chosen for p in pieces)
        return cls(tuple(pieces), claim_ids, none_chosen, others_chosen, all_chosen)

    def draw(self, chosen: frozenset[str]) -> Markup:
        if not chosen:
            return self.none_chosen
        if chosen.isdisjoint(self.claim_ids):
            return self.others_chosen
        if self.claim_ids <= chosen:
            return self.all_chosen
        return _paragraph(
            p.dimmed if chosen.isdisjoint(p.claim_ids) else p.chosen for p in self.pieces
        )


def _paragraph(pieces: Iterable[str]) -> Markup:
    return tag("p", Markup("".join(pieces)))


def _layout(text: str, claims: Sequence[Claim]) -> tuple[_Line, ...]:
    """The article cut into pieces, line by line, each piece ready to draw either way.

    None of this depends on which claims are chosen, so the explorer works it out once per
    article and claims (see `_remembered_layout`); a click only picks prepared strings.
    """
    hedges = _hedges_in_text(claims)
    cuts = {0, len(text)}
    cuts.update(p for c in claims for p in (c.start, c.end))
    cuts.update(p for span in hedges for p in span)
    cuts.update(p for m in re.finditer("\n", text) for p in (m.start(), m.end()))
    points = sorted(cuts)
    in_hedge = _Sweep(hedges)
    in_claim = _Sweep([(c.start, c.end) for c in claims])
    lines: list[_Line] = []
    line: list[_Piece] = []
    for start, end in zip(points, points[1:], strict=False):
        piece = text[start:end]
        if piece == "\n":
            lines.append(_Line.of(line))
            line = []
            continue
        hedged = in_hedge.at(start)
        marked = tag("mark", piece, style=HEDGE_STYLE) if hedged else escape(piece)
        muted = tag("mark", piece, style=MUTED_HEDGE_STYLE) if hedged else escape(piece)
        covering = sorted(in_claim.at(start))
        if covering:
            title = "; ".join(claims[i].summary for i in covering)  # words, not ids
            ids = frozenset(claims[i].id for i in covering)
            names = " ".join(f"claim-{i}" for i in covering)
            chosen = tag("span", marked, class_=names, style=CHOSEN_STYLE, title=title)
            other = tag("span", marked, class_=names, style=OTHER_CLAIM_STYLE, title=title)
            dimmed = tag("span", muted, class_=names, style=OTHER_CLAIM_STYLE, title=title)
            line.append(_Piece(ids, chosen, other, dimmed))
        else:
            line.append(_Piece(frozenset(), marked, marked, muted))
    lines.append(_Line.of(line))
    return tuple(lines)


_remembered_layout = by_identity()(_layout)


def annotated_article(text: str, claims: Iterable[Claim], chosen: Iterable[str]) -> Markup:
    """The whole article, one <p> per line; claims whose ids are in `chosen` stand out."""
    chosen = frozenset(chosen)
    if isinstance(claims, tuple):  # immutable, like the text: safe to remember by identity
        lines = _remembered_layout(text, claims)
    else:
        lines = _layout(text, list(claims))
    style = "line-height:1.6;max-width:48em" + (f";color:{DIMMED}" if chosen else "")
    return tag("div", join(line.draw(chosen) for line in lines), style=style)


def highlight_style(scope: str, claims: Sequence[Claim], chosen: Iterable[str]) -> Markup:
    """A style sheet making the `chosen` claims (ids) stand out in an article drawn from these
    `claims` by `annotated_article` inside an element of class `scope`; empty if none is chosen.
    A few bytes per chosen claim, where the article itself is a few hundred per claim. The
    rest is dimmed and its hedges muted, as `annotated_article` draws them."""
    if not SCOPE.fullmatch(scope):
        raise ValueError(f"not a CSS class name: {scope!r}")
    chosen = frozenset(chosen)
    places = [f".claim-{i}" for i, claim in enumerate(claims) if claim.id in chosen]
    if not places:
        return Markup("")
    # every claim chosen (the filter's first state): one selector rather than thousands
    selectors = 'span[class^="claim-"]' if len(places) == len(claims) else ",".join(places)
    # the hedge marks take their look from the claim around them, through two custom
    # properties, so that the list of chosen claims is sent once
    muted, hedge = _hedge_look(MUTED_HEDGE_STYLE), _hedge_look(HEDGE_STYLE)
    rules = [
        f".{scope}{{color:{DIMMED};{muted}}}",
        f".{scope} :is({selectors}){{{_important(CHOSEN_STYLE)};{hedge}}}",
        f".{scope} mark{{background:var(--hedge-background) !important;"
        "font-weight:var(--hedge-weight) !important;color:inherit !important}",
    ]
    return Markup(f"<style>{''.join(rules)}</style>")
