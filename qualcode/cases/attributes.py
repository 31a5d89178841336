"""Typed attributes of cases and sources: role, OPD, sector, interview date...

An attribute is defined once with a type (text, number, date, category with
allowed values) and valued per case or per source. Values are stored in one
canonical text form (numbers without trailing zeros, dates as ISO) and handed
out typed, so displays can sort and group on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import AttributeId
from qualcode.records import ATTRIBUTE_OWNERS, ATTRIBUTE_TYPES, Attribute
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

Value = str | float | int | date | None


def attribute_from_row(row: Any) -> Attribute:
    """An :class:`Attribute` record from an ``attribute`` row."""
    m = row._mapping
    return Attribute(
        id=AttributeId(m["id"]),
        guid=m["guid"],
        name=m["name"],
        owner=m["owner"],
        type=m["type"],
        allowed_values=tuple(m["allowed_values"] or ()),
        description=m["description"],
        position=m["position"],
    )


def canonical(attr: Attribute, value: Any) -> str | None:
    """The stored text form of ``value`` for ``attr``, or :class:`ValidationError`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if attr.type == "number":
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation as exc:
            raise _bad(attr, value, QT_TRANSLATE_NOOP("errors", "a number")) from exc
        if not number.is_finite():
            raise _bad(attr, value, QT_TRANSLATE_NOOP("errors", "a number"))
        text = format(number.normalize(), "f")
        return text
    if attr.type == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        try:
            return date.fromisoformat(str(value).strip()[:10]).isoformat()
        except ValueError as exc:
            raise _bad(attr, value, QT_TRANSLATE_NOOP("errors", "a date (YYYY-MM-DD)")) from exc
    text = str(value).strip()
    if attr.type == "category" and attr.allowed_values and text not in attr.allowed_values:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "'{value}' is not one of the values of {name}: {allowed}."),
            value=text,
            name=attr.name,
            allowed=", ".join(attr.allowed_values),
        )
    return text


def typed(attr_type: str, stored: str | None) -> Value:
    """The typed value of a stored text form."""
    if stored is None:
        return None
    if attr_type == "number":
        number = Decimal(stored)
        return int(number) if number == number.to_integral_value() else float(number)
    if attr_type == "date":
        return date.fromisoformat(stored)
    return stored


def _bad(attr: Attribute, value: Any, expected: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("errors", "{name} must be {expected}; '{value}' is not."),
        name=attr.name,
        expected=expected,
        value=value,
    )


_VALUES = tuple(  # every case's (True) or source's (False) values, built once
    select(key, t.attribute.c.name, t.attribute.c.type, t.attribute_value.c.value)
    .join(t.attribute, t.attribute.c.id == t.attribute_value.c.attribute_id)
    .where(key.is_not(None))
    for key in (t.attribute_value.c.source_id, t.attribute_value.c.case_id)
)


class AttributeManager:
    """Attribute definitions and their values on cases and sources."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -------------------------------------------------------------------
    def all(self, owner: str | None = None) -> list[Attribute]:
        """Attribute definitions (of cases or sources), in order."""
        q = select(t.attribute).order_by(t.attribute.c.position, t.attribute.c.id)
        if owner is not None:
            q = q.where(t.attribute.c.owner == owner)
        with self._p.reading() as conn:
            return [attribute_from_row(r) for r in conn.execute(q).all()]

    def find(self, name: str, owner: str = "case") -> Attribute:
        """An attribute by (case-insensitive) name."""
        with self._p.reading() as conn:
            row = _find(conn, name, owner)
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no attribute named '{name}'."), name=name
            )
        return row

    def values(self, owner: str = "case") -> dict[int, dict[str, Value]]:
        """For every case (or source) id: attribute name → typed value."""
        with self._p.reading() as conn:
            rows = conn.execute(_VALUES[owner == "case"]).all()
        out: dict[int, dict[str, Value]] = {}
        for owner_id, name, kind, value in rows:
            out.setdefault(owner_id, {})[name] = typed(kind, value)
        return out

    # -- operations --------------------------------------------------------------
    def define(
        self,
        name: str,
        *,
        owner: str = "case",
        type: str = "text",
        allowed_values: Sequence[str] = (),
        description: str = "",
    ) -> ChangeSet[Attribute]:
        """Define a new attribute for cases or sources."""
        name = " ".join((name or "").split())
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An attribute needs a name."))
        if owner not in ATTRIBUTE_OWNERS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "Attributes belong to cases or sources, not '{owner}'."
                ),
                owner=owner,
            )
        if type not in ATTRIBUTE_TYPES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Attribute type must be one of {allowed}."),
                allowed=", ".join(ATTRIBUTE_TYPES),
            )
        with self._p.operation(
            "attribute.define", QT_TRANSLATE_NOOP("operations", "New attribute")
        ) as op:
            if _find(op.conn, name, owner) is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "An attribute named '{name}' already exists."),
                    name=name,
                )
            count = op.conn.execute(
                select(func.count()).select_from(t.attribute).where(t.attribute.c.owner == owner)
            ).scalar_one()
            new_id = op.insert(
                t.attribute,
                {
                    "name": name,
                    "owner": owner,
                    "type": type,
                    "allowed_values": list(dict.fromkeys(allowed_values)),
                    "description": description,
                    "position": count,
                },
            )
            op.note(attribute=name, type=type, owner=owner)
            op.result = _get(op.conn, new_id)
        return op.changeset

    def update(
        self,
        attribute_id: int,
        *,
        name: str | None = None,
        allowed_values: Sequence[str] | None = None,
        description: str | None = None,
    ) -> ChangeSet[Attribute]:
        """Rename an attribute, change its allowed values or description."""
        with self._p.operation(
            "attribute.update", QT_TRANSLATE_NOOP("operations", "Edit attribute")
        ) as op:
            attr = _get(op.conn, attribute_id)
            values: dict[str, Any] = {}
            if name is not None and name.strip() != attr.name:
                clean = " ".join(name.split())
                if _find(op.conn, clean, attr.owner) is not None:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "An attribute named '{name}' already exists."),
                        name=clean,
                    )
                values["name"] = clean
            if allowed_values is not None:
                allowed = list(dict.fromkeys(allowed_values))
                used = {
                    r[0]
                    for r in op.conn.execute(
                        select(t.attribute_value.c.value).where(
                            t.attribute_value.c.attribute_id == attribute_id
                        )
                    )
                }
                if attr.type == "category" and allowed and not used <= set(allowed):
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "errors", "Values still in use would be dropped: {values}."
                        ),
                        values=", ".join(sorted(used - set(allowed))),
                    )
                values["allowed_values"] = allowed
            if description is not None:
                values["description"] = description
            if values:
                op.update(t.attribute, attribute_id, values)
            op.note(attribute=attr.name, after={k: str(v) for k, v in values.items()})
            op.result = _get(op.conn, attribute_id)
        return op.changeset

    def delete(self, attribute_id: int) -> ChangeSet[None]:
        """Delete an attribute and all its values."""
        with self._p.operation(
            "attribute.delete", QT_TRANSLATE_NOOP("operations", "Delete attribute")
        ) as op:
            attr = _get(op.conn, attribute_id)
            op.delete_where(t.attribute_value, t.attribute_value.c.attribute_id == attribute_id)
            op.delete(t.attribute, attribute_id)
            op.note(attribute=attr.name)
        return op.changeset

    def set_value(
        self,
        attribute_id: int,
        value: Any,
        *,
        case_id: int | None = None,
        source_id: int | None = None,
    ) -> ChangeSet[Value]:
        """Set (or clear, with None) the value of an attribute for a case or a source."""
        if (case_id is None) == (source_id is None):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Give either a case or a source for the value.")
            )
        with self._p.operation(
            "attribute.value", QT_TRANSLATE_NOOP("operations", "Set attribute value")
        ) as op:
            _set_value(op, _get(op.conn, attribute_id), value, case_id, source_id)
        return op.changeset

    def set_values(
        self, rows: Sequence[tuple[int, int | None, int | None, Any]], label: str | None = None
    ) -> ChangeSet[None]:
        """Set many values at once, ``(attribute_id, case_id, source_id, value)``, one undo step."""
        with self._p.operation(
            "attribute.values", label or QT_TRANSLATE_NOOP("operations", "Set attribute values")
        ) as op:
            cache: dict[int, Attribute] = {}
            for attribute_id, case_id, source_id, value in rows:
                attr = cache.get(attribute_id) or _get(op.conn, attribute_id)
                cache[attribute_id] = attr
                _set_value(op, attr, value, case_id, source_id)
            op.note(values=len(rows))
        return op.changeset


def _set_value(
    op: Any, attr: Attribute, value: Any, case_id: int | None, source_id: int | None
) -> None:
    expected = "case" if case_id is not None else "source"
    if attr.owner != expected:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is an attribute of {owner}s."),
            name=attr.name,
            owner=attr.owner,
        )
    stored = canonical(attr, value)
    v = t.attribute_value.c
    owner_cond = v.case_id == case_id if case_id is not None else v.source_id == source_id
    existing = op.conn.execute(
        select(v.id, v.value).where(v.attribute_id == attr.id, owner_cond)
    ).first()
    if existing is not None and stored is None:
        op.delete(t.attribute_value, existing[0])
    elif existing is not None and existing[1] != stored:
        op.update(t.attribute_value, existing[0], {"value": stored})
    elif existing is None and stored is not None:
        op.insert(
            t.attribute_value,
            {"attribute_id": attr.id, "case_id": case_id, "source_id": source_id, "value": stored},
        )
    op.result = typed(attr.type, stored)


def _find(conn: Connection, name: str, owner: str) -> Attribute | None:
    row = conn.execute(
        select(t.attribute).where(
            func.lower(t.attribute.c.name) == name.strip().lower(), t.attribute.c.owner == owner
        )
    ).first()
    return attribute_from_row(row) if row else None


def _get(conn: Connection, attribute_id: int) -> Attribute:
    row = conn.execute(select(t.attribute).where(t.attribute.c.id == attribute_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no attribute with id {id}."), id=attribute_id
        )
    return attribute_from_row(row)
