"""Coded excerpts to Excel: one row per coding with every attribute, ready to pivot."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.selection import ExcerptFilter, ExcerptOptions, select_excerpts
from qualcode.export.tables_xlsx import print_setup, row_height
from qualcode.export.xlsx_common import (
    header_style,
    plain,
    set_widths,
    style_cell,
    width_for,
    write_about,
)
from qualcode.fileio import strings_not_formulas
from qualcode.text.labels import check_language, format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project

LONG_WIDTH = 70


def export_excerpts_xlsx(
    project: Project,
    path: str | os.PathLike[str],
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> int:
    """Write the selected excerpts as a flat, filterable table; returns the row count."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from qualcode.export.excerpts_docx import describe_filter
    from qualcode.export.flat import excerpt_table

    flt = flt or ExcerptFilter()
    options = options or ExcerptOptions()
    language = check_language(options.language)
    steps = Steps(0, progress, cancel)
    excerpts = select_excerpts(project, flt, options, steps)
    steps.total = len(excerpts)
    headers, rows, kinds = excerpt_table(
        excerpts, language, pseudonymise=options.attribution.pseudonymise
    )
    wb = Workbook()
    ws = wb.active
    ws.title = label("excerpts", language)
    ws.append([plain(h) for h in headers])
    head = header_style()
    for cell in ws[1]:
        style_cell(cell, head)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    date_cols = {i for i, k in enumerate(kinds) if k == "date"}
    for row in rows:
        steps.step()
        ws.append([plain(v) for v in row])
    for col_idx, kind in enumerate(kinds, 1):
        align = wrap if kind == "long" else top
        for (cell,) in ws.iter_rows(min_row=2, min_col=col_idx, max_col=col_idx):
            cell.alignment = align
            if col_idx - 1 in date_cols and isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    widths: list[float] = []
    for i, kind in enumerate(kinds):
        if kind == "long":
            widths.append(LONG_WIDTH if headers[i] == label("excerpt", language) else 40)
        else:
            widths.append(width_for([headers[i], *(r[i] for r in rows[:500])], maximum=40))
    set_widths(ws, widths)
    long_cols = [(i, widths[i]) for i, kind in enumerate(kinds) if kind == "long"]
    for r, row in enumerate(rows, 2):  # LibreOffice does not size wrapped rows itself
        ws.row_dimensions[r].height = max(row_height([row[i]], width) for i, width in long_cols)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = ws.dimensions
    ws.row_dimensions[1].height = 30
    print_setup(ws, "1:1")
    about = wb.create_sheet(label("about", language))
    items = {
        label("project", language): project.info().title,
        label("built", language): format_date(date.today(), language),
        label("excerpts", language): len(rows),
        label("coders", language): sorted({e.coder for e in excerpts}),
    }
    for line in describe_filter(project, flt, language):
        name, _, value = line.partition(": ")
        items[f"{label('filters', language)}: {name}"] = value
    write_about(about, label("excerpts_title", language), items)
    print_setup(about)
    with atomic_output(path) as tmp:
        steps.check()
        strings_not_formulas(wb)
        wb.save(tmp)
    steps.finish()
    return len(rows)
