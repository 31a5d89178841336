"""The start page: new, open, the sample study, and recent projects.

Its buttons are the command table's own actions, so labels, shortcuts and
enabled states are the same as in the File menu.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    """What the window shows when no project is open."""

    recent_chosen = Signal(str)

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        buttons = QHBoxLayout()
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(36)
            buttons.addWidget(button)
            self.buttons.append(button)
        buttons.addStretch(1)
        self.recent_title = QLabel(self)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentProjects")
        self.recent.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent)
        column.addStretch(1)
        self.recent.setMaximumHeight(260)
        panel = QWidget(self)
        panel.setLayout(column)
        panel.setMaximumWidth(760)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 48, 24, 24)
        outer.addStretch(1)
        outer.addWidget(panel, 6)
        outer.addStretch(1)
        self._recent: list[str] = []
        self.retranslate()

    def set_recent(self, paths: list[str]) -> None:
        """List recent projects (missing files are shown greyed out)."""
        self._recent = list(paths)
        self.recent.clear()
        for path in paths:
            p = Path(path)
            item = QListWidgetItem(f"{p.stem}  —  {p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not p.exists():
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title.setText(self.tr("QualCode"))
        self.subtitle.setText(
            self.tr(
                "Qualitative coding of interviews, focus groups, field notes and documents. "
                "Create a project, open one, or explore the sample study."
            )
        )
        self.recent_title.setText(self.tr("Recent projects"))
        self.recent.setAccessibleName(self.tr("Recent projects"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
