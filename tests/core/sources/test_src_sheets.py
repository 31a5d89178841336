"""Classification sheets: type inference, CSV dialects and encodings, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qualcode.cases.sheets import Column, Sheet, infer_column, read_sheet, write_sheet
from qualcode.errors import ImportFailedError

CSV_SEMICOLON = (
    "Kode;Nama;Jabatan;OPD;Usia;Skor;Tanggal wawancara;Jenis informan\n"
    "IK-1;José;Kasi;Diskominfo;45;3,5;27/05/2019;kunci\n"
    "IU-1;Sari;Kasubag;Dinas Sosial;38;4;17 Juli 2019;utama\n"
    "IU-2;Darto;Kasi;DPMPTSP;51;2,25;04/07/2019;utama\n"
    "IT-1;Rina;Anggota DRD;DRD;;5;06/07/2019;tambahan\n"
)


def _types(sheet: Sheet) -> dict[str, str]:
    return {c.name: c.type for c in sheet.columns}


def test_semicolon_cp1252_csv_with_decimal_commas(tmp_path: Path) -> None:
    path = tmp_path / "informan.csv"
    path.write_bytes(CSV_SEMICOLON.encode("cp1252"))
    sheet = read_sheet(path)
    assert _types(sheet) == {
        "Kode": "text",
        "Nama": "text",
        "Jabatan": "category",
        "OPD": "text",
        "Usia": "number",
        "Skor": "number",
        "Tanggal wawancara": "date",
        "Jenis informan": "category",
    }
    first = sheet.rows[0]
    assert first["Nama"] == "José"
    assert first["Skor"] == 3.5 and first["Usia"] == 45
    assert first["Tanggal wawancara"] == dt.date(2019, 5, 27)
    assert sheet.rows[1]["Tanggal wawancara"] == dt.date(2019, 7, 17)
    assert sheet.rows[3]["Usia"] is None
    jenis = next(c for c in sheet.columns if c.name == "Jenis informan")
    assert jenis.allowed_values == ("kunci", "utama", "tambahan")


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_other_delimiters(tmp_path: Path, delimiter: str) -> None:
    rows = [["Kasus", "Kota", "Jumlah OPD"], ["1", "Blitar", "12"], ["2", "Pontianak", "30"]]
    path = tmp_path / "kasus.csv"
    path.write_text("\n".join(delimiter.join(r) for r in rows) + "\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert [c.name for c in sheet.columns] == ["Kasus", "Kota", "Jumlah OPD"]
    assert sheet.rows[1] == {"Kasus": 2, "Kota": "Pontianak", "Jumlah OPD": 30}


def test_inference_rules() -> None:
    assert infer_column("Kode", ["007", "012", "120"]).type == "text"
    assert infer_column("HP", ["08123", "08124"]).type == "text"
    assert infer_column("Nilai", [1, 2.5, "3", None, ""]).type == "number"
    assert infer_column("Kosong", [None, " "]).type == "text"
    assert infer_column("Tgl", [dt.datetime(2019, 5, 27, 0, 0), "2019-06-01"]).type == "date"
    many = [f"v{i}" for i in range(25)] * 2
    assert infer_column("Banyak", many).type == "text"
    assert infer_column("Sektor", ["pemerintah", "swasta", "pemerintah"]) == Column(
        "Sektor", "category", ("pemerintah", "swasta")
    )


def _sample() -> Sheet:
    columns = [
        Column("Informan", "text"),
        Column("Kode", "text"),
        Column("Peran", "category", ("Kadis", "Kasi", "Staf")),
        Column("Usia", "number"),
        Column("Skor", "number"),
        Column("Tanggal", "date"),
        Column("Catatan", "text"),
    ]
    rows = [
        {"Informan": "José", "Kode": "007", "Peran": "Kasi", "Usia": 45, "Skor": 3.5,
         "Tanggal": dt.date(2019, 5, 27), "Catatan": "kunci; \"utama\", baik"},
        {"Informan": "Sari", "Kode": "012", "Peran": "Kasi", "Usia": 38, "Skor": 4.0,
         "Tanggal": dt.date(2019, 7, 17), "Catatan": None},
        {"Informan": "Darto", "Kode": "120", "Peran": "Kadis", "Usia": None, "Skor": 2.25,
         "Tanggal": None, "Catatan": "baris\nkedua"},
    ]  # fmt: skip
    return Sheet(columns, rows)


def test_xlsx_round_trip_keeps_types_exactly(tmp_path: Path) -> None:
    path = tmp_path / "kasus.xlsx"
    sheet = _sample()
    write_sheet(path, sheet)
    again = read_sheet(path)
    assert again.columns == sheet.columns
    assert again.rows == sheet.rows
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    assert workbook["_qualcode"].sheet_state == "hidden"
    assert workbook["Cases"].data_validations.dataValidation[0].formula1 == '"Kadis,Kasi,Staf"'


def test_xlsx_written_by_someone_else_is_inferred(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    ws = workbook.active
    ws.append(["Nama", "Tanggal", "Sektor", "Nilai"])
    ws.append(["A", dt.datetime(2019, 5, 27), "pemerintah", 1])
    ws.append(["B", dt.datetime(2019, 6, 1), "pemerintah", 2.5])
    ws.append([None, None, None, None])
    ws.append(["C", dt.datetime(2019, 6, 2), "swasta", None])
    path = tmp_path / "luar.xlsx"
    workbook.save(path)
    sheet = read_sheet(path)
    assert _types(sheet) == {"Nama": "text", "Tanggal": "date", "Sektor": "category",
                             "Nilai": "number"}  # fmt: skip
    assert len(sheet.rows) == 3
    assert sheet.rows[0]["Tanggal"] == dt.date(2019, 5, 27)


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "kasus.csv"
    sheet = _sample()
    write_sheet(path, sheet)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    again = read_sheet(path)
    assert again.rows == sheet.rows
    # CSV has no place for declared types: they are inferred again. Values are the
    # same; a category's unused values ("Staf") and their order cannot come back.
    assert [(c.name, c.type) for c in again.columns] == [(c.name, c.type) for c in sheet.columns]
    assert next(c for c in again.columns if c.name == "Peran").allowed_values == ("Kasi", "Kadis")


def test_forced_column_types(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("Nama,Kode\nA,1\nB,2\n", encoding="utf-8")
    sheet = read_sheet(path, column_types={"Kode": "text", "Nama": "category"})
    assert sheet.columns == [Column("Nama", "category", ("A", "B")), Column("Kode", "text")]
    assert sheet.rows[0] == {"Nama": "A", "Kode": "1"}


def test_duplicate_and_blank_headers(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("Nama,,Nama\nA,x,B\n", encoding="utf-8")
    assert [c.name for c in read_sheet(path).columns] == ["Nama", "Column 2", "Nama (2)"]


def test_bad_sheet_files(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan excel")
    with pytest.raises(ImportFailedError, match=r"rusak\.xlsx"):
        read_sheet(bad)
    with pytest.raises(ImportFailedError, match=r"only \.xlsx and \.csv"):
        read_sheet(tmp_path / "x.ods")
