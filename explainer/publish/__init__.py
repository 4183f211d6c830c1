"""Publishing a notebook: executing it with deterministic outputs, and building the offline
slide deck and handout from its stored outputs."""
