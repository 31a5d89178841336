"""Word exports read back with python-docx: content, order, headings, fields and page setup."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Cm

from qualcode.cases.attribution import AttributionStyle
from qualcode.export.excerpts_docx import export_excerpts_docx
from qualcode.export.selection import ExcerptFilter, ExcerptOptions
from qualcode.export.table import CellContent, Quote, Table
from qualcode.export.tables_docx import write_tables_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraphs(doc):
    return [(p.style.name, p.text) for p in doc.paragraphs]


def instructions(element):
    return " ".join(t.text for t in element.iter(f"{W}instrText"))


@pytest.fixture(scope="module")
def excerpt_doc(study_path, tmp_path_factory):
    from qualcode.project import Project

    out = tmp_path_factory.mktemp("docx") / "kutipan.docx"
    with Project.open(study_path, coder="ana", read_only=True) as p:
        n = export_excerpts_docx(
            p, out, options=ExcerptOptions(context_chars=30, show_other_codes=True)
        )
    assert n == 9
    return docx.Document(str(out))


def test_headings_group_code_then_case_in_order(excerpt_doc):
    heads = [(s, t) for s, t in paragraphs(excerpt_doc) if s.startswith("Heading")]
    assert heads == [
        ("Heading 1", "Komunikasi"),
        ("Heading 2", "Budi Santoso"),
        ("Heading 2", "Rina Hartati"),
        ("Heading 2", "Transmisi"),
        ("Heading 3", "Budi Santoso"),
        ("Heading 3", "Darto"),
        ("Heading 3", "D1 Perbup 17/2022"),
        ("Heading 1", "Sumber Daya"),
        ("Heading 2", "Budi Santoso"),
        ("Heading 2", "Rina Hartati"),
        ("Heading 2", "Sari"),
    ]


def test_quotes_in_order_with_citation_after_each(excerpt_doc):
    paras = paragraphs(excerpt_doc)
    quotes = [(i, t) for i, (s, t) in enumerate(paras) if s == "QC Quote"]
    assert len(quotes) == 9
    i, text = quotes[0]
    assert "anggaran masih terbatas" in text and text.startswith("…")
    assert paras[i + 1] == (
        "QC Citation",
        "(Budi Santoso — Kasi Pengembangan Ekosistem E-Government, Diskominfo, 27 Mei 2019, "
        "par. 3)",
    )
    assert "Kode lain: Sumber Daya" in paras[i + 2][1]
    order = [t for _, t in quotes]
    assert order.index(next(t for t in order if "Sosialisasi sudah" in t)) < order.index(
        next(t for t in order if "Saya belum pernah" in t)
    )
    # context is a grey run, the excerpt itself is plain (italic comes from the style)
    quote = next(p for p in excerpt_doc.paragraphs if p.style.name == "QC Quote")
    runs = quote.runs
    assert runs[0].style.name == "QC Context" and runs[1].text == "anggaran masih terbatas"
    assert excerpt_doc.styles["QC Quote"].font.italic is True


def test_special_characters_survive(excerpt_doc):
    texts = [t for s, t in paragraphs(excerpt_doc) if s == "QC Quote"]
    assert any("belum terlatih & sering berganti <staf>." in t for t in texts)


def test_toc_field_page_numbers_a4_margins(excerpt_doc):
    body = excerpt_doc.element.body
    assert 'TOC \\o "1-2" \\h \\z \\u' in instructions(body)
    section = excerpt_doc.sections[0]
    assert "PAGE" in instructions(section.footer._element)
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    assert abs(section.left_margin - Cm(4)) < Cm(0.01)
    for margin in (section.top_margin, section.right_margin, section.bottom_margin):
        assert abs(margin - Cm(3)) < Cm(0.01)
    settings = excerpt_doc.settings.element
    assert settings.find(f"{W}updateFields") is not None


def test_code_chip_shaded_in_code_colour(excerpt_doc):
    meta = next(p for p in excerpt_doc.paragraphs if p.style.name == "QC Meta")
    fills = [shd.get(f"{W}fill") for shd in meta._p.iter(f"{W}shd")]
    assert fills and all(f != "auto" for f in fills)
    colors = [c.get(f"{W}val") for c in meta._p.iter(f"{W}color")]
    assert "1F77B4" in colors  # Komunikasi's colour on the square


def test_pseudonymised_english_export(study, tmp_path):
    out = tmp_path / "en.docx"
    opts = ExcerptOptions(
        language="en", attribution=AttributionStyle(pseudonymise=True), group_by="code-kind"
    )
    export_excerpts_docx(study, out, ExcerptFilter(source_kinds=["interview"]), opts)
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    for name in ("Budi", "Rina Hartati"):
        assert name not in text
    assert "(I1 — Kasi Pengembangan" in text and "(Informant 1 — Kabid PIAK" in text
    assert "Coded Excerpts" in text and "Contents" in text
    heads = [t for s, t in paragraphs(doc) if s.startswith("Heading")]
    assert heads[:2] == ["Communication", "Interview"]  # numbers are Word's own


def test_wide_text_table_gets_landscape_section_and_repeated_header(tmp_path):
    quote = Quote(
        "Sosialisasi sudah kami lakukan ke semua OPD lewat rapat koordinasi.", "I1, par. 3"
    )
    cells = [[CellContent(count=2, excerpts=(quote, quote), summary="Rutin") for _ in range(4)]]
    wide = Table(
        "Matriks hasil wawancara",
        ["I1"],
        ["A", "B", "C", "D"],
        cells,
        about={"Filter": "semua"},
        corner="Informan",
    )
    small = Table.from_counts("Kode × Kasus", ["Komunikasi"], ["I1", "I2"], [[3, 0]])
    out = tmp_path / "t.docx"
    write_tables_docx([small, wide], out, language="id")
    doc = docx.Document(str(out))
    assert [s.orientation for s in doc.sections] == [0, 1]  # portrait, then landscape
    assert doc.sections[1].page_width > doc.sections[1].page_height
    first, second = doc.tables
    # a column with nothing in it is left out of a thesis table
    assert [c.text for c in first.rows[1].cells] == ["Komunikasi", "3"]
    header = second.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert header.find(f".//{W}shd").get(f"{W}fill") == "D9E2F3"
    cell = second.rows[1].cells[1].text
    assert "Rutin" in cell and "“Sosialisasi sudah kami lakukan" in cell and "(I1, par. 3)" in cell
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Tabel 1. Kode × Kasus" in text and "Tabel 2. Matriks hasil wawancara" in text
    # the note under a table is written as a thesis writes it (the spec is on the Excel About sheet)
    assert "Sumber: data primer diolah peneliti" in text and "Filter" not in text


def test_control_characters_from_pdfs_do_not_break_word_or_excel(project, tmp_path):
    import openpyxl

    from qualcode.export.excerpts import export_excerpts

    text = "I: Halaman satu\x0cHalaman dua\x0b selesai.\n"
    src = project.sources.add_text("D2 PDF", text, kind="document").result
    code = project.codes.create("Regulasi").result
    project.codings.apply(src.id, 3, len(text) - 1, code.id)
    export_excerpts(project, tmp_path / "c.docx")
    export_excerpts(project, tmp_path / "c.xlsx")
    quotes = [p.text for p in docx.Document(str(tmp_path / "c.docx")).paragraphs]
    assert "Halaman satuHalaman dua selesai." in quotes
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx").active
    assert "Halaman satuHalaman dua selesai." in [c.value for c in ws[2]]
