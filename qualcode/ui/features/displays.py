"""Displays: build a ready-made matrix from a form, read it as a heat table, drill into cells.

The pane mirrors ``qualcode display``: the form gives a spec (core
``customised_spec``), the core engine builds it on a worker thread, the table
shows counts, summaries or ratings, and a cell opens its excerpts (the core's
drill-down). Framework summaries are written through the core ``project.cells.set_summary`` /
``autofill``; specs are saved, re-run and deleted with :mod:`qualcode.analysis.saved`;
exports go through the core Excel and Word table writers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qualcode.changes import Area
from qualcode.errors import QualCodeError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.features.displays_cell import CellPanel, cell_excerpts
from qualcode.ui.features.displays_condense import CellCondense, text_cells
from qualcode.ui.features.displays_form import TYPES, DisplayForm
from qualcode.ui.features.displays_memos import DisplayMemos
from qualcode.ui.features.displays_model import (
    TIME_WORDS,
    DisplayModel,
    header_label,
    measure_label,
    translated,
)
from qualcode.ui.features.displays_store import EXPORTS, DisplayStore
from qualcode.ui.features.displays_tactics import CellTactics
from qualcode.ui.shell.commands import Command, has_project

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project

REBUILD_ON = (Area.CODINGS, Area.CODES, Area.CASES, Area.CASE_LINKS, Area.ATTRIBUTES, Area.SOURCES)


class DisplaysPane(DisplayMemos, CellTactics, CellCondense, DisplayStore, QWidget):
    """Form | heat table | opened cell, with saved displays and exports above the table."""

    _wanted: tuple[str | None, str | None] | None = None
    """Cell keys to open once the display being built is shown (:meth:`reveal`)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("displays")
        self.window_ = window
        self.project: Project | None = None
        self.display: Display | None = None
        self.saved_name: str | None = None
        self.stale = False
        self.current: tuple[int, int] | None = None
        self.message = ""
        self._task: Any = None
        self._pending: tuple[Any, int | None, str | None, bool] | None = None
        self._dock_watched = False
        self.form = DisplayForm(self)
        self.form.build_requested.connect(self.build)
        form_scroll = QScrollArea(self)
        form_scroll.setObjectName("displayFormScroll")
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll = QWidget(self)  # the scrolled form with Build under it, never scrolled away
        form_part = QVBoxLayout(scroll)
        form_part.setContentsMargins(0, 0, 0, 0)
        form_part.addWidget(form_scroll, 1)
        form_part.addWidget(self.form.build)
        scroll.setMinimumWidth(300)
        self.title = QLabel(self)
        self.title.setObjectName("displayTitle")
        self.title.setWordWrap(True)
        self.saved = QComboBox(self)
        self.saved.setObjectName("savedDisplays")
        self.saved.setMinimumContentsLength(18)
        self.saved.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.buttons: dict[str, QToolButton] = {}
        for key, slot in (
            ("open", self.open_chosen),
            ("delete", self.delete_chosen),
            ("save", self.save_spec),
            ("rules", self.edit_rules),
            ("xlsx", lambda: self.export("xlsx")),
            ("docx", lambda: self.export("docx")),
        ):
            button = QToolButton(self)
            button.setObjectName(f"display_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.saved)
        for key in ("open", "delete", "save", "rules", "xlsx", "docx"):
            bar.addWidget(self.buttons[key])
        self.model = DisplayModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("displayTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setMaximumSectionSize(260)
        self.table.verticalHeader().setMaximumSectionSize(220)
        self.table.verticalHeader().setMaximumWidth(280)  # long code paths: see the tooltip
        self.table.selectionModel().currentChanged.connect(lambda cur, _prev: self.open_cell(cur))
        self.table.clicked.connect(self.open_cell)
        self.table.activated.connect(self._activated)
        self.setup_memo_menus()
        self.cell = CellPanel(self)
        self.cell.jump_requested.connect(self._jump)
        self.cell.save_requested.connect(self.save_summary)
        self.cell.autofill_requested.connect(self.autofill)
        self.cell.accept_requested.connect(self.accept_draft)
        self.cell.evidence_toggled.connect(self.toggle_evidence)
        self.cell.rate_requested.connect(self.rate_cell)
        self.cell.unrate_requested.connect(self.unrate_cell)
        self.cell.link_requested.connect(self.link_conclusion)
        self.cell.effect_requested.connect(self.type_effect)
        from qualcode.ui.features.chart_view import ChartView

        self.chart = ChartView(self)
        self.views = QTabWidget(self)
        self.views.setObjectName("displayViews")
        self.views.addTab(self.table, "")
        self.views.addTab(self.chart, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for part in (scroll, self.views, self.cell):
            self.splitter.addWidget(part)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([360, 600, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.rules = QLabel(self)
        self.rules.setObjectName("decisionRules")
        self.rules.setWordWrap(True)
        self.rules.hide()
        layout.addWidget(self.rules)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(0)
        self._rebuild_timer.timeout.connect(self.rebuild)
        self.retranslate()
        self.set_project(None)

    # -- project ------------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Forget the previous project's display; offer the new project's choices."""
        self._watch_dock()
        self.project = project
        self._pending = None
        self.display = None
        self.saved_name = None
        self.stale = False
        self.message = ""
        self.form.set_project(project)
        self.model.set_display(None)
        self.refill_saved()
        self.cell.clear()
        self._show_title()
        self._enable()

    @property
    def writable(self) -> bool:
        """Whether the open project can be changed."""
        return self.project is not None and not self.project.content_read_only

    # -- building -------------------------------------------------------------------------------
    def build(self) -> None:
        """Build the display the form describes (on a worker thread)."""
        if self.project is None:
            return
        spec = self.window_.dispatcher.run(self.form.spec, origin=self)
        if spec is not None:
            self.run_spec(spec, None, None)

    def run_spec(
        self, spec: Any, saved_id: int | None, name: str | None, *, quiet: bool = False
    ) -> None:
        """Build ``spec`` with the core engine; ``quiet`` rebuilds show no dialog at all."""
        if self._task is not None and not self._task.finished:
            self._pending = (spec, saved_id, name, quiet)
            return
        from qualcode.analysis.engine import build_display

        project = self.project

        def work(progress: Any, cancel: Any) -> Any:
            try:
                return build_display(
                    project, spec, saved_id=saved_id, progress=progress, cancel=cancel
                )
            except QualCodeError as exc:
                if quiet:
                    return exc
                raise

        def done(result: Any) -> None:
            if self.project is project:
                if isinstance(result, QualCodeError):
                    from qualcode.ui.i18n import translate_error

                    self.stale = True
                    self.message = self.tr("Not rebuilt: {reason}").format(
                        reason=translate_error(result)
                    )
                    self._show_title()
                else:
                    self.show_display(result, name)
            self._after_task()

        self._task = self.window_.dispatcher.run_task(
            self.tr("Building the display…"), work, done, origin=self, show_progress=not quiet
        )
        self._task.done.connect(lambda _r, err: self._after_task() if err is not None else None)

    def _after_task(self) -> None:
        self._task = None
        pending, self._pending = self._pending, None
        if pending is not None:
            self.run_spec(pending[0], pending[1], pending[2], quiet=pending[3])

    def rebuild(self) -> None:
        """Re-run the shown display on the current data (quietly, keeping the opened cell)."""
        if self.display is None or self.project is None:
            return
        self.stale = False
        self.run_spec(self.display.spec, self.display.saved_id, self.saved_name, quiet=True)

    def reveal(self, display_id: int, row_key: str | None, col_key: str | None) -> None:
        """Open a saved display at a cell (a row or column alone: its first cell), e.g. the
        source of a conclusion."""
        self._wanted = (row_key, col_key)
        self.open_saved(display_id)

    def _wanted_keys(self, display: Display) -> tuple[str, str] | None:
        wanted, self._wanted = self._wanted, None
        if wanted is None or not display.rows or not display.columns:
            return None
        row, col = wanted
        return (row or display.rows[0].key, col or display.columns[0].key)

    def show_display(self, display: Display, name: str | None) -> None:
        """Show a built display; re-open the cell that was open if it is still there."""
        keys = self._wanted_keys(display) or self._current_keys()
        typing = self.cell.summary.toPlainText() if self.cell.has_edits() else None
        self.current = None
        self.cell.clear()
        self.display = display
        self.saved_name = name
        self.stale = False
        self.message = ""
        self.model.set_display(display)
        self.reload_memos()
        self.chart.show_display(display)
        self.show_rules()
        summary = display.spec.cell == "summary"
        header = self.table.horizontalHeader()
        if summary:
            header.setDefaultSectionSize(220)
            for c in range(self.model.columnCount()):
                self.table.setColumnWidth(c, 220)
            self.table.resizeRowsToContents()
        else:
            self.table.resizeColumnsToContents()
            self.table.resizeRowsToContents()
        self._show_title()
        self._enable()
        if display.saved_id is not None and text_cells(display):
            self.reload_summaries()  # written meanwhile, while the worker was building
        if keys is not None:
            try:
                r, c = display.find(*keys)
            except KeyError:
                return
            self.table.setCurrentIndex(self.model.index(r, c))
            if typing is not None and text_cells(display):
                self.cell.summary.setPlainText(typing)  # a rebuild keeps unsaved typing
                self.cell.summary.document().setModified(True)

    def _current_keys(self) -> tuple[str, str] | None:
        if self.display is None or self.current is None:
            return None
        r, c = self.current
        return self.display.rows[r].key, self.display.columns[c].key

    # -- cells ------------------------------------------------------------------------------------
    def open_cell(self, index: QModelIndex) -> None:
        """Show the excerpts of the cell at ``index`` (and its summary in a framework matrix)."""
        d = self.display
        if d is None or not index.isValid() or self.project is None:
            return
        r, c = index.row(), index.column()
        if self.current == (r, c) and self.cell.cell == (r, c):
            return
        self.current = (r, c)
        excerpts = cell_excerpts(self.project, d, r, c)
        title = (
            self.tr("{row} × {column}: 1 excerpt")
            if len(excerpts) == 1
            else self.tr("{row} × {column}: {count} excerpts")
        ).format(
            row=header_label(d, Qt.Orientation.Vertical, r),
            column=header_label(d, Qt.Orientation.Horizontal, c),
            count=len(excerpts),
        )
        self.cell.show_cell(title, excerpts, (r, c))
        self._show_cell_summary()

    def _show_cell_summary(self, *, keep: bool = False) -> None:
        d = self.display
        condensed = text_cells(d)
        if not condensed or self.current is None:
            self.cell.show_summary(None, editable=False, visible=condensed)
            self.show_cell_extras()
            return
        assert d is not None
        self.cell.show_summary(
            d.summaries.get(self.current), editable=self.writable, visible=True, keep_edits=keep
        )
        self.show_cell_extras()

    def _activated(self, index: QModelIndex) -> None:
        self.open_cell(index)
        if self.cell.excerpts:
            self.cell.table.setFocus()
            self.cell.table.setCurrentCell(0, 0)

    def _jump(self, source_id: int, start: int, end: int) -> None:
        self.window_.jump_to(source_id, start, end)

    # -- changes -------------------------------------------------------------------------------
    def on_changes(self, changes: Any) -> None:
        """Saved list, summaries and (lazily) the display follow the project's changes."""
        if self.project is None:
            return
        if changes.displays:
            self.refill_saved()
            self._forget_deleted()
        if changes.summaries:
            self.reload_summaries()
        if changes.memos or changes.displays:
            self.reload_memos()
        if changes.summaries:
            self.reload_ratings()
            self.reload_effects()
            self.reload_rules()
        if changes.codes or changes.cases or changes.changed(Area.ATTRIBUTES, Area.SOURCES):
            self.form.refill()
        if self.display is not None and changes.changed(*REBUILD_ON):
            if self.is_shown():
                self._rebuild_timer.start()
            else:
                self.stale = True
                self._show_title()

    def is_shown(self) -> bool:
        """Whether the user can see the pane (a dock behind another tab cannot be seen)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._watch_dock()
        self._catch_up()

    def _catch_up(self) -> None:
        if self.stale and self.display is not None:
            self._rebuild_timer.start()

    def _watch_dock(self) -> None:
        # a tabbed dock stays "visible" behind another tab: its visibilityChanged says more
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()  # the pane sits in a scroll area inside its dock
        if isinstance(dock, QDockWidget) and not self._dock_watched:
            dock.visibilityChanged.connect(lambda shown: shown and self._catch_up())
            self._dock_watched = True

    # -- texts ---------------------------------------------------------------------------------
    def _show_title(self) -> None:
        d = self.display
        if d is None:
            text = self.tr("Choose a display on the left and press Build.")
        else:
            text = translated(TYPES.get(d.spec.type, d.spec.type))
            if self.saved_name:
                text += " \u2014 " + self.tr("saved as \u201c{name}\u201d").format(
                    name=self.saved_name
                )
            text += " \u00b7 " + self.tr(
                "{rows} rows × {columns} columns, counting {measure}"
            ).format(rows=len(d.rows), columns=len(d.columns), measure=measure_label(d))
            if d.scope is not None:  # whose codings the counts rest on (analysis/scope.py)
                names = ", ".join(d.coders_counted)
                if d.scope.origin == "project":
                    text += " \u00b7 " + self.tr(
                        "coders counted: {names} (the project's analysis coders)"
                    ).format(names=names)
                else:
                    text += " \u00b7 " + self.tr("coders counted: {names}").format(names=names)
                if d.scope.unit == "codings":
                    text += " \u00b7 " + self.tr("every coding counted")
            if d.shares is not None:
                text += " \u00b7 " + self.tr(
                    "cells: passages · percent of the column's text they cover "
                    "(a parent code includes its sub-codes)"
                )
            if d.hidden:
                text += " \u00b7 " + self.tr("not shown, no data: {names}").format(
                    names=", ".join(d.hidden)
                )
            if d.time is not None:  # the time field a period axis used (analysis/periods.py)
                text += " \u00b7 " + self.tr("ordered by {field}").format(
                    field=translated(TIME_WORDS[d.time.field])
                )
                if any(d.time.fallbacks(i) for i in range(len(d.time.keys))):
                    text += " \u00b7 " + self.tr("* partly placed by another date (see tooltip)")
            if not d.rows or not d.columns:
                text += " \u00b7 " + self.tr("no codings match")
            if self.stale:
                text += " \u00b7 " + self.tr("out of date: the data changed")
            if self.model.display_memos or self.model.memo_cells:
                count = len(self.model.display_memos) + sum(
                    map(len, self.model.memo_cells.values())
                )
                text += " \u00b7 " + self.tr("memos: {count}").format(count=count)
            if self.model.missing_memos:
                text += " \u00b7 " + self.tr(
                    "memos on cells no longer here: {count} (see the Memos pane)"
                ).format(count=self.model.missing_memos)
        if self.message:
            text += "\n" + self.message
        self.title.setText(text)

    def _enable(self) -> None:
        has = self.display is not None
        self.buttons["save"].setEnabled(has and self.writable)
        self.buttons["rules"].setEnabled(has)
        self.buttons["xlsx"].setEnabled(has)
        self.buttons["docx"].setEnabled(has)
        self.buttons["open"].setEnabled(self.saved.count() > 0)
        self.buttons["delete"].setEnabled(self.saved.count() > 0 and self.writable)
        self.form.build.setEnabled(self.project is not None)

    def retranslate(self) -> None:
        """Texts in the current language."""
        texts = {
            "open": (
                self.tr("Open"),
                self.tr("Re-run the chosen saved display on the current data"),
            ),
            "delete": (self.tr("Delete"), self.tr("Delete the chosen saved display")),
            "save": (self.tr("Save…"), self.tr("Save this display's specification under a name")),
            "rules": (
                self.tr("Rules…"),
                self.tr(
                    "The decision rules followed in this display, dated (printed under "
                    "every export)"
                ),
            ),
            "xlsx": (self.tr("Excel…"), translated(EXPORTS["xlsx"][0])),
            "docx": (self.tr("Word…"), translated(EXPORTS["docx"][0])),
        }
        for key, (text, tip) in texts.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
            self.buttons[key].setAccessibleName(tip)
        self.saved.setAccessibleName(self.tr("Saved displays"))
        self.saved.setToolTip(self.tr("Saved displays"))
        self.table.setAccessibleName(self.tr("Display"))
        self.views.setTabText(0, self.tr("Table"))
        self.views.setTabText(1, self.tr("Chart"))
        self._show_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refill_saved()
            if self.model.rowCount() and self.model.columnCount():
                self.model.headerDataChanged.emit(
                    Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
                )
                self.model.headerDataChanged.emit(
                    Qt.Orientation.Vertical, 0, self.model.rowCount() - 1
                )
                self.model.refresh_summaries()
        super().changeEvent(event)


def _pane(w: Any) -> DisplaysPane:
    return w.panes["displays"]


def _has_display(w: Any) -> bool:
    return w.project is not None and "displays" in w.panes and _pane(w).display is not None


def _new_display(w: Any) -> None:
    pane = w.show_pane("displays")
    pane.form.type.setFocus()


def _open_saved(w: Any) -> None:
    pane = w.show_pane("displays")
    pane.saved.setFocus()
    if pane.saved.count() == 1:
        pane.open_chosen()
    elif pane.saved.count() > 1:
        pane.saved.showPopup()


FEATURE = Feature(
    key="displays",
    title=QT_TRANSLATE_NOOP("panes", "Displays"),
    pane=lambda window: DisplaysPane(window),
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "displays.new",
            QT_TRANSLATE_NOOP("commands", "New &display…"),
            "analysis",
            _new_display,
            enabled=has_project,
            shortcut="Ctrl+Shift+D",
            tip=QT_TRANSLATE_NOOP(
                "commands", "Build a matrix display: codes × cases, framework, factors, coverage…"
            ),
        ),
        Command(
            "displays.open",
            QT_TRANSLATE_NOOP("commands", "&Open saved display…"),
            "analysis",
            _open_saved,
            enabled=lambda w: w.project is not None and _pane(w).saved.count() > 0,
            tip=QT_TRANSLATE_NOOP("commands", "Re-run a saved display on the current data"),
        ),
        Command(
            "displays.save",
            QT_TRANSLATE_NOOP("commands", "&Save display…"),
            "analysis",
            lambda w: _pane(w).save_spec(),
            enabled=lambda w: _has_display(w) and _pane(w).writable,
            tip=QT_TRANSLATE_NOOP("commands", "Save the shown display's specification"),
        ),
        Command(
            "displays.export_xlsx",
            QT_TRANSLATE_NOOP("commands", "&Display to Excel…"),
            "export",
            lambda w: _pane(w).export("xlsx"),
            enabled=_has_display,
            tip=QT_TRANSLATE_NOOP("commands", "Export the shown display to an Excel workbook"),
        ),
        Command(
            "displays.export_docx",
            QT_TRANSLATE_NOOP("commands", "D&isplay to Word…"),
            "export",
            lambda w: _pane(w).export("docx"),
            enabled=_has_display,
            tip=QT_TRANSLATE_NOOP("commands", "Export the shown display to a Word table"),
        ),
    ),
)
