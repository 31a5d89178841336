"""The text pane of the document view: plain text, code highlights, edge dragging.

Resizing a coding needs its visible handle: a click on a highlight makes its
(innermost) coding the active one, which shows grips at its two edges, and only
a press on such a grip drags an edge. A press anywhere else, the first letter
of a highlight included, selects text as in any editor. Codings of other coders
get no grips when :attr:`DocumentTextEdit.resizable_coder` names one coder (a
project open for review: only the reviewer's own codings move).

Why ``QPlainTextEdit`` and not ``QTextEdit``: its document layout lays out only
the blocks it paints and scrolls by block, so a 300k-character transcript opens
in tens of milliseconds, where ``QTextEdit`` lays out the whole document first.

Highlights are *painted*, not stored as character formats or ``ExtraSelection``s:
changing formats relayouts every touched block, and Qt walks the whole
extra-selection list for every painted block. Instead the codings are swept once
into runs (see :func:`highlight_runs`) and each paint fills only the runs of the
visible blocks, so :meth:`set_spans` costs one sweep plus one repaint.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from qualcode.text.offsets import OffsetMap
from qualcode.ui.widgets.coding_stripes import CodingStripes
from qualcode.ui.widgets.document_builder import build_document, normalize_line_breaks
from qualcode.ui.widgets.document_model import (
    CodingSpan,
    HighlightRun,
    SpanIndex,
    TurnSpan,
    block_break_positions,
    clamp_spans,
    free_column,
    merge_ranges,
    region_runs,
    splice_runs,
    stripe_columns,
)
from qualcode.ui.widgets.document_model import (
    highlight_runs as sweep_runs,
)
from qualcode.ui.widgets.highlight_painter import HighlightPainter
from qualcode.ui.widgets.paragraph_numbers import ParagraphNumbers


@dataclass(slots=True)
class _Drag:
    index: int
    is_start: bool


class DocumentTextEdit(QPlainTextEdit):
    """Read-only text pane that paints coding highlights and lets their edges be dragged."""

    viewport_painted = Signal()
    spans_changed = Signal()
    coding_resize_requested = Signal(int, int, int)
    coding_context_menu = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setAccessibleName(self.tr("Document text"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)  # reading, not UI chrome
        self.setFont(font)
        self.viewport().setMouseTracking(True)
        self._text = ""
        self.extend_context_menu: Any = None  # callable(QMenu): the window adds its commands
        self._own_document: QTextDocument | None = None
        self.paint_count = 0  # finished viewport paints, for benchmarks and tests
        self._map = OffsetMap("")
        self._breaks: list[int] = []
        self._base_spans: list[CodingSpan] = []
        self._position: dict[int, int] = {}  # coding id -> index in the span list
        self._spans: list[CodingSpan] = []
        self._visible_codes: frozenset[int] | None = None
        self._preview: tuple[int, int, int] | None = None
        self._drag: _Drag | None = None
        self._active: int | None = None
        self.resizable_coder: str | None = None
        self._press_offset: int | None = None
        self._find_hits: list[tuple[int, int]] = []
        self._runs: list[HighlightRun] = []
        self._run_ends: list[int] = []
        self._index = SpanIndex([])
        self._columns: list[int] = []
        self._column_count = 0
        self._reserved_columns = 1
        self._wrapped: tuple[int, int] | None = None
        self._incoming_blocks = 0
        self._line_chars = 0
        self.highlighter = HighlightPainter(self)
        self.numbers = ParagraphNumbers(self)
        self.stripes = CodingStripes(self)
        self.updateRequest.connect(self._on_update_request)
        self.blockCountChanged.connect(lambda _n: self.update_margins())
        self.update_margins()

    # -- data ------------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The plain text shown, as passed to :meth:`load`."""
        return self._text

    @property
    def offset_map(self) -> OffsetMap:
        """Code point ↔ UTF-16 conversion for the current text."""
        return self._map

    @property
    def spans(self) -> list[CodingSpan]:
        """Shown codings (clipped to the text, with a drag preview applied)."""
        return self._spans

    @property
    def span_index(self) -> SpanIndex:
        """Range queries over :attr:`spans`."""
        return self._index

    @property
    def columns(self) -> list[int]:
        """Stripe column of each span; -1 for spans the code filter hides."""
        return self._columns

    @property
    def column_count(self) -> int:
        """Number of stripe columns in use."""
        return self._column_count

    @property
    def reserved_columns(self) -> int:
        """Columns the stripe margin makes room for: it grows but never shrinks while the
        same document is shown, so removing a coding does not reflow the text."""
        return self._reserved_columns

    @property
    def active_index(self) -> int | None:
        """Span index of the coding last clicked in the stripes."""
        return self._active

    def load(self, text: str, spans: Sequence[CodingSpan], turns: Sequence[TurnSpan]) -> None:
        """Replace the document; builds a fresh ``QTextDocument`` with turn formatting."""
        doc, omap = build_document(self, text, turns, self.font(), self.palette())
        self._text = text
        self._map = omap
        self._breaks = block_break_positions(normalize_line_breaks(text))
        old = self._own_document
        self._own_document = doc
        self._drag = None
        self._preview = None
        self._active = None
        self._find_hits = []
        self._reserved_columns = 1
        # Size the margins for the new document first, so its text is wrapped only once.
        self._incoming_blocks = doc.blockCount()
        self.set_spans(spans)
        self._incoming_blocks = 0
        self.setDocument(doc)
        if old is not None:
            old.deleteLater()  # Qt deletes only the editor's default document itself
        # The margins still show the old source's numbers and stripes: repaint them now and
        # once the new document is laid out (students cite these paragraph numbers).
        self.numbers.update()
        self.stripes.update()
        QTimer.singleShot(0, self.numbers, self.numbers.update)
        QTimer.singleShot(0, self.stripes, self.stripes.update)

    def set_spans(self, spans: Sequence[CodingSpan]) -> None:
        """Swap the codings: one sweep and a repaint; the text and scroll position stay."""
        active_id = None
        if self._active is not None and self._active < len(self._base_spans):
            active_id = self._base_spans[self._active].coding_id
        self._base_spans = clamp_spans(spans, len(self._text))
        self._preview = None
        self._drag = None
        self._active = next(
            (i for i, s in enumerate(self._base_spans) if s.coding_id == active_id), None
        )
        self._rebuild(columns=True)

    def update_spans(self, changed: Sequence[CodingSpan], removed: Collection[int] = ()) -> None:
        """Add or replace ``changed`` codings and drop ``removed`` ones (coding ids).

        Only the text around them is swept again and only the new codings get a
        stripe column (the others keep theirs), so coding one passage of a long,
        densely coded transcript costs about the same as of a short one. The span
        order is then no longer by position. During an edge drag this falls back
        to :meth:`set_spans`.
        """
        if self._preview is not None or self._drag is not None or not self._line_chars:
            gone = set(removed) | {s.coding_id for s in changed}
            kept = [s for s in self._base_spans if s.coding_id not in gone]
            self.set_spans([*kept, *changed])
            return
        dirty: list[tuple[int, int]] = []
        for coding_id in removed:
            if coding_id in self._position:
                dirty.extend(self._drop(self._position[coding_id]))
        length = len(self._text)
        for span in changed:
            if span.coding_id in self._position:
                dirty.extend(self._drop(self._position[span.coding_id]))
            for clamped in clamp_spans([span], length):
                dirty.extend(self._append(clamped))
        spans = self._spans
        include = self.is_shown

        def fresh(lo: int, hi: int) -> list[HighlightRun]:
            found = [i for i in self._index.overlapping(lo, hi) if include(spans[i])]
            return region_runs(spans, found, lo, hi)

        for lo, hi in merge_ranges(dirty):
            splice_runs(self._runs, self._run_ends, lo, hi, fresh)
        self._column_count = max(self._columns, default=-1) + 1
        if self._column_count > self._reserved_columns:
            self._reserved_columns = self._column_count
            self._apply_margins()
        self.viewport().update()
        self.stripes.update()
        self.spans_changed.emit()

    def _drop(self, i: int) -> list[tuple[int, int]]:
        """Remove span ``i``; the last span takes its index. Returns the ranges to redo."""
        spans, last = self._spans, len(self._spans) - 1
        span = spans[i]
        del self._position[span.coding_id]
        self._index.discard(i, span.start)
        dirty = [(span.start, span.end)]
        if self._active == i:
            self._active = None
        if i != last:
            moved = spans[last]
            self._index.rename(last, i, moved.start)
            spans[i] = moved
            self._columns[i] = self._columns[last]
            self._position[moved.coding_id] = i
            dirty.append((moved.start, moved.end))
            if self._active == last:
                self._active = i
        spans.pop()
        self._columns.pop()
        return dirty

    def _append(self, span: CodingSpan) -> list[tuple[int, int]]:
        i = len(self._spans)
        self._spans.append(span)
        self._position[span.coding_id] = i
        self._index.add(i, span.start, span.end)
        self._columns.append(-1)
        if self.is_shown(span):
            self._columns[i] = free_column(
                self._spans, self._columns, self._index, i, self._breaks, self._line_chars
            )
        return [(span.start, span.end)]

    def set_visible_codes(self, code_ids: Collection[int] | None) -> None:
        """Show only these codes' highlights and stripes (``None``: all codes)."""
        self._visible_codes = None if code_ids is None else frozenset(code_ids)
        self._rebuild(columns=True)

    def set_active_index(self, index: int | None) -> None:
        """Mark a span as the current coding (outlined in the stripes, grips on its edges)."""
        self._active = index
        self.stripes.update()
        self.viewport().update()

    def can_resize(self, index: int) -> bool:
        """Whether span ``index`` may be resized here (see :attr:`resizable_coder`)."""
        if not 0 <= index < len(self._spans):
            return False
        return self.resizable_coder is None or self._spans[index].coder == self.resizable_coder

    def handle_index(self) -> int | None:
        """The span whose edge grips are shown (the active one, if shown and resizable)."""
        i = self._active
        if i is None or not 0 <= i < len(self._spans) or not self.is_shown(self._spans[i]):
            return None
        return i if self.can_resize(i) else None

    def set_find_hits(self, hits: list[tuple[int, int]]) -> None:
        """Outline these ranges (all matches of the current search)."""
        self._find_hits = hits
        self.viewport().update()

    def is_shown(self, span: CodingSpan) -> bool:
        """Whether the code filter lets this span be highlighted."""
        return self._visible_codes is None or span.code_id in self._visible_codes

    def _rebuild(self, *, columns: bool) -> None:
        spans = self._base_spans  # the same list unless a drag previews a change
        self._position = {s.coding_id: i for i, s in enumerate(spans)}
        if self._preview is not None:
            spans = list(spans)
            i, start, end = self._preview
            old = spans[i]
            spans[i] = CodingSpan(
                old.coding_id, start, end, old.code_id, old.code_name, old.color, old.coder
            )
        self._spans = spans
        self._runs = sweep_runs(spans, self.is_shown)
        self._run_ends = [r.end for r in self._runs]
        self._index = SpanIndex(spans)
        if columns:
            self._assign_columns()
        self.viewport().update()
        self.stripes.update()
        self.spans_changed.emit()

    def _assign_columns(self) -> None:
        self._line_chars = self._estimate_line_chars()
        shown = [i for i, s in enumerate(self._spans) if self.is_shown(s)]
        cols, count = stripe_columns(
            [self._spans[i] for i in shown], self._breaks, self._line_chars
        )
        self._columns = [-1] * len(self._spans)
        for i, col in zip(shown, cols, strict=True):
            self._columns[i] = col
        self._column_count = count
        self._reserved_columns = max(self._reserved_columns, count, 1)
        self._apply_margins()

    def _estimate_line_chars(self) -> int:
        # Upper bound of characters on one wrapped line, from the pane's full width
        # (not the viewport's, which depends on the stripes: no feedback loop).
        average = max(1.0, QFontMetricsF(self.font()).averageCharWidth())
        return max(10, int(self.width() / (average * 0.6)))

    # -- geometry --------------------------------------------------------------------------
    def update_margins(self) -> None:
        """Reserve room for the paragraph numbers (left) and the stripes (right)."""
        estimate = self._estimate_line_chars()
        if self._spans and abs(estimate - self._line_chars) > self._line_chars // 8:
            self._assign_columns()  # a much wider or narrower pane packs stripes differently
        else:
            self._apply_margins()

    def _apply_margins(self) -> None:
        blocks = self._incoming_blocks or self.blockCount()
        left = self.numbers.preferred_width(blocks) if not self.numbers.isHidden() else 0
        right = self.stripes.preferred_width() if not self.stripes.isHidden() else 0
        self.setViewportMargins(left, 0, right, 0)
        vg = self.viewport().geometry()
        key = (id(self.document()), vg.width())
        if key != self._wrapped:
            # A margin change resizes the viewport without always re-wrapping (its resize
            # event can stay pending while hidden): let the base class re-wrap now.
            self._wrapped = key
            QPlainTextEdit.resizeEvent(self, QResizeEvent(vg.size(), QSize(-1, -1)))
        self.numbers.setGeometry(vg.left() - left, vg.top(), left, vg.height())
        self.stripes.setGeometry(vg.right() + 1, vg.top(), right, vg.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.update_margins()

    def _on_update_request(self, rect, dy: int) -> None:
        if dy or rect.contains(self.viewport().rect()):
            self.numbers.update()
            self.stripes.update()

    def visible_blocks(self) -> list[tuple[QTextBlock, float]]:
        """(block, top y in viewport coordinates) for each block on screen."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return []
        offset = self.contentOffset()
        height = self.viewport().height()
        top = self.blockBoundingGeometry(block).translated(offset).top()
        out: list[tuple[QTextBlock, float]] = []
        while block.isValid() and top <= height:
            rect = self.blockBoundingRect(block)
            if block.isVisible():
                out.append((block, top))
            top += rect.height()
            block = block.next()
        return out

    def visible_range(self, blocks: list[tuple[QTextBlock, float]]) -> tuple[int, int]:
        """Code-point range [start, end) covered by ``blocks`` (newline included)."""
        first, last = blocks[0][0], blocks[-1][0]
        end = min(last.position() + last.length(), self._map.utf16_length)
        return self._map.from_utf16(first.position()), self._map.from_utf16(end, round_up=True)

    def line_rect_y(self, offset: int) -> tuple[float, float]:
        """Top and bottom (viewport y) of the screen line holding the character at ``offset``."""
        u16 = self._map.to_utf16(min(max(offset, 0), len(self._text)))
        block = self.document().findBlock(u16)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        layout = block.layout()
        line = layout.lineForTextPosition(u16 - block.position()) if layout else None
        if line is None or not line.isValid():
            return top, top + self.blockBoundingRect(block).height()
        return top + line.y(), top + line.y() + line.height()

    def offset_at(self, pos: QPoint) -> int:
        """Code-point offset nearest to a viewport point."""
        return self._map.from_utf16(self.cursorForPosition(pos).position())

    def cursor_for_range(self, start: int, end: int) -> QTextCursor:
        """A cursor selecting code points ``start..end`` (anchor at start)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- painting --------------------------------------------------------------------------
    @property
    def highlight_runs(self) -> list[HighlightRun]:
        """Character runs with their covering (shown) codings, sorted and disjoint."""
        return self._runs

    @property
    def run_ends(self) -> list[int]:
        """End offset of each highlight run, for bisecting."""
        return self._run_ends

    @property
    def find_hits(self) -> list[tuple[int, int]]:
        """Ranges outlined as search matches."""
        return self._find_hits

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._runs or self._find_hits:
            painter = QPainter(self.viewport())
            self.highlighter.paint(painter)
            painter.end()
        super().paintEvent(event)
        self.paint_count += 1
        self.viewport_painted.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.clear_cache()  # blends depend on the base colour
        super().changeEvent(event)

    # -- edge dragging ---------------------------------------------------------------------
    def edge_at(self, pos: QPoint) -> tuple[int, bool] | None:
        """(span index, is_start) of a visible edge grip under a viewport point, if any.

        Only the active coding shows grips (:meth:`handle_index`); elsewhere a
        press selects text.
        """
        index = self.handle_index()
        if index is None:
            return None
        span = self._spans[index]
        tolerance = max(3.0, QFontMetricsF(self.font()).averageCharWidth() * 0.6)
        for edge, is_start in ((span.start, True), (span.end, False)):
            rect = self.cursorRect(self.cursor_for_range(edge, edge))
            if abs(pos.x() - rect.center().x()) <= tolerance and rect.top() <= pos.y() <= (
                rect.bottom()
            ):
                return index, is_start
        return None

    def innermost_at(self, offset: int) -> int | None:
        """Index of the shortest shown span covering ``offset``, if any."""
        hits = [i for i in self._index.at(offset) if self.is_shown(self._spans[i])]
        if not hits:
            return None
        return min(hits, key=lambda i: self._spans[i].end - self._spans[i].start)

    def begin_resize(self, index: int, is_start: bool) -> None:
        """Start dragging one edge of span ``index`` (from a grip or a stripe end)."""
        if not self.can_resize(index):
            return
        self._drag = _Drag(index, is_start)

    @property
    def resizing(self) -> bool:
        """Whether an edge drag is in progress."""
        return self._drag is not None

    @property
    def dragging_start(self) -> bool:
        """Whether the edge being dragged is a start (else an end)."""
        return self._drag is not None and self._drag.is_start

    def update_resize(self, offset: int) -> None:
        """Move the dragged edge to ``offset``; the coding keeps at least one character."""
        if self._drag is None:
            return
        span = self._base_spans[self._drag.index]
        if self._drag.is_start:
            start, end = min(max(offset, 0), span.end - 1), span.end
        else:
            start, end = span.start, max(min(offset, len(self._text)), span.start + 1)
        self._preview = (self._drag.index, start, end)
        self._rebuild(columns=False)

    def finish_resize(self, *, cancel: bool = False) -> None:
        """End the drag; emit the new range unless cancelled or unchanged."""
        drag, preview = self._drag, self._preview
        self._drag = None
        self._preview = None
        self._rebuild(columns=False)
        if drag is None or preview is None or cancel:
            return
        span = self._base_spans[drag.index]
        if (preview[1], preview[2]) != (span.start, span.end):
            self.coding_resize_requested.emit(span.coding_id, preview[1], preview[2])

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.edge_at(event.position().toPoint())
            if hit is not None:
                self.begin_resize(*hit)
                event.accept()
                return
            self._press_offset = self.offset_at(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._drag is not None:
            self.update_resize(self.offset_at(pos))
            event.accept()
            return
        if not event.buttons() and self.edge_at(pos) is not None:
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        else:
            self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            self.update_resize(self.offset_at(event.position().toPoint()))
            self.finish_resize()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        pressed, self._press_offset = self._press_offset, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and pressed is not None
            and not self.textCursor().hasSelection()
        ):
            # A plain click on a highlight makes its coding the active one (grips appear).
            self.set_active_index(self.innermost_at(pressed))

    def keyPressEvent(self, event) -> None:
        if self._drag is not None and event.key() == Qt.Key.Key_Escape:
            self.finish_resize(cancel=True)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:
        best = self.innermost_at(self.offset_at(event.pos()))
        if best is not None:
            self.coding_context_menu.emit(self._spans[best].coding_id, event.globalPos())
            return
        if self.extend_context_menu is not None:  # Copy, Select all + the window's commands
            menu = self.createStandardContextMenu(event.pos())
            self.extend_context_menu(menu)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(event.globalPos())
            return
        super().contextMenuEvent(event)

    def point_of(self, offset: int) -> QPointF:
        """Viewport point at the middle of the text cursor placed before ``offset``."""
        return QPointF(self.cursorRect(self.cursor_for_range(offset, offset)).center())
