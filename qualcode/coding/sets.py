"""Sets of codes and sources: code clusters and document groups (all undoable)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CodeId, SourceId
from qualcode.records import ItemSet
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project


def _load(conn: Connection, where: Any = None) -> list[ItemSet]:
    q = select(t.item_set).order_by(t.item_set.c.name)
    if where is not None:
        q = q.where(where)
    sets = conn.execute(q).all()
    ids = [s._mapping["id"] for s in sets]
    members: dict[int, tuple[list[CodeId], list[SourceId]]] = {i: ([], []) for i in ids}
    m = t.item_set_member.c
    if ids:
        for set_id, code_id, source_id in conn.execute(
            select(m.set_id, m.code_id, m.source_id).where(m.set_id.in_(ids)).order_by(m.id)
        ):
            if code_id is not None:
                members[set_id][0].append(CodeId(code_id))
            else:
                members[set_id][1].append(SourceId(source_id))
    out = []
    for row in sets:
        r = row._mapping
        codes, sources = members[r["id"]]
        out.append(
            ItemSet(
                id=r["id"],
                guid=r["guid"],
                name=r["name"],
                description=r["description"],
                labels=dict(r["labels"] or {}),
                codebook=r["codebook"],
                codebook_set=r["codebook_set"],
                code_ids=tuple(codes),
                source_ids=tuple(sources),
            )
        )
    return out


class SetManager:
    """Code sets and source sets of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def all(self) -> list[ItemSet]:
        """Every set with its members, by name."""
        with self._p.reading() as conn:
            return _load(conn)

    def get(self, set_id: int) -> ItemSet:
        """The set with ``set_id``."""
        with self._p.reading() as conn:
            return _require(conn, set_id)

    def find(self, name: str) -> ItemSet:
        """A set by (case-insensitive) name."""
        with self._p.reading() as conn:
            found = _load(conn, func.lower(t.item_set.c.name) == name.strip().lower())
        if not found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no set named '{name}'."), name=name
            )
        return found[0]

    def create(
        self,
        name: str,
        *,
        code_ids: Sequence[int] = (),
        source_ids: Sequence[int] = (),
        description: str = "",
        labels: dict[str, str] | None = None,
        codebook: str | None = None,
        codebook_set: str | None = None,
        guid: str | None = None,
    ) -> ChangeSet[ItemSet]:
        """Create a set of codes and/or sources."""
        clean = " ".join((name or "").split())
        if not clean:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A set needs a name."))
        with self._p.operation("set.create", QT_TRANSLATE_NOOP("operations", "New set")) as op:
            if op.conn.execute(
                select(t.item_set.c.id).where(func.lower(t.item_set.c.name) == clean.lower())
            ).first():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "A set named '{name}' already exists."),
                    name=clean,
                )
            values: dict[str, Any] = {
                "name": clean, "description": description, "labels": dict(labels or {}),
                "codebook": codebook, "codebook_set": codebook_set,
            }  # fmt: skip
            if guid:
                values["guid"] = guid
            set_id = op.insert(t.item_set, values)
            _add(op, set_id, code_ids, source_ids)
            op.note(set=clean, codes=len(code_ids), sources=len(source_ids))
            op.result = _require(op.conn, set_id)
        return op.changeset

    def update(
        self, set_id: int, *, name: str | None = None, description: str | None = None
    ) -> ChangeSet[ItemSet]:
        """Rename a set or change its description."""
        with self._p.operation("set.update", QT_TRANSLATE_NOOP("operations", "Edit set")) as op:
            before = _require(op.conn, set_id)
            values: dict[str, Any] = {}
            if name is not None and name.strip() and name.strip() != before.name:
                values["name"] = " ".join(name.split())
            if description is not None:
                values["description"] = description
            if values:
                op.update(t.item_set, set_id, values)
            op.note(set=before.name, after=values)
            op.result = _require(op.conn, set_id)
        return op.changeset

    def add(
        self, set_id: int, *, code_ids: Sequence[int] = (), source_ids: Sequence[int] = ()
    ) -> ChangeSet[ItemSet]:
        """Add codes and/or sources to a set (members already in it are skipped)."""
        with self._p.operation("set.add", QT_TRANSLATE_NOOP("operations", "Add to set")) as op:
            _require(op.conn, set_id)
            _add(op, set_id, code_ids, source_ids)
            op.result = _require(op.conn, set_id)
        return op.changeset

    def remove(
        self, set_id: int, *, code_ids: Sequence[int] = (), source_ids: Sequence[int] = ()
    ) -> ChangeSet[ItemSet]:
        """Remove codes and/or sources from a set."""
        m = t.item_set_member.c
        with self._p.operation(
            "set.remove", QT_TRANSLATE_NOOP("operations", "Remove from set")
        ) as op:
            _require(op.conn, set_id)
            if code_ids:
                op.delete_where(
                    t.item_set_member, (m.set_id == set_id) & m.code_id.in_(list(code_ids))
                )
            if source_ids:
                op.delete_where(
                    t.item_set_member, (m.set_id == set_id) & m.source_id.in_(list(source_ids))
                )
            op.result = _require(op.conn, set_id)
        return op.changeset

    def delete(self, set_id: int) -> ChangeSet[None]:
        """Delete a set (its codes and sources stay)."""
        with self._p.operation("set.delete", QT_TRANSLATE_NOOP("operations", "Delete set")) as op:
            before = _require(op.conn, set_id)
            op.delete_where(t.item_set_member, t.item_set_member.c.set_id == set_id)
            op.delete(t.item_set, set_id)
            op.note(set=before.name)
        return op.changeset


def _add(op: Any, set_id: int, code_ids: Sequence[int], source_ids: Sequence[int]) -> None:
    m = t.item_set_member.c
    have_codes = {
        r[0]
        for r in op.conn.execute(
            select(m.code_id).where(m.set_id == set_id, m.code_id.is_not(None))
        )
    }
    have_sources = {
        r[0]
        for r in op.conn.execute(
            select(m.source_id).where(m.set_id == set_id, m.source_id.is_not(None))
        )
    }
    for table, ids in ((t.code, code_ids), (t.source, source_ids)):
        wanted = set(ids)
        found = {r[0] for r in op.conn.execute(select(table.c.id).where(table.c.id.in_(wanted)))}
        if wanted - found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no {kind} with id {id}."),
                kind=table.name,
                id=min(wanted - found),
            )
    rows = [
        {"set_id": set_id, "code_id": c, "source_id": None}
        for c in dict.fromkeys(code_ids)
        if c not in have_codes
    ]
    rows += [{"set_id": set_id, "code_id": None, "source_id": s}
             for s in dict.fromkeys(source_ids) if s not in have_sources]  # fmt: skip
    op.insert_many(t.item_set_member, rows)


def _require(conn: Connection, set_id: int) -> ItemSet:
    found = _load(conn, t.item_set.c.id == set_id)
    if not found:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no set with id {id}."), id=set_id)
    return found[0]
