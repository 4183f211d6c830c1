"""A draft package from an article's text, for a person to review instead of typing.

`propose` reads the text (`layout`: headline, dateline, sentences; `credit`: who published and
who reported it, and a headline given apart), finds sources, countries, hedges and time
expressions with what the project knows of news writing (`explainer.language`, which `validate`
reads too), dates resolved against the publication date; `write_package` writes the tables,
every row marked for review. `offsets` re-anchors quotes after the text or a quote was edited.
`bounds` keeps the article and its draft within the package's limits; `normalised` matches
words whatever the encoding of their accents.
"""

from .bounds import PastLimit
from .layout import LayoutError
from .proposal import Proposal, propose
from .write import FolderNotEmpty, write_package

__all__ = ["FolderNotEmpty", "LayoutError", "PastLimit", "Proposal", "propose", "write_package"]
