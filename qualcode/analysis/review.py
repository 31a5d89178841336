"""Supervisor review comments: ``project.review``.

A comment has an author, a target, a status (open / resolved) and a thread of
replies (comments whose ``parent_id`` is the thread's first comment). Targets
are checked when a thread starts (see :mod:`qualcode.analysis.review_targets`),
and a snapshot of the target (code, source, quoted text, display) is stored with
it so the thread keeps its context after the target is deleted. Every change is
one undoable operation; in review mode (``Project.open(review=True)``) these are
the operations a supervisor may run on the student's project.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis import review_targets as rt
from qualcode.analysis import tables as at
from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.analysis.spec import DisplaySpec
    from qualcode.project import Project

TARGETS = rt.TARGETS
STATUSES = ("open", "resolved")


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment; ``replies`` holds the thread below a top-level comment.

    ``context`` is the target's snapshot taken when the thread started (keys such
    as ``code``, ``source``, ``paragraph``, ``quote``, ``display``, ``row``,
    ``column``, ``spec``).
    """

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
    uid: str | None = None
    context: dict[str, Any] | None = None


Threads = list[Comment]


def _comment(row: Any, replies: tuple[Comment, ...] = ()) -> Comment:
    m = row._mapping
    return Comment(
        m["id"], m["parent_id"], m["author"], m["target"], m["target_id"], m["row_key"],
        m["col_key"], m["text"], m["status"], m["created_at"], m["resolved_at"],
        m["resolved_by"], replies, m["uid"], m["context"],
    )  # fmt: skip


def thread(conn: Connection, comment_id: int) -> Comment:
    """The comment ``comment_id`` with its replies, or :class:`NotFoundError`."""
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


def _text(text: str) -> str:
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A comment needs a text."))
    return text.strip()


class ReviewManager:
    """Reads and operations on the review comments of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -------------------------------------------------------------------
    def get(self, comment_id: int) -> Comment:
        """One thread (or reply) by id."""
        with self._p.reading() as conn:
            return thread(conn, comment_id)

    def list(
        self,
        *,
        status: str | None = None,
        target: str | None = None,
        target_id: int | None = None,
    ) -> Threads:
        """Top-level comments (threads with their replies), oldest first."""
        rc = at.review_comment.c
        q = select(rc.id).where(rc.parent_id.is_(None)).order_by(rc.id)
        if status is not None:
            q = q.where(rc.status == status)
        if target is not None:
            q = q.where(rc.target == target)
        if target_id is not None:
            q = q.where(rc.target_id == target_id)
        with self._p.reading() as conn:
            return [thread(conn, r[0]) for r in conn.execute(q).all()]

    def summary(self) -> dict[str, dict[str, int]]:
        """Open and resolved threads per area (cell, conclusion, code, ...) and in total."""
        rc = at.review_comment.c
        with self._p.reading() as conn:
            rows = conn.execute(select(rc.target, rc.status).where(rc.parent_id.is_(None))).all()
        counts = Counter((target, status) for target, status in rows)
        out = {area: {s: counts.get((area, s), 0) for s in STATUSES} for area in TARGETS}
        out["total"] = {s: sum(out[a][s] for a in TARGETS) for s in STATUSES}
        return out

    def open_count(self) -> int:
        """How many threads are open: what the app announces on opening."""
        return self.summary()["total"]["open"]

    def on_targets(self, target: str, target_ids: Sequence[int]) -> Threads:
        """Threads on any of these targets: deleting one of them asks first."""
        wanted = set(target_ids)
        return [c for c in self.list(target=target) if c.target_id in wanted]

    def on_code_tree(self, code_ids: Sequence[int]) -> Threads:
        """Threads on these codes or on their codings: deleting the codes asks first."""
        from qualcode.store import tables as t

        c = t.coding.c
        with self._p.reading() as conn:
            codings = [int(i) for (i,) in conn.execute(
                select(c.id).where(c.code_id.in_(list(code_ids))))]  # fmt: skip
        return self.on_targets("code", code_ids) + self.on_targets("coding", codings)

    def where(self, comment: Comment) -> rt.Where:
        """What a thread is about now (or, once deleted, as the snapshot recorded it)."""
        with self._p.reading() as conn:
            return rt.where(conn, comment)

    # -- operations ----------------------------------------------------------------
    def add(
        self,
        target: str,
        target_id: int,
        text: str,
        *,
        row_key: str | None = None,
        col_key: str | None = None,
        spec: DisplaySpec | None = None,
    ) -> ChangeSet[Comment]:
        """Start a thread on a target, as the acting coder (the supervisor).

        Targets: ``code``, ``coding``, ``conclusion``, ``summary`` (a cell summary
        id), ``excerpt`` (a source id with ``row_key``/``col_key`` = start/end),
        ``cell`` (a saved display id with its row and column keys, or ``0`` and
        the ``spec`` of a display that was never saved).
        """
        body = _text(text)
        with self._p.operation("review.add", QT_TRANSLATE_NOOP("operations", "Add comment")) as op:
            context = rt.check_and_snapshot(
                self._p, op.conn, target, target_id, row_key, col_key, spec
            )
            new_id = op.insert(
                at.review_comment,
                {"author": op.coder, "target": target, "target_id": target_id,
                 "row_key": None if row_key is None else str(row_key),
                 "col_key": None if col_key is None else str(col_key),
                 "text": body, "status": "open", "uid": str(uuid.uuid4()),
                 "context": context},
            )  # fmt: skip
            op.note(comment=new_id, target=target, target_id=target_id, **rt.note_of(context))
            op.result = thread(op.conn, new_id)
        return op.changeset

    def reply(self, comment_id: int, text: str) -> ChangeSet[Comment]:
        """Reply in a comment's thread (a reply to a reply joins the same thread)."""
        body = _text(text)
        with self._p.operation(
            "review.reply", QT_TRANSLATE_NOOP("operations", "Reply to comment")
        ) as op:
            head = thread(op.conn, comment_id)
            root = head.parent_id or head.id
            parent = thread(op.conn, root)
            op.insert(
                at.review_comment,
                {"parent_id": root, "author": op.coder, "target": parent.target,
                 "target_id": parent.target_id, "row_key": parent.row_key,
                 "col_key": parent.col_key, "text": body, "status": parent.status,
                 "uid": str(uuid.uuid4())},
            )  # fmt: skip
            op.note(comment=root, text=body[:200])
            op.result = thread(op.conn, root)
        return op.changeset

    def set_status(self, comment_id: int, status: str) -> ChangeSet[Comment]:
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
        with self._p.operation("review.status", label) as op:
            head = thread(op.conn, comment_id)
            root = head.parent_id or head.id
            resolved = status == "resolved"
            op.update_where(
                at.review_comment,
                (rc.id == root) | (rc.parent_id == root),
                {"status": status, "resolved_at": utcnow() if resolved else None,
                 "resolved_by": op.coder if resolved else None},
            )  # fmt: skip
            op.note(comment=root, status=status)
            op.result = thread(op.conn, root)
        return op.changeset

    def resolve(self, comment_id: int) -> ChangeSet[Comment]:
        """Mark a thread resolved."""
        return self.set_status(comment_id, "resolved")

    def delete(self, comment_id: int) -> ChangeSet[None]:
        """Delete a comment (a thread's first comment takes its replies with it)."""
        rc = at.review_comment.c
        with self._p.operation(
            "review.delete", QT_TRANSLATE_NOOP("operations", "Delete comment")
        ) as op:
            thread(op.conn, comment_id)
            op.delete_where(at.review_comment, rc.parent_id == comment_id)
            op.delete_where(at.review_comment, rc.id == comment_id)
            op.note(comment=comment_id)
        return op.changeset
