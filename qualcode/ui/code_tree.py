"""The codebook tree: codes with their colours and counts, drag and drop, in-place rename.

:class:`CodeTreeModel` adapts a snapshot (``project.codes.all()`` and
``counts()``) and never changes data: an in-place rename, a drag of a code
or a drop of selected text only emits a request, which the main window turns
into a core operation through the dispatcher. The change set then rebuilds
the model (or only its count columns when only codings changed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

CODE_IDS_MIME = "application/x-qualcode-code-ids"
CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

ON, ABOVE, BELOW = "on", "above", "below"


def swatch(color: str, size: int = 12) -> QIcon:
    """A small square of a code's colour, sharp on high-DPI screens."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    pix = QPixmap(round(size * ratio), round(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(QColor(color))
    return QIcon(pix)


class CodeTreeModel(QStandardItemModel):
    """Rows of codes (name, codings, sources) built from frozen ``Code`` records."""

    rename_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[int, QStandardItem] = {}
        self.set_headers()

    def set_headers(self) -> None:
        """Column titles in the current language."""
        self.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Codings"), self.tr("Sources")])

    def rebuild(self, codes: Sequence[Any], counts: dict[int, tuple[int, int]]) -> None:
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
            row = [name, *_count_items(code.id, counts)]
            parent = self._items.get(code.parent_id) if code.parent_id is not None else None
            (parent or self.invisibleRootItem()).appendRow(row)
            self._items[code.id] = name

    def update_counts(self, counts: dict[int, tuple[int, int]]) -> None:
        """Refresh only the count columns (a coding changed, the tree did not)."""
        for code_id, item in self._items.items():
            n, s = counts.get(code_id, (0, 0))
            parent = item.parent() or self.invisibleRootItem()
            parent.child(item.row(), 1).setData(n, Qt.ItemDataRole.DisplayRole)
            parent.child(item.row(), 2).setData(s, Qt.ItemDataRole.DisplayRole)

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


def _count_items(code_id: int, counts: dict[int, tuple[int, int]]) -> list[QStandardItem]:
    n, s = counts.get(code_id, (0, 0))
    items = []
    for value in (n, s):
        item = QStandardItem()
        item.setData(value, Qt.ItemDataRole.DisplayRole)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        items.append(item)
    return items


def _tooltip(code: Any) -> str:
    lines = [code.name]
    for lang in ("en", "id"):
        label = code.labels.get(lang)
        if label and label != code.name:
            lines.append(f"{lang.upper()}: {label}")
    if code.description:
        lines.append(code.description[:300])
    return "\n".join(lines)


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
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.accepts_text: Callable[[str], bool] = lambda _text: False
        self.customContextMenuRequested.connect(self._on_context_menu)
        self.doubleClicked.connect(self._on_double_click)
        self.selectionModel().currentChanged.connect(lambda *_: self._emit_current())
        self._first_build = True
        self._emitted: int | None = None

    # -- data ------------------------------------------------------------------------------
    def rebuild(self, codes: Sequence[Any], counts: dict[int, tuple[int, int]]) -> None:
        """Show a new snapshot, keeping expanded codes and the current code."""
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
        self._emit_current()

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
