"""Builders of real test files (made with the real libraries) for the source tests."""

from __future__ import annotations

from pathlib import Path

import pytest

INTERVIEW = """TRANSKRIP WAWANCARA
Hari/Tanggal: Senin, 27 Mei 2019
Pukul: 09.00 - 10.15 WITA
Tempat: Kantor Diskominfo Kukar
Informan: Bapak S. (IK-1)
Jabatan: Kasi Pengembangan Ekosistem E-Government
Instansi: Diskominfo Kabupaten Kutai Kartanegara

P: Selamat pagi, Pak. Bagaimana pelaksanaan smart city di Kukar?
I: Ya, jadi begini. Eee smart city itu kita mulai tahun 2017.
Catatan: waktu itu belum ada SK.
Anggaran masih terbatas, gitu.
P: Apa kendala utama?
I: SDM aparatur kurang, terutama yang berlatar belakang TI.
"""


@pytest.fixture
def interview() -> str:
    """A short Indonesian interview transcript with a header block."""
    return INTERVIEW


@pytest.fixture
def make_docx(tmp_path: Path):
    """Build a .docx with python-docx from a list of ("p"|"h1"|"table", payload)."""
    from docx import Document

    def build(parts, name: str = "wawancara.docx", title: str | None = None) -> Path:
        document = Document()
        if title:
            document.core_properties.title = title
        for kind, payload in parts:
            if kind == "p":
                document.add_paragraph(payload)
            elif kind.startswith("h"):
                document.add_heading(payload, int(kind[1:]))
            elif kind == "table":
                table = document.add_table(rows=len(payload), cols=len(payload[0]))
                for r, row in enumerate(payload):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
        path = tmp_path / name
        document.save(path)
        return path

    return build
