"""Memos on saved displays and on their cells: linking, reading, and unlinking on delete.

A memo on a display or a cell is a link row (:mod:`qualcode.store.models.memo_links`)
beside the memo. A cell is named by its row and column, each by key or label (as
``qualcode cell`` names them), and the link keeps the keys (so it survives
re-running the display on new data) and the labels (so a reader sees "I3 ×
Transmisi"). Deleting the display keeps its memos, unlinked: the link row loses
its display id and keeps the display's name, so the memo still says what it was
written on, and undoing the deletion links it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis import tables as at

if TYPE_CHECKING:
    from qualcode.project import Project


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


def resolve_cell(
    project: Project, display_id: int, row: str, col: str
) -> tuple[str, str, str, str]:
    """(row key, column key, row label, column label) of a cell named by key or label."""
    from qualcode.analysis.cells import cell_keys

    display = project.displays.run(display_id)
    rk, ck = cell_keys(display, row, col)
    r, c = display.find(rk, ck)
    return rk, ck, display.rows[r].label, display.columns[c].label


def link(
    op: Any, memo_id: int, display_id: int, cell: tuple[str, str, str, str] | None = None
) -> None:
    """Link a new memo to a saved display or (with ``cell`` keys and labels) one of its cells."""
    from qualcode.analysis.saved import require

    row = require(op.conn, display_id)
    rk, ck, rl, cl = cell if cell is not None else (None, None, "", "")
    op.insert(
        at.display_memo,
        {
            "memo_id": memo_id, "display_id": display_id, "row_key": rk, "col_key": ck,
            "display_name": row._mapping["name"], "row_label": rl, "col_label": cl,
        },
    )  # fmt: skip


def links(conn: Connection, memo_ids: list[int] | None = None) -> dict[int, DisplayLink]:
    """The display links of these memos (all when None), by memo id, with live display names."""
    dm, sd = at.display_memo.c, at.saved_display.c
    q = select(at.display_memo, sd.name).outerjoin(at.saved_display, sd.id == dm.display_id)
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
            select(at.display_memo.c.memo_id).where(at.display_memo.c.display_id == display_id)
        )
    ]
    return list(links(conn, ids).values()) if ids else []


def unlink_display(op: Any, display_id: int, name: str) -> None:
    """Before a display is deleted: its memos stay, unlinked, still naming the display."""
    op.update_where(
        at.display_memo,
        at.display_memo.c.display_id == display_id,
        {"display_id": None, "display_name": name},
    )


def drop(op: Any, memo_id: int) -> None:
    """Remove a deleted memo's display link."""
    op.delete_where(at.display_memo, at.display_memo.c.memo_id == memo_id)
