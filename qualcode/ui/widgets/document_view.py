"""The document view: where researchers read a source and see and edit its codings.

It takes plain data (the source text and :class:`CodingSpan`/:class:`TurnSpan`
lists) and speaks in code-point offsets, like the rest of QualCode; the UTF-16
positions Qt uses never leave this package. It changes no data itself: resizing
a coding only emits :attr:`DocumentView.coding_resize_requested`, and the owner
runs the operation and calls :meth:`DocumentView.set_codings` with the result.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from qualcode.ui.widgets.coding_stripes import CodingStripes
from qualcode.ui.widgets.document_model import CodingSpan, TurnSpan
from qualcode.ui.widgets.find_bar import FindBar
from qualcode.ui.widgets.paragraph_numbers import ParagraphNumbers
from qualcode.ui.widgets.text_area import DocumentTextEdit


class DocumentView(QWidget):
    """Read-only transcript with code highlights, coding stripes, paragraph numbers and find."""

    selection_changed = Signal(int, int)  # start, end (equal when nothing is selected)
    coding_clicked = Signal(int)  # coding id, from a stripe click
    coding_resize_requested = Signal(int, int, int)  # coding id, new start, new end
    context_menu_requested_for_coding = Signal(int, QPoint)  # coding id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Document view"))
        self.editor = DocumentTextEdit(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self._find_key: tuple[str, bool] | None = None
        self._find_hits: list[tuple[int, int]] = []
        self._last_find: tuple[str, bool] = ("", False)
        self._find_status = (0, 0)

        self.editor.selectionChanged.connect(self._emit_selection)
        self.editor.coding_resize_requested.connect(self.coding_resize_requested)
        self.editor.coding_context_menu.connect(self.context_menu_requested_for_coding)
        self.stripes.bar_clicked.connect(self._on_bar_clicked)
        self.stripes.bar_context_menu.connect(self._on_bar_context_menu)
        self.find_bar.find_requested.connect(self._on_find_requested)
        self.find_bar.search_edited.connect(self._on_search_edited)
        self.find_bar.closed.connect(self._on_find_closed)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Ctrl+F of a view on its own; a window with an Edit › Find command turns it off
        # (two Ctrl+F would make the key ambiguous: nothing happens while the text has focus).
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(context)
        self.find_shortcut.activated.connect(self.find_bar.open_bar)
        for keys, slot in (
            (QKeySequence.StandardKey.FindNext, lambda: self._repeat_find(True)),
            (QKeySequence.StandardKey.FindPrevious, lambda: self._repeat_find(False)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- parts -----------------------------------------------------------------------------
    @property
    def stripes(self) -> CodingStripes:
        """The coding-stripe margin."""
        return self.editor.stripes

    @property
    def numbers(self) -> ParagraphNumbers:
        """The paragraph-number margin."""
        return self.editor.numbers

    def text(self) -> str:
        """The text shown."""
        return self.editor.text

    # -- data ------------------------------------------------------------------------------
    def set_document(
        self, text: str, codings: Sequence[CodingSpan], turns: Sequence[TurnSpan] = ()
    ) -> None:
        """Show a source: its stored text, its codings, and its speaker turns."""
        self._find_key = None
        self._find_hits = []
        self.editor.load(text, codings, turns)

    def set_codings(self, codings: Sequence[CodingSpan]) -> None:
        """Redraw after a coding change; the text, selection and scroll position stay."""
        self.editor.set_spans(codings)

    def update_codings(self, changed: Sequence[CodingSpan], removed: Collection[int] = ()) -> None:
        """Redraw after a few codings were added, changed (same id) or removed (ids).

        Cheaper than :meth:`set_codings` on a long, densely coded text: only the
        passages they cover are recomputed and the other stripes keep their columns.
        """
        self.editor.update_spans(changed, removed)

    def set_visible_codes(self, code_ids: Collection[int] | None) -> None:
        """Highlight (and stripe) only these codes; ``None`` shows every code."""
        self.editor.set_visible_codes(code_ids)

    def set_paragraph_numbers_visible(self, visible: bool) -> None:
        """Toggle the paragraph numbers in the left margin."""
        self.numbers.setHidden(not visible)
        self.editor.update_margins()

    def set_stripes_visible(self, visible: bool) -> None:
        """Toggle the coding stripes in the right margin."""
        self.stripes.setHidden(not visible)
        self.editor.update_margins()

    def codings_at(self, offset: int) -> list[int]:
        """Ids of the shown codings that cover the character at ``offset``."""
        ed = self.editor
        return [ed.spans[i].coding_id for i in ed.span_index.at(offset) if ed.is_shown(ed.spans[i])]

    # -- selection and scrolling -----------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """Selected range in code points, or ``None`` when nothing is selected."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        omap = self.editor.offset_map
        return (
            omap.from_utf16(cursor.selectionStart()),
            omap.from_utf16(cursor.selectionEnd(), round_up=True),
        )

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``start..end`` (clipped to the text) and bring them into view."""
        n = len(self.editor.text)
        start, end = sorted((min(max(start, 0), n), min(max(end, 0), n)))
        self.editor.setTextCursor(self.editor.cursor_for_range(start, end))

    def scroll_to(self, offset: int) -> None:
        """Scroll so that ``offset`` is near the top, without touching the selection."""
        ed = self.editor
        omap = ed.offset_map
        u16 = omap.to_utf16(min(max(offset, 0), len(ed.text)))
        block = ed.document().findBlock(u16)
        ed.blockBoundingRect(block)  # lays the block out, so its line numbers are exact
        line = block.layout().lineForTextPosition(u16 - block.position())
        within = line.lineNumber() if line.isValid() else 0
        context = 2  # lines of text kept above the target
        ed.verticalScrollBar().setValue(max(0, block.firstLineNumber() + within - context))

    def _emit_selection(self) -> None:
        sel = self.selection()
        if sel is None:
            pos = self.editor.offset_map.from_utf16(self.editor.textCursor().position())
            sel = (pos, pos)
        self.selection_changed.emit(*sel)

    def _on_bar_clicked(self, index: int) -> None:
        span = self.editor.spans[index]
        self.editor.set_active_index(index)
        self.select_range(span.start, span.end)
        self.coding_clicked.emit(span.coding_id)

    def _on_bar_context_menu(self, index: int, pos: QPoint) -> None:
        self.context_menu_requested_for_coding.emit(self.editor.spans[index].coding_id, pos)

    # -- find ------------------------------------------------------------------------------
    def find_hits(self, text: str, case_sensitive: bool = False) -> list[tuple[int, int]]:
        """Every match of ``text`` as code-point ranges (cached per pattern)."""
        if not text:
            return []
        key = (text, case_sensitive)
        if key != self._find_key:
            flags = 0 if case_sensitive else re.IGNORECASE
            pattern = re.compile(re.escape(text), flags)
            self._find_hits = [(m.start(), m.end()) for m in pattern.finditer(self.editor.text)]
            self._find_key = key
        return self._find_hits

    def find_status(self) -> tuple[int, int]:
        """(1-based number of the selected match, number of matches) of the last search."""
        return self._find_status

    def find(self, text: str, forward: bool = True, case_sensitive: bool = False) -> bool:
        """Select the next (or previous) match after the selection, wrapping around."""
        return self._find(text, forward, case_sensitive, restart=False)

    def _find(self, text: str, forward: bool, case_sensitive: bool, *, restart: bool) -> bool:
        self._last_find = (text, case_sensitive)
        hits = self.find_hits(text, case_sensitive)
        self.editor.set_find_hits(hits)
        if not hits:
            self._find_status = (0, 0)
            self.find_bar.set_status(0, 0)
            return False
        sel = self.selection()
        caret = self.editor.offset_map.from_utf16(self.editor.textCursor().position())
        if forward:
            anchor = (sel[0] if restart else sel[1]) if sel else caret
            k = bisect_left(hits, (anchor, -1))
            k = 0 if k == len(hits) else k
        else:
            anchor = sel[0] if sel else caret
            k = bisect_left(hits, (anchor, -1)) - 1
            k = len(hits) - 1 if k < 0 else k
        self.select_range(*hits[k])
        self._find_status = (k + 1, len(hits))
        self.find_bar.set_status(k + 1, len(hits))
        return True

    def _on_find_requested(self, text: str, forward: bool, case_sensitive: bool) -> None:
        self._find(text, forward, case_sensitive, restart=False)

    def _on_search_edited(self, text: str, case_sensitive: bool) -> None:
        if not text:
            self._last_find = ("", case_sensitive)
            self.editor.set_find_hits([])
            self.find_bar.clear_status()
            return
        self._find(text, True, case_sensitive, restart=True)

    def _repeat_find(self, forward: bool) -> None:
        text, case_sensitive = self._last_find
        if text:
            self._find(text, forward, case_sensitive, restart=False)
        else:
            self.find_bar.open_bar()

    def _on_find_closed(self) -> None:
        self.editor.set_find_hits([])
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
