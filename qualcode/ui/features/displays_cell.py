"""One display cell opened: its excerpts, its condensed summary and (checklists) its rating.

The excerpts are exactly the cell's codings as the core's drill-down gives
them (:func:`qualcode.analysis.excerpts.cell_excerpts`); a double-click (or
Enter) opens the passage. In a text display the tick beside an excerpt marks
it as evidence of the cell's summary (what exports cite); a draft summary can
be accepted; a checklist cell's rating shows the rule's and can be overridden.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.ui.panes.detail_pane import valence_label

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.analysis.excerpts import Excerpt

COLUMNS = 2
EXCERPT, FROM = 0, 1


def cell_excerpts(project: Any, display: Display, r: int, c: int) -> list[Excerpt]:
    """The excerpts of exactly the codings in cell (r, c), in source and text order."""
    from qualcode.analysis.excerpts import cell_excerpts as core_cell_excerpts

    return core_cell_excerpts(project, display, r, c)


class CellPanel(QWidget):
    """The opened cell: a title, its excerpts and (framework matrix) the summary editor."""

    jump_requested = Signal(int, int, int)  # source id, start, end
    save_requested = Signal(str)  # the summary text
    autofill_requested = Signal()
    accept_requested = Signal()
    evidence_toggled = Signal(int, bool)  # coding id, chosen
    rate_requested = Signal()
    link_requested = Signal()
    unrate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayCell")
        self.excerpts: list[Excerpt] = []
        self.cell: tuple[int, int] | None = None
        self.evidence: set[int] = set()
        self._filling = False
        self.title = QLabel(self)
        self.title.setObjectName("cellTitle")
        self.title.setWordWrap(True)
        self.link = QPushButton(self)
        self.link.setObjectName("linkConclusion")
        self.link.clicked.connect(self.link_requested)
        self.link.setEnabled(False)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("cellExcerpts")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EXCERPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FROM, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(FROM, 170)
        self.table.activated.connect(lambda index: self._jump(index.row()))
        self.table.itemChanged.connect(self._evidence_changed)
        self.rating_box = QWidget(self)
        self.rating = QLabel(self.rating_box)
        self.rating.setObjectName("cellRating")
        self.rating.setWordWrap(True)
        self.rate = QPushButton(self.rating_box)
        self.rate.setObjectName("rateCell")
        self.rate.clicked.connect(self.rate_requested)
        self.unrate = QPushButton(self.rating_box)
        self.unrate.setObjectName("unrateCell")
        self.unrate.clicked.connect(self.unrate_requested)
        rating_row = QHBoxLayout(self.rating_box)
        rating_row.setContentsMargins(0, 0, 0, 0)
        rating_row.addWidget(self.rating, 1)
        rating_row.addWidget(self.rate)
        rating_row.addWidget(self.unrate)
        self.rating_box.hide()
        self.summary_box = QWidget(self)
        self.summary_label = QLabel(self.summary_box)
        self.summary = QPlainTextEdit(self.summary_box)
        self.summary.setObjectName("cellSummary")
        self.summary.setMaximumHeight(110)
        self.summary_label.setBuddy(self.summary)
        self.summary.installEventFilter(self)
        self.state = QLabel(self.summary_box)
        self.state.setObjectName("summaryState")
        self.save = QPushButton(self.summary_box)
        self.save.setObjectName("saveSummary")
        self.save.clicked.connect(lambda: self.save_requested.emit(self.summary.toPlainText()))
        self.autofill = QPushButton(self.summary_box)
        self.autofill.setObjectName("autofillSummary")
        self.autofill.clicked.connect(self.autofill_requested)
        self.accept = QPushButton(self.summary_box)
        self.accept.setObjectName("acceptDraft")
        self.accept.clicked.connect(self.accept_requested)
        self.accept.hide()
        self.state.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.autofill)
        buttons.addWidget(self.accept)
        buttons.addWidget(self.save)
        box = QVBoxLayout(self.summary_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary_label)
        box.addWidget(self.summary)
        box.addWidget(self.state)
        box.addLayout(buttons)
        self.summary_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.link)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rating_box)
        layout.addWidget(self.summary_box)
        self.retranslate()

    def show_cell(
        self, title: str, excerpts: list[Excerpt], cell: tuple[int, int] | None = None
    ) -> None:
        """List a cell's excerpts under ``title``."""
        self.cell = cell
        self.excerpts = excerpts
        self.title.setText(title)
        self.link.setEnabled(cell is not None)
        self._filling = True
        self.table.setRowCount(len(excerpts))
        for row, e in enumerate(excerpts):
            who = ", ".join(e.cases) or (e.speaker or "")
            attribution = "\n".join(x for x in (e.source, who, e.code, e.coder) if x)
            tip = attribution + ("\n" + valence_label(e.valence) if e.valence else "")
            for col, text in ((EXCERPT, _flat(e.text)), (FROM, attribution)):
                item = QTableWidgetItem(text)
                item.setToolTip(e.text[:2000] + "\n\n" + tip if col == EXCERPT else tip)
                self.table.setItem(row, col, item)
        self._filling = False
        self.table.resizeRowsToContents()

    def show_evidence(self, chosen: set[int] | None, *, editable: bool) -> None:
        """Tick the excerpts chosen as the summary's evidence (None: no ticks at all)."""
        self._filling = True
        self.evidence = set(chosen or ())
        for row, e in enumerate(self.excerpts):
            item = self.table.item(row, EXCERPT)
            if item is None:
                continue
            flags = item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable
            if chosen is not None:
                if editable:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
                state = (
                    Qt.CheckState.Checked
                    if e.coding_id in self.evidence
                    else Qt.CheckState.Unchecked
                )
                item.setCheckState(state)
            else:
                item.setFlags(flags)
                item.setData(Qt.ItemDataRole.CheckStateRole, None)
        self._filling = False

    def _evidence_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != EXCERPT or not 0 <= item.row() < len(self.excerpts):
            return
        coding = self.excerpts[item.row()].coding_id
        chosen = item.checkState() == Qt.CheckState.Checked
        if chosen != (coding in self.evidence):
            self.evidence_toggled.emit(coding, chosen)

    def show_rating(self, text: str | None, *, overridden: bool, editable: bool) -> None:
        """A checklist cell's rating and how it was reached (None hides the rating row)."""
        self.rating_box.setVisible(text is not None)
        self.rating.setText(text or "")
        self.rate.setEnabled(editable and self.cell is not None)
        self.unrate.setEnabled(editable and overridden)

    def clear(self, title: str = "") -> None:
        """No cell open."""
        self.show_cell(title or self.tr("Click a cell to see its excerpts."), [], None)
        self.show_summary(None, editable=False)

    def show_summary(
        self,
        summary: Any,
        *,
        editable: bool,
        visible: bool | None = None,
        keep_edits: bool = False,
    ) -> None:
        """Show a cell's summary record (or an empty editor); hide the box for other displays.

        ``keep_edits`` leaves unsaved typing in the editor alone (a redraw after
        someone else's change must not throw away what the researcher is writing).
        """
        if visible is not None:
            self.summary_box.setVisible(visible)
        if not (keep_edits and self.has_edits()):
            self.summary.setPlainText(summary.text if summary is not None else "")
            self.summary.document().setModified(False)
        self.summary.setReadOnly(not editable)
        self.save.setEnabled(editable and self.cell is not None)
        self.autofill.setEnabled(editable and self.cell is not None and bool(self.excerpts))
        self.accept.setVisible(summary is not None and summary.draft)
        self.accept.setEnabled(editable)
        if summary is None:
            self.state.setText("")
        elif summary.draft:
            self.state.setText(
                self.tr("Draft, not accepted: edit and save it, or accept it as it is.")
            )
        else:
            self.state.setText(self.tr("Written by {author}").format(author=summary.author))
        missing = getattr(summary, "missing", ())
        if missing:
            self.state.setText(
                self.state.text()
                + "\n"
                + self.tr("Evidence deleted since: coding {ids}.").format(
                    ids=", ".join(str(i) for i in missing)
                )
            )

    def has_edits(self) -> bool:
        """Whether the summary editor holds typing not saved yet."""
        return self.summary_box.isVisibleTo(self) and self.summary.document().isModified()

    def resizeEvent(self, event: Any) -> None:
        """Keep the excerpt column the widest one however narrow the pane gets."""
        super().resizeEvent(event)
        width = self.table.viewport().width()
        self.table.setColumnWidth(FROM, max(90, min(220, int(width * 0.35))))

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        """Ctrl+Enter in the summary editor saves it (before any window shortcut sees it)."""
        if watched is self.summary and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            key = event.key()  # type: ignore[attr-defined]
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
            if ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                event.accept()
                if event.type() == QEvent.Type.KeyPress and self.save.isEnabled():
                    self.save.click()
                return True
        return super().eventFilter(watched, event)

    def _jump(self, row: int) -> None:
        if 0 <= row < len(self.excerpts):
            e = self.excerpts[row]
            self.jump_requested.emit(e.source_id, e.start, e.end)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.table.setHorizontalHeaderLabels([self.tr("Excerpt"), self.tr("From")])
        self.table.setAccessibleName(self.tr("Excerpts of the cell"))
        self.table.setToolTip(self.tr("Double-click or press Enter to open the passage"))
        self.summary_label.setText(self.tr("Cell &summary"))
        self.summary.setAccessibleName(self.tr("Cell summary"))
        self.summary.setPlaceholderText(self.tr("What do these excerpts say? Write the gist…"))
        self.save.setText(self.tr("Save summary"))
        self.save.setToolTip(self.tr("Keep this summary with the saved display (Ctrl+Enter)"))
        self.autofill.setText(self.tr("Auto-fill"))
        self.autofill.setToolTip(self.tr("Draft a summary from the cell's excerpts"))
        self.link.setText(self.tr("Link to conclusion…"))
        self.link.setToolTip(
            self.tr("Record that a conclusion is drawn from this cell, its row or column")
        )
        self.accept.setText(self.tr("Accept draft"))
        self.accept.setToolTip(self.tr("Keep the drafted summary as your own"))
        self.rate.setText(self.tr("Set rating…"))
        self.rate.setToolTip(self.tr("Override the rule's rating of this cell, with a reason"))
        self.unrate.setText(self.tr("Use the rule"))
        self.unrate.setToolTip(self.tr("Drop your rating: the rule rates the cell again"))
        if self.cell is None:
            self.title.setText(self.tr("Click a cell to see its excerpts."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _flat(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
