"""Saved displays: named specs a researcher re-runs as the coding grows (all undoable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from qualcode.analysis import tables as at
from qualcode.analysis.spec import DisplaySpec
from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project


@dataclass(frozen=True, slots=True)
class SavedDisplayRecord:
    """A named, saved display specification."""

    id: int
    name: str
    spec: DisplaySpec
    created_at: datetime
    modified_at: datetime


def _record(row: Any) -> SavedDisplayRecord:
    m = row._mapping if hasattr(row, "_mapping") else row
    return SavedDisplayRecord(
        m["id"], m["name"], DisplaySpec.from_dict(m["spec"]), m["created_at"], m["modified_at"]
    )


def _cell_comments(display_id: int) -> Any:
    rc = at.review_comment.c
    return (rc.target == "cell") & (rc.target_id == display_id)


def require(conn: Connection, display_id: int) -> Any:
    """The saved display row or :class:`NotFoundError`."""
    row = conn.execute(select(at.saved_display).where(at.saved_display.c.id == display_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no saved display with id {id}."), id=display_id
        )
    return row


def _clean(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A display needs a name."))
    return name


def _check_unique(conn: Connection, name: str) -> None:
    sd = at.saved_display.c
    if conn.execute(select(sd.id).where(func.lower(sd.name) == name.lower())).first():
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A display named '{name}' already exists."), name=name
        )


class DisplayManager:
    """Saved displays: ``project.displays`` (every change one undoable operation)."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def all(self) -> list[SavedDisplayRecord]:
        """Every saved display, by name."""
        with self._p.reading() as conn:
            rows = conn.execute(select(at.saved_display).order_by(at.saved_display.c.name)).all()
        return [_record(r) for r in rows]

    def get(self, display_id: int) -> SavedDisplayRecord:
        """A saved display by id."""
        with self._p.reading() as conn:
            return _record(require(conn, display_id))

    def find(self, name: str) -> SavedDisplayRecord:
        """A saved display by (case-insensitive) name."""
        sd = at.saved_display.c
        with self._p.reading() as conn:
            row = conn.execute(
                select(at.saved_display).where(func.lower(sd.name) == name.strip().lower())
            ).first()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no saved display named '{name}'."), name=name
            )
        return _record(row)

    def run(self, display_id: int) -> Display:
        """Re-run a saved display on the current data (its cell summaries included)."""
        from qualcode.analysis.engine import build_display

        saved = self.get(display_id)
        return build_display(self._p, saved.spec, saved_id=saved.id)

    def cell_labels(self, display_id: int, row: str, col: str) -> tuple[str, str, str, str]:
        """(row key, column key, row label, column label) of a cell named by key or label."""
        from qualcode.analysis.cells import cell_keys

        display = self.run(display_id)
        rk, ck = cell_keys(display, row, col)
        r, c = display.find(rk, ck)
        return rk, ck, display.rows[r].label, display.columns[c].label

    def save(self, name: str, spec: DisplaySpec) -> ChangeSet[SavedDisplayRecord]:
        """Save ``spec`` under a new, unique ``name``."""
        name = _clean(name)
        with self._p.operation(
            "display.save", QT_TRANSLATE_NOOP("operations", "Save display")
        ) as op:
            _check_unique(op.conn, name)
            new_id = op.insert(at.saved_display, {"name": name, "spec": spec.to_dict()})
            op.note(display=name, type=spec.type)
            op.result = _record(require(op.conn, new_id))
        return op.changeset

    def rename(self, display_id: int, name: str) -> ChangeSet[SavedDisplayRecord]:
        """Give a saved display another name."""
        name = _clean(name)
        with self._p.operation(
            "display.rename", QT_TRANSLATE_NOOP("operations", "Rename display")
        ) as op:
            before = _record(require(op.conn, display_id))
            if before.name.lower() != name.lower():
                _check_unique(op.conn, name)
            op.update(at.saved_display, display_id, {"name": name, "modified_at": utcnow()})
            op.note(before=before.name, after=name)
            op.result = _record(require(op.conn, display_id))
        return op.changeset

    def update(self, display_id: int, spec: DisplaySpec) -> ChangeSet[SavedDisplayRecord]:
        """Replace a saved display's spec (its cell summaries stay keyed by row/column keys)."""
        with self._p.operation(
            "display.update", QT_TRANSLATE_NOOP("operations", "Edit display")
        ) as op:
            require(op.conn, display_id)
            op.update(
                at.saved_display, display_id, {"spec": spec.to_dict(), "modified_at": utcnow()}
            )
            op.note(display=display_id)
            op.result = _record(require(op.conn, display_id))
        return op.changeset

    def delete(self, display_id: int) -> ChangeSet[None]:
        """Delete a saved display, its cell summaries, ratings, effect types and decision rules,
        and conclusions' links to it.

        Memos on the display or its cells are kept, unlinked (they still name it).
        """
        with self._p.operation(
            "display.delete", QT_TRANSLATE_NOOP("operations", "Delete display")
        ) as op:
            row = require(op.conn, display_id)
            from qualcode.coding.memo_links import unlink_display

            unlink_display(op, display_id, row._mapping["name"])
            op.delete_where(at.cell_summary, at.cell_summary.c.display_id == display_id)
            op.delete_where(at.cell_rating, at.cell_rating.c.display_id == display_id)
            op.delete_where(at.effect_type, at.effect_type.c.display_id == display_id)
            op.delete_where(at.decision_rule, at.decision_rule.c.display_id == display_id)
            op.delete_where(at.conclusion_display, at.conclusion_display.c.display_id == display_id)
            op.delete_where(at.review_comment, _cell_comments(display_id))
            op.delete_where(at.saved_display, at.saved_display.c.id == display_id)
            op.note(display=row._mapping["name"])
        return op.changeset
