"""Memos: analytic memos, reflexive journal entries and notes on any object."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CaseId, CodeId, CoderId, CodingId, MemoId, SourceId
from qualcode.records import MEMO_KINDS, Memo
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

TARGETS = {"source": t.source, "case": t.cases, "code": t.code, "coding": t.coding}


def memo_from_row(row: Any) -> Memo:
    """A :class:`Memo` record from a ``memo`` row."""
    m = row._mapping

    def opt(key: str, kind: Any) -> Any:
        return kind(m[key]) if m[key] is not None else None

    return Memo(
        id=MemoId(m["id"]),
        guid=m["guid"],
        kind=m["kind"],
        title=m["title"],
        text=m["text"],
        coder_id=opt("coder_id", CoderId),
        source_id=opt("source_id", SourceId),
        case_id=opt("case_id", CaseId),
        code_id=opt("code_id", CodeId),
        coding_id=opt("coding_id", CodingId),
        created_at=m["created_at"],
        modified_at=m["modified_at"],
        version=m["version"],
    )


class MemoManager:
    """Reads and operations on memos."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def get(self, memo_id: int) -> Memo:
        """The memo with ``memo_id``."""
        with self._p.reading() as conn:
            return memo_from_row(_require(conn, memo_id))

    def all(self, target: str | None = None, target_id: int | None = None) -> list[Memo]:
        """Memos, optionally only those on one kind of object or on one object."""
        q = select(t.memo).order_by(t.memo.c.created_at, t.memo.c.id)
        if target == "project":
            q = q.where(*(t.memo.c[f"{k}_id"].is_(None) for k in TARGETS))
        elif target is not None:
            col = t.memo.c[f"{_check_target(target)}_id"]
            q = q.where(col == target_id if target_id is not None else col.is_not(None))
        with self._p.reading() as conn:
            return [memo_from_row(r) for r in conn.execute(q).all()]

    def create(
        self,
        text: str,
        *,
        title: str = "",
        kind: str = "analytic",
        target: str = "project",
        target_id: int | None = None,
        guid: str | None = None,
    ) -> ChangeSet[Memo]:
        """Write a memo on the project or on a source, case, code or coding."""
        _check_kind(kind)
        with self._p.operation("memo.create", QT_TRANSLATE_NOOP("operations", "New memo")) as op:
            values: dict[str, Any] = {
                "kind": kind,
                "title": title.strip(),
                "text": text,
                "coder_id": op.coder_id,
            }
            if target != "project":
                _check_target(target)
                table = TARGETS[target]
                if (
                    target_id is None
                    or op.conn.execute(select(table.c.id).where(table.c.id == target_id)).first()
                    is None
                ):
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
                        target=target,
                        id=target_id,
                    )
                values[f"{target}_id"] = target_id
            if guid:
                values["guid"] = guid
            new_id = op.insert(t.memo, values)
            op.note(memo=title, target=target, target_id=target_id)
            op.result = memo_from_row(_require(op.conn, new_id))
        return op.changeset

    def update(
        self,
        memo_id: int,
        *,
        text: str | None = None,
        title: str | None = None,
        kind: str | None = None,
        expected_version: int | None = None,
    ) -> ChangeSet[Memo]:
        """Edit a memo; with ``expected_version`` a concurrent edit is refused, not lost."""
        with self._p.operation("memo.update", QT_TRANSLATE_NOOP("operations", "Edit memo")) as op:
            op.lock(t.memo, memo_id)  # a concurrent editor waits here, then sees our version
            before = memo_from_row(_require(op.conn, memo_id))
            if expected_version is not None and before.version != expected_version:
                from qualcode.errors import ConflictError

                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Someone else changed this memo while you edited it. Copy your text, "
                        "reload the memo and apply your change again.",
                    )
                )
            values: dict[str, Any] = {"modified_at": utcnow(), "version": before.version + 1}
            if text is not None:
                values["text"] = text
            if title is not None:
                values["title"] = title.strip()
            if kind is not None:
                values["kind"] = _check_kind(kind)
            op.update(t.memo, memo_id, values)
            op.note(memo=before.title, chars_before=len(before.text), chars_after=len(text or ""))
            op.result = memo_from_row(_require(op.conn, memo_id))
        return op.changeset

    def delete(self, memo_id: int) -> ChangeSet[None]:
        """Delete a memo."""
        with self._p.operation("memo.delete", QT_TRANSLATE_NOOP("operations", "Delete memo")) as op:
            before = memo_from_row(_require(op.conn, memo_id))
            op.delete(t.memo, memo_id)
            op.note(memo=before.title)
        return op.changeset


def _check_kind(kind: str) -> str:
    if kind not in MEMO_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Memo kind must be one of {allowed}, not '{kind}'."),
            allowed=", ".join(MEMO_KINDS),
            kind=kind,
        )
    return kind


def _check_target(target: str) -> str:
    if target not in TARGETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Memos can be written on {allowed}, not on '{target}'."),
            allowed="project, " + ", ".join(TARGETS),
            target=target,
        )
    return target


def _require(conn: Connection, memo_id: int) -> Any:
    row = conn.execute(select(t.memo).where(t.memo.c.id == memo_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no memo with id {id}."), id=memo_id
        )
    return row
