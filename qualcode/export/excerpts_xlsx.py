"""Coded excerpts to Excel: one row per coding with every attribute, ready to pivot."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.selection import ExcerptFilter, ExcerptOptions, select_excerpts
from qualcode.export.tables_xlsx import row_height
from qualcode.export.xlsx_common import plain, width_for
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
    """Write the selected excerpts as a flat, filterable table; returns the row count.

    Streamed (:mod:`qualcode.export.xlsx_stream`): rows are written as they are made,
    with a few shared cell formats.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from qualcode.export import xlsx_stream as xs
    from qualcode.export.excerpts_docx import describe_filter
    from qualcode.export.flat import excerpt_rows

    flt = flt or ExcerptFilter()
    options = options or ExcerptOptions()
    language = check_language(options.language)
    steps = Steps(0, progress, cancel)
    excerpts = select_excerpts(project, flt, options, steps)
    steps.total = len(excerpts)
    headers, rows, kinds = excerpt_rows(
        excerpts,
        language,
        pseudonymise=options.attribution.pseudonymise,
        memos=options.memos,
        code_memos=options.code_memos,
    )
    items = {
        label("project", language): project.info().title,
        label("built", language): format_date(date.today(), language),
        label("excerpts", language): len(excerpts),
        label("coders", language): sorted({e.coder for e in excerpts}),
    }
    for line in describe_filter(project, flt, language):
        name, _, value = line.partition(": ")
        items[f"{label('filters', language)}: {name}"] = value
    with atomic_output(path) as tmp:
        wb = xs.workbook(tmp)
        try:
            ws = wb.add_worksheet(label("excerpts", language))
            head = xs.header_format(wb)
            for c, h in enumerate(headers):
                ws.write_string(0, c, str(plain(h)), head)
            ws.set_row(0, 30)
            formats = xs.CellFormats(wb)
            wrap = [k == "long" for k in kinds]
            day = [k == "date" for k in kinds]
            fmts = [formats.get(w) for w in wrap]
            write_string, write_number = ws.write_string, ws.write_number
            illegal = ILLEGAL_CHARACTERS_RE.sub  # what plain() strips from text
            long_cols = [i for i, kind in enumerate(kinds) if kind == "long"]
            widths = [
                (LONG_WIDTH if headers[i] == label("excerpt", language) else 40)
                if kind == "long"
                else 0.0
                for i, kind in enumerate(kinds)
            ]
            sample: list[list[Any]] = []  # the first 500 rows size the short columns
            r = 0
            for r, row in enumerate(rows, 1):
                steps.step()
                if r <= 500:
                    sample.append(row)
                # LibreOffice does not size wrapped rows itself
                ws.set_row(r, max(row_height([row[i]], widths[i]) for i in long_cols))
                for c, value in enumerate(row):
                    held = type(value)  # the common kinds inline; the rest as xlsx_stream says
                    if held is str and value:
                        write_string(r, c, illegal("", value), fmts[c])
                    elif held is int:
                        write_number(r, c, value, fmts[c])
                    else:
                        xs.write_cell(ws, r, c, plain(value), formats, wrap[c], day[c])
            for i, kind in enumerate(kinds):
                if kind != "long":
                    widths[i] = width_for([headers[i], *(s[i] for s in sample)], maximum=40)
            xs.set_widths(ws, widths)
            ws.freeze_panes(1, 1)
            ws.autofilter(0, 0, r, len(headers) - 1)
            xs.print_setup(ws, title_rows=1)
            xs.write_about(wb, label("about", language), label("excerpts_title", language), items)
            steps.check()
        except BaseException:
            xs.discard(wb)
            raise
        xs.close(wb)
    steps.finish()
    return len(excerpts)
