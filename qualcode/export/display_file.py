"""One way to write a display to a file, for the app, ``qualcode display --out`` and
``qualcode export display`` alike.

A display becomes a :class:`~qualcode.export.table.Table` (counts, excerpts with
their citations, summaries, ratings) and the file's suffix picks the writer: the
styled Excel workbook, the Word table, CSV or an HTML page. So the same display
gives the same workbook whichever door it left by.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qualcode.export.common import CancelFn, ProgressFn, check_suffix

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.cases.attribution import AttributionStyle
    from qualcode.export.table import Table
    from qualcode.project import Project

TABLE_SUFFIXES = (".docx", ".xlsx", ".csv", ".html")


def write_table_file(
    table: Table,
    path: str | os.PathLike[str],
    *,
    language: str = "id",
    charts: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Write ``table`` as .xlsx, .docx, .csv or .html (by the suffix of ``path``); ``charts``
    adds the display's chart under a Word table."""
    suffix = check_suffix(path, TABLE_SUFFIXES)
    if suffix == ".xlsx":
        from qualcode.export.tables_xlsx import write_tables_xlsx

        write_tables_xlsx([table], path, language=language, progress=progress, cancel=cancel)
    elif suffix == ".docx":
        from qualcode.export.tables_docx import write_tables_docx

        write_tables_docx(
            [table], path, language=language, charts=charts, progress=progress, cancel=cancel
        )
    elif suffix == ".csv":
        from qualcode.export.csv_out import write_table_csv

        write_table_csv(table, path, progress=progress, cancel=cancel)
    else:
        from qualcode.export.html_report import write_table_html

        write_table_html(table, path, language=language)


def write_display_file(
    display: Display,
    path: str | os.PathLike[str],
    *,
    project: Project | None = None,
    title: str | None = None,
    language: str = "id",
    style: AttributionStyle | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Write ``display`` to ``path``; with ``project`` excerpts cite their cases in full."""
    from qualcode.export.display_adapter import table_from_display

    check_suffix(path, TABLE_SUFFIXES)  # refuse a wrong name before any work
    table = table_from_display(
        display, project=project, title=title, language=language, style=style
    )
    write_table_file(table, path, language=language, progress=progress, cancel=cancel)
