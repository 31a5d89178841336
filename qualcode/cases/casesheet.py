"""Classification sheets for cases: one row per case, one typed attribute per column.

:func:`import_case_sheet` reads an .xlsx/.csv (via :mod:`qualcode.cases.sheets`),
finds the column that names the case (``Kode``/``Code``/``Case``/``Informan``...
or the one given), creates missing cases, defines missing attributes with the
inferred type (``category`` with its values when a column has few distinct
values) and sets the values, all in ONE undo step, and reports what it did.
Empty cells leave existing values alone. :func:`export_case_sheet` writes the
cases and their attributes back so that importing the file again changes nothing.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from qualcode.cases.attributes import canonical
from qualcode.errors import ImportFailedError, NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import Attribute

if TYPE_CHECKING:
    from qualcode.cases.sheets import Column
    from qualcode.changes import ChangeSet
    from qualcode.project import Project

#: Header names that name the case, tried in this order (case-insensitive).
KEY_COLUMNS = ("Kode", "Kode Informan", "Code", "Case", "Kasus", "Informan", "Informant", "ID")


@dataclass(frozen=True, slots=True)
class PlannedValue:
    """One attribute value the sheet sets: ``old`` is None for a value not set before."""

    row: int
    case: str
    attribute: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class SheetReport:
    """What an import did (or, from :func:`preview_case_sheet`, would do).

    ``skipped`` holds ``(row number in the file, reason)``: rows and cells not
    imported, error cells, formulas without a saved result, notes under the table.
    """

    key: str
    created_cases: list[str] = field(default_factory=list)
    defined_attributes: list[str] = field(default_factory=list)
    updated_values: int = 0
    unchanged_values: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    changes: ChangeSet[Any] | None = None
    planned: list[PlannedValue] = field(default_factory=list)


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


def preview_case_sheet(
    project: Project, path: str | os.PathLike[str], *, key: str | None = None
) -> SheetReport:
    """What :func:`import_case_sheet` would do with this sheet, changing nothing."""
    return _plan(project, Path(path), key)[0]


def import_case_sheet(
    project: Project,
    path: str | os.PathLike[str],
    *,
    key: str | None = None,
    case_kind: str = "informant",
) -> SheetReport:
    """Import a classification sheet into case attributes as one undo step."""
    path = Path(path)
    plan, columns = _plan(project, path, key)
    with project.undo_group(
        QT_TRANSLATE_NOOP("operations", "Import case sheet"), name="case.import_sheet"
    ) as op:
        sheet_columns = {c.name: c for c in columns}
        attrs: dict[str, Attribute] = {}
        for name in dict.fromkeys(v.attribute for v in plan.planned):
            attrs[name] = _attribute(project, sheet_columns[name], [])
        for name in plan.defined_attributes:
            if name not in attrs:
                attrs[name] = _attribute(project, sheet_columns[name], [])
        cases = {c.name.lower(): c for c in project.cases.all()}
        for name in plan.created_cases:
            new = project.cases.create(name, kind=case_kind).result
            assert new is not None
            cases[name.lower()] = new
        values: list[tuple[int, int | None, int | None, Any]] = []
        for planned in plan.planned:
            attr = attrs[planned.attribute] = _allow(project, attrs[planned.attribute], planned.new)
            values.append((attr.id, cases[planned.case.lower()].id, None, planned.new))
        if values:
            project.attributes.set_values(values)
        op.note(
            file=path.name,
            created=len(plan.created_cases),
            values=plan.updated_values,
            skipped=len(plan.skipped),
        )
    return dataclasses.replace(plan, changes=op.changes)


def _plan(project: Project, path: Path, key: str | None) -> tuple[SheetReport, list[Column]]:
    """The import worked out against the project without writing anything."""
    from qualcode.cases.sheets import read_sheet

    sheet = read_sheet(path)
    if not sheet.columns:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: the sheet is empty."), file=path.name
        )
    key_name = _key_column(sheet.columns, key, path.name)
    defined: list[str] = []
    attrs = {
        c.name: _existing_or_new(project, c, defined) for c in sheet.columns if c.name != key_name
    }
    cases = {c.name.lower(): c for c in project.cases.all()}
    created: list[str] = []
    skipped: list[tuple[int, str]] = list(sheet.problems)
    planned: list[PlannedValue] = []
    unchanged = 0
    seen: dict[str, int] = {}
    numbers = sheet.row_numbers or list(range(2, len(sheet.rows) + 2))
    for number, row in zip(numbers, sheet.rows, strict=True):
        raw = row.get(key_name)
        name = " ".join(str(raw).split()) if raw is not None else ""
        if not name:
            skipped.append((number, f"no case name in column '{key_name}'"))
            continue
        if name.lower() in seen:
            skipped.append((number, f"'{name}' appears again (first at row {seen[name.lower()]})"))
            continue
        seen[name.lower()] = number
        case = cases.get(name.lower())
        if case is None:
            created.append(name)
        for column, attr in attrs.items():
            value = row.get(column)
            if value is None:
                continue
            attr = attrs[column] = _widened(attr, value)
            try:
                stored = canonical(attr, value)
            except ValidationError as exc:
                skipped.append((number, f"{column}: {exc.message}"))
                continue
            old = case.attributes.get(attr.name) if case is not None else None
            if old is not None and canonical(attr, old) == stored:
                unchanged += 1
                continue
            planned.append(PlannedValue(number, name, column, old, value))
    skipped.sort(key=lambda item: item[0])
    report = SheetReport(
        key_name, created, defined, len(planned), unchanged, skipped, None, planned
    )
    return report, sheet.columns


def _existing_or_new(project: Project, column: Column, defined: list[str]) -> Attribute:
    """The project's attribute for ``column``, or the one the import would define."""
    try:
        return project.attributes.find(column.name, owner="case")
    except NotFoundError:
        defined.append(column.name)
        return Attribute(-1, "", column.name, "case", column.type, column.allowed_values, "", 0)  # type: ignore[arg-type]


def _widened(attr: Attribute, value: Any) -> Attribute:
    """``attr`` with a new category value allowed, as :func:`_allow` will store it."""
    text = str(value).strip()
    if attr.type != "category" or not attr.allowed_values or text in attr.allowed_values:
        return attr
    return dataclasses.replace(attr, allowed_values=(*attr.allowed_values, text))


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
    from qualcode.cases.sheets import Column, ColumnType, Sheet, write_sheet

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
