"""Displays (``Table`` objects) to Excel, one sheet per display.

Counts are numbers with a colour scale; text cells (summaries, quotes) wrap and
are capped in length, with every excerpt listed in full on an "Excerpts" sheet.
Text cells stay plain text, so a researcher can clean the matrix in Excel and
paste it back into Word: the links live in a last column ("→ row 12" on the
Excerpts sheet) and in a back-link column on that sheet. (A hyperlink on the
text cell itself would jump away on every click and, in LibreOffice, show only
one line of the cell.) Header row and row labels stay frozen, pages print
landscape and fit to width; an "About" sheet says how each display was built.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.table import Table
from qualcode.export.xlsx_common import (
    FONT,
    TITLE_SIZE,
    body_border,
    header_style,
    internal_link,
    plain,
    set_widths,
    sheet_name,
    style_cell,
    width_for,
)
from qualcode.fileio import strings_not_formulas
from qualcode.text.labels import check_language, format_date, label

HEADER_ROW = 3
SCALE_LOW, SCALE_HIGH = "FFFFFF", "5B9BD5"


def write_tables_xlsx(
    tables: Sequence[Table],
    path: str | os.PathLike[str],
    *,
    language: str = "id",
    cap: int = 600,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Write ``tables`` to one workbook (all or nothing)."""
    from openpyxl import Workbook

    language = check_language(language)
    steps = Steps(sum(len(t.row_labels) for t in tables), progress, cancel)
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    names = [sheet_name(t.title, taken) for t in tables]
    needs_list = any(c.excerpts for t in tables for row in t.cells for c in row)
    excerpt_sheet = None
    if needs_list:
        excerpt_sheet = _ExcerptList(wb, sheet_name(label("excerpts", language), taken), language)
    about_name = sheet_name(label("about", language), taken)
    for table, name in zip(tables, names, strict=True):
        ws = wb.create_sheet(name)
        _write_table(ws, table, language, cap, excerpt_sheet, steps)
    if excerpt_sheet is not None:
        excerpt_sheet.finish()
        wb.move_sheet(excerpt_sheet.ws, offset=len(tables))  # after the displays
    _about_sheet(wb.create_sheet(about_name), tables, names, language)
    with atomic_output(path) as tmp:
        steps.check()
        strings_not_formulas(wb)
        wb.save(tmp)
    steps.finish()


def _write_table(
    ws: Any, table: Table, language: str, cap: int, excerpts: _ExcerptList | None, steps: Steps
) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws["A1"] = plain(table.title)
    ws["A1"].font = Font(name=FONT, bold=True, size=TITLE_SIZE)
    head = header_style()
    header = [table.corner, *table.column_labels]
    for c, text in enumerate(header, 1):
        style_cell(ws.cell(row=HEADER_ROW, column=c, value=plain(text)), head)
    text_mode = table.has_text
    # count tables keep one line per row label (the column is as wide as the longest)
    row_head = Alignment(vertical="top" if text_mode else "center", wrap_text=text_mode)
    grid = body_border()
    cell_align = (
        Alignment(vertical="top", wrap_text=True)
        if text_mode
        else Alignment(horizontal="center", vertical="center")
    )
    more = label("more", language)
    linked = excerpts is not None and any(c.excerpts for row in table.cells for c in row)
    link_col = len(header) + 1
    if linked:
        style_cell(
            ws.cell(row=HEADER_ROW, column=link_col, value=label("excerpts", language)), head
        )
    text_width = 45.0
    for r, (row_label, cells) in enumerate(zip(table.row_labels, table.cells, strict=True)):
        steps.step()
        xr = HEADER_ROW + 1 + r
        head_cell = ws.cell(row=xr, column=1, value=plain(row_label))
        head_cell.font = Font(name=FONT, bold=True)
        head_cell.alignment = row_head
        head_cell.border = grid
        first_link = None
        values = []
        for c, content in enumerate(cells):
            value = plain(table.value(r, c, cap, more))
            values.append(value)
            cell = ws.cell(row=xr, column=c + 2, value=value)
            cell.alignment = cell_align
            cell.border = grid
            if excerpts is not None and content.excerpts:
                at = excerpts.add(table.title, row_label, table.column_labels[c], content,
                                  back=(ws.title, cell.coordinate))  # fmt: skip
                first_link = first_link or at
        if linked and excerpts is not None and first_link is not None:
            where = f"→ {excerpts.name} ({label('row', language)} {first_link})"
            go = ws.cell(row=xr, column=link_col, value=where)
            internal_link(go, excerpts.name, f"A{first_link}")
            go.alignment = Alignment(vertical="top")
        if text_mode:
            ws.row_dimensions[xr].height = row_height([row_label, *values], text_width)
    last_row = HEADER_ROW + len(table.row_labels)
    last_col = get_column_letter(len(header))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{max(last_row, HEADER_ROW)}"
    if not text_mode and table.row_labels and table.column_labels:
        ws.conditional_formatting.add(
            f"B{HEADER_ROW + 1}:{last_col}{last_row}",
            ColorScaleRule(
                start_type="min", start_color=SCALE_LOW, end_type="max", end_color=SCALE_HIGH
            ),
        )
    first = width_for([table.corner, *table.row_labels], minimum=14, maximum=60) * 1.15
    if text_mode:
        other = [45.0] * len(table.column_labels)
    else:
        other = [width_for(label_.split(), minimum=9, maximum=22) for label_ in table.column_labels]
    extra = [16.0] if linked else []
    set_widths(ws, [first, *other, *extra])
    long_head = any(len(x) > 12 for x in table.column_labels)
    ws.row_dimensions[HEADER_ROW].height = 45 if long_head and not text_mode else 22
    print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")


def print_setup(ws: Any, title_rows: str | None = None) -> None:
    """Print on A4 landscape, fitted to the page width, header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    if title_rows:
        ws.print_title_rows = title_rows


def row_height(values: Sequence[Any], width: float, line_pt: float = 15.0) -> float:
    """Points a row needs for its longest wrapped cell (LibreOffice does not fit them itself)."""
    import math

    per_line = max(width * 1.3, 10)
    lines = 1
    for value in values:
        if not isinstance(value, str):
            continue
        n = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
        lines = max(lines, n)
    return min(409.0, lines * line_pt + 4)


class _ExcerptList:
    """The sheet listing every excerpt of every cell in full, linked from the cells."""

    def __init__(self, wb: Any, name: str, language: str) -> None:
        self.ws = wb.create_sheet(name)
        self.name = name
        lab = [
            label(k, language)
            for k in ("displays", "item", "value", "no", "excerpt", "citation", "back")
        ]
        self.ws.append(lab)
        head = header_style()
        for cell in self.ws[1]:
            style_cell(cell, head)

    def add(self, title: str, row: str, column: str, content: Any, back: tuple[str, str]) -> int:
        """Append the cell's excerpts (each linking back to the cell); their first row."""
        first = self.ws.max_row + 1
        for i, q in enumerate(content.excerpts, 1):
            self.ws.append(
                [plain(v) for v in (title, row, column, i, q.text.strip(), q.citation, "↩")]
            )
            internal_link(self.ws.cell(row=self.ws.max_row, column=7), *back)
        return first

    def finish(self) -> None:
        from openpyxl.styles import Alignment

        wrap = Alignment(wrap_text=True, vertical="top")
        top = Alignment(vertical="top")
        for row in self.ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap if cell.column in (5, 6) else top
            row[6].alignment = top
            self.ws.row_dimensions[row[0].row].height = row_height([row[4].value], 70, 14.0)
        set_widths(self.ws, [24, 22, 22, 6, 70, 40, 8])
        self.ws.freeze_panes = "A2"
        self.ws.auto_filter.ref = self.ws.dimensions
        print_setup(self.ws, "1:1")


def _about_sheet(ws: Any, tables: Sequence[Table], names: Sequence[str], language: str) -> None:
    from openpyxl.styles import Alignment, Font

    ws["A1"] = label("about", language)
    ws["A1"].font = Font(name=FONT, bold=True, size=TITLE_SIZE)
    ws["A2"] = f"{label('built', language)}: {format_date(date.today(), language)}"
    row = 4
    top = Alignment(vertical="top", wrap_text=True)
    for table, name in zip(tables, names, strict=True):
        ws.cell(row=row, column=1, value=name).font = Font(name=FONT, bold=True, size=12)
        row += 1
        for key, value in {label("displays", language): table.title, **table.about}.items():
            ws.cell(row=row, column=1, value=str(key)).alignment = top
            ws.cell(row=row, column=2, value=plain(value)).alignment = top
            row += 1
        row += 1
    set_widths(ws, [28, 90])
    print_setup(ws)
