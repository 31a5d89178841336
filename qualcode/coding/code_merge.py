"""Merging codes: how codings, set memberships and links follow the merged codes.

Used by :meth:`qualcode.coding.codes.CodeManager.merge`, inside its operation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from qualcode.store import tables as t
from qualcode.store.models.base import utcnow


def move_memberships(op: Any, from_codes: Sequence[int], to_code: int) -> None:
    m = t.item_set_member.c
    rows = op.conn.execute(
        select(m.id, m.set_id)
        .where(m.code_id.in_([*from_codes, to_code]))
        .order_by((m.code_id != to_code), m.id)
    ).all()
    kept: set[int] = set()
    for member_id, set_id in rows:
        if set_id in kept:
            op.delete(t.item_set_member, member_id)
        else:
            kept.add(set_id)
            op.update_where(
                t.item_set_member,
                (m.id == member_id) & (m.code_id != to_code),
                {"code_id": to_code},
            )


def move_links(op: Any, from_codes: Sequence[int], to_code: int) -> None:
    link = t.code_link.c
    op.update_where(t.code_link, link.from_code_id.in_(list(from_codes)), {"from_code_id": to_code})
    op.update_where(t.code_link, link.to_code_id.in_(list(from_codes)), {"to_code_id": to_code})
    # a link from the merged code to itself means nothing any more
    op.delete_where(t.code_link, (link.from_code_id == to_code) & (link.to_code_id == to_code))


def move_codings(op: Any, from_codes: Sequence[int], to_code: int) -> tuple[int, int]:
    """Recode every coding of ``from_codes`` to ``to_code``; collapse exact duplicates.

    A coding that would repeat one the same coder already has on the same range
    is folded into that one: its memos move there, its note is appended and the
    attributes the survivor lacks are taken over. Nothing the coder wrote is lost.
    """
    from qualcode.store.recorder import chunks

    c = t.coding.c
    folded = ("valence", "magnitude", "period", "event_date", "weight")
    rows = op.conn.execute(
        select(t.coding)
        .where(c.code_id.in_([*from_codes, to_code]))
        .order_by((c.code_id != to_code), c.id)
    ).all()
    survivors: dict[tuple[int, int, int, int], dict[str, Any]] = {}
    updates: dict[int, dict[str, Any]] = {}
    move: list[int] = []
    drop: dict[int, int] = {}
    for row in rows:
        r = dict(row._mapping)
        key = (r["source_id"], r["coder_id"], r["start_pos"], r["end_pos"])
        keep = survivors.get(key)
        if keep is None:
            survivors[key] = r
            if r["code_id"] != to_code:
                move.append(r["id"])
            continue
        drop[r["id"]] = keep["id"]
        patch = updates.setdefault(keep["id"], {})
        for name in folded:
            if keep[name] is None and r[name] is not None:
                keep[name] = patch[name] = r[name]
        if r["note"].strip():
            keep["note"] = patch["note"] = "\n\n".join(x for x in (keep["note"], r["note"]) if x)
    for dropped, kept in drop.items():
        op.update_where(t.memo, t.memo.c.coding_id == dropped, {"coding_id": kept})
    if drop:
        op.delete_where(t.coding, c.id.in_(list(drop)))
    for kept, patch in updates.items():
        if patch:
            op.update(t.coding, kept, patch)
    now = utcnow()
    for part in chunks(move):
        op.update_where(t.coding, c.id.in_(part), {"code_id": to_code, "modified_at": now})
    return len(move), len(drop)
