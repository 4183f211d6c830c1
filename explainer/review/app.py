"""The review notebook's interface: one row at a time, accept / edit / merge / delete.

Made of ipywidgets only, so it runs alike in JupyterLab and in Voilà. Each button builds the
change on a copy of the tables (`edits`), has it validated with the rules of `validate`
(`tables.problems`) and, only when no problem is found, writes it whole (`tables.write`); the
status line then says "Saved", and only then: what it acknowledges is on disk. A change with
problems is not written and its problems are listed. Once no row awaits review, a button
generates the explainer notebook beside the package, with `python -m explainer notebook`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import ipywidgets as widgets
from markupsafe import Markup

from ..package.writing import CannotWrite
from . import edits, queue, tables
from .marked import marked

_LONG = {"summary", "inference", "headline"}


class ReviewApp:
    """The review of the package in `folder`; display it (it is the notebook's last value)."""

    def __init__(self, folder: str | Path = ".") -> None:
        self.folder = Path(folder)
        self.tables = tables.Tables.read(self.folder)
        self.skipped = 0
        self.progress = widgets.HTML()
        self.status = widgets.HTML()
        self.body = widgets.VBox()
        title = widgets.HTML(
            Markup("<h2>Review the draft of {}</h2>").format(self.folder.resolve().name)
        )
        self.widget = widgets.VBox([title, self.progress, self.status, self.body])
        self.fields: dict[str, widgets.ValueWidget] = {}
        self.show()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    # --- what is shown ----------------------------------------------------------------------

    def show(self) -> None:
        self.progress.value = Markup("<p><strong>{}</strong></p>").format(
            queue.progress_line(self.tables)
        )
        items = queue.awaiting(self.tables)
        self.body.children = self._item(items[self.skipped % len(items)]) if items else self._done()

    def _item(self, item: queue.Item) -> list[widgets.Widget]:
        self.item = item
        kind = " · ambiguous date" if item.ambiguous else ""
        heading = widgets.HTML(
            Markup("<h3>{}.csv · {}{}</h3><p>To check: {}</p>").format(
                item.resource, item.id, kind, item.check
            )
        )
        sentence = widgets.HTML(marked(self.tables, item.resource, item.id))
        current = edits.values(self.tables, item.resource, item.id)
        self.fields = {name: self._field(name, value) for name, value in current.items()}
        others = [r["id"] for r in self.tables.rows[item.resource] if r["id"] != item.id]
        self.into = widgets.Dropdown(options=others, description="merge into", value=None)
        buttons = [
            self._button("Accept", "success", self.accept),
            self._button("Save edits", "", self.save),
            self._button("Merge", "warning", self.merge),
            self._button("Delete", "danger", self.delete),
            self._button("Skip", "", self.skip),
        ]
        form = widgets.VBox(list(self.fields.values()))
        return [heading, sentence, form, self.into, widgets.HBox(buttons)]

    def _done(self) -> list[widgets.Widget]:
        note = widgets.HTML(
            "<p>Every row is reviewed: <code>validate --strict</code> passes. "
            "Generate the explainer for the class:</p>"
        )
        return [note, self._button("Generate the explainer", "primary", self.generate)]

    def _field(self, name: str, value: str) -> widgets.ValueWidget:
        options = self._options(name)
        layout = widgets.Layout(width="95%")
        style = {"description_width": "8em"}
        if options is not None:
            choices = options if value in dict(options).values() else [(value, value), *options]
            return widgets.Dropdown(
                options=choices, value=value, description=name, layout=layout, style=style
            )
        kind = widgets.Textarea if name in _LONG else widgets.Text
        return kind(value=value, description=name, layout=layout, style=style)

    def _options(self, name: str) -> list[tuple[str, str]] | None:
        if name == edits.SOURCE:
            return [(f"{a['name']} ({a['id']})", a["id"]) for a in self.tables.rows["actors"]]
        if name == "group" and self.item.resource == "actors":
            return [(g["label"], g["id"]) for g in self.tables.rows["groups"]]
        enum = _enum(self.tables.descriptor, self.item.resource, name)
        return [(v, v) for v in enum] if enum else None

    def _button(self, label: str, style: str, action) -> widgets.Button:
        button = widgets.Button(description=label, button_style=style)
        button.on_click(lambda _: self._run(action))
        return button

    def _run(self, action) -> None:
        """A button's action; an unexpected error is said in the status line, where the
        teacher looks, rather than only in the server's log."""
        try:
            action()
        except Exception as error:  # noqa: BLE001 - shown to the teacher, nothing written
            self._say(Markup("<p>Not saved: unexpected error: {!r}</p>").format(error))

    # --- what the buttons do ----------------------------------------------------------------

    def _changes(self) -> dict[str, str]:
        return {name: str(field.value or "") for name, field in self.fields.items()}

    def accept(self) -> None:
        item, changes = self.item, self._changes()
        self._apply(lambda t: edits.accept(t, item.resource, item.id, changes))

    def save(self) -> None:
        item, changes = self.item, self._changes()
        self._apply(lambda t: edits.edit(t, item.resource, item.id, changes))

    def merge(self) -> None:
        item, into = self.item, self.into.value
        if not into:
            self._say(Markup("<p>Choose the row to merge into first.</p>"))
            return
        self._apply(lambda t: edits.merge(t, item.resource, item.id, into))

    def delete(self) -> None:
        item = self.item
        self._apply(lambda t: edits.delete(t, item.resource, item.id))

    def skip(self) -> None:
        self.skipped += 1
        self._say(Markup("<p>Skipped {}: it still awaits review.</p>").format(self.item.id))
        self.show()

    def _apply(self, change) -> None:
        """Validate the change on a copy; write it whole only if no problem is found."""
        candidate = self.tables.copy()
        changed, said = change(candidate)
        if not changed:
            self._say(Markup("<p>{}</p>").format(said))
            return
        found = tables.problems(candidate, changed)
        if found:
            items = Markup("").join(Markup("<li>{}</li>").format(p) for p in found)
            self._say(Markup("<p>Not saved, {} problems:</p><ul>{}</ul>").format(len(found), items))
            return
        try:
            tables.write(candidate, changed)
        except CannotWrite as error:
            self._say(Markup("<p>Not saved: {}</p>").format(error.said("the change")))
            return
        self.tables = tables.Tables.read(self.folder)
        self._say(Markup("<p>Saved: {}.</p>").format(said))
        self.show()

    def generate(self) -> None:
        output = self.folder.resolve().parent / f"{self.folder.resolve().name}.ipynb"
        self._say(Markup("<p>Generating {}…</p>").format(output.name))
        command = [
            sys.executable,
            "-m",
            "explainer",
            "notebook",
            str(self.folder),
            "-o",
            str(output),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            self._say(Markup("<p>Not generated:</p><pre>{}</pre>").format(done.stderr[-2000:]))
            return
        self._say(Markup("<p>Generated: {} (beside the package).</p>").format(output.name))

    def _say(self, message: Markup) -> None:
        self.status.value = Markup('<div role="status">{}</div>').format(message)


def _enum(descriptor: dict, resource: str, name: str) -> list[str]:
    for table in descriptor["resources"]:
        if table["name"] == resource:
            for field in table["schema"]["fields"]:
                if field["name"] == name:
                    return field.get("constraints", {}).get("enum", [])
    return []
