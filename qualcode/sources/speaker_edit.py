"""Fix the speaker turns of an imported source: relabel, split, merge, add, map to cases.

Turns are case links with a ``speaker`` label (see :mod:`qualcode.sources.importing`);
the source's ``meta["speakers"]`` maps each label to its case and
``meta["interviewer_speakers"]`` lists the interviewer's labels. Every function
here is ONE operation (one undo step) that keeps links and metadata in step:

* a turn's case always follows its label's mapping;
* a label new to the source is mapped like the importer would: interviewer
  words (P, Peneliti, Pewawancara...) to the shared "Interviewer" case, a role
  word ("Informan", "Narasumber") to the source's one informant when it has
  exactly one, anything else to a case of that name (created when missing);
* mapping a label to another case (or to the interviewer) moves all its turns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import func, select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.speakers import INTERVIEWER_CASE, MODERATOR_CASE
from qualcode.sources.turns import classify_speaker, is_role_label
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

Role = Literal["interviewer", "participant"]
_LK = t.case_link.c


def _clean(label: str) -> str:
    label = " ".join((label or "").split()).strip().rstrip(":").strip()
    if not label:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A speaker needs a label."))
    if len(label) > 200:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A speaker label is at most 200 characters long.")
        )
    return label


def _link(op: Any, link_id: int) -> Any:
    row = op.conn.execute(select(t.case_link).where(_LK.id == link_id)).first()
    if row is None or row.speaker is None or row.start_pos is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no speaker turn with id {id}."), id=link_id
        )
    return row


def _meta(op: Any, source_id: int) -> dict[str, Any]:
    row = op.conn.execute(select(t.source.c.meta).where(t.source.c.id == source_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no source with id {id}."), id=source_id
        )
    meta = dict(row[0] or {})
    meta["speakers"] = dict(meta.get("speakers") or {})
    meta["interviewer_speakers"] = list(meta.get("interviewer_speakers") or [])
    return meta


def _case_id(project: Project, op: Any, name: str, role: Role) -> int:
    found = op.conn.execute(
        select(t.cases.c.id).where(func.lower(t.cases.c.name) == name.lower())
    ).scalar()
    if found is not None:
        return int(found)
    kind = "other" if role == "interviewer" else "informant"
    case = project.cases.create(name, kind=kind).result
    assert case is not None
    return int(case.id)


def _plan(meta: dict[str, Any], label: str) -> tuple[str, Role]:
    """The case and role of ``label`` in this source (existing mapping or the importer's rule)."""
    for known, case in meta["speakers"].items():
        if known.lower() == label.lower():
            role: Role = "interviewer" if known in meta["interviewer_speakers"] else "participant"
            return str(case), role
    if classify_speaker(label) == "interviewer":
        return (MODERATOR_CASE if label.lower() == "moderator" else INTERVIEWER_CASE), "interviewer"
    informants = {
        case for known, case in meta["speakers"].items()
        if known not in meta["interviewer_speakers"]
    }  # fmt: skip
    if is_role_label(label) and len(informants) == 1:
        return str(next(iter(informants))), "participant"
    return label, "participant"


def _remember(meta: dict[str, Any], label: str, case: str, role: Role) -> None:
    for known in [k for k in meta["speakers"] if k.lower() == label.lower()]:
        del meta["speakers"][known]
        if known in meta["interviewer_speakers"]:
            meta["interviewer_speakers"].remove(known)
    meta["speakers"][label] = case
    if role == "interviewer":
        meta["interviewer_speakers"] = sorted({*meta["interviewer_speakers"], label})


def _forget_unused(op: Any, meta: dict[str, Any], source_id: int) -> None:
    used = set(
        op.conn.execute(
            select(_LK.speaker).where(_LK.source_id == source_id, _LK.speaker.is_not(None))
        ).scalars()
    )
    meta["speakers"] = {k: v for k, v in meta["speakers"].items() if k in used}
    meta["interviewer_speakers"] = [k for k in meta["interviewer_speakers"] if k in used]


def _save_meta(op: Any, source_id: int, meta: dict[str, Any]) -> None:
    _forget_unused(op, meta, source_id)
    op.update(t.source, source_id, {"meta": meta})


def _assign(project: Project, op: Any, meta: dict[str, Any], label: str) -> int:
    case, role = _plan(meta, label)
    _remember(meta, label, case, role)
    return _case_id(project, op, case, role)


def set_turn_speaker(project: Project, link_id: int, speaker: str) -> ChangeSet[None]:
    """Give one turn another speaker label (its case follows the label's mapping)."""
    label = _clean(speaker)
    with project.operation(
        "speaker.turn", QT_TRANSLATE_NOOP("operations", "Change turn speaker")
    ) as op:
        row = _link(op, link_id)
        meta = _meta(op, row.source_id)
        case_id = _assign(project, op, meta, label)
        op.update(t.case_link, link_id, {"speaker": label, "case_id": case_id})
        _save_meta(op, row.source_id, meta)
        op.note(turn=link_id, before=row.speaker, after=label)
    return op.changeset


def split_turn(
    project: Project, link_id: int, at: int, speaker: str | None = None
) -> ChangeSet[int]:
    """Split a turn at offset ``at``; the second part gets ``speaker`` (default: the same).

    Returns the id of the new (second) turn.
    """
    with project.operation("speaker.split", QT_TRANSLATE_NOOP("operations", "Split turn")) as op:
        row = _link(op, link_id)
        if not row.start_pos < at < row.end_pos:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A turn can only be split inside its text.")
            )
        label = _clean(speaker) if speaker else row.speaker
        meta = _meta(op, row.source_id)
        case_id = _assign(project, op, meta, label) if speaker else row.case_id
        op.update(t.case_link, link_id, {"end_pos": at})
        new_id = op.insert(
            t.case_link,
            {"case_id": case_id, "source_id": row.source_id, "start_pos": at,
             "end_pos": row.end_pos, "speaker": label},
        )  # fmt: skip
        _save_meta(op, row.source_id, meta)
        op.note(turn=link_id, at=at, speaker=label)
        op.result = new_id
    return op.changeset


def merge_turns(project: Project, link_id: int) -> ChangeSet[None]:
    """Merge a turn with the turn after it; the merged turn keeps the first one's speaker."""
    with project.operation("speaker.merge", QT_TRANSLATE_NOOP("operations", "Merge turns")) as op:
        row = _link(op, link_id)
        following = op.conn.execute(
            select(t.case_link)
            .where(
                _LK.source_id == row.source_id,
                _LK.speaker.is_not(None),
                _LK.start_pos >= row.start_pos,
                _LK.id != link_id,
            )
            .order_by(_LK.start_pos, _LK.id)
        ).first()
        if following is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The last turn has no next turn to merge with.")
            )
        op.delete(t.case_link, following.id)
        op.update(t.case_link, link_id, {"end_pos": max(row.end_pos, following.end_pos)})
        meta = _meta(op, row.source_id)
        _save_meta(op, row.source_id, meta)
        op.note(turn=link_id, merged=following.id)
    return op.changeset


def add_turn(
    project: Project, source_id: int, start: int, end: int, speaker: str
) -> ChangeSet[int]:
    """Mark ``start..end`` as a turn of ``speaker``; turns it overlaps are cut back.

    This is how speakers are marked in a source where none were recognised, and
    how part of a long turn is given to another speaker. Returns the new turn's id.
    """
    label = _clean(speaker)
    with project.operation("speaker.add", QT_TRANSLATE_NOOP("operations", "Mark turn")) as op:
        meta = _meta(op, source_id)
        length = len(project.sources.text(source_id))
        if not 0 <= start < end <= length:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A turn must lie inside the text (0–{length})."),
                length=length,
            )
        overlapping = op.conn.execute(
            select(t.case_link).where(
                _LK.source_id == source_id,
                _LK.speaker.is_not(None),
                _LK.start_pos < end,
                _LK.end_pos > start,
            )
        ).all()
        for other in overlapping:
            _cut(op, other, start, end)
        case_id = _assign(project, op, meta, label)
        new_id = op.insert(
            t.case_link,
            {"case_id": case_id, "source_id": source_id, "start_pos": start,
             "end_pos": end, "speaker": label},
        )  # fmt: skip
        _save_meta(op, source_id, meta)
        op.note(source=source_id, start=start, end=end, speaker=label)
        op.result = new_id
    return op.changeset


def _cut(op: Any, row: Any, start: int, end: int) -> None:
    """Remove ``start..end`` from an existing turn (keeping what lies on either side)."""
    before = (row.start_pos, start) if row.start_pos < start else None
    after = (end, row.end_pos) if row.end_pos > end else None
    if before is None and after is None:
        op.delete(t.case_link, row.id)
        return
    first = before or after
    assert first is not None
    op.update(t.case_link, row.id, {"start_pos": first[0], "end_pos": first[1]})
    if before is not None and after is not None:
        op.insert(
            t.case_link,
            {"case_id": row.case_id, "source_id": row.source_id, "start_pos": after[0],
             "end_pos": after[1], "speaker": row.speaker},
        )  # fmt: skip


def map_speaker(
    project: Project, source_id: int, speaker: str, case: str, *, role: Role = "participant"
) -> ChangeSet[None]:
    """Link every turn of ``speaker`` in a source to the case named ``case`` (created if new).

    ``role="interviewer"`` marks the label as the interviewer's, whose turns
    analysis usually leaves out.
    """
    label = _clean(speaker)
    name = " ".join((case or "").split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A case needs a name."))
    with project.operation(
        "speaker.map", QT_TRANSLATE_NOOP("operations", "Map speaker to case")
    ) as op:
        meta = _meta(op, source_id)
        rows = (
            op.conn.execute(
                select(_LK.id).where(
                    _LK.source_id == source_id, func.lower(_LK.speaker) == label.lower()
                )
            )
            .scalars()
            .all()
        )
        if not rows:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "No turn of this source is spoken by '{speaker}'."),
                speaker=label,
            )
        case_id = _case_id(project, op, name, role)
        for row_id in rows:
            op.update(t.case_link, row_id, {"case_id": case_id})
        known = next((k for k in meta["speakers"] if k.lower() == label.lower()), label)
        _remember(meta, known, name, role)
        _save_meta(op, source_id, meta)
        op.note(source=source_id, speaker=label, case=name, role=role)
    return op.changeset
