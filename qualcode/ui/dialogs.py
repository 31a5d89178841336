"""Small blocking questions (confirm, choose, name, colour, files), in one place.

Every modal question the app asks goes through these functions, so tests can
replace them (``monkeypatch.setattr(dialogs, "ask", ...)``) and drive the
real code paths without a nested event loop.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)


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
