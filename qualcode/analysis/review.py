"""Supervisor review comments on display cells, conclusions, code definitions and codings.

A comment has an author, a target, a status (open / resolved) and a thread of
replies (comments whose ``parent_id`` is the thread's first comment). The
student lists open threads and resolves them; every change is undoable.
"""

from __future__ import annotations

from collections import Counter
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

TARGETS = ("cell", "conclusion", "code", "coding")
STATUSES = ("open", "resolved")


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment; ``replies`` holds the thread below a top-level comment."""

    id: int
    parent_id: int | None
    author: str
    target: str
    target_id: int
    row_key: str | None
    col_key: str | None
    text: str
    status: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    replies: tuple[Comment, ...] = ()


def _comment(row: Any, replies: tuple[Comment, ...] = ()) -> Comment:
    m = row._mapping
    return Comment(
        m["id"], m["parent_id"], m["author"], m["target"], m["target_id"], m["row_key"],
        m["col_key"], m["text"], m["status"], m["created_at"], m["resolved_at"],
        m["resolved_by"], replies,
    )  # fmt: skip


def _thread(conn: Connection, comment_id: int) -> Comment:
    rc = at.review_comment.c
    row = conn.execute(select(at.review_comment).where(rc.id == comment_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no comment with id {id}."), id=comment_id
        )
    replies = conn.execute(
        select(at.review_comment).where(rc.parent_id == comment_id).order_by(rc.id)
    ).all()
    return _comment(row, tuple(_comment(r) for r in replies))


def list_comments(
    project: Project,
    *,
    status: str | None = None,
    target: str | None = None,
    target_id: int | None = None,
) -> list[Comment]:
    """Top-level comments (threads with their replies), oldest first."""
    rc = at.review_comment.c
    q = select(rc.id).where(rc.parent_id.is_(None)).order_by(rc.id)
    if status is not None:
        q = q.where(rc.status == status)
    if target is not None:
        q = q.where(rc.target == target)
    if target_id is not None:
        q = q.where(rc.target_id == target_id)
    with project.reading() as conn:
        return [_thread(conn, r[0]) for r in conn.execute(q).all()]


def review_summary(project: Project) -> dict[str, dict[str, int]]:
    """Open and resolved threads per area (cell, conclusion, code, coding) and in total."""
    rc = at.review_comment.c
    with project.reading() as conn:
        rows = conn.execute(select(rc.target, rc.status).where(rc.parent_id.is_(None))).all()
    counts = Counter((target, status) for target, status in rows)
    out = {area: {s: counts.get((area, s), 0) for s in STATUSES} for area in TARGETS}
    out["total"] = {s: sum(out[a][s] for a in TARGETS) for s in STATUSES}
    return out


def _check_target(
    conn: Connection, target: str, target_id: int, row_key: str | None, col_key: str | None
) -> None:
    if target not in TARGETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Comments can be on {allowed}, not '{value}'."),
            allowed=", ".join(TARGETS),
            value=target,
        )
    table = {
        "cell": at.saved_display,
        "conclusion": at.conclusion,
        "code": t.code,
        "coding": t.coding,
    }[target]
    if conn.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
            target="saved display" if target == "cell" else target,
            id=target_id,
        )
    if target == "cell" and (row_key is None or col_key is None):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A comment on a cell needs its row and column keys.")
        )


def add_comment(
    project: Project,
    target: str,
    target_id: int,
    text: str,
    *,
    row_key: str | None = None,
    col_key: str | None = None,
) -> ChangeSet[Comment]:
    """Start a comment thread on a target, as the acting coder (the supervisor)."""
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A comment needs a text."))
    with project.operation("review.add", QT_TRANSLATE_NOOP("operations", "Add comment")) as op:
        _check_target(op.conn, target, target_id, row_key, col_key)
        new_id = op.insert(
            at.review_comment,
            {"author": op.coder, "target": target, "target_id": target_id,
             "row_key": None if row_key is None else str(row_key),
             "col_key": None if col_key is None else str(col_key),
             "text": text.strip(), "status": "open"},
        )  # fmt: skip
        op.note(comment=new_id, target=target, target_id=target_id)
        op.result = _thread(op.conn, new_id)
    return op.changeset


def reply(project: Project, comment_id: int, text: str) -> ChangeSet[Comment]:
    """Reply in a comment's thread (a reply to a reply joins the same thread)."""
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A comment needs a text."))
    with project.operation(
        "review.reply", QT_TRANSLATE_NOOP("operations", "Reply to comment")
    ) as op:
        head = _thread(op.conn, comment_id)
        root = head.parent_id or head.id
        parent = _thread(op.conn, root)
        op.insert(
            at.review_comment,
            {"parent_id": root, "author": op.coder, "target": parent.target,
             "target_id": parent.target_id, "row_key": parent.row_key,
             "col_key": parent.col_key, "text": text.strip(), "status": parent.status},
        )  # fmt: skip
        op.note(comment=root)
        op.result = _thread(op.conn, root)
    return op.changeset


def set_status(project: Project, comment_id: int, status: str) -> ChangeSet[Comment]:
    """Resolve or reopen a thread (its replies follow)."""
    if status not in STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A comment is {allowed}, not '{value}'."),
            allowed=", ".join(STATUSES),
            value=status,
        )
    label = (
        QT_TRANSLATE_NOOP("operations", "Resolve comment")
        if status == "resolved"
        else QT_TRANSLATE_NOOP("operations", "Reopen comment")
    )
    rc = at.review_comment.c
    with project.operation("review.status", label) as op:
        head = _thread(op.conn, comment_id)
        root = head.parent_id or head.id
        resolved = status == "resolved"
        op.update_where(
            at.review_comment,
            (rc.id == root) | (rc.parent_id == root),
            {"status": status, "resolved_at": utcnow() if resolved else None,
             "resolved_by": op.coder if resolved else None},
        )  # fmt: skip
        op.note(comment=root, status=status)
        op.result = _thread(op.conn, root)
    return op.changeset


def resolve(project: Project, comment_id: int) -> ChangeSet[Comment]:
    """Mark a thread resolved."""
    return set_status(project, comment_id, "resolved")


def delete_comment(project: Project, comment_id: int) -> ChangeSet[None]:
    """Delete a comment (a thread's first comment takes its replies with it)."""
    rc = at.review_comment.c
    with project.operation(
        "review.delete", QT_TRANSLATE_NOOP("operations", "Delete comment")
    ) as op:
        _thread(op.conn, comment_id)
        op.delete_where(at.review_comment, rc.parent_id == comment_id)
        op.delete_where(at.review_comment, rc.id == comment_id)
        op.note(comment=comment_id)
    return op.changeset
