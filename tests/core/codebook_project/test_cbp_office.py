"""The codebook as .xlsx and .docx, read back with openpyxl and python-docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.codebooks.export import export_codebook_yaml
from qualcode.codebooks.files import find_codebook
from qualcode.codebooks.office import (
    DOCX_HEADERS,
    XLSX_HEADERS,
    export_codebook_docx,
    export_codebook_xlsx,
)
from qualcode.codebooks.project import load_codebook_into
from qualcode.errors import ExportFailedError, NotFoundError
from qualcode.project import Project


@pytest.fixture
def coded(sqlite_project: Project) -> Project:
    """Edwards III loaded, with a few codings on one source."""
    project = sqlite_project
    load_codebook_into(project, "edwards3")
    src = project.sources.add_text("W1", "Sosialisasi sudah masif. Anggaran kurang. SDM terbatas.")
    assert src.result is not None
    codes = {c.codebook_code: c.id for c in project.codes.all()}
    project.codings.apply(src.result.id, 0, 24, codes["COM.1"])
    project.codings.apply(src.result.id, 25, 41, codes["RES.5"], valence="inhibiting")
    project.codings.apply(src.result.id, 42, 55, codes["COM.1"])
    return project


def test_xlsx(coded: Project, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = export_codebook_xlsx(coded, tmp_path / "cb.xlsx", "edwards3", language="en")
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == XLSX_HEADERS
    book = find_codebook("edwards3")
    assert [r[1] for r in rows[1:]] == book.code_ids()
    by_id = {r[1]: dict(zip(XLSX_HEADERS, r, strict=True)) for r in rows[1:]}
    com1 = by_id["COM.1"]
    assert com1["Path"] == "Komunikasi / Transmisi (penyaluran∕sosialisasi)"
    assert com1["Label (EN)"] == "Transmission"
    assert com1["Label (ID)"] == "Transmisi (penyaluran/sosialisasi)"
    code = book.code("COM.1")
    assert code is not None
    assert com1["Definition"] == code.definition["en"]
    assert com1["When to use"] == code.when_to_use["en"]
    assert com1["When not to use"] == code.when_not_to_use["en"]
    assert com1["Example"] == code.example
    assert (com1["Codings"], com1["Sources"]) == (2, 1)
    assert (by_id["RES.5"]["Codings"], by_id["COM"]["Codings"]) == (1, 0)
    assert sheet.freeze_panes == "A2"
    colour = sheet.cell(3, XLSX_HEADERS.index("Colour") + 1)
    assert colour.value == code.color
    assert colour.fill.fgColor.rgb.endswith(code.color.lstrip("#").upper())
    assert sheet.cell(3, 6).alignment.wrap_text
    assert sheet.column_dimensions["F"].width == 60


def test_docx(coded: Project, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    out = export_codebook_docx(coded, tmp_path / "cb.docx", "edwards3", language="id")
    doc = Document(str(out))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.left_margin, section.top_margin, section.right_margin,
               section.bottom_margin)  # fmt: skip
    assert [round(m.cm, 2) for m in margins] == [
        4,
        3,
        3,
        3,
    ]  # the thesis profile's margins, as every export
    assert doc.paragraphs[0].text.startswith("Buku Kode: ")
    assert len(doc.tables) == 1
    table = doc.tables[0]
    header = table.rows[0]
    assert tuple(c.text for c in header.cells) == DOCX_HEADERS["id"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    book = find_codebook("edwards3")
    assert len(table.rows) == 1 + len(book.code_ids())
    first = [c.text for c in table.rows[1].cells]
    com = book.code("COM")
    assert com is not None
    assert first[0] == "Komunikasi\nCOM" and first[1] == com.definition["id"]
    com1 = [c.text for c in table.rows[2].cells]
    assert com1[0] == "Transmisi (penyaluran/sosialisasi)\nCOM.1" and com1[4] == "2"

    def fill(row: int) -> str | None:
        shd = table.rows[row].cells[0]._tc.tcPr.find(qn("w:shd"))
        return None if shd is None else shd.get(qn("w:fill"))

    assert fill(1) is not None and fill(2) is None  # parent shaded, child not
    english = Document(str(export_codebook_docx(coded, tmp_path / "en.docx", language="en")))
    assert tuple(c.text for c in english.tables[0].rows[0].cells) == DOCX_HEADERS["en"]
    assert english.tables[0].rows[1].cells[0].text == "Communication\nCOM"


def test_export_unknown_codebook(coded: Project, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_codebook_xlsx(coded, tmp_path / "x.xlsx", "factors")


def test_export_empty_project(project: Project, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_codebook_docx(project, tmp_path / "x.docx")


@pytest.mark.parametrize("suffix", [".yaml", ".xlsx", ".docx"])
def test_a_failed_codebook_export_keeps_the_previous_file(
    coded: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """All or nothing: a write that fails half-way leaves the earlier export as it was."""
    export = {".yaml": export_codebook_yaml, ".xlsx": export_codebook_xlsx,
              ".docx": export_codebook_docx}[suffix]  # fmt: skip
    target = tmp_path / f"codebook{suffix}"
    target.write_bytes(b"the earlier export")

    def power_cut(*_a: object, **_k: object) -> None:
        raise OSError(5, "Input/output error")  # a full disk has its own message

    # the new file is complete, then the rename fails
    monkeypatch.setattr("qualcode.fileio.os.replace", power_cut)
    with pytest.raises(ExportFailedError, match="could not be written"):
        export(coded, target)
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".codebook")] == []
