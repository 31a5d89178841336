"""The central coding workspace: one source in the document view, with its codings and turns.

It reads through the ``Project`` facade only, turns frozen records into the
view's ``CodingSpan``/``TurnSpan`` lists, and on a change set redraws only what
the flags touch: coding stripes for codings, colours for codes, the whole
document only when the shown source itself changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qualcode.errors import QualCodeError
from qualcode.sources.turns import classify_speaker
from qualcode.ui.widgets.document_model import CodingSpan, TurnSpan
from qualcode.ui.widgets.document_view import DocumentView


class Workspace(QWidget):
    """Header (source name, kind, date) above the document view."""

    selection_changed = Signal(int, int)
    cursor_moved = Signal(int)  # offset of the caret
    source_shown = Signal(int)  # a source was (re)loaded into the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.project: Any = None
        self.source_id: int | None = None
        self._source: Any = None
        self._codes: dict[int, Any] = {}
        self._coders: dict[int, str] = {}
        self._by_id: dict[int, CodingSpan] = {}
        self.header = QLabel(self)
        self.header.setObjectName("sourceHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setContentsMargins(8, 4, 8, 4)
        self.view = DocumentView(self)
        self.view.setObjectName("documentView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.view.selection_changed.connect(self._on_selection)
        self.redraws = 0  # coding redraws, for tests and the benchmark
        self.sample_units = 0  # check-sample units of the shown source (margin tinted)

    # -- project ---------------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show nothing of the previous project; remember the new one."""
        self.project = project
        self.source_id = None
        self._source = None
        self._codes = {}
        self._coders = {}
        self._by_id = {}
        # Review mode: only the reviewer's own codings show resize grips.
        review = project is not None and project.review_mode
        self.view.editor.resizable_coder = project.coder if review else None
        self.view.set_document("", [])
        self._update_header()

    def show_source(self, source_id: int) -> None:
        """Load a source with its codings and the speaker turns of its case links."""
        if self.project is None:
            return
        self._source = self.project.sources.get(source_id)
        self.source_id = source_id
        self._codes = {c.id: c for c in self.project.codes.all()}
        text = self.project.sources.text(source_id)
        spans = self._spans()
        self._by_id = {span.coding_id: span for span in spans}
        self.view.set_document(text, spans, self._turns())
        self._mark_check_sample(text)
        self._update_header()
        self.source_shown.emit(source_id)

    def _mark_check_sample(self, text: str) -> None:
        """Tint the margin beside the shown source's check-sample units."""
        from qualcode.analysis.check_sample import check_sample
        from qualcode.text.offsets import OffsetMap

        sample = check_sample(self.project)
        units = sample.by_source().get(self.source_id or -1, []) if sample else []
        omap = OffsetMap(text)
        self.sample_units = len(units)
        self.view.numbers.set_marked([(omap.to_utf16(a), omap.to_utf16(b)) for a, b in units])

    def reload_codings(
        self, touched: frozenset[int] | None = None, records: dict[int, Any] | None = None
    ) -> None:
        """Redraw the highlights and stripes (text and scroll stay).

        With ``touched`` (coding ids of a change set) only those codings are read
        again (``records`` already holds the ones the change set carried) and the
        view redraws only around them; everything is read when a coding's coder is
        not known yet or too many changed.
        """
        if self.source_id is None:
            return
        patch = None
        if touched is not None and len(touched) <= 200:
            patch = self._patch(touched, records or {})
        if patch is None:
            self._by_id = {span.coding_id: span for span in self._spans()}
            self.view.set_codings(sorted(self._by_id.values(), key=lambda s: (s.start, s.end)))
        else:
            changed, removed = patch
            if changed or removed:
                self.view.update_codings(changed, removed)
        self.redraws += 1

    def _patch(
        self, touched: frozenset[int], records: dict[int, Any]
    ) -> tuple[list[CodingSpan], list[int]] | None:
        """(new or changed spans, removed ids) of ``touched``; None when a full read is needed."""
        changed: list[CodingSpan] = []
        removed: list[int] = []
        for coding_id in touched:
            coding = records.get(coding_id)
            if coding is None:
                try:
                    coding = self.project.codings.get(coding_id)
                except QualCodeError:
                    if self._by_id.pop(coding_id, None) is not None:
                        removed.append(coding_id)
                    continue
            code = self._codes.get(coding.code_id)
            if coding.source_id != self.source_id or code is None:
                if self._by_id.pop(coding_id, None) is not None:
                    removed.append(coding_id)
                continue
            coder = self._coders.get(coding.coder_id)
            if coder is None:
                return None
            span = CodingSpan(
                coding.id, coding.start, coding.end, code.id, code.name, code.color, coder
            )
            if self._by_id.get(coding_id) != span:
                self._by_id[coding_id] = span
                changed.append(span)
        return changed, removed

    def on_changes(self, changes: Any) -> None:
        """Redraw what ``changes`` touched."""
        if self.project is None or self.source_id is None:
            return
        if self.source_id in changes.source_ids:
            try:
                self.show_source(self.source_id)
            except Exception:  # the source was deleted
                self.set_project(self.project)
            return
        if changes.codes or changes.coders:
            self._codes = {c.id: c for c in self.project.codes.all()}
            self.reload_codings()
        elif changes.codings:
            self.reload_codings(changes.coding_ids, self._carried(changes))
        if changes.case_links:
            self.show_source(self.source_id)
        elif changes.project:  # the check sample may have changed
            self._mark_check_sample(self.project.sources.text(self.source_id))
            self._update_header()

    def _carried(self, changes: Any) -> dict[int, Any]:
        """Codings a change set carries as its result (applying codes returns them).

        They are written by this project's coder, whose name is then known without a read.
        """
        if (
            changes.undo
            or changes.redo
            or changes.op not in ("coding.apply", "coding.apply_ranges")
        ):
            return {}
        result = changes.result
        records = result if isinstance(result, list) else [result]
        found = {}
        for coding in records:
            if getattr(coding, "coder_id", None) is None or coding.id not in changes.coding_ids:
                return {}
            found[coding.id] = coding
            self._coders.setdefault(coding.coder_id, self.project.coder)
        return found

    # -- reads for the window ------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The selected range of the shown source (code points), if any."""
        if self.source_id is None:
            return None
        return self.view.selection()

    def selected_text(self) -> str:
        """The selected characters of the stored text."""
        sel = self.selection()
        return self.view.text()[sel[0] : sel[1]] if sel else ""

    def cursor_offset(self) -> int:
        """The caret position in code points."""
        ed = self.view.editor
        return ed.offset_map.from_utf16(ed.textCursor().position())

    def span(self, coding_id: int) -> CodingSpan | None:
        """The shown coding ``coding_id`` as the document view draws it (None if not shown)."""
        return self._by_id.get(coding_id)

    def codings_at_cursor(self) -> list[int]:
        """Ids of the codings covering the caret (or the selection start)."""
        if self.source_id is None:
            return []
        sel = self.selection()
        return self.view.codings_at(sel[0] if sel else self.cursor_offset())

    # -- internals ---------------------------------------------------------------------------
    def _spans(self) -> list[CodingSpan]:
        assert self.source_id is not None
        from qualcode.coding.retrieval import coded_segments

        spans = []
        coder_of = {c.id: c.coder_id for c in self.project.codings.in_source(self.source_id)}
        for seg in coded_segments(self.project, sources=[self.source_id]):
            if seg.id in coder_of:
                self._coders[coder_of[seg.id]] = seg.coder
            code = self._codes.get(seg.code_id)
            if code is None:
                continue
            spans.append(
                CodingSpan(
                    seg.id, seg.start, seg.end, seg.code_id, code.name, code.color, seg.coder
                )
            )
        return spans

    def _turns(self) -> list[TurnSpan]:
        assert self.source_id is not None
        turns = []
        for link in self.project.cases.links(source_id=self.source_id):
            if link.start is None or link.end is None or not link.speaker:
                continue
            interviewer = classify_speaker(link.speaker) == "interviewer"
            turns.append(TurnSpan(link.start, link.end, link.speaker, interviewer))
        return turns

    def _on_selection(self, start: int, end: int) -> None:
        self.selection_changed.emit(start, end)
        self.cursor_moved.emit(start)

    def _update_header(self) -> None:
        src = self._source
        if src is None:
            self.header.setText(self.tr("Choose a source in the navigation pane."))
            return
        parts = [src.name, _kind_label(src.kind)]
        if src.date_collected is not None:
            parts.append(QLocale().toString(src.date_collected, QLocale.FormatType.LongFormat))
        if self.sample_units:
            parts.append(
                self.tr("check sample: {n} units (tinted margin)").format(n=self.sample_units)
            )
        self.header.setText("  ·  ".join(parts))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_header()
        super().changeEvent(event)


def _kind_label(kind: str) -> str:
    from qualcode.ui.shell.navigation import kind_label

    return kind_label(kind)
