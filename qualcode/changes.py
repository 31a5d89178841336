"""What an operation changed, reported to listeners and returned to callers.

Views subscribe to the project and redraw only what a change set touches (the
Anki ``OpChanges`` idea). The set is derived from the rows the operation wrote,
so it cannot forget anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ChangeSet[T]:
    """The outcome of one operation.

    ``touched`` maps a table name to the ids of its rows the operation inserted,
    updated or deleted; ``result`` is what the operation returns (e.g. the new
    code); ``undo``/``redo`` say whether this change set came from undo or redo.
    """

    op: str
    label: str
    touched: Mapping[str, frozenset[int]] = field(default_factory=dict)
    result: T | None = None
    undo: bool = False
    redo: bool = False

    def touches(self, *tables: str) -> bool:
        """True if any of ``tables`` changed."""
        return any(t in self.touched for t in tables)

    def ids(self, table: str) -> frozenset[int]:
        """Ids of the rows of ``table`` that changed."""
        return self.touched.get(table, frozenset())

    @property
    def codes(self) -> bool:
        """The code tree changed."""
        return self.touches("code")

    @property
    def codings(self) -> bool:
        """Codings changed."""
        return self.touches("coding")

    @property
    def sources(self) -> bool:
        """Sources or their content changed."""
        return self.touches("source", "source_content")

    @property
    def cases(self) -> bool:
        """Cases, their links or attribute values changed."""
        return self.touches("cases", "case_link", "attribute", "attribute_value")

    @property
    def memos(self) -> bool:
        """Memos changed."""
        return self.touches("memo")
