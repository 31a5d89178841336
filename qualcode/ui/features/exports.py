"""Exports (File › Export) and REFI-QDA imports (File menu, and files dropped on the window).

Every command asks for a file through :mod:`qualcode.ui.shell.dialogs` and runs the
core on a worker thread (``dispatcher.run_task``) behind a progress dialog with
Cancel: coded excerpts (:mod:`qualcode.export.excerpts`), the project report,
the codebook (:mod:`qualcode.codebooks.export` and :mod:`qualcode.codebooks.office`) and
REFI-QDA projects and codebooks (:mod:`qualcode.interop.refi.project.exporter`). Exports
write atomically, so a cancelled or failed export leaves no file. The REFI-QDA
imports live in :class:`~qualcode.ui.features.exports_refi.RefiImports`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.features.exports_refi import RefiImports, stage_progress
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, has_project, writable


class ExportActions(RefiImports, QObject):
    """The export and REFI-QDA commands of one main window (a pane without a dock)."""

    def __init__(self, window: Any) -> None:
        QObject.__init__(self, window)
        self.setObjectName("exports")
        self.main = window
        self.last_task: Any = None
        self.pseudonymise = False  # File › Export › Pseudonymise exports (this session)
        self.accepting = False  # the user accepted the leaks listed for the running export
        window.installEventFilter(self)  # .qdpx/.qdc files dropped on the window

    # -- pane protocol (nothing to show) -------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Nothing to redraw: every command reads the open project when it runs."""

    def on_changes(self, changes: Any) -> None:
        """Nothing to redraw."""

    # -- helpers ------------------------------------------------------------------------------
    def _style(self) -> Any:
        from qualcode.cases.attribution import AttributionStyle

        return AttributionStyle(pseudonymise=self.pseudonymise)

    def language(self) -> str:
        """The exports' language: the interface language (Indonesian unless it is English)."""
        return "en" if self.main.settings.language == "en" else "id"

    def ask_save(self, title: str, filters: str, name: str, suffixes: tuple[str, ...]) -> str:
        """A file to write (beside the project file by default); the first of ``suffixes``
        is added when none of them was typed. Empty when cancelled."""
        safe = re.sub(r'[\\/:*?"<>|\s]+', " ", name).strip() or "export"
        folder = self.main.project.path
        suggested = str(folder.parent / (safe + suffixes[0])) if folder else safe + suffixes[0]
        path = dialogs.save_file(self.main, title, filters, suggested)
        if path and Path(path).suffix.lower() not in suffixes:
            path += suffixes[0]
        return path or ""

    def run(
        self, title: str, work: Callable[..., Any], message: Callable[[Any], str],
        *, accept_leaks: bool = False,
    ) -> Any:  # fmt: skip
        """Run ``work(progress, cancel)`` off the UI thread; put ``message(result)`` in the
        status bar when it succeeds. Returns the task. A pseudonymised file that still
        holds register entries is not written: the hits are shown and, if the user
        accepts them (as ``--accept-leaks`` does), the export runs again and writes it."""
        from qualcode.export.leaks import LeakError

        def guarded_work(progress: Any, cancel: Any) -> Any:
            self.accepting = accept_leaks
            try:
                return work(progress, cancel)
            except LeakError as exc:
                return _Refused(exc)
            finally:
                self.accepting = False

        def on_done(result: Any) -> None:
            if isinstance(result, _Refused):
                if self.write_anyway(title, result.error):
                    self.run(title, work, message, accept_leaks=True)
                return
            text = message(result)
            if text:
                self.main.statusBar().showMessage(text, 10000)

        self.last_task = self.main.dispatcher.run_task(title, guarded_work, on_done)
        return self.last_task

    def write_anyway(self, title: str, error: Any) -> bool:
        """Show the register entries left in a pseudonymised file; True to write it anyway."""
        from qualcode.ui.i18n import translate_error

        question = self.tr("Write the file anyway, with these identifying texts in it?")
        return dialogs.ask(self.main, title, f"{translate_error(error)}\n\n{question}")

    def save_figure(self, project: Any, path: str, figure: Any) -> None:
        """Save a drawn figure (charts, figures, concept maps) through :meth:`guarded`, here
        on the UI thread (a quick write); leaks are offered to accept as in :meth:`run`."""
        from qualcode.export.leaks import LeakError

        try:
            self.guarded(project, path, figure=figure)
        except LeakError as exc:
            if self.write_anyway(self.tr("Save figure"), exc):
                self.guarded(project, path, figure=figure, accept_leaks=True)

    def toggle_pseudonymise(self) -> bool:
        """Switch pseudonymised exports on or off; returns the new state."""
        self.pseudonymise = not self.pseudonymise
        self.main.statusBar().showMessage(
            self.tr("Exports are pseudonymised through the identity register and checked "
                    "for leaks.") if self.pseudonymise
            else self.tr("Exports name informants as the project does."),
            8000,
        )  # fmt: skip
        return self.pseudonymise

    def guarded(
        self,
        project: Any,
        path: str,
        write: Callable[[Any], Any] | None = None,
        *,
        figure: Any = None,
        pseudonymise: bool | None = None,
        accept_leaks: bool = False,
    ) -> Any:
        """Run ``write(path)`` (or save ``figure``) on the worker; when pseudonymising (the
        File › Export switch, or ``pseudonymise`` when the command asked itself), through the
        register rewrite and the leak check, as every CLI export does (a leak fails the
        export: nothing is written)."""
        masked = self.pseudonymise if pseudonymise is None else pseudonymise
        scan_also = None
        if figure is not None:
            from qualcode.figures.style import save_figure

            write = lambda target: save_figure(figure, target)  # noqa: E731
        assert write is not None
        if not masked:
            return write(path)
        from qualcode.export.leaks import write_pseudonymised
        from qualcode.export.pseudonymise import Pseudonymiser

        engine = Pseudonymiser.for_project(project)
        if figure is not None:
            from qualcode.figures.pseudonymise import figure_leaks, pseudonymise_figure

            pseudonymise_figure(figure, engine)
            scan_also = lambda: figure_leaks(figure, engine)  # noqa: E731
        accept = accept_leaks or self.accepting
        return write_pseudonymised(path, engine, write, scan_also=scan_also, accept_leaks=accept)[0]

    def _saved(self, path: str) -> Callable[[Any], str]:
        return lambda _result: self.tr("Saved {file}.").format(file=Path(path).name)

    def _stem(self) -> str:
        return Path(self.main.project.location).stem

    # -- exports ------------------------------------------------------------------------------
    def _listed(self, code_id: int) -> list[int] | None:
        """The excerpts the Excerpts pane lists for ``code_id``: the selected rows if any,
        else every row its filters let through; None (the whole code) when it shows
        another code or nothing."""
        pane = self.main.retrieval
        if pane.code_id != code_id or not pane.shown:
            return None
        return pane.selected_coding_ids() or pane.shown_coding_ids()

    def export_appendix(self) -> Any:
        """One Word appendix (lampiran) of every code's excerpts, grouped by code then case, as
        ``qualcode export excerpts --all-codes`` writes it."""
        from qualcode.export.selection import ExcerptFilter, ExcerptOptions

        path = self.ask_save(
            self.tr("Export the appendix of all codes"),
            self.tr("Word document (*.docx)"),
            self.tr("Lampiran kutipan"), (".docx",),
        )  # fmt: skip
        if not path:
            return None
        project = self.main.project
        language = self.language()
        title = "Lampiran: Kutipan Terkode" if language == "id" else "Appendix: Coded Excerpts"
        options = ExcerptOptions(language=language, attribution=self._style(), title=title)
        label = self.tr("Writing excerpts…")

        def work(progress: Any, cancel: Any) -> int:
            from qualcode.export.excerpts import export_excerpts

            return int(self.guarded(project, path, lambda target: export_excerpts(
                project, target, ExcerptFilter(), options,
                progress=lambda d, n: progress(d, n, label), cancel=cancel,
            )))  # fmt: skip

        return self.run(
            self.tr("Exporting the appendix…"), work,
            lambda n: self.tr("Saved {n} excerpts to {file}.").format(n=n, file=Path(path).name),
        )  # fmt: skip

    def export_excerpts(self, suffix: str) -> Any:
        """Coded excerpts of the selected code (and its sub-codes) to Word or Excel: the
        ones listed or selected in the Excerpts pane when it shows that code."""
        from qualcode.export.selection import ExcerptFilter, ExcerptOptions

        code_id = self.main.code_tree.current_code_id()
        if code_id is None:
            return None
        code = self.main.project.codes.get(code_id)
        word = suffix == ".docx"
        path = self.ask_save(
            self.tr("Export excerpts"),
            self.tr("Word document (*.docx)") if word else self.tr("Excel workbook (*.xlsx)"),
            code.name, (suffix,),
        )  # fmt: skip
        if not path:
            return None
        project = self.main.project
        flt = ExcerptFilter(codes=[code_id], include_children=True, codings=self._listed(code_id))
        options = ExcerptOptions(language=self.language(), attribution=self._style())
        label = self.tr("Writing excerpts…")

        def work(progress: Any, cancel: Any) -> int:
            from qualcode.export.excerpts import export_excerpts

            return int(self.guarded(project, path, lambda target: export_excerpts(
                project, target, flt, options,
                progress=lambda d, n: progress(d, n, label), cancel=cancel,
            )))  # fmt: skip

        return self.run(
            self.tr("Exporting excerpts…"), work,
            lambda n: self.tr("Saved {n} excerpts to {file}.").format(n=n, file=Path(path).name),
        )  # fmt: skip

    def export_report(self) -> Any:
        """The project report: summary, sources, cases, codebook and coded excerpts."""
        from qualcode.export.selection import ExcerptOptions

        path = self.ask_save(
            self.tr("Export the project report"),
            self.tr("Word document (*.docx);;Web page (*.html)"), self._stem(), (".docx", ".html"),
        )  # fmt: skip
        if not path:
            return None
        project = self.main.project
        options = ExcerptOptions(language=self.language(), attribution=self._style())
        label = self.tr("Writing the report…")

        def work(progress: Any, cancel: Any) -> None:
            from qualcode.export.excerpts import export_report

            self.guarded(project, path, lambda target: export_report(
                project, target, options,
                progress=lambda d, n: progress(d, n, label), cancel=cancel,
            ))  # fmt: skip

        return self.run(self.tr("Exporting the project report…"), work, self._saved(path))

    def export_codebook(self) -> Any:
        """The codebook as a codebook file (.yaml, loads back), an Excel sheet or a Word table."""
        path = self.ask_save(
            self.tr("Export the codebook"),
            self.tr("Codebook file (*.yaml);;Excel workbook (*.xlsx);;Word document (*.docx)"),
            self.tr("{project} codebook").format(project=self._stem()),
            (".yaml", ".yml", ".xlsx", ".docx"),
        )  # fmt: skip
        if not path:
            return None
        project, language = self.main.project, self.language()

        def work(progress: Any, cancel: Any) -> None:
            del progress, cancel  # one quick write
            from qualcode.codebooks.export import export_codebook_yaml
            from qualcode.codebooks.office import export_codebook_docx, export_codebook_xlsx

            def write(target: Any) -> None:
                suffix = Path(path).suffix.lower()
                if suffix == ".xlsx":
                    export_codebook_xlsx(project, target)
                elif suffix == ".docx":
                    export_codebook_docx(project, target, language=language)
                else:
                    export_codebook_yaml(project, target)

            self.guarded(project, path, write)

        return self.run(self.tr("Exporting the codebook…"), work, self._saved(path))

    def export_qdpx(self, positions: str = "spec") -> Any:
        """The whole project as REFI-QDA (.qdpx) for NVivo, ATLAS.ti, MAXQDA…

        ``positions``: ``"spec"`` (code points, the standard) or ``"nvivo"`` (UTF-16 units).
        """
        path = self.ask_save(
            self.tr("Export a REFI-QDA project"), self.project_filter(), self._stem(), (".qdpx",)
        )
        if not path:
            return None
        project = self.main.project
        label = self.tr("Writing the project…")

        def work(progress: Any, cancel: Any) -> Any:
            from qualcode.interop.refi.project.exporter import export_qdpx

            # Pseudonymising moves selections in code points: it writes spec positions.
            units = "spec" if self.pseudonymise else positions
            return self.guarded(project, path, lambda target: export_qdpx(
                project, target, progress=stage_progress(progress, cancel, label), positions=units
            ))  # fmt: skip

        return self.run(self.tr("Exporting the REFI-QDA project…"), work, self.show_report)

    def export_qdc(self) -> Any:
        """The code tree and code sets as a REFI-QDA codebook (.qdc)."""
        path = self.ask_save(
            self.tr("Export a REFI-QDA codebook"), self.codebook_filter(), self._stem(), (".qdc",)
        )
        if not path:
            return None
        project = self.main.project

        def work(progress: Any, cancel: Any) -> Any:
            del progress, cancel  # one quick write
            from qualcode.interop.refi.project.exporter import export_qdc

            return self.guarded(project, path, lambda target: export_qdc(project, target))

        return self.run(self.tr("Exporting the REFI-QDA codebook…"), work, self.show_report)


class _Refused:
    """An export the leak check refused (its :class:`LeakError`), handed to the UI thread."""

    def __init__(self, error: Any) -> None:
        self.error = error


# -- the feature -----------------------------------------------------------------------------------
def _actions(w: Any) -> ExportActions:
    return w.panes["exports"]


def _code(w: Any) -> bool:
    return w.project is not None and w.code_tree.current_code_id() is not None


def _pseudonymise_label(w: Any) -> str:
    if _actions(w).pseudonymise:
        return QCoreApplication.translate("commands", "Pseudonymise exports: on")
    return QCoreApplication.translate("commands", "Pseudonymise exports: off")


FEATURE = Feature(
    key="exports",
    pane=lambda window: ExportActions(window),
    area=None,
    commands=(
        Command(
            "export.pseudonymise",
            QT_TRANSLATE_NOOP("commands", "&Pseudonymise exports"),
            "export", lambda w: _actions(w).toggle_pseudonymise(), enabled=has_project,
            dynamic_label=_pseudonymise_label,
            tip=QT_TRANSLATE_NOOP("commands", "Replace every identity register entry in the "
                                  "following exports and check each file for leaks"),
        ),
        Command(
            "export.excerpts.docx",
            QT_TRANSLATE_NOOP("commands", "Excerpts of the selected code to &Word…"),
            "export", lambda w: _actions(w).export_excerpts(".docx"), enabled=_code,
            tip=QT_TRANSLATE_NOOP("commands", "Every passage of the code and its sub-codes, "
                                  "grouped by case and cited, as a Word document"),
        ),
        Command(
            "export.appendix",
            QT_TRANSLATE_NOOP("commands", "&Appendix of all codes (Word)…"),
            "export", lambda w: _actions(w).export_appendix(), enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "One lampiran: every code's excerpts, grouped by "
                                  "code then case, cited"),
        ),
        Command(
            "export.excerpts.xlsx",
            QT_TRANSLATE_NOOP("commands", "Excerpts of the selected code to &Excel…"),
            "export", lambda w: _actions(w).export_excerpts(".xlsx"), enabled=_code,
            tip=QT_TRANSLATE_NOOP("commands", "One row per excerpt with its case, source and "
                                  "attributes, as an Excel workbook"),
        ),
        Command(
            "export.report",
            QT_TRANSLATE_NOOP("commands", "Project &report (Word)…"),
            "export", lambda w: _actions(w).export_report(), enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "Sources, cases, codebook and coded excerpts "
                                  "in one document"),
        ),
        Command(
            "export.codebook",
            QT_TRANSLATE_NOOP("commands", "&Codebook…"),
            "export", lambda w: _actions(w).export_codebook(), enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "The codebook as a codebook file (.yaml), "
                                  "an Excel sheet or a Word table"),
        ),
        Command(
            "export.qdpx",
            QT_TRANSLATE_NOOP("commands", "REFI-QDA &project (.qdpx)…"),
            "export", lambda w: _actions(w).export_qdpx(), enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "The whole project for NVivo, ATLAS.ti, "
                                  "MAXQDA and other REFI-QDA tools"),
        ),
        Command(
            "export.qdpx.nvivo",
            QT_TRANSLATE_NOOP("commands", "REFI-QDA project for &NVivo (.qdpx)…"),
            "export", lambda w: _actions(w).export_qdpx("nvivo"), enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "The whole project with selection positions "
                                  "counted the way NVivo counts them (UTF-16 units)"),
        ),
        Command(
            "export.qdc",
            QT_TRANSLATE_NOOP("commands", "REFI-QDA code&book (.qdc)…"),
            "export", lambda w: _actions(w).export_qdc(), enabled=has_project,
            tip=QT_TRANSLATE_NOOP("commands", "The codes and code sets for other REFI-QDA tools"),
        ),
        Command(
            "import.qdpx",
            QT_TRANSLATE_NOOP("commands", "Import a REFI-QDA &project (.qdpx)…"),
            "file", lambda w: _actions(w).import_refi_project(), after="import.casesheet",
            tip=QT_TRANSLATE_NOOP("commands", "A project from NVivo, ATLAS.ti, MAXQDA…: "
                                  "merged into this project or made a new one"),
        ),
        Command(
            "import.qdc",
            QT_TRANSLATE_NOOP("commands", "Import a REFI-QDA code&book (.qdc)…"),
            "file", lambda w: _actions(w).import_refi_codebook(), enabled=writable,
            after="import.casesheet",
            tip=QT_TRANSLATE_NOOP("commands", "Add the codes of a REFI-QDA codebook "
                                  "(codes already here are matched, not doubled)"),
        ),
    ),
)  # fmt: skip
