"""What on screen gives an exercise's answer away: the rule of issue 16's student walks.

A page's visible text is read as blocks (a table row, a list item, a paragraph, a heading, a
chart), each with the words a <mark> highlights set between MARK_OPEN and MARK_CLOSE
(BLOCKS_JS, run in the page). An exercise's answer is given away by a block, outside the
exercise's own question and outside any list of choices, that shows:

- a sentence of its explanation (five words or more, not itself a passage of the article); or
- the label of a right choice (a word's -s or -es ending aside), where it is not simply the
  article's own text (a hedge word
  inside an unhighlighted quotation is the article speaking):
  - in a block about the exercise's own record (one that holds its quotation), such as the
    claims table's row for that claim: its kind of source, its speaker, a verdict, a status;
  - for a hedge word, also highlighted, or in quotation marks on its own (“tentative”), in any
    block: prose that names the hedge word (a common word such as "whether" used in a sentence
    of the prose is not the answer);
  - for the day a relative date means, in any block;
  - but only in a block about the record when the question's own prompt states the label (a
    relative date that is the day of publication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.views.exercises import EXERCISE_MIMETYPE
from explainer.views.held_back import HELD_BACK_MIMETYPE

MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
QUOTES = '“”"'
QUOTE_PREFIX = 40  # characters of the quotation that name the record in a block
CONTEXT = 15  # characters either side of a label that must be the article's for it to be its text

# The blocks of visible text of `root` (a CSS selector; the current slide when null), in order:
# on a page or a slide, and in JupyterLab or Voila, where an exercise is a widget.
BLOCKS_JS = """root => {
  const top = root ? document.querySelector(root) : Reveal.getCurrentSlide();
  const BLOCK = "li, p, blockquote, h1, h2, h3, h4, h5, h6, figure, caption, pre, dt, dd";
  const blocks = new Map();
  const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent.trim() || parent.closest("aside.notes, script, style")) continue;
    const html = parent.closest("svg") ? parent.closest("svg").parentElement : parent;
    if (!html.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const block = parent.closest("tr") || parent.closest(BLOCK) || parent;
    if (!blocks.has(block)) {
      // A page's question, or a notebook's exercise widget (its key on its header inside)
      const question = block.closest(".exercise-question, .exercise, .explainer-exercise");
      const keyed = question && (question.dataset.exercise ? question
        : question.querySelector("[data-exercise]"));
      blocks.set(block, {
        text: "",
        question: keyed ? keyed.dataset.exercise : null,
        choices: Boolean(block.closest(".choices")),
      });
    }
    const entry = blocks.get(block);
    const marked = Boolean(parent.closest("mark"));
    entry.text += (marked ? "\\ue000" : "") + node.textContent + (marked ? "\\ue001" : "") + " ";
  }
  return [...blocks.values()];
}"""


@dataclass(frozen=True)
class Block:
    text: str  # with MARK_OPEN ... MARK_CLOSE around highlighted words
    question: str | None  # the key of the exercise whose question holds it
    choices: bool  # inside a list of answer choices


def normal(text: str) -> str:
    return " ".join(text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "").split())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+", normal(text)) if len(s.split()) >= 5]


def right_labels(exercise: dict) -> list[str]:
    return [c["label"] for c in exercise["choices"] if c["value"] in exercise["correct"]]


def _word(word: str) -> str:
    """A word of a label, its -s or -es ending optional ("goes" finds "go", "source" finds
    "sources"): prose names a verdict or a kind of source in whichever form its sentence needs."""
    if not word.isalpha():
        return re.escape(word)
    stem = word
    if len(word) > 3 and word.endswith(("ses", "xes", "zes", "oes", "ches", "shes")):
        stem = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        stem = word[:-1]
    return re.escape(stem) + "(?:e?s)?"


def _label_pattern(label: str) -> re.Pattern:
    words = r"\s+".join(_word(word) for word in label.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def label_shown(text: str, label: str, article: str) -> set[str]:
    """How `label` shows in a block's text: "marked" (highlighted), "named" (in quotation marks
    on its own), "text" (otherwise, but not as a passage of the article)."""
    pattern = _label_pattern(label)
    marked, ways = False, set()
    for segment in re.split(f"([{MARK_OPEN}{MARK_CLOSE}{QUOTES}])", text):
        if segment in (MARK_OPEN, MARK_CLOSE):
            marked = segment == MARK_OPEN
            continue
        for found in pattern.finditer(segment):
            window = normal(segment[max(0, found.start() - CONTEXT) : found.end() + CONTEXT])
            if marked:
                ways.add("marked")
            elif segment.strip().lower() == label.lower():
                ways.add("named")
            elif len(window) < len(label) + CONTEXT or window not in article:
                ways.add("text")
    return ways


def about_record(text: str, exercise: dict) -> bool:
    return normal(exercise["quote"])[:QUOTE_PREFIX] in normal(text)


def giveaways(exercise: dict, blocks: list[Block], article: str) -> list[str]:
    """What in `blocks` gives the exercise's answer away, each as a few words and the text."""
    article = normal(article)
    explanation = [s for s in sentences(exercise["explanation"]) if s not in article]
    found = []
    for block in blocks:
        if block.question == exercise["key"] or block.choices:
            continue
        text = normal(block.text)
        found += [f"explanation {s!r} in {text[:120]!r}" for s in explanation if s in text]
        for label in right_labels(exercise):
            ways = label_shown(block.text, label, article)
            if about_record(block.text, exercise):
                telling = ways
            elif _label_pattern(label).search(exercise["prompt"]):
                telling = set()  # the question states it: only its record's answer tells
            elif exercise["kind"] == "hedge_word":
                telling = ways & {"marked", "named"}
            elif exercise["kind"] == "relative_date":
                telling = ways
            else:
                telling = set()
            if telling:
                found.append(f"answer {label!r} ({', '.join(sorted(telling))}) in {text[:120]!r}")
    return found


def predates_retrieval_first(notebook: dict) -> str | None:
    """Why a stored notebook predates issue 16's retrieval-first lesson, or None: its exercises
    give no hint, or it holds no view back until an exercise is answered (the lesson orders
    every section to ask first and holds back what must still come before the answer). On such
    a notebook a student walk must fail, as a strict xfail, until the notebook is made anew."""
    data = [o.get("data", {}) for cell in notebook["cells"] for o in cell.get("outputs", [])]
    if not all(d[EXERCISE_MIMETYPE].get("hint") for d in data if EXERCISE_MIMETYPE in d):
        return "the stored notebook predates the retrieval-first lesson (no hints)"
    if not any(HELD_BACK_MIMETYPE in d for d in data):
        return "the stored notebook predates the retrieval-first lesson (it holds nothing back)"
    return None
