"""What the project knows of news writing, held against what a person annotated.

The drafter proposes dates, hedges and sources from the article's words; these rules read the
same words with the same knowledge and report where a package contradicts them: date words that
count from the publication date ("next Tuesday") but an event dated otherwise, a cue of the hedge
lexicon in a quote marked certain, a quotation closed with its speaker's name but attributed to
someone else, an actor on the side of another country. Each is kept to what the words settle:
where a person may rightly read them otherwise (a cue in a clause the claim does not assert, an
envoy serving the other side), the rule is a warning that says why. Every rule holds on every
hand-annotated package of the corpus, which is how they were kept to that.

This module reads the lexicons and the resolver the drafter proposes with (explainer/language):
they are the project's one statement of that knowledge, and a second copy would drift from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date

from ..language import countries, hedges, sources, time_expressions
from .cells import items
from .csv_tables import Row, Table
from .problems import Problem, quoted
from .rules import DATE_WORDS, HEDGE_OMITTED, OPEN_END, SIDE_COUNTRY, SPEAKER

# Words that count a time from the day of publication: what they fix, the resolver settles.
_DEICTIC = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|next|last|this|coming)\b", re.IGNORECASE
)
# A closed quotation followed by a reporting verb and a name: “...,” stated Park.
_SAID = re.compile(
    rf"^[.,]?[”\"]?,? (?:{'|'.join(sources.VERBS)}) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,3}})"
)
_CLOSING = ("”", '"')
_WORD = re.compile(r"[\w'’-]+")


def check_knowledge(tables: Mapping[str, Table | None], text: str | None) -> list[Problem]:
    """Problems and warnings of meaning the project's lexicons and resolver reveal; rows that
    could not be read, and checks whose tables could not be, are skipped (already reported)."""
    published = _published(tables.get("article"))
    return [
        *_date_words(tables.get("events"), tables.get("claims"), published),
        *_hedges_omitted(tables.get("claims")),
        *_speakers(tables.get("claims"), tables.get("actors"), text),
        *_sides(tables.get("actors"), tables.get("groups")),
    ]


def _published(article: Table | None) -> date | None:
    rows = article.rows if article else []
    return rows[0].values.get("published") if len(rows) == 1 else None


def _date_words(
    events: Table | None, claims: Table | None, published: date | None
) -> Iterator[Problem]:
    if events is None or published is None:
        return
    quotes = _quotes_by_event(claims)
    for row in events.rows:
        if not row.has("date_text", "earliest", "latest") or not row.values["date_text"]:
            continue
        words = row.values["date_text"]
        reading = _reading(words, quotes.get(row.values.get("id", ""), ()), published)
        if reading is None:
            continue
        for end in ("earliest", "latest"):
            fixed, given = getattr(reading, end), row.values[end]
            if fixed is not None and given != fixed:
                message = (
                    f"{quoted(words)} counted from publication, {published}, gives the {end} "
                    f"date {fixed}, not {given or '(empty)'}: correct the date, or the words"
                )
                yield DATE_WORDS.at(events.file, row.number, end, message)
            elif fixed is None and given is not None and abs((given - published).days) > 1:
                message = (
                    f"{quoted(words)} leaves the {end} date open, but it is {given}: leave it "
                    "empty unless the article gives it elsewhere"
                )
                yield OPEN_END.at(events.file, row.number, end, message)


def _quotes_by_event(claims: Table | None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if claims is None:
        return found
    for row in claims.rows:
        for event in items(row.values.get("events")) if row.has("quote") else ():
            found.setdefault(event, []).append(row.values["quote"])
    return found


def _reading(words: str, quotes: list[str] | tuple, published: date):
    """The resolver's one clear reading of the date words, when they count from publication:
    read in the quote that holds them, whose verbs give the tense; None when the words are not
    counted from publication, the resolver reads them otherwise than whole, or names another
    reading a person may rightly choose."""
    if not _DEICTIC.search(words):
        return None
    sentence = next((quote for quote in quotes if words in quote), words)
    start = sentence.index(words)
    for found in time_expressions.find(sentence, published):
        if (found.start, found.end) == (start, start + len(words)):
            if found.alternative or found.counted_from or found.pending:
                return None
            return found
    return None


def _hedges_omitted(claims: Table | None) -> Iterator[Problem]:
    if claims is None:
        return
    for row in claims.rows:
        if not row.has("quote", "certainty", "hedges") or row.values["certainty"] != "certain":
            continue
        listed = items(row.values["hedges"])
        cues = dict.fromkeys(h.text for h in hedges.find(row.values["quote"]))
        omitted = [cue for cue in cues if not any(cue in h or h in cue for h in listed)]
        if omitted:
            message = (
                f"the quote holds {', '.join(map(quoted, omitted))}, which the hedge lexicon "
                '(explainer/language/hedges.csv) reads as a hedge, yet the claim is "certain": '
                "list the cue in hedges with its certainty, unless it hedges words the claim "
                "does not assert"
            )
            yield HEDGE_OMITTED.at(claims.file, row.number, "certainty", message)


def _speakers(claims: Table | None, actors: Table | None, text: str | None) -> Iterator[Problem]:
    """A quotation closed with "…,” said NAME" is NAME's: if NAME is the name of another actor
    of the package, and not of the one the claim is attributed to, the attribution is wrong.
    A name no actor has (a pronoun, a title) settles nothing."""
    if claims is None or actors is None or text is None:
        return
    words = {
        row.values.get("id", ""): set(
            _WORD.findall(f"{row.values.get('name')} {row.values.get('mention')}")
        )
        for row in actors.rows
    }
    for row in claims.rows:
        if not row.has("quote", "end", "attribution") or not row.values["attribution"]:
            continue
        said = _speaker(row, text)
        if not said:
            continue
        named = {actor for actor, names in words.items() if set(said.split()) & names}
        asserted = row.values["attribution"][-1]
        if named and asserted not in named:
            message = (
                f"the article closes the quote with {quoted(said)}, so it is the words of "
                f"{', '.join(sorted(named))}, not of {quoted(asserted)}: end the attribution "
                "with the speaker"
            )
            yield SPEAKER.at(claims.file, row.number, "attribution", message)


def _speaker(row: Row, text: str) -> str:
    """The name after the quotation's end, when the article closes it "…,” stated NAME"."""
    quote, end = row.values["quote"], row.values["end"]
    if end is None or text[end - len(quote) : end] != quote:
        return ""  # not at its offsets: reported as such
    after = text[end : end + 120]
    match = _SAID.match(after)
    closed = quote.rstrip().endswith(_CLOSING) or after.lstrip(".,").startswith(_CLOSING)
    return match.group(1) if match and closed else ""


def _sides(actors: Table | None, groups: Table | None) -> Iterator[Problem]:
    if actors is None or groups is None:
        return
    labels = {row.values.get("id"): row.values.get("label") or "" for row in groups.rows}
    for row in actors.rows:
        country, group = row.values.get("country"), row.values.get("group")
        named = {found.code: found.name for found in countries.find(labels.get(group, ""), True)}
        if country and len(named) == 1 and country not in named:
            (side,) = named.values()
            message = (
                f"the actor's country is {country}, but its side {quoted(group)} is {side}'s: "
                "move it to its country's side, unless it serves the other one (an envoy)"
            )
            yield SIDE_COUNTRY.at(actors.file, row.number, "group", message)
