"""What keyboard users and new readers need that the widgets' own styles do not give.

JupyterLab draws focus on a button or a list as a 1 px ring of #64B5F6, about 2:1 against white;
WCAG asks 3:1. The widgets take no attributes or inline styles for that, so the explainer's
controls carry the class `KEYBOARD_CLASS` and a small style sheet (shown by an HTML widget,
which applies to the page like any style element) draws a 2 px ring of 6.7:1 around them. It
also hides, for the eye only, an answer list's label: the question above it says the same,
and a screen reader still reads the label as the list's name.

An answer list is a list box (one Tab stop, arrow keys choose, named by its question: see
exercises.Exercise), which by default looks like a form field rather than something to click.
The same sheet draws each of its options as a card with a radio-like circle, filled once it is
chosen, a border of 4.5:1 or more, and a pointer cursor, as a radio button group would look.
"""

from __future__ import annotations

KEYBOARD_CLASS = "explainer-keyboard"
FOCUS_COLOUR = "#0B5CAD"  # 6.7:1 against white
ANSWER_CLASS = "explainer-answer"
CHOICES_CLASS = "choices"  # a list of answer choices, as the pages and the student walks name it
EXERCISE_CLASS = "explainer-exercise"  # the whole exercise: its question, choices and feedback
CARD_BORDER = "#6B6B6B"  # 5.3:1 against white
CHOSEN_BACKGROUND = "#DCEBFA"  # behind black text 16:1

FOCUS_STYLE = f"""<style>
.{KEYBOARD_CLASS} button:focus-visible, .{KEYBOARD_CLASS} select:focus-visible,
.{KEYBOARD_CLASS} select:focus {{
  outline: 2px solid {FOCUS_COLOUR} !important; outline-offset: 2px !important;
}}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} > label.widget-label {{
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} select {{
  border: none !important; background: transparent !important; padding: 2px !important;
  height: auto !important; overflow: visible !important; font-size: var(--jp-ui-font-size2, 15px);
}}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} option {{
  padding: 6px 14px 6px 8px; margin: 4px 0; border: 2px solid {CARD_BORDER}; border-radius: 6px;
  background: #FFF; color: #000; cursor: pointer; white-space: normal;
}}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} option::before {{ content: "\\25CB\\00A0\\00A0"; }}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} option:hover {{ border-color: {FOCUS_COLOUR}; }}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} option:checked {{
  background: {CHOSEN_BACKGROUND} linear-gradient({CHOSEN_BACKGROUND}, {CHOSEN_BACKGROUND});
  border-color: {FOCUS_COLOUR}; color: #000; font-weight: bold;
}}
.{KEYBOARD_CLASS} .{ANSWER_CLASS} option:checked::before {{ content: "\\25C9\\00A0\\00A0"; }}
</style>"""
