"""The quick-code box: type a few letters of a code (its name or its English or
Indonesian label), press Enter, and the selection is coded.

Ranking (``qualcode.coding.code_match``) puts exact names, abbreviations
("SOP"), prefixes and word starts in either language before fuzzy look-alikes,
so "sosialisasi" finds "Communication" through its Indonesian label and typos
still land.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from qualcode.coding.code_match import rank_codes
from qualcode.ui.code_tree import swatch

__all__ = ["CREATE", "QuickCodeBox", "rank_codes"]

CREATE = -1


class QuickCodeBox(QDialog):
    """A small search box over the codebook; Enter applies, Esc closes."""

    code_chosen = Signal(int)
    create_requested = Signal(str)

    def __init__(self, codes: Sequence[Any], language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickCode")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Quick code"))
        self._codes = list(codes)
        self._by_id = {c.id: c for c in self._codes}
        self._language = language
        self.edit = QLineEdit(self)
        self.edit.setObjectName("quickCodeSearch")
        self.edit.setPlaceholderText(self.tr("Code name or label (English or Indonesian)…"))
        self.edit.setAccessibleName(self.tr("Search codes"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("quickCodeList")
        self.list.setAccessibleName(self.tr("Matching codes"))
        self.hint = QLabel(self.tr("Enter codes the selection · Esc closes"), self)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(540, 300)
        self.edit.textChanged.connect(self.refilter)
        self.edit.returnPressed.connect(self.accept_current)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        self.edit.installEventFilter(self)
        self.refilter("")

    def refilter(self, text: str) -> None:
        """Show the codes matching ``text`` (or the create entry)."""
        self.list.clear()
        for cid in rank_codes(text, self._codes):
            code = self._by_id[cid]
            # The label in the interface language first, then the other one.
            order = sorted(code.labels, key=lambda lang: lang != self._language)
            labels = [
                code.labels[k] for k in order if code.labels[k] and code.labels[k] != code.name
            ]
            shown = " — ".join([code.name, *dict.fromkeys(labels)])
            item = QListWidgetItem(swatch(code.color), shown)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.list.addItem(item)
        name = text.strip()
        if name and self.list.count() == 0:
            item = QListWidgetItem(self.tr("Create code '{name}'").format(name=name))
            item.setData(Qt.ItemDataRole.UserRole, CREATE)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def accept_current(self) -> None:
        """Apply the highlighted entry and close."""
        item = self.list.currentItem()
        if item is None:
            return
        cid = int(item.data(Qt.ItemDataRole.UserRole))
        self.close()
        if cid == CREATE:
            self.create_requested.emit(self.edit.text().strip())
        else:
            self.code_chosen.emit(cid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/PageUp/PageDown in the search field move through the list."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
                Qt.Key.Key_PageUp,
                Qt.Key.Key_PageDown,
            ):
                self.list.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)
