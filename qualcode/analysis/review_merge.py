"""Merge a reviewed copy back: the supervisor's comments, replies, resolutions and check codings.

The student emails a copy of the project; the supervisor comments and check-codes
in it (review mode) and sends it back. :func:`merge_review` brings into the
student's project, as ONE undoable operation:

* threads and replies it does not have yet (matched by their ``uid``);
* resolutions (a thread resolved in the copy but still open here);
* codings made in the copy by coders other than the merging (student's) coder
  that are not here yet (matched by the coding ``guid``).

Targets are mapped by guid where they have one (codes, codings, sources) and by
id otherwise. A comment whose target is gone here, or whose quoted text changed
since, is still brought in (its snapshot keeps the context) and reported as a
conflict; a coding whose source or code is gone is skipped and reported. Running
the merge twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis import tables as at
from qualcode.analysis.review_targets import where
from qualcode.changes import ChangeSet
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project


@dataclass
class MergeReport:
    """What a merge brought in and what it could not place cleanly."""

    comments: int = 0
    replies: int = 0
    resolutions: int = 0
    codings: int = 0
    conflicts: list[str] = field(default_factory=list)


def _guids(conn: Connection, table: Any) -> dict[str, int]:
    return {g: int(i) for i, g in conn.execute(select(table.c.id, table.c.guid))}


def _rows(conn: Connection, table: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]


def merge_review(project: Project, reviewed: str | Path) -> ChangeSet[MergeReport]:
    """Bring a returned copy's review work into ``project`` (one undo step, idempotent)."""
    from qualcode.project import Project as ProjectClass

    with (
        ProjectClass.open(reviewed, coder=project.coder, read_only=True) as copy,
        copy.reading() as src,
    ):
        their_comments = _rows(src, at.review_comment)
        their_codings = _rows(src, t.coding)
        their_coders = {int(i): n for i, n in src.execute(select(t.coder.c.id, t.coder.c.name))}
        their_code_guid = {v: k for k, v in _guids(src, t.code).items()}
        their_source_guid = {v: k for k, v in _guids(src, t.source).items()}
        their_coding_guid = {r["id"]: r["guid"] for r in their_codings}
    report = MergeReport()
    with project.operation("review.merge", QT_TRANSLATE_NOOP("operations", "Merge review")) as op:
        conn = op.conn
        codes, sources = _guids(conn, t.code), _guids(conn, t.source)
        codings = _guids(conn, t.coding)
        coders = {n: int(i) for i, n in conn.execute(select(t.coder.c.id, t.coder.c.name))}
        # 1. check codings
        for row in their_codings:
            who = their_coders.get(row["coder_id"], "")
            if row["guid"] in codings or who == project.coder:
                continue
            code = codes.get(their_code_guid.get(row["code_id"], ""))
            source = sources.get(their_source_guid.get(row["source_id"], ""))
            if code is None or source is None:
                report.conflicts.append(f"coding {row['id']} by {who}: its code or source is gone")
                continue
            if who not in coders:
                coders[who] = op.insert(t.coder, {"name": who})
            values = {k: v for k, v in row.items() if k != "id"}
            values.update(code_id=code, source_id=source, coder_id=coders[who])
            codings[row["guid"]] = op.insert(t.coding, values)
            report.codings += 1
        # 2. comments, threads before their replies
        rc = at.review_comment.c
        mine = {r["uid"]: r for r in _rows(conn, at.review_comment) if r["uid"]}
        new_ids: dict[int, int] = {}
        for row in sorted(their_comments, key=lambda r: (r["parent_id"] is not None, r["id"])):
            here = mine.get(row["uid"]) if row["uid"] else None
            if here is not None:
                new_ids[row["id"]] = here["id"]
                if (
                    row["parent_id"] is None
                    and row["status"] == "resolved"
                    and (here["status"] == "open")
                ):
                    op.update_where(
                        at.review_comment,
                        (rc.id == here["id"]) | (rc.parent_id == here["id"]),
                        {"status": "resolved", "resolved_at": row["resolved_at"],
                         "resolved_by": row["resolved_by"]},
                    )  # fmt: skip
                    report.resolutions += 1
                continue
            if row["uid"] is None:
                continue  # made before comments had identities: cannot be matched safely
            values = {k: v for k, v in row.items() if k != "id"}
            if row["parent_id"] is not None:
                parent = new_ids.get(row["parent_id"])
                if parent is None:
                    continue
                values["parent_id"] = parent
            values["target_id"] = _map_target(row, codes, sources, codings, their_code_guid,
                                              their_source_guid, their_coding_guid)  # fmt: skip
            new_ids[row["id"]] = op.insert(at.review_comment, values)
            if row["parent_id"] is None:
                report.comments += 1
                _check_conflict(conn, project, new_ids[row["id"]], report)
            else:
                report.replies += 1
        op.note(reviewed=Path(reviewed).name, comments=report.comments, replies=report.replies,
                resolutions=report.resolutions, codings=report.codings,
                conflicts=len(report.conflicts))  # fmt: skip
        op.result = report
    return op.changeset


def _map_target(
    row: dict[str, Any], codes: dict[str, int], sources: dict[str, int], codings: dict[str, int],
    code_guid: dict[int, str], source_guid: dict[int, str], coding_guid: dict[int, str],
) -> int:  # fmt: skip
    kind, tid = row["target"], int(row["target_id"])
    mapping = {"code": (codes, code_guid), "excerpt": (sources, source_guid),
               "coding": (codings, coding_guid)}.get(kind)  # fmt: skip
    if mapping is None:
        return tid
    here, guid_of = mapping
    return here.get(guid_of.get(tid, ""), tid)


def _check_conflict(
    conn: Connection, project: Project, comment_id: int, report: MergeReport
) -> None:
    from qualcode.analysis.review import thread

    c = thread(conn, comment_id)
    now = where(conn, c)
    said = (c.context or {}).get("quote", "")
    if not now.exists:
        report.conflicts.append(f"comment {comment_id} ({c.target}): its target was deleted since")
    elif said and now.quote and said != now.quote:
        report.conflicts.append(f"comment {comment_id} ({c.target}): its text changed since")
