"""The Cases pane: the classification sheet, edited in place.

One row per case (name, kind), one column per case attribute. Typing in a cell
sets that value (numbers and dates are checked by the core; a category offers
its allowed values); editing a name renames the case. New cases and typed
attributes are added with the buttons below, an attribute is renamed from its
column. Every edit is ONE core operation through the dispatcher (Edit › Undo
takes it back) and the sheet redraws from the change set.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.changes import Area
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature, ReloadWhenShown
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, has_project

ID_ROLE = Qt.ItemDataRole.UserRole + 1
AREAS = (Area.CASES, Area.ATTRIBUTES, Area.CASE_LINKS)
FIXED = 2  # the Name and Kind columns
TYPES = ("text", "number", "date", "category")


class CategoryDelegate(QStyledItemDelegate):
    """A drop-down of the allowed values for category columns; a line edit elsewhere."""

    def __init__(self, pane: CaseSheetPane) -> None:
        super().__init__(pane)
        self.pane = pane

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Any
    ) -> QWidget:
        attr = self.pane.attribute_at(index.column())
        if attr is None or attr.type != "category" or not attr.allowed_values:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.addItems(["", *attr.allowed_values])
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | Any) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data() or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | Any) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)


class CaseSheetPane(ReloadWhenShown, QWidget):
    """Cases × attributes, editable; add cases and typed attributes; rename attributes."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSheetPane")
        self.window_ = window
        self.project: Any = None
        self.attributes: list[Any] = []
        self._loading = False
        self.table = QTableWidget(self)
        self.table.setObjectName("caseSheet")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegate(CategoryDelegate(self))
        self.table.itemChanged.connect(self._edited)
        self.table.horizontalHeader().sectionDoubleClicked.connect(self.ask_rename_attribute)
        self.new_case_button = QPushButton(self)
        self.new_case_button.setObjectName("cases.newCase")
        self.new_case_button.clicked.connect(self.ask_new_case)
        self.new_attr_button = QPushButton(self)
        self.new_attr_button.setObjectName("cases.newAttribute")
        self.new_attr_button.clicked.connect(self.ask_new_attribute)
        self.rename_button = QPushButton(self)
        self.rename_button.setObjectName("cases.renameAttribute")
        self.rename_button.clicked.connect(lambda: self.ask_rename_attribute(None))
        row = QHBoxLayout()
        for button in (self.new_case_button, self.new_attr_button, self.rename_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.retranslate()

    # -- feature protocol ---------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show a project's cases (None: empty)."""
        self.project = project
        self.reload()

    def on_changes(self, changes: Any) -> None:
        """Redraw when cases, attributes or their values changed."""
        if self.project is not None and changes.changed(*AREAS):
            self._refresh()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.new_case_button.setText(self.tr("New case…"))
        self.new_attr_button.setText(self.tr("New attribute…"))
        self.new_attr_button.setToolTip(self.tr("A text, number, date or category column"))
        self.rename_button.setText(self.tr("Rename attribute…"))
        self.rename_button.setToolTip(self.tr("Rename the attribute of the selected column"))
        self.reload()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- drawing -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read every case and case attribute again."""
        self._dirty = False
        self._loading = True
        try:
            self.table.clear()
            if self.project is None:
                self.table.setRowCount(0)
                self.table.setColumnCount(0)
                return
            self.attributes = self.project.attributes.all("case")
            cases = self.project.cases.all()
            values = self.project.attributes.values("case")
            self.table.setColumnCount(FIXED + len(self.attributes))
            self.table.setRowCount(len(cases))
            headers = [self.tr("Case"), self.tr("Kind")] + [a.name for a in self.attributes]
            self.table.setHorizontalHeaderLabels(headers)
            for col, attr in enumerate(self.attributes, FIXED):
                tip = _type_words(attr.type)
                if attr.allowed_values:
                    tip += ": " + ", ".join(attr.allowed_values)
                self.table.horizontalHeaderItem(col).setToolTip(tip)
            writable = not self.project.read_only
            for row, case in enumerate(cases):
                name = QTableWidgetItem(case.name)
                name.setData(ID_ROLE, case.id)
                kind = QTableWidgetItem(case.kind)
                kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, kind)
                for col, attr in enumerate(self.attributes, FIXED):
                    value = values.get(case.id, {}).get(attr.name)
                    item = QTableWidgetItem("" if value is None else _shown(value))
                    if not writable:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, col, item)
                if not writable:
                    name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.resizeColumnsToContents()
        finally:
            self._loading = False
        self._enable()

    def _enable(self) -> None:
        writable = self.project is not None and not self.project.read_only
        self.new_case_button.setEnabled(writable)
        self.new_attr_button.setEnabled(writable)
        self.rename_button.setEnabled(writable and bool(self.attributes))

    def attribute_at(self, column: int) -> Any:
        """The attribute shown in ``column`` (None for Name and Kind)."""
        index = column - FIXED
        return self.attributes[index] if 0 <= index < len(self.attributes) else None

    def case_id_at(self, row: int) -> int:
        """The case shown in ``row``."""
        return int(self.table.item(row, 0).data(ID_ROLE))

    # -- editing -------------------------------------------------------------------------
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._loading or self.project is None:
            return
        row, col = item.row(), item.column()
        if col == 0:
            result = self.rename_case(self.case_id_at(row), item.text())
        else:
            attr = self.attribute_at(col)
            if attr is None:
                return
            result = self.set_value(self.case_id_at(row), attr.id, item.text())
        if result is None:
            self.reload()  # refused: show the stored value again

    def set_value(self, case_id: int, attribute_id: int, text: str) -> Any:
        """Set (or clear, with "") one case's attribute value (one undo step)."""
        value = text.strip() or None
        return self.window_.dispatcher.run(
            self.project.attributes.set_value, attribute_id, value, case_id=case_id
        )

    def rename_case(self, case_id: int, name: str) -> Any:
        """Rename a case (one undo step)."""
        return self.window_.dispatcher.run(self.project.cases.update, case_id, name=name)

    def new_case(self, name: str) -> Any:
        """Create a case (one undo step)."""
        return self.window_.dispatcher.run(self.project.cases.create, name)

    def new_attribute(self, name: str, kind: str, allowed: list[str]) -> Any:
        """Define a typed case attribute (one undo step)."""
        return self.window_.dispatcher.run(
            self.project.attributes.define, name, type=kind, allowed_values=allowed
        )

    def rename_attribute(self, attribute_id: int, name: str) -> Any:
        """Rename an attribute (one undo step)."""
        return self.window_.dispatcher.run(self.project.attributes.update, attribute_id, name=name)

    # -- buttons -------------------------------------------------------------------------
    def ask_new_case(self) -> None:
        """Ask for a name and create a case."""
        name = dialogs.get_text(self, self.tr("New case"), self.tr("Name of the case:"))
        if name:
            self.new_case(name)

    def ask_new_attribute(self) -> None:
        """Ask for a name, a type and (for a category) its values."""
        dialog = NewAttributeDialog(self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.name():
                self.new_attribute(dialog.name(), dialog.kind(), dialog.values())
        finally:
            dialog.deleteLater()

    def ask_rename_attribute(self, column: int | None) -> None:
        """Rename the attribute of a column (the current one by default)."""
        attr = self.attribute_at(self.table.currentColumn() if column is None else column)
        if attr is None:
            self.window_.statusBar().showMessage(
                self.tr("Select a cell in an attribute's column first."), 6000
            )
            return
        name = dialogs.get_text(self, self.tr("Rename attribute"), self.tr("New name:"), attr.name)
        if name and name != attr.name:
            self.rename_attribute(attr.id, name)


class NewAttributeDialog(QDialog):
    """Name, type and allowed values (category) of a new case attribute."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("newAttribute")
        self.setWindowTitle(self.tr("New attribute"))
        self.name_edit = QLineEdit(self)
        self.type_box = QComboBox(self)
        for kind in TYPES:
            self.type_box.addItem(_type_words(kind), kind)
        self.values_edit = QLineEdit(self)
        self.values_edit.setPlaceholderText(self.tr("Comma-separated, e.g. Kadis, Kabid, Staf"))
        self.type_box.currentIndexChanged.connect(
            lambda: self.values_edit.setEnabled(self.kind() == "category")
        )
        self.values_edit.setEnabled(False)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Type:"), self.type_box)
        form.addRow(self.tr("Values:"), self.values_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def name(self) -> str:
        """The typed name."""
        return self.name_edit.text().strip()

    def kind(self) -> str:
        """The chosen type."""
        return str(self.type_box.currentData())

    def values(self) -> list[str]:
        """Allowed values of a category."""
        if self.kind() != "category":
            return []
        return [v.strip() for v in self.values_edit.text().split(",") if v.strip()]


def _type_words(kind: str) -> str:
    words = {
        "text": QCoreApplication.translate("CaseSheetPane", "Text"),
        "number": QCoreApplication.translate("CaseSheetPane", "Number"),
        "date": QCoreApplication.translate("CaseSheetPane", "Date"),
        "category": QCoreApplication.translate("CaseSheetPane", "Category"),
    }
    return words.get(kind, kind)


def _shown(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


FEATURE = Feature(
    key="cases",
    title=QT_TRANSLATE_NOOP("panes", "Cases"),
    pane=CaseSheetPane,
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "cases.sheet",
            QT_TRANSLATE_NOOP("commands", "&Cases and attributes"),
            "view",
            lambda w: w.show_pane("cases"),
            enabled=has_project,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Edit the cases and their attributes (Jabatan, Instansi…)"
            ),
        ),
    ),
)
