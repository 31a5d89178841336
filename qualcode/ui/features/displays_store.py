"""What the Displays pane keeps and writes: framework summaries, saved specs, exports.

A mixin of :class:`~qualcode.ui.features.displays.DisplaysPane`; every change
goes through the core (``project.cells``, ``project.displays``
managers) via the dispatcher,
and exports run the core Excel and Word table writers on a worker thread. Texts use
the pane's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLayout, QTableView, QToolButton

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features.displays_form import TYPES
from qualcode.ui.features.displays_model import translated
from qualcode.ui.shell import dialogs

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project
    from qualcode.ui.features.displays_cell import CellPanel
    from qualcode.ui.features.displays_form import DisplayForm
    from qualcode.ui.features.displays_model import DisplayModel
    from qualcode.ui.shell.main_window import MainWindow

EXPORTS = {
    "xlsx": (QT_TRANSLATE_NOOP("displays", "Export the display to Excel"), "Excel (*.xlsx)"),
    "docx": (QT_TRANSLATE_NOOP("displays", "Export the display to Word"), "Word (*.docx)"),
}


class DisplayStore:
    """Summaries, saved displays and exports of the pane (mixed into ``DisplaysPane``)."""

    display: Display | None
    project: Project | None
    saved_name: str | None
    current: tuple[int, int] | None
    message: str
    window_: MainWindow
    saved: QComboBox
    model: DisplayModel
    table: QTableView
    cell: CellPanel
    form: DisplayForm
    buttons: dict[str, QToolButton]
    _opened: tuple[Any, int] | None = None
    """(project, id) of the saved display last opened or saved: what "Update" overwrites."""
    _requested: tuple[int, Any] | None = None
    """(id, spec) the pane last asked to show for a saved display (not a change to follow)."""

    # -- framework summaries --------------------------------------------------------------------
    def ensure_saved(self) -> int | None:
        """The saved id of the shown display, saving it first (summaries belong to saved ones)."""
        if self.display is None:
            return None
        if self.display.saved_id is None:
            self.save_spec(
                reason=QCoreApplication.translate(
                    "DisplaysPane", "Summaries are kept with a saved display. Name it:"
                )
            )
        return self.display.saved_id

    def _summary_target(self) -> tuple[int, tuple[str, str]] | None:
        """(saved display id, cell keys) of the opened cell, saving the display first if
        needed; None when there is no cell, the project is read-only or the user cancels."""
        if self.current is None or self.display is None or not self.writable:
            return None
        r, c = self.current
        keys = (self.display.rows[r].key, self.display.columns[c].key)
        saved_id = self.ensure_saved()
        return None if saved_id is None else (saved_id, keys)

    def save_summary(self, text: str) -> None:
        """Write the opened cell's summary (``project.cells.set_summary``; emptied = cleared)."""

        target = self._summary_target()
        if target is None:
            return
        saved_id, keys = target
        if not text.strip():
            if self.current not in self.display.summaries:
                return
            changes = self.window_.dispatcher.run(
                self.project.cells.clear_summary, saved_id, *keys, origin=self
            )
        else:
            links = (
                None
                if self.current in self.display.summaries
                else self.display.cell_codings(*self.current)
            )
            changes = self.window_.dispatcher.run(
                self.project.cells.set_summary, saved_id, *keys, text.strip(), links, origin=self
            )
        if changes is not None:
            self.cell.summary.document().setModified(False)
            self.reload_summaries()

    def autofill(self) -> None:
        """Draft the opened cell's summary from its excerpts (core ``autofill``)."""

        target = self._summary_target()
        if target is None:
            return
        saved_id, keys = target
        changes = self.window_.dispatcher.run(
            self.project.cells.autofill, saved_id, cells=[keys], origin=self
        )
        self.cell.summary.document().setModified(False)  # show the draft (or what is kept)
        if changes is None:
            return
        if not changes.result:
            self.message = QCoreApplication.translate(
                "DisplaysPane", "Nothing drafted: the cell has a summary written by a researcher."
            )
        self.reload_summaries()

    def reload_summaries(self) -> None:
        """Read the shown saved display's summaries again (after a save, an undo, a colleague)."""

        d = self.display
        if d is None or d.saved_id is None or self.project is None:
            return
        if d.spec.cell not in ("summary", "excerpts", "rating"):
            return
        found = self.project.cells.summaries(d.saved_id)
        d.summaries = {
            (r, c): found[(rh.key, ch.key)]
            for r, rh in enumerate(d.rows)
            for c, ch in enumerate(d.columns)
            if (rh.key, ch.key) in found
        }
        self.model.refresh_summaries()
        self.table.resizeRowsToContents()
        self._show_cell_summary(keep=True)
        self._show_title()

    # -- saved displays ---------------------------------------------------------------------------
    def refill_saved(self) -> None:
        """List the saved displays; the shown saved display follows a rename or an undo."""
        self._ensure_store_buttons()
        keep = self.saved.currentData()
        self.saved.clear()
        records = []
        if self.project is not None:
            records = self.project.displays.all()
            for rec in records:
                self.saved.addItem(
                    f"{rec.name} \u2014 {translated(TYPES.get(rec.spec.type, ''))}", rec.id
                )
        if self.saved.count() == 0:
            self.saved.setPlaceholderText(
                QCoreApplication.translate("DisplaysPane", "No saved displays")
            )
        at = self.saved.findData(keep)
        self.saved.setCurrentIndex(at if at >= 0 else (0 if self.saved.count() else -1))
        self._enable()
        self._follow_saved(records)
        self._enable_store()

    def _follow_saved(self, records: list[Any]) -> None:
        # A rename (or its undo) changes the title; an undone/redone update re-runs the display.
        d = self.display
        rec = next((r for r in records if d is not None and r.id == d.saved_id), None)
        if rec is None or d is None:
            return
        if rec.name != self.saved_name:
            self.saved_name = rec.name
            self._show_title()
        if rec.spec != d.spec and self._requested != (rec.id, rec.spec):
            self._requested = (rec.id, rec.spec)
            self.form.load_spec(rec.spec)
            self.run_spec(rec.spec, rec.id, rec.name, quiet=True)

    def saved_ids(self) -> list[int]:
        """Ids of the saved displays, as listed."""
        return [int(self.saved.itemData(i)) for i in range(self.saved.count())]

    def open_saved(self, display_id: int) -> None:
        """Re-run a saved display on the current data (with its cell summaries); the form
        shows its choices, ready to change and "Update"."""

        rec = self.window_.dispatcher.run(self.project.displays.get, display_id, origin=self)
        if rec is not None:
            self.form.load_spec(rec.spec)
            self._opened = (self.project, rec.id)
            self._requested = (rec.id, rec.spec)
            self.run_spec(rec.spec, rec.id, rec.name)
            self._enable_store()

    def open_chosen(self) -> None:
        """Open the display chosen in the saved list."""
        if self.saved.currentData() is not None:
            self.open_saved(int(self.saved.currentData()))

    def opened_id(self) -> int | None:
        """The saved display "Update" overwrites (last opened or saved, if it still exists)."""
        if self._opened is None or self._opened[0] is not self.project:
            return None
        return self._opened[1] if self._opened[1] in self.saved_ids() else None

    def save_spec(self, *, reason: str = "") -> None:
        """Save the shown display's spec under a name the user gives."""

        if self.display is None or not self.writable:
            return
        name = dialogs.get_text(
            self,
            QCoreApplication.translate("DisplaysPane", "Save display"),
            reason or QCoreApplication.translate("DisplaysPane", "Name of the display:"),
            self.saved_name or translated(TYPES.get(self.display.spec.type, "")),
        )
        if not name:
            return
        changes = self.window_.dispatcher.run(
            self.project.displays.save, name, self.display.spec, origin=self
        )
        if changes is None:
            return
        self.display.saved_id = changes.result.id
        self.saved_name = changes.result.name
        self._opened = (self.project, changes.result.id)
        self.refill_saved()
        self.saved.setCurrentIndex(self.saved.findData(changes.result.id))
        self._show_title()

    def update_saved(self) -> None:
        """Overwrite the opened saved display's spec with the form's choices and re-run it."""

        target = self.opened_id()
        if target is None or not self.writable:
            return
        run = self.window_.dispatcher.run
        spec = run(self.form.spec, origin=self)
        if spec is None:
            return
        self._requested = (target, spec)
        changes = run(self.project.displays.update, target, spec, origin=self)
        if changes is None:
            return
        rec = self.project.displays.get(target)
        self.saved.setCurrentIndex(self.saved.findData(target))
        self.run_spec(rec.spec, rec.id, rec.name)
        self.window_.statusBar().showMessage(
            QCoreApplication.translate(
                "DisplaysPane", "Saved display \u201c{name}\u201d updated."
            ).format(name=rec.name),
            5000,
        )

    def rename_chosen(self) -> None:
        """Give the display chosen in the saved list another name (core ``rename_display``)."""

        display_id = self.saved.currentData()
        if display_id is None or not self.writable:
            return
        rec = self.window_.dispatcher.run(self.project.displays.get, int(display_id), origin=self)
        if rec is None:
            return
        name = dialogs.get_text(
            self,
            QCoreApplication.translate("DisplaysPane", "Rename display"),
            QCoreApplication.translate("DisplaysPane", "New name of the display:"),
            rec.name,
        )
        if not name or name == rec.name:
            return
        if (
            self.window_.dispatcher.run(self.project.displays.rename, rec.id, name, origin=self)
            is not None
        ):
            self.refill_saved()

    def _ensure_store_buttons(self) -> None:
        # "Update" and "Rename…" sit after "Delete" in the pane's bar (built by the pane).
        if "update" in self.buttons or "delete" not in self.buttons:
            return
        bar = _layout_holding(self.layout(), self.buttons["delete"])
        for offset, (key, slot) in enumerate(
            (("update", self.update_saved), ("rename", self.rename_chosen)), start=1
        ):
            button = QToolButton(self)  # type: ignore[arg-type]
            button.setObjectName(f"display_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            if bar is not None:
                bar.insertWidget(bar.indexOf(self.buttons["delete"]) + offset, button)

    def _enable_store(self) -> None:
        """Enable "Update" and "Rename…" and say in their tooltips what they act on."""
        target = self.opened_id()
        update, rename = self.buttons["update"], self.buttons["rename"]
        update.setText(QCoreApplication.translate("DisplaysPane", "Update"))
        rename.setText(QCoreApplication.translate("DisplaysPane", "Rename…"))
        update.setEnabled(self.writable and target is not None)
        rename.setEnabled(self.writable and self.saved.count() > 0)
        if target is None:
            tip = QCoreApplication.translate(
                "DisplaysPane", "Update saved display: open a saved display first"
            )
        else:
            name = self.saved.itemText(self.saved.findData(target)).split(" \u2014 ")[0]
            tip = QCoreApplication.translate(
                "DisplaysPane",
                "Update saved display \u201c{name}\u201d with the choices in the form",
            ).format(name=name)
        update.setToolTip(tip)
        update.setAccessibleName(QCoreApplication.translate("DisplaysPane", "Update saved display"))
        rename.setToolTip(
            QCoreApplication.translate("DisplaysPane", "Rename the chosen saved display")
        )
        rename.setAccessibleName(
            QCoreApplication.translate("DisplaysPane", "Rename the chosen saved display")
        )

    def delete_chosen(self) -> None:
        """Delete the display chosen in the saved list (with its summaries), after asking."""

        display_id = self.saved.currentData()
        if display_id is None or not self.writable:
            return
        if not dialogs.ask(
            self,
            QCoreApplication.translate("DisplaysPane", "Delete display"),
            QCoreApplication.translate(
                "DisplaysPane", "Delete the saved display '{name}' and its cell summaries?"
            ).format(name=self.saved.currentText()),
        ):
            return
        if (
            self.window_.dispatcher.run(self.project.displays.delete, int(display_id), origin=self)
            is not None
        ):
            self._forget_deleted()
            self.refill_saved()

    def _forget_deleted(self) -> None:
        """The shown display's saved spec is gone (deleted, or its save undone)."""
        d = self.display
        if d is not None and d.saved_id is not None and d.saved_id not in self.saved_ids_now():
            d.saved_id = None
            self.saved_name = None
            d.summaries = {}
            self.model.refresh_summaries()
            self._show_cell_summary(keep=True)
            self._show_title()

    def saved_ids_now(self) -> set[int]:
        """Ids of the saved displays in the project now."""

        return (
            {rec.id for rec in self.project.displays.all()} if self.project is not None else set()
        )

    # -- export -----------------------------------------------------------------------------------
    def export(self, kind: str) -> None:
        """Write the shown display to .xlsx or .docx with the core table writers."""
        if self.display is None or self.project is None:
            return
        title, filters = EXPORTS[kind]
        suggested = (self.saved_name or self.display.spec.type) + f".{kind}"
        path = dialogs.save_file(self, translated(title), filters, suggested)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        display, project = self.display, self.project
        language = getattr(self.window_.settings, "language", "en")
        name = self.saved_name

        exports = self.window_.panes.get("exports")  # File › Export › Pseudonymise exports
        masked = bool(getattr(exports, "pseudonymise", False))

        def work(progress: Any, cancel: Any) -> str:
            from qualcode.cases.attribution import AttributionStyle
            from qualcode.export.display_file import write_display_file

            report = lambda done, total: progress(done, total, "")  # noqa: E731
            style = AttributionStyle(pseudonymise=True) if masked else None

            def write(target: Any) -> None:
                write_display_file(
                    display, target, project=project, title=name, language=language,
                    style=style, progress=report, cancel=cancel,
                )  # fmt: skip

            if masked and exports is not None:
                exports.guarded(project, path, write)  # register rewrite + leak check
            else:
                write(path)
            return path

        def done(written: str) -> str:
            self.message = QCoreApplication.translate("DisplaysPane", "Exported to {file}").format(
                file=written
            )
            self._show_title()
            return str(self.message)

        if exports is not None:  # leaks listed and, if the user accepts them, written
            exports.run(translated(title), work, done)
        else:
            self.window_.dispatcher.run_task(
                translated(title), work,
                lambda written: self.window_.statusBar().showMessage(done(written), 8000),
                origin=self,
            )  # fmt: skip


def _layout_holding(layout: QLayout | None, widget: Any) -> QBoxLayout | None:
    """The box layout (nested anywhere in ``layout``) that holds ``widget``."""
    if layout is None:
        return None
    if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        found = _layout_holding(layout.itemAt(i).layout(), widget)
        if found is not None:
            return found
    return None
