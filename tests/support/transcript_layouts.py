"""Word transcripts in the common Indonesian speaker layouts, written with python-docx.

Each layout is generated from one script of an interview (questions, answers
of several paragraphs) with a metadata header, so import tests can check the
same facts for every layout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

# (speaker role, paragraphs): the interviewer asks, the informant answers at length.
LONG_ANSWER = [
    "Jadi begini, SOP kami susun sejak 2019.",
    "Setelah itu kami sosialisasikan ke semua bidang.",
    "Tapi memang belum semua pegawai paham.",
]
SCRIPT: list[tuple[str, list[str]]] = [
    ("q", ["Selamat pagi, Bu. Bagaimana pelaksanaan SOP pelayanan di dinas ini?"]),
    ("a", LONG_ANSWER),
    ("q", ["Apa kendala utamanya?"]),
    ("a", ["SDM aparatur masih kurang.", "Anggaran juga terbatas."]),
]
META = [
    ("Kode Informan", "IK-2"),
    ("Jabatan", "Kepala Bidang Pelayanan"),
    ("Instansi", "Dinas Kependudukan"),
    ("Tanggal", "12 Maret 2024"),
    ("Lokasi", "Kantor Disdukcapil"),
]
ONE_SPEAKER = "Kode Informan: IK-5\nJabatan: Staf\n\nI: Ya, betul.\nLalu kami rapat.\nI: Sudah.\n"
ANSWER_TEXT = "Tapi memang belum semua pegawai paham."


def bold(paragraph: Any, text: str) -> None:
    paragraph.add_run(text).bold = True


def _meta_table(document: Any, columns: int = 2) -> None:
    if columns == 2:
        table = document.add_table(rows=len(META), cols=2)
        for row, (key, value) in zip(table.rows, META, strict=True):
            row.cells[0].text, row.cells[1].text = key, value
    else:  # Key | : | Value
        table = document.add_table(rows=len(META), cols=3)
        for row, (key, value) in zip(table.rows, META, strict=True):
            row.cells[0].text, row.cells[1].text, row.cells[2].text = key, ":", value


def save(document: Any, path: Path) -> Path:
    document.save(path)
    return path


def bold_label_paragraphs(path: Path, q: str = "PEWAWANCARA", a: str = "NARASUMBER") -> Path:
    """Label as a bold paragraph of its own, answer in the following paragraphs, metadata table."""
    from docx import Document

    document = Document()
    document.add_paragraph("TRANSKRIP WAWANCARA")
    _meta_table(document)
    document.add_paragraph("")
    for role, paragraphs in SCRIPT:
        bold(document.add_paragraph(), q if role == "q" else a)
        for text in paragraphs:
            document.add_paragraph(text)
    return save(document, path)


def plain_label_lines(path: Path) -> Path:
    """Label on a line of its own without bold ("Peneliti" / "Informan 1"), text header."""
    from docx import Document

    document = Document()
    for key, value in META:
        document.add_paragraph(f"{key}: {value}")
    document.add_paragraph("")
    for role, paragraphs in SCRIPT:
        document.add_paragraph("Peneliti" if role == "q" else "Informan 1")
        for text in paragraphs:
            document.add_paragraph(text)
    return save(document, path)


def bold_run_labels(path: Path) -> Path:
    """The label in a bold run at the start of the paragraph, no colon."""
    from docx import Document

    document = Document()
    _meta_table(document, columns=3)
    for role, paragraphs in SCRIPT:
        first = document.add_paragraph()
        bold(first, "Pewawancara" if role == "q" else "Narasumber")
        first.add_run(" " + paragraphs[0])
        for text in paragraphs[1:]:
            document.add_paragraph(text)
    return save(document, path)


def colon_labels(path: Path, q: str = "P", a: str = "I") -> Path:
    """Colon labels ("P:", "I:", "Peneliti:", "Informan 2:") with continuation paragraphs."""
    from docx import Document

    document = Document()
    for key, value in META:
        document.add_paragraph(f"{key}: {value}")
    for role, paragraphs in SCRIPT:
        document.add_paragraph(f"{q if role == 'q' else a}: {paragraphs[0]}")
        for text in paragraphs[1:]:
            document.add_paragraph(text)
    return save(document, path)


def timestamps_before(path: Path) -> Path:
    """A timestamp before a bold label paragraph: "[00:01:05] PEWAWANCARA"."""
    from docx import Document

    document = Document()
    _meta_table(document)
    for i, (role, paragraphs) in enumerate(SCRIPT):
        label = document.add_paragraph()
        label.add_run(f"[00:0{i}:05] ")
        bold(label, "PEWAWANCARA" if role == "q" else "NARASUMBER")
        for text in paragraphs:
            document.add_paragraph(text)
    return save(document, path)


def timestamps_after(path: Path) -> Path:
    """A timestamp after the label on its own line: "Informan (00:01:05)"."""
    from docx import Document

    document = Document()
    _meta_table(document)
    for i, (role, paragraphs) in enumerate(SCRIPT):
        document.add_paragraph(f"{'Peneliti' if role == 'q' else 'Informan'} (00:0{i}:05)")
        for text in paragraphs:
            document.add_paragraph(text)
    return save(document, path)


def speaker_table(path: Path) -> Path:
    """A Waktu | Pembicara | Ucapan table, answers of several paragraphs in one cell."""
    from docx import Document

    document = Document()
    _meta_table(document)
    document.add_paragraph("")
    table = document.add_table(rows=len(SCRIPT) + 1, cols=3)
    table.rows[0].cells[0].text = "Waktu"
    table.rows[0].cells[1].text = "Pembicara"
    table.rows[0].cells[2].text = "Ucapan"
    for i, (row, (role, paragraphs)) in enumerate(zip(table.rows[1:], SCRIPT, strict=True)):
        row.cells[0].text = f"00:0{i}:05"
        row.cells[1].text = "Peneliti" if role == "q" else "Informan"
        row.cells[2].text = "\n".join(paragraphs)
    return save(document, path)


LAYOUTS: dict[str, Callable[[Path], Path]] = {
    "bold-label-paragraph": bold_label_paragraphs,
    "plain-label-line": plain_label_lines,
    "bold-run-label": bold_run_labels,
    "p-i-colon": colon_labels,
    "peneliti-informan-n": lambda p: colon_labels(p, "Peneliti", "Informan 2"),
    "timestamp-before-label": timestamps_before,
    "timestamp-after-label": timestamps_after,
    "speaker-table": speaker_table,
}
