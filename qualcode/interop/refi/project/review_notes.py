"""Supervision comments in REFI-QDA: every comment and reply is a Note on its target.

REFI-QDA has no review comments, but it has notes attached to objects by
``NoteRef``: a comment on a code hangs on the ``Code``, one on a coding on its
``Coding``, one on an excerpt on its source; comments on conclusions, cell
summaries and display cells (objects REFI-QDA does not carry) are project notes.
Other tools show them as memos on those objects. What only QualCode reads back —
the thread, status, resolution, the target and the snapshot of what it quoted —
is a ``[QualCode]`` block in the note's description, so an import brings them
back as review comments (matched by their uid: importing twice adds nothing).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.analysis import tables as at
from qualcode.analysis.review_targets import TARGETS
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format import model as m
from qualcode.interop.refi.project.common import decode_extras, encode_extras
from qualcode.store import tables as t

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from qualcode.interop.refi.project.import_data import DataImporter

REVIEW_KEYS = (
    "Review", "Review UID", "Reply to", "Target", "Target GUID", "Target id", "Row key",
    "Column key", "Status", "Resolved by", "Resolved at", "Author", "Context",
)  # fmt: skip
_NAMES = {"comment": "Review comment", "reply": "Review reply"}


@dataclass
class ReviewNotes:
    """The notes of the review comments and where each one hangs (note GUIDs by object id)."""

    notes: list[m.Note] = field(default_factory=list)
    code: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    coding: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    source: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    project: list[str] = field(default_factory=list)


def review_notes(conn: Connection, stable: Any, users: dict[str, str]) -> ReviewNotes:
    """The project's review comments as REFI-QDA notes.

    ``stable(key)`` makes a GUID that stays the same at every export; ``users`` maps
    coder names to their REFI user GUIDs.
    """
    rc = at.review_comment.c
    rows = conn.execute(select(at.review_comment).order_by(rc.id)).all()
    out = ReviewNotes()
    if not rows:
        return out
    guid_of = {
        "code": dict(conn.execute(select(t.code.c.id, t.code.c.guid)).all()),
        "coding": dict(conn.execute(select(t.coding.c.id, t.coding.c.guid)).all()),
        "excerpt": dict(conn.execute(select(t.source.c.id, t.source.c.guid)).all()),
    }
    by_id = {r.id: r for r in rows}
    uid = {r.id: r.uid or stable(f"review-uid:{r.id}") for r in rows}
    for row in rows:
        root = by_id.get(row.parent_id, row) if row.parent_id is not None else row
        target_guid = guid_of.get(root.target, {}).get(root.target_id)
        extras = {
            "Review": "reply" if row.parent_id is not None else "comment",
            "Review UID": uid[row.id],
            "Reply to": uid.get(row.parent_id) if row.parent_id is not None else None,
            "Target": root.target,
            "Target GUID": target_guid,
            "Target id": str(root.target_id),
            "Row key": root.row_key,
            "Column key": root.col_key,
            "Status": row.status,
            "Resolved by": row.resolved_by,
            "Resolved at": row.resolved_at.isoformat() if row.resolved_at else None,
            "Author": row.author,
            "Context": json.dumps(row.context, ensure_ascii=False) if row.context else None,
        }
        note = m.Note(
            guid=stable(f"review:{uid[row.id]}"),
            name=_NAMES[str(extras["Review"])],
            text=row.text,
            description=encode_extras("", extras),
            creating_user=users.get(row.author),
            created=_aware(row.created_at),
        )
        out.notes.append(note)
        if target_guid is None:
            out.project.append(note.guid)
        elif root.target == "excerpt":
            out.source[root.target_id].append(note.guid)
        else:
            getattr(out, root.target)[root.target_id].append(note.guid)
    return out


def import_review_notes(imp: DataImporter) -> None:
    """Bring notes written by :func:`review_notes` back as review comments (threads first)."""
    rc = at.review_comment.c
    ids = {u: i for i, u in imp.conn.execute(select(rc.id, rc.uid)) if u}
    found = []
    for note in imp.refi.notes:
        _, extras = decode_extras(note.description, REVIEW_KEYS)
        if extras.get("Review", "").strip() in ("comment", "reply") and extras.get("Review UID"):
            found.append((note, {k: v.strip() for k, v in extras.items()}))
    if not found:
        return
    users = {u.guid: (u.name or u.user_id) for u in imp.refi.users}
    created = matched = detached = 0
    found.sort(key=lambda item: item[1]["Review"] == "reply")  # threads before replies
    for note, extras in found:
        imp.consumed.add(note.guid)  # not a memo as well
        uid = extras["Review UID"]
        if uid in ids:
            matched += 1
            continue
        parent = ids.get(extras.get("Reply to", "")) if extras["Review"] == "reply" else None
        target = extras.get("Target", "")
        if target not in TARGETS or (extras["Review"] == "reply" and parent is None):
            continue
        target_id = _target_id(imp, target, extras.get("Target GUID", ""))
        detached += target_id == 0 and extras["Review"] == "comment"
        status = extras.get("Status", "open")
        when = _naive(note.created) or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ids[uid] = imp.insert(
            at.review_comment,
            {"parent_id": parent, "author": (extras.get("Author") or
                                            users.get(note.creating_user or "") or "?")[:200],
             "target": target, "target_id": target_id, "row_key": extras.get("Row key") or None,
             "col_key": extras.get("Column key") or None, "text": note.text,
             "status": status if status in ("open", "resolved") else "open",
             "created_at": when, "resolved_at": _parse(extras.get("Resolved at")),
             "resolved_by": extras.get("Resolved by") or None, "uid": uid,
             "context": _context(extras.get("Context"))},
        )  # fmt: skip
        created += 1
    imp.count("review comments", created, matched)
    if detached:
        imp.report.add(
            "review-detached",
            QT_TRANSLATE_NOOP(
                "refi",
                "{count} review comment(s) are on conclusions, display cells or objects not in "
                "this project: they keep the text they quoted.",
            ),
            m.Severity.INFO,
            count=detached,
        )


def _target_id(imp: DataImporter, target: str, guid: str) -> int:
    """The target's id here; 0 (no such object: the snapshot speaks) when not carried."""
    if target == "code":
        return imp.code_of.get(guid, 0)
    if target == "coding":
        return imp.coding_id(guid) or 0
    if target == "excerpt":
        return imp.source_of.get(guid, (0, 0))[0]
    return 0


def _context(value: str | None) -> dict[str, Any] | None:
    try:
        data = json.loads(value) if value else None
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _parse(value: str | None) -> dt.datetime | None:
    try:
        return _naive(dt.datetime.fromisoformat(value)) if value else None
    except ValueError:
        return None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def _naive(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
