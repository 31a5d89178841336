"""The decision-rule log of a saved display: list, add, reword, delete (each one core
operation through the pane's dispatcher); the pane shows the log under the display."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

RULE_ROLE = Qt.ItemDataRole.UserRole + 1


class RuleEditor(QDialog):
    """The wording and date of one rule."""

    def __init__(self, parent: QWidget, text: str = "", day: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        self.setWindowTitle(self.tr("Decision rule"))
        self.text = QPlainTextEdit(text, self)
        self.text.setPlaceholderText(
            self.tr("e.g. A cell is rated adequate when two or more informants confirm it.")
        )
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        if day is not None:
            self.day.setDate(QDate(day.year, day.month, day.day))
        form = QFormLayout(self)
        form.addRow(self.tr("Rule:"), self.text)
        form.addRow(self.tr("Decided on:"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        """(text, YYYY-MM-DD)."""
        return self.text.toPlainText().strip(), self.day.date().toString("yyyy-MM-dd")


class DecisionRulesDialog(QDialog):
    """A saved display's rules, oldest first, with Add, Edit and Delete."""

    def __init__(
        self,
        parent: QWidget,
        project: Any,
        display_id: int,
        run: Callable[..., Any],
        *,
        writable: bool,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionRulesDialog")
        self.setWindowTitle(self.tr("Decision rules of the display"))
        self.resize(700, 380)
        self.project, self.display_id, self.run = project, display_id, run
        self.list = QTreeWidget(self)
        self.list.setObjectName("decisionRuleList")
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Rule"), self.tr("By")])
        self.list.setRootIsDecorated(False)
        self.list.itemDoubleClicked.connect(lambda *_: self.edit())
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(writable)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        """Re-read the log."""
        self.list.clear()
        for rule in self.project.decision_rules.of(self.display_id):
            item = QTreeWidgetItem([rule.decided_on.isoformat(), rule.text, rule.author])
            item.setData(0, RULE_ROLE, rule)
            item.setToolTip(1, rule.text)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)

    def _chosen(self) -> Any:
        item = self.list.currentItem()
        return item.data(0, RULE_ROLE) if item is not None else None

    def add(self) -> None:
        editor = RuleEditor(self)
        if editor.exec() == RuleEditor.DialogCode.Accepted:
            text, day = editor.values()
            self.run(self.project.decision_rules.add, self.display_id, text, day)
            self.reload()

    def edit(self) -> None:
        rule = self._chosen()
        if rule is None or not self.edit_button.isEnabled():
            return
        editor = RuleEditor(self, rule.text, rule.decided_on)
        if editor.exec() == RuleEditor.DialogCode.Accepted:
            text, day = editor.values()
            self.run(self.project.decision_rules.edit, rule.id, text, day)
            self.reload()

    def delete(self) -> None:
        rule = self._chosen()
        if rule is not None:
            self.run(self.project.decision_rules.delete, rule.id)
            self.reload()
