"""Write small codebook tables (.csv, .xlsx, .docx) the way researchers make them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qualcode.codebooks.model import Codebook

Table = Sequence[Sequence[str | None]]


def write_csv(path: Path, rows: Table, *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    """A CSV as Excel saves it (``;`` and cp1252 on an Indonesian Windows)."""
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        [[cell or "" for cell in row] for row in rows]
    )
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Table, *, merge: Sequence[str] = ()) -> Path:
    """An Excel sheet; ``merge`` ranges ("A2:A4") are merged as Excel users do."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for cells in merge:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def write_docx(path: Path, rows: Table, *, before: Sequence[str] = ()) -> Path:
    """A Word document with paragraphs ``before`` and one table of ``rows``."""
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    width = max(len(row) for row in rows)
    table = document.add_table(rows=0, cols=width)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = text or ""
    document.save(str(path))
    return path


def tree(book: Codebook, language: str = "id") -> list[str]:
    """The code tree as indented ``label`` lines, for compact assertions."""
    return ["  " * (len(path) - 1) + code.label[language] for path, code in book.iter_codes()]
