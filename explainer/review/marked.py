"""The words a row comes from, with what the draft proposed marked, as escaped HTML.

A claim: its sentence, with its hedge words and its source's mention marked. An event: the
sentence of the claim that dates it, with its date words marked. An actor: the first sentence
that names it, its mention marked. A lane: the actors it holds. The article row: the headline
and the dateline. A dating row: its quote in the line it stands in.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .tables import Tables


def marked(tables: Tables, resource: str, row_id: str) -> Markup:
    row = tables.row(resource, row_id)
    claims = tables.rows["claims"]
    if resource == "claims":
        source = tables.row("actors", row["attribution"].split(";")[-1])
        words = [*row["hedges"].split(";"), source.get("mention", "")]
        return _sentence(row["quote"], words)
    if resource == "events":
        claim = next((c for c in claims if row_id in c["events"].split(";")), None)
        return _sentence(claim["quote"], [row["date_text"]]) if claim else _none()
    if resource == "actors":
        mention = row.get("mention", "")
        claim = next((c for c in claims if mention and mention in c["quote"]), None)
        return _sentence(claim["quote"], [mention]) if claim else _none(mention)
    if resource == "groups":
        names = [a["name"] for a in tables.rows["actors"] if a.get("group") == row_id]
        return Markup("<p>Lane for: {}</p>").format(", ".join(names) or "no actor yet")
    if resource == "article":
        shown = Markup("<p><mark>{}</mark></p><p><mark>{}</mark> · published {}</p>")
        return shown.format(row["headline"], row["dateline"], row["published"])
    text = tables.article_text()
    start, end = int(row["start"]), int(row["end"])
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    return _sentence(text[line_start:line_end], [row["quote"]])


def _sentence(sentence: str, words: list[str]) -> Markup:
    """`sentence` with every whole-word occurrence of `words` in <mark>, escaped."""
    wanted = sorted({w for w in words if w}, key=len, reverse=True)
    if not wanted:
        return Markup("<blockquote>{}</blockquote>").format(sentence)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in wanted))
    parts, at = [], 0
    for match in pattern.finditer(sentence):
        parts += [escape(sentence[at : match.start()]), Markup("<mark>{}</mark>").format(match[0])]
        at = match.end()
    parts.append(escape(sentence[at:]))
    return Markup("<blockquote>{}</blockquote>").format(Markup("").join(parts))


def _none(mention: str = "") -> Markup:
    if mention:
        return Markup("<p>Named as “{}”; no claim quotes it.</p>").format(mention)
    return Markup("<p>No claim refers to this row.</p>")
