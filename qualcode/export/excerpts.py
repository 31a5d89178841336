"""One entry point for excerpt exports: the file's suffix picks Word, Excel or CSV."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from qualcode.export.common import CancelFn, ProgressFn, Steps, check_suffix
from qualcode.export.selection import ExcerptFilter, ExcerptOptions, select_excerpts

if TYPE_CHECKING:
    from qualcode.export.table import Table
    from qualcode.project import Project

SUFFIXES = (".docx", ".xlsx", ".csv")


def export_excerpts(
    project: Project,
    path: str | os.PathLike[str],
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> int:
    """Export coded excerpts to ``path`` (.docx, .xlsx or .csv); returns how many."""
    suffix = check_suffix(path, SUFFIXES)
    if suffix == ".docx":
        from qualcode.export.excerpts_docx import export_excerpts_docx

        return export_excerpts_docx(project, path, flt, options, progress=progress, cancel=cancel)
    if suffix == ".xlsx":
        from qualcode.export.excerpts_xlsx import export_excerpts_xlsx

        return export_excerpts_xlsx(project, path, flt, options, progress=progress, cancel=cancel)
    return export_excerpts_csv(project, path, flt, options, progress=progress, cancel=cancel)


def export_excerpts_csv(
    project: Project,
    path: str | os.PathLike[str],
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> int:
    """The flat excerpt table as CSV (UTF-8 with BOM, see :mod:`qualcode.export.csv_out`)."""
    from qualcode.export.csv_out import write_csv
    from qualcode.export.flat import excerpt_table
    from qualcode.text.labels import check_language

    options = options or ExcerptOptions()
    excerpts = select_excerpts(project, flt, options, Steps(0, None, cancel))
    headers, rows, _ = excerpt_table(
        excerpts,
        check_language(options.language),
        pseudonymise=options.attribution.pseudonymise,
    )
    return write_csv(path, headers, rows, total=len(rows), progress=progress, cancel=cancel)


def export_report(
    project: Project,
    path: str | os.PathLike[str],
    options: ExcerptOptions | None = None,
    *,
    flt: ExcerptFilter | None = None,
    tables: Sequence[Table] = (),
    include_excerpts: bool = True,
    charts: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Export the project report to ``path`` (.docx or .html), with display charts if asked."""
    suffix = check_suffix(path, (".docx", ".html", ".htm"))
    kwargs: dict[str, Any] = dict(
        tables=tables, flt=flt, options=options, include_excerpts=include_excerpts,
        charts=charts, progress=progress, cancel=cancel,
    )  # fmt: skip
    if suffix == ".docx":
        from qualcode.export.report import export_report_docx

        export_report_docx(project, path, **kwargs)
    else:
        from qualcode.export.html_report import export_report_html

        export_report_html(project, path, **kwargs)
