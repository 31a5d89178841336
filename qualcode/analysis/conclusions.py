"""Conclusions (claims) with their supporting and contradicting evidence (all undoable).

A conclusion is drawn from displays and rests on excerpts: codings linked as
supporting or contradicting (negative evidence), each with the researcher's
note. Memos about a conclusion are linked through ``conclusion_memo`` (the
memo table has no conclusion column). :mod:`qualcode.analysis.verification`
checks how well a conclusion is backed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis import tables as at
from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

STATUSES = ("tentative", "verified", "rejected")
STANCES = ("supporting", "contradicting")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One coding linked to a conclusion."""

    coding_id: int
    stance: str
    note: str


@dataclass(frozen=True, slots=True)
class DisplayLink:
    """A saved display (or one cell of it) a conclusion came from."""

    id: int
    display_id: int
    row_key: str | None
    col_key: str | None


@dataclass(frozen=True, slots=True)
class ConclusionRecord:
    """A claim, its status and everything linked to it."""

    id: int
    text: str
    status: str
    author: str
    created_at: datetime
    modified_at: datetime
    evidence: tuple[Evidence, ...]
    displays: tuple[DisplayLink, ...]
    memo_ids: tuple[int, ...]

    @property
    def supporting(self) -> list[int]:
        """Coding ids of supporting evidence."""
        return [e.coding_id for e in self.evidence if e.stance == "supporting"]

    @property
    def contradicting(self) -> list[int]:
        """Coding ids of contradicting (negative) evidence."""
        return [e.coding_id for e in self.evidence if e.stance == "contradicting"]


def _load(conn: Connection, conclusion_id: int) -> ConclusionRecord:
    row = conn.execute(select(at.conclusion).where(at.conclusion.c.id == conclusion_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no conclusion with id {id}."), id=conclusion_id
        )
    m = row._mapping
    ev = at.conclusion_evidence.c
    evidence = tuple(
        Evidence(r[0], r[1], r[2])
        for r in conn.execute(
            select(ev.coding_id, ev.stance, ev.note)
            .where(ev.conclusion_id == conclusion_id)
            .order_by(ev.id)
        )
    )
    cd = at.conclusion_display.c
    displays = tuple(
        DisplayLink(*r)
        for r in conn.execute(
            select(cd.id, cd.display_id, cd.row_key, cd.col_key)
            .where(cd.conclusion_id == conclusion_id)
            .order_by(cd.id)
        )
    )
    cm = at.conclusion_memo.c
    memos = tuple(
        r[0]
        for r in conn.execute(
            select(cm.memo_id).where(cm.conclusion_id == conclusion_id).order_by(cm.id)
        )
    )
    return ConclusionRecord(
        m["id"], m["text"], m["status"], m["author"], m["created_at"], m["modified_at"],
        evidence, displays, memos,
    )  # fmt: skip


def _status(status: str) -> str:
    if status not in STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A conclusion is {allowed}, not '{value}'."),
            allowed=", ".join(STATUSES),
            value=status,
        )
    return status


def _text(text: str) -> str:
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A conclusion needs a text."))
    return text.strip()


def _require_codings(conn: Connection, ids: Sequence[int]) -> None:
    found = {r[0] for r in conn.execute(select(t.coding.c.id).where(t.coding.c.id.in_(list(ids))))}
    for i in ids:
        if i not in found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no coding with id {id}."), id=i
            )


def _link_evidence(op: Any, conclusion_id: int, ids: Sequence[int], stance: str, note: str) -> None:
    if stance not in STANCES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Evidence is {allowed}, not '{value}'."),
            allowed=", ".join(STANCES),
            value=stance,
        )
    ids = list(dict.fromkeys(int(i) for i in ids))
    _require_codings(op.conn, ids)
    ev = at.conclusion_evidence.c
    existing = dict(
        op.conn.execute(
            select(ev.coding_id, ev.id).where(
                ev.conclusion_id == conclusion_id, ev.coding_id.in_(ids)
            )
        ).all()
    )
    for i in ids:
        if i in existing:
            op.update(at.conclusion_evidence, existing[i], {"stance": stance, "note": note})
    new = [
        {"conclusion_id": conclusion_id, "coding_id": i, "stance": stance, "note": note}
        for i in ids
        if i not in existing
    ]
    op.insert_many(at.conclusion_evidence, new)


def _touch(op: Any, conclusion_id: int) -> None:
    op.update(at.conclusion, conclusion_id, {"modified_at": utcnow()})


def _link_display(
    op: Any, conclusion_id: int, display_id: int, row_key: str | None, col_key: str | None
) -> None:
    from qualcode.analysis.saved import require

    require(op.conn, display_id)
    cd = at.conclusion_display.c
    same = (
        (cd.conclusion_id == conclusion_id)
        & (cd.display_id == display_id)
        & (cd.row_key.is_(None) if row_key is None else cd.row_key == row_key)
        & (cd.col_key.is_(None) if col_key is None else cd.col_key == col_key)
    )
    if op.conn.execute(select(cd.id).where(same)).first() is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The conclusion is already linked to that part.")
        )
    op.insert(
        at.conclusion_display,
        {"conclusion_id": conclusion_id, "display_id": display_id,
         "row_key": row_key, "col_key": col_key},
    )  # fmt: skip


class ConclusionManager:
    """Conclusions and their links as ``project.conclusions``; each change is one undo step."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def get(self, conclusion_id: int) -> ConclusionRecord:
        """One conclusion with its links."""
        with self._p.reading() as conn:
            return _load(conn, conclusion_id)

    def all(self, status: str | None = None) -> list[ConclusionRecord]:
        """Every conclusion (optionally of one status), oldest first."""
        q = select(at.conclusion.c.id).order_by(at.conclusion.c.id)
        if status is not None:
            q = q.where(at.conclusion.c.status == _status(status))
        with self._p.reading() as conn:
            return [_load(conn, r[0]) for r in conn.execute(q).all()]

    def create(
        self,
        text: str,
        *,
        status: str = "tentative",
        supporting: Sequence[int] = (),
        contradicting: Sequence[int] = (),
        display_id: int | None = None,
        row_key: str | None = None,
        col_key: str | None = None,
    ) -> ChangeSet[ConclusionRecord]:
        """Write a new conclusion, optionally with its evidence and the display (or the row,
        column or cell of it) it came from."""
        with self._p.operation(
            "conclusion.create", QT_TRANSLATE_NOOP("operations", "New conclusion")
        ) as op:
            new_id = op.insert(
                at.conclusion, {"text": _text(text), "status": _status(status), "author": op.coder}
            )
            if supporting:
                _link_evidence(op, new_id, supporting, "supporting", "")
            if contradicting:
                _link_evidence(op, new_id, contradicting, "contradicting", "")
            if display_id is not None:
                _link_display(op, new_id, display_id, row_key, col_key)
            op.note(conclusion=new_id, status=status)
            op.result = _load(op.conn, new_id)
        return op.changeset

    def edit(
        self, conclusion_id: int, *, text: str | None = None, status: str | None = None
    ) -> ChangeSet[ConclusionRecord]:
        """Change a conclusion's text and/or status."""
        with self._p.operation(
            "conclusion.edit", QT_TRANSLATE_NOOP("operations", "Edit conclusion")
        ) as op:
            before = _load(op.conn, conclusion_id)
            values: dict[str, Any] = {"modified_at": utcnow()}
            if text is not None:
                values["text"] = _text(text)
            if status is not None:
                values["status"] = _status(status)
            op.update(at.conclusion, conclusion_id, values)
            op.note(conclusion=conclusion_id, before=before.status, after=values.get("status"))
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def link_evidence(
        self,
        conclusion_id: int,
        coding_ids: Sequence[int],
        stance: str = "supporting",
        note: str = "",
    ) -> ChangeSet[ConclusionRecord]:
        """Link codings as supporting or contradicting evidence (re-linking changes the stance)."""
        with self._p.operation(
            "conclusion.link", QT_TRANSLATE_NOOP("operations", "Link evidence")
        ) as op:
            _load(op.conn, conclusion_id)
            _link_evidence(op, conclusion_id, coding_ids, stance, note)
            _touch(op, conclusion_id)
            op.note(conclusion=conclusion_id, stance=stance, codings=list(coding_ids))
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def unlink_evidence(
        self, conclusion_id: int, coding_ids: Sequence[int]
    ) -> ChangeSet[ConclusionRecord]:
        """Remove codings from a conclusion's evidence."""
        ev = at.conclusion_evidence.c
        with self._p.operation(
            "conclusion.unlink", QT_TRANSLATE_NOOP("operations", "Unlink evidence")
        ) as op:
            _load(op.conn, conclusion_id)
            gone = op.delete_where(
                at.conclusion_evidence,
                (ev.conclusion_id == conclusion_id) & ev.coding_id.in_(list(coding_ids)),
            )
            if not gone:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "Those codings are not evidence of this conclusion."
                    )
                )
            _touch(op, conclusion_id)
            op.note(conclusion=conclusion_id, codings=list(coding_ids))
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def note_evidence(
        self, conclusion_id: int, coding_id: int, note: str
    ) -> ChangeSet[ConclusionRecord]:
        """The researcher's note on one piece of evidence (how contrary data were addressed)."""
        ev = at.conclusion_evidence.c
        with self._p.operation(
            "conclusion.note", QT_TRANSLATE_NOOP("operations", "Note on evidence")
        ) as op:
            pairs = op.update_where(
                at.conclusion_evidence,
                (ev.conclusion_id == conclusion_id) & (ev.coding_id == coding_id),
                {"note": note},
            )
            if not pairs:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "Coding {id} is not evidence of this conclusion."),
                    id=coding_id,
                )
            op.note(conclusion=conclusion_id, coding=coding_id)
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def link_display(
        self,
        conclusion_id: int,
        display_id: int,
        row_key: str | None = None,
        col_key: str | None = None,
    ) -> ChangeSet[ConclusionRecord]:
        """Record that a conclusion came from a saved display, one of its rows (``row_key``
        only), columns (``col_key`` only) or cells (both); the same link twice is an error."""
        with self._p.operation(
            "conclusion.display", QT_TRANSLATE_NOOP("operations", "Link display")
        ) as op:
            _load(op.conn, conclusion_id)
            _link_display(op, conclusion_id, display_id, row_key, col_key)
            op.note(conclusion=conclusion_id, display=display_id)
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def unlink_display(self, conclusion_id: int, link_id: int) -> ChangeSet[ConclusionRecord]:
        """Remove one display link (the display, row, column or cell) from a conclusion."""
        cd = at.conclusion_display.c
        with self._p.operation(
            "conclusion.undisplay", QT_TRANSLATE_NOOP("operations", "Unlink display")
        ) as op:
            gone = op.delete_where(
                at.conclusion_display, (cd.conclusion_id == conclusion_id) & (cd.id == link_id)
            )
            if not gone:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "That display is not linked to this conclusion.")
                )
            op.note(conclusion=conclusion_id, link=link_id)
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def link_memo(self, conclusion_id: int, memo_id: int) -> ChangeSet[ConclusionRecord]:
        """Attach an existing memo to a conclusion."""
        with self._p.operation(
            "conclusion.memo", QT_TRANSLATE_NOOP("operations", "Link memo")
        ) as op:
            _load(op.conn, conclusion_id)
            if op.conn.execute(select(t.memo.c.id).where(t.memo.c.id == memo_id)).first() is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no memo with id {id}."), id=memo_id
                )
            cm = at.conclusion_memo.c
            if op.conn.execute(
                select(cm.id).where(cm.conclusion_id == conclusion_id, cm.memo_id == memo_id)
            ).first():
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "That memo is already linked."))
            op.insert(at.conclusion_memo, {"conclusion_id": conclusion_id, "memo_id": memo_id})
            op.note(conclusion=conclusion_id, memo=memo_id)
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def unlink_memo(self, conclusion_id: int, memo_id: int) -> ChangeSet[ConclusionRecord]:
        """Detach a memo from a conclusion (the memo itself stays)."""
        cm = at.conclusion_memo.c
        with self._p.operation(
            "conclusion.unmemo", QT_TRANSLATE_NOOP("operations", "Unlink memo")
        ) as op:
            gone = op.delete_where(
                at.conclusion_memo, (cm.conclusion_id == conclusion_id) & (cm.memo_id == memo_id)
            )
            if not gone:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "Memo {id} is not linked to this conclusion."),
                    id=memo_id,
                )
            op.note(conclusion=conclusion_id, memo=memo_id)
            op.result = _load(op.conn, conclusion_id)
        return op.changeset

    def delete(self, conclusion_id: int) -> ChangeSet[None]:
        """Delete a conclusion, its links, its member check and the review comments on it."""
        with self._p.operation(
            "conclusion.delete", QT_TRANSLATE_NOOP("operations", "Delete conclusion")
        ) as op:
            _load(op.conn, conclusion_id)
            for table in (at.conclusion_evidence, at.conclusion_display, at.conclusion_memo):
                op.delete_where(table, table.c.conclusion_id == conclusion_id)
            rc = at.review_comment.c
            op.delete_where(
                at.review_comment, (rc.target == "conclusion") & (rc.target_id == conclusion_id)
            )
            mc = at.member_check.c
            op.delete_where(
                at.member_check, (mc.target == "conclusion") & (mc.target_id == conclusion_id)
            )
            op.delete_where(at.conclusion, at.conclusion.c.id == conclusion_id)
            op.note(conclusion=conclusion_id)
        return op.changeset
