"""Memos on saved displays and on their cells: linking, reading, and unlinking on delete.

A memo on a display or a cell is a link row (:mod:`qualcode.store.models.memo_links`)
beside the memo. A cell is named by its row and column, each by key or label (as
``qualcode cell`` names them; the display resolves them, see
:meth:`qualcode.analysis.saved.DisplayManager.cell_labels`), and the link keeps the
keys (so it survives re-running the display on new data) and the labels (so a reader sees "I3 ×
Transmisi"). Deleting the display keeps its memos, unlinked: the link row loses
its display id and keeps the display's name, so the memo still says what it was
written on, and undoing the deletion links it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select

from qualcode.errors import NotFoundError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store.models import DisplayMemo, SavedDisplay

DISPLAY_MEMO: Table = DisplayMemo.__table__  # type: ignore[assignment]
SAVED_DISPLAY: Table = SavedDisplay.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class DisplayLink:
    """Where a memo on a display points: the display (None once deleted) and maybe a cell."""

    memo_id: int
    display_id: int | None
    display_name: str
    row_key: str | None
    col_key: str | None
    row_label: str
    col_label: str

    @property
    def is_cell(self) -> bool:
        """True for a memo on one cell rather than on the whole display."""
        return self.row_key is not None and self.col_key is not None

    @property
    def name(self) -> str:
        """``Matriks A`` or ``Matriks A — I3 × Transmisi``, as a reader names it."""
        if not self.is_cell:
            return self.display_name
        return f"{self.display_name} — {self.row_label} × {self.col_label}"


def link(
    op: Any, memo_id: int, display_id: int, cell: tuple[str, str, str, str] | None = None
) -> None:
    """Link a memo to a saved display or (with ``cell`` keys and labels) one of its cells,
    replacing the display link it had."""
    sd = SAVED_DISPLAY.c
    row = op.conn.execute(select(sd.name).where(sd.id == display_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no saved display with id {id}."), id=display_id
        )
    rk, ck, rl, cl = cell if cell is not None else (None, None, "", "")
    values = {
        "memo_id": memo_id, "display_id": display_id, "row_key": rk, "col_key": ck,
        "display_name": row[0], "row_label": rl, "col_label": cl,
    }  # fmt: skip
    dm = DISPLAY_MEMO.c
    existing = op.conn.execute(select(dm.id).where(dm.memo_id == memo_id)).first()
    if existing is None:
        op.insert(DISPLAY_MEMO, values)
    else:  # moved to another display or cell (or linked again after its display was deleted)
        op.update(DISPLAY_MEMO, int(existing[0]), values)


def links(conn: Connection, memo_ids: list[int] | None = None) -> dict[int, DisplayLink]:
    """The display links of these memos (all when None), by memo id, with live display names."""
    dm, sd = DISPLAY_MEMO.c, SAVED_DISPLAY.c
    q = select(DISPLAY_MEMO, sd.name).outerjoin(SAVED_DISPLAY, sd.id == dm.display_id)
    if memo_ids is not None:
        q = q.where(dm.memo_id.in_(memo_ids))
    out: dict[int, DisplayLink] = {}
    for r in conn.execute(q):
        m = r._mapping
        out[int(m["memo_id"])] = DisplayLink(
            int(m["memo_id"]),
            None if m["display_id"] is None else int(m["display_id"]),
            str(m["name"] if m["name"] is not None else m["display_name"]),
            m["row_key"],
            m["col_key"],
            str(m["row_label"]),
            str(m["col_label"]),
        )
    return out


def on_display(conn: Connection, display_id: int) -> list[DisplayLink]:
    """Links of the memos on one saved display and its cells."""
    ids = [
        int(r[0])
        for r in conn.execute(
            select(DISPLAY_MEMO.c.memo_id).where(DISPLAY_MEMO.c.display_id == display_id)
        )
    ]
    return list(links(conn, ids).values()) if ids else []


def unlink_display(op: Any, display_id: int, name: str) -> None:
    """Before a display is deleted: its memos stay, unlinked, still naming the display."""
    op.update_where(
        DISPLAY_MEMO,
        DISPLAY_MEMO.c.display_id == display_id,
        {"display_id": None, "display_name": name},
    )


def drop(op: Any, memo_id: int) -> None:
    """Remove a deleted memo's display link."""
    op.delete_where(DISPLAY_MEMO, DISPLAY_MEMO.c.memo_id == memo_id)
