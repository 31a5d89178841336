"""Displays (``Table`` objects) as Word tables, the "matriks hasil wawancara" of a thesis.

Each table gets a caption above it ("Tabel 1. ..."), a shaded header row that
repeats on every page, row labels in bold, cells with counts (centred) or
summaries and short quotes with their citation, and a source note below it.
Wide tables get a landscape section of their own.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from qualcode.export.common import CancelFn, ProgressFn, Steps, atomic_output
from qualcode.export.docx_common import (
    GREY,
    HEADER_FILL,
    Styles,
    add_caption,
    add_page_numbers,
    cell_margins,
    fixed_width,
    landscape_section,
    new_document,
    orient,
    save,
    set_repeat_header,
    shade,
    xml_text,
)
from qualcode.export.profile import current_profile
from qualcode.export.table import Table
from qualcode.text.labels import check_language, label

MAX_QUOTES = 3
QUOTE_CHARS = 300
PORTRAIT_WIDTH_CM, LANDSCAPE_WIDTH_CM = 14.0, 23.7


CHAR_CM = 0.2
"""Average width of a character of 10 pt table text (Times New Roman), in cm."""


def _floors(table: Table, scale: float = 1.0) -> tuple[list[float], list[float]]:
    """Per column: the width its longest word needs (cm) and how much text it holds."""
    columns: list[list[str]] = [[table.corner, *table.row_labels]]
    for c, head in enumerate(table.column_labels):
        texts = [head]
        for r in range(len(table.row_labels)):
            value = table.value(r, c, QUOTE_CHARS)
            texts.append("" if value is None else str(value))
        columns.append(texts)
    floor = []
    weight = []
    for texts in columns:
        longest = max((len(w) for t in texts for w in t.replace("/", "/ ").split()), default=1)
        floor.append(max(0.8, longest * CHAR_CM * scale + 0.35))
        weight.append(max((len(t) for t in texts), default=1) ** 0.5)
    return floor, weight


def _shrink(t: Any, scale: float) -> None:
    """Set every run of a table smaller by ``scale`` (10 pt text, 8 pt citations)."""
    from docx.shared import Pt

    for row in t.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    size = run.font.size.pt if run.font.size is not None else 10.0
                    run.font.size = Pt(round(size * scale * 2) / 2)


def text_scale(table: Table, total_cm: float) -> float:
    """How much smaller than 10 pt the table's text must be for every word to fit (≥ 0.7)."""
    floor, _weight = _floors(table)
    need = sum(floor)
    return 1.0 if need <= total_cm else max(0.7, total_cm / need)


def column_widths(table: Table, total_cm: float, scale: float = 1.0) -> list[float]:
    """Widths (cm) of the row-label column and each display column, sized to their text.

    No column is narrower than its longest word at the table's text size (words
    never break inside, so a header reads "Informan", not "Informa n"); what is
    left goes to the columns with the most text.
    """
    floor, weight = _floors(table, scale)
    floor = [min(f, total_cm / 2) for f in floor]
    spare = total_cm - sum(floor)
    if spare <= 0:  # more columns than fit: share the width in proportion to the floors
        return [total_cm * f / sum(floor) for f in floor]
    total_weight = sum(weight) or 1.0
    return [f + spare * w / total_weight for f, w in zip(floor, weight, strict=True)]


def needs_landscape(table: Table) -> bool:
    """Whether the table needs a landscape page: many columns, or quotes across several."""
    cols = len(table.column_labels)
    if not table.has_text:
        return cols > 7
    long_text = any(
        len(str(cell.as_text(QUOTE_CHARS) or "")) > 80 for row in table.cells for cell in row
    )
    return cols > 5 or (long_text and cols >= 3)


def write_tables_docx(
    tables: Sequence[Table],
    path: str | os.PathLike[str],
    *,
    language: str = "id",
    title: str | None = None,
    charts: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> None:
    """Write ``tables`` to a Word document (all or nothing), each followed by its chart if asked."""
    language = check_language(language)
    steps = Steps(sum(len(t.row_labels) for t in tables), progress, cancel)
    doc, styles = new_document(language)
    add_page_numbers(doc.sections[0])
    if title:
        doc.add_paragraph(title, style=doc.styles.get_by_id(styles.title, 1))
    for n, table in enumerate(tables, 1):
        add_table(doc, styles, table, language, number=n, steps=steps, first=(n == 1 and not title))
        if charts:
            from qualcode.export.figures_docx import add_figure
            from qualcode.figures.charts import table_chart
            from qualcode.figures.style import figure_bytes

            image = figure_bytes(table_chart(table, language), "png", dpi=300)
            add_figure(doc, image, table.title, language, number=n)
    with atomic_output(path) as tmp:
        steps.check()
        save(doc, tmp)
    steps.finish()


def add_table(
    doc: Any,
    styles: Styles,
    table: Table,
    language: str,
    *,
    number: int | None = None,
    steps: Steps | None = None,
    first: bool = False,
    heading: tuple[int, str] | None = None,
) -> None:
    """Append one display (caption, table, note), in its own landscape section if wide.

    ``heading`` (level, text) is written first, after any change of orientation,
    so a section title never stays behind on the previous page.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    table = table.without_empty()
    wide = needs_landscape(table)
    portrait_now = doc.sections[-1].page_width < doc.sections[-1].page_height
    if wide == portrait_now:  # the orientation must change
        if first:
            orient(doc.sections[-1], wide)
        else:
            landscape_section(doc, wide)  # footer (page numbers) linked to the previous one
    if heading is not None:
        doc.add_paragraph(
            heading[1], style=doc.styles.get_by_id(styles.headings[heading[0] - 1], 1)
        )
    cap = doc.add_paragraph()
    if number:
        add_caption(cap, "table", number, language)
    cap.paragraph_format.keep_with_next = True
    cap.paragraph_format.space_before = Pt(6)
    cap.add_run(xml_text(table.title))

    ncols = len(table.column_labels) + 1
    width = LANDSCAPE_WIDTH_CM if wide else PORTRAIT_WIDTH_CM
    scale = text_scale(table, width)
    widths = [Cm(w) for w in column_widths(table, width, scale)]
    t = doc.add_table(rows=1 + len(table.row_labels), cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    cell_margins(t)
    fixed_width(t, width)
    for i, col in enumerate(t.columns):
        col.width = widths[i]
    header = t.rows[0]
    set_repeat_header(header)
    for i, (cell, text) in enumerate(
        zip(header.cells, [table.corner, *table.column_labels], strict=True)
    ):
        cell.width = widths[i]
        shade(cell._tc.get_or_add_tcPr(), HEADER_FILL)
        p = cell.paragraphs[0]
        p.style = doc.styles.get_by_id(styles.cell, 1)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(xml_text(text)).bold = True
    cell_style = doc.styles.get_by_id(styles.cell, 1)
    more = label("more", language)
    for r, (row_label, contents) in enumerate(zip(table.row_labels, table.cells, strict=True), 1):
        if steps is not None:
            steps.step()
        cells = t.rows[r].cells
        cells[0].width = widths[0]
        p0 = cells[0].paragraphs[0]
        p0.style = cell_style
        # a code path may break after "/" (a zero-width space), never inside a word
        p0.add_run(xml_text(row_label).replace("/", "/\u200b")).bold = True
        for c, content in enumerate(contents, 1):
            cells[c].width = widths[c]
            _fill_cell(cells[c], content, cell_style, more)
    if scale < 1:
        _shrink(t, scale)
    note = doc.add_paragraph()
    note.paragraph_format.space_before = Pt(4)
    run = note.add_run(xml_text(current_profile().note(language)))
    run.font.size = Pt(10)
    for i, line in enumerate(table.rules):  # the display's decision rules
        extra = doc.add_paragraph()
        extra.paragraph_format.space_before = Pt(0)
        run = extra.add_run(xml_text(line if i == 0 else f"\u2022 {line}"))
        run.font.size = Pt(10)
        run.bold = i == 0
    if table.notes:
        _memo_notes(doc, table, language)


def _memo_notes(doc: Any, table: Table, language: str) -> None:
    """The memos on the display and its cells under the table, each cell's mark first."""
    from docx.shared import Pt

    head = doc.add_paragraph()
    head.paragraph_format.keep_with_next = True
    run = head.add_run(xml_text(label("memos_notes", language)) + ":")
    run.bold = True
    run.font.size = Pt(10)
    for n in table.notes:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(2)
        if n.mark or n.about:
            lead = p.add_run(xml_text(" ".join(x for x in (f"[{n.mark}]" if n.mark else "",
                                                         n.about) if x)) + ": ")  # fmt: skip
            lead.bold = True
            lead.font.size = Pt(10)
        p.add_run(xml_text(n.text)).font.size = Pt(10)


def _marks(paragraph: Any, content: Any) -> None:
    """Superscript marks ("M1") of the memos on a cell, after its last paragraph."""
    if content.memo_marks:
        paragraph.add_run(" " + ",".join(content.memo_marks)).font.superscript = True


def _fill_cell(cell: Any, content: Any, style: Any, more: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    p = cell.paragraphs[0]
    p.style = style
    if not content.has_text:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if content.count:
            p.add_run(content.count_text)
        elif content.count == 0:  # an empty cell is a finding (missing evidence): mark it
            p.add_run("–").font.color.rgb = RGBColor.from_string(GREY)
        _marks(p, content)
        return
    first = True

    def para() -> Any:
        nonlocal first
        if first:
            first = False
            return p
        return cell.add_paragraph(style=style)

    if content.tag:
        para().add_run(xml_text(content.tag)).italic = True
    if content.rating:
        para().add_run(xml_text(content.rating)).bold = True
    if content.summary:
        para().add_run(xml_text(content.summary))
    for q in content.excerpts[:MAX_QUOTES]:
        text = xml_text(q.text.strip())
        if len(text) > QUOTE_CHARS:
            text = text[: QUOTE_CHARS - 1].rstrip() + "…"
        qp = para()
        qp.add_run(f"“{text}”").italic = True
        if q.citation:
            run = qp.add_run(f" ({xml_text(q.citation)})")
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor.from_string(GREY)
    if len(content.excerpts) > MAX_QUOTES:
        run = para().add_run(f"(+{len(content.excerpts) - MAX_QUOTES} {more})")
        run.font.size = Pt(8)
    _marks(cell.paragraphs[-1], content)
