"""A draft package from an article's text, for a person to review instead of typing.

`propose` reads the text (`layout`: headline, dateline, sentences), finds sources (`sources`),
countries (`countries`), hedges (`hedges`) and time expressions (`time_expressions`, resolved
against the publication date); `write_package` writes the tables, every row marked for review.
`offsets` re-anchors quotes after the text or a quote was edited. The word lists are data beside
these modules (`hedges.csv`, each cue with its source; `source_words.csv`).
"""

from .layout import LayoutError
from .proposal import Proposal, propose
from .write import FolderNotEmpty, write_package

__all__ = ["FolderNotEmpty", "LayoutError", "Proposal", "propose", "write_package"]
