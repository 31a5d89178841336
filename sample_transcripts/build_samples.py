"""Build the binary and non-UTF-8 files of the bundled sample study from plain sources.

The sample study ships a few files that cannot be edited as plain UTF-8 text: two Word
documents, an Excel informant sheet and a transcript saved as Windows-1252. Their content
lives in ``src/`` (Markdown-like text) and ``informants.csv``; this script turns it into
the shipped files. Output is deterministic (fixed document properties and fixed ZIP entry
timestamps), so rebuilding gives byte-identical files with the same library versions.

Run from the repository root::

    .venv/bin/python sample_transcripts/build_samples.py [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

#: Fixed timestamp written into document properties and ZIP entries.
FIXED_TIME = dt.datetime(2024, 5, 20, 8, 0, 0)
FIXED_ISO = "2024-05-20T08:00:00Z"
AUTHOR = "Peneliti (studi fiktif QualCode)"

HEADER_LINE = re.compile(r"^([A-Z][A-Za-z/ ]{1,30}):\s+(.*)$")
TURN_LINE = re.compile(r"^([TJ]):\s+(.*)$")
QA_LINE = re.compile(r"^([QA]):\s+(.*)$")

INT_COLUMNS = {"Peringkat"}
DATE_COLUMNS = {"Tanggal Wawancara"}

RANK_LEGEND = [
    (1, "Kepala daerah / kepala OPD (Bupati, Kepala Dinas, Kepala Badan)"),
    (2, "Sekretaris / Kepala Bidang"),
    (3, "Kepala Seksi / Kepala Sub Bagian / Kepala Desa"),
    (4, "Staf pelaksana / operator / tenaga kesehatan"),
    (5, "Tokoh atau pengurus masyarakat (RT, KIM), pelaku usaha, akademisi"),
    (6, "Warga"),
]


def _read_lines(path: Path) -> list[str]:
    """Return the stripped lines of a UTF-8 source file."""
    return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]


def _new_document(title: str):  # -> docx.document.Document
    """Create a Word document with fixed core properties."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.subject = "Studi contoh QualCode: implementasi Smart Regency Kabupaten Sukamaju"
    props.language = "id-ID"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1
    return document


def _add_labelled(document, label: str, text: str, sep: str) -> None:
    """Add a paragraph whose leading label (e.g. ``T:``) is bold."""
    paragraph = document.add_paragraph()
    paragraph.add_run(label + sep).bold = True
    paragraph.add_run(text)


def _add_common(document, line: str, in_header: bool) -> bool:
    """Handle headings, header-block lines and prose; return True if the line was used."""
    if line.startswith("## "):
        document.add_heading(line[3:], level=2)
    elif line.startswith("# "):
        document.add_heading(line[2:], level=1)
    elif in_header and (match := HEADER_LINE.match(line)):
        _add_labelled(document, match.group(1), match.group(2), ": ")
    else:
        return False
    return True


def build_qa_table_docx(src: Path, out: Path) -> None:
    """Build a transcript whose answers sit in a No | Pertanyaan | Jawaban table."""
    document = _new_document(_read_lines(src)[0].lstrip("# "))
    table = None
    answer_cell = None
    in_header = True
    for line in _read_lines(src):
        if not line:
            continue
        match = QA_LINE.match(line)
        if match is None:
            if line.startswith("## "):
                in_header = False
            if not _add_common(document, line, in_header):
                document.add_paragraph(line)
            continue
        label, text = match.groups()
        if table is None:
            table = document.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            heads = ("No", "Pertanyaan", "Jawaban")
            for cell, head in zip(table.rows[0].cells, heads, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(head).bold = True
        if label == "Q":
            row = table.add_row().cells
            row[0].text = str(len(table.rows) - 1)
            row[1].text = text
            answer_cell = row[2]
            answer_cell.text = ""
        elif answer_cell is None:
            raise ValueError(f"{src.name}: answer before the first question: {text[:40]!r}")
        elif answer_cell.paragraphs[-1].text:
            answer_cell.add_paragraph(text)
        else:
            answer_cell.paragraphs[-1].add_run(text)
    document.save(out)


def build_turns_docx(src: Path, out: Path) -> None:
    """Build a transcript with ``T:``/``J:`` turns, headings and a prose header."""
    document = _new_document(_read_lines(src)[0].lstrip("# "))
    for line in _read_lines(src):
        if not line:
            continue
        match = TURN_LINE.match(line)
        if match:
            _add_labelled(document, match.group(1), match.group(2), ": ")
        elif not _add_common(document, line, in_header=False):
            document.add_paragraph(line)
    document.save(out)


def build_cp1252_text(src: Path, out: Path) -> None:
    """Re-save a UTF-8 source as Windows-1252 with CRLF line ends, as Notepad on Windows would."""
    text = src.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
    out.write_bytes(text.encode("cp1252"))


def read_informants(csv_path: Path) -> list[dict[str, object]]:
    """Read the informant CSV with typed values (int rank, date of interview, None for '-')."""
    rows: list[dict[str, object]] = []
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle):
            row: dict[str, object] = {}
            for key, value in raw.items():
                if value in ("", "-"):
                    row[key] = None
                elif key in INT_COLUMNS:
                    row[key] = int(value)
                elif key in DATE_COLUMNS:
                    row[key] = dt.date.fromisoformat(value)
                else:
                    row[key] = value
            rows.append(row)
    return rows


def build_informants_xlsx(csv_path: Path, out: Path) -> None:
    """Write the informant sheet with typed cells plus a legend sheet."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    rows = read_informants(csv_path)
    columns = list(rows[0])
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Informan"
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row[column] for column in columns])
    date_col = columns.index("Tanggal Wawancara") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=date_col, max_col=date_col):
        cell.number_format = "dd/mm/yyyy"
    for index, column in enumerate(columns, start=1):
        width = max(len(column), *(len(str(row[column] or "")) for row in rows))
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions

    legend = workbook.create_sheet("Keterangan")
    legend.append(["Peringkat", "Arti"])
    for rank, meaning in RANK_LEGEND:
        legend.append([rank, meaning])
    legend.append([])
    legend.append(["Catatan", "Semua nama dan inisial adalah samaran; studi ini fiktif."])
    for cell in legend[1]:
        cell.font = Font(bold=True)
    legend.column_dimensions["B"].width = 70

    props = workbook.properties
    props.creator = AUTHOR
    props.lastModifiedBy = AUTHOR
    props.title = "Daftar informan - studi contoh Smart Regency Sukamaju"
    props.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    out.write_bytes(buffer.getvalue())


def normalise_zip(path: Path) -> None:
    """Rewrite an OOXML package with fixed entry timestamps and fixed core-property dates."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                    rb"\g<1>" + FIXED_ISO.encode() + rb"\g<3>",
                    data,
                )
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


#: (builder, source, output file name, is an OOXML package)
BUILDS: list[tuple[Callable[[Path, Path], None], Path, str, bool]] = [
    (build_qa_table_docx, SRC / "W3_Kasi_DPMPTSP.md", "W3_Kasi_DPMPTSP.docx", True),
    (build_turns_docx, SRC / "W5_Kasi_Dinas_Pariwisata.md", "W5_Kasi_Dinas_Pariwisata.docx", True),
    (
        build_cp1252_text,
        SRC / "W6_Kepala_Desa_Mekarwangi.utf8.txt",
        "W6_Kepala_Desa_Mekarwangi.txt",
        False,
    ),
    (build_informants_xlsx, HERE / "informants.csv", "informants.xlsx", True),
]


def build_all(out_dir: Path = HERE) -> list[Path]:
    """Build every generated file into ``out_dir`` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for builder, source, name, is_package in BUILDS:
        target = out_dir / name
        builder(source, target)
        if is_package:
            normalise_zip(target)
        written.append(target)
    return written


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: here)")
    args = parser.parse_args()
    for path in build_all(args.out):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
