"""The table model of a display: the core ``Display`` as rows × columns with heat colours.

Cells show what the display holds: a count (coloured on a white-to-blue scale
up to the display's largest count), a framework summary, or a checklist rating
with its best quote in the tooltip. The model only adapts; it never queries.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.panes.detail_pane import valence_label
from qualcode.ui.shell.navigation import kind_label

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display

LOW = QColor("#f7fbff")
HIGH = QColor("#08519c")
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
"""(row key, column key) of a cell, or the header key of a header section."""
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
MEMO_ROLE = Qt.ItemDataRole.UserRole + 3
"""How many memos are written on a cell (0 when none)."""
MEMO_MARK = QColor("#e6a700")

RATINGS = {
    "absent": QT_TRANSLATE_NOOP("displays", "absent"),
    "inadequate": QT_TRANSLATE_NOOP("displays", "inadequate"),
    "partly": QT_TRANSLATE_NOOP("displays", "partly"),
    "adequate": QT_TRANSLATE_NOOP("displays", "adequate"),
    "not_mentioned": QT_TRANSLATE_NOOP("displays", "not mentioned"),
}
SPLIT = {
    "early": QT_TRANSLATE_NOOP("displays", "early"),
    "late": QT_TRANSLATE_NOOP("displays", "late"),
    "none": QT_TRANSLATE_NOOP("displays", "no valence"),
}


def translated(text: str) -> str:
    """Translate in the ``displays`` context."""
    return QCoreApplication.translate("displays", text)


def heat_colour(value: int, maximum: int) -> QColor | None:
    """The background of a count: None for an empty cell, else a blend from light to dark blue."""
    if value <= 0 or maximum <= 0:
        return None
    share = 0.15 + 0.85 * min(value / maximum, 1.0)
    return QColor(
        round(LOW.red() + (HIGH.red() - LOW.red()) * share),
        round(LOW.green() + (HIGH.green() - LOW.green()) * share),
        round(LOW.blue() + (HIGH.blue() - LOW.blue()) * share),
    )


def text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(background.red())
        + 0.7152 * channel(background.green())
        + 0.0722 * channel(background.blue())
    )
    # contrast with black (lum + .05)/.05 vs with white 1.05/(lum + .05)
    return QColor("#000000") if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else QColor("#ffffff")


def header_label(display: Display, orientation: Qt.Orientation, section: int) -> str:
    """A row or column label, with valence, period-split and source-kind keys translated."""
    horizontal = orientation == Qt.Orientation.Horizontal
    headers = display.columns if horizontal else display.rows
    dim = display.spec.columns if horizontal else display.spec.rows
    h = headers[section]
    if dim.kind == "valence":
        return translated(SPLIT["none"]) if h.key == "none" else valence_label(h.key)
    if dim.kind == "period" and h.key in ("early", "late"):
        return translated(SPLIT[h.key])
    if dim.kind == "period":
        text = period_label(h.key)
        return text + " *" if time_note(display, horizontal, section) else text
    if dim.kind == "source_kind":
        return kind_label(h.key)
    return h.label


TIME_WORDS = {
    "period": QT_TRANSLATE_NOOP("displays", "period"),
    "event_date": QT_TRANSLATE_NOOP("displays", "event date"),
    "source_date": QT_TRANSLATE_NOOP("displays", "source date (interview date)"),
}


def period_label(key: str) -> str:
    """A period bucket in the current language: ``2024 Q1`` / ``2024 triwulan 1``, ranges with –."""
    if "/" in key:
        first, _, last = key.partition("/")
        return f"{period_label(first)}\u2013{period_label(last)}"
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", key)
    if m is None:
        return key
    template = (
        translated(QT_TRANSLATE_NOOP("displays", "{year} Q{n}"))
        if m[2] == "Q"
        else translated(QT_TRANSLATE_NOOP("displays", "{year} H{n}"))
    )
    return template.format(year=m[1], n=m[3])


def time_note(display: Display, horizontal: bool, section: int) -> str:
    """What a fallback placed under a period header ("1 of 3 ordered by event date: no period")."""
    facts = display.time
    if facts is None or (facts.axis == "columns") != horizontal:
        return ""
    lines = []
    for used, n in facts.fallbacks(section):
        missing = ", ".join(
            translated(TIME_WORDS[f])
            for f in (facts.chain if used == "none" else facts.chain[: facts.chain.index(used)])
        )
        if used == "none":
            lines.append(
                translated(
                    QT_TRANSLATE_NOOP("displays", "{n} of {total} without a time: no {missing}")
                ).format(n=n, total=facts.counted[section], missing=missing)
            )
        else:
            lines.append(
                translated(
                    QT_TRANSLATE_NOOP("displays", "{n} of {total} ordered by {field}: no {missing}")
                ).format(
                    n=n,
                    total=facts.counted[section],
                    field=translated(TIME_WORDS[used]),
                    missing=missing,
                )
            )
    return "\n".join(lines)


class DisplayModel(QAbstractTableModel):
    """Adapts a core ``Display`` for a ``QTableView``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.display: Display | None = None
        self.maximum = 0
        self.memo_cells: dict[tuple[int, int], list[Any]] = {}
        self.display_memos: list[Any] = []
        self.missing_memos = 0
        """Memos on cells the shown display no longer has (its row or column went)."""

    def set_memos(self, cells: dict[tuple[int, int], list[Any]], whole: list[Any]) -> None:
        """The memos on cells (by row, column) and on the whole display, to mark and tip."""
        self.memo_cells = cells
        self.display_memos = whole
        self.refresh_summaries()

    def set_display(self, display: Display | None) -> None:
        """Show another display (or none)."""
        self.beginResetModel()
        self.memo_cells = {}
        self.display_memos = []
        self.missing_memos = 0
        self.display = display
        self.maximum = (
            max((max(row, default=0) for row in display.counts), default=0) if display else 0
        )
        self.endResetModel()

    def refresh_summaries(self) -> None:
        """Redraw the cells after the display's summaries changed."""
        if self.display is not None and self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if self.display is None or parent.isValid() else len(self.display.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if self.display is None or parent.isValid() else len(self.display.columns)

    def cell_text(self, r: int, c: int) -> str:
        """What a cell shows: its summary, its rating, else its count ("" when empty)."""
        d = self.display
        assert d is not None
        key = (r, c)
        if d.spec.cell == "summary":
            s = d.summaries.get(key)
            return s.text if s is not None else ""
        if d.spec.cell == "rating":
            rating = d.ratings.get(key, "")
            text = translated(RATINGS.get(rating, rating)) if rating else ""
            basis = d.rating_basis.get(key)
            if basis is not None and (basis.supporting or basis.inhibiting):
                text += f" (+{basis.supporting}/\u2212{basis.inhibiting})"
            return text + ("*" if basis is not None and basis.override else "")
        count = d.counts[r][c]
        text = str(count) if count else ""
        if count and d.shares is not None and (r, c) in d.shares:  # coverage: percent of the text
            share = QLocale().toString(d.shares[(r, c)], "f", 1)
            text = self.tr("{count} · {share}%").format(count=count, share=share)
        if (r, c) in d.cell_effects:  # typed apart from its row
            text = f"[{translated(EFFECTS[d.cell_effects[(r, c)]])}] {text}".strip()
        return text

    def tooltip(self, r: int, c: int) -> str:
        """Row × column, the count and (for text cells) the first excerpt or the quote."""
        d = self.display
        assert d is not None
        lines = [
            f"{header_label(d, Qt.Orientation.Vertical, r)} × "
            f"{header_label(d, Qt.Orientation.Horizontal, c)}",
            self.tr("{count} ({measure})").format(count=d.counts[r][c], measure=measure_label(d)),
        ]
        summary = d.summaries.get((r, c))
        if summary is not None:
            lines.append(summary.text[:600] + (self.tr(" (draft)") if summary.draft else ""))
        quote = d.quotes.get((r, c))
        if quote is not None:
            lines.append(f"\u201c{_short(quote.text)}\u201d ({quote.source})")
        for e in d.excerpts.get((r, c), [])[:3]:
            lines.append(f"\u2022 {_short(e.text)} ({e.source})")
        for m in self.memo_cells.get((r, c), []):
            memo = self.tr("Memo: {text}").format(text=_short(m.title or m.text))
            lines.append(f"\u270e {memo}")
        return "\n".join(lines)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        d = self.display
        if d is None or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(r, c)
        if role == COUNT_ROLE:
            return d.counts[r][c]
        if role == MEMO_ROLE:
            return len(self.memo_cells.get((r, c), []))
        if role == Qt.ItemDataRole.DecorationRole:
            return _memo_icon() if (r, c) in self.memo_cells else None
        if role == KEY_ROLE:
            return (d.rows[r].key, d.columns[c].key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(r, c)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if d.spec.cell == "summary":
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = heat_colour(d.counts[r][c], self.maximum)
            if colour is None:
                return None
            if d.spec.cell == "summary":  # long text: keep it light, the count is a hint only
                colour = heat_colour(max(1, d.counts[r][c] // 3), self.maximum)
                assert colour is not None
            return QBrush(colour if role == Qt.ItemDataRole.BackgroundRole else text_colour(colour))
        if role == Qt.ItemDataRole.FontRole:
            s = d.summaries.get((r, c))
            if s is not None and s.draft:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{self.tooltip(r, c).splitlines()[0]}: {self.cell_text(r, c) or '0'}"
            if (r, c) in self.memo_cells:
                text += " " + self.tr("(has memos)")
            return text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        d = self.display
        if d is None:
            return None
        headers = d.columns if orientation == Qt.Orientation.Horizontal else d.rows
        if not 0 <= section < len(headers):
            return None
        kind = d.row_effects.get(section) if orientation == Qt.Orientation.Vertical else None
        if role == Qt.ItemDataRole.DisplayRole:
            text = header_label(d, orientation, section)
            return f"{text} ({translated(EFFECTS[kind])})" if kind else text
        if role == Qt.ItemDataRole.ToolTipRole:
            note = time_note(d, orientation == Qt.Orientation.Horizontal, section)
            return f"{headers[section].label}\n{note}" if note else headers[section].label
        if role == KEY_ROLE:
            return headers[section].key
        return None


EFFECTS = {
    "direct": QT_TRANSLATE_NOOP("displays", "direct effect"),
    "meta": QT_TRANSLATE_NOOP("displays", "meta-effect"),
    "side": QT_TRANSLATE_NOOP("displays", "side effect"),
}
"""Effect types of an effects matrix (MHS), shown with its rows and typed cells."""

MEASURES = {
    "codings": QT_TRANSLATE_NOOP("displays", "codings"),
    "sources": QT_TRANSLATE_NOOP("displays", "sources"),
    "cases": QT_TRANSLATE_NOOP("displays", "cases"),
    "chars": QT_TRANSLATE_NOOP("displays", "characters coded"),
    "weighted": QT_TRANSLATE_NOOP("displays", "evidence weight (strong 3, moderate 2, weak 1)"),
}


def measure_label(display: Display) -> str:
    """What the display's counts count, in the current language."""
    return translated(MEASURES.get(display.spec.measure, display.spec.measure))


_ICON: list[Any] = []


def _memo_icon() -> Any:
    """A small folded-note mark for cells with memos (drawn once)."""
    if not _ICON:
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QIcon, QPainter, QPixmap, QPolygon

        pix = QPixmap(12, 12)
        pix.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pix)
        painter.setPen(QColor("#8a6100"))
        painter.setBrush(MEMO_MARK)
        painter.drawPolygon(QPolygon([QPoint(1, 1), QPoint(8, 1), QPoint(11, 4),
                                      QPoint(11, 11), QPoint(1, 11)]))  # fmt: skip
        painter.end()
        _ICON.append(QIcon(pix))
    return _ICON[0]


def _short(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"
