"""Read the cells of a codebook table from an Excel sheet, a CSV file or a Word document.

Researchers draft a codebook as a table (Variabel | Dimensi | Indikator | Definisi ...)
in whatever tool their supervisor uses. This module only turns such a file into plain
rows of cells, keeping what tells the hierarchy apart in Word and Excel (a cell's
indentation) and the code id QualCode's own Word table prints under each label;
:mod:`qualcode.codebooks.tables` finds the header and builds the codebook.
openpyxl and python-docx are imported inside the functions (they are slow to import).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcode.codebooks.files import TABLE_SUFFIXES
from qualcode.codebooks.model import CodebookError
from qualcode.i18n import QT_TRANSLATE_NOOP

__all__ = ["TABLE_SUFFIXES", "Cell", "Grid", "cell_text", "read_grids"]
E_UNREADABLE = QT_TRANSLATE_NOOP("errors", "{file} cannot be read as a codebook table ({reason}).")
_ID_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_DEFAULT_POINTS = 11.0  # Word's body text size when a run sets none


@dataclass(frozen=True)
class Cell:
    """One cell: its text, its indentation level and a code id printed under the label."""

    text: str
    indent: int = 0
    code_id: str = ""


@dataclass(frozen=True)
class Grid:
    """One sheet or Word table: ``rows`` are ``(row number in the file, cells)``."""

    rows: list[tuple[int, list[Cell]]]
    title: str = ""
    identifier: str = ""
    version: str = ""
    where: str = field(default="")  # "sheet 'Codebook'", "table 2"


def read_grids(path: Path) -> list[Grid]:
    """Every sheet (.xlsx) or table (.docx) of ``path``, or the one table of a .csv."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return [_read_csv(path)]
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        return _read_docx(path)
    except CodebookError:
        raise
    except (OSError, ValueError, KeyError, IndexError, TypeError, zipfile.BadZipFile) as exc:
        raise CodebookError(E_UNREADABLE, file=str(path), reason=_reason(exc)) from exc
    except Exception as exc:  # a damaged Office file raises its parser's own errors
        if type(exc).__module__.split(".")[0] in ("openpyxl", "docx", "lxml"):
            raise CodebookError(E_UNREADABLE, file=str(path), reason=_reason(exc)) from exc
        raise


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a researcher sees (``2`` not ``2.0``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and not (value.hour or value.minute or value.second):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _read_csv(path: Path) -> Grid:
    from qualcode.cases.sheets import sniff_delimiter
    from qualcode.sources.extract.plain import decode_text

    text, _encoding, _warnings = decode_text(path.read_bytes(), path.name)
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))
    rows: list[tuple[int, list[Cell]]] = []
    for values in reader:
        number = reader.line_num
        cells = []
        for value in values:
            stripped = value.lstrip(" ")
            # Leading spaces indent a code under the one above (typed outlines).
            cells.append(Cell(stripped.strip(), indent=len(value) - len(stripped)))
        rows.append((number, cells))
    return Grid(rows)


def _read_xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        props = book.properties
        grids = []
        for sheet in book.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            # Files written by other tools may declare too small a sheet ("A1"): read it all.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            rows: list[tuple[int, list[Cell]]] = []
            for number, row in enumerate(sheet.iter_rows(), start=1):
                cells = []
                for cell in row:
                    value = getattr(cell, "value", None)
                    alignment = getattr(cell, "alignment", None)
                    indent = int(getattr(alignment, "indent", 0) or 0)
                    cells.append(Cell(cell_text(value), indent=indent))
                rows.append((number, cells))
            grids.append(_grid(rows, props, f"sheet '{sheet.title}'"))
        return grids
    finally:
        book.close()


def _grid(rows: list[tuple[int, list[Cell]]], props: Any, where: str) -> Grid:
    """A table with the codebook id, title and version its file's properties record
    (QualCode's own exports write them; Excel and Word share the property names)."""
    return Grid(
        rows,
        title=(props.title or "").strip(),
        identifier=(props.identifier or "").strip(),
        version=(props.version or "").strip(),
        where=where,
    )


def _read_docx(path: Path) -> list[Grid]:
    import docx

    document = docx.Document(str(path))
    props = document.core_properties
    grids = []
    for n, table in enumerate(document.tables, start=1):
        rows: list[tuple[int, list[Cell]]] = []
        for number, row in enumerate(table.rows, start=1):
            rows.append((number, [_docx_cell(cell) for cell in row.cells]))
        grids.append(_grid(rows, props, f"table {n}"))
    return grids


def _docx_cell(cell: Any) -> Cell:
    """Text, left indent (EMU) and a code id printed small on the cell's last line."""
    paragraphs = [p for p in cell.paragraphs if p.text.strip()]
    if not paragraphs:
        return Cell("")
    first = paragraphs[0]
    indent = int(first.paragraph_format.left_indent or 0)
    text = "\n".join(p.text for p in paragraphs).strip()
    code_id = ""
    runs = [r for r in first.runs if r.text]
    if len(paragraphs) == 1 and "\n" in text and runs:
        head, _, last = text.rpartition("\n")
        tail_runs = _runs_after_last_break(runs)
        label_size = _points(runs[0])
        if (
            _ID_LINE.match(last.strip())
            and tail_runs
            and all(_points(r) < label_size for r in tail_runs)
        ):
            code_id, text = last.strip(), head.strip()
    return Cell(text, indent=indent, code_id=code_id)


def _runs_after_last_break(runs: list[Any]) -> list[Any]:
    for n in range(len(runs) - 1, -1, -1):
        if "\n" in runs[n].text:
            after = runs[n].text.rpartition("\n")[2]
            return ([runs[n]] if after.strip() else []) + runs[n + 1 :]
    return []


def _points(run: Any) -> float:
    size = run.font.size
    return float(size.pt) if size is not None else _DEFAULT_POINTS
