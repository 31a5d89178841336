"""Classification sheets for cases: one row per case, one typed attribute per column.

:func:`import_case_sheet` reads an .xlsx/.csv (via :mod:`qualcode.sources.sheets`),
finds the column that names the case (``Kode``/``Code``/``Case``/``Informan``...
or the one given), creates missing cases, defines missing attributes with the
inferred type (``category`` with its values when a column has few distinct
values) and sets the values, all in ONE undo step, and reports what it did.
Empty cells leave existing values alone. :func:`export_case_sheet` writes the
cases and their attributes back so that importing the file again changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from qualcode.attributes import canonical
from qualcode.errors import ImportFailedError, NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import Attribute

if TYPE_CHECKING:
    from qualcode.changes import ChangeSet
    from qualcode.project import Project
    from qualcode.sources.sheets import Column

#: Header names that name the case, tried in this order (case-insensitive).
KEY_COLUMNS = ("Kode", "Kode Informan", "Code", "Case", "Kasus", "Informan", "Informant", "ID")


@dataclass(frozen=True, slots=True)
class SheetReport:
    """What an import did; ``skipped`` holds ``(row number in the file, reason)``."""

    key: str
    created_cases: list[str] = field(default_factory=list)
    defined_attributes: list[str] = field(default_factory=list)
    updated_values: int = 0
    unchanged_values: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    changes: ChangeSet[Any] | None = None


def _key_column(columns: Sequence[Column], key: str | None, file: str) -> str:
    names = {c.name.strip().lower(): c.name for c in columns}
    wanted = [key] if key else list(KEY_COLUMNS)
    for candidate in wanted:
        if candidate.strip().lower() in names:
            return names[candidate.strip().lower()]
    raise ImportFailedError(
        QT_TRANSLATE_NOOP("errors", "{file}: no column names the cases (looked for {columns})."),
        file=file,
        columns=", ".join(wanted),
    )


def import_case_sheet(
    project: Project,
    path: str | os.PathLike[str],
    *,
    key: str | None = None,
    case_kind: str = "informant",
) -> SheetReport:
    """Import a classification sheet into case attributes as one undo step."""
    from qualcode.sources.sheets import read_sheet

    path = Path(path)
    sheet = read_sheet(path)
    if not sheet.columns:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: the sheet is empty."), file=path.name
        )
    key_name = _key_column(sheet.columns, key, path.name)
    created: list[str] = []
    defined: list[str] = []
    skipped: list[tuple[int, str]] = []
    updated = unchanged = 0
    with project.undo_group(
        QT_TRANSLATE_NOOP("operations", "Import case sheet"), name="case.import_sheet"
    ) as op:
        attrs = {
            c.name: _attribute(project, c, defined) for c in sheet.columns if c.name != key_name
        }
        cases = {c.name.lower(): c for c in project.cases.all()}
        seen: dict[str, int] = {}
        values: list[tuple[int, int | None, int | None, Any]] = []
        for number, row in enumerate(sheet.rows, start=2):
            raw = row.get(key_name)
            name = " ".join(str(raw).split()) if raw is not None else ""
            if not name:
                skipped.append((number, f"no case name in column '{key_name}'"))
                continue
            if name.lower() in seen:
                skipped.append(
                    (number, f"'{name}' appears again (first at row {seen[name.lower()]})")
                )
                continue
            seen[name.lower()] = number
            case = cases.get(name.lower())
            if case is None:
                new = project.cases.create(name, kind=case_kind).result
                assert new is not None
                case, cases[name.lower()] = new, new
                created.append(name)
            for column, attr in attrs.items():
                value = row.get(column)
                if value is None:
                    continue
                attr = _allow(project, attr, value)
                attrs[column] = attr
                try:
                    stored = canonical(attr, value)
                except ValidationError as exc:
                    skipped.append((number, f"{column}: {exc.message}"))
                    continue
                old = case.attributes.get(attr.name)
                if old is not None and canonical(attr, old) == stored:
                    unchanged += 1
                    continue
                values.append((attr.id, case.id, None, value))
                updated += 1
        if values:
            project.attributes.set_values(values)
        op.note(file=path.name, created=len(created), values=updated, skipped=len(skipped))
    return SheetReport(key_name, created, defined, updated, unchanged, skipped, op.changes)


def _attribute(project: Project, column: Column, defined: list[str]) -> Attribute:
    """The case attribute for ``column``: the existing one, else defined with its type."""
    try:
        return project.attributes.find(column.name, owner="case")
    except NotFoundError:
        pass
    attr = project.attributes.define(
        column.name, owner="case", type=column.type, allowed_values=column.allowed_values
    ).result
    assert attr is not None
    defined.append(attr.name)
    return attr


def _allow(project: Project, attr: Attribute, value: Any) -> Attribute:
    """Widen a category's allowed values when the sheet brings a new one."""
    text = str(value).strip()
    if attr.type != "category" or not attr.allowed_values or text in attr.allowed_values:
        return attr
    result = project.attributes.update(attr.id, allowed_values=[*attr.allowed_values, text]).result
    assert result is not None
    return result


def export_case_sheet(
    project: Project,
    path: str | os.PathLike[str],
    *,
    key: str = "Case",
    kinds: Sequence[str] | None = None,
) -> int:
    """Write cases (optionally only some kinds) and their attributes; returns the row count."""
    from qualcode.sources.sheets import Column, ColumnType, Sheet, write_sheet

    attrs = project.attributes.all(owner="case")
    columns = [Column(key, "text")] + [
        Column(a.name, cast(ColumnType, a.type), a.allowed_values if a.type == "category" else ())
        for a in attrs
    ]
    rows = []
    for case in project.cases.all():
        if kinds is not None and case.kind not in kinds:
            continue
        row: dict[str, Any] = {key: case.name}
        row.update({a.name: case.attributes.get(a.name) for a in attrs})
        rows.append(row)
    write_sheet(path, Sheet(columns, rows))
    return len(rows)
