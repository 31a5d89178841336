"""Member checking (MHS tactic 13, "getting feedback from participants"): where it stands for a
conclusion or an informant.

A conclusion or an informant case is *not asked* until the researcher records
otherwise: *sent* (the summary or transcript went to the informant), *confirmed*
or *disputed*, each with a note (what was sent, what the informant said) and a
date. Setting a target back to *not asked* without a note removes its record.
Each change is one undoable operation. Verification reads the checks: a
disputed conclusion, or an informant behind its evidence who disputed, is a
warning; the conclusions export prints every claim's check and its informants'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qualcode.analysis import tables as at
from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

STATUSES = ("not_asked", "sent", "confirmed", "disputed")
TARGETS = ("conclusion", "case")
_mc: Any = at.member_check

STATUS_WORDS = {
    "not_asked": {"id": "belum ditanyakan", "en": "not asked"},
    "sent": {"id": "dikirim", "en": "sent"},
    "confirmed": {"id": "dikonfirmasi", "en": "confirmed"},
    "disputed": {"id": "dibantah", "en": "disputed"},
}


@dataclass(frozen=True, slots=True)
class MemberCheckRecord:
    """The member check of one conclusion or case (``not_asked`` when none was recorded)."""

    target: str
    target_id: int
    status: str = "not_asked"
    note: str = ""
    checked_on: date | None = None
    author: str = ""

    def words(self, language: str = "id") -> str:
        """``dikonfirmasi (2024-06-01) — note``: the check in an export's words."""
        text = STATUS_WORDS[self.status][language]
        if self.checked_on is not None:
            text += f" ({self.checked_on.isoformat()})"
        return f"{text} \u2014 {self.note}" if self.note else text


def check_status(status: str) -> str:
    """not_asked, sent, confirmed or disputed."""
    status = (status or "").strip().lower().replace(" ", "_").replace("-", "_")
    if status not in STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A member check is one of {allowed}, not '{value}'."),
            allowed=", ".join(STATUSES),
            value=status,
        )
    return status


def _date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "'{value}' is not a date (YYYY-MM-DD)."), value=value
        ) from exc


def _record(row: Any) -> MemberCheckRecord:
    return MemberCheckRecord(
        row.target, int(row.target_id), row.status, row.note, row.checked_on, row.author
    )


class MemberCheckManager:
    """Reads and operations on member checks."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def get(self, target: str, target_id: int) -> MemberCheckRecord:
        """The check of one conclusion or case (not asked when none is recorded)."""
        with self._p.reading() as conn:
            row = conn.execute(
                select(_mc).where(_mc.c.target == target, _mc.c.target_id == target_id)
            ).first()
        return _record(row) if row is not None else MemberCheckRecord(target, target_id)

    def all(self, target: str) -> dict[int, MemberCheckRecord]:
        """Every recorded check of conclusions or of cases, by id."""
        with self._p.reading() as conn:
            rows = conn.execute(select(_mc).where(_mc.c.target == target)).all()
        return {int(r.target_id): _record(r) for r in rows}

    def set(
        self,
        target: str,
        target_id: int,
        status: str,
        *,
        note: str = "",
        checked_on: date | str | None = None,
    ) -> ChangeSet[MemberCheckRecord]:
        """Record where member checking of a conclusion or case stands."""
        if target not in TARGETS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A member check is of a conclusion or a case."),
            )
        status, day, note = check_status(status), _date(checked_on), note.strip()
        with self._p.operation(
            "member_check.set", QT_TRANSLATE_NOOP("operations", "Record member check")
        ) as op:
            table = at.conclusion if target == "conclusion" else t.cases
            if op.conn.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
                    target=target,
                    id=target_id,
                )
            where = (_mc.c.target == target) & (_mc.c.target_id == target_id)
            found = op.conn.execute(select(_mc.c.id).where(where)).scalar()
            if status == "not_asked" and not note and day is None:
                if found is None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "Nothing to change: it was not asked yet.")
                    )
                op.delete(_mc, found)
            else:
                values = {
                    "status": status, "note": note, "checked_on": day, "author": op.coder,
                    "modified_at": utcnow(),
                }  # fmt: skip
                if found is None:
                    op.insert(_mc, {"target": target, "target_id": target_id, **values})
                else:
                    op.update(_mc, found, values)
            op.note(target=target, id=target_id, status=status)
            op.result = MemberCheckRecord(target, target_id, status, note, day, op.coder)
        return op.changeset
