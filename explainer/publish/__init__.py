"""Publishing a notebook: executing it with deterministic outputs, and building from its stored
outputs the offline slide deck, handout, worksheet and answer key (pages.py lists them)."""
