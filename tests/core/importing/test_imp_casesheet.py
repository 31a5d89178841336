"""Classification sheets: cases and typed attributes in, and back out unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qualcode.cases.casesheet import export_case_sheet, import_case_sheet
from qualcode.errors import ImportFailedError
from qualcode.project import Project
from support.snapshots import snapshot

CSV = """Kode,Nama,Peringkat,Sektor,Tanggal Wawancara,Catatan
I1,BS,1,pemerintah,2024-03-12,kunci
I2,RH,2,pemerintah,2024-03-21,
,tanpa kode,3,swasta,2024-03-22,x
I3,AF,3,swasta,2024-03-25,utama
I2,RH lagi,2,pemerintah,2024-03-21,dobel
"""


@pytest.fixture
def sheet_csv(tmp_path: Path) -> Path:
    path = tmp_path / "informan.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def test_import_creates_cases_and_typed_attributes(project: Project, sheet_csv: Path) -> None:
    project.cases.create("i1")  # existing case: matched case-insensitively
    before = snapshot(project)
    report = import_case_sheet(project, sheet_csv)
    assert report.key == "Kode"
    assert report.created_cases == ["I2", "I3"]
    assert report.defined_attributes == [
        "Nama", "Peringkat", "Sektor", "Tanggal Wawancara", "Catatan",
    ]  # fmt: skip
    assert report.skipped == [
        (4, "no case name in column 'Kode'"), (6, "'I2' appears again (first at row 3)"),
    ]  # fmt: skip
    assert report.updated_values == 14
    types = {a.name: (a.type, a.allowed_values) for a in project.attributes.all(owner="case")}
    assert types["Peringkat"] == ("number", ())
    assert types["Tanggal Wawancara"] == ("date", ())
    assert types["Sektor"] == ("category", ("pemerintah", "swasta"))
    assert types["Nama"][0] == "text"
    i1 = project.cases.find("I1")
    assert i1.name == "i1"
    assert i1.attributes == {
        "Nama": "BS", "Peringkat": 1, "Sektor": "pemerintah",
        "Tanggal Wawancara": dt.date(2024, 3, 12), "Catatan": "kunci",
    }  # fmt: skip
    assert "Catatan" not in project.cases.find("I2").attributes  # empty cell: no value
    # One undo step takes all of it back.
    assert project.undo_label() == "Import case sheet"
    project.undo()
    assert snapshot(project) == before


def test_existing_attributes_are_reused_and_bad_values_reported(
    project: Project, sheet_csv: Path
) -> None:
    project.attributes.define("Peringkat", type="date")
    project.attributes.define("Sektor", type="category", allowed_values=["pemerintah"])
    report = import_case_sheet(project, sheet_csv)
    assert "Peringkat" not in report.defined_attributes
    bad = [(row, why) for row, why in report.skipped if why.startswith("Peringkat")]
    assert [row for row, _ in bad] == [2, 3, 5]
    assert "must be a date" in bad[0][1]
    # A category widens its allowed values with the sheet's new value.
    assert project.attributes.find("Sektor").allowed_values == ("pemerintah", "swasta")


def test_key_column_option_and_missing_key(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "situs.csv"
    path.write_text("Lokasi;Jumlah\nDesa A;3\nDesa B;4,5\n", encoding="utf-8")
    with pytest.raises(ImportFailedError, match="no column names the cases"):
        import_case_sheet(project, path)
    report = import_case_sheet(project, path, key="lokasi", case_kind="site")
    assert report.created_cases == ["Desa A", "Desa B"]
    assert project.cases.find("Desa B").attributes == {"Jumlah": 4.5}
    assert project.cases.find("Desa B").kind == "site"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_keeps_types_and_changes_nothing(
    project: Project, sheet_csv: Path, tmp_path: Path, suffix: str
) -> None:
    import_case_sheet(project, sheet_csv)
    out = tmp_path / f"cases{suffix}"
    assert export_case_sheet(project, out) == 3
    before = snapshot(project)
    report = import_case_sheet(project, out)
    assert report.key == "Case"
    assert (report.created_cases, report.defined_attributes, report.updated_values) == ([], [], 0)
    assert report.unchanged_values == 14 and report.skipped == []
    assert snapshot(project) == before
    # Into a fresh project: the same cases with the same typed values.
    fresh = Project.create(tmp_path / "fresh.qdaproj", coder="ana")
    try:
        import_case_sheet(fresh, out)
        assert {c.name: c.attributes for c in fresh.cases.all()} == {
            c.name: c.attributes for c in project.cases.all()
        }
        kinds = {a.name: a.type for a in fresh.attributes.all()}
        assert kinds == {a.name: a.type for a in project.attributes.all()}
    finally:
        fresh.close()


def test_export_can_filter_case_kinds(project: Project, sheet_csv: Path, tmp_path: Path) -> None:
    import_case_sheet(project, sheet_csv)
    project.cases.create("Interviewer", kind="other")
    out = tmp_path / "only.csv"
    assert export_case_sheet(project, out, kinds=["informant"]) == 3
    assert "Interviewer" not in out.read_text(encoding="utf-8-sig")
