"""Paints code highlights and search matches under the text of the visible blocks.

Each run of characters with the same covering codings gets one flat fill: one
code's colour blended lightly into the page, or for overlaps the codes' mean
colour blended a little stronger, with a thin underline per code (up to four)
so every overlapping code stays identifiable. Fills are opaque colours, so the
text painted on top keeps full contrast. Only visible blocks are touched.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QTextBlock

if TYPE_CHECKING:
    from qualcode.ui.widgets.text_area import DocumentTextEdit

MAX_UNDERLINES = 4


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` towards ``b`` (opaque, so text on it stays crisp)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class HighlightPainter:
    """Draws the editor's highlight runs and find hits; caches one fill per colour set."""

    def __init__(self, editor: DocumentTextEdit) -> None:
        self._editor = editor
        self._cache: dict[tuple[str, ...], tuple[QColor, list[QColor]]] = {}

    def clear_cache(self) -> None:
        """Forget blends (the palette changed)."""
        self._cache.clear()

    def colours(self, key: tuple[str, ...]) -> tuple[QColor, list[QColor]]:
        """Fill colour and underline colours for a run covered by these code colours."""
        cached = self._cache.get(key)
        if cached is None:
            base = self._editor.palette().base().color()
            colours = [QColor(c) if QColor.isValidColorName(c) else QColor("#999999") for c in key]
            r = sum(c.red() for c in colours) / len(colours)
            g = sum(c.green() for c in colours) / len(colours)
            b = sum(c.blue() for c in colours) / len(colours)
            strength = 0.34 if len(colours) == 1 else min(0.5, 0.34 + 0.08 * len(colours))
            fill = mix(base, QColor(round(r), round(g), round(b)), strength)
            cached = (fill, colours if len(colours) > 1 else [])
            self._cache[key] = cached
        return cached

    def segment_rects(self, block: QTextBlock, top: float, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles, one per screen line, of code points ``start..end`` in ``block``."""
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return []
        omap = self._editor.offset_map
        pos = block.position()
        a = omap.to_utf16(start) - pos
        b = omap.to_utf16(end) - pos
        first = layout.lineForTextPosition(a)
        last = layout.lineForTextPosition(max(a, b - 1))
        if not first.isValid() or not last.isValid():
            return []
        x0 = self._editor.contentOffset().x()
        rects = []
        for n in range(first.lineNumber(), last.lineNumber() + 1):
            line = layout.lineAt(n)
            ls = line.textStart()
            le = ls + line.textLength()
            x1 = line.cursorToX(max(a, ls))[0]
            x2 = line.cursorToX(min(b, le))[0]
            if x2 > x1:
                rects.append(QRectF(x0 + x1, top + line.y(), x2 - x1, line.height()))
        return rects

    def paint(self, painter: QPainter) -> None:
        """Fill the runs and outline the find hits that fall in the visible blocks."""
        ed = self._editor
        blocks = ed.visible_blocks()
        if not blocks:
            return
        runs, spans, hits = ed.highlight_runs, ed.spans, ed.find_hits
        run_ends = ed.run_ends
        thick = max(1.0, QFontMetricsF(ed.font()).height() / 12)
        hit_pen = QPen(ed.palette().highlight().color(), thick)
        omap = ed.offset_map
        for block, top in blocks:
            b0 = omap.from_utf16(block.position())
            b1 = b0 + len(block.text())  # block.text() is a Python str: code points
            k = bisect_right(run_ends, b0)
            while k < len(runs) and runs[k].start < b1:
                run = runs[k]
                fill, stack = self.colours(tuple(sorted({spans[i].color for i in run.codings})))
                for rect in self.segment_rects(block, top, max(run.start, b0), min(run.end, b1)):
                    painter.fillRect(rect, fill)
                    for n, colour in enumerate(stack[:MAX_UNDERLINES]):
                        y = rect.bottom() - (n + 1) * thick
                        painter.fillRect(QRectF(rect.left(), y, rect.width(), thick), colour)
                k += 1
            if hits:
                painter.setPen(hit_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                first = max(bisect_right(hits, (b0, -1)) - 1, 0)
                for start, end in hits[first:]:
                    if start >= b1:
                        break
                    if end > b0:
                        for rect in self.segment_rects(block, top, max(start, b0), min(end, b1)):
                            painter.drawRect(rect.adjusted(0, thick / 2, 0, -thick / 2))
        self.paint_grips(painter)

    def paint_grips(self, painter: QPainter) -> None:
        """Draw the active coding's edge grips: a bar with a knob (top: start, bottom: end)."""
        ed = self._editor
        index = ed.handle_index()
        if index is None:
            return
        span = ed.spans[index]
        colour = QColor(span.color) if QColor.isValidColorName(span.color) else QColor("#999")
        width = max(2.0, QFontMetricsF(ed.font()).height() / 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour.darker(130))
        for edge, is_start in ((span.start, True), (span.end, False)):
            rect = QRectF(ed.cursorRect(ed.cursor_for_range(edge, edge)))
            x = rect.center().x()
            painter.drawRect(QRectF(x - width / 2, rect.top(), width, rect.height()))
            y = rect.top() if is_start else rect.bottom()
            painter.drawEllipse(QRectF(x - width * 1.5, y - width * 1.5, width * 3, width * 3))
        painter.restore()
