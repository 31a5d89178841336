"""Sources: add, rename, describe and delete sources; read their stored text.

The stored plain text of a source is written once, when the source is added,
and never changed afterwards: every coding's offsets point into it. (Importers
in :mod:`qualcode.sources.extract` turn files into that text first.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import SourceId
from qualcode.records import SOURCE_KINDS, Source
from qualcode.sources.extract.original import OriginalFile
from qualcode.store import tables as t
from qualcode.store.by_ids import ByIds

if TYPE_CHECKING:
    from qualcode.project import Project
    from qualcode.sources.edit import EditPlan

EDITABLE = ("name", "kind", "language", "date_collected", "description", "meta")
_LIST_COLUMNS = [c for c in t.source.c]
_TEXTS_IN = ByIds(
    select(t.source_content.c.source_id, t.source_content.c.text), t.source_content.c.source_id
)  # an export reads the texts of hundreds of sources at a time


def source_from_row(row: Any) -> Source:
    """A :class:`Source` record from a ``source`` table row."""
    m = row._mapping
    return Source(
        id=SourceId(m["id"]),
        guid=m["guid"],
        name=m["name"],
        kind=m["kind"],
        language=m["language"],
        date_collected=m["date_collected"],
        length=m["length"],
        sha256=m["sha256"],
        original_name=m["original_name"],
        description=m["description"],
        meta=dict(m["meta"] or {}),
        created_at=m["created_at"],
    )


def _sha256(original: bytes | OriginalFile | None) -> str | None:
    if original is None:
        return None
    if isinstance(original, OriginalFile):
        return original.sha256
    return hashlib.sha256(original).hexdigest()


def check_kind(kind: str) -> str:
    """Validate a source kind."""
    if kind not in SOURCE_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Source kind must be one of {allowed}, not '{kind}'."),
            allowed=", ".join(SOURCE_KINDS),
            kind=kind,
        )
    return kind


class SourceManager:
    """Reads and operations on the sources of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -------------------------------------------------------------------
    def get(self, source_id: int) -> Source:
        """The source with ``source_id`` or :class:`NotFoundError`."""
        with self._p.reading() as conn:
            return _require(conn, source_id)

    def all(self) -> list[Source]:
        """Every source, by name."""
        with self._p.reading() as conn:
            rows = conn.execute(select(*_LIST_COLUMNS).order_by(t.source.c.name)).all()
        return [source_from_row(r) for r in rows]

    def many(self, source_ids: Iterable[int]) -> list[Source]:
        """The sources with these ids (unknown ids left out), by name."""
        from qualcode.store.recorder import chunks

        out: list[Source] = []
        with self._p.reading() as conn:
            for part in chunks(sorted(set(source_ids))):
                q = select(*_LIST_COLUMNS).where(t.source.c.id.in_(part))
                out.extend(source_from_row(r) for r in conn.execute(q))
        return sorted(out, key=lambda s: (s.name, s.id))

    def find(self, name: str) -> Source:
        """A source by exact name, else by case-insensitive name, else by id given as text."""
        with self._p.reading() as conn:
            row = conn.execute(select(t.source).where(t.source.c.name == name)).first()
            if row is None:
                rows = conn.execute(
                    select(t.source).where(func.lower(t.source.c.name) == name.lower())
                ).all()
                row = rows[0] if len(rows) == 1 else None
            if row is None and name.isdigit():
                row = conn.execute(select(t.source).where(t.source.c.id == int(name))).first()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no source named '{name}'."), name=name
            )
        return source_from_row(row)

    def text(self, source_id: int) -> str:
        """The stored plain text of a source."""
        with self._p.reading() as conn:
            value = conn.execute(
                select(t.source_content.c.text).where(t.source_content.c.source_id == source_id)
            ).scalar()
        if value is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no source with id {id}."), id=source_id
            )
        return str(value)

    def texts(self, source_ids: Iterable[int]) -> dict[int, str]:
        """The stored plain texts of many sources by id, read in a few queries (missing ids
        are left out)."""
        with self._p.reading() as conn:  # fetched at once: a row at a time cost a fifth more
            return dict(_TEXTS_IN.rows(conn, source_ids))

    def original(self, source_id: int) -> bytes | None:
        """The original file's bytes, if the source was imported from a file."""
        with self._p.reading() as conn:
            return conn.execute(
                select(t.source_content.c.original).where(t.source_content.c.source_id == source_id)
            ).scalar()

    def by_sha256(self, sha256: str) -> Source | None:
        """The source imported from a file with this checksum, if any (duplicate check)."""
        with self._p.reading() as conn:
            row = conn.execute(select(t.source).where(t.source.c.sha256 == sha256)).first()
        return source_from_row(row) if row else None

    # -- operations -------------------------------------------------------------
    def add_text(
        self,
        name: str,
        text: str,
        *,
        kind: str = "interview",
        language: str | None = None,
        date_collected: date | None = None,
        description: str = "",
        meta: dict[str, Any] | None = None,
        original: bytes | OriginalFile | None = None,
        original_name: str | None = None,
        guid: str | None = None,
    ) -> ChangeSet[Source]:
        """Add a source whose (already normalised) plain text is ``text``.

        ``original`` is the imported file's bytes, or an :class:`OriginalFile`
        streamed from disk (a very large transcript).
        """
        name = " ".join((name or "").split())
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A source needs a name."))
        if not text or text.isspace():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{name}' has no text."), name=name)
        check_kind(kind)
        with self._p.operation("source.add", QT_TRANSLATE_NOOP("operations", "Add source")) as op:
            self._check_unique(op.conn, name)
            values: dict[str, Any] = {
                "name": name,
                "kind": kind,
                "language": language,
                "date_collected": date_collected,
                "length": len(text),
                "sha256": _sha256(original),
                "original_name": original_name,
                "description": description,
                "meta": dict(meta or {}),
                "created_by": op.coder_id,
            }
            if guid:
                values["guid"] = guid
            new_id = op.insert(t.source, values)
            op.insert(t.source_content, {"source_id": new_id, "text": text, "original": original})
            op.note(source=name, length=len(text), kind=kind)
            op.result = _require(op.conn, new_id)
        return op.changeset

    def update(self, source_id: int, **fields: Any) -> ChangeSet[Source]:
        """Edit a source's name, kind, language, date, description or metadata (never its text)."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Sources have no editable field(s) {fields}."),
                fields=", ".join(sorted(unknown)),
            )
        with self._p.operation(
            "source.update", QT_TRANSLATE_NOOP("operations", "Edit source")
        ) as op:
            before = _require(op.conn, source_id)
            values = dict(fields)
            if "name" in values:
                values["name"] = " ".join(str(values["name"]).split())
                if not values["name"]:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "A source needs a name."))
                if values["name"] != before.name:
                    self._check_unique(op.conn, values["name"])
            if "kind" in values:
                check_kind(values["kind"])
            op.update(t.source, source_id, values)
            op.note(
                source=before.name,
                before={k: str(getattr(before, k)) for k in fields},
                after={k: str(v) for k, v in values.items()},
            )
            op.result = _require(op.conn, source_id)
        return op.changeset

    def preview_edit(self, source_id: int, new_text: str) -> EditPlan:
        """What :meth:`edit_text` would do: codings flagged or removed, turns moved."""
        from qualcode.sources.edit import plan_edit

        with self._p.reading() as conn:
            return plan_edit(conn, source_id, new_text)[0]

    def edit_text(self, source_id: int, new_text: str) -> ChangeSet[EditPlan]:
        """Replace a source's text, carrying codings, turns and the index across the diff.

        Codings whose own text changed are kept over the new text and flagged
        ``"edited"``; codings whose text was deleted entirely are removed (see
        :meth:`preview_edit`). One undoable step; on a team server only the
        owner may edit text.
        """
        from qualcode.sources.edit import apply_edit

        with self._p.operation(
            "source.edit_text", QT_TRANSLATE_NOOP("operations", "Edit source text")
        ) as op:
            op.result = apply_edit(op, source_id, new_text, self._p.role)
        return op.changeset

    def rename(self, source_id: int, name: str) -> ChangeSet[Source]:
        """Rename a source."""
        return self.update(source_id, name=name)

    def delete(self, source_id: int) -> ChangeSet[None]:
        """Delete a source with its codings, case links, attribute values and memos."""
        with self._p.operation(
            "source.delete", QT_TRANSLATE_NOOP("operations", "Delete source")
        ) as op:
            src = _require(op.conn, source_id)
            delete_source_rows(op, [source_id])
            op.note(source=src.name)
        return op.changeset

    def _check_unique(self, conn: Connection, name: str) -> None:
        if conn.execute(select(t.source.c.id).where(t.source.c.name == name)).first():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A source named '{name}' already exists."), name=name
            )


def delete_source_rows(op: Any, source_ids: list[int]) -> None:
    """Delete sources and every row that depends on them, inside ``op``.

    Other modules that add tables referring to sources extend this through
    :data:`SOURCE_DEPENDENTS` so that deleting a source never hits a foreign key.
    """
    coding_ids = [
        r[0]
        for r in op.conn.execute(select(t.coding.c.id).where(t.coding.c.source_id.in_(source_ids)))
    ]
    for hook in SOURCE_DEPENDENTS:
        hook(op, source_ids, coding_ids)
    if coding_ids:
        op.delete_where(t.memo, t.memo.c.coding_id.in_(coding_ids))
    op.delete_where(t.memo, t.memo.c.source_id.in_(source_ids))
    op.delete_where(t.coding, t.coding.c.source_id.in_(source_ids))
    op.delete_where(t.case_link, t.case_link.c.source_id.in_(source_ids))
    op.delete_where(t.item_set_member, t.item_set_member.c.source_id.in_(source_ids))
    op.delete_where(t.attribute_value, t.attribute_value.c.source_id.in_(source_ids))
    op.delete_where(t.source_content, t.source_content.c.source_id.in_(source_ids))
    op.delete_where(t.source, t.source.c.id.in_(source_ids))


SOURCE_DEPENDENTS: list[Any] = []
"""Callables ``(op, source_ids, coding_ids)`` that delete rows of other areas first."""


def _require(conn: Connection, source_id: int) -> Source:
    row = conn.execute(select(*_LIST_COLUMNS).where(t.source.c.id == source_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no source with id {id}."), id=source_id
        )
    return source_from_row(row)
