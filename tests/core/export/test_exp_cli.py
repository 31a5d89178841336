"""``qualcode export ...`` on the command line."""

from __future__ import annotations

import csv

import docx
import openpyxl
from click.testing import CliRunner

from qualcode.cli.main import cli


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_export_excerpts_docx_with_filters(study_path, tmp_path):
    out = tmp_path / "k.docx"
    text = run(
        "export",
        "excerpts",
        str(study_path),
        str(out),
        "--code",
        "Komunikasi",
        "--no-children",
        "--pseudonymise",
        "--language",
        "en",
        "--context",
        "20",
        "--quiet",
    )
    assert "Wrote 2 excerpts" in text
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "(I1 — Kasi Pengembangan Ekosistem E-Government" in body
    assert "Rina" not in body and "Budi" not in body and "Coded Excerpts" in body


def test_export_excerpts_xlsx_and_csv(study_path, tmp_path):
    run(
        "export",
        "excerpts",
        str(study_path),
        str(tmp_path / "k.xlsx"),
        "--kind",
        "focus-group",
        "--quiet",
    )
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    assert ws.max_row == 3
    run(
        "export",
        "excerpts",
        str(study_path),
        str(tmp_path / "k.csv"),
        "--attribute",
        "Instansi=Disdukcapil",
        "--coder",
        "budi",
        "--cite",
        "role,date",
        "--quiet",
    )
    with open(tmp_path / "k.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["Kutipan"] for r in rows] == ["Data kependudukan belum terintegrasi"]
    assert rows[0]["Atribusi"] == "Kabid PIAK, 21 Maret 2024"


def test_export_report_and_display(study_path, tmp_path):
    run(
        "export",
        "report",
        str(study_path),
        str(tmp_path / "r.html"),
        "--display",
        "matrix",
        "--quiet",
    )
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Matriks pengodean" in html and "Buku Kode" in html
    run("export", "report", str(study_path), str(tmp_path / "r.docx"), "--no-excerpts", "--quiet")
    doc = docx.Document(str(tmp_path / "r.docx"))
    assert not [p for p in doc.paragraphs if p.style.name == "QC Quote"]
    run("export", "display", str(study_path), "matrix", str(tmp_path / "m.xlsx"), "--cols", "cases")
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx").worksheets[0]
    assert ws["A4"].value == "Komunikasi"
    assert "Budi Santoso" in [c.value for c in ws[3]]


def test_bad_options_are_reported(study_path, tmp_path):
    result = CliRunner().invoke(
        cli, ["export", "excerpts", str(study_path), str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 1 and "can only export to .docx, .xlsx, .csv" in result.output
    result = CliRunner().invoke(
        cli, ["export", "excerpts", str(study_path), str(tmp_path / "x.docx"), "--cite", "nama"]
    )
    assert result.exit_code == 2 and "unknown part nama" in result.output
