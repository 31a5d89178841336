"""Drawing MHS maps from the data on the concept-map canvas: a context chart of the cases, a
causal network of codes and events, and the dialog that edits an arrow's sign and strength and
lists the evidence it cites.

The core drafts the map (``qualcode.analysis.map_builders``) and stores it as
one undoable step; the canvas then edits it like any map.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapDrawDialog", text)


def _buttons(dialog: QDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


def _attribute_box(parent: QWidget, names: list[str], current: str | None) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(QCoreApplication.translate("MapDrawDialog", "(none)"), None)
    for name in names:
        box.addItem(name, name)
    if current is not None:
        box.setCurrentIndex(max(box.findData(current), 0))
    return box


class ContextChartDialog(QDialog):
    """Name of the new map and the attributes that group, label, rank and relate the cases."""

    def __init__(self, parent: QWidget, attributes: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("contextChartDialog")
        self.setWindowTitle(QCoreApplication.translate("MapDrawDialog", "Context chart"))
        self.name_edit = QLineEdit(
            QCoreApplication.translate("MapDrawDialog", "Context chart"), self
        )
        default_role = next((a for a in attributes if a.casefold() == "jabatan"), None)
        self.group = _attribute_box(self, attributes, None)
        self.role = _attribute_box(self, attributes, default_role)
        self.rank = _attribute_box(self, attributes, None)
        self.relation = _attribute_box(self, attributes, None)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Map name:"), self.name_edit)
        form.addRow(
            QCoreApplication.translate("MapDrawDialog", "Group cases without a parent by:"),
            self.group,
        )
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Show with each case:"), self.role)
        form.addRow(
            QCoreApplication.translate("MapDrawDialog", "Order a level by (low first):"), self.rank
        )
        form.addRow(
            QCoreApplication.translate("MapDrawDialog", "Link to the cases named in:"),
            self.relation,
        )
        _buttons(self, form)

    def options(self) -> dict[str, Any]:
        """Keyword arguments of ``map_builders.context_chart``."""
        return {
            "group_by": self.group.currentData(),
            "role": self.role.currentData(),
            "rank": self.rank.currentData(),
            "relation": self.relation.currentData(),
        }


class CausalNetworkDialog(QDialog):
    """Name, the variables (ticked codes), the event code and how evidence is found."""

    def __init__(
        self, parent: QWidget, codes: list[tuple[int, str, str]], ticked: set[int]
    ) -> None:
        """``codes``: (id, indented name for the list, plain name) in tree order."""
        super().__init__(parent)
        self.setObjectName("causalNetworkDialog")
        self.setWindowTitle(QCoreApplication.translate("MapDrawDialog", "Causal network"))
        self.name_edit = QLineEdit(
            QCoreApplication.translate("MapDrawDialog", "Causal network"), self
        )
        self.codes = QListWidget(self)
        for code_id, shown, _name in codes:
            item = QListWidgetItem(shown, self.codes)
            item.setData(Qt.ItemDataRole.UserRole, code_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code_id in ticked else Qt.CheckState.Unchecked
            )
        self.events = QComboBox(self)
        self.events.addItem(QCoreApplication.translate("MapDrawDialog", "(none)"), None)
        for code_id, _shown, name in codes:
            self.events.addItem(name, code_id)
        self.op = QComboBox(self)
        for key, words in QT_WORDS.items():
            self.op.addItem(_tr(words), key)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Map name:"), self.name_edit)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Variables:"), self.codes)
        form.addRow(
            QCoreApplication.translate("MapDrawDialog", "Events (dated codings of):"), self.events
        )
        form.addRow(
            QCoreApplication.translate("MapDrawDialog", "Evidence: codings of cause and effect"),
            self.op,
        )
        _buttons(self, form)

    def options(self) -> dict[str, Any]:
        """Keyword arguments of ``map_builders.causal_network``."""
        ticked = [
            int(self.codes.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.codes.count())
            if self.codes.item(i).checkState() == Qt.CheckState.Checked
        ]
        event = self.events.currentData()
        return {
            "codes": ticked,
            "events": [int(event)] if event is not None else None,
            "op": str(self.op.currentData()),
        }


QT_WORDS = {
    "same_turn": QT_TRANSLATE_NOOP("MapDrawDialog", "in the same speaker turn"),
    "and": QT_TRANSLATE_NOOP("MapDrawDialog", "overlapping"),
}


class ArrowDialog(QDialog):
    """An arrow's sign and strength, with the evidence it cites (double-click opens a coding)."""

    def __init__(self, parent: QWidget, cited: Any, open_coding: Any) -> None:
        super().__init__(parent)
        self.setObjectName("arrowDialog")
        self.setWindowTitle(QCoreApplication.translate("MapDrawDialog", "Arrow"))
        link = cited.link
        self.sign = QComboBox(self)
        for value, words in (
            ("", QCoreApplication.translate("MapDrawDialog", "(none)")),
            ("+", "+"),
            ("-", "\u2212"),
        ):
            self.sign.addItem(words, value)
        self.sign.setCurrentIndex(max(self.sign.findData(link.sign or ""), 0))
        self.strength = QComboBox(self)
        self.strength.addItem(QCoreApplication.translate("MapDrawDialog", "(none)"), "")
        self.strength.addItem(QCoreApplication.translate("MapDrawDialog", "strong"), "strong")
        self.strength.addItem(QCoreApplication.translate("MapDrawDialog", "moderate"), "moderate")
        self.strength.addItem(QCoreApplication.translate("MapDrawDialog", "weak"), "weak")
        self.strength.setCurrentIndex(max(self.strength.findData(link.strength or ""), 0))
        self.evidence = QListWidget(self)
        for excerpt, citation in cited.cited:
            item = QListWidgetItem(f"({citation}) {' '.join(excerpt.text.split())}", self.evidence)
            item.setData(Qt.ItemDataRole.UserRole, excerpt.coding_id)
        if cited.missing:
            QListWidgetItem(
                QCoreApplication.translate(
                    "MapDrawDialog", "{n} cited coding(s) were deleted since."
                ).format(n=cited.missing),
                self.evidence,
            )
        self.evidence.itemDoubleClicked.connect(
            lambda item: (
                open_coding(int(item.data(Qt.ItemDataRole.UserRole)))
                if item.data(Qt.ItemDataRole.UserRole) is not None
                else None
            )
        )
        form = QFormLayout(self)
        form.addRow(f"{cited.source} \u2192 {cited.target}", QWidget(self))
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Sign:"), self.sign)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Strength:"), self.strength)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Evidence:"), self.evidence)
        _buttons(self, form)

    def values(self) -> tuple[str, str]:
        """The chosen sign and strength ("" for none)."""
        return str(self.sign.currentData()), str(self.strength.currentData())
