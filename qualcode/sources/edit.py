"""Correcting a source's text after coding, as one undoable operation.

The text is the coordinate system of everything anchored in it, so the edit
computes a diff (:mod:`qualcode.text.diff`) and carries every anchored range
across it in the same transaction: codings (kept, flagged ``"edited"`` for
review when their own text changed, removed when all of it was deleted),
speaker turns (case links) and the search index (dropped for the source and
rebuilt on the next query, also after undo and redo through
:data:`TEXT_EDIT_HOOKS`). Summaries, conclusions and comments refer to codings
by id and follow them. :func:`plan_edit` is the preview the app and the CLI
show before anything changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, select

from qualcode.errors import RoleDeniedError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t
from qualcode.text.diff import RangeMap, diff
from qualcode.text.normalize import normalize_text

EDITED = "edited"
"""The coding flag set when the text under a coding was corrected."""

TEXT_EDIT_HOOKS: list[Callable[[Connection, list[int]], None]] = []
"""Callables ``(conn, source_ids)`` that drop data derived from a source's text
(the search index). Called inside the edit's transaction and inside the undo or
redo of an edit."""


@dataclass(frozen=True, slots=True)
class AnchorChange:
    """What an edit does to one coding or speaker turn."""

    kind: Literal["coding", "turn"]
    id: int
    fate: Literal["kept", "flagged", "removed"]
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str
    code_id: int | None = None
    case_id: int | None = None


@dataclass(frozen=True, slots=True)
class EditPlan:
    """The preview of an edit: how the text changes and what happens to its anchors."""

    source_id: int
    source_name: str
    old_length: int
    new_length: int
    changed_stretches: int
    codings_kept: int
    flagged: list[AnchorChange] = field(default_factory=list)
    removed: list[AnchorChange] = field(default_factory=list)
    turns: list[AnchorChange] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        """True when the new text equals the old one."""
        return self.changed_stretches == 0


def plan_edit(conn: Connection, source_id: int, new_text: str) -> tuple[EditPlan, str]:
    """The edit's preview and the normalised new text (nothing is written)."""
    src = conn.execute(
        select(t.source.c.name, t.source_content.c.text)
        .join(t.source_content, t.source_content.c.source_id == t.source.c.id)
        .where(t.source.c.id == source_id)
    ).first()
    if src is None:
        from qualcode.errors import NotFoundError

        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no source with id {id}."), id=source_id
        )
    name, old = str(src[0]), str(src[1])
    new = normalize_text(new_text, trim_document=False)
    if not new.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "'{name}' would have no text left; nothing was changed."),
            name=name,
        )
    blocks = diff(old, new)
    ranges = RangeMap(blocks)
    c = t.coding.c
    codings = conn.execute(
        select(c.id, c.start_pos, c.end_pos, c.code_id, c.coder_id)
        .where(c.source_id == source_id)
        .order_by(c.start_pos, c.id)
    ).all()
    flagged: list[AnchorChange] = []
    removed: list[AnchorChange] = []
    kept = 0
    landed: dict[tuple[int, int, int, int], int] = {}
    for cid, s, e, code_id, coder_id in codings:
        m = ranges.map(s, e)
        key = (code_id, coder_id, m.start, m.end)
        if m.fate != "removed" and key in landed:
            # Two codings of one code by one coder now cover the same text: keep one.
            m = type(m)("removed", m.start, m.end)
        if m.fate == "kept":
            landed[key] = cid
            kept += 1
            continue
        change = AnchorChange(
            "coding", cid, m.fate, s, e, m.start, m.end, old[s:e], new[m.start : m.end], code_id
        )
        if m.fate == "removed":
            removed.append(change)
        else:
            landed[key] = cid
            flagged.append(change)
    cl = t.case_link.c
    turns: list[AnchorChange] = []
    for lid, s, e, case_id in conn.execute(
        select(cl.id, cl.start_pos, cl.end_pos, cl.case_id)
        .where(cl.source_id == source_id, cl.start_pos.is_not(None), cl.end_pos.is_not(None))
        .order_by(cl.start_pos, cl.id)
    ):
        m = ranges.map(s, e)
        if m.fate == "kept" and (m.start, m.end) == (s, e):
            continue
        turns.append(
            AnchorChange(
                "turn",
                lid,
                m.fate,
                s,
                e,
                m.start,
                m.end,
                old[s:e],
                new[m.start : m.end],
                case_id=case_id,
            )
        )
    # Kept codings still move when text before them changed: record their shift.
    plan = EditPlan(
        source_id=source_id,
        source_name=name,
        old_length=len(old),
        new_length=len(new),
        changed_stretches=sum(1 for b in blocks if not b.equal),
        codings_kept=kept,
        flagged=flagged,
        removed=removed,
        turns=turns,
    )
    return plan, new


def apply_edit(op: Any, source_id: int, new_text: str, role: str | None) -> EditPlan:
    """Write the edit inside ``op``: text, length, every coding and turn, derived data."""
    if role not in (None, "owner"):
        raise RoleDeniedError(role=role, what=QT_TRANSLATE_NOOP("errors", "edit a source's text"))
    conn: Connection = op.conn
    plan, new = plan_edit(conn, source_id, new_text)
    if plan.unchanged:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The new text of '{name}' is the same as the old one."),
            name=plan.source_name,
        )
    old = str(
        conn.execute(
            select(t.source_content.c.text).where(t.source_content.c.source_id == source_id)
        ).scalar()
    )
    ranges = RangeMap(diff(old, new))
    if plan.removed:
        op.delete_where(t.memo, t.memo.c.coding_id.in_([ch.id for ch in plan.removed]))
        op.delete_where(t.coding, t.coding.c.id.in_([ch.id for ch in plan.removed]))
    flagged = {ch.id: ch for ch in plan.flagged}
    c = t.coding.c
    moves: list[tuple[int, int, int, int, int, bool]] = []
    for cid, s, e in conn.execute(
        select(c.id, c.start_pos, c.end_pos).where(c.source_id == source_id)
    ).all():
        if cid in flagged:
            moves.append((cid, s, e, flagged[cid].new_start, flagged[cid].new_end, True))
            continue
        m = ranges.map(s, e)
        if (m.start, m.end) != (s, e):
            moves.append((cid, s, e, m.start, m.end, False))
    # The mapping keeps ranges in order, so moving rightward codings from the
    # right end and leftward ones from the left end never lands one on a range
    # another coding of the same code still holds (the unique constraint).
    right = sorted((mv for mv in moves if mv[3:5] >= mv[1:3]), key=lambda mv: (-mv[1], -mv[2]))
    left = sorted((mv for mv in moves if mv[3:5] < mv[1:3]), key=lambda mv: (mv[1], mv[2]))
    for cid, _s, _e, ns, ne, flag in right + left:
        values: dict[str, Any] = {"start_pos": ns, "end_pos": ne}
        if flag:
            values["flag"] = EDITED
        op.update(t.coding, cid, values)
    for ch in plan.turns:
        if ch.fate == "removed":
            op.delete(t.case_link, ch.id)
        else:
            op.update(t.case_link, ch.id, {"start_pos": ch.new_start, "end_pos": ch.new_end})
    op.update_where(
        t.source_content, t.source_content.c.source_id == source_id, {"text": new}, narrow=True
    )
    op.update(t.source, source_id, {"length": len(new)})
    for hook in TEXT_EDIT_HOOKS:
        hook(conn, [source_id])
    op.note(
        source=plan.source_name,
        length_before=plan.old_length,
        length_after=plan.new_length,
        changed=plan.changed_stretches,
        flagged=[ch.id for ch in plan.flagged],
        removed=[ch.id for ch in plan.removed],
    )
    return plan


def edited_sources(touched: dict[str, frozenset[int]]) -> list[int]:
    """Sources whose text an undo or redo step rewrote (``source_content`` is keyed by source)."""
    return sorted(touched.get("source_content", frozenset()))
