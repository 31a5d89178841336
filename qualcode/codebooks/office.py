"""The project's codebook as a spreadsheet (.xlsx) and as a thesis table (.docx).

Students hand the spreadsheet to a second coder and paste the Word table into the thesis
appendix (*lampiran*), so the Word file follows the usual Indonesian thesis page: A4, margins
4 cm left and top, 3 cm right and bottom. Both are built from
:func:`qualcode.codebooks.export.export_codebook`, so they show what a YAML export shows.
openpyxl and python-docx are imported inside the functions (they are slow to import).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.codebooks.export import export_codebook

if TYPE_CHECKING:
    from qualcode.project import Project

XLSX_HEADERS = (
    "Path", "Code id", "Label (EN)", "Label (ID)", "Short", "Definition", "When to use",
    "When not to use", "Example", "Colour", "Codings", "Sources",
)  # fmt: skip
XLSX_HEADERS_ID = (
    "Jalur", "Id kode", "Label (EN)", "Label (ID)", "Singkat", "Definisi", "Kapan digunakan",
    "Kapan tidak digunakan", "Contoh", "Warna", "Pengodean", "Sumber",
)  # fmt: skip
XLSX_WIDTHS = (40, 18, 28, 28, 40, 60, 50, 50, 50, 10, 9, 9)

DOCX_HEADERS = {
    "en": ("Code", "Definition", "When to use", "Example", "Codings"),
    "id": ("Kode", "Definisi", "Kapan digunakan", "Contoh", "Jumlah pengodean"),
}
DOCX_TITLE = {"en": "Codebook: {title}", "id": "Buku Kode: {title}"}
DOCX_CAPTION = {
    "en": "Version {version}. {codes} codes, {codings} codings.",
    "id": "Versi {version}. {codes} kode, {codings} pengodean.",
}
COLUMN_CM = (3.2, 4.0, 3.0, 2.2, 1.6)
PARENT_FILL = "D9E2F3"
HEADER_FILL = "BFBFBF"


@dataclass(frozen=True)
class CodebookRow:
    """One code as a table row: depth in the tree and the texts in one language."""

    depth: int
    code_id: str
    path: str
    label_en: str
    label_id: str
    label: str
    short: str
    definition: str
    when_to_use: str
    when_not_to_use: str
    example: str
    color: str
    codings: int
    sources: int
    has_children: bool


def codebook_rows(
    project: Project, codebook_id: str | None = None, *, language: str | None = None
) -> tuple[str, str, list[CodebookRow]]:
    """(title, version, rows) of the project's codebook, parents before children."""
    _book_id, title, version, rows = _codebook_table(project, codebook_id, language)
    return title, version, rows


def _codebook_table(
    project: Project, codebook_id: str | None, language: str | None
) -> tuple[str, str, str, list[CodebookRow]]:
    """(codebook id, title, version, rows): the id goes into the file's properties, so
    loading the edited table back merges with this codebook (qualcode.codebooks.tables)."""
    exported = export_codebook(project, codebook_id, language=language)
    lang = exported.language
    counts = project.codes.counts()
    rows: list[CodebookRow] = []
    for path, code in exported.book.iter_codes():
        project_id = exported.code_ids[code.id]
        n_codings, n_sources = counts.get(project_id, (0, 0))
        rows.append(
            CodebookRow(
                depth=len(path) - 1,
                code_id=code.id,
                path=project.codes.path_text(project_id),
                label_en=code.label.get("en", ""),
                label_id=code.label.get("id", ""),
                label=code.text("label", lang),
                short=code.text("short", lang) if code.short else "",
                definition=code.text("definition", lang),
                when_to_use=code.text("when_to_use", lang) if code.when_to_use else "",
                when_not_to_use=code.text("when_not_to_use", lang) if code.when_not_to_use else "",
                example=code.example,
                color=code.color or "",
                codings=n_codings,
                sources=n_sources,
                has_children=bool(code.children),
            )
        )
    title = exported.book.title.get(lang) or exported.book.title.get("en", "")
    return exported.book.id, title, exported.book.version, rows


def export_codebook_xlsx(
    project: Project,
    path: str | os.PathLike[str],
    codebook_id: str | None = None,
    *,
    language: str | None = None,
) -> Path:
    """One row per code with labels, definitions, colour cell and coding counts."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book_id, title, version, rows = _codebook_table(project, codebook_id, language)
    book = Workbook()
    sheet: Any = book.active
    sheet.title = "Codebook"
    sheet.append(list(XLSX_HEADERS_ID if language == "id" else XLSX_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(
            [
                row.path, row.code_id, row.label_en, row.label_id, row.short, row.definition,
                row.when_to_use, row.when_not_to_use, row.example, row.color, row.codings,
                row.sources,
            ]
        )  # fmt: skip
        line = sheet.max_row
        for cell in sheet[line]:
            cell.alignment = wrap
            if row.has_children:
                cell.font = Font(bold=True)
        if row.color:
            sheet.cell(line, 10).fill = PatternFill("solid", fgColor=row.color.lstrip("#").upper())
    for n, width in enumerate(XLSX_WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, n).column_letter].width = width
    for line in range(1, sheet.max_row + 1):
        # Excel does not grow wrapped rows on its own in files it did not write: give each row
        # the height of its longest cell (15 points a line, wrapped at the column width).
        lines = max(
            sum(
                -(-len(part) // max(int(w * 1.1), 1)) or 1
                for part in str(c.value or "").split("\n")
            )
            for c, w in zip(sheet[line], XLSX_WIDTHS, strict=False)
        )
        sheet.row_dimensions[line].height = min(15 * lines, 409)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = title
    book.properties.identifier = book_id
    book.properties.version = version
    from qualcode.fileio import strings_not_formulas

    strings_not_formulas(book)
    return _save(book, path)


def export_codebook_docx(
    project: Project,
    path: str | os.PathLike[str],
    codebook_id: str | None = None,
    *,
    language: str = "id",
) -> Path:
    """A thesis-ready codebook table in the same document style as every other export
    (thesis profile: font, spacing, margins, heading numbering, page numbers, caption)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    from qualcode.export.docx_common import add_caption, add_page_numbers, new_document

    lang = language if language in DOCX_HEADERS else "en"
    book_id, title, version, rows = _codebook_table(project, codebook_id, lang)
    doc, styles = new_document(lang)
    doc.core_properties.title = title
    doc.core_properties.identifier = book_id
    doc.core_properties.version = version
    add_page_numbers(doc.sections[0])
    doc.add_paragraph(
        DOCX_TITLE[lang].format(title=title), style=doc.styles.get_by_id(styles.headings[0], 1)
    )
    total = sum(r.codings for r in rows)
    caption = doc.add_paragraph()
    add_caption(caption, "table", 1, lang)
    caption.add_run(DOCX_CAPTION[lang].format(version=version, codes=len(rows), codings=total))
    headers = DOCX_HEADERS[lang]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    widths = tuple(Cm(w) for w in COLUMN_CM)  # 14 cm: A4 less 4 + 3 cm margins
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        _cell_text(cell, text, bold=True, size=Pt(10))
        cell.width = width
        _shade(cell, HEADER_FILL)
    _repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        texts = (row.label, row.definition, row.when_to_use, row.example, str(row.codings))
        for n, (cell, text, width) in enumerate(zip(cells, texts, widths, strict=True)):
            _cell_text(cell, text, bold=row.has_children and n == 0, size=Pt(10))
            cell.width = width
            if row.has_children:
                _shade(cell, PARENT_FILL)
        code_id = cells[0].paragraphs[0].add_run()
        code_id.add_break()
        code_id = cells[0].paragraphs[0].add_run(row.code_id)
        code_id.font.size = Pt(8)
        code_id.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        cells[0].paragraphs[0].paragraph_format.left_indent = Cm(0.3 * row.depth)
        cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return _save(doc, path)


def _cell_text(cell: Any, text: str, *, bold: bool, size: Any) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = size


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _save(document: Any, path: str | os.PathLike[str]) -> Path:
    """Save a python-docx/openpyxl document all or nothing (see :func:`atomic_output`)."""
    from qualcode.fileio import atomic_output

    with atomic_output(path) as tmp:
        document.save(str(tmp))
    return Path(path)
