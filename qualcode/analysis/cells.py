"""Condensed cells of saved displays: summaries with their chosen evidence, and rating overrides.

Summaries and overrides live in their own tables keyed by (saved display, row
key, column key), so they survive re-running the display on new data.
"Auto-fill" drafts a cell from its excerpts (see
:mod:`qualcode.analysis.summarise`) and marks the draft until the researcher
accepts it; it never overwrites a summary the researcher has written. A
checklist cell's rating follows :mod:`qualcode.analysis.ratings` unless the
researcher overrides it, with a reason.
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
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t
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
    missing: tuple[int, ...] = ()
    """Chosen evidence codings that no longer exist (deleted since): flagged, never cited."""


@dataclass(frozen=True, slots=True)
class CellRatingRecord:
    """The researcher's own rating of one cell, overriding the rule's."""

    id: int
    display_id: int
    row_key: str
    col_key: str
    rating: str
    reason: str
    author: str
    modified_at: datetime


def _rating_record(row: Any) -> CellRatingRecord:
    m = row._mapping
    return CellRatingRecord(
        m["id"], m["display_id"], m["row_key"], m["col_key"], m["rating"], m["reason"],
        m["author"], m["modified_at"],
    )  # fmt: skip


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


def _with_missing(conn: Connection, records: list[CellSummaryRecord]) -> list[CellSummaryRecord]:
    """The records with their links to deleted codings flagged."""
    from dataclasses import replace

    wanted = sorted({i for r in records for i in r.coding_ids})
    if not wanted:
        return records
    found = {r[0] for r in conn.execute(select(t.coding.c.id).where(t.coding.c.id.in_(wanted)))}
    return [replace(r, missing=tuple(i for i in r.coding_ids if i not in found)) for r in records]


def cell_keys(display: Display, row: str, col: str) -> tuple[str, str]:
    """The (row key, column key) of a cell named by key or by label (case-insensitive)."""

    def find(headers: list[Any], name: str) -> str | None:
        for h in headers:
            if h.key == name:
                return str(h.key)
        folded = name.strip().casefold()
        for h in headers:
            if h.label.casefold() == folded:
                return str(h.key)
        return None

    r, c = find(display.rows, str(row)), find(display.columns, str(col))
    if r is None or c is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "The display has no cell '{row}' × '{column}'."),
            row=row,
            column=col,
        )
    return r, c


def _require_codings(conn: Connection, ids: Sequence[int]) -> None:
    found = {r[0] for r in conn.execute(select(t.coding.c.id).where(t.coding.c.id.in_(list(ids))))}
    for i in ids:
        if i not in found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no coding with id {id}."), id=i
            )


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


def _cell_excerpts(project: Project, display: Display) -> dict[tuple[int, int], list[Any]]:
    if display.excerpts:
        return display.excerpts
    from qualcode.analysis.engine import build_display

    return build_display(project, display.spec.with_(cell="excerpts")).excerpts


class CellManager:
    """Summaries and rating overrides of saved displays' cells as ``project.cells``.

    Each change is one undo step.
    """

    def __init__(self, project: Project) -> None:
        self._p = project

    def summaries(self, display_id: int) -> dict[tuple[str, str], CellSummaryRecord]:
        """Every summary of a saved display by (row key, column key)."""
        cs = at.cell_summary.c
        with self._p.reading() as conn:
            rows = conn.execute(select(at.cell_summary).where(cs.display_id == display_id)).all()
            records = _with_missing(conn, [_record(r) for r in rows])
        return {(r.row_key, r.col_key): r for r in records}

    def summary(self, display_id: int, row_key: str, col_key: str) -> CellSummaryRecord | None:
        """One cell's summary (None when the cell has none)."""
        return self.summaries(display_id).get((str(row_key), str(col_key)))

    def set_summary(
        self,
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
        with self._p.operation(
            "display.summary", QT_TRANSLATE_NOOP("operations", "Edit cell summary")
        ) as op:
            require_display(op.conn, display_id)
            if coding_ids is None:
                found = _existing(op.conn, display_id, str(row_key), str(col_key))
                coding_ids = list(found._mapping["coding_ids"] or []) if found is not None else []
            else:
                coding_ids = list(dict.fromkeys(int(i) for i in coding_ids))
                _require_codings(op.conn, coding_ids)
            new_id = _write(op, display_id, str(row_key), str(col_key), text, coding_ids, False)
            op.note(display=display_id, row=str(row_key), column=str(col_key))
            op.result = _record(
                op.conn.execute(select(at.cell_summary).where(at.cell_summary.c.id == new_id)).one()
            )
        return op.changeset

    def clear_summary(self, display_id: int, row_key: str, col_key: str) -> ChangeSet[None]:
        """Remove a cell's summary."""
        cs = at.cell_summary.c
        with self._p.operation(
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
        self,
        display_id: int,
        *,
        cells: Sequence[tuple[str, str]] | None = None,
        max_sentences: int = 3,
        replace_drafts: bool = True,
    ) -> ChangeSet[int]:
        """Draft summaries of cells from their excerpts (one undo step); returns how many.

        Cells with a researcher-written (non-draft) summary are left alone; earlier
        drafts are redrafted unless ``replace_drafts`` is False. ``cells`` limits
        the work to some (row key, column key) cells.
        """
        from qualcode.analysis.summarise import draft_summary

        display = self._p.displays.run(display_id)
        existing = self.summaries(display_id)
        wanted = {(str(r), str(c)) for r, c in cells} if cells is not None else None
        with self._p.operation(
            "display.autofill", QT_TRANSLATE_NOOP("operations", "Draft cell summaries")
        ) as op:
            drafted = 0
            for (r, c), excerpts in _cell_excerpts(self._p, display).items():
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

    def accept(self, display_id: int, row_key: str, col_key: str) -> ChangeSet[CellSummaryRecord]:
        """Accept a drafted summary as the researcher's own (it is no longer marked a draft)."""
        with self._p.operation(
            "display.accept", QT_TRANSLATE_NOOP("operations", "Accept cell summary")
        ) as op:
            found = _existing(op.conn, display_id, str(row_key), str(col_key))
            if found is None or not found._mapping["draft"]:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "That cell has no draft summary to accept.")
                )
            op.update(
                at.cell_summary,
                found._mapping["id"],
                {"draft": False, "author": op.coder, "modified_at": utcnow()},
            )
            op.note(display=display_id, row=str(row_key), column=str(col_key))
            op.result = _record(_existing(op.conn, display_id, str(row_key), str(col_key)))
        return op.changeset

    def choose_evidence(
        self,
        display_id: int,
        row_key: str,
        col_key: str,
        *,
        add: Sequence[int] = (),
        remove: Sequence[int] = (),
    ) -> ChangeSet[CellSummaryRecord]:
        """Add or remove the codings a cell's summary rests on (its cited evidence).

        A cell without a summary gets an empty one holding the evidence, so the
        researcher can pick the excerpts before writing.
        """
        row_key, col_key = str(row_key), str(col_key)
        with self._p.operation(
            "display.evidence", QT_TRANSLATE_NOOP("operations", "Choose cell evidence")
        ) as op:
            require_display(op.conn, display_id)
            added = list(dict.fromkeys(int(i) for i in add))
            _require_codings(op.conn, added)
            found = _existing(op.conn, display_id, row_key, col_key)
            before = list(found._mapping["coding_ids"] or []) if found is not None else []
            gone = {int(i) for i in remove}
            unknown = sorted(gone - set(before))
            if unknown:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Coding {id} is not evidence of this cell."),
                    id=unknown[0],
                )
            ids = [i for i in before if i not in gone] + [i for i in added if i not in before]
            text = found._mapping["text"] if found is not None else ""
            draft = bool(found._mapping["draft"]) if found is not None else False
            _write(op, display_id, row_key, col_key, text, ids, draft)
            op.note(display=display_id, row=row_key, column=col_key, added=added,
                    removed=sorted(gone))  # fmt: skip
            op.result = _record(_existing(op.conn, display_id, row_key, col_key))
        return op.changeset

    # -- rating overrides ------------------------------------------------------------
    def ratings(self, display_id: int) -> dict[tuple[str, str], CellRatingRecord]:
        """The researcher's rating overrides of a saved display by (row key, column key)."""
        cr = at.cell_rating.c
        with self._p.reading() as conn:
            rows = conn.execute(select(at.cell_rating).where(cr.display_id == display_id)).all()
        return {(r._mapping["row_key"], r._mapping["col_key"]): _rating_record(r) for r in rows}

    def rate(
        self, display_id: int, row_key: str, col_key: str, rating: str, reason: str = ""
    ) -> ChangeSet[CellRatingRecord]:
        """Override the rule's rating of one cell (``reason`` says why); re-rating replaces it."""
        from qualcode.analysis.ratings import check_choice

        cr = at.cell_rating.c
        row_key, col_key = str(row_key), str(col_key)
        with self._p.operation(
            "display.rate", QT_TRANSLATE_NOOP("operations", "Override cell rating")
        ) as op:
            require_display(op.conn, display_id)
            values = {
                "rating": check_choice(rating), "reason": reason.strip(), "author": op.coder,
                "modified_at": utcnow(),
            }  # fmt: skip
            where = (cr.display_id == display_id) & (cr.row_key == row_key)
            found = op.conn.execute(select(cr.id).where(where & (cr.col_key == col_key))).scalar()
            if found is None:
                found = op.insert(
                    at.cell_rating,
                    {"display_id": display_id, "row_key": row_key, "col_key": col_key, **values},
                )
            else:
                op.update(at.cell_rating, found, values)
            op.note(display=display_id, row=row_key, column=col_key, rating=rating)
            op.result = _rating_record(
                op.conn.execute(select(at.cell_rating).where(cr.id == found)).one()
            )
        return op.changeset

    def clear_rating(self, display_id: int, row_key: str, col_key: str) -> ChangeSet[None]:
        """Drop the researcher's override: the cell is rated by the rule again."""
        cr = at.cell_rating.c
        with self._p.operation(
            "display.rate_clear", QT_TRANSLATE_NOOP("operations", "Clear rating override")
        ) as op:
            gone = op.delete_where(
                at.cell_rating,
                (cr.display_id == display_id)
                & (cr.row_key == str(row_key))
                & (cr.col_key == str(col_key)),
            )
            if not gone:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "That cell's rating is not overridden.")
                )
            op.note(display=display_id, row=str(row_key), column=str(col_key))
        return op.changeset
