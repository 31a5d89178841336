"""Classification sheets: one row per case (informant, site) with typed columns.

:func:`read_sheet` reads .xlsx or .csv and infers a type per column:
``number`` (every value numeric; codes with leading zeros such as "007" stay
text), ``date`` (every value a date cell or a date string, Indonesian month
names included), ``category`` (at most :data:`MAX_CATEGORIES` distinct values
and at least one repeated; ``allowed_values`` in order of first appearance) or
``text``. :func:`write_sheet` writes .xlsx (with a hidden ``_qualcode`` sheet
recording the column types, so a round trip keeps them exactly, and a dropdown
for category columns) or .csv (UTF-8 with BOM for Excel, ISO dates, "."
decimals; types come back by the same inference).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from qualcode.errors import ExportFailedError, ImportFailedError
from qualcode.fileio import csv_text, strings_not_formulas
from qualcode.i18n import QT_TRANSLATE_NOOP

ColumnType = Literal["text", "number", "date", "category"]
Value = str | int | float | dt.date | None
MAX_CATEGORIES = 20
META_SHEET = "_qualcode"
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")
_COMMA_NUMBER = re.compile(r"[-+]?\d+,\d+")
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class Column:
    """A sheet column: its header, inferred type and, for categories, the values."""

    name: str
    type: ColumnType
    allowed_values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sheet:
    """Typed columns and one dict per row (column name -> value; None when empty).

    ``row_numbers`` are the rows' numbers in the file (1 = the first line) and
    ``problems`` what was not read as asked, as ``(row number, reason)``: error
    cells, formulas without a saved result, note rows under the table.
    """

    columns: list[Column]
    rows: list[dict[str, Value]]
    row_numbers: list[int] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def _number(value: object, decimal_comma: bool) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    if decimal_comma and _COMMA_NUMBER.fullmatch(s):
        s = s.replace(",", ".")
    if not _NUMBER.fullmatch(s):
        return None
    digits = s.lstrip("+-")
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return None  # "007", "0812...": identifiers and phone numbers, not quantities
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    return float(s)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) > 30 or not re.search(r"\d{2}", value):
        return None
    from qualcode.sources.header import parse_date

    if len(value.split()) > 4:
        return None
    return parse_date(value)


def _text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def infer_column(name: str, values: Sequence[object], *, decimal_comma: bool = False) -> Column:
    """Infer one column's type from its raw values (see the module docstring)."""
    present = [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
    if not present:
        return Column(name, "text")
    if all(_number(v, decimal_comma) is not None for v in present):
        return Column(name, "number")
    if all(_date(v) is not None for v in present):
        return Column(name, "date")
    distinct = list(dict.fromkeys(_text(v).strip() for v in present))
    if len(distinct) <= MAX_CATEGORIES and len(distinct) < len(present):
        return Column(name, "category", tuple(distinct))
    return Column(name, "text")


def convert(column: Column, value: object, *, decimal_comma: bool = False) -> Value:
    """Convert a raw cell to ``column``'s type; empty cells become None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if column.type == "number":
        number = _number(value, decimal_comma)
        return number if number is not None else _text(value).strip()
    if column.type == "date":
        date = _date(value)
        return date if date is not None else _text(value).strip()
    return _text(value).strip()


def _unique_names(header: Sequence[object]) -> list[str]:
    names: list[str] = []
    for i, raw in enumerate(header, 1):
        base = _text(raw).strip() if raw is not None else ""
        name, n = base or f"Column {i}", 2
        while name in names:
            name, n = f"{base or f'Column {i}'} ({n})", n + 1
        names.append(name)
    return names


def _blank(row: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


_NOTE_WORDS = ("catatan", "keterangan", "sumber", "note", "notes", "source", "*")


def _is_note(row: Sequence[object]) -> bool:
    """A row holding one remark under the table ("Catatan: sumber data primer")."""
    filled = [v for v in row if not _blank([v])]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    text = filled[0].strip()
    return ":" in text or text.lower().startswith(_NOTE_WORDS) or len(text.split()) > 6


def _build(
    grid: list[list[object]],
    *,
    decimal_comma: bool,
    types: Mapping[str, Column] | None = None,
    problems: list[tuple[int, str]] | None = None,
) -> Sheet:
    """Columns and rows of the table in ``grid`` (row ``i`` is file row ``i + 1``).

    The table starts at the first filled row (the header); blank rows are
    skipped, but after one only table-shaped rows (two or more cells) go on,
    and remark rows ("Catatan: ...") are never cases: those are reported in
    ``problems``.
    """
    problems = list(problems or [])
    numbered = list(enumerate(grid, start=1))
    while numbered and _blank(numbered[0][1]):
        numbered.pop(0)
    if not numbered:
        return Sheet([], [], [], problems)
    table: list[tuple[int, list[object]]] = []
    after: list[int] = []
    gap = False  # a blank row was passed: only table-shaped rows (2+ cells) go on
    for number, row in numbered:
        if _blank(row):
            gap = True
        elif (table and _is_note(row)) or (gap and sum(not _blank([v]) for v in row) < 2):
            after.append(number)
        else:
            table.append((number, row))
    if after:
        problems.append(
            (after[0], f"{len(after)} row(s) under or beside the table are notes, not cases")
        )
    numbered = table
    width = max(len(row) for _n, row in numbered)
    grid = [list(row) + [None] * (width - len(row)) for _n, row in numbered]
    names = _unique_names(grid[0])
    while (
        names
        and all(row[len(names) - 1] in (None, "") for row in grid[1:])
        and (names[-1].startswith("Column "))
    ):
        names.pop()  # padding columns with neither header nor values
    body = grid[1:]
    columns = []
    for i, name in enumerate(names):
        known = (types or {}).get(name)
        columns.append(
            known or infer_column(name, [r[i] for r in body], decimal_comma=decimal_comma)
        )
    rows = [
        {c.name: convert(c, r[i], decimal_comma=decimal_comma) for i, c in enumerate(columns)}
        for r in body
    ]
    return Sheet(columns, rows, [n for n, _row in numbered[1:]], sorted(problems))


def sniff_delimiter(text: str) -> str:
    """The delimiter (``,`` ``;`` or tab) that splits most of the first lines alike.

    Indonesian Excel writes ``;`` (the comma is the decimal sign), so case sheets and
    codebook tables both need it guessed.
    """
    lines = text.splitlines()[:30]
    best, best_score = ",", (-1, 0)
    for delimiter in _DELIMITERS:
        widths = [len(r) for r in csv.reader(lines, delimiter=delimiter) if r]
        if not widths:
            continue
        width = max(set(widths), key=widths.count)
        score = (sum(1 for w in widths if w == width) if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _fail(path: Path, template: str, /, **params: object) -> ImportFailedError:
    return ImportFailedError(template, file=path.name, **params)


def read_sheet(path: str | Path, *, column_types: Mapping[str, ColumnType] | None = None) -> Sheet:
    """Read an .xlsx (first visible sheet) or .csv classification sheet with typed columns.

    ``column_types`` forces the type of named columns instead of inferring it.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        sheet = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        sheet = _read_xlsx(path)
    else:
        raise _fail(
            path,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot read the sheet {file}: only .xlsx and .csv files are supported."
            ),
        )
    if not column_types:
        return sheet
    raw = [[row[c.name] for c in sheet.columns] for row in sheet.rows]
    columns = []
    for i, column in enumerate(sheet.columns):
        forced = column_types.get(column.name)
        if forced is None:
            columns.append(column)
        elif forced == "category":
            seen = dict.fromkeys(_text(r[i]).strip() for r in raw if r[i] is not None)
            columns.append(Column(column.name, "category", tuple(seen)))
        else:
            columns.append(Column(column.name, forced))
    rows = [{c.name: convert(c, r[i]) for i, c in enumerate(columns)} for r in raw]
    return Sheet(columns, rows, sheet.row_numbers, sheet.problems)


def _read_csv(path: Path) -> Sheet:
    from qualcode.sources.extract.plain import decode_text

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(
            path, QT_TRANSLATE_NOOP("errors", "Cannot read the sheet {file}: {reason}."), reason=exc
        ) from exc
    text, _, _ = decode_text(data, path.name)
    delimiter = sniff_delimiter(text)
    grid: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    problems: list[tuple[int, str]] = []
    for number, row in enumerate(grid, start=1):
        for i, value in enumerate(row):
            if isinstance(value, str) and value.strip() in _ERROR_VALUES:
                problems.append(
                    (number, f"column {i + 1} shows the error {value.strip()}; left empty")
                )
                row[i] = None
    return _build(grid, decimal_comma=delimiter != ",", problems=problems)


def _read_xlsx(path: Path) -> Sheet:
    """The first visible sheet: merged cells fill their range; error cells and formulas
    without a saved result are left empty and reported (never stored as values)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _fail(
            path,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot read the sheet {file}: not a readable Excel file ({reason})."
            ),
            reason=exc,
        ) from exc
    try:
        types: dict[str, Column] = {}
        if META_SHEET in workbook.sheetnames:
            for row in workbook[META_SHEET].iter_rows(values_only=True):
                if row and row[0] is not None and row[1] in ("text", "number", "date", "category"):
                    values = tuple(_text(v) for v in row[2:] if v is not None)
                    types[_text(row[0])] = Column(_text(row[0]), row[1], values)
        sheet_names = [
            n
            for n in workbook.sheetnames
            if n != META_SHEET and workbook[n].sheet_state == "visible"
        ]
        if not sheet_names:
            return Sheet([], [])
        grid, problems = _xlsx_grid(workbook[sheet_names[0]], formulas[sheet_names[0]])
    finally:
        workbook.close()
        formulas.close()
    return _build(grid, decimal_comma=False, types=types, problems=problems)


def _xlsx_grid(ws: Any, formula_ws: Any) -> tuple[list[list[object]], list[tuple[int, str]]]:
    from openpyxl.utils import get_column_letter

    problems: list[tuple[int, str]] = []
    grid: list[list[object]] = []
    for cells in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column):
        row: list[object] = []
        for cell in cells:
            value = cell.value
            where = f"{get_column_letter(cell.column)}{cell.row}"
            if cell.data_type == "e" or (isinstance(value, str) and value in _ERROR_VALUES):
                problems.append((cell.row, f"{where} shows the error {value}; left empty"))
                value = None
            elif value is None and formula_ws.cell(cell.row, cell.column).data_type == "f":
                problems.append(
                    (
                        cell.row,
                        f"{where} holds a formula without a saved result (open and save "
                        "the file in Excel, or type the value); left empty",
                    )
                )
            row.append(value)
        grid.append(row)
    for merged in ws.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                grid[r - 1][c - 1] = value
    return grid, problems


_ERROR_VALUES = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!"}


def write_sheet(path: str | os.PathLike[str], sheet: Sheet) -> None:
    """Write ``sheet`` to .xlsx or .csv so that :func:`read_sheet` gives it back."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".csv":
            _write_csv(path, sheet)
        elif path.suffix.lower() == ".xlsx":
            _write_xlsx(path, sheet)
        else:
            raise ExportFailedError(
                QT_TRANSLATE_NOOP("errors", "{file}: only .xlsx and .csv can be written."),
                file=path.name,
            )
    except OSError as exc:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "Cannot write {file} ({reason})."),
            file=path.name,
            reason=exc,
        ) from exc


def _write_csv(path: Path, sheet: Sheet) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.name for c in sheet.columns])
        for row in sheet.rows:
            out = []
            for c in sheet.columns:
                value = row.get(c.name)
                if value is None:
                    out.append("")
                elif isinstance(value, dt.date):
                    out.append(value.isoformat())
                else:
                    out.append(repr(value) if isinstance(value, float) else csv_text(str(value)))
            writer.writerow(out)


def _write_xlsx(path: Path, sheet: Sheet) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    ws = workbook.active
    ws.title = "Cases"
    ws.append([c.name for c in sheet.columns])
    for row in sheet.rows:
        ws.append([row.get(c.name) for c in sheet.columns])
    last = len(sheet.rows) + 1
    for i, column in enumerate(sheet.columns, 1):
        letter = get_column_letter(i)
        if column.type == "date":
            for (cell,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
                cell.number_format = "yyyy-mm-dd"
        elif column.type in ("text", "category"):
            for (cell,) in ws.iter_rows(min_row=2, max_row=last, min_col=i, max_col=i):
                cell.number_format = "@"
        listed = ",".join(column.allowed_values)
        if (
            column.type == "category"
            and listed
            and len(listed) < 250
            and "," not in "".join(column.allowed_values)
        ):
            validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            ws.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{max(last, 2) + 500}")
    meta = workbook.create_sheet(META_SHEET)
    for column in sheet.columns:
        meta.append([column.name, column.type, *column.allowed_values])
    meta.sheet_state = "hidden"
    strings_not_formulas(workbook)
    workbook.save(path)
