"""Every rule `validate` applies, each with a code and one line saying what it checks.

As in Frictionless (its checks and error types), a rule has an identity apart from its wording:
every Problem carries the code of the rule it breaks, so tests and tools match codes while the
message stays free to say, in plain words a teacher can act on, what is wrong and how to mend it.
docs/validation.md, the list of what `validate` checks, is written from this registry
(`validation_page`), and a test keeps it so.

A rule is a problem (the package is not valid) or, where a person may rightly differ from what
the rule expects, a warning: `validate` shows it and says why, and the package stays valid.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem

SECTIONS = {
    "files": "Files",
    "descriptor": "The descriptor (datapackage.json)",
    "tables": "Tables and cells",
    "text": "Text, quotes and offsets",
    "meaning": "What the tables mean together",
    "knowledge": "What the project knows of news writing",
}
"""The groups docs/validation.md lists the rules in, in the order `validate` applies them."""


@dataclass(frozen=True)
class Rule:
    code: str
    section: str
    checks: str
    """One line: what holds in a valid package."""
    warning: bool = False

    def at(self, file: str, row: int, field: str, message: str) -> Problem:
        """A problem with this rule at `file`:`row`, in `field` ("-" when no one field is)."""
        return Problem(file, row, field, message, self.code)


RULES: dict[str, Rule] = {}


def _rule(code: str, section: str, checks: str, warning: bool = False) -> Rule:
    if code in RULES or section not in SECTIONS:
        raise ValueError(f"rule {code}: a code is registered once, in a known section")
    RULES[code] = rule = Rule(code, section, checks, warning)
    return rule


# Files
PACKAGE_FOLDER = _rule("package-folder", "files", "The package folder exists and is a folder.")
FILE_PATH = _rule(
    "file-path",
    "files",
    "Every file the package names is a regular file inside its folder, reached through no "
    "symbolic link.",
)
FILE_MISSING = _rule("file-missing", "files", "Every file the package names exists.")
FILE_UNREADABLE = _rule("file-unreadable", "files", "Every file can be read.")
FILE_ENCODING = _rule("file-encoding", "files", "Every file is UTF-8 text.")
SIZE_LIMIT = _rule(
    "size-limit",
    "files",
    "The package stays within the explainer's limits: the size of its files, the rows of a table.",
)

# The descriptor
DESCRIPTOR_JSON = _rule("descriptor-json", "descriptor", "datapackage.json is valid JSON.")
DESCRIPTOR_SHAPE = _rule(
    "descriptor-shape",
    "descriptor",
    "datapackage.json is shaped as a Data Package: named resources, each one CSV file with a "
    "schema of named fields.",
)
DESCRIPTOR_UNSUPPORTED = _rule(
    "descriptor-unsupported",
    "descriptor",
    "datapackage.json uses only what the explainer implements of Data Package v2: its types, "
    "constraints and x- rules, and other properties only at their defaults.",
)
DESCRIPTOR_LINK = _rule(
    "descriptor-link",
    "descriptor",
    "Every name in datapackage.json that points at a field or a resource finds it.",
)
PATTERN_LINEAR = _rule(
    "pattern-linear",
    "descriptor",
    "Every pattern is a regular expression RE2 runs in linear time, so no cell can hang validate.",
)
MODEL_RESOURCE = _rule(
    "model-resource", "descriptor", "The descriptor has every table the explainer reads."
)
MODEL_FIELD = _rule(
    "model-field",
    "descriptor",
    "Those tables have every field the explainer reads, of the type it needs, required where "
    "it needs a value.",
)
ENGINE_KEY = _rule(
    "engine-key",
    "descriptor",
    "Each table's primary key is the one the explainer looks its rows up by.",
)
ENGINE_FOREIGN_KEY = _rule(
    "engine-foreign-key",
    "descriptor",
    "Every reference the explainer looks up is declared as a foreign key.",
)
ENGINE_REQUIRED = _rule(
    "engine-required",
    "descriptor",
    "What the explainer shows or looks up in every row (a name, a label, the first actor, a "
    "source) is required.",
)
ENGINE_ENUM = _rule(
    "engine-enum",
    "descriptor",
    "A coded field (status, certainty, kind of source...) allows only values the vocabulary "
    "names and colours.",
)
ENGINE_OFFSETS = _rule(
    "engine-offsets",
    "descriptor",
    "Every quote the article view underlines declares its offsets (x-offsets).",
)
ENGINE_VERBATIM = _rule(
    "engine-verbatim",
    "descriptor",
    "Every field shown as the article's own words is marked x-verbatim.",
)
ENGINE_WITHIN = _rule(
    "engine-within",
    "descriptor",
    "Hedges, highlighted inside their claim's quote, are marked x-within it.",
)

# Tables and cells
CSV_SYNTAX = _rule("csv-syntax", "tables", "Each table is valid CSV and starts with a header row.")
DUPLICATE_LABEL = _rule("duplicate-label", "tables", "No column appears twice in a header.")
EXTRA_LABEL = _rule("extra-label", "tables", "A header has no column its schema does not name.")
MISSING_LABEL = _rule("missing-label", "tables", "A header has every column its schema names.")
LABEL_ORDER = _rule("label-order", "tables", "The columns stand in the schema's order.")
BLANK_ROW = _rule("blank-row", "tables", "No row is blank.")
CELL_COUNT = _rule("cell-count", "tables", "Every row has as many cells as the header.")
TYPE_ERROR = _rule(
    "type-error",
    "tables",
    "Every cell reads as its field's type: an integer, a date (YYYY-MM-DD) the timeline can "
    "draw, a list with no empty item.",
)
REQUIRED = _rule("required", "tables", "A required value is not empty.")
ENUM = _rule("enum", "tables", "A coded value is one its field allows.")
PATTERN = _rule("pattern", "tables", "A value matches its field's pattern.")
PRIMARY_KEY = _rule("primary-key", "tables", "No two rows of a table share a primary key.")
UNIQUE = _rule("unique", "tables", "A unique field repeats no value.")
FOREIGN_KEY = _rule(
    "foreign-key",
    "tables",
    "Every reference, and every item of a list of references, finds its row.",
)
ARTICLE_ROW = _rule("article-row", "tables", "The package has exactly one article row.")

# Text, quotes and offsets
ARTICLE_HASH = _rule(
    "article-hash",
    "text",
    "The article text has the SHA-256 its row gives: the annotations point into exactly those "
    "bytes.",
)
LINE_BREAK = _rule(
    "line-break", "text", "A name, a label or a list item is one line; only prose may run on."
)
CONTROL_CHARACTER = _rule("control-character", "text", "No text holds a control character.")
BLANK_TEXT = _rule("blank-text", "text", "No value is spaces only.")
MARKUP = _rule("markup", "text", "No text holds what a browser would read as HTML.")
LISTED_TWICE = _rule("listed-twice", "text", "No list names an item twice.")
CURLY_QUOTE = _rule(
    "curly-quote",
    "text",
    "A passage in curly quotes in prose is the article's own words, verbatim (outside facts "
    "quote their source).",
)
VERBATIM = _rule(
    "verbatim",
    "text",
    "Words shown as the article's own (a headline, a mention, a role, an event's date words) "
    "occur in the article.",
)
WITHIN = _rule("within", "text", "Every hedge occurs in its claim's quote.")
OFFSETS = _rule(
    "offsets",
    "text",
    "Every quote stands in the article exactly at its offsets (start, end), counted in characters.",
)

# What the tables mean together
DATE_ORDER = _rule("date-order", "meaning", "An event's earliest date is not after its latest.")
DATE_PRECISION = _rule(
    "date-precision",
    "meaning",
    'An event\'s precision is "day" exactly when its earliest and latest dates are one day.',
)
DATE_WEEKDAY = _rule(
    "date-weekday",
    "meaning",
    "A weekday an event's date words name is the weekday of its date.",
)
UNSUPPORTED_EVENT = _rule("unsupported-event", "meaning", "Every event is supported by a claim.")
UNUSED_ACTOR = _rule("unused-actor", "meaning", "Every actor takes part in an event or a claim.")
DATING_EVIDENCE = _rule(
    "dating-evidence",
    "meaning",
    "Each step of the dating rests on exactly one of a quote and an outside fact.",
)
NATIVE_LANGUAGE = _rule(
    "native-language",
    "meaning",
    "A native name comes with a language tag CLDR knows, and a language with a native name.",
)
UNSUPPORTED_TAKEAWAY = _rule(
    "unsupported-takeaway", "meaning", "Every Key Takeaway is supported by a claim."
)
SOURCE_KIND = _rule(
    "source-kind",
    "meaning",
    "A claim's kind of source agrees with who asserts it, the last link of its attribution.",
)
CERTAINTY_HEDGES = _rule(
    "certainty-hedges",
    "meaning",
    'A claim lists hedges exactly when its certainty is not "certain".',
)
BEGUN_AFTER_PUBLICATION = _rule(
    "begun-after-publication",
    "meaning",
    "An event reported as done or under way does not begin after the article was published.",
)
PUBLISHER_FIRST = _rule(
    "publisher-first",
    "meaning",
    "Every chain of attribution starts with the same news organisation: the publisher's actor, "
    "or, for a story another site reposts, the wire source's.",
)
MENTION = _rule(
    "mention",
    "meaning",
    "Every actor has the words the article names it by, except a publisher the text never names.",
)
WIRE_SOURCE = _rule(
    "wire-source",
    "meaning",
    "The wire source the article row names is a news organisation among the actors.",
)
WIRE_SKIPPED = _rule(
    "wire-skipped",
    "meaning",
    "Some chain of attribution passes through the wire source the article row names; a person "
    "may know that the publisher reported every claim itself.",
    warning=True,
)

# What the project knows of news writing: the drafter's resolver, hedge lexicon, source words
# and country names, held against what a person wrote.
DATE_WORDS = _rule(
    "date-words",
    "knowledge",
    'Where an event\'s date words count from the publication date ("next Tuesday", "as soon '
    'as next week"), the event has every date those words fix.',
)
OPEN_END = _rule(
    "open-end",
    "knowledge",
    "An end such date words leave open is left open, or closed within a day of publication; a "
    "person may know it from elsewhere in the article.",
    warning=True,
)
HEDGE_OMITTED = _rule(
    "hedge-omitted",
    "knowledge",
    'A claim marked "certain" lists every cue of the hedge lexicon its quote holds; a person '
    "may judge that a cue belongs to words the claim does not assert.",
    warning=True,
)
SPEAKER = _rule(
    "speaker",
    "knowledge",
    "A quotation the article closes with its speaker (“...,” stated Park) is attributed to that "
    "speaker.",
)
SIDE_COUNTRY = _rule(
    "side-country",
    "knowledge",
    "An actor stands on the side of its own country where the side's label names one country; "
    "a person may rightly place an envoy with the side it serves.",
    warning=True,
)
