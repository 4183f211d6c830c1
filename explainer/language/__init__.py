"""What the project knows of news writing, as data and rules any part may read.

The words and patterns by which an article dates, hedges and attributes what it reports: the
time-expression resolver (`time_expressions`, with `intervals`, `durations` and `anaphora`), the
hedge lexicon (`hedges`, from `hedges.csv`, each cue with its source), the reporting patterns and
words of sources (`sources`, from `source_words.csv`) and country names (`countries`). The
drafter proposes a package with them, and `validate` holds every package to them; they import
nothing else of the explainer, so both can.
"""
