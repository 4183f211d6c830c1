"""The article as a reader meets it: read whole, first, before it is taken apart (issue 16).

One HTML output that is a single <article> element, the way the publish side recognises it
(explainer/publish/content.py, ARTICLE_ELEMENT): the deck, the handout and the worksheet print
it. Nothing is highlighted, so it gives no exercise's answer away. The text is the package's
article.txt, line by line, every word kept: its first line, the headline, as the heading; a line
that is the publisher or the dateline as such; "- " lines as a list (the takeaways); a short line
with no sentence in it ("Synopsis", "Key Takeaways") as a label; every other line a paragraph,
its opening dateline set in bold as a newspaper sets it. A dateline that is nowhere in the text
is shown under the headline, from the package's article.csv.

(Not views/article.py: `views.article` is already the highlighted article of the explorer.)
"""

from __future__ import annotations

from ..package.model import Article, Package
from . import View
from .html import Markup, join, tag

LABEL_WORDS = 5  # a line of at most this many words, ending with no punctuation, is a label


def as_published(package: Package) -> View:
    article = package.article
    return View({"text/html": str(article_html(article)), "text/plain": article.text})


def article_html(article: Article) -> Markup:
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    header = [tag("h3", lines[0] if lines else article.headline)]
    body = lines[1:]
    if article.dateline and not any(article.dateline in line for line in body):
        header.append(tag("p", article.dateline, class_="dateline"))
    while body and body[0] in (article.publisher, article.dateline):  # a byline under the title
        header.append(_block(article, body.pop(0)))
    blocks: list[Markup] = []
    items: list[Markup] = []
    for line in body:
        if line.startswith("- "):
            items.append(tag("li", line[2:]))
            continue
        if items:
            blocks.append(tag("ul", join(items)))
            items = []
        blocks.append(_block(article, line))
    if items:
        blocks.append(tag("ul", join(items)))
    return tag("article", join([tag("header", join(header)), *blocks]))


def _block(article: Article, line: str) -> Markup:
    if line == article.publisher:
        return tag("p", line, class_="byline")
    if line == article.dateline:
        return tag("p", line, class_="dateline")
    if len(line.split()) <= LABEL_WORDS and line[-1].isalnum():
        return tag("h4", line)
    if article.dateline and line.startswith(article.dateline):
        rest = line[len(article.dateline) :]
        return tag("p", join([tag("b", article.dateline, class_="dateline"), rest]))
    return tag("p", line)
