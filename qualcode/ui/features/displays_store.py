"""What the Displays pane keeps and writes: framework summaries, saved specs, exports.

A mixin of :class:`~qualcode.ui.features.displays.DisplaysPane`; every change
goes through the core (``set_summary``, ``autofill``, ``save_display``,
``delete_display``) via the dispatcher, and exports run the core Excel and Word
table writers on a worker thread. Texts use the pane's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui import dialogs
from qualcode.ui.features.displays_form import TYPES
from qualcode.ui.features.displays_model import translated

EXPORTS = {
    "xlsx": (QT_TRANSLATE_NOOP("displays", "Export the display to Excel"), "Excel (*.xlsx)"),
    "docx": (QT_TRANSLATE_NOOP("displays", "Export the display to Word"), "Word (*.docx)"),
}


class DisplayStore:
    """Summaries, saved displays and exports of the pane (mixed into ``DisplaysPane``)."""

    display: Any
    project: Any
    saved_name: str | None
    current: tuple[int, int] | None
    message: str
    window_: Any
    saved: Any
    model: Any
    table: Any
    cell: Any

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

    def save_summary(self, text: str) -> None:
        """Write the opened cell's summary (core ``set_summary``; an emptied one is cleared)."""
        from qualcode.analysis.framework import clear_summary, set_summary

        if self.current is None or self.display is None or not self.writable:
            return
        r, c = self.current
        keys = (self.display.rows[r].key, self.display.columns[c].key)
        saved_id = self.ensure_saved()
        if saved_id is None:
            return
        if not text.strip():
            if self.current not in self.display.summaries:
                return
            changes = self.window_.dispatcher.run(
                clear_summary, self.project, saved_id, *keys, origin=self
            )
        else:
            links = (
                None if self.current in self.display.summaries else self.display.cell_codings(r, c)
            )
            changes = self.window_.dispatcher.run(
                set_summary, self.project, saved_id, *keys, text.strip(), links, origin=self
            )
        if changes is not None:
            self.cell.summary.document().setModified(False)
            self.reload_summaries()

    def autofill(self) -> None:
        """Draft the opened cell's summary from its excerpts (core ``autofill``)."""
        from qualcode.analysis.framework import autofill

        if self.current is None or self.display is None or not self.writable:
            return
        r, c = self.current
        keys = (self.display.rows[r].key, self.display.columns[c].key)
        saved_id = self.ensure_saved()
        if saved_id is None:
            return
        changes = self.window_.dispatcher.run(
            autofill, self.project, saved_id, cells=[keys], origin=self
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
        from qualcode.analysis.framework import summaries_of

        d = self.display
        if d is None or d.saved_id is None or d.spec.cell != "summary" or self.project is None:
            return
        found = summaries_of(self.project, d.saved_id)
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
        """List the saved displays."""
        keep = self.saved.currentData()
        self.saved.clear()
        if self.project is not None:
            from qualcode.analysis.saved import list_saved

            for rec in list_saved(self.project):
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

    def saved_ids(self) -> list[int]:
        """Ids of the saved displays, as listed."""
        return [int(self.saved.itemData(i)) for i in range(self.saved.count())]

    def open_saved(self, display_id: int) -> None:
        """Re-run a saved display on the current data (with its cell summaries)."""
        from qualcode.analysis.saved import get_saved

        rec = self.window_.dispatcher.run(get_saved, self.project, display_id, origin=self)
        if rec is not None:
            self.run_spec(rec.spec, rec.id, rec.name)

    def open_chosen(self) -> None:
        """Open the display chosen in the saved list."""
        if self.saved.currentData() is not None:
            self.open_saved(int(self.saved.currentData()))

    def save_spec(self, *, reason: str = "") -> None:
        """Save the shown display's spec under a name the user gives."""
        from qualcode.analysis.saved import save_display

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
            save_display, self.project, name, self.display.spec, origin=self
        )
        if changes is None:
            return
        self.display.saved_id = changes.result.id
        self.saved_name = changes.result.name
        self.refill_saved()
        self.saved.setCurrentIndex(self.saved.findData(changes.result.id))
        self._show_title()

    def delete_chosen(self) -> None:
        """Delete the display chosen in the saved list (with its summaries), after asking."""
        from qualcode.analysis.saved import delete_display

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
            self.window_.dispatcher.run(delete_display, self.project, int(display_id), origin=self)
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
        from qualcode.analysis.saved import list_saved

        return {rec.id for rec in list_saved(self.project)} if self.project is not None else set()

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

        def work(progress: Any, cancel: Any) -> str:
            from qualcode.export.display_adapter import table_from_display

            table = table_from_display(display, project=project, title=name, language=language)
            report = lambda done, total: progress(done, total, "")  # noqa: E731
            if kind == "xlsx":
                from qualcode.export.tables_xlsx import write_tables_xlsx

                write_tables_xlsx([table], path, language=language, progress=report, cancel=cancel)
            else:
                from qualcode.export.tables_docx import write_tables_docx

                write_tables_docx([table], path, language=language, progress=report, cancel=cancel)
            return path

        def done(written: str) -> None:
            self.message = QCoreApplication.translate("DisplaysPane", "Exported to {file}").format(
                file=written
            )
            self._show_title()
            self.window_.statusBar().showMessage(self.message, 8000)

        self.window_.dispatcher.run_task(translated(title), work, done, origin=self)
