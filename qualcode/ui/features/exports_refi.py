"""REFI-QDA imports of the desktop app: a .qdpx project (merged into the open project,
or made a new project) and a .qdc codebook, from the File menu or dropped on the window.

:func:`qualcode.interop.refi.project.importer.import_refi` runs on a worker thread as one
undoable operation; Cancel or a refused file (corrupt, unsafe: the core's
translated ``ImportFailedError``) keeps nothing. A new project made from a file
that is refused is removed again, as ``qualcode refi import`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from qualcode.ui.shell import dialogs

if TYPE_CHECKING:
    from qualcode.ui.shell.main_window import MainWindow

PROJECT_SUFFIXES = (".qdpx", ".qde")
CODEBOOK_SUFFIXES = (".qdc",)
PROJECT_FILTER = "QualCode (*.qdaproj)"


def stage_progress(progress: Any, cancel: Any, label: str) -> Callable[[str, int, int], None]:
    """The REFI layer's ``progress(stage, done, total)``: report, and stop on Cancel
    (the core keeps nothing when it raises)."""

    def report(_stage: str, done: int, total: int) -> None:
        from qualcode.errors import CancelledError

        if cancel():
            raise CancelledError()
        progress(done, total, label)

    return report


def refi_paths(event: Any) -> tuple[list[str], list[str]]:
    """(REFI-QDA files, other local files) of a drag or drop event."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return [], []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    refi = [p for p in paths if Path(p).suffix.lower() in PROJECT_SUFFIXES + CODEBOOK_SUFFIXES]
    return refi, [p for p in paths if p not in refi]


class RefiImports:
    """REFI-QDA import commands and drops; mixed into the exports controller (a QObject)."""

    main: MainWindow
    run: Callable[..., Any]
    tr: Callable[[str], str]

    def project_filter(self) -> str:
        """File-dialog filter for REFI-QDA projects."""
        return self.tr("REFI-QDA project (*.qdpx *.qde)")

    def codebook_filter(self) -> str:
        """File-dialog filter for REFI-QDA codebooks."""
        return self.tr("REFI-QDA codebook (*.qdc)")

    def import_refi_project(self) -> Any:
        """Ask for a .qdpx and import it (into this project, or as a new project)."""
        path = dialogs.open_file(
            self.main, self.tr("Import a REFI-QDA project"),
            self.project_filter() + ";;" + self.tr("All files (*)"),
        )  # fmt: skip
        return self.import_refi_file(path) if path else None

    def import_refi_codebook(self) -> Any:
        """Ask for a .qdc and merge its codes and code sets into the open project."""
        path = dialogs.open_file(
            self.main, self.tr("Import a REFI-QDA codebook"),
            self.codebook_filter() + ";;" + self.tr("All files (*)"),
        )  # fmt: skip
        return self.import_refi_file(path) if path else None

    def import_refi_file(self, path: str) -> Any:
        """Import a REFI-QDA file; returns the running task (None if the user gave up).

        A codebook merges into the open project. A project file merges too, or
        becomes a new project: the user chooses when a project is open for writing.
        """
        project = self.main.project
        writable = project is not None and not project.content_read_only
        if Path(path).suffix.lower() in CODEBOOK_SUFFIXES:
            return self._merge(path) if writable else None
        if writable:
            choice = dialogs.choose(
                self.main, self.tr("Import a REFI-QDA project"),
                self.tr("Import {file} into the open project, or make a new project of it?")
                .format(file=Path(path).name),
                [self.tr("&Merge into this project"), self.tr("Make a &new project")],
            )  # fmt: skip
            if choice is None:
                return None
            if choice == 0:
                return self._merge(path)
        return self._new_project(path)

    def _merge(self, path: str) -> Any:
        """One undoable operation; codes, sources and cases already here are matched."""
        project = self.main.project
        label = self.tr("Importing…")

        def work(progress: Any, cancel: Any) -> Any:
            from qualcode.interop.refi.project.importer import import_refi

            return import_refi(path, project, progress=stage_progress(progress, cancel, label))

        return self.run(self.tr("Importing the REFI-QDA file…"), work, self.show_report)

    def _new_project(self, path: str) -> Any:
        """Create a project from the file, then open it."""
        suggested = Path(path).with_suffix(".qdaproj")
        target = dialogs.save_file(
            self.main, self.tr("New project from a REFI-QDA file"), PROJECT_FILTER, str(suggested)
        )
        if not target:
            return None
        if not target.endswith(".qdaproj"):
            target += ".qdaproj"
        coder = self.main.settings.coder
        label = self.tr("Importing…")

        def work(progress: Any, cancel: Any) -> Any:
            from qualcode.interop.refi.project.importer import import_refi_as_new

            return import_refi_as_new(
                path, target, coder=coder, progress=stage_progress(progress, cancel, label)
            )

        def opened(report: Any) -> str:
            self.main.open_path(target)
            return self.show_report(report)

        return self.run(self.tr("Importing the REFI-QDA file…"), work, opened)

    def show_report(self, report: Any) -> str:
        """A one-line summary of a REFI-QDA import or export; what was not carried over
        (the report's warnings) is shown in a dialog."""
        counts = report.counts
        n = {k: counts.get(k, 0) for k in ("sources", "codes", "codings", "cases")}
        parts = (
            (self.tr("1 source") if n["sources"] == 1 else self.tr("{n} sources"), n["sources"]),
            (self.tr("1 code") if n["codes"] == 1 else self.tr("{n} codes"), n["codes"]),
            (self.tr("1 coding") if n["codings"] == 1 else self.tr("{n} codings"), n["codings"]),
            (self.tr("1 case") if n["cases"] == 1 else self.tr("{n} cases"), n["cases"]),
        )
        what = ", ".join(text.format(n=value) for text, value in parts)
        if report.action == "import":
            summary = self.tr("Imported {file}: {what}.").format(file=report.file, what=what)
        else:
            summary = self.tr("Saved {file}: {what}.").format(file=report.file, what=what)
        warnings = report.warnings
        if warnings:
            lines = [f"• {translate_message(m)}" for m in warnings[:25]]
            if len(warnings) > 25:
                lines.append(self.tr("… and {n} more.").format(n=len(warnings) - 25))
            dialogs.inform(
                self.main, self.tr("REFI-QDA"),
                summary + "\n\n" + self.tr("Not carried over:") + "\n" + "\n".join(lines),
            )  # fmt: skip
        return summary

    # -- files dropped on the window ---------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take .qdpx/.qdc files dropped on the main window; other files go on to it."""
        kind = event.type()
        if watched is not self.main or kind not in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            return False
        refi, others = refi_paths(event)
        if not refi:
            return False
        project = self.main.project
        writable = project is not None and not project.content_read_only
        wanted = [p for p in refi if writable or Path(p).suffix.lower() in PROJECT_SUFFIXES]
        if not wanted:
            return False
        if kind == QEvent.Type.DragEnter:
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        event.acceptProposedAction()  # type: ignore[attr-defined]
        self.import_refi_file(wanted[0])
        if len(wanted) > 1:
            self.main.statusBar().showMessage(
                self.tr("One REFI-QDA file at a time: only {file} was imported.").format(
                    file=Path(wanted[0]).name
                ),
                10000,
            )
        if others and writable:
            self._pass_on(event, others)
        return True

    def _pass_on(self, event: Any, paths: list[str]) -> None:
        """Hand the other dropped files to the window's own drop handling (sources, sheets)."""
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
        args = (event.possibleActions(), mime, event.buttons(), event.modifiers())
        enter = QDragEnterEvent(event.position().toPoint(), *args)
        self.main.dragEnterEvent(enter)
        if enter.isAccepted():
            self.main.dropEvent(QDropEvent(event.position(), *args))


def translate_message(msg: Any) -> str:
    """A REFI-QDA report message in the interface language (context ``refi``)."""
    text = QCoreApplication.translate("refi", msg.template)
    try:
        return text.format(**msg.params)
    except (KeyError, IndexError, ValueError):
        return str(msg.message)
