"""Undo, redo and the audit log, kept inside the project.

Each operation becomes an undo step holding the row images it wrote. Undo
applies the inverse of each entry in reverse order; redo re-applies them in
order. Before touching a row, both check that it still looks the way the step
left it, so an undo never silently overwrites someone else's later work (it
raises :class:`ConflictError` instead). The undo history is bounded; the audit
log is never pruned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, and_, delete, func, insert, select, update

from qualcode.errors import ConflictError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import rowcodec, sequences
from qualcode.store.large import insert_row, is_large
from qualcode.store.models import AuditEntry, Base, UndoStep
from qualcode.store.models.base import utcnow
from qualcode.store.recorder import Entry, Operation, Row, chunks

UNDO_LIMIT = 200
"""Undo steps kept per project; older steps are dropped (their audit entries stay)."""

_steps: Table = UndoStep.__table__  # type: ignore[assignment]
_audit: Table = AuditEntry.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class StepInfo:
    """An undoable or redoable step as the UI names it ("Undo Merge codes")."""

    id: int
    op: str
    label: str
    coder: str


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _pk(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _key_clause(table: Table, image: Row) -> Any:
    return and_(*(table.c[name] == image[name] for name in _pk(table)))


def record(conn: Connection, op: Operation, *, drop_redo: bool = True) -> int | None:
    """Store ``op`` as an undo step and audit it.

    ``drop_redo=False`` skips clearing the coder's redo stack when the caller
    knows it is empty (saves a statement on the hot path of coding).
    """
    step_id: int | None = None
    if op.entries:
        if drop_redo:
            # A new operation ends this coder's redo stack (others' stay theirs).
            conn.execute(
                delete(_steps).where(_steps.c.undone.is_(True), _steps.c.coder == op.coder)
            )
        step_id = conn.execute(
            insert(_steps)
            .values(
                op=op.name,
                label=op.label,
                coder=op.coder,
                undone=False,
                changes=rowcodec.pack(op.entries),
            )
            .returning(_steps.c.id)
        ).scalar_one()
        if step_id % 50 == 0:
            _prune(conn)
    summary = dict(op.summary) or _default_summary(op.entries)
    _order_audit(conn)
    conn.execute(
        insert(_audit).values(
            coder=op.coder, op=op.name, label=op.label, summary=summary, step_id=step_id
        )
    )
    return step_id


def _order_audit(conn: Connection) -> None:
    """On PostgreSQL, commit audit ids in increasing order (held until commit).

    Concurrent writers would otherwise commit id 11 before id 10, and a client
    polling "entries after the last id I saw" would miss 10 for good.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(sequences.AUDIT_LOCK)))


def _default_summary(entries: Sequence[Entry]) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    names = {"i": "inserted", "u": "updated", "d": "deleted"}
    for kind, table, rows in entries:
        per = counts.setdefault(table, {})
        per[names[kind]] = per.get(names[kind], 0) + len(rows)
    return {"rows": counts}


def _prune(conn: Connection) -> None:
    keep_from = conn.execute(
        select(_steps.c.id).order_by(_steps.c.id.desc()).offset(UNDO_LIMIT - 1).limit(1)
    ).scalar()
    if keep_from is not None:
        conn.execute(delete(_steps).where(_steps.c.id < keep_from))


def peek_undo(conn: Connection, coder: str | None = None) -> StepInfo | None:
    """The step :func:`undo` would undo, if any."""
    q = select(_steps.c.id, _steps.c.op, _steps.c.label, _steps.c.coder).where(
        _steps.c.undone.is_(False)
    )
    if coder is not None:
        q = q.where(_steps.c.coder == coder)
    row = conn.execute(q.order_by(_steps.c.id.desc()).limit(1)).first()
    return StepInfo(*row) if row else None


def peek_redo(conn: Connection, coder: str | None = None) -> StepInfo | None:
    """The step :func:`redo` would redo, if any."""
    q = select(_steps.c.id, _steps.c.op, _steps.c.label, _steps.c.coder).where(
        _steps.c.undone.is_(True)
    )
    if coder is not None:
        q = q.where(_steps.c.coder == coder)
    row = conn.execute(q.order_by(_steps.c.id.asc()).limit(1)).first()
    return StepInfo(*row) if row else None


def undo_step(conn: Connection, step: StepInfo, coder: str) -> list[Entry]:
    """Revert ``step`` and mark it undone; returns its entries for the change set.

    An inserted row recorded without its large columns gets them back from the
    table before it is removed, and the step is stored again whole, so redo can
    restore the row.
    """
    entries = _load(conn, step.id)
    completed = False
    for kind, table_name, rows in reversed(entries):
        table = _table(table_name)
        if kind == "i":
            completed |= _remove(table, rows, conn)
        elif kind == "d":
            _restore(table, rows, conn)
        else:
            _rewrite(table, [(after, before) for before, after in rows], conn)
    values: dict[str, Any] = {"undone": True}
    if completed:
        values["changes"] = rowcodec.pack(entries)
    conn.execute(update(_steps).where(_steps.c.id == step.id).values(values))
    _audit_replay(conn, coder, "undo", QT_TRANSLATE_NOOP("operations", "Undo"), step)
    return entries


def redo_step(conn: Connection, step: StepInfo, coder: str) -> list[Entry]:
    """Re-apply ``step`` and mark it done; returns its entries for the change set."""
    entries = _load(conn, step.id)
    for kind, table_name, rows in entries:
        table = _table(table_name)
        if kind == "i":
            _restore(table, rows, conn)
        elif kind == "d":
            _remove(table, rows, conn)
        else:
            _rewrite(table, [(before, after) for before, after in rows], conn)
    conn.execute(update(_steps).where(_steps.c.id == step.id).values(undone=False))
    _audit_replay(conn, coder, "redo", QT_TRANSLATE_NOOP("operations", "Redo"), step)
    return entries


def _audit_replay(conn: Connection, coder: str, op: str, label: str, step: StepInfo) -> None:
    _order_audit(conn)
    conn.execute(
        insert(_audit).values(
            at=utcnow(),
            coder=coder,
            op=op,
            label=label,
            summary={"step": step.id, "op": step.op, "label": step.label, "by": step.coder},
            step_id=step.id,
        )
    )


def _load(conn: Connection, step_id: int) -> list[Entry]:
    blob = conn.execute(select(_steps.c.changes).where(_steps.c.id == step_id)).scalar_one()
    return rowcodec.unpack(blob)


def _conflict(table: Table) -> ConflictError:
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "errors",
            "Cannot undo or redo: the {table} was changed since. Nothing was changed.",
        ),
        table=table.name,
    )


def _current_rows(conn: Connection, table: Table, images: Sequence[Row]) -> dict[Any, Row]:
    pk = _pk(table)
    found: dict[Any, Row] = {}
    # On a server, hold the rows checked until the undo commits (no lost concurrent edit).
    locking = conn.dialect.name == "postgresql"
    if len(pk) == 1:
        col = table.c[pk[0]]
        keys = [img[pk[0]] for img in images]
        for part in chunks(keys):
            query = select(*table.c).where(col.in_(part))
            for row in conn.execute(query.with_for_update() if locking else query):
                image = {c.name: row[i] for i, c in enumerate(table.c)}
                found[image[pk[0]]] = image
        return found
    for img in images:
        query = select(*table.c).where(_key_clause(table, img))
        one = conn.execute(query.with_for_update() if locking else query).first()
        if one is not None:
            image = {c.name: one[i] for i, c in enumerate(table.c)}
            found[tuple(image[k] for k in pk)] = image
    return found


def _key(table: Table, image: Row) -> Any:
    pk = _pk(table)
    return image[pk[0]] if len(pk) == 1 else tuple(image[k] for k in pk)


def _same(current: Row, expected: Row) -> bool:
    return all(current.get(k) == v for k, v in expected.items())


def _remove(table: Table, images: Sequence[Row], conn: Connection) -> bool:
    """Delete the rows of ``images`` (unchanged since); True if an image was completed.

    An image without some columns (an insert's large values) is completed from
    the row, so the images can restore it.
    """
    current = _current_rows(conn, table, images)
    completed = False
    for img in images:
        now = current.get(_key(table, img))
        if now is None or not _same(now, img):
            raise _conflict(table)
        if len(img) < len(now):
            img.update({k: v for k, v in now.items() if k not in img})
            completed = True
    pk = _pk(table)
    if len(pk) == 1:
        keys = [img[pk[0]] for img in images]
        for part in chunks(keys):
            conn.execute(delete(table).where(table.c[pk[0]].in_(part)))
    else:
        for img in images:
            conn.execute(delete(table).where(_key_clause(table, img)))
    return completed


def _restore(table: Table, images: Sequence[Row], conn: Connection) -> None:
    if _current_rows(conn, table, images):
        raise _conflict(table)
    batch: list[Row] = []
    for img in images:  # in order: rows may refer to rows restored before them
        if any(is_large(v) for v in img.values()):
            if batch:
                conn.execute(insert(table), batch)
                batch = []
            insert_row(conn, table, img, [])  # streamed, as when it was first inserted
        else:
            batch.append(dict(img))
    if batch:
        conn.execute(insert(table), batch)
    column = sequences.id_column(table)
    if column is not None and conn.dialect.name != "sqlite":
        sequences.ensure_past(conn, table, max(int(img[column]) for img in images))


def _rewrite(table: Table, pairs: Sequence[tuple[Row, Row]], conn: Connection) -> None:
    """Move rows from the first image of each pair to the second."""
    current = _current_rows(conn, table, [p[0] for p in pairs])
    for expected, _target in pairs:
        now = current.get(_key(table, expected))
        if now is None or not _same(now, expected):
            raise _conflict(table)
    for _expected, target in pairs:
        conn.execute(update(table).where(_key_clause(table, target)).values(dict(target)))


def step_count(conn: Connection) -> int:
    """How many undo steps are stored (done and undone)."""
    return int(conn.execute(select(func.count()).select_from(_steps)).scalar_one())
