"""What a kernel and the classroom server say to each other, with nothing to import: the
kernel's side (`sender`) also runs in JupyterLite's Pyodide, which has no tornado."""

ANSWER_ROUTE = "/explainer/answers"  # where a kernel posts its page's answers
PAGE_HEADER = "X-Explainer-Page"  # the kernel's page key goes in this header
FIELDS = ("exercise", "first_answer", "final_answer", "tries", "hints")  # what a page sends
# What a kernel the server starts finds in its environment (recorder.new_page).
URL, KEY, LABEL, NAMES = (
    "EXPLAINER_ANSWERS_URL",
    "EXPLAINER_PAGE_KEY",
    "EXPLAINER_PAGE_LABEL",
    "EXPLAINER_NAMES",
)
