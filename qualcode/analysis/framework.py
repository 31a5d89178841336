"""Framework-matrix cell summaries: researcher-written text linked to the excerpts it summarises.

Summaries live in their own table keyed by (saved display, row key, column
key), so they survive re-running the display on new data. "Auto-fill" drafts
a cell from its excerpts (see :mod:`qualcode.analysis.summarise`) and marks
the draft; it never overwrites a summary the researcher has written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis import tables as at
from qualcode.analysis.saved import require as require_display
from qualcode.changes import ChangeSet
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project


@dataclass(frozen=True, slots=True)
class CellSummaryRecord:
    """A summary of one cell of a saved display."""

    id: int
    display_id: int
    row_key: str
    col_key: str
    text: str
    coding_ids: tuple[int, ...]
    draft: bool
    author: str
    modified_at: datetime


def _record(row: Any) -> CellSummaryRecord:
    m = row._mapping
    return CellSummaryRecord(
        m["id"],
        m["display_id"],
        m["row_key"],
        m["col_key"],
        m["text"],
        tuple(m["coding_ids"] or ()),
        bool(m["draft"]),
        m["author"],
        m["modified_at"],
    )


def summaries_of(project: Project, display_id: int) -> dict[tuple[str, str], CellSummaryRecord]:
    """Every summary of a saved display by (row key, column key)."""
    cs = at.cell_summary.c
    with project.reading() as conn:
        rows = conn.execute(select(at.cell_summary).where(cs.display_id == display_id)).all()
    return {(r._mapping["row_key"], r._mapping["col_key"]): _record(r) for r in rows}


def _existing(conn: Connection, display_id: int, row_key: str, col_key: str) -> Any:
    cs = at.cell_summary.c
    return conn.execute(
        select(at.cell_summary).where(
            cs.display_id == display_id, cs.row_key == row_key, cs.col_key == col_key
        )
    ).first()


def _write(
    op: Any,
    display_id: int,
    row_key: str,
    col_key: str,
    text: str,
    coding_ids: Sequence[int],
    draft: bool,
) -> int:
    values = {
        "text": text,
        "coding_ids": [int(i) for i in coding_ids],
        "draft": draft,
        "author": op.coder,
        "modified_at": utcnow(),
    }
    found = _existing(op.conn, display_id, row_key, col_key)
    if found is None:
        return int(
            op.insert(
                at.cell_summary,
                {"display_id": display_id, "row_key": row_key, "col_key": col_key, **values},
            )
        )
    op.update(at.cell_summary, found._mapping["id"], values)
    return int(found._mapping["id"])


def set_summary(
    project: Project,
    display_id: int,
    row_key: str,
    col_key: str,
    text: str,
    coding_ids: Sequence[int] | None = None,
) -> ChangeSet[CellSummaryRecord]:
    """Write (or edit) the researcher's summary of a cell; it is no longer a draft.

    ``coding_ids`` are the excerpts the summary rests on; None keeps the links
    an earlier version (or the draft) had.
    """
    with project.operation(
        "display.summary", QT_TRANSLATE_NOOP("operations", "Edit cell summary")
    ) as op:
        require_display(op.conn, display_id)
        if coding_ids is None:
            found = _existing(op.conn, display_id, str(row_key), str(col_key))
            coding_ids = list(found._mapping["coding_ids"] or []) if found is not None else []
        new_id = _write(op, display_id, str(row_key), str(col_key), text, coding_ids, False)
        op.note(display=display_id, row=str(row_key), column=str(col_key))
        op.result = _record(
            op.conn.execute(select(at.cell_summary).where(at.cell_summary.c.id == new_id)).one()
        )
    return op.changeset


def clear_summary(project: Project, display_id: int, row_key: str, col_key: str) -> ChangeSet[None]:
    """Remove a cell's summary."""
    cs = at.cell_summary.c
    with project.operation(
        "display.summary_clear", QT_TRANSLATE_NOOP("operations", "Clear cell summary")
    ) as op:
        op.delete_where(
            at.cell_summary,
            (cs.display_id == display_id)
            & (cs.row_key == str(row_key))
            & (cs.col_key == str(col_key)),
        )
        op.note(display=display_id, row=str(row_key), column=str(col_key))
    return op.changeset


def autofill(
    project: Project,
    display_id: int,
    *,
    cells: Sequence[tuple[str, str]] | None = None,
    max_sentences: int = 3,
    replace_drafts: bool = True,
) -> ChangeSet[int]:
    """Draft summaries of cells from their excerpts (one undo step); returns how many were drafted.

    Cells with a researcher-written (non-draft) summary are left alone; earlier
    drafts are redrafted unless ``replace_drafts`` is False. ``cells`` limits
    the work to some (row key, column key) cells.
    """
    from qualcode.analysis.saved import run_saved
    from qualcode.analysis.summarise import draft_summary

    display = run_saved(project, display_id)
    existing = summaries_of(project, display_id)
    wanted = {(str(r), str(c)) for r, c in cells} if cells is not None else None
    with project.operation(
        "display.autofill", QT_TRANSLATE_NOOP("operations", "Draft cell summaries")
    ) as op:
        drafted = 0
        for (r, c), excerpts in _cell_excerpts(project, display).items():
            key = (display.rows[r].key, display.columns[c].key)
            if wanted is not None and key not in wanted:
                continue
            old = existing.get(key)
            if old is not None and (not old.draft or not replace_drafts):
                continue
            text, ids = draft_summary(excerpts, max_sentences)
            if not text:
                continue
            _write(op, display_id, key[0], key[1], text, ids, True)
            drafted += 1
        op.note(display=display_id, drafted=drafted)
        op.result = drafted
    return op.changeset


def _cell_excerpts(project: Project, display: Display) -> dict[tuple[int, int], list[Any]]:
    if display.excerpts:
        return display.excerpts
    from qualcode.analysis.engine import build_display

    return build_display(project, display.spec.with_(cell="excerpts")).excerpts
