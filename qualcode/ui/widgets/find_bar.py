"""The small find bar under the document text (Ctrl+F): pattern, previous/next, hit count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    """Asks for searches; the document view runs them and reports the count back."""

    find_requested = Signal(str, bool, bool)  # text, forward, case sensitive
    search_edited = Signal(str, bool)  # text, case sensitive: search again from the match start
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Find in document"))
        layout = QHBoxLayout(self)
        spacing = self.fontMetrics().averageCharWidth()
        layout.setContentsMargins(spacing, spacing // 2, spacing, spacing // 2)
        layout.setSpacing(spacing)

        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in document"))
        self.field.setAccessibleName(self.tr("Text to find"))
        self.field.setClearButtonEnabled(True)
        self.previous_button = self._button(
            self.tr("Previous"), self.tr("Find previous (Shift+F3)")
        )
        self.next_button = self._button(self.tr("Next"), self.tr("Find next (F3)"))
        self.case_box = QCheckBox(self.tr("Match case"), self)
        self.case_box.setAccessibleName(self.tr("Match case"))
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Matches"))
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000 "))
        self.close_button = self._button("×", self.tr("Close the find bar (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))

        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.case_box)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button)

        self.field.installEventFilter(self)
        self.field.textEdited.connect(self._edited)
        self.next_button.clicked.connect(lambda: self._request(True))
        self.previous_button.clicked.connect(lambda: self._request(False))
        self.case_box.toggled.connect(lambda _c: self._edited(self.field.text()))
        self.close_button.clicked.connect(self.close_bar)

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        return button

    def _edited(self, text: str) -> None:
        self.search_edited.emit(text, self.case_box.isChecked())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._request(not shift)
            return True
        return super().eventFilter(watched, event)

    def _request(self, forward: bool) -> None:
        self.find_requested.emit(self.field.text(), forward, self.case_box.isChecked())

    def open_bar(self) -> None:
        """Show the bar and focus the field, with its text selected for retyping."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar; the view clears the match outlines."""
        self.hide()
        self.closed.emit()

    def set_status(self, current: int, total: int) -> None:
        """Show "current of total" (1-based), or that nothing matched."""
        if total == 0:
            self.status.setText(self.tr("No matches"))
        else:
            self.status.setText(
                self.tr("{current} of {total}").format(current=current, total=total)
            )

    def clear_status(self) -> None:
        """No search: no count."""
        self.status.setText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.matches(QKeySequence.StandardKey.FindPrevious):
            self._request(False)
            return
        if event.matches(QKeySequence.StandardKey.FindNext):
            self._request(True)
            return
        super().keyPressEvent(event)
