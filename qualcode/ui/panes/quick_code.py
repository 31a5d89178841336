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

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.coding.code_match import rank_codes
from qualcode.records import VALENCES
from qualcode.ui.panes.code_tree import swatch
from qualcode.ui.panes.detail_pane import valence_label

__all__ = ["CREATE", "QuickCodeBox", "place_beside_selection", "rank_codes"]

CREATE = -1
PARENT_ROLE = Qt.ItemDataRole.UserRole + 1


class QuickCodeBox(QDialog):
    """A small search box over the codebook; Enter applies, Esc closes.

    A typed name that is no code's name is offered as a new code, placed where
    the student says: next to the code selected in the codebook (under its
    parent, the first offer), inside it, or at the top level. A valence can be
    chosen for the coding before Enter.
    """

    code_chosen = Signal(int)
    create_requested = Signal(str, object)  # name, parent code id (None: top level)

    def __init__(
        self,
        codes: Sequence[Any],
        language: str,
        parent: Any = None,
        *,
        current_code_id: int | None = None,
    ) -> None:
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
        self._current = self._by_id.get(current_code_id) if current_code_id is not None else None
        self.valence = QComboBox(self)
        self.valence.setObjectName("quickCodeValence")
        self.valence.setAccessibleName(self.tr("Valence"))
        self.valence.addItem(self.tr("No valence"), "")
        for value in VALENCES:
            self.valence.addItem(valence_label(value), value)
        self.hint = QLabel(self.tr("Enter codes the selection · Esc closes"), self)
        self.hint.setEnabled(False)
        self.hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.valence)
        bottom.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addLayout(bottom)
        self.resize(380, 230)
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
        name = " ".join(text.split())
        taken = any(
            name.lower() in {t.lower() for t in (c.name, *c.labels.values()) if t}
            for c in self._codes
        )
        if name and not taken:
            for parent_id, label in self._create_places(name):
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, CREATE)
                item.setData(PARENT_ROLE, parent_id)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _create_places(self, name: str) -> list[tuple[int | None, str]]:
        """Where a new code may go: under the current code's parent, inside it, top level."""
        places: list[tuple[int | None, str]] = []
        current = self._current
        if current is not None and current.parent_id is not None:
            parent = self._by_id.get(current.parent_id)
            if parent is not None:
                places.append(
                    (
                        parent.id,
                        self.tr("Create code '{name}' under '{parent}'").format(
                            name=name, parent=parent.name
                        ),
                    )
                )
        if current is not None:
            places.append(
                (
                    current.id,
                    self.tr("Create code '{name}' as a sub-code of '{parent}'").format(
                        name=name, parent=current.name
                    ),
                )
            )
        places.append((None, self.tr("Create code '{name}' at the top level").format(name=name)))
        return places

    def chosen_valence(self) -> str | None:
        """The valence chosen for the new coding (None: none)."""
        return self.valence.currentData() or None

    def accept_current(self) -> None:
        """Apply the highlighted entry and close."""
        item = self.list.currentItem()
        if item is None:
            return
        cid = int(item.data(Qt.ItemDataRole.UserRole))
        parent_id = item.data(PARENT_ROLE)
        self.close()
        if cid == CREATE:
            self.create_requested.emit(" ".join(self.edit.text().split()), parent_id)
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


def place_beside_selection(box: QWidget, editor: Any) -> None:
    """Put the box below the caret, or above the selection when there is no room below,
    and never wider than a third of the screen: the selected text stays readable."""
    rect = editor.cursorRect()
    viewport = editor.viewport()
    below = viewport.mapToGlobal(rect.bottomLeft() + QPoint(0, 8))
    screen = (editor.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    width = min(box.width(), max(320, screen.width() // 3))
    box.resize(width, box.height())
    x = min(max(below.x(), screen.left()), screen.right() - width)
    y = below.y()
    if y + box.height() > screen.bottom():
        selection_top = viewport.mapToGlobal(editor.cursorRect(editor.textCursor()).topLeft())
        y = max(screen.top(), selection_top.y() - box.height() - 8)
    box.move(x, y)
