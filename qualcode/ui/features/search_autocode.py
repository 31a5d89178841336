"""The auto-code preview: code every hit of a search (or the sentence, paragraph or turn
around it) with one code, after seeing and ticking off the passages.

Nothing is coded while previewing: :func:`qualcode.search.autocode.preview_search`
lists the candidate passages (on a worker thread, again when the code or the
unit changes); Apply codes the ticked ones with :func:`qualcode.search.autocode.apply`,
one undo step, also on a worker thread.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from qualcode.ui.features.search_models import MODES, UNITS, CandidateModel
from qualcode.ui.panes.code_tree import swatch

DEBOUNCE_MS = 200
"""Wait this long after the chosen code changes before building the preview again."""


class AutoCodeDialog(QDialog):
    """Choose a code and a unit, tick the passages, Apply (one undo step)."""

    applied = Signal(int)  # number of passages newly coded

    def __init__(self, window: Any, request: Any, code_id: int | None = None) -> None:
        super().__init__(window)
        self.setObjectName("autoCode")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.main = window
        self.project = window.project
        self.request = request
        self.preview: Any = None
        self.task: Any = None
        self.apply_task: Any = None
        self._generation = 0
        self._shown: tuple[int, str] | None = None  # (code, unit) of the preview shown
        from qualcode.ui.features.search import tree_order

        self._codes = tree_order(self.project.codes.all())
        self._paths = {c.id: self.project.codes.path_text(c.id) for c in self._codes}
        parents = {c.id: c.parent_id for c in self._codes}
        self._depth = {c.id: _depth(c.id, parents) for c in self._codes}

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("autoCodeFilter")
        self.filter.setClearButtonEnabled(True)
        self.codes = QListWidget(self)
        self.codes.setObjectName("autoCodeCodes")
        self.unit_label = QLabel(self)
        self.unit = QComboBox(self)
        self.unit.setObjectName("autoCodeUnit")
        for unit, _label in UNITS:
            self.unit.addItem("", unit)
        self.unit_label.setBuddy(self.unit)
        self.model = CandidateModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("autoCodePreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_candidate)
        self.summary = QLabel(self)
        self.summary.setObjectName("autoCodeSummary")
        self.summary.setWordWrap(True)
        self.all_button = QPushButton(self)
        self.none_button = QPushButton(self)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("autoCodeApply")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(lambda *_a: self._update())
        self.model.modelReset.connect(self._update)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.filter.textChanged.connect(self._fill_codes)
        self.codes.currentItemChanged.connect(lambda *_a: self._timer.start())
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh_preview())

        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.codes, 1)
        right = QVBoxLayout()
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit_label)
        unit_row.addWidget(self.unit, 1)
        right.addLayout(unit_row)
        right.addWidget(self.table, 1)
        right.addWidget(self.summary)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        bottom = QHBoxLayout()
        bottom.addWidget(self.all_button)
        bottom.addWidget(self.none_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.resize(900, 560)
        self.retranslate()
        self._fill_codes("")
        if code_id is not None:
            self.choose_code(code_id)

    # -- choosing ---------------------------------------------------------------------------
    @property
    def code_id(self) -> int | None:
        """The chosen code."""
        item = self.codes.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def choose_code(self, code_id: int) -> None:
        """Make ``code_id`` the chosen code (clearing the filter if it hides it)."""
        for attempt in range(2):
            for row in range(self.codes.count()):
                if self.codes.item(row).data(Qt.ItemDataRole.UserRole) == code_id:
                    self.codes.setCurrentRow(row)
                    return
            if attempt == 0:
                self.filter.clear()

    def _fill_codes(self, text: str) -> None:
        from qualcode.ui.panes.quick_code import rank_codes

        keep = self.code_id
        self.codes.blockSignals(True)
        self.codes.clear()
        filtered = bool(text.strip())
        if filtered:
            by_id = {c.id: c for c in self._codes}
            shown = [by_id[i] for i in rank_codes(text, self._codes, limit=50)]
        else:
            shown = self._codes
        for code in shown:
            # The whole tree is indented; filtered matches show their path instead.
            text = self._paths[code.id] if filtered else "    " * self._depth[code.id] + code.name
            item = QListWidgetItem(swatch(code.color), text)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            labels = [v for v in dict.fromkeys(code.labels.values()) if v and v != code.name]
            item.setToolTip(" — ".join([self._paths[code.id], *labels]))
            self.codes.addItem(item)
        self.codes.blockSignals(False)
        if keep is not None:
            for row in range(self.codes.count()):
                if self.codes.item(row).data(Qt.ItemDataRole.UserRole) == keep:
                    self.codes.setCurrentRow(row)
                    return
        if text.strip() and self.codes.count():
            self.codes.setCurrentRow(0)
        elif self.code_id != keep:
            self._timer.start()

    # -- preview ----------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Whether the preview shown is not (yet) the one for the chosen code and unit."""
        if self._timer.isActive() or (self.task is not None and not self.task.finished):
            return True
        wanted = (self.code_id, self.unit.currentData())
        return self.code_id is not None and self._shown != wanted

    def refresh_preview(self) -> Any:
        """Build the preview for the chosen code and unit on a worker thread."""
        self._timer.stop()
        code_id, unit = self.code_id, self.unit.currentData()
        self._generation += 1
        generation = self._generation
        if code_id is None:
            self.preview, self._shown = None, None
            self.model.set_candidates([])
            return None
        project, req = self.project, self.request

        def work(progress: Any, cancel: Any) -> Any:
            from qualcode.search.autocode import preview_search

            return preview_search(
                project, code_id, req.text, req.mode, unit=unit, scope=req.scope,
                threshold=req.threshold, case_sensitive=req.case_sensitive,
                progress=progress, cancel=cancel,
            )  # fmt: skip

        def done(preview: Any) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.preview, self._shown = preview, (code_id, unit)
                self.model.set_candidates(preview.candidates)

        self.summary.setText(self.tr("Finding the passages…"))
        self.task = self.main.dispatcher.run_task(
            self.tr("Finding the passages…"), work, done, origin=self
        )

        def finished(_result: Any, error: Any) -> None:
            if not shiboken6.isValid(self):
                return
            if error is not None and generation == self._generation:
                from qualcode.ui.i18n import translate_error

                self.preview, self._shown = None, (code_id, unit)
                self.model.set_candidates([])
                self.summary.setText(translate_error(error))
            self._update()

        self.task.done.connect(finished)
        self._update()
        return self.task

    def _open_candidate(self, index: Any) -> None:
        if index.isValid():
            cand = self.model.candidates[index.row()]
            self.main.dispatcher.run(self.main.jump_to, cand.source_id, cand.start, cand.end)

    # -- applying ---------------------------------------------------------------------------
    def apply(self) -> Any:
        """Code the ticked passages in one undo step (worker thread); returns the task."""
        if self.pending or self.preview is None or self.apply_task is not None:
            return None
        accepted = self.model.accepted()
        if not accepted:
            return None
        project, preview = self.project, self.preview
        main = self.main
        code = self._paths.get(preview.code_id, preview.code)

        def work(progress: Any, cancel: Any) -> Any:
            from qualcode.search.autocode import apply

            del progress, cancel  # one operation: all or nothing
            return apply(project, preview, accepted)

        def done(changes: Any) -> None:
            n = len(changes.result or [])
            main.statusBar().showMessage(
                QCoreApplication.translate(
                    "AutoCodeDialog", "Coded {n} passages with '{code}' (one undo step)."
                ).format(n=n, code=code),
                10000,
            )
            if shiboken6.isValid(self):
                self.applied.emit(n)
                self.accept()

        self.apply_task = main.dispatcher.run_task(
            self.tr("Coding the passages…"), work, done, origin=self
        )
        self.apply_task.done.connect(lambda _r, err: shiboken6.isValid(self) and self._failed(err))
        self._update()
        return self.apply_task

    def _failed(self, error: Any) -> None:
        if error is not None:
            self.apply_task = None
            self._update()

    def _update(self) -> None:
        pending = self.pending
        n = len(self.model.candidates)
        ticked = len(self.model.accepted())
        if not pending and self.preview is not None:
            sources = len({c.source_id for c in self.model.candidates})
            coded = sum(1 for c in self.model.candidates if c.coded)
            text = self.tr("{n} passages in {sources} sources; {ticked} ticked.").format(
                n=n, sources=sources, ticked=ticked
            )
            if coded:
                text += " " + self.tr("{coded} already coded with this code.").format(coded=coded)
            self.summary.setText(text)
        elif self.code_id is None:
            self.summary.setText(self.tr("Choose the code to apply."))
        busy = self.apply_task is not None
        self.apply_button.setText(self.tr("&Code {n} passages").format(n=ticked))
        self.apply_button.setEnabled(not pending and not busy and ticked > 0)
        for widget in (self.all_button, self.none_button, self.table):
            widget.setEnabled(not pending and not busy and n > 0)

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        req = self.request
        mode = next((label for m, label, _t in MODES if m == req.mode), req.mode)
        self.setWindowTitle(self.tr("Code all hits"))
        self.intro.setText(
            self.tr(
                "Code the passages found for “{query}” ({mode}). Choose the code and how much "
                "text around each hit to code, then untick the passages that do not fit."
            ).format(query=req.text, mode=QCoreApplication.translate("SearchPane", mode))
        )
        self.filter.setPlaceholderText(self.tr("Filter codes (English or Indonesian)…"))
        self.filter.setAccessibleName(self.tr("Filter codes"))
        self.codes.setAccessibleName(self.tr("Code to apply"))
        self.unit_label.setText(self.tr("&Text to code:"))
        for i, (_unit, label) in enumerate(UNITS):
            self.unit.setItemText(i, QCoreApplication.translate("AutoCodeDialog", label))
        self.unit.setAccessibleName(self.tr("How much text to code"))
        self.table.setAccessibleName(self.tr("Passages to code"))
        self.all_button.setText(self.tr("Tick &all"))
        self.none_button.setText(self.tr("Tick &none"))
        self._update()

    def changeEvent(self, event: Any) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _depth(code_id: int, parents: dict[int, int | None]) -> int:
    depth, seen = 0, {code_id}
    parent = parents.get(code_id)
    while parent is not None and parent in parents and parent not in seen:
        seen.add(parent)
        depth += 1
        parent = parents[parent]
    return depth
