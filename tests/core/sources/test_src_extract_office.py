"""Word, OpenDocument and PDF files made with the real libraries."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from qualcode.errors import ImportFailedError
from qualcode.sources.extract import extract_bytes, extract_file


def _cell_texts(source, table: int) -> list[tuple[int, int, str]]:
    return [
        (b.row, b.col, source.text[b.start : b.end])
        for b in source.blocks_of("table-cell")
        if b.table == table
    ]


def test_docx_paragraphs_and_tables_in_document_order(make_docx) -> None:
    path = make_docx(
        [
            ("h1", "Transkrip Wawancara"),
            ("table", [("Hari/Tanggal", "Kamis, 4 Juli 2019"), ("Instansi", "DPMPTSP Kukar")]),
            ("p", "P: Bagaimana layanan perizinan daring?"),
            ("h2", "Bagian 2"),
            ("table", [("No", "Pertanyaan", "Jawaban"), ("1", "Kendala?", "Jaringan\nlemah")]),
            ("p", "Penutup."),
        ],
        title="Wawancara DPMPTSP",
    )
    source = extract_file(path)
    assert source.format == "docx"
    assert source.title == "Wawancara DPMPTSP"
    assert source.text.splitlines() == [
        "Transkrip Wawancara",
        "Hari/Tanggal | Kamis, 4 Juli 2019",
        "Instansi | DPMPTSP Kukar",
        "P: Bagaimana layanan perizinan daring?",
        "Bagian 2",
        "No | Pertanyaan | Jawaban",
        "1 | Kendala? | Jaringan",
        "lemah",
        "Penutup.",
    ]
    headings = [(b.level, source.text[b.start : b.end]) for b in source.blocks_of("heading")]
    assert headings == [(1, "Transkrip Wawancara"), (2, "Bagian 2")]
    assert _cell_texts(source, 1) == [
        (0, 0, "No"),
        (0, 1, "Pertanyaan"),
        (0, 2, "Jawaban"),
        (1, 0, "1"),
        (1, 1, "Kendala?"),
        (1, 2, "Jaringan\nlemah"),
    ]
    rows = [source.text[b.start : b.end] for b in source.blocks_of("table-row")]
    assert rows[0] == "Hari/Tanggal | Kamis, 4 Juli 2019"
    assert source.metadata["header.date"] == "2019-07-04"
    assert source.metadata["header.organisation"] == "DPMPTSP Kukar"
    assert source.encoding is None


def test_docx_line_breaks_tabs_hyperlinks_and_empty_trailing_cells(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement

    document = Document()
    paragraph = document.add_paragraph("I: Baris satu")
    paragraph.add_run().add_break()
    paragraph.add_run("baris dua\tkolom")
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = " lihat situs"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "a"
    path = tmp_path / "br.docx"
    document.save(path)
    source = extract_file(path)
    assert source.text == "I: Baris satu\nbaris dua\tkolom lihat situs\na"
    cells = _cell_texts(source, 0)
    assert cells == [(0, 0, "a"), (0, 1, ""), (0, 2, "")]


def test_docx_footnotes_are_appended(tmp_path: Path) -> None:
    from docx import Document
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    paragraph = document.add_paragraph("Perwali 25/2019 mengatur masterplan")
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="2"/></w:r>'))
    document.add_paragraph("Paragraf berikut.")
    blob = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t>Peraturan Walikota Pontianak No. 25 Tahun 2019.</w:t>'
        "</w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    part = Part(
        PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    path = tmp_path / "fn.docx"
    document.save(path)
    source = extract_file(path)
    assert source.text == (
        "Perwali 25/2019 mengatur masterplan[1]\nParagraf berikut.\n\n"
        "[1] Peraturan Walikota Pontianak No. 25 Tahun 2019."
    )
    footnote = source.blocks_of("footnote")[0]
    assert source.text[footnote.start : footnote.end].startswith("[1] Peraturan")


def test_docx_text_boxes_are_reported(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    paragraph = document.add_paragraph("Isi utama.")
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w', 'wp')}><w:drawing><wp:inline><w:txbxContent><w:p><w:r>"
            "<w:t>teks kotak</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r>"
        )
    )
    path = tmp_path / "kotak.docx"
    document.save(path)
    source = extract_file(path)
    assert source.text == "Isi utama."
    assert source.warnings == ["Text in 1 text box(es) was not imported."]


def test_corrupt_docx_is_refused(make_docx) -> None:
    data = make_docx([("p", "isi")]).read_bytes()
    with pytest.raises(ImportFailedError, match=r"rusak\.docx.*damaged"):
        extract_bytes(data[: len(data) // 2], "rusak.docx")


def test_zip_that_is_not_a_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("foto/catatan.txt", "bukan dokumen word")
    with pytest.raises(ImportFailedError, match=r"arsip\.docx.*not a Word document"):
        extract_bytes(buffer.getvalue(), "arsip.docx")


def test_text_file_named_docx_is_refused() -> None:
    with pytest.raises(ImportFailedError, match=r"not a Word document"):
        extract_bytes(b"P: halo\nI: ya\n", "salah.docx")


def test_odt_headings_paragraphs_tables_and_notes(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, LineBreak, Note, NoteBody, NoteCitation, P, S, Span, Tab

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Catatan Lapangan"))
    para = P(text="P: Bagaimana")
    para.addElement(S(c=3))
    para.addElement(Span(text="jaringan?"))
    para.addElement(LineBreak())
    para.addText("baris dua")
    para.addElement(Tab())
    para.addText("x")
    doc.text.addElement(para)
    note_para = P(text="Lihat SK Bupati")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="SK 232/SK-BUP/HK/2017."))
    note.addElement(body)
    note_para.addElement(note)
    doc.text.addElement(note_para)
    table = Table(name="T1")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for left, right in (("Pertanyaan", "Jawaban"), ("Kendala?", "Anggaran")):
        row = TableRow()
        for value in (left, right):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    path = tmp_path / "obs.odt"
    doc.save(str(path))
    source = extract_file(path)
    assert source.format == "odt"
    assert source.text == (
        "Catatan Lapangan\nP: Bagaimana   jaringan?\nbaris dua\tx\nLihat SK Bupati[1]\n"
        "Pertanyaan | Jawaban\nKendala? | Anggaran\n\n[1] SK 232/SK-BUP/HK/2017."
    )
    assert source.title == "Catatan Lapangan"
    assert _cell_texts(source, 0)[-1] == (1, 1, "Anggaran")


def test_odt_document_properties(tmp_path: Path) -> None:
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text="Observasi Command Center"))
    doc.meta.addElement(dc.Creator(text="Ana"))
    doc.text.addElement(P(text="Isi catatan."))
    path = tmp_path / "meta.odt"
    doc.save(str(path))
    source = extract_file(path)
    assert source.title == "Observasi Command Center"
    assert source.metadata["author"] == "Ana"
    assert source.text == "Isi catatan."


def test_damaged_odt_is_refused() -> None:
    with pytest.raises(ImportFailedError, match=r"x\.odt"):
        extract_bytes(b"PK\x03\x04" + b"\x00" * 50, "x.odt")


def _pdf(path: Path, pages: list[list[str]], image_only: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Perwali Pontianak 25/2019")
    pdf.setAuthor("Bagian Hukum")
    for lines in pages:
        if image_only:
            from PIL import Image, ImageDraw
            from reportlab.lib.utils import ImageReader

            image = Image.new("RGB", (400, 200), "white")
            ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline="black")
            pdf.drawImage(ImageReader(image), 50, 500, width=400, height=200)
        y = 800
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_text_layer_pages_and_metadata(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "perwali.pdf",
        [["PERATURAN WALI KOTA PONTIANAK", "Pasal 1: Dalam Peraturan ini"], [], ["Pasal 2: Smart"]],
    )
    source = extract_file(path)
    assert source.format == "pdf"
    assert source.text == (
        "PERATURAN WALI KOTA PONTIANAK\nPasal 1: Dalam Peraturan ini\n\nPasal 2: Smart"
    )
    assert [b.page for b in source.blocks_of("page")] == [0, 2]
    assert source.title == "Perwali Pontianak 25/2019"
    assert source.metadata["author"] == "Bagian Hukum"
    assert source.metadata["pages"] == "3"
    assert any("2" in w and "no text layer" in w for w in source.warnings)


def test_scanned_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "scan.pdf", [[], []], image_only=True)
    with pytest.raises(ImportFailedError, match=r"scan\.pdf.*no text layer.*OCR"):
        extract_file(path)


def test_password_protected_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    locked, open_ = tmp_path / "kunci.pdf", tmp_path / "izin.pdf"
    for path, encryption in ((locked, "rahasia"), (open_, StandardEncryption("", "pemilik"))):
        pdf = canvas.Canvas(str(path), encrypt=encryption)
        pdf.drawString(72, 800, "Nota Kesepahaman 19/KOMINFO/HK.03.02/05/2017")
        pdf.showPage()
        pdf.save()
    with pytest.raises(ImportFailedError, match=r"kunci\.pdf.*password"):
        extract_file(locked)
    assert extract_file(open_).text == "Nota Kesepahaman 19/KOMINFO/HK.03.02/05/2017"


def test_damaged_pdf_is_refused() -> None:
    with pytest.raises(ImportFailedError, match=r"r\.pdf"):
        extract_bytes(b"%PDF-1.4\ngarbage without xref", "r.pdf")
    with pytest.raises(ImportFailedError, match=r"not a PDF"):
        extract_bytes(b"hello", "r.pdf")
