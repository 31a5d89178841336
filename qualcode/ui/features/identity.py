"""The identity register pane: what identifies informants, and what replaces it in exports.

Lists the register (:mod:`qualcode.identity`) longest entry first, edits an entry
in a small form, fills the register from the case attributes ticked as
identifying, and adds the text selected in a document ("Add selection to the
identity register"). Every button is one core operation (one undo step); the
pane redraws from the change set. Pseudonymised exports use the register
(File › Export › Pseudonymise exports).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.identity import KIND_BY_ATTRIBUTE, KINDS
from qualcode.ui.features import Feature, ReloadWhenShown
from qualcode.ui.shell.commands import Command, writable

KIND_LABELS = {
    "name": QT_TRANSLATE_NOOP("IdentityPane", "Name"),
    "nickname": QT_TRANSLATE_NOOP("IdentityPane", "Nickname"),
    "post": QT_TRANSLATE_NOOP("IdentityPane", "Post (jabatan)"),
    "institution": QT_TRANSLATE_NOOP("IdentityPane", "Institution"),
    "place": QT_TRANSLATE_NOOP("IdentityPane", "Place"),
    "phone": QT_TRANSLATE_NOOP("IdentityPane", "Phone number"),
    "person": QT_TRANSLATE_NOOP("IdentityPane", "Other person"),
    "other": QT_TRANSLATE_NOOP("IdentityPane", "Other"),
}


def kind_label(kind: str) -> str:
    """The kind in the interface language."""
    return Q.translate("IdentityPane", KIND_LABELS.get(kind, kind))


class EntryDialog(QDialog):
    """Text, kind, replacement and case of one register entry."""

    def __init__(self, parent: QWidget, cases: list[Any], entry: Any = None, text: str = ""):
        super().__init__(parent)
        self.setObjectName("identityEntryDialog")
        self.setWindowTitle(
            self.tr("Identity register entry") if entry else self.tr("Add to identity register")
        )
        self.text = QLineEdit(entry.text if entry else " ".join(text.split()), self)
        self.text.setObjectName("identityText")
        self.kind = QComboBox(self)
        self.kind.setObjectName("identityKind")
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(KINDS.index(entry.kind) if entry else 0)
        self.replacement = QLineEdit(entry.replacement if entry else "", self)
        self.replacement.setObjectName("identityReplacement")
        self.replacement.setPlaceholderText(
            self.tr("Empty: the case's pseudonym for a name, else e.g. [jabatan]")
        )
        self.case = QComboBox(self)
        self.case.setObjectName("identityCase")
        self.case.addItem(self.tr("(no case)"), None)
        for case in cases:
            self.case.addItem(case.name, case.id)
        if entry is not None and entry.case_id is not None:
            self.case.setCurrentIndex(max(self.case.findData(entry.case_id), 0))
        form = QFormLayout()
        form.addRow(self.tr("&Text:"), self.text)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Replace with:"), self.replacement)
        form.addRow(self.tr("&Case:"), self.case)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        """The form as keyword arguments of ``identities.add``/``update``."""
        return {
            "text": self.text.text(),
            "kind": self.kind.currentData(),
            "replacement": self.replacement.text(),
            "case_id": self.case.currentData(),
        }


class IdentityPane(ReloadWhenShown, QWidget):
    """The register as a table, and the case attributes ticked as identifying."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity")
        self.window_ = window
        self.project: Any = None
        self.entries: list[Any] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("identityTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_current())
        self.attributes = QListWidget(self)
        self.attributes.setObjectName("identityAttributes")
        self.attributes.itemChanged.connect(self._on_attribute)
        self._attributes_label = QLabel(self)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, slot in (("add", self.add_entry), ("edit", self.edit_current),
                          ("remove", self.remove_selected), ("fill", self.fill)):  # fmt: skip
            button = QPushButton(self)
            button.setObjectName(f"identity_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._attributes_label)
        side_layout.addWidget(self.attributes)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter)
        self.retranslate()

    # -- pane protocol -----------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show a newly opened project's register (None: closed)."""
        self.project = project
        self.reload()

    def on_changes(self, changes: Any) -> None:
        """Redraw when the register, cases or attributes changed."""
        if self.project is not None and (changes.identities or changes.attributes or changes.cases):
            self._refresh()

    def reload(self) -> None:
        """Read the register and the case attributes again."""
        self._dirty = False
        self.table.setRowCount(0)
        self.attributes.blockSignals(True)
        self.attributes.clear()
        self.entries = []
        if self.project is not None:
            self.entries = self.project.identities.all()
            cases = {c.id: c.name for c in self.project.cases.all()}
            self.table.setRowCount(len(self.entries))
            for n, entry in enumerate(self.entries):
                case = cases.get(entry.case_id, "") if entry.case_id else ""
                for col, text in enumerate(
                    (entry.text, kind_label(entry.kind), entry.replacement, case)
                ):
                    self.table.setItem(n, col, QTableWidgetItem(text))
            marked = self.project.identities.identifying_attributes()
            for attr in self.project.attributes.all("case"):
                item = QListWidgetItem(attr.name, self.attributes)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = attr.name in marked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                if on:
                    item.setText(f"{attr.name} ({kind_label(marked[attr.name])})")
                item.setData(Qt.ItemDataRole.UserRole, attr.name)
        self.attributes.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._enable()

    # -- actions -----------------------------------------------------------------------------
    def _writable(self) -> bool:
        return self.project is not None and not self.project.read_only

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return self.window_.dispatcher.run(fn, *args, origin=self, **kwargs)

    def current(self) -> Any:
        """The chosen entry, if any."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return self.entries[rows[0]] if rows else None

    def add_entry(self, text: str = "") -> Any:
        """Ask for an entry (``text`` prefilled) and add it; returns the change set."""
        if not self._writable():
            return None
        dialog = EntryDialog(self, self.project.cases.all(), text=text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        v = dialog.values()
        return self._run(
            self.project.identities.add, v["text"], kind=v["kind"],
            replacement=v["replacement"] or None, case_id=v["case_id"],
            language="en" if self.window_.settings.language == "en" else "id",
        )  # fmt: skip

    def edit_current(self) -> Any:
        """Edit the chosen entry in the form."""
        entry = self.current()
        if entry is None or not self._writable():
            return None
        dialog = EntryDialog(self, self.project.cases.all(), entry=entry)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self._run(self.project.identities.update, entry.id, **dialog.values())

    def remove_selected(self) -> Any:
        """Remove the chosen entries (one undo step)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows or not self._writable():
            return None
        return self._run(self.project.identities.remove, [self.entries[r].id for r in rows])

    def fill(self) -> Any:
        """Add the values of the ticked attributes of every case."""
        if not self._writable():
            return None
        done = self._run(
            self.project.identities.fill,
            "en" if self.window_.settings.language == "en" else "id",
        )
        if done is not None:
            self.window_.statusBar().showMessage(
                self.tr("Added {n} entries to the identity register.").format(n=done.result),
                5000,
            )
        return done

    def _on_attribute(self, item: QListWidgetItem) -> None:
        if not self._writable():
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        on = item.checkState() == Qt.CheckState.Checked
        kind = KIND_BY_ATTRIBUTE.get(name.casefold(), "other") if on else None
        self._run(self.project.identities.mark_attribute, name, kind)

    def _enable(self) -> None:
        ok = self._writable()
        chosen = self.current() is not None
        self.buttons["add"].setEnabled(ok)
        self.buttons["fill"].setEnabled(ok)
        self.buttons["edit"].setEnabled(ok and chosen)
        self.buttons["remove"].setEnabled(ok and chosen)
        self.attributes.setEnabled(ok)

    # -- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        for key, text, tip in (
            ("add", self.tr("Add…"), self.tr("Add a name, post, institution or place")),
            ("edit", self.tr("Edit…"), self.tr("Change the chosen entry")),
            ("remove", self.tr("Remove"), self.tr("Remove the chosen entries")),
            ("fill", self.tr("Fill from attributes"),
             self.tr("Add the values of the ticked case attributes of every case")),
        ):  # fmt: skip
            button = self.buttons[key]
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Text"), self.tr("Kind"), self.tr("Replace with"), self.tr("Case")]
        )
        self.table.setAccessibleName(self.tr("Identity register"))
        self._attributes_label.setText(self.tr("Identifying case attributes:"))
        self.attributes.setAccessibleName(self.tr("Identifying case attributes"))
        if self.project is not None:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _pane(window: Any) -> IdentityPane:
    pane = window.panes["identity"]
    assert isinstance(pane, IdentityPane)
    return pane


def add_selection(window: Any) -> Any:
    """Add the text selected in the document to the register."""
    text = window.workspace.selected_text()
    if not text.strip():
        return None
    window.show_pane("identity")
    return _pane(window).add_entry(text)


def _has_selection(window: Any) -> bool:
    return writable(window) and bool(window.workspace.selection())


FEATURE = Feature(
    key="identity",
    title=QT_TRANSLATE_NOOP("panes", "Identity register"),
    pane=lambda window: IdentityPane(window),
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "identity.register",
            QT_TRANSLATE_NOOP("commands", "&Identity register (pseudonymisation)…"),
            "export",
            lambda w: w.show_pane("identity"),
            enabled=lambda w: w.project is not None,
            tip=QT_TRANSLATE_NOOP(
                "commands",
                "Names, posts, institutions and places that pseudonymised exports replace",
            ),
        ),
        Command(
            "identity.add_selection",
            QT_TRANSLATE_NOOP("commands", "Add selection to the &identity register…"),
            "code",
            add_selection,
            enabled=_has_selection,
            tip=QT_TRANSLATE_NOOP(
                "commands", "The selected name or place is replaced in pseudonymised exports"
            ),
        ),
    ),
)
