"""The command palette: every enabled command, found by typing part of its name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout


class CommandPalette(QDialog):
    """Type to filter; Enter runs the highlighted command."""

    def __init__(self, table: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("commandPalette")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Command palette"))
        self.table = table
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a command…"))
        self.edit.setAccessibleName(self.tr("Command"))
        self.list = QListWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.resize(460, 360)
        self._entries = table.palette_entries()
        self.edit.textChanged.connect(self.refilter)
        self.edit.returnPressed.connect(self.run_current)
        self.list.itemActivated.connect(lambda _i: self.run_current())
        self.edit.installEventFilter(self)
        self.refilter("")

    def refilter(self, text: str) -> None:
        """Keep the commands whose label contains every typed word."""
        words = text.lower().split()
        self.list.clear()
        for cmd_id, label, keys in self._entries:
            if all(w in label.lower() for w in words):
                item = QListWidgetItem(f"{label}    {keys}" if keys else label)
                item.setData(Qt.ItemDataRole.UserRole, cmd_id)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def run_current(self) -> None:
        """Close and run the highlighted command."""
        item = self.list.currentItem()
        self.close()
        if item is not None:
            self.table.trigger(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.list.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)
