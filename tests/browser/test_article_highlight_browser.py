"""The actor filter's choice is the most visible thing in the article (issue 16): drawn by
chromium as the explorer draws it (the article once, then the filter's style sheet), the chosen
claims are black on blue with their hedges in bold yellow; the rest of the text is dimmed and
the other claims' hedges are muted to a pale mark of normal weight.
"""

from __future__ import annotations

from explainer import views
from explainer.views.selection import claims_involving

SCOPE = "explainer-article-1"

STYLES = """() => [...document.querySelectorAll('span[class^="claim-"]')].map(span => {
  const s = getComputedStyle(span);
  const marks = [...span.querySelectorAll('mark')].map(m => {
    const ms = getComputedStyle(m);
    return {background: ms.backgroundColor, weight: ms.fontWeight};
  });
  return {classes: span.className.split(' '), color: s.color, background: s.backgroundColor,
          underline: s.borderBottomWidth, marks};
})"""

YELLOW = "rgb(240, 228, 66)"
GREYS = {"rgb(102, 102, 102)", "rgb(107, 107, 107)"}  # the other claims' #666, the rest's DIMMED


def test_the_chosen_actor_s_claims_stand_out_and_the_rest_gives_way(browser, real):
    page = browser.new_page()
    try:
        speaker = next(c for c in real.claims if c.hedges).attribution[-1]
        chosen = claims_involving(real, [speaker])
        article = views.article(real).bundle["text/html"]
        style = views.highlight(real, chosen, SCOPE).bundle["text/html"]
        page.set_content(f"<html><body>{style}<div class='{SCOPE}'>{article}</div></body></html>")
        places = {f"claim-{i}" for i, c in enumerate(real.claims) if c in chosen}
        spans = page.evaluate(STYLES)
        picked = [s for s in spans if places & set(s["classes"])]
        others = [s for s in spans if not places & set(s["classes"])]
        assert picked and others
        assert all(s["color"] == "rgb(0, 0, 0)" and s["underline"] == "3px" for s in picked)
        assert all(s["color"] in GREYS for s in others)
        around = page.evaluate(
            f"() => getComputedStyle(document.querySelector('.{SCOPE} p')).color"
        )
        assert around in GREYS  # the text no claim covers
        chosen_marks = [m for s in picked for m in s["marks"]]
        other_marks = [m for s in others for m in s["marks"]]
        assert chosen_marks and other_marks
        assert all(m["background"] == YELLOW and m["weight"] == "700" for m in chosen_marks)
        assert all(m["background"] != YELLOW and m["weight"] == "400" for m in other_marks)
    finally:
        page.close()
