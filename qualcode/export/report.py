"""A project report in Word: summary, sources, cases, codebook, displays and coded excerpts.

The same parts as the HTML report, laid out like a thesis appendix (lampiran):
numbered tables with captions, real headings and a table of contents.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.docx_common import (
    FastWriter,
    add_page_numbers,
    add_toc,
    landscape_section,
    new_document,
    run_properties,
    save,
    tint,
    xml_text,
)
from qualcode.export.excerpts_docx import ExcerptWriter
from qualcode.export.report_data import ReportData, collect_report
from qualcode.export.selection import ExcerptFilter, ExcerptOptions
from qualcode.export.table import CellContent, Table
from qualcode.export.tables_docx import add_table
from qualcode.text.labels import format_date, label

if TYPE_CHECKING:
    from qualcode.project import Project


def export_report_docx(
    project: Project,
    path: str | os.PathLike[str],
    *,
    tables: Sequence[Table] = (),
    flt: ExcerptFilter | None = None,
    options: ExcerptOptions | None = None,
    include_excerpts: bool = True,
    charts: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Write the project report as .docx (all or nothing)."""
    options = options or ExcerptOptions()
    steps = Steps(0, progress, cancel)
    data = collect_report(
        project, tables=tables, flt=flt, options=options,
        include_excerpts=include_excerpts, steps=steps,
    )  # fmt: skip
    data.charts = charts
    steps.total = data.excerpt_count
    doc = build_report_document(data, options, steps)
    with atomic_output(path) as tmp:
        steps.check()
        save(doc, tmp)
    steps.finish()


def build_report_document(data: ReportData, options: ExcerptOptions, steps: Steps) -> Any:
    """The report document (not saved)."""
    lang = data.language
    doc, styles = new_document(lang)
    add_page_numbers(doc.sections[0])
    w = FastWriter(doc)
    w.run(w.paragraph(styles.title), data.title)
    w.run(w.paragraph(styles.subtitle), label("report_title", lang))
    w.run(w.paragraph(styles.subtitle), format_date(date.today(), lang))
    add_toc(doc, lang, levels="1-2")

    def heading(key: str) -> None:
        w.run(w.paragraph(styles.headings[0]), label(key, lang))

    number = 0

    def table(t: Table, key: str | None = None) -> None:
        nonlocal number
        number += 1
        title = (1, label(key, lang)) if key else None
        add_table(doc, styles, t, lang, number=number, heading=title)

    facts = Table(
        label("project", lang),
        [name for name, _ in data.facts],
        [label("count", lang)],
        [[CellContent(count=int(v))] for _, v in data.facts],
        corner=label("item", lang),
    )
    table(facts, "summary")
    table(data.sources, "sources")
    table(data.cases, "cases")
    if doc.sections[-1].page_width > doc.sections[-1].page_height:
        landscape_section(doc, False)
    heading("codebook")
    _codebook(doc, styles, data, lang)
    for i, t in enumerate(data.tables):
        table(t, "displays" if i == 0 else None)
        if data.charts:
            from qualcode.export.figures_docx import add_figure
            from qualcode.figures.charts import table_chart
            from qualcode.figures.style import figure_bytes

            image = figure_bytes(table_chart(t, lang), "png", dpi=300)
            add_figure(doc, image, t.title, lang, number=i + 1)
    if data.sections:
        if doc.sections[-1].page_width > doc.sections[-1].page_height:
            landscape_section(doc, False)
        heading("excerpts_title")
        writer = ExcerptWriter(w, styles, options, lang, base_level=2)
        for section in data.sections:
            writer.section(section, steps)
    if data.memos:
        from qualcode.export.memos_docx import write_memo_groups

        if doc.sections[-1].page_width > doc.sections[-1].page_height:
            landscape_section(doc, False)
        heading("memos_title")
        write_memo_groups(w, styles, data.memos, lang, level=1)
    return doc


def _codebook(doc: Any, styles: Any, data: ReportData, lang: str) -> None:
    """Codes indented by depth, each with its colour, definition and counts."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

    from qualcode.export.docx_common import (
        HEADER_FILL,
        cell_margins,
        fixed_width,
        set_repeat_header,
        shade,
    )

    t = doc.add_table(rows=1, cols=4)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_margins(t)
    fixed_width(t, 14.0)
    widths = [Cm(4.8), Cm(5.0), Cm(2.1), Cm(2.1)]
    cell_style = doc.styles.get_by_id(styles.cell, 1)
    head = ["code", "description", "codings", "sources"]
    set_repeat_header(t.rows[0])
    for cell, key, width in zip(t.rows[0].cells, head, widths, strict=True):
        cell.width = width
        shade(cell._tc.get_or_add_tcPr(), HEADER_FILL)
        p = cell.paragraphs[0]
        p.style = cell_style
        p.add_run(label(key, lang)).bold = True
    for i, col in enumerate(t.columns):
        col.width = widths[i]
    writer = FastWriter(doc)
    for row in data.codebook:
        cells = t.add_row().cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
            cell.paragraphs[0].style = cell_style
        p = cells[0].paragraphs[0]
        p.paragraph_format.left_indent = Cm(0.4 * row.depth)
        writer.run(p._p, "■ ", run_properties(color=row.color.lstrip("#").upper()))
        p.add_run(xml_text(row.name)).bold = row.depth == 0
        cells[1].paragraphs[0].add_run(xml_text(row.description))
        for cell, value in ((cells[2], row.codings), (cells[3], row.sources)):
            cell.paragraphs[0].add_run(str(value))
            cell.paragraphs[0].alignment = 1  # centre
        if row.depth == 0:
            for cell in cells:
                shade(cell._tc.get_or_add_tcPr(), tint(row.color, 0.85))
