"""Propose who a sentence attributes its claim to, from the reporting patterns of news writing.

Patterns, strongest first: "according to X"; "as reported by X"; a quotation or a clause
followed by "said X" or "stated X" (", said an official who asked not to be named"); "X said",
"X has told", "X reiterated on Monday"; ", noting that" (the sentence's subject); "are reported
to" (unnamed reports). A quotation that goes on in the next sentence keeps its speaker, and so
does a sentence whose speaker is a pronoun ("He said", “…,” she added): a pronoun is never a
source of its own. A lead that describes one speaker ("A senior diplomat says") takes the name
the next sentence gives ("Jane Roe, the envoy, ..."). X is an unnamed source when its head is one
of `UNNAMED` ("senior diplomats", "aides", "experts", "a party leader"), also with what relates
them to the story ("people familiar with the talks", "sources close to the negotiations", "a
spokesperson for the Dalai Lama", "unions representing 45,000 workers"), why they are unnamed
("an official who asked not to be named") or where they are ("officials in Seoul"). A document
("a statement from the Foreign Ministry", "the report") is its issuer when the words name one,
else an unnamed source, since a package has no actor type for a document. Otherwise X is a name:
its run of capitalised words, with a title in front of it ("Prime Minister", "Spokesman") kept
apart as the role. A sentence with none of these speaks in the article's own voice.

The words the patterns use are data, `source_words.csv` beside this module, so that a reporting
verb or a kind of unnamed source can be added without touching the code.

Patterns are bounded runs of simple word classes, so Python's `re` matches them in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lexicon_rows


def _words() -> dict[str, list[str]]:
    """The words of `source_words.csv` by kind: reporting verbs, participles ("noting"), heads
    of unnamed sources ("aides"), titles ("Minister"), and the words of a name that give an
    actor type ("Ministry": a government body)."""
    found: dict[str, list[str]] = {}
    for row in lexicon_rows("source_words.csv"):
        found.setdefault(row["kind"], []).append(row["word"])
    return found


_WORDS = _words()
VERBS = _WORDS["reporting_verb"]
PARTICIPLES = _WORDS["participle"]
UNNAMED = _WORDS["unnamed_head"]
DOCUMENTS = _WORDS["document"]
TITLES = set(_WORDS["title"])
# Words of a name that say what kind of actor it is (the package's actor types), in this order.
KINDS = {
    kind: set(_WORDS[kind])
    for kind in ("media", "government_body", "political_party", "organisation")
}

_VERB = "|".join(VERBS)
_WORD = r"[\w'’-]{1,30}(?:\.\w{1,10}){0,3}"  # "U.S" of "U.S.": a sentence's full stop stays out
_NAME_WORD = rf"[A-Z]{_WORD}"
_NAME = rf"{_NAME_WORD}(?: (?:of |the |for |and |in )?{_NAME_WORD}){{0,6}}"
_HEAD = "|".join(sorted((*UNNAMED, *DOCUMENTS), key=len, reverse=True))
_WHERE = "(?:in|from|at) "  # "officials in South Korea": where an unnamed source is
_RELATED = r"familiar with|close to|with knowledge of|involved in|briefed on|for|representing"
_LOOSE = r"[\w'’.,-]{1,30}"  # a word of a description: "45,000", "U.S."
# What relates an unnamed source to the story, or why it is unnamed: "close to the talks",
# "who asked not to be named", "who spoke on condition of anonymity".
_RELATION = rf"(?:{_RELATED}) (?:the )?{_LOOSE}(?: {_LOOSE}){{0,6}}?"
_ANONYMITY = (
    r"who (?:asked|spoke|requested|declined|insisted|was|were|is|are)(?: [\w'’-]{1,20}){1,8}"
)
_UNNAMED = (
    rf"(?:[\w-]{{1,20}} ){{0,2}}(?i:{_HEAD})"
    rf"(?: {_RELATION})?(?: {_WHERE}{_NAME})?(?:,? {_ANONYMITY},?)?"
)
_PHRASE = rf"{_WORD}(?: {_WORD}){{0,7}}?"
_PHRASE_END = r"(?=[,.;:”\"]| on | in | who | that | at | as |$)"
_PATTERNS = (  # in order: "according to X", "reported by X", "…,” said X", "X said"
    re.compile(rf"\b[Aa]ccording to (?:the |an? )?({_UNNAMED}|{_PHRASE}){_PHRASE_END}"),
    re.compile(rf"\breported by (?:the )?({_PHRASE}){_PHRASE_END}"),
    re.compile(rf"(?:[”\"],?|,) (?:{_VERB}) ((?:the )?{_NAME}|{_UNNAMED})"),
    re.compile(rf"\b({_UNNAMED}|{_NAME}),? (?:has |have |had )?(?:{_VERB})\b"),
)
_PARTICIPLE = re.compile(rf", (?:{'|'.join(PARTICIPLES)}) that\b")
_SUBJECT = re.compile(rf"^(?:{_NAME})")
_PASSIVE = re.compile(r"\b(?:is|are|was|were) (?:reported|said|understood|believed) to\b")


@dataclass(frozen=True)
class Source:
    """Who a sentence attributes its claim to, as the draft proposes it."""

    name: str
    mention: str
    """The words the article uses, as printed."""
    type: str
    role: str = ""

    @property
    def unnamed(self) -> bool:
        return self.type == "anonymous_source"


def find(sentence: str) -> Source | None:
    """The source of `sentence`, or None when it speaks in the article's own voice."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            source = _source(match.group(1).strip())
            if source:
                return source
    if _PARTICIPLE.search(sentence):
        subject = _SUBJECT.match(sentence)
        if subject and (source := _source(subject.group(0))):
            return source
    passive = _PASSIVE.search(sentence)
    if passive:
        mention = passive.group(0).rsplit(" ", 1)[0]  # "are reported", without "to"
        return Source("Reports, no source named", mention, "anonymous_source")
    return None


_QUOTES = ("“", '"')
# "He said", “…,” she added: the speaker is the one the sentences before gave.
_PRONOUN_SAYS = re.compile(
    rf"(?:^|[,”\"] )(?:[Hh]e|[Ss]he|[Tt]hey)(?: also)? (?:{_VERB})\b"
    rf"|[”\"],? (?:{_VERB}) (?:he|she|they)\b"
)
# "Some officials": the name of an unnamed source leaves out how many of them speak.
_QUANTIFIERS = {"some", "several", "many", "a", "an"}


def attribute(sentences: list[str]) -> list[Source | None]:
    """The source of each sentence in turn. A quotation with no speaker of its own that follows
    a quoted sentence continues that speaker's words (“We are not there yet,” said X. “But ...”)."""
    found: list[Source | None] = []
    for index, sentence in enumerate(sentences):
        source = find(sentence)
        before = sentences[index - 1] if index else ""
        continued = sentence.startswith(_QUOTES) and any(q in before for q in _QUOTES)
        if source is None and found and (continued or _PRONOUN_SAYS.search(sentence)):
            source = found[-1]
        if index == 0 and source and len(sentences) > 1:
            source = _identified(source, sentence, sentences[1]) or source
        found.append(source)
    return found


# The lead of a delayed-identification story describes one speaker ("A senior U.S. diplomat
# says ...") and the next sentence names them, with a description in commas ("Stephen
# Bosworth, the U.S. special envoy, made the comments ..."), a common form of news lead.
_ONE_DESCRIBED = re.compile(r"^An? ")
_NAMED_NEXT = re.compile(rf"^({_NAME}), (?:the|a|an|[A-Z][\w.’']*’s) [^,]{{1,120}},")


def _identified(source: Source, lead: str, following: str) -> Source | None:
    """The person the second sentence names, when the lead describes one unnamed speaker."""
    if not source.unnamed or not _ONE_DESCRIBED.match(lead) or source.mention.endswith("s"):
        return None
    named = _NAMED_NEXT.match(following)
    return _source(named.group(1)) if named else None


_PRONOUNS = {"he", "she", "they", "it", "this", "that", "these", "those", "we", "i", "you"}
_SPLIT = re.compile(rf" (?:{_RELATED}|who|{_WHERE.strip()}|of|by|issued) ")
_ISSUER = re.compile(rf" (?:from|by|of|issued by) (?:the )?({_NAME})")


def _source(phrase: str) -> Source | None:
    words = phrase.removeprefix("the ").removeprefix("The ").split()
    if not words or words[0].lower() in _PRONOUNS:
        return None  # a pronoun or a demonstrative names no one: the speaker is found elsewhere
    head = _SPLIT.split(" ".join(words), maxsplit=1)[0].split()
    if head[-1].lower() in DOCUMENTS:
        issuer = _ISSUER.search(" ".join(words))
        if issuer and (named := _source(issuer.group(1))):
            return named
    if head[-1].lower() in (*UNNAMED, *DOCUMENTS):
        mention = " ".join(words).rstrip(",")
        described = " ".join(words[words[0].lower() in _QUANTIFIERS :]).rstrip(",")
        described = described if described[:2].isupper() else described[0].lower() + described[1:]
        return Source(f"Unnamed {described}", mention, "anonymous_source")
    if not words[0][0].isupper():
        return None
    titles = 0
    while titles < len(words) - 1 and words[titles] in TITLES:
        titles += 1
    name = " ".join(words[titles:])
    if any(w in KINDS["government_body"] | KINDS["organisation"] for w in words):
        name, titles = " ".join(words), 0  # "Foreign Ministry": the whole phrase is the name
    return Source(name, " ".join(words[titles:]), actor_type(words), " ".join(words[:titles]))


def actor_type(words: list[str]) -> str:
    """The actor type a name suggests; a person when no word of it says otherwise."""
    for kind, markers in KINDS.items():
        if any(w.rstrip("'’s") in markers for w in words):
            return kind
    return "person"
