"""Import commands of the main window: files, folders, classification sheets, drops.

A mixin of :class:`~qualcode.ui.shell.main_window.MainWindow`. Files are imported by
``qualcode.sources.batch.import_many`` on a worker thread behind a progress
dialog with Cancel (each file is its own undo step; Cancel stops between files);
the summary names what was imported, skipped and why files failed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from qualcode.ui.shell import dialogs

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.sources.batch import BatchResult
    from qualcode.ui.shell.dispatch import Dispatcher

SHEET_SUFFIXES = {".xlsx", ".csv", ".ods"}


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _note(result: Any, warning: str) -> str:
    """A warning of an import result; the speaker-turn notice in the user's language."""
    notice = getattr(result, "notice", None)
    if notice is not None and warning == str(notice):
        return QCoreApplication.translate("errors", notice.template).format(**notice.params)
    return warning


class ImportActions:
    """File and folder import with progress and Cancel; case sheets; drag and drop."""

    project: Project | None
    dispatcher: Dispatcher
    last_import: BatchResult | None = None
    last_import_report: str = ""

    def import_available(self) -> bool:
        """Whether the batch importer is installed."""
        return _has("qualcode.sources.batch")

    def casesheet_available(self) -> bool:
        """Whether the classification-sheet importer is installed."""
        return _has("qualcode.cases.casesheet")

    def import_files(self) -> None:
        """Ask for files and import them."""
        from qualcode.sources.extract import SUPPORTED_EXTENSIONS

        patterns = " ".join(f"*{ext}" for ext in sorted(SUPPORTED_EXTENSIONS))
        names = dialogs.open_files(
            self,
            self.tr("Import files"),
            self.tr("Sources ({patterns});;All files (*)").format(patterns=patterns),
        )
        if names:
            self.import_paths(names)

    def import_folder(self) -> None:
        """Ask for a folder and import every supported file in it."""
        folder = dialogs.folder(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> Any:
        """Import files/folders on a worker thread; returns the running task."""
        from qualcode.sources.batch import import_many

        project = self.project

        def work(progress: Any, cancel: Any) -> Any:
            return import_many(project, paths, progress=progress, cancel=cancel)

        return self.dispatcher.run_task(self.tr("Importing sources…"), work, self._import_finished)

    def _import_finished(self, batch: BatchResult) -> None:
        self.last_import = batch
        parts = [self.tr("{n} imported").format(n=len(batch.imported))]
        if batch.skipped:
            parts.append(self.tr("{n} already in the project").format(n=len(batch.skipped)))
        if batch.cancelled:
            parts.append(self.tr("cancelled, {n} not started").format(n=len(batch.not_started)))
        self.statusBar().showMessage(", ".join(parts), 10000)
        if batch.failed:
            lines = "\n".join(f"• {r.file}: {r.error}" for r in batch.failed)
            self.dispatcher.show_error(
                RuntimeError(
                    self.tr("These files could not be imported:\n{files}").format(files=lines)
                )
            )
        self._show_import_notes(batch)
        if batch.imported:
            self.open_source(batch.imported[0].source.id)

    def _show_import_notes(self, batch: Any) -> None:
        """The import report: what each imported file needs checked (repaired encodings...)."""
        notes = [f"• {r.file}: {_note(r, w)}" for r in batch.imported for w in r.warnings]
        self.last_import_report = ""
        if not notes:
            return
        shown = notes[:25]
        if len(notes) > 25:
            shown.append(self.tr("… and {n} more.").format(n=len(notes) - 25))
        text = self.tr("Imported, with notes to check:") + "\n" + "\n".join(shown)
        self.last_import_report = text
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Import report"),
            text,
            QMessageBox.StandardButton.Ok,
        )
        box.setParent(self, Qt.WindowType.Dialog)  # type: ignore[arg-type]
        box.setObjectName("importReport")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def import_casesheet(self) -> None:
        """Ask for a classification sheet and import it into case attributes."""
        name = dialogs.open_file(
            self,
            self.tr("Import a classification sheet"),
            self.tr("Sheets (*.xlsx *.csv *.ods);;All files (*)"),
        )
        if name:
            self.import_sheet(name)

    def import_sheet(self, path: str) -> Any:
        """Preview a classification sheet, and on confirmation import it (one undo step)."""
        from qualcode.cases.casesheet import import_case_sheet, preview_case_sheet

        plan = self.dispatcher.run(preview_case_sheet, self.project, path)
        if plan is None or not dialogs.ask(
            self, self.tr("Import a classification sheet"), self.sheet_preview_text(plan)
        ):
            return None
        report = self.dispatcher.run(import_case_sheet, self.project, path)
        if report is not None:
            self.statusBar().showMessage(
                self.tr("{cases} new cases, {values} values set, {skipped} rows skipped.").format(
                    cases=len(report.created_cases),
                    values=report.updated_values,
                    skipped=len(report.skipped),
                ),
                10000,
            )
        return report

    def sheet_preview_text(self, plan: Any) -> str:
        """What a sheet import will change, for the confirmation question."""
        lines = [
            self.tr("Cases named by column '{key}'.").format(key=plan.key),
            self.tr("New cases: {n}").format(n=len(plan.created_cases))
            + (f" ({', '.join(plan.created_cases[:10])}…)" if len(plan.created_cases) > 10
               else f" ({', '.join(plan.created_cases)})" if plan.created_cases else ""),
            self.tr("New attributes: {names}").format(
                names=", ".join(plan.defined_attributes) or "–"
            ),
            self.tr("Values to set: {n} (already equal: {same})").format(
                n=plan.updated_values, same=plan.unchanged_values
            ),
        ]  # fmt: skip
        for value in plan.planned[:15]:
            before = self.tr("(empty)") if value.old is None else str(value.old)
            lines.append(f"  {value.case} · {value.attribute}: {before} → {value.new}")
        if len(plan.planned) > 15:
            lines.append(self.tr("… and {n} more.").format(n=len(plan.planned) - 15))
        if plan.skipped:
            lines.append(self.tr("Not imported:"))
            lines.extend(
                self.tr("  row {row}: {why}").format(row=row, why=why)
                for row, why in plan.skipped[:15]
            )
        lines.append("")
        lines.append(self.tr("Import these changes?"))
        return "\n".join(lines)

    # -- drag and drop of files onto the window -------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if (
            event.mimeData().hasUrls()
            and self.project is not None
            and not self.project.content_read_only
        ):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths or self.project is None:
            event.ignore()
            return
        event.acceptProposedAction()
        sheets = [p for p in paths if Path(p).suffix.lower() in SHEET_SUFFIXES]
        others = [p for p in paths if p not in sheets]
        for sheet in sheets:
            self.import_sheet(sheet)
        if others:
            self.import_paths(others)
