"""Built pages never reach out (issue 20 §7): each carries a Content Security Policy that allows
exactly its own inline scripts and styles and nothing from outside the file, and the sanitiser
leaves nothing in a notebook's HTML or charts that would fetch. The browser tests
(tests/browser/test_publish_handout.py, test_publish_browser.py) open the pages with every
request watched.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

import pytest
from notebook_pages import Page, build_from, built, code, lesson, markdown, result, synthetic

from explainer.publish import assets, policy, sanitise
from explainer.publish.deck import build_slides
from explainer.publish.handout import build_handout
from explainer.publish.worksheet import build_answer_key, build_worksheet
from explainer.views.render import PLOTLY_MIMETYPE

BUILDERS = [build_slides, build_handout, build_worksheet, build_answer_key]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(page: str) -> dict[str, list[str]]:
    (content,) = META.findall(page)
    found = {}
    for directive in html.unescape(content).split(";"):
        name, *sources = directive.split()
        found[name] = sources
    return found


def digest(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_every_page_allows_its_own_inline_code_and_nothing_from_outside(tmp_path, builder):
    page = built(tmp_path, lesson(), builder)
    head = page.split("<head>", 1)[1]
    assert head.lstrip().startswith('<meta charset="utf-8">\n<meta http-equiv="Content-Security')
    policy_of = directives(page)
    assert policy_of["default-src"] == ["'none'"]
    assert policy_of["img-src"] == ["data:"]
    assert policy_of["base-uri"] == ["'none'"] and policy_of["form-action"] == ["'none'"]
    everything = " ".join(source for sources in policy_of.values() for source in sources)
    for loose in ("http:", "https:", "*", "'unsafe-eval'", "file:", "blob:", "'strict-dynamic'"):
        assert loose not in everything.split(), loose
    parsed = Page(page)
    executed = [code for attrs, code in parsed.scripts if attrs.get("type") != "application/json"]
    own = {digest(code) for code in executed}
    allowed = set(policy_of["script-src"]) - {"'none'"}
    if builder is build_slides:
        # ... and the speaker view that the notes plugin writes into its own window.
        view_scripts, view_styles = assets.speaker_view()
        own |= {digest(code) for code in view_scripts}
        assert {digest(css) for css in view_styles} <= set(policy_of["style-src-elem"])
        assert policy_of["frame-src"] == ["'self'"]
    else:
        assert policy_of["frame-src"] == ["'none'"]
    assert allowed == own
    assert executed or policy_of["script-src"] == ["'none'"]
    # Its style elements, the empty one plotly.js adds (and fills through the CSSOM), and the
    # speaker view's.
    in_head = page.split("</head>", 1)[0]
    styles = {digest(css) for css in re.findall(r"<style>(.*?)</style>", in_head, re.S)}
    styles.add(digest(""))
    if builder is build_slides:
        styles |= {digest(css) for css in assets.speaker_view()[1]}
    assert set(policy_of["style-src-elem"]) == styles
    assert policy_of["style-src-attr"] == ["'unsafe-inline'"]


def test_no_script_runs_on_the_worksheet_and_the_key(tmp_path):
    for builder in (build_worksheet, build_answer_key):
        assert directives(built(tmp_path, lesson(), builder))["script-src"] == ["'none'"]


def test_the_speaker_view_is_read_from_the_vendored_plugin():
    scripts, styles = assets.speaker_view()
    assert len(scripts) == 1 and "postMessage" in scripts[0] and "</script" not in scripts[0]
    assert styles and "#speaker-controls" in styles[0]
    assert "\\n" not in scripts[0] and "\n" in scripts[0]  # the string literal decoded


def test_a_policy_hashes_each_distinct_body_once():
    made = policy.content_security_policy(["a()", "a()", "b()"], ["p{}"])
    assert made.count(digest("a()")) == 1 and digest("b()") in made
    assert f"style-src-elem {' '.join(sorted([digest(''), digest('p{}')]))};" in made
    assert "script-src 'none'" in policy.content_security_policy([], [])


WEB = "http://example.org/x.png"


@pytest.mark.parametrize(
    "markup",
    [
        f"<img src={WEB} alt=x>",
        f'<img src="  {WEB}" alt=x>',
        "<img src=//example.org/x.png alt=x>",
        f'<p style="background:\\75 rl({WEB})">t</p>',
        f'<p style="background:\\000075 rl({WEB})">t</p>',
        f'<p style="background:u\\72 l({WEB})">t</p>',
        f'<p style="background:\\55RL({WEB})">t</p>',
        f'<p style="background:u/**/rl({WEB})">t</p>',
        f"<p style=\"background:image-set('{WEB}' 1x)\">t</p>",
        f"<p style=\"background:-webkit-image-set('{WEB}' 1x)\">t</p>",
        f'<p style="background:cross-fade(url({WEB}), red)">t</p>',
        f'<p style="color:red;background:url({WEB})">t</p>',
        '<p style="background:\\@import">t</p>',
    ],
)
def test_the_sanitiser_leaves_nothing_to_fetch(markup):
    cleaned = str(sanitise.clean(markup))
    assert "example.org" not in cleaned and "url(" not in cleaned.lower(), cleaned


def test_the_sanitiser_keeps_what_fetches_nothing():
    image = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="a dot">'
    assert str(sanitise.clean(image)) == image
    styled = '<mark style="background:rgb(255, 224, 138);padding:0 2px">poised</mark>'
    assert str(sanitise.clean(styled)) == styled
    link = '<a href="https://example.org/source">the source</a>'
    assert 'href="https://example.org/source"' in str(sanitise.clean(link))
    assert "href" not in str(sanitise.clean('<a href="data:text/html,hi">a</a>'))


def test_a_charts_images_from_elsewhere_are_dropped_and_its_own_kept():
    own = {"source": "data:image/png;base64,iVBORw0KGgo=", "x": 0}
    figure = {
        "data": [{"type": "bar", "y": [1]}],
        "layout": {
            "images": [{"source": WEB}, own, {"source": " https://example.org/y.png"}],
            "template": {"layout": {"images": [{"source": WEB}]}},
            "title": {"text": WEB},  # text, not something the browser loads
        },
    }
    drawn = sanitise.offline_figure(figure)
    assert drawn["layout"]["images"] == [own]
    assert drawn["layout"]["template"]["layout"]["images"] == []
    assert drawn["layout"]["title"] == {"text": WEB} and drawn["data"] == figure["data"]


@pytest.mark.parametrize("builder", [build_slides, build_handout])
def test_no_page_keeps_an_image_from_elsewhere(tmp_path, builder):
    figure = {"data": [{"type": "bar", "y": [1]}], "layout": {"images": [{"source": WEB}]}}
    notebook = synthetic(
        [
            markdown(f"# Images\n\n![a picture]({WEB}) and <img src={WEB} alt=raw>", "slide"),
            code([result({"text/markdown": f"![output]({WEB})"})]),
            code([result({"text/html": f'<p style="background:\\75 rl({WEB})">s</p>'})]),
            code([result({PLOTLY_MIMETYPE: figure, "text/plain": "chart"})]),
        ]
    )
    page = build_from(tmp_path, notebook, builder)
    assert WEB not in page.split("<script>", 1)[0]
    (embedded,) = [c for a, c in Page(page).scripts if a.get("id") == "chart-1-figure"]
    assert WEB not in embedded
