"""The decision-rule log of a display (MHS: "document your decision rules").

While building and reading a display the researcher decides how cells are
filled and judged ("a cell is rated adequate when two or more informants
confirm it", "a statement about the village counts for the Kades row"). MHS
ask for these rules to be written down, dated, so that a reader can audit the
display. Each saved display keeps its own log; every entry is dated (the day it
was decided, today by default) and signed, and adding, editing or deleting one
is one undoable operation. The app shows the log with the display, and every
export prints it under the table.
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
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

_dr: Any = at.decision_rule


@dataclass(frozen=True, slots=True)
class DecisionRuleRecord:
    """One dated decision rule of a saved display."""

    id: int
    display_id: int
    text: str
    decided_on: date
    author: str

    def line(self) -> str:
        """``2024-06-01 — text (author)``: the entry as printed under a table."""
        who = f" ({self.author})" if self.author else ""
        return f"{self.decided_on.isoformat()} \u2014 {self.text}{who}"


def _record(row: Any) -> DecisionRuleRecord:
    return DecisionRuleRecord(
        int(row.id), int(row.display_id), row.text, row.decided_on, row.author
    )


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A decision rule needs some text."))
    return text


def _day(value: date | str | None) -> date:
    if value is None or (isinstance(value, str) and not value.strip()):
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "'{value}' is not a date (YYYY-MM-DD)."), value=value
        ) from exc


class DecisionRuleManager:
    """Reads and operations on the decision-rule logs of saved displays."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def of(self, display_id: int) -> list[DecisionRuleRecord]:
        """A display's rules, oldest first."""
        with self._p.reading() as conn:
            rows = conn.execute(
                select(_dr).where(_dr.c.display_id == display_id).order_by(_dr.c.decided_on,
                                                                          _dr.c.id)
            ).all()  # fmt: skip
        return [_record(r) for r in rows]

    def add(
        self, display_id: int, text: str, decided_on: date | str | None = None
    ) -> ChangeSet[DecisionRuleRecord]:
        """Write a decision rule into a display's log (dated today unless ``decided_on``)."""
        from qualcode.analysis.saved import require

        text, day = _text(text), _day(decided_on)
        with self._p.operation(
            "display.rule", QT_TRANSLATE_NOOP("operations", "Add decision rule")
        ) as op:
            require(op.conn, display_id)
            new_id = op.insert(
                _dr, {"display_id": display_id, "text": text, "decided_on": day,
                      "author": op.coder, "modified_at": utcnow()},
            )  # fmt: skip
            op.note(display=display_id)
            op.result = DecisionRuleRecord(int(new_id), display_id, text, day, op.coder)
        return op.changeset

    def edit(
        self, rule_id: int, text: str | None = None, decided_on: date | str | None = None
    ) -> ChangeSet[DecisionRuleRecord]:
        """Reword or redate a rule (None keeps that part)."""
        values: dict[str, Any] = {"modified_at": utcnow()}
        if text is not None:
            values["text"] = _text(text)
        if decided_on is not None:
            values["decided_on"] = _day(decided_on)
        with self._p.operation(
            "display.rule_edit", QT_TRANSLATE_NOOP("operations", "Edit decision rule")
        ) as op:
            try:
                op.update(_dr, rule_id, values)
            except LookupError as exc:
                raise _missing(rule_id) from exc
            op.result = _record(op.conn.execute(select(_dr).where(_dr.c.id == rule_id)).one())
        return op.changeset

    def delete(self, rule_id: int) -> ChangeSet[None]:
        """Remove a rule from its display's log."""
        with self._p.operation(
            "display.rule_delete", QT_TRANSLATE_NOOP("operations", "Delete decision rule")
        ) as op:
            try:
                op.delete(_dr, rule_id)
            except LookupError as exc:
                raise _missing(rule_id) from exc
        return op.changeset


def _missing(rule_id: int) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("errors", "There is no decision rule with id {id}."), id=rule_id
    )
