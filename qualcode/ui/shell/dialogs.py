"""Small blocking questions (confirm, choose, name, colour, files), in one place.

Every modal question the app asks goes through these functions, so tests can
replace them (``monkeypatch.setattr(dialogs, "ask", ...)``) and drive the
real code paths without a nested event loop.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

NEW_ITEM = object()
"""What :func:`choose_item` returns when the user picks its "new…" entry."""


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no confirmation; True for yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, title: str, text: str, options: Sequence[str]) -> int | None:
    """One of several actions (buttons in order) or None for Cancel."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in options]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else None


def get_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, or None when cancelled or empty."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    value = value.strip()
    return value if ok and value else None


def get_multiline_text(
    parent: QWidget | None, title: str, label: str, text: str = ""
) -> str | None:
    """Several lines of text (a comment, a reply), or None if cancelled or empty."""
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value.strip() if ok and value.strip() else None


def get_color(parent: QWidget | None, title: str, current: str) -> str | None:
    """A colour as ``#rrggbb``, or None when cancelled."""
    color = QColorDialog.getColor(QColor(current), parent, title)
    return color.name() if color.isValid() else None


def open_files(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """Files to open (empty when cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return names


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    """One file to open, or None."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return name or None


def save_file(parent: QWidget | None, title: str, filters: str, suggested: str = "") -> str | None:
    """A file name to create, or None."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return name or None


def folder(parent: QWidget | None, title: str) -> str | None:
    """A folder, or None."""
    return QFileDialog.getExistingDirectory(parent, title) or None


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A message that needs only OK."""
    QMessageBox.information(parent, title, text)


def choose_item(
    parent: QWidget | None,
    title: str,
    label: str,
    items: list[tuple[str, object]],
    *,
    allow_new: str | None = None,
) -> object | None:
    """One of many ``(text, value)`` items from a filterable list: its value, :data:`NEW_ITEM`
    for the ``allow_new`` entry, or None when cancelled (unlike :func:`choose`, no cap)."""
    dialog = ChooseItemDialog(parent, title, label, items, allow_new=allow_new)
    try:
        dialog.exec()
        return dialog.value if dialog.result() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class ChooseItemDialog(QDialog):
    """A filter box over a list; Enter picks the current item, Escape cancels."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        items: list[tuple[str, object]],
        *,
        allow_new: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chooseItem")
        self.setWindowTitle(title)
        self.value: object | None = None
        self.filter = QLineEdit(self)
        self.filter.setObjectName("chooseFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Type to filter"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.list = QListWidget(self)
        self.list.setObjectName("chooseList")
        self.list.setAccessibleName(label)
        for text, value in items:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setToolTip(text)
        self.new_item: QListWidgetItem | None = None
        if allow_new is not None:
            self.new_item = QListWidgetItem(allow_new, self.list)
            self.new_item.setData(Qt.ItemDataRole.UserRole, NEW_ITEM)
            font = QFont(self.new_item.font())
            font.setItalic(True)
            self.new_item.setFont(font)
        caption = QLabel(label, self)
        caption.setWordWrap(True)
        caption.setBuddy(self.filter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.pick)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.pick())
        self.list.currentItemChanged.connect(lambda _cur, _prev: self._enable())
        self.resize(520, 380)
        self.apply_filter("")
        self.filter.setFocus()

    def visible_items(self) -> list[QListWidgetItem]:
        """The items the filter lets through, in order."""
        rows = (self.list.item(i) for i in range(self.list.count()))
        return [item for item in rows if not item.isHidden()]

    def apply_filter(self, text: str) -> None:
        """Hide items whose text lacks every word typed (the new entry always stays)."""
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            shown = item is self.new_item or all(w in item.text().casefold() for w in words)
            item.setHidden(not shown)
        current = self.list.currentItem()
        if current is None or current.isHidden():
            visible = self.visible_items()
            self.list.setCurrentItem(visible[0] if visible else None)
        self._enable()

    def pick(self) -> None:
        """Accept the current item (Enter, double-click, OK)."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.value = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def _enable(self) -> None:
        item = self.list.currentItem()
        self.ok.setEnabled(item is not None and not item.isHidden())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down/PageUp/PageDown in the filter box move through the list; Enter picks.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.pick()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.list.event(event)
                return True
        return super().eventFilter(watched, event)


def project_password(parent: QWidget | None, path: str, *, new: bool) -> object | None:
    """A :class:`~qualcode.ui.shell.password_dialog.PasswordChoice`, or None when cancelled: for a
    new project whether to encrypt it (and its password), else the password to open it."""
    from qualcode.ui.shell.password_dialog import PasswordDialog

    dialog = PasswordDialog(parent, path, new=new)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
