"""Excel exports read back with openpyxl: rows, frozen panes, filters, colour scale, links."""

from __future__ import annotations

from datetime import date

import openpyxl

from qualcode.cases.attribution import AttributionStyle
from qualcode.export.excerpts_xlsx import export_excerpts_xlsx
from qualcode.export.selection import ExcerptFilter, ExcerptOptions
from qualcode.export.table import CellContent, Quote, Table
from qualcode.export.tables_xlsx import write_tables_xlsx


def test_flat_excerpt_table(study, tmp_path):
    out = tmp_path / "kutipan.xlsx"
    assert export_excerpts_xlsx(study, out, options=ExcerptOptions(show_other_codes=True)) == 9
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Kutipan", "Tentang"]
    ws = wb["Kutipan"]
    head = [c.value for c in ws[1]]
    assert head[:7] == ["No.", "Kode", "Jalur kode", "Sumber", "Jenis sumber", "Tanggal", "Kasus"]
    assert {"Jabatan", "Instansi", "Kasus: Kode", "Tanggal Wawancara"} <= set(head)
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == ws.dimensions
    assert ws.max_row == 10
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in ws.iter_rows(min_row=2)]
    first = rows[0]
    assert first["Kutipan"] == "anggaran masih terbatas" and first["Pengode"] == "budi"
    assert first["Jabatan"] == "Kasi Pengembangan Ekosistem E-Government"
    assert first["Kasus: Kode"] == "I1" and first["Kode lain"] == "Sumber Daya"
    assert first["Tanggal"].date() == date(2019, 5, 27)
    assert [r["Jalur kode"] for r in rows][:5] == ["Komunikasi"] * 2 + [
        "Komunikasi / Transmisi"
    ] * 3
    text_col = head.index("Kutipan") + 1
    assert ws.cell(row=2, column=text_col).alignment.wrap_text
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(text_col)].width >= 60
    about = {r[0].value: r[1].value for r in wb["Tentang"].iter_rows(min_row=3)}
    assert about["Kutipan"] == 9 and about["Pengode"] == "ana, budi"


def test_pseudonymised_flat_table_drops_names(study, tmp_path):
    out = tmp_path / "p.xlsx"
    opts = ExcerptOptions(attribution=AttributionStyle(pseudonymise=True))
    export_excerpts_xlsx(study, out, ExcerptFilter(coders=["ana"]), opts)
    ws = openpyxl.load_workbook(out).active
    values = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "Budi" not in values and "Rina" not in values and "Informan 1" in values


def test_count_matrix_sheet(tmp_path):
    t = Table.from_counts(
        "Kode × Kasus",
        ["Komunikasi", "Sumber Daya"],
        ["I1", "I2", "I3"],
        [[1, 2, 0], [3, 0, 1]],
        about={"Filter": "semua"},
        corner="Kode",
    )
    out = tmp_path / "m.xlsx"
    write_tables_xlsx([t], out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Kode × Kasus", "Tentang"]
    ws = wb["Kode × Kasus"]
    assert ws["A1"].value == "Kode × Kasus"
    assert [c.value for c in ws[3]] == ["Kode", "I1", "I2", "I3"]
    assert [c.value for c in ws[4]] == ["Komunikasi", 1, 2, 0]
    assert ws.freeze_panes == "B4"
    assert ws.auto_filter.ref == "A3:D5"
    rules = [(str(rng.sqref), r.type) for rng in ws.conditional_formatting for r in rng.rules]
    assert rules == [("B4:D5", "colorScale")]
    about = [[c.value for c in r] for r in wb["Tentang"].iter_rows()]
    assert ["Filter", "semua"] in about


def test_excerpt_cells_capped_with_full_list_linked(tmp_path):
    quotes = tuple(Quote(f"kutipan nomor {i} " + "x" * 80, f"I{i}, par. {i}") for i in range(6))
    cells = [
        [CellContent(excerpts=quotes), CellContent()],
        [CellContent(summary="Ringkas"), CellContent(excerpts=quotes[:1])],
    ]
    t = Table("Framework: Kasus / Tema", ["I1", "I2"], ["Komunikasi", "Sumber daya"], cells)
    out = tmp_path / "f.xlsx"
    write_tables_xlsx([t, Table.from_counts("Kedua", ["a"], ["b"], [[1]])], out, cap=250)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Framework Kasus Tema", "Kedua", "Kutipan", "Tentang"]
    ws = wb["Framework Kasus Tema"]
    capped = ws["B4"].value
    assert capped.startswith("“kutipan nomor 0") and "(+4 lainnya)" in capped
    assert len(capped) < 300 and ws["B4"].alignment.wrap_text
    assert ws["C4"].value in (None, "") and ws["B5"].value == "Ringkas"
    assert not ws["B4"].hyperlink  # text cells stay plain (editable)
    link = ws["D4"]
    assert link.hyperlink.location == "'Kutipan'!A2"
    lst = wb["Kutipan"]
    rows = [[c.value for c in r] for r in lst.iter_rows(min_row=2)]
    assert len(rows) == 7
    assert rows[0][:4] == ["Framework: Kasus / Tema", "I1", "Komunikasi", 1]
    assert rows[5][5] == "I5, par. 5" and rows[6][2] == "Sumber daya"
    assert lst.cell(row=8, column=7).hyperlink.location == "'Framework Kasus Tema'!C5"
    assert not ws.conditional_formatting  # no colour scale on text
