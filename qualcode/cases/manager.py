"""Cases (informants, organisations, sites, groups) and their links to sources.

A case links to a whole source (an interview with one informant) or to ranges
of it (a focus-group participant's turns), so "everything informant X said" is
a query over links, not a copy of text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from qualcode.cases.attributes import typed
from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CaseId, SourceId
from qualcode.records import CASE_KINDS, Case, CaseLink, positional
from qualcode.store import tables as t
from qualcode.store.by_ids import ByIds

if TYPE_CHECKING:
    from qualcode.project import Project

EDITABLE = ("name", "kind", "description")


def case_from_row(row: Any, attributes: dict[str, Any] | None = None) -> Case:
    """A :class:`Case` record from a ``cases`` row."""
    m = row._mapping
    return Case(
        id=CaseId(m["id"]),
        guid=m["guid"],
        name=m["name"],
        kind=m["kind"],
        parent_id=CaseId(m["parent_id"]) if m["parent_id"] is not None else None,
        description=m["description"],
        attributes=dict(attributes or {}),
    )


def link_from_row(row: Any) -> CaseLink:
    """A :class:`CaseLink` record from a ``case_link`` row."""
    m = row._mapping
    return CaseLink(
        id=m["id"],
        case_id=CaseId(m["case_id"]),
        source_id=SourceId(m["source_id"]),
        start=m["start_pos"],
        end=m["end_pos"],
        speaker=m["speaker"],
    )


_K = t.cases.c
_CASE_COLUMNS = (_K.id, _K.guid, _K.name, _K.kind, _K.parent_id, _K.description)
"""The columns a :class:`Case` holds, in its field order (no timestamp to parse)."""
_L = t.case_link.c
_LINK_COLUMNS = (_L.id, _L.case_id, _L.source_id, _L.start_pos, _L.end_pos, _L.speaker)
_make_case = positional(Case)
_make_link = positional(CaseLink)
_V = t.attribute_value.c
_CASE_VALUES = (
    select(_V.case_id, t.attribute.c.name, t.attribute.c.type, _V.value)
    .join(t.attribute, t.attribute.c.id == _V.attribute_id)
    .where(_V.case_id.is_not(None))
    .order_by(t.attribute.c.position)
)
# Reads of a large selection's hundreds of cases and links (an excerpt export), by id.
_A = t.attribute.c
_CASES_WITH_VALUES = ByIds(  # each case once per attribute value (once without any)
    select(*_CASE_COLUMNS, _A.name, _A.type, _V.value)
    .select_from(
        t.cases.outerjoin(t.attribute_value, _V.case_id == _K.id).outerjoin(
            t.attribute, _A.id == _V.attribute_id
        )
    )
    .order_by(_K.id, _A.position),
    _K.id,
)
_LINKS_OF_SOURCES = ByIds(
    select(*_LINK_COLUMNS).order_by(_L.source_id, _L.start_pos, _L.id), _L.source_id
)


def _case(row: Any, attributes: dict[int, dict[str, Any]]) -> Case:
    """A :class:`Case` from a row of ``_CASE_COLUMNS``, read by position (a large export
    reads hundreds)."""
    cid, guid, name, kind, parent, description = row
    return _make_case(
        CaseId(cid), guid, name, kind, None if parent is None else CaseId(parent), description,
        attributes.get(cid) or {},  # each case's own dict, made by _attributes
    )  # fmt: skip


class CaseManager:
    """Reads and operations on the cases of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -------------------------------------------------------------------
    def get(self, case_id: int) -> Case:
        """The case with ``case_id``, with its attribute values."""
        with self._p.reading() as conn:
            row = _require(conn, case_id)
            attrs = _attributes(conn, [case_id]).get(case_id, {})
        return case_from_row(row, attrs)

    def all(self) -> list[Case]:
        """Every case with its attribute values, by name."""
        with self._p.reading() as conn:
            rows = conn.execute(select(*_CASE_COLUMNS).order_by(_K.name)).all()
            attrs = _attributes(conn, None)
        return [_case(r, attrs) for r in rows]

    def many(self, case_ids: Iterable[int]) -> list[Case]:
        """The cases with these ids (unknown ids left out), with their attribute values, by name;
        a selection touching a few cases of a large project reads only those."""
        with self._p.reading() as conn:
            rows = _CASES_WITH_VALUES.rows(conn, case_ids)
        out: list[Case] = []
        last = None
        values: dict[str, Any] = {}
        for cid, guid, name, kind, parent, description, attribute, type_, value in rows:
            if cid != last:  # a case's rows come together, its values in attribute order
                last, values = cid, {}
                out.append(_make_case(cid, guid, name, kind, parent, description, values))
            if attribute is not None:
                values[attribute] = typed(type_, value)
        return sorted(out, key=lambda c: (c.name, c.id))

    def find(self, name: str) -> Case:
        """A case by (case-insensitive) name."""
        with self._p.reading() as conn:
            row = conn.execute(
                select(t.cases).where(func.lower(t.cases.c.name) == name.strip().lower())
            ).first()
            if row is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no case named '{name}'."), name=name
                )
            attrs = _attributes(conn, [row._mapping["id"]]).get(row._mapping["id"], {})
        return case_from_row(row, attrs)

    def links(
        self,
        *,
        case_id: int | None = None,
        source_id: int | None = None,
        sources: Iterable[int] | None = None,
    ) -> list[CaseLink]:
        """Links of one case, or of one source, or of the ``sources`` given."""
        from qualcode.store.recorder import chunks

        if sources is not None and case_id is None and source_id is None:
            with self._p.reading() as conn:  # the links of an export's hundreds of sources
                listed = _LINKS_OF_SOURCES.rows(conn, sources)
            return [_make_link(*r) for r in listed]  # see below
        q = select(*_LINK_COLUMNS)
        if case_id is not None:
            q = q.where(t.case_link.c.case_id == case_id)
        if source_id is not None:
            q = q.where(t.case_link.c.source_id == source_id)
        order = (t.case_link.c.source_id, t.case_link.c.start_pos, t.case_link.c.id)
        with self._p.reading() as conn:
            if sources is None:
                rows = conn.execute(q.order_by(*order)).all()
            else:
                rows = []
                for part in chunks(sorted(set(sources))):
                    where = q.where(t.case_link.c.source_id.in_(part))
                    rows.extend(conn.execute(where.order_by(*order)).all())
        # A row of _LINK_COLUMNS holds the record's fields in order; typed ids are plain ints
        # at run time, so none is wrapped (a large export reads hundreds of links).
        return [_make_link(*r) for r in rows]

    # -- operations --------------------------------------------------------------
    def create(
        self,
        name: str,
        *,
        kind: str = "informant",
        parent_id: int | None = None,
        description: str = "",
        guid: str | None = None,
    ) -> ChangeSet[Case]:
        """Create a case (optionally inside a parent case)."""
        name = _clean_name(name)
        _check_kind(kind)
        with self._p.operation("case.create", QT_TRANSLATE_NOOP("operations", "New case")) as op:
            _check_unique(op.conn, name)
            if parent_id is not None:
                _require(op.conn, parent_id)
            values: dict[str, Any] = {
                "name": name,
                "kind": kind,
                "parent_id": parent_id,
                "description": description,
            }
            if guid:
                values["guid"] = guid
            new_id = op.insert(t.cases, values)
            op.note(case=name, kind=kind)
            op.result = case_from_row(_require(op.conn, new_id))
        return op.changeset

    def update(self, case_id: int, **fields: Any) -> ChangeSet[Case]:
        """Edit a case's name, kind or description."""
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Cases have no field(s) {fields}."),
                fields=", ".join(sorted(unknown)),
            )
        with self._p.operation("case.update", QT_TRANSLATE_NOOP("operations", "Edit case")) as op:
            before = case_from_row(_require(op.conn, case_id))
            values = dict(fields)
            if "name" in values:
                values["name"] = _clean_name(values["name"])
                if values["name"] != before.name:
                    _check_unique(op.conn, values["name"])
            if "kind" in values:
                _check_kind(values["kind"])
            op.update(t.cases, case_id, values)
            op.note(
                case=before.name,
                before={k: getattr(before, k) for k in fields},
                after=values,
            )
            op.result = case_from_row(_require(op.conn, case_id))
        return op.changeset

    def set_parent(self, case_id: int, parent_id: int | None) -> ChangeSet[Case]:
        """Put a case inside another (an informant inside an OPD), or at the top."""
        with self._p.operation("case.move", QT_TRANSLATE_NOOP("operations", "Move case")) as op:
            case = case_from_row(_require(op.conn, case_id))
            cursor = parent_id
            while cursor is not None:
                if cursor == case_id:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "'{name}' cannot be placed inside itself."),
                        name=case.name,
                    )
                cursor = _require(op.conn, cursor)._mapping["parent_id"]
            op.update(t.cases, case_id, {"parent_id": parent_id})
            op.note(case=case.name, before=case.parent_id, after=parent_id)
            op.result = case_from_row(_require(op.conn, case_id))
        return op.changeset

    def delete(self, case_id: int) -> ChangeSet[None]:
        """Delete a case, its links, values and memos; its sub-cases move up one level."""
        with self._p.operation("case.delete", QT_TRANSLATE_NOOP("operations", "Delete case")) as op:
            case = case_from_row(_require(op.conn, case_id))
            op.update_where(t.cases, t.cases.c.parent_id == case_id, {"parent_id": case.parent_id})
            for hook in CASE_DEPENDENTS:
                hook(op, [case_id])
            op.delete_where(t.memo, t.memo.c.case_id == case_id)
            op.delete_where(t.case_link, t.case_link.c.case_id == case_id)
            op.delete_where(t.attribute_value, t.attribute_value.c.case_id == case_id)
            op.delete(t.cases, case_id)
            op.note(case=case.name)
        return op.changeset

    def link(
        self,
        case_id: int,
        source_id: int,
        start: int | None = None,
        end: int | None = None,
        speaker: str | None = None,
    ) -> ChangeSet[CaseLink]:
        """Link a case to a whole source or to a range of it (a speaker's turn)."""
        with self._p.operation("case.link", QT_TRANSLATE_NOOP("operations", "Link case")) as op:
            _require(op.conn, case_id)
            length = op.conn.execute(
                select(t.source.c.length).where(t.source.c.id == source_id)
            ).scalar()
            if length is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no source with id {id}."), id=source_id
                )
            if (start is None) != (end is None) or (
                start is not None and end is not None and not 0 <= start < end <= length
            ):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The range {start}–{end} is not inside the text."),
                    start=start,
                    end=end,
                )
            new_id = op.insert(
                t.case_link,
                {
                    "case_id": case_id,
                    "source_id": source_id,
                    "start_pos": start,
                    "end_pos": end,
                    "speaker": speaker,
                },
            )
            op.note(case=case_id, source=source_id, start=start, end=end)
            row = op.conn.execute(select(t.case_link).where(t.case_link.c.id == new_id)).one()
            op.result = link_from_row(row)
        return op.changeset

    def unlink(self, link_id: int) -> ChangeSet[None]:
        """Remove one case link."""
        with self._p.operation("case.unlink", QT_TRANSLATE_NOOP("operations", "Unlink case")) as op:
            try:
                op.delete(t.case_link, link_id)
            except LookupError as exc:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no case link with id {id}."), id=link_id
                ) from exc
        return op.changeset


CASE_DEPENDENTS: list[Any] = []
"""Callables ``(op, case_ids)`` that delete rows of other areas before a case goes."""


def _attributes(conn: Connection, case_ids: Sequence[int] | None) -> dict[int, dict[str, Any]]:
    """Attribute values of the cases ``case_ids`` (of every case for None), typed, by case."""
    q = _CASE_VALUES if case_ids is None else _CASE_VALUES.where(_V.case_id.in_(case_ids))
    out: dict[int, dict[str, Any]] = {}
    rows = conn.execute(q)
    for cid, name, kind, value in rows:
        out.setdefault(cid, {})[name] = typed(kind, value)
    return out


def _clean_name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not clean:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A case needs a name."))
    return clean


def _check_kind(kind: str) -> None:
    if kind not in CASE_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Case kind must be one of {allowed}, not '{kind}'."),
            allowed=", ".join(CASE_KINDS),
            kind=kind,
        )


def _check_unique(conn: Connection, name: str) -> None:
    found = conn.execute(
        select(t.cases.c.id).where(func.lower(t.cases.c.name) == name.lower())
    ).first()
    if found is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A case named '{name}' already exists."), name=name
        )


def _require(conn: Connection, case_id: int) -> Any:
    row = conn.execute(select(t.cases).where(t.cases.c.id == case_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no case with id {id}."), id=case_id
        )
    return row
