"""The pseudonymisation engine and the leak check every pseudonymised export passes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from qualcode.export.leaks import LeakError, rewrite_file, rewrite_html, scan_file
from qualcode.export.leaks import write_pseudonymised as guarded
from qualcode.export.pseudonymise import Pseudonymiser

REGISTER = [
    ("Ujang", "[Informan 13]"),
    ("Sari", "[Informan 10]"),
    ("UMKM Keripik Sari", "[instansi]"),
    ("Pak Darto", "[Informan 9]"),
    ("Dr. RK", "[Informan 7]"),
    ("Kepala Dinas Komunikasi dan Informatika", "Pejabat eselon II"),
    ("Mekarwangi", "[desa]"),
]
ENGINE = Pseudonymiser(REGISTER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jawaban terakhir Pak Ujang.", "Jawaban terakhir Pak [Informan 13]."),
        ("Keripik dari UMKM keripik  SARI, kata Bu Sari.",
         "Keripik dari [instansi], kata Bu [Informan 10]."),
        ("PAK DARTO bilang", "PAK [Informan 9] bilang"),  # honorific from the text, kept
        ("dr. rk menulis", "dr. [Informan 7] menulis"),
        ("Kepala Dinas Komunikasi dan\nInformatika", "Pejabat eselon II"),
        ("Sarinah dan Ujangan bukan nama terdaftar", "Sarinah dan Ujangan bukan nama terdaftar"),
        ("Desa Mekarwangi-nya", "Desa [desa]-nya"),
        ("", ""),
    ],
)  # fmt: skip
def test_engine(text: str, expected: str) -> None:
    assert ENGINE.apply(text) == expected
    assert ENGINE.find(expected) == []


def test_register_says_how_to_address() -> None:
    engine = Pseudonymiser([("Pak Ujang", "Bapak Informan 13"), ("ujang", "X")])
    assert engine.apply("kata Pak Ujang, juga ujang") == "kata Bapak Informan 13, juga X"
    assert [h.entry for h in engine.find("PAK UJANG")] == ["Pak Ujang"]
    assert not Pseudonymiser([]) and Pseudonymiser([]).apply("Ujang") == "Ujang"


def _docx_with_split_runs(path: Path) -> None:
    doc = docx.Document()
    p = doc.add_paragraph("Catatan: ")
    p.add_run("Pak U")
    p.add_run("jang").bold = True
    p.add_run(" dari Mekar")
    p.add_run("wangi.")
    doc.sections[0].header.paragraphs[0].text = "Wawancara Sari"
    doc.sections[0].footer.paragraphs[0].text = "UMKM Keripik Sari"
    doc.core_properties.author = "Sari"
    doc.core_properties.title = "Cerita Pak Darto"
    doc.save(str(path))


def test_docx_rewrite_spans_runs_headers_footers_properties(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    _docx_with_split_runs(path)
    assert {leak.entry for leak in scan_file(path, ENGINE)} == {
        "Ujang", "Mekarwangi", "Sari", "UMKM Keripik Sari", "Pak Darto"
    }  # fmt: skip
    rewrite_file(path, ENGINE)
    assert scan_file(path, ENGINE) == []
    doc = docx.Document(str(path))
    assert doc.paragraphs[0].text == "Catatan: Pak [Informan 13] dari [desa]."
    assert doc.sections[0].footer.paragraphs[0].text == "[instansi]"
    assert doc.core_properties.author == "[Informan 10]"
    assert doc.core_properties.title == "Cerita Pak [Informan 9]"


def test_csv_and_html_rewrite(tmp_path: Path) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_bytes('\ufeffkasus,catatan\r\nF5,"Pak Ujang, Sari"\r\n'.encode())
    rewrite_file(csv_path, ENGINE)
    assert csv_path.read_bytes().decode("utf-8-sig").splitlines()[1] == (
        'F5,"Pak [Informan 13], [Informan 10]"'
    )
    page = '<p title="Sari &amp; Ujang">Pak Ujang &amp; <b>Sari</b></p><img src="Sari.png">'
    assert rewrite_html(page, ENGINE) == (
        '<p title="[Informan 10] &amp; [Informan 13]">Pak [Informan 13] &amp; '
        '<b>[Informan 10]</b></p><img src="Sari.png">'
    )


def _docx_with_alt_text(path: Path) -> None:
    """A document whose image alt text names an informant: alt text is not rewritten."""
    doc = docx.Document()
    doc.add_paragraph("Foto kegiatan")
    doc.save(str(path))
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    body = parts["word/document.xml"].decode()
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Foto" '
        'descr="Foto Pak Ujang di balai desa"/></wp:inline></w:drawing></w:r></w:p>'
    )
    body = body.replace("<w:sectPr", drawing + "<w:sectPr", 1)
    parts["word/document.xml"] = body.encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_a_leak_the_export_cannot_replace_fails_it_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    with pytest.raises(LeakError) as caught:
        guarded(target, ENGINE, _docx_with_alt_text)
    message = str(caught.value)
    assert "'Ujang'" in message and "Foto Pak Ujang di balai desa" in message
    assert "word/document.xml" in message
    assert list(tmp_path.iterdir()) == []  # no file, no temporary left behind
    # an older file at the target survives untouched
    target.write_bytes(b"older")
    with pytest.raises(LeakError):
        guarded(target, ENGINE, _docx_with_alt_text)
    assert target.read_bytes() == b"older"
    # accepting the leaks writes the file and returns them
    _, leaks = guarded(target, ENGINE, _docx_with_alt_text, accept_leaks=True)
    assert [leak.entry for leak in leaks] == ["Ujang"] and zipfile.is_zipfile(target)


def test_binary_parts_are_scanned_too(tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/media/image1.png", b"\x89PNG\x00\x00tEXtAuthor\x00Foto oleh Sari\x00\xff")
    assert [(leak.part, leak.entry) for leak in scan_file(path, ENGINE)] == [
        ("xl/media/image1.png", "Sari")
    ]


def test_without_pseudonymising_the_writer_writes_directly(tmp_path: Path) -> None:
    target = tmp_path / "plain.docx"
    result, leaks = guarded(target, None, lambda p: (_docx_with_split_runs(p), 7)[1])
    assert result == 7 and leaks == [] and scan_file(target, ENGINE)


def test_yaml_values_are_rewritten_and_still_load(tmp_path: Path) -> None:
    import yaml

    path = tmp_path / "codebook.yaml"
    path.write_text("codes:\n- name: Sari\n  example: 'Kata Pak Ujang: sinyal hilang'\n", "utf-8")
    rewrite_file(path, ENGINE)
    data = yaml.safe_load(path.read_text("utf-8"))
    assert data == {"codes": [{"name": "[Informan 10]",
                               "example": "Kata Pak [Informan 13]: sinyal hilang"}]}  # fmt: skip
    assert scan_file(path, ENGINE) == []
