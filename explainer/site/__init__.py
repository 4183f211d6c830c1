"""`python -m explainer site`: the explainer as a static JupyterLite site, run in the browser.

A school gets the explainer with no install and no server: Pyodide runs the notebook in the
reader's browser. Everything the kernel loads is in the folder, so the site works offline:

- `pyodide_core`: Pyodide's core from npm (it carries no package wheels);
- `wheels`: the pure-Python wheels the kernel loads at start, from PyPI, and the lock that
  lists exactly those, with the explainer's own wheel preloaded;
- `toolchain`: JupyterLite's build tools, in a venv of their own;
- `build`: the notebooks and data as the site's contents, `jupyter lite build` with the lab app;
- `serve`: the stdlib-only launcher copied into the site for a USB stick.
"""
