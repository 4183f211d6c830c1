"""How close `explainer new` comes to the hand annotation, and how fast it is.

For every hand-annotated package in data/ (each folder with a datapackage.json that validates),
the draft is proposed from its article text and publication date alone (the headline, publisher
and dateline are given only when the text does not carry them), then compared with the hand
annotation:

- sentences: recall is the share of hand-made claims that lie inside one proposed sentence;
  precision the share of proposed sentences that hold a hand-made claim or takeaway;
- time expressions: recall is the share of hand-dated events (a `date_text`) whose words the
  draft found (equal, ignoring case, or one inside the other); "exact" is the share of those
  found whose earliest and latest are both equal to the hand annotation;
- hedges: hedge words at their place in the text, within hand-made claims; a proposed hedge
  matches a hand one when they overlap ("working to" and "working to arrange");
- named versus unnamed sources: for each hand-made claim, is its source unnamed (an
  `anonymous_source` last in the attribution)? Precision and recall of "unnamed".

Speed: `propose` on a 1,000-word article made of the packages' own sentences, median of 5 runs.
Targets (issue 12): time expressions recall >= 90 % and >= 90 % of those exact; hedges precision
and recall >= 85 %; sentences >= 95 %; at most 1 s for 1,000 words.

Run: .venv/bin/python benchmarks/draft_quality.py
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from pathlib import Path

from explainer.draft import LayoutError, propose
from explainer.package import PackageError, load_package
from explainer.package.descriptor import NAME

DATA = Path(__file__).resolve().parents[1] / "data"


def draft(package):
    """The draft from the text and the date alone; failing that, with the headline, publisher
    and dateline given, as a teacher would; None when even that fails (the reason is printed)."""
    article = package.article
    try:
        return propose(article.text, article.published)
    except LayoutError:
        pass
    try:
        return propose(
            article.text, article.published, article.headline, article.publisher, article.dateline
        )
    except LayoutError as error:
        print(f"  no draft: {error}")
        return None


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def sentences(package, proposal) -> dict[str, float]:
    spans = [(int(c["start"]), int(c["end"])) for c in proposal.tables["claims"]]
    hand = [(c.start, c.end) for c in package.claims]
    marked = hand + [(t.start, t.end) for t in package.takeaways]
    inside = sum(any(s <= a and b <= e for s, e in spans) for a, b in hand)
    holding = sum(any(s <= a and b <= e for a, b in marked) for s, e in spans)
    return {"recall": ratio(inside, len(hand)), "precision": ratio(holding, len(spans))}


def time_expressions(package, proposal) -> dict[str, float]:
    proposed = list(proposal.tables["events"])
    hand = [e for e in package.events if e.date_text]
    found = exact = 0
    misses = []
    for event in hand:
        words = event.date_text.lower()
        match = next(
            (
                p
                for p in proposed
                if words in p["date_text"].lower() or p["date_text"].lower() in words
            ),
            None,
        )
        if match is None:
            misses.append(f"not found: {event.date_text!r}")
            continue
        proposed.remove(match)
        found += 1
        resolved = (str(event.earliest or ""), str(event.latest or ""))
        if (match["earliest"], match["latest"]) == resolved:
            exact += 1
        else:
            misses.append(
                f"{event.date_text!r}: draft {match['earliest'] or '…'}..{match['latest'] or '…'}"
                f", hand {resolved[0] or '…'}..{resolved[1] or '…'}"
            )
    total = len(proposal.tables["events"])
    return {
        "recall": ratio(found, len(hand)),
        "exact": ratio(exact, found),
        "precision": ratio(found, total),
        "misses": misses,
    }


def _placed(claims) -> list[tuple[int, int]]:
    spans = []
    for quote, start, words in claims:
        for word in words:
            at = quote.find(word)
            if at >= 0:
                spans.append((start + at, start + at + len(word)))
    return spans


def hedges(package, proposal) -> dict[str, float]:
    hand = _placed((c.quote, c.start, c.hedges) for c in package.claims)
    proposed = _placed(
        (c["quote"], int(c["start"]), [h for h in c["hedges"].split(";") if h])
        for c in proposal.tables["claims"]
    )
    claims = [(c.start, c.end) for c in package.claims]
    proposed = [p for p in proposed if any(s <= p[0] and p[1] <= e for s, e in claims)]

    def overlaps(a, b):
        return a[0] < b[1] and b[0] < a[1]

    right = sum(any(overlaps(p, h) for h in hand) for p in proposed)
    found = sum(any(overlaps(p, h) for p in proposed) for h in hand)
    return {"precision": ratio(right, len(proposed)), "recall": ratio(found, len(hand))}


def sources(package, proposal) -> dict[str, float]:
    kinds = {row["id"]: row["type"] for row in proposal.tables["actors"]}
    counts = Counter()
    for claim in package.claims:
        hand = package.actor(claim.asserted_by).type == "anonymous_source"
        holder = next(
            (
                c
                for c in proposal.tables["claims"]
                if int(c["start"]) <= claim.start and claim.end <= int(c["end"])
            ),
            None,
        )
        drafted = bool(holder) and kinds[holder["attribution"].split(";")[-1]] == "anonymous_source"
        counts[(hand, drafted)] += 1
    tp, fp, fn = counts[(True, True)], counts[(False, True)], counts[(True, False)]
    return {"precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn)}


def speed(packages, words: int = 1000, runs: int = 5) -> tuple[float, float, int]:
    """Median and slowest seconds for `propose` on an article of about `words` words."""
    body = " ".join(c.quote.rstrip(".") + "." for p in packages for c in p.claims)
    head = packages[0].article
    text = f"{head.headline}\n{head.dateline} ({head.publisher}) "
    while len(text.split()) < words:
        text += body + "\n"
    text = " ".join(text.split(" ")[: words + 20])
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        propose(text, head.published, head.headline, head.publisher, head.dateline)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings), max(timings), len(text.split())


def percent(value: float) -> str:
    return f"{100 * value:5.1f} %"


def main() -> None:
    packages = []
    for folder in sorted(p.parent for p in DATA.glob(f"*/{NAME}")):
        try:
            packages.append((folder.name, load_package(folder)))
        except PackageError as error:
            print(f"{folder.name}: skipped, not valid ({error})")
    for name, package in packages:
        proposal = draft(package)
        if proposal is None:
            continue
        s, t = sentences(package, proposal), time_expressions(package, proposal)
        h, u = hedges(package, proposal), sources(package, proposal)
        print(f"{name} (published {package.article.published:%Y-%m-%d}):")
        print(
            f"  sentences        recall {percent(s['recall'])}  precision {percent(s['precision'])}"
        )
        print(
            f"  time expressions recall {percent(t['recall'])}  exact {percent(t['exact'])}"
            f"  precision {percent(t['precision'])}"
        )
        for miss in t["misses"]:
            print(f"    {miss}")
        print(
            f"  hedges           recall {percent(h['recall'])}  precision {percent(h['precision'])}"
        )
        print(
            f"  unnamed sources  recall {percent(u['recall'])}  precision {percent(u['precision'])}"
        )
    median, slowest, words = speed([p for _, p in packages])
    print(f"speed: {words} words in {median:.3f} s (median of 5; slowest {slowest:.3f} s)")


if __name__ == "__main__":
    main()
