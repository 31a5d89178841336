"""The codebook tree: codes with their colours and counts, drag and drop, in-place rename.

:class:`CodeTreeModel` adapts a snapshot (``project.codes.all()`` and
``counts()``) and never changes data: an in-place rename, a drag of a code
or a drop of selected text only emits a request, which the main window turns
into a core operation through the dispatcher. The change set then rebuilds
the model (or only its count columns when only codings changed).

Counts roll up: a code with sub-codes shows "own (with sub-codes)", e.g.
"3 (12)", so a parent whose codings sit on its sub-codes does not read 0
(NVivo's aggregate, MAXQDA's subtree total). Sources and cases in brackets are
distinct over the subtree, not summed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

CODE_IDS_MIME = "application/x-qualcode-code-ids"
CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # (own, with sub-codes) of a count cell
COUNT_COLUMNS = 3  # codings, sources, cases

ON, ABOVE, BELOW = "on", "above", "below"
_FLUSH_COUNTS = QEvent.Type(QEvent.registerEventType())


def swatch(color: str, size: int = 12) -> QIcon:
    """A small square of a code's colour, sharp on high-DPI screens."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    pix = QPixmap(round(size * ratio), round(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(QColor(color))
    return QIcon(pix)


class CodeTreeModel(QStandardItemModel):
    """Rows of codes (name, codings, sources, cases) built from frozen ``Code`` records.

    ``counts`` map a code id to a ``CodeCounts`` record of the core (own and
    subtree figures); codes missing from it count zero.
    """

    rename_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[int, QStandardItem] = {}
        self.counts: dict[int, Any] = {}  # what the count columns show, by code id
        self.set_headers()

    def set_headers(self) -> None:
        """Column titles in the current language."""
        self.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Codings"), self.tr("Sources"), self.tr("Cases")]
        )
        tips = (
            self.tr("Codings of this code. For a code with sub-codes, in brackets: "
                    "with all its sub-codes."),
            self.tr("Sources coded with this code. In brackets: with its sub-codes "
                    "(each source counted once)."),
            self.tr("Cases whose text is coded with this code. In brackets: with its "
                    "sub-codes (each case counted once)."),
        )  # fmt: skip
        for col, tip in enumerate(tips, start=1):
            self.horizontalHeaderItem(col).setToolTip(tip)

    def rebuild(self, codes: Sequence[Any], counts: Mapping[int, Any]) -> None:
        """Replace the rows with ``codes`` (parents first, as ``codes.all()`` gives them)."""
        self.removeRows(0, self.rowCount())
        self._items = {}
        for code in codes:
            name = QStandardItem(swatch(code.color), code.name)
            name.setData(code.id, CODE_ID_ROLE)
            name.setToolTip(_tooltip(code))
            name.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled
            )
            row = [name, *(_count_item() for _ in range(COUNT_COLUMNS))]
            parent = self._items.get(code.parent_id) if code.parent_id is not None else None
            (parent or self.invisibleRootItem()).appendRow(row)
            self._items[code.id] = name
        self.update_counts(counts, everything=True)

    def update_counts(self, counts: Mapping[int, Any], *, everything: bool = False) -> None:
        """Refresh only the count columns (a coding changed, the tree did not).

        Only the codes in ``counts`` are redrawn (a coding applied touches its code
        and its ancestors); with ``everything`` the codes missing from it show zero.
        """
        if everything:
            self.counts = dict(counts)
        else:
            self.counts.update(counts)
        ids = self._items if everything else [i for i in counts if i in self._items]
        for code_id in ids:
            item = self._items[code_id]
            figures = _figures(counts.get(code_id))
            parent = item.parent() or self.invisibleRootItem()
            nested = item.hasChildren()
            for col, (own, total) in enumerate(figures, start=1):
                cell = parent.child(item.row(), col)
                shown = f"{own} ({total})" if nested else own
                if cell.data(COUNT_ROLE) == (own, total) and cell.data() == shown:
                    continue  # each change re-measures the column: skip what stays
                data = {
                    Qt.ItemDataRole.DisplayRole: shown,
                    COUNT_ROLE: (own, total),
                    Qt.ItemDataRole.ToolTipRole: _count_tip(col, own, total, nested),
                    Qt.ItemDataRole.TextAlignmentRole: _RIGHT,
                }
                self.setItemData(cell.index(), data)

    def counts_of(self, code_id: int) -> list[tuple[int, int]]:
        """(own, with sub-codes) of codings, sources and cases as shown for ``code_id``."""
        item = self._items.get(code_id)
        if item is None:
            return []
        parent = item.parent() or self.invisibleRootItem()
        return [parent.child(item.row(), c).data(COUNT_ROLE) for c in range(1, 1 + COUNT_COLUMNS)]

    def index_of(self, code_id: int) -> QModelIndex:
        """The name cell of ``code_id`` (invalid if unknown)."""
        item = self._items.get(code_id)
        return item.index() if item is not None else QModelIndex()

    def code_ids(self) -> list[int]:
        """Ids of the codes shown."""
        return list(self._items)

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An in-place edit becomes a rename request; the rows change when the core says so."""
        if role == Qt.ItemDataRole.EditRole and index.column() == 0:
            code_id = index.data(CODE_ID_ROLE)
            text = str(value).strip()
            if code_id is not None and text and text != index.data():
                self.rename_requested.emit(int(code_id), text)
            return False
        return super().setData(index, value, role)

    def mimeTypes(self) -> list[str]:
        return [CODE_IDS_MIME]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        ids = sorted({int(i.data(CODE_ID_ROLE)) for i in indexes if i.data(CODE_ID_ROLE)})
        mime = QMimeData()
        mime.setData(CODE_IDS_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return mime


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _count_item() -> QStandardItem:
    item = QStandardItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def _figures(counts: Any) -> list[tuple[int, int]]:
    """(own, subtree) for codings, sources, cases from a ``CodeCounts`` (or None)."""
    if counts is None:
        return [(0, 0)] * COUNT_COLUMNS
    return [
        (counts.codings, counts.all_codings),
        (counts.sources, counts.all_sources),
        (counts.cases, counts.all_cases),
    ]


def _count_tip(column: int, own: int, total: int, nested: bool) -> str:
    translate = QCoreApplication.translate
    if not nested:
        return {
            1: translate("CodeTreeModel", "Codings: {own}"),
            2: translate("CodeTreeModel", "Sources: {own}"),
            3: translate("CodeTreeModel", "Cases: {own}"),
        }[column].format(own=own)
    return {
        1: translate("CodeTreeModel", "Codings: {own} on this code, {total} with its sub-codes"),
        2: translate("CodeTreeModel", "Sources: {own} on this code, {total} with its sub-codes"),
        3: translate("CodeTreeModel", "Cases: {own} on this code, {total} with its sub-codes"),
    }[column].format(own=own, total=total)


def _tooltip(code: Any) -> str:
    lines = [code.name]
    for lang in ("en", "id"):
        label = code.labels.get(lang)
        if label and label != code.name:
            lines.append(f"{lang.upper()}: {label}")
    if code.description:
        lines.append(code.description[:300])
    return "\n".join(lines)


def codes_touched(changes: Any) -> set[int] | None:
    """Codes whose counts a change set altered, when it says so itself; else None.

    Applying codes returns the new codings; their codes (and ancestors) are all
    that changed. Attribute edits change no count. Anything else (undo, removal,
    recode, resize across a speaker turn) is answered by reading every count.
    """
    if changes.undo or changes.redo or changes.codes or changes.case_links:
        return None
    if changes.op == "coding.attributes":
        return set()
    if changes.op not in ("coding.apply", "coding.apply_ranges"):
        return None
    result = changes.result
    records = result if isinstance(result, list) else [result]
    if not records or any(getattr(r, "code_id", None) is None for r in records):
        return None
    return {int(r.code_id) for r in records}


def code_ids_from(mime: QMimeData) -> list[int]:
    """Code ids carried by a drag from the tree."""
    if not mime.hasFormat(CODE_IDS_MIME):
        return []
    raw = bytes(mime.data(CODE_IDS_MIME).data()).decode()
    return [int(x) for x in raw.split(",") if x]


class CodeTreeView(QTreeView):
    """The codebook pane's tree; drops are turned into requests, never applied here."""

    code_selected = Signal(object)  # code id or None
    code_activated = Signal(int)
    codes_dropped = Signal(list, int, str)  # dragged code ids, target code id, ON/ABOVE/BELOW
    codes_dropped_on_root = Signal(list)
    text_dropped = Signal(int)  # the document selection was dropped on this code
    context_menu_wanted = Signal(object, QPoint)  # code id or None, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeTree")
        self.model_ = CodeTreeModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(self.tr("Codebook"))
        self.setUniformRowHeights(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 1 + COUNT_COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.accepts_text: Callable[[str], bool] = lambda _text: False
        self.customContextMenuRequested.connect(self._on_context_menu)
        self.doubleClicked.connect(self._on_double_click)
        self.selectionModel().currentChanged.connect(lambda *_: self._emit_current())
        self._first_build = True
        self._emitted: int | None = None
        self._pending: set[int] = set()
        self._shape: dict[int, int | None] = {}
        self._pending_all = False
        self._pending_project: Any = None

    # -- data ------------------------------------------------------------------------------
    def rebuild(self, codes: Sequence[Any], counts: Mapping[int, Any]) -> None:
        """Show a new snapshot, keeping expanded codes and the current code.

        ``counts`` is ``project.codes.rollup()`` (own and sub-code totals).
        """
        # the new snapshot has every count
        self._shape = {c.id: c.parent_id for c in codes}
        self._codes = list(codes)
        self._pending, self._pending_all, self._pending_project = set(), False, None
        current = self.current_code_id()
        collapsed = {
            cid for cid in self.model_.code_ids() if not self.isExpanded(self.model_.index_of(cid))
        }
        self.model_.rebuild(codes, counts)
        for cid in self.model_.code_ids():
            if self._first_build or cid not in collapsed:
                self.expand(self.model_.index_of(cid))
        self._first_build = False
        if current is not None:
            index = self.model_.index_of(current)
            if index.isValid():
                self.setCurrentIndex(index)
        self.apply_filter()
        self._emit_current()

    def set_filter(self, text: str) -> None:
        """Show only the codes matching ``text`` (name, labels, abbreviation) and their parents."""
        self._filter = " ".join(text.split())
        self.apply_filter()

    def apply_filter(self) -> None:
        """Hide the rows the current filter does not match ("" shows all)."""
        from qualcode.coding.code_match import rank_codes

        query = getattr(self, "_filter", "")
        codes = getattr(self, "_codes", [])
        keep: set[int] | None = None
        if query:
            keep = set()
            for cid in rank_codes(query, codes, limit=None):
                while cid is not None and cid not in keep:
                    keep.add(cid)
                    cid = self._shape.get(cid)
        for cid in self.model_.code_ids():
            index = self.model_.index_of(cid)
            hidden = keep is not None and cid not in keep
            self.setRowHidden(index.row(), index.parent(), hidden)
            if keep is not None and not hidden:
                self.expand(index)

    def reload(self, project: Any, changes: Any = None) -> None:
        """Show the project's code tree again after ``changes`` touched codes.

        A rename, recolour or definition edit leaves every count as it was: the counts
        shown are kept instead of being read again (on a large project that read is
        the slow part).
        """
        if self.counts_pending():
            self.flush_counts()  # the counts kept must be current
        codes = project.codes.all()
        shape = {c.id: c.parent_id for c in codes}
        same = (
            changes is not None
            and not changes.codings
            and not changes.case_links
            and shape == self._shape
        )
        self.rebuild(codes, self.model_.counts if same else project.codes.rollup())

    def refresh_counts(self, project: Any, changes: Any = None, *, now: bool = False) -> None:
        """Redraw the count columns after ``changes`` (all of them without a change set).

        Applying a code (the frequent case) reads only that code and its ancestors;
        a change whose codes cannot be told (undo, uncode, recode) reads them all.
        The read waits for the event loop's next turn (``now`` skips the wait): the
        document repaints its new stripe first, and a burst of changes reads once.
        """
        touched = codes_touched(changes) if changes is not None else None
        if touched is None:
            self._pending_all = True
        for code_id in touched or ():
            index = self.model_.index_of(code_id)
            while index.isValid():
                self._pending.add(int(index.data(CODE_ID_ROLE)))
                index = index.parent()
        queued = self._pending_project is not None
        self._pending_project = project
        if now:
            self.flush_counts()
        elif not queued:
            # Low priority, like the repaint the document view queued just before:
            # the event loop paints the new stripe first, then reads the counts.
            QCoreApplication.postEvent(
                self, QEvent(_FLUSH_COUNTS), Qt.EventPriority.LowEventPriority.value
            )

    def event(self, event: QEvent) -> bool:
        if event.type() == _FLUSH_COUNTS:
            self.flush_counts()
            return True
        return super().event(event)

    def flush_counts(self) -> None:
        """Apply a pending count refresh at once."""
        project, self._pending_project = self._pending_project, None
        lines, self._pending = self._pending, set()
        everything, self._pending_all = self._pending_all, False
        if project is None:
            return
        if everything:
            self.model_.update_counts(project.codes.rollup(), everything=True)
        elif lines:
            self.model_.update_counts(project.codes.rollup(lines))

    def counts_pending(self) -> bool:
        """Whether a count refresh is waiting for the event loop."""
        return self._pending_project is not None

    def current_code_id(self) -> int | None:
        """The code under the tree's cursor."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(CODE_ID_ROLE)
        return int(value) if value is not None else None

    def selected_code_ids(self) -> list[int]:
        """Every selected code (for merging several)."""
        ids = {int(i.data(CODE_ID_ROLE)) for i in self.selectedIndexes() if i.data(CODE_ID_ROLE)}
        return sorted(ids)

    def select_code(self, code_id: int) -> None:
        """Make ``code_id`` current and visible."""
        index = self.model_.index_of(code_id)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def edit_current(self) -> None:
        """Start renaming the current code in place."""
        index = self.currentIndex()
        if index.isValid():
            self.edit(index.siblingAtColumn(0))

    def _emit_current(self) -> None:
        current = self.current_code_id()
        if current != self._emitted:  # a rebuild that keeps the current code says nothing
            self._emitted = current
            self.code_selected.emit(current)

    def _on_double_click(self, index: QModelIndex) -> None:
        code_id = index.siblingAtColumn(0).data(CODE_ID_ROLE)
        if code_id is not None and index.column() != 0:
            self.code_activated.emit(int(code_id))

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        code_id = index.siblingAtColumn(0).data(CODE_ID_ROLE) if index.isValid() else None
        if index.isValid():
            self.setCurrentIndex(index)
        self.context_menu_wanted.emit(code_id, self.viewport().mapToGlobal(pos))

    # -- drag and drop ---------------------------------------------------------------------
    def drop_target(self, pos: QPoint) -> tuple[int | None, str]:
        """The code under ``pos`` and whether the drop is on it, above it or below it."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None, ON
        rect: QRect = self.visualRect(index)
        band = max(2, rect.height() // 4)
        where = ON
        if pos.y() < rect.top() + band:
            where = ABOVE
        elif pos.y() > rect.bottom() - band:
            where = BELOW
        return int(index.siblingAtColumn(0).data(CODE_ID_ROLE)), where

    def _wanted(self, event: Any) -> bool:
        mime = event.mimeData()
        if mime.hasFormat(CODE_IDS_MIME):
            return True
        return mime.hasText() and self.accepts_text(mime.text())

    def dragEnterEvent(self, event: Any) -> None:
        if self._wanted(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if not self._wanted(event):
            event.ignore()
            return
        pos = event.position().toPoint()
        code_id, _where = self.drop_target(pos)
        if event.mimeData().hasFormat(CODE_IDS_MIME) or code_id is not None:
            if code_id is not None:
                self.setCurrentIndex(self.model_.index_of(code_id))
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: Any) -> None:
        mime = event.mimeData()
        pos = event.position().toPoint()
        code_id, where = self.drop_target(pos)
        dragged = code_ids_from(mime)
        if dragged:
            if code_id is None:
                self.codes_dropped_on_root.emit(dragged)
            elif code_id not in dragged:
                self.codes_dropped.emit(dragged, code_id, where)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        elif code_id is not None and mime.hasText() and self.accepts_text(mime.text()):
            self.text_dropped.emit(code_id)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
