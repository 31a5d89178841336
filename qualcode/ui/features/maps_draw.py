"""Drawing MHS maps from the data on the concept-map canvas: a context chart of the cases, a
causal network of codes and events, and the dialog that edits an arrow's sign, strength and
the evidence it cites.

The core drafts the map (``qualcode.analysis.map_builders``) and stores it as
one undoable step; the canvas then edits it like any map.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
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
    """An arrow's sign, strength and the evidence it cites: remove cited codings, add codings
    of the codes, cases and sources it joins (searchable) or the excerpts selected in the
    Excerpts pane. Double-click opens a coding. Nothing is saved until OK (one undo step)."""

    def __init__(
        self,
        parent: QWidget,
        cited: Any,
        open_coding: Any,
        candidates: Sequence[Any] = (),
        picked: Sequence[Any] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("arrowDialog")
        self.setWindowTitle(QCoreApplication.translate("MapDrawDialog", "Arrow"))
        self.resize(720, 560)
        link = cited.link
        self._before = [int(i) for i in link.evidence]
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
        self.evidence = _coding_list(self, open_coding)
        for excerpt, citation in cited.cited:
            _add_row(self.evidence, excerpt, f"({citation}) {_snippet(excerpt.text)}")
        shown = {e.coding_id for e, _c in cited.cited}
        gone = [i for i in self._before if i not in shown]
        if gone:
            item = QListWidgetItem(
                QCoreApplication.translate(
                    "MapDrawDialog", "{n} cited coding(s) were deleted since."
                ).format(n=len(gone)),
                self.evidence,
            )
            item.setData(_IDS, gone)
        self.remove_button = QPushButton(
            QCoreApplication.translate("MapDrawDialog", "Remove from evidence"), self
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("MapDrawDialog", "Search code, case, source or text")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.candidates = _coding_list(self, open_coding)
        self._excerpts: dict[int, Any] = {}
        for excerpt in [*candidates, *picked]:
            self._excerpts.setdefault(excerpt.coding_id, excerpt)
        for excerpt in candidates:
            self._candidate_row(excerpt)
        self.add_button = QPushButton(
            QCoreApplication.translate("MapDrawDialog", "Add to evidence"), self
        )
        self.add_button.clicked.connect(self.add_selected)
        self._picked = [e.coding_id for e in picked]
        self.picked_button = QPushButton(
            QCoreApplication.translate(
                "MapDrawDialog", "Add the {n} excerpt(s) selected in the Excerpts pane"
            ).format(n=len(self._picked)),
            self,
        )
        self.picked_button.setEnabled(bool(self._picked))
        self.picked_button.clicked.connect(lambda: self.add_codings(self._picked))
        self._refresh_candidates()
        form = QFormLayout(self)
        form.addRow(f"{cited.source} \u2192 {cited.target}", QWidget(self))
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Sign:"), self.sign)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Strength:"), self.strength)
        form.addRow(QCoreApplication.translate("MapDrawDialog", "Evidence:"), self.evidence)
        form.addRow("", self.remove_button)
        form.addRow(
            QCoreApplication.translate("MapDrawDialog", "Codings of its ends:"), self.search
        )
        form.addRow("", self.candidates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.picked_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        _buttons(self, form)

    def _candidate_row(self, excerpt: Any) -> None:
        cases = ", ".join(excerpt.cases)
        where = f"{cases}; {excerpt.source}" if cases else excerpt.source
        _add_row(self.candidates, excerpt, f"[{excerpt.code}] ({where}) {_snippet(excerpt.text)}")

    def cited_ids(self) -> list[int]:
        """The coding ids the evidence list holds now (deleted ones included)."""
        out: list[int] = []
        for i in range(self.evidence.count()):
            out.extend(int(x) for x in self.evidence.item(i).data(_IDS) or [])
        return out

    def remove_selected(self) -> None:
        """Take the selected rows out of the evidence list."""
        for item in self.evidence.selectedItems():
            self.evidence.takeItem(self.evidence.row(item))
        self._refresh_candidates()

    def add_selected(self) -> None:
        """Cite the selected candidate codings."""
        self.add_codings(
            [int(i) for item in self.candidates.selectedItems() for i in item.data(_IDS)]
        )

    def add_codings(self, ids: list[int]) -> None:
        """Cite these codings (those already cited are skipped)."""
        have = set(self.cited_ids())
        for coding_id in ids:
            excerpt = self._excerpts.get(coding_id)
            if coding_id in have or excerpt is None:
                continue
            have.add(coding_id)
            _add_row(self.evidence, excerpt, f"({_cite(excerpt)}) {_snippet(excerpt.text)}")
        self._refresh_candidates()

    def _refresh_candidates(self) -> None:
        have = set(self.cited_ids())
        for i in range(self.candidates.count()):
            item = self.candidates.item(i)
            item.setData(_CITED, item.data(_IDS)[0] in have)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.candidates.count()):
            item = self.candidates.item(i)
            shown = not item.data(_CITED) and all(w in item.text().casefold() for w in words)
            item.setHidden(not shown)

    def values(self) -> tuple[str, str]:
        """The chosen sign and strength ("" for none)."""
        return str(self.sign.currentData()), str(self.strength.currentData())

    def evidence_changes(self) -> tuple[list[int], list[int]]:
        """(coding ids to add, coding ids to remove) against what the arrow cited."""
        now = self.cited_ids()
        return (
            [i for i in now if i not in self._before],
            [i for i in self._before if i not in now],
        )


_IDS = Qt.ItemDataRole.UserRole
_CITED = Qt.ItemDataRole.UserRole + 1
_OPENS = Qt.ItemDataRole.UserRole + 2  # a row of one existing coding (not the deleted-ones row)


def _snippet(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _cite(excerpt: Any) -> str:
    from qualcode.analysis.map_builders import citation

    return citation(excerpt)


def _coding_list(parent: QWidget, open_coding: Any) -> QListWidget:
    """A multi-select list of codings; double-click opens one."""
    box = QListWidget(parent)
    box.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    box.setWordWrap(True)
    box.setAlternatingRowColors(True)

    def opened(item: QListWidgetItem) -> None:
        ids = item.data(_IDS) or []
        if len(ids) == 1 and item.data(_OPENS):
            open_coding(int(ids[0]))

    box.itemDoubleClicked.connect(opened)
    return box


def _add_row(box: QListWidget, excerpt: Any, text: str) -> None:
    item = QListWidgetItem(text, box)
    item.setData(_IDS, [excerpt.coding_id])
    item.setData(_OPENS, True)
    item.setToolTip(" ".join(excerpt.text.split()))
