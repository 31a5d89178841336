"""Case sheets as people make them: merged cells, formulas, error values, notes under the table,
and a preview that lists what an import would change without changing anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.cases.casesheet import import_case_sheet, preview_case_sheet
from qualcode.cases.sheets import read_sheet
from qualcode.cli.main import cli
from qualcode.project import Project
from support.snapshots import file_checksum


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Kode", "Dinas", "Skor", "Rasio"])
    ws.append(["I1", "Diskominfo", 4, "=C2/C3"])
    ws.append(["I2", None, 0, "=1/0"])
    ws.append(["I3", None, 2, 0.5])
    ws.merge_cells("B2:B4")  # one agency for three informants
    ws.append([None, None, None, None])
    ws.append(["Catatan: sumber data primer"])
    ws.append(["Diolah peneliti, 2024"])
    ws["D3"].value = "#DIV/0!"  # a saved error value
    path = tmp_path / "informan.xlsx"
    wb.save(path)  # openpyxl saves no formula results: D2 has none
    return path


def test_merged_cells_fill_their_range(messy: Path) -> None:
    sheet = read_sheet(messy)
    assert [r["Dinas"] for r in sheet.rows] == ["Diskominfo"] * 3


def test_formulas_without_result_and_errors_are_reported_not_stored(messy: Path) -> None:
    sheet = read_sheet(messy)
    assert [r["Rasio"] for r in sheet.rows] == [None, None, 0.5]
    reasons = dict(sheet.problems)
    assert "formula without a saved result" in reasons[2]
    assert "#DIV/0!" in reasons[3]


def test_rows_after_the_table_are_not_cases(messy: Path) -> None:
    sheet = read_sheet(messy)
    assert [r["Kode"] for r in sheet.rows] == ["I1", "I2", "I3"]
    assert sheet.row_numbers == [2, 3, 4]
    assert any("notes, not cases" in why for _row, why in sheet.problems)


def test_note_right_under_the_table_is_not_a_case(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("Kode,Umur\nI1,40\nI2,#DIV/0!\nKeterangan: umur dalam tahun\n", "utf-8")
    sheet = read_sheet(path)
    assert [r["Kode"] for r in sheet.rows] == ["I1", "I2"]
    assert sheet.rows[1]["Umur"] is None


def test_preview_lists_changes_and_touches_nothing(messy: Path, project_path: Path) -> None:
    with Project.create(project_path, coder="ana") as p:
        p.cases.create("I1")
    before = file_checksum(project_path)
    with Project.open(project_path, coder="ana", read_only=True) as p:
        plan = preview_case_sheet(p, messy)
    assert file_checksum(project_path) == before
    assert plan.created_cases == ["I2", "I3"]
    assert plan.defined_attributes == ["Dinas", "Skor", "Rasio"]
    assert ("I1", "Dinas", None, "Diskominfo") in [
        (v.case, v.attribute, v.old, v.new) for v in plan.planned
    ]
    assert any("formula" in why for _row, why in plan.skipped)
    with Project.open(project_path, coder="ana") as p:
        done = import_case_sheet(p, messy)
        assert done.planned == plan.planned and done.created_cases == plan.created_cases
        assert {c.name: c.attributes.get("Dinas") for c in p.cases.all()} == {
            "I1": "Diskominfo", "I2": "Diskominfo", "I3": "Diskominfo"
        }  # fmt: skip
        assert "Catatan: sumber data primer" not in [c.name for c in p.cases.all()]
        again = preview_case_sheet(p, messy)
        assert again.planned == [] and again.created_cases == []


def test_cli_dry_run(messy: Path, project_path: Path) -> None:
    Project.create(project_path, coder="ana").close()
    before = file_checksum(project_path)
    result = CliRunner().invoke(
        cli, ["case", "import-sheet", str(project_path), str(messy), "--dry-run", "--json"]
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["dry_run"] and out["created_cases"] == ["I1", "I2", "I3"]
    assert {"row": 2, "case": "I1", "attribute": "Skor", "old": None, "new": 4} in out["changes"]
    assert file_checksum(project_path) == before
    text = (
        CliRunner()
        .invoke(cli, ["case", "import-sheet", str(project_path), str(messy), "--dry-run"])
        .output
    )
    assert "nothing was changed" in text and "row 3: I2 · Dinas: (empty) -> Diskominfo" in text
