"""Retrieval: every excerpt of a code, attributed to its source, case and coder.

Built on ``coded_segments`` (one read per source). Filters narrow by case,
source kind, coder and valence; a double-click opens the passage in context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.records import VALENCES
from qualcode.ui.panes.code_tree import codes_touched
from qualcode.ui.panes.detail_pane import valence_label
from qualcode.ui.shell.navigation import kind_label

if TYPE_CHECKING:
    from qualcode.coding.retrieval import CodedSegment

ANY = None
COLUMNS = 5


class RetrievalPane(QWidget):
    """Excerpts of one code with filters; double-click jumps to the passage."""

    jump_requested = Signal(int, int, int)  # source id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrieval")
        self.project: Any = None
        self.code_id: int | None = None
        self.segments: list[CodedSegment] = []
        self.shown: list[tuple[CodedSegment, str]] = []
        self._source_kind: dict[int, str] = {}
        self._cases: dict[int, list[tuple[int | None, int | None, str]]] = {}
        self.title = QLabel(self)
        self.subcodes = QCheckBox(self)
        self.case = QComboBox(self)
        self.kind = QComboBox(self)
        self.coder = QComboBox(self)
        self.valence = QComboBox(self)
        for name, combo in (
            ("filterCase", self.case),
            ("filterKind", self.kind),
            ("filterCoder", self.coder),
            ("filterValence", self.valence),
        ):
            combo.setObjectName(name)
            combo.currentIndexChanged.connect(lambda _i: self._fill_table())
        self.subcodes.setChecked(True)  # a parent code's excerpts are mostly its sub-codes'
        self.subcodes.toggled.connect(lambda _on: self.reload())
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("excerpts")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(COLUMNS - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._on_double_click)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.subcodes)
        filters = QHBoxLayout()
        self._filter_labels = [QLabel(self) for _ in range(4)]
        for label, combo in zip(
            self._filter_labels, (self.case, self.kind, self.coder, self.valence), strict=True
        ):
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_project(self, project: Any) -> None:
        """Forget the previous project's excerpts."""
        self.project = project
        self.code_id = None
        self.segments = []
        self.reload()

    def show_code(self, code_id: int | None) -> None:
        """List the excerpts of ``code_id``."""
        self.code_id = code_id
        self.reload()

    def reload(self) -> None:
        """Read the excerpts again (after a change) and refill the filters."""
        self._source_kind = {}
        self._cases = {}
        if self.project is None or self.code_id is None:
            self.segments = []
            self._set_title()
            self._fill_filters()
            self._fill_table()
            return
        ids = [self.code_id]
        if self.subcodes.isChecked():
            ids += list(self.project.codes.descendants(self.code_id))
        from qualcode.coding.retrieval import coded_segments

        self.segments = coded_segments(self.project, codes=ids)
        self._source_kind = {s.id: s.kind for s in self.project.sources.all()}
        names = {c.id: c.name for c in self.project.cases.all()}
        for sid in {seg.source_id for seg in self.segments}:
            self._cases[sid] = [
                (link.start, link.end, names.get(link.case_id, "?"))
                for link in self.project.cases.links(source_id=sid)
            ]
        self._set_title()
        self._fill_filters()
        self._fill_table()

    def case_of(self, seg: CodedSegment) -> str:
        """The case the excerpt belongs to: the speaker turn covering it, else the source's."""
        whole = []
        for start, end, name in self._cases.get(seg.source_id, []):
            if start is None or end is None:
                whole.append(name)
            elif start <= seg.start < end:
                return name
        return ", ".join(whole)

    def _set_title(self) -> None:
        if self.code_id is None or self.project is None:
            self.title.setText(self.tr("Choose a code to see its excerpts."))
            return
        try:
            path = self.project.codes.path_text(self.code_id)
        except Exception:  # deleted meanwhile
            self.code_id = None
            self.title.setText(self.tr("Choose a code to see its excerpts."))
            return
        count = len(self.segments)
        text = (
            self.tr("{code}: 1 excerpt")
            if count == 1
            else self.tr("{code}: {count} excerpts")  # no "1 excerpts"
        )
        self.title.setText(text.format(code=path, count=count))

    def _fill_filters(self) -> None:
        cases = sorted({self.case_of(s) for s in self.segments} - {""})
        kinds = sorted({self._source_kind.get(s.source_id, "") for s in self.segments} - {""})
        coders = sorted({s.coder for s in self.segments})
        for combo, values, shown in (
            (self.case, cases, str),
            (self.kind, kinds, kind_label),
            (self.coder, coders, str),
            (self.valence, list(VALENCES), valence_label),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), ANY)
            for value in values:
                combo.addItem(shown(value), value)
            combo.setCurrentIndex(max(combo.findData(keep), 0) if keep is not None else 0)
            combo.blockSignals(False)

    def _fill_table(self) -> None:
        want_case, want_kind = self.case.currentData(), self.kind.currentData()
        want_coder, want_valence = self.coder.currentData(), self.valence.currentData()
        self.shown = []
        for seg in self.segments:
            case = self.case_of(seg)
            if want_case is not None and case != want_case:
                continue
            if want_kind is not None and self._source_kind.get(seg.source_id) != want_kind:
                continue
            if want_coder is not None and seg.coder != want_coder:
                continue
            if want_valence is not None and seg.valence != want_valence:
                continue
            self.shown.append((seg, case))
        self.table.setRowCount(len(self.shown))
        for row, (seg, case) in enumerate(self.shown):
            cells = [seg.source, case, seg.coder, valence_label(seg.valence), _excerpt(seg.text)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == COLUMNS - 1:
                    item.setToolTip(seg.text[:2000])
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def shown_coding_ids(self) -> list[int]:
        """Coding ids of every excerpt listed now (what the filters let through)."""
        return [int(seg.id) for seg, _case in self.shown]

    def selected_coding_ids(self) -> list[int]:
        """Coding ids of the selected excerpts, in the order shown (empty when none)."""
        model = self.table.selectionModel()
        if model is None:
            return []
        rows = sorted({index.row() for index in model.selectedRows()})
        return [int(self.shown[row][0].id) for row in rows if 0 <= row < len(self.shown)]

    def _on_double_click(self, row: int, _col: int) -> None:
        seg, _case = self.shown[row]
        self.jump_requested.emit(seg.source_id, seg.start, seg.end)

    def on_changes(self, changes: Any) -> None:
        """Reload when codings, codes, cases or sources changed.

        Codes applied elsewhere in the tree (the change set carries the new codings)
        leave the excerpts shown as they are.
        """
        if self.code_id is None or not (
            changes.codings or changes.codes or changes.cases or changes.sources
        ):
            return
        touched = codes_touched(changes)  # empty for attribute edits: valences change
        if touched and not changes.cases:
            shown = {self.code_id}
            if self.subcodes.isChecked():
                shown.update(self.project.codes.descendants(self.code_id))
            if not touched & shown:
                return
        self.reload()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Source"),
                self.tr("Case"),
                self.tr("Coder"),
                self.tr("Valence"),
                self.tr("Excerpt"),
            ]
        )
        for label, text in zip(
            self._filter_labels,
            (self.tr("C&ase"), self.tr("&Kind"), self.tr("Co&der"), self.tr("&Valence")),
            strict=True,
        ):
            label.setText(text)
        self.subcodes.setText(self.tr("Include sub-codes"))
        self.table.setAccessibleName(self.tr("Excerpts"))
        self._set_title()
        self._fill_filters()
        self._fill_table()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _excerpt(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
