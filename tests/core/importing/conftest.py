"""Builders of real files (python-docx, odfpy, reportlab) for the import tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

INTERVIEW = """TRANSKRIP WAWANCARA
Hari/Tanggal: Senin, 27 Mei 2019
Tempat: Kantor Diskominfo Kukar
Informan: Bapak S. (nama disamarkan)
Jabatan: Kasi Pengembangan Ekosistem E-Government
Kode Informan: IK-1

P: Selamat pagi, Pak. Bagaimana pelaksanaan smart city di Kukar?
I: Ya, jadi begini. Smart city itu kita mulai tahun 2017.
P: Apa kendala utama?
I: SDM aparatur kurang, terutama yang berlatar belakang TI.
"""

FGD = """TRANSKRIP FGD WARGA
Tanggal: 4 Mei 2024

Moderator: Silakan perkenalkan diri.
Pak Darto: Saya Darto, Ketua RT.
Bu Sari: Saya Sari, usaha keripik.
Moderator: Bagaimana sinyal di desa?
Pak Darto: Sinyal susah, harus naik bukit.
Bu Sari: Betul, jualan online jadi sulit.
"""

LINES = [
    "Informan: Bapak S. (IK-1)",
    "Jabatan: Kasi Pengembangan",
    "",
    "P: Bagaimana sosialisasi aplikasi di desa?",
    "I: Sosialisasi sudah dilakukan, tapi jaringan masih terbatas.",
    "P: Apakah anggaran cukup?",
    "I: Anggaran kurang, koordinasi antar OPD juga lemah.",
]


def write_docx(path: Path, lines: list[str]) -> Path:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def write_odt(path: Path, lines: list[str]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in lines:
        document.text.addElement(P(text=line))
    document.save(str(path))
    return path


def write_pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        if line:
            pdf.drawString(50, y, line)
        y -= 16
    pdf.save()
    return path


def write_rtf(path: Path, lines: list[str]) -> Path:
    body = "".join(line + "\\par\n" for line in lines)
    path.write_text("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}}\n" + body + "}", "ascii")
    return path


def write_html(path: Path, lines: list[str]) -> Path:
    body = "".join(f"<p>{line}</p>" for line in lines if line)
    path.write_text(f"<html><head><title>W</title></head><body>{body}</body></html>", "utf-8")
    return path


def write_subtitles(path: Path, lines: list[str]) -> Path:
    vtt = path.suffix == ".vtt"
    out = ["WEBVTT", ""] if vtt else []
    for i, line in enumerate([x for x in lines if x.startswith(("P:", "I:"))], 1):
        sep = "." if vtt else ","
        out += [str(i), f"00:00:{i:02d}{sep}000 --> 00:00:{i:02d}{sep}900", line, ""]
    path.write_text("\n".join(out), "utf-8")
    return path


def write_text(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


BUILDERS: dict[str, Callable[[Path, list[str]], Path]] = {
    ".docx": write_docx,
    ".odt": write_odt,
    ".pdf": write_pdf,
    ".rtf": write_rtf,
    ".html": write_html,
    ".srt": write_subtitles,
    ".vtt": write_subtitles,
    ".txt": write_text,
    ".md": write_text,
}


@pytest.fixture
def interview_file(tmp_path: Path) -> Path:
    """A UTF-8 interview transcript with a header block and P:/I: turns."""
    path = tmp_path / "W1_Kasi.txt"
    path.write_text(INTERVIEW, "utf-8")
    return path


@pytest.fixture
def fgd_file(tmp_path: Path) -> Path:
    """A focus-group transcript with a moderator and two named participants."""
    path = tmp_path / "FGD1.txt"
    path.write_text(FGD, "utf-8")
    return path


@pytest.fixture
def builders() -> dict[str, Callable[[Path, list[str]], Path]]:
    """File extension -> function writing ``lines`` as a real file of that format."""
    return BUILDERS


@pytest.fixture
def lines() -> list[str]:
    """The lines of a short interview (header, two P:/I: exchanges) for every format."""
    return list(LINES)
