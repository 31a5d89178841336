"""Coding stripes: one vertical bar per coding beside the text, NVivo/MAXQDA style.

Bars sit in columns (assigned once per coding change by ``stripe_columns``), so
codings that share a screen line never share a column. Only the codings that
intersect the visible paragraphs are measured and painted. A bar's code name is
written down its side when the bar is long enough; its ends can be dragged to
resize the coding, and clicking it selects the coded text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

if TYPE_CHECKING:
    from qualcode.ui.widgets.text_area import DocumentTextEdit


@dataclass(frozen=True, slots=True)
class StripeBar:
    """Where one coding's bar is drawn (widget coordinates) and whether its ends show."""

    index: int
    column: QRectF
    bar: QRectF
    top_visible: bool
    bottom_visible: bool


@dataclass(frozen=True, slots=True)
class _Metrics:
    column_width: float
    bar_width: float
    pad: float
    labels: bool


class CodingStripes(QWidget):
    """Margin widget beside the text viewport that paints and hit-tests coding bars."""

    bar_clicked = Signal(int)  # span index
    bar_context_menu = Signal(int, QPoint)  # span index, global position

    def __init__(self, editor: DocumentTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self._pressed: tuple[int, QPoint] | None = None
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Coding stripes"))
        self.setAccessibleDescription(
            self.tr("One bar per coding; click a bar to select its text, drag its end to resize.")
        )

    # -- metrics ---------------------------------------------------------------------------
    def label_font(self) -> QFont:
        """Smaller than the text, so labels fit in a narrow column."""
        font = QFont(self._editor.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.78))
        return font

    def _natural(self) -> _Metrics:
        label_height = QFontMetricsF(self.label_font()).height()
        pad = max(1.0, round(label_height * 0.15))
        bar = max(2.0, round(label_height * 0.3))
        return _Metrics(bar + label_height + pad * 2, bar, pad, True)

    def _metrics(self) -> _Metrics:
        natural = self._natural()
        count = self._editor.reserved_columns
        room = self._editor.width() * 0.3
        if count * natural.column_width + natural.pad <= room or count == 0:
            return natural
        width = max(natural.bar_width + natural.pad, (room - natural.pad) / count)
        return _Metrics(width, natural.bar_width, natural.pad, False)

    def preferred_width(self) -> int:
        """Width for all columns, at most ~30% of the pane (then labels are dropped)."""
        m = self._metrics()
        return int(self._editor.reserved_columns * m.column_width + 2 * m.pad + 0.99)

    # -- geometry --------------------------------------------------------------------------
    def bars(self) -> list[StripeBar]:
        """Bars of the codings that intersect the visible paragraphs."""
        ed = self._editor
        if not ed.spans:
            return []
        blocks = ed.visible_blocks()
        if not blocks:
            return []
        start, end = ed.visible_range(blocks)
        m = self._metrics()
        inset = max(1.0, m.pad)
        height = self.height()
        out = []
        for i in ed.span_index.overlapping(start, end):
            column = ed.columns[i]
            if column < 0:
                continue
            span = ed.spans[i]
            top_visible = span.start >= start
            bottom_visible = span.end - 1 < end
            top = ed.line_rect_y(span.start)[0] + inset if top_visible else -2 * inset
            bottom = (
                ed.line_rect_y(span.end - 1)[1] - inset if bottom_visible else height + 2 * inset
            )
            if bottom <= 0 or top >= height:
                continue
            x = m.pad + column * m.column_width
            col_rect = QRectF(x, top, m.column_width - m.pad, max(bottom - top, 1.0))
            bar_rect = QRectF(x, top, m.bar_width, max(bottom - top, 1.0))
            out.append(StripeBar(i, col_rect, bar_rect, top_visible, bottom_visible))
        out.sort(key=lambda b: b.column.left())
        return out

    def bar_at(self, pos: QPoint) -> StripeBar | None:
        """The bar under a point (widget coordinates); the shortest wins on ties."""
        hits = [b for b in self.bars() if b.column.contains(pos.x(), pos.y())]
        return min(hits, key=lambda b: b.column.height()) if hits else None

    def bar_rect(self, coding_id: int) -> QRectF | None:
        """Column rectangle of a visible coding's bar (for tests and accessibility)."""
        for bar in self.bars():
            if self._editor.spans[bar.index].coding_id == coding_id:
                return bar.column
        return None

    def tooltip_text_at(self, pos: QPoint) -> str | None:
        """Code name and coder of the bar under ``pos``."""
        bar = self.bar_at(pos)
        if bar is None:
            return None
        span = self._editor.spans[bar.index]
        return self.tr("{code}\nCoded by {coder}").format(code=span.code_name, coder=span.coder)

    def _end_at(self, pos: QPoint) -> tuple[int, bool] | None:
        grip = max(3.0, self._natural().pad * 2)
        for bar in self.bars():
            if not (bar.column.left() <= pos.x() <= bar.column.right()):
                continue
            if not self._editor.can_resize(bar.index):
                continue  # another coder's coding in review mode: no grip
            if bar.top_visible and abs(pos.y() - bar.column.top()) <= grip:
                return bar.index, True
            if bar.bottom_visible and abs(pos.y() - bar.column.bottom()) <= grip:
                return bar.index, False
        return None

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette()
        base = pal.base().color()
        painter.fillRect(event.rect(), pal.window())
        painter.setPen(QPen(pal.mid().color(), 1))
        painter.drawLine(0, 0, 0, self.height())
        m = self._metrics()
        font = self.label_font()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        text_colour = pal.text().color()
        for bar in self.bars():
            span = self._editor.spans[bar.index]
            colour = QColor(span.color) if QColor.isValidColorName(span.color) else QColor("#999")
            if m.labels:
                tint = QColor(
                    round(base.red() + (colour.red() - base.red()) * 0.22),
                    round(base.green() + (colour.green() - base.green()) * 0.22),
                    round(base.blue() + (colour.blue() - base.blue()) * 0.22),
                )
                painter.fillRect(bar.column, tint)
            painter.fillRect(bar.bar, colour)
            if bar.index == self._editor.active_index:
                painter.setPen(QPen(pal.highlight().color(), max(1.0, m.pad)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar.column)
            if m.labels:
                self._paint_label(painter, bar, span.code_name, metrics, text_colour)
        painter.end()

    def _paint_label(
        self, painter: QPainter, bar: StripeBar, name: str, metrics: QFontMetricsF, colour: QColor
    ) -> None:
        visible_top = max(bar.column.top(), 0.0)
        room = min(bar.column.bottom(), float(self.height())) - visible_top - metrics.height() * 0.3
        if room < metrics.horizontalAdvance("Mm…"):
            return
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        label_left = bar.bar.right() + 1
        label_width = bar.column.right() - label_left
        painter.save()
        painter.translate(label_left, visible_top + metrics.height() * 0.15)
        painter.rotate(90)  # reads top to bottom; glyphs extend rightwards from the bar
        painter.setPen(colour)
        painter.drawText(
            QRectF(0, -label_width, room, label_width),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()

    # -- interaction -----------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_text_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        pos = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        end = self._end_at(pos)
        if end is not None:
            self._editor.begin_resize(*end)
            return None
        bar = self.bar_at(pos)
        self._pressed = (bar.index, pos) if bar is not None else None
        return None

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._editor.resizing:
            self._editor.update_resize(self._offset_for_y(pos.y()))
            return
        near_end = not event.buttons() and self._end_at(pos) is not None
        self.setCursor(Qt.CursorShape.SizeVerCursor if near_end else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._editor.resizing:
            self._editor.update_resize(self._offset_for_y(pos.y()))
            self._editor.finish_resize()
            return
        pressed, self._pressed = self._pressed, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        bar = self.bar_at(pos)
        if bar is not None and bar.index == pressed[0]:
            self.bar_clicked.emit(bar.index)

    def contextMenuEvent(self, event) -> None:
        bar = self.bar_at(event.pos())
        if bar is not None:
            self.bar_context_menu.emit(bar.index, event.globalPos())

    def _offset_for_y(self, y: int) -> int:
        """Line start (dragging a start) or line end (dragging an end) at height ``y``."""
        ed = self._editor
        drag_start = ed.dragging_start
        x = 0 if drag_start else ed.viewport().width() - 1
        y = min(max(y, 0), ed.viewport().height() - 1)
        return ed.offset_at(QPoint(x, y))
