"""Qt item models over the search core's plain results: KWIC hits and auto-code candidates.

Thin adapters (napari's idea): the rows are the core's frozen ``Hit`` and
``Candidate`` records, kept as they are; the models only say how to show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from qualcode.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def flat(text: str) -> str:
    """One line of text: runs of white space (line breaks too) become one space."""
    return " ".join(text.split())


def _elided(text: str, limit: int) -> str:
    text = flat(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HitModel(QAbstractTableModel):
    """Keyword-in-context rows: source, case/speaker, left context, match, right context."""

    SOURCE, CASE, LEFT, MATCH, RIGHT = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._mark = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
        self._mark.setAlpha(40)

    def set_hits(self, hits: Sequence[Any]) -> None:
        """Show ``hits`` (the core's ``Hit`` records, in their order)."""
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        """The ``Hit`` shown in ``row``."""
        return self.hits[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit, col = self.hits[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SOURCE:
                return hit.source
            if col == self.CASE:
                return _who(hit)
            return flat((hit.left, hit.text, hit.right)[col - self.LEFT])
        if role == Qt.ItemDataRole.FontRole and col == self.MATCH:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.LEFT, self.MATCH, self.RIGHT):
            return flat(f"{hit.left}{hit.text}{hit.right}")
        if role == Qt.ItemDataRole.BackgroundRole and col == self.MATCH:
            return self._mark
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("SearchPane", "Source"),
            QCoreApplication.translate("SearchPane", "Speaker"),
            QCoreApplication.translate("SearchPane", "Before"),
            QCoreApplication.translate("SearchPane", "Match"),
            QCoreApplication.translate("SearchPane", "After"),
        )[section]

    def retranslate(self) -> None:
        """Headers in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)


def _who(hit: Any) -> str:
    if hit.speaker and hit.case and hit.speaker != hit.case:
        return f"{hit.speaker} ({hit.case})"
    return hit.speaker or hit.case or ""


class ElideLeftDelegate(QStyledItemDelegate):
    """Cuts long text at its start, so the words next to the match stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft  # type: ignore[attr-defined]


class CandidateModel(QAbstractTableModel):
    """Auto-code candidates with a checkbox each; passages already coded cannot be ticked."""

    SOURCE, PASSAGE = range(2)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.candidates: list[Any] = []
        self.checked: list[bool] = []

    def set_candidates(self, candidates: Sequence[Any]) -> None:
        """Show the preview's candidates, all ticked except those already coded."""
        self.beginResetModel()
        self.candidates = list(candidates)
        self.checked = [not c.coded for c in self.candidates]
        self.endResetModel()

    def accepted(self) -> list[int]:
        """Indexes (into the preview's candidates) of the ticked rows."""
        return [i for i, on in enumerate(self.checked) if on]

    def set_all(self, on: bool) -> None:
        """Tick (or untick) every row that can be coded."""
        self.checked = [on and not c.coded for c in self.candidates]
        if self.candidates:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.candidates) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )  # fmt: skip

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable
        if self.candidates[index.row()].coded:
            return base
        base |= Qt.ItemFlag.ItemIsEnabled
        if index.column() == self.SOURCE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cand, col = self.candidates[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.SOURCE:
                return cand.source
            text = _elided(cand.text, 300)
            if cand.coded:
                note = QCoreApplication.translate("AutoCodeDialog", "(already coded)")
                return f"{note} {text}"
            return text
        if role == Qt.ItemDataRole.CheckStateRole and col == self.SOURCE:
            on = self.checked[index.row()]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and col == self.PASSAGE:
            return cand.text[:2000]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != self.SOURCE
            or self.candidates[index.row()].coded
        ):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.checked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("AutoCodeDialog", "Source"),
            QCoreApplication.translate("AutoCodeDialog", "Passage"),
        )[section]


MODES: tuple[tuple[str, str, str], ...] = (
    ("words", QT_TRANSLATE_NOOP("SearchPane", "All words"),
     QT_TRANSLATE_NOOP("SearchPane", "Passages with every word, in any order")),
    ("exact", QT_TRANSLATE_NOOP("SearchPane", "Exact phrase"),
     QT_TRANSLATE_NOOP("SearchPane", "The words together, in this order")),
    ("any", QT_TRANSLATE_NOOP("SearchPane", "Any word"),
     QT_TRANSLATE_NOOP("SearchPane", "Passages with at least one of the words")),
    ("lemma", QT_TRANSLATE_NOOP("SearchPane", "Word forms"),
     QT_TRANSLATE_NOOP("SearchPane", "All forms of a word: sosialisasi finds disosialisasikan")),
    ("wildcard", QT_TRANSLATE_NOOP("SearchPane", "Wildcard"),
     QT_TRANSLATE_NOOP("SearchPane", "* stands for any letters, ? for one: koordinasi*")),
    ("fuzzy", QT_TRANSLATE_NOOP("SearchPane", "Similar spelling"),
     QT_TRANSLATE_NOOP("SearchPane", "Also misspelt words, down to the similarity you set")),
    ("regex", QT_TRANSLATE_NOOP("SearchPane", "Regular expression"),
     QT_TRANSLATE_NOOP("SearchPane", "A Python regular expression over the text")),
)  # fmt: skip
"""(core mode, label, tooltip) for every mode of :mod:`qualcode.search.search`."""

UNITS: tuple[tuple[str, str], ...] = (
    ("hit", QT_TRANSLATE_NOOP("AutoCodeDialog", "Only the words found")),
    ("sentence", QT_TRANSLATE_NOOP("AutoCodeDialog", "The whole sentence")),
    ("paragraph", QT_TRANSLATE_NOOP("AutoCodeDialog", "The whole paragraph")),
    ("turn", QT_TRANSLATE_NOOP("AutoCodeDialog", "The whole speaker turn")),
)
"""(core unit, label) for each expansion :func:`qualcode.search.autocode.preview_search` offers."""
