"""CSV (UTF-8 with BOM) and the self-contained HTML report, read back."""

from __future__ import annotations

import csv
from html.parser import HTMLParser

from qualcode.export.csv_out import write_table_csv
from qualcode.export.excerpts import export_excerpts
from qualcode.export.html_report import export_report_html
from qualcode.export.selection import ExcerptOptions
from qualcode.export.table import CellContent, Quote, Table
from qualcode.project import Project


def test_excerpt_csv_has_bom_and_rows(study, tmp_path):
    out = tmp_path / "k.csv"
    assert export_excerpts(study, out) == 9
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    # a quoted field may contain a line break: parse properly
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["No.", "Kode", "Jalur kode"] and len(rows) == 10
    assert rows[1][rows[0].index("Tanggal")] == "2019-05-27"
    assert rows[1][rows[0].index("Atribusi")].startswith("Budi Santoso — Kasi")


def test_table_csv(tmp_path):
    t = Table(
        "M",
        ["Komunikasi"],
        ["I1", "I2"],
        [[CellContent(2, (Quote("sinyal lemah", "I1"),)), CellContent(count=0)]],
        corner="Kode",
    )
    out = tmp_path / "t.csv"
    write_table_csv(t, out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [
            ["Kode", "I1", "I2"],
            ["Komunikasi", "“sinyal lemah” (I1)", ""],
        ]


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.headings: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] in ("h1", "h2", "h3", "h4", "h5"):
            self.headings.append((self.stack[-1], data))


def test_html_report_escapes_and_contains_every_part(project_path, tmp_path):
    with Project.create(project_path, coder="ana") as p:
        text = 'I: Kami pakai <script>alert(1)</script> & "dashboard" di OPD.\n'
        src = p.sources.add_text("W1 <Kadis>", text).result
        code = p.codes.create("Komunikasi <b>", color="#1F77B4", description="A & B").result
        p.codings.apply(src.id, 3, len(text) - 1, code.id)
        t = Table.from_counts("Matriks <x>", ["Komunikasi <b>"], ["W1"], [[1]])
        out = tmp_path / "r.html"
        export_report_html(p, out, tables=[t], options=ExcerptOptions(language="en"))
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<style>" in html and "<link" not in html and "src=" not in html
    parser = Collect()
    parser.feed(html)
    assert "script" not in parser.tags
    heads = [h for h in parser.headings if h[0] == "h2"]
    assert [t for _, t in heads] == [
        "Contents",
        "Project Summary",
        "Sources",
        "Cases",
        "Codebook",
        "Data Displays",
        "Coded Excerpts",
    ]
    body = "".join(parser.text)
    assert 'Kami pakai <script>alert(1)</script> & "dashboard" di OPD.' in body
    assert "W1 <Kadis>" in body and "Komunikasi <b>" in body and "Table 1. Matriks <x>" in body
    assert ("h3", "Komunikasi <b>") in parser.headings


def test_html_report_of_study_lists_cases_and_attributes(study, tmp_path):
    out = tmp_path / "s.html"
    export_report_html(study, out)
    parser = Collect()
    parser.feed(out.read_text(encoding="utf-8"))
    body = " ".join(parser.text)
    parts = (
        "Budi Santoso",
        "Kasi Pengembangan Ekosistem E-Government",
        "21 Maret 2024",
        "FGD1 Warga",
        "Buku Kode",
        "Transmisi",
        "(Darto — Ketua RT 03, par. 2)",
    )
    for part in parts:
        assert part in body


def test_mixed_table_keeps_counts_beside_words(tmp_path):
    t = Table(
        "Sumber",
        ["W1", "W2"],
        ["Jenis", "Pengodean"],
        [
            [CellContent(summary="Wawancara"), CellContent(count=4)],
            [CellContent(summary="Dokumen"), CellContent(count=0)],
        ],
    )
    out = tmp_path / "s.csv"
    write_table_csv(t, out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1:] == [["W1", "Wawancara", "4"], ["W2", "Dokumen", ""]]
