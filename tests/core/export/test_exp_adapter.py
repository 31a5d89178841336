"""The analysis engine's displays exported through the neutral Table model."""

from __future__ import annotations

import openpyxl

from qualcode.analysis.displays import build_ready
from qualcode.export.display_adapter import table_from_display
from qualcode.export.tables_xlsx import write_tables_xlsx


def test_matrix_display_to_table(study, study_ids, tmp_path):
    display = build_ready(study, "matrix", columns="cases")
    table = table_from_display(display, project=study)
    assert table.title == "Matriks pengodean"
    assert table.row_labels == [h.label for h in display.rows]
    assert table.column_labels == [h.label for h in display.columns]
    assert [[c.count for c in row] for row in table.cells] == display.counts
    assert table.about["Jenis"] == "Matriks pengodean"  # in the export's language
    informants = build_ready(study, "matrix", columns="cases:informant")
    assert table_from_display(informants, project=study).about["Kolom"] == "kasus (Informan)"
    english = table_from_display(display, project=study, language="en")
    assert english.about["Kind"] == "Coding matrix"
    write_tables_xlsx([table], tmp_path / "m.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx").worksheets[0]
    assert ws.conditional_formatting


def test_excerpt_display_cites_like_excerpt_exports(study):
    display = build_ready(study, "matrix", columns="cases", cell="excerpts")
    table = table_from_display(display, project=study, language="id")
    quotes = [q for row in table.cells for c in row for q in c.excerpts]
    assert quotes
    cited = {q.text: q.citation for q in quotes}
    assert cited["Saya belum pernah dengar sosialisasinya."] == "Darto — Ketua RT 03, par. 2"
    assert cited["Tetapi anggaran masih terbatas sekali."].startswith("Budi Santoso — Kasi")
