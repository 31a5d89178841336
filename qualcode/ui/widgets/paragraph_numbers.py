"""Paragraph numbers in the left margin of the document view.

Paragraphs (not wrapped screen lines) are numbered, as MAXQDA does: the numbers
stay the same when the window is resized, so researchers can cite them. The
margin of paragraphs in the project's check sample is tinted, so the check coder
sees which turns or paragraphs to code.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from qualcode.ui.widgets.text_area import DocumentTextEdit


class ParagraphNumbers(QWidget):
    """Paints the number of each visible paragraph beside its first line."""

    def __init__(self, editor: DocumentTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setAccessibleName(self.tr("Paragraph numbers"))
        self._marked: list[tuple[int, int]] = []  # check-sample units, document positions
        self._marked_ends: list[int] = []

    def set_marked(self, ranges: Sequence[tuple[int, int]]) -> None:
        """Tint the margin of paragraphs overlapping these document ranges (the check sample)."""
        self._marked = sorted(ranges)
        self._marked_ends = [b for _, b in self._marked]
        self.update()

    def is_marked(self, start: int, end: int) -> bool:
        """Whether a paragraph spanning document positions [start, end] is in the sample."""
        i = bisect_right(self._marked_ends, start)
        return i < len(self._marked) and self._marked[i][0] <= end

    def _padding(self) -> float:
        return QFontMetricsF(self._editor.font()).averageCharWidth() * 0.8

    def preferred_width(self, block_count: int) -> int:
        """Room for the largest paragraph number, derived from the font (DPI-safe)."""
        digits = len(str(max(1, block_count)))
        metrics = QFontMetricsF(self._editor.font())
        return int(metrics.horizontalAdvance("9" * digits) + 2 * self._padding() + 0.99)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette()
        painter.fillRect(event.rect(), pal.window())
        painter.setFont(self._editor.font())
        painter.setPen(pal.placeholderText().color())
        pad = self._padding()
        width = self.width() - pad
        tint = pal.highlight().color()
        tint.setAlpha(70)
        for block, top in self._editor.visible_blocks():
            layout = block.layout()
            height = layout.lineAt(0).height() if layout and layout.lineCount() else 0
            if not height:
                continue
            if self._marked and self.is_marked(block.position(), block.position() + block.length()):
                box = self._editor.blockBoundingRect(block)
                painter.fillRect(QRectF(0, top, self.width(), box.height()), tint)
            rect = QRectF(0, top + layout.lineAt(0).y(), width, height)
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(block.blockNumber() + 1),
            )
        painter.end()
