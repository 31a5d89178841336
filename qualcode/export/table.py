"""A neutral table model for displays (matrices, framework tables, checklists).

Writers for Excel, Word, CSV and HTML read only this model, so any display —
from the analysis engine (see :mod:`qualcode.export.display_adapter`) or built
by hand — exports the same way. A cell holds a count, excerpts with their
citations, a researcher's summary and/or a rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Quote:
    """An excerpt in a cell and how it is cited."""

    text: str
    citation: str = ""

    def as_text(self) -> str:
        """``“text” (citation)``."""
        quoted = f"“{self.text.strip()}”"
        return f"{quoted} ({self.citation})" if self.citation else quoted


@dataclass(frozen=True, slots=True)
class TableNote:
    """A memo printed under a table: on the whole display (no mark) or on a cell ("M1")."""

    mark: str
    about: str
    text: str

    def as_text(self) -> str:
        """``[M1] I3 × Transmisi: text``, or just the text of a memo on the whole display."""
        head = " ".join(x for x in (f"[{self.mark}]" if self.mark else "", self.about) if x)
        return f"{head}: {self.text}" if head else self.text


@dataclass(frozen=True, slots=True)
class CellContent:
    """What one cell shows; any part may be absent."""

    count: int | None = None
    excerpts: tuple[Quote, ...] = ()
    summary: str | None = None
    rating: str | None = None
    memo_marks: tuple[str, ...] = ()
    """Marks ("M1") of the memos on this cell, printed in full under the table."""
    tag: str | None = None  # e.g. a cell typed apart from its row: "[efek samping]"
    share: str | None = None  # coverage: the percent of the text, formatted ("12,5%")

    @property
    def count_text(self) -> str:
        """The count as shown: ``3``, or ``3 (12,5%)`` with a coverage share."""
        if self.share is not None and self.count:
            return f"{self.count} ({self.share})"
        return "" if self.count is None else str(self.count)

    @property
    def has_text(self) -> bool:
        """True when the cell shows words rather than only a number."""
        return bool(self.excerpts or self.summary or self.rating or self.tag)

    def as_text(self, cap: int | None = None, more: str = "more") -> Any:
        """The cell as one value: the count alone, or rating, summary and quotes as text.

        ``cap`` limits the length; the text then ends with "(+N more)" quotes left out.
        """
        if not self.has_text:
            return self.count_text if self.share is not None and self.count else self.count
        parts = [p for p in (self.tag, self.rating, self.summary) if p]
        shown = 0
        for q in self.excerpts:
            candidate = q.as_text()
            used = sum(len(p) + 2 for p in parts)
            if cap is not None and shown and used + len(candidate) > cap:
                break
            parts.append(candidate)
            shown += 1
        text = "\n\n".join(parts)
        if cap is not None and len(text) > cap:
            text = text[: max(cap - 1, 0)].rstrip() + "…"
        if shown < len(self.excerpts):
            text += f"\n(+{len(self.excerpts) - shown} {more})"
        return text


@dataclass(frozen=True)
class Table:
    """A display: a title, row and column labels, rows × columns of cells, and how it was made.

    ``about`` records the spec, filters, date and coders (shown on an "About"
    sheet or under the table); ``corner`` labels the row-header column.
    """

    title: str
    row_labels: list[str]
    column_labels: list[str]
    cells: list[list[CellContent]]
    about: dict[str, Any] = field(default_factory=dict)
    corner: str = ""
    notes: tuple[TableNote, ...] = ()
    """Memos on the display and its cells, printed under the table."""
    rules: tuple[str, ...] = ()
    """The display's decision rules printed under the table: a heading line, then one per rule."""

    def __post_init__(self) -> None:
        rows, cols = len(self.row_labels), len(self.column_labels)
        if len(self.cells) != rows or any(len(r) != cols for r in self.cells):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Table '{title}' needs {rows} rows of {cols} cells."),
                title=self.title,
                rows=rows,
                cols=cols,
            )

    @property
    def has_text(self) -> bool:
        """True when any cell shows words (summaries, quotes, ratings)."""
        return any(c.has_text for row in self.cells for c in row)

    def value(self, r: int, c: int, cap: int | None = None, more: str = "more") -> Any:
        """What a writer puts in cell (r, c): its text, else its count.

        In a table of words a zero count is left blank: it means "nothing said", and
        a column of quotes sprinkled with zeros reads badly.
        """
        content = self.cells[r][c]
        if content.has_text or not self.has_text:
            return content.as_text(cap, more)
        return content.count if content.count else ""

    def transposed(self) -> Table:
        """Rows become columns: e.g. codes × informants into informants × codes."""
        cells = [[self.cells[r][c] for r in range(len(self.row_labels))]
                 for c in range(len(self.column_labels))]  # fmt: skip
        return Table(self.title, list(self.column_labels), list(self.row_labels), cells,
                     dict(self.about), self.corner, self.notes, self.rules)  # fmt: skip

    def reordered(self, rows: list[int] | None = None, columns: list[int] | None = None) -> Table:
        """The same table with rows and/or columns in another order (lists of indices)."""
        rows = rows if rows is not None else list(range(len(self.row_labels)))
        columns = columns if columns is not None else list(range(len(self.column_labels)))
        cells = [[self.cells[r][c] for c in columns] for r in rows]
        return Table(self.title, [self.row_labels[r] for r in rows],
                     [self.column_labels[c] for c in columns], cells, dict(self.about),
                     self.corner, self.notes, self.rules)  # fmt: skip

    def without_empty(self) -> Table:
        """The table without rows and columns that hold nothing at all (no count, no text).

        A column for the interviewer or a parent code with no codings of its own says
        nothing in a thesis table; a table whose every cell is empty is kept whole.
        """

        def empty(cell: CellContent) -> bool:
            return not cell.count and not cell.has_text and not cell.memo_marks

        rows = [r for r, row in enumerate(self.cells) if not all(empty(c) for c in row)]
        width = range(len(self.column_labels))
        columns = [c for c in width if not all(empty(row[c]) for row in self.cells)]
        if not rows or not columns:
            return self
        if len(rows) == len(self.row_labels) and len(columns) == len(self.column_labels):
            return self
        return self.reordered(rows, columns)

    @classmethod
    def from_counts(
        cls,
        title: str,
        row_labels: Sequence[str],
        column_labels: Sequence[str],
        counts: Sequence[Sequence[int]],
        about: dict[str, Any] | None = None,
        corner: str = "",
    ) -> Table:
        """A count matrix."""
        cells = [[CellContent(count=int(v)) for v in row] for row in counts]
        return cls(title, list(row_labels), list(column_labels), cells, dict(about or {}), corner)
