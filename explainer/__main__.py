"""`python -m explainer COMMAND`: see explainer/cli/ for the commands."""

import sys

from .cli import main

sys.exit(main())
