"""Codebook tables (.csv, .xlsx, .docx) in every layout researchers draft them in."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.codebooks.files import CodebookError, find_codebook
from qualcode.codebooks.tables import read_table_codebook
from qualcode.errors import NotFoundError
from support.codebook_tables import tree, write_csv, write_docx, write_xlsx

GROUPED = [
    ["Variabel", "Dimensi", "Indikator", "Definisi operasional"],
    ["Komunikasi", "Transmisi", "Sosialisasi", "Informasi sampai ke warga."],
    [None, None, "Rapat koordinasi", "Rapat antar OPD."],
    [None, "Kejelasan", "Juknis jelas", "Petunjuk teknis dapat dipahami."],
    ["Sumber daya", None, "Staf", "Jumlah dan kompetensi pegawai."],
    [None, "Anggaran", "Dana cukup", None],
]
GROUPED_TREE = [
    "Komunikasi",
    "  Transmisi",
    "    Sosialisasi",
    "    Rapat koordinasi",
    "  Kejelasan",
    "    Juknis jelas",
    "Sumber daya",
    "  Staf",
    "  Anggaran",
    "    Dana cukup",
]


def test_grouping_columns_left_to_right_with_blank_continued_cells(tmp_path: Path) -> None:
    book = read_table_codebook(write_xlsx(tmp_path / "kerangka.xlsx", GROUPED))
    assert tree(book) == GROUPED_TREE
    # A new Variabel starts afresh: "Staf" is not put under the Dimensi of Komunikasi.
    staf = book.code("SUMBER_DAYA.STAF")
    assert staf is not None and staf.definition == {"id": "Jumlah dan kompetensi pegawai."}
    assert staf.label == {"id": "Staf", "en": "Staf"}  # the model needs both languages
    assert book.id == "kerangka" and book.title["id"] == "kerangka"
    assert book.code("SUMBER_DAYA.ANGGARAN.DANA_CUKUP") is not None
    assert book.code("KOMUNIKASI.TRANSMISI.SOSIALISASI") is not None


def test_merged_grouping_cells_in_excel(tmp_path: Path) -> None:
    rows = [list(r) for r in GROUPED]
    rows[2][0] = rows[2][1] = None
    path = write_xlsx(tmp_path / "merged.xlsx", rows, merge=["A2:A4", "B2:B3", "A5:A6"])
    assert tree(read_table_codebook(path)) == GROUPED_TREE


def test_word_table_with_title_paragraphs_and_vertical_merge(tmp_path: Path) -> None:
    import docx

    path = write_docx(tmp_path / "bab3.docx", GROUPED, before=["Tabel 3.1 Kerangka konsep"])
    document = docx.Document(str(path))
    table = document.tables[0]
    table.cell(1, 0).merge(table.cell(3, 0))  # Komunikasi spans three rows, as in Word
    table.cell(1, 0).text = "Komunikasi"
    document.save(str(path))
    book = read_table_codebook(path)
    assert tree(book) == GROUPED_TREE
    assert book.code("KOMUNIKASI.KEJELASAN.JUKNIS_JELAS") is not None


def test_english_headers_path_column_and_ids(tmp_path: Path) -> None:
    rows = [
        ["Path", "Code id", "Definition", "When to use", "When not to use", "Example", "Colour"],
        ["Communication", "COM", "Orders reach the implementers.", "", "", "", "#2f6db5"],
        ["Communication > Transmission", "COM.1", "Passed on.", "Briefings.", "Vague.", "Q", ""],
        ["Resources \\ Staff", "RES.1", "Enough staff.", "", "", "", "1F77B4"],
    ]
    book = read_table_codebook(write_csv(tmp_path / "cb.csv", rows), language="en")
    assert tree(book, "en") == ["Communication", "  Transmission", "Resources", "  Staff"]
    com1 = book.code("COM.1")
    assert com1 is not None
    assert com1.when_to_use == {"en": "Briefings."} and com1.when_not_to_use == {"en": "Vague."}
    assert com1.example == "Q" and com1.definition == {"en": "Passed on."}
    assert book.code("COM") is not None and book.code("COM").color == "#2F6DB5"  # type: ignore[union-attr]
    assert book.code("RES.1").color == "#1F77B4"  # type: ignore[union-attr]
    assert book.code("RESOURCES") is not None  # a parent only named in a path gets a code


def test_outline_numbering_in_the_code_cell(tmp_path: Path) -> None:
    rows = [
        ["BUKU KODE PENELITIAN"],
        ["Implementasi SPBE di Kabupaten X"],
        [],
        ["Kode", "Deskripsi"],
        ["1. Komunikasi", "Variabel pertama"],
        ["1.1 Transmisi", ""],
        ["1.1.1 Sosialisasi", "Lewat rapat"],
        ["1.2 Kejelasan", ""],
        ["2. Faktor", ""],
        ["A. Pendukung", ""],
        ["a) Komitmen pimpinan", ""],
        ["b) Regulasi", ""],
        ["B. Penghambat", ""],
        ["a) Anggaran", ""],
        ["3. Lain-lain", ""],
    ]
    book = read_table_codebook(write_xlsx(tmp_path / "numbered.xlsx", rows))
    assert tree(book) == [
        "Komunikasi",
        "  Transmisi",
        "    Sosialisasi",
        "  Kejelasan",
        "Faktor",
        "  Pendukung",
        "    Komitmen pimpinan",
        "    Regulasi",
        "  Penghambat",
        "    Anggaran",
        "Lain-lain",
    ]
    assert book.title["id"] == "BUKU KODE PENELITIAN"
    assert book.code("KOMUNIKASI.TRANSMISI.SOSIALISASI").definition == {"id": "Lewat rapat"}  # type: ignore[union-attr]
    # Anggaran under Penghambat and a Regulasi elsewhere would not clash: ids follow the path.
    assert book.code("FAKTOR.PENGHAMBAT.ANGGARAN") is not None


def test_number_column_and_indonesian_synonyms(tmp_path: Path) -> None:
    rows = [
        ["No", "Nama Kode", "Pengertian", "Kriteria inklusi", "Kriteria eksklusi", "Contoh kutipan",
         "Warna"],
        ["1", "Komunikasi", "Penyampaian", "", "", "", ""],
        ["1.1", "Transmisi", "Saluran", "Sosialisasi", "Isi pesan", "Sudah disosialisasikan", ""],
        ["2", "Disposisi", "Sikap", "", "", "", "#AA0000"],
    ]  # fmt: skip
    book = read_table_codebook(write_csv(tmp_path / "kode.csv", rows, delimiter=";"))
    assert tree(book) == ["Komunikasi", "  Transmisi", "Disposisi"]
    transmisi = book.code("KOMUNIKASI.TRANSMISI")
    assert transmisi is not None
    assert transmisi.when_to_use == {"id": "Sosialisasi"}
    assert transmisi.when_not_to_use == {"id": "Isi pesan"}
    assert transmisi.example == "Sudah disosialisasikan"


def test_csv_semicolon_cp1252_and_a_parent_column(tmp_path: Path) -> None:
    rows = [
        ["Id kode", "Kode", "Induk", "Keterangan"],
        ["PEN", "Pendukung", "", "Faktor yang memperlancar"],
        ["PEN.1", "Komitmen", "PEN", "Pimpinan mendukung – “penuh”"],
        ["HAM", "Penghambat", "", ""],
        ["HAM.1", "Anggaran terbatas", "Penghambat", "Dana < kebutuhan"],
    ]
    path = write_csv(tmp_path / "faktor.csv", rows, delimiter=";", encoding="cp1252")
    book = read_table_codebook(path)
    assert tree(book) == ["Pendukung", "  Komitmen", "Penghambat", "  Anggaran terbatas"]
    assert book.code_ids() == ["PEN", "PEN.1", "HAM", "HAM.1"]
    assert book.code("PEN.1").definition == {"id": "Pimpinan mendukung – “penuh”"}  # type: ignore[union-attr]


def test_tab_separated_with_bom_and_label_columns(tmp_path: Path) -> None:
    rows = [
        ["Code", "Label (EN)", "Label (ID)", "Short"],
        ["COM", "Communication", "Komunikasi", "Orders reach people"],
        ["RES", "Resources", "Sumber daya", ""],
    ]
    path = write_csv(tmp_path / "cb.tsv.csv", rows, delimiter="\t", encoding="utf-8-sig")
    book = read_table_codebook(path, language="en")
    # "Code" holds ids here, so it is the id column; both labels are kept.
    assert book.code_ids() == ["COM", "RES"]
    assert book.code("COM").label == {"en": "Communication", "id": "Komunikasi"}  # type: ignore[union-attr]
    assert book.code("COM").short == {"en": "Orders reach people"}  # type: ignore[union-attr]


def test_indentation_gives_levels_and_continuation_rows(tmp_path: Path) -> None:
    rows = [
        ["Code", "Definition"],
        ["Communication", "First variable"],
        ["  Transmission", "Passed on"],
        ["", "to the staff."],
        ["Resources", ""],
    ]
    book = read_table_codebook(write_csv(tmp_path / "indented.csv", rows), language="en")
    assert tree(book, "en") == ["Communication", "  Transmission", "Resources"]
    transmission = book.code("COMMUNICATION.TRANSMISSION")
    assert transmission is not None
    assert transmission.definition == {"en": "Passed on\nto the staff."}


def test_same_table_gives_same_ids(tmp_path: Path) -> None:
    first = read_table_codebook(write_xlsx(tmp_path / "a.xlsx", GROUPED))
    again = read_table_codebook(write_csv(tmp_path / "a.csv", GROUPED, delimiter=";"))
    assert first.code_ids() == again.code_ids() and first.id == again.id == "a"


def test_find_codebook_reads_tables_and_names_the_formats(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "cb.xlsx", GROUPED)
    assert find_codebook(path).code_ids() == read_table_codebook(path).code_ids()
    with pytest.raises(NotFoundError, match="does not exist"):
        find_codebook(tmp_path / "missing.xlsx")
    (tmp_path / "cb.qdc").write_text("<CodeBook/>", encoding="utf-8")
    for name in ("cb.qdc", "cb.ods"):
        with pytest.raises(CodebookError, match=r"\.yaml, \.xlsx, \.csv and \.docx.*refi import"):
            find_codebook(tmp_path / name)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Nama", "Umur"], ["Ani", "30"]], "no column of codes found"),
        ([["Kode", "Definisi"]], "row 1: the table has a header here but no codes"),
        (
            [["Kategori", "Kode"], ["A", "Satu"], ["A", "Dua"], [None, "Satu"]],
            "row 4: code 'A / Satu' is in the table twice \\(first on row 2\\)",
        ),
        (
            [["Id kode", "Kode"], ["K1", "Satu"], ["K1", "Dua"]],
            "row 3: code id 'K1' is used twice \\(first on row 2\\)",
        ),
        ([["Id kode", "Kode"], ["K 1", "Satu"]], "row 2: 'K 1' is not a valid code id"),
        (
            [["Kode", "Induk"], ["Satu", "Dua"], ["Dua", "Satu"]],
            "row 2: the parent of 'Satu' leads back to 'Satu'",
        ),
        ([["Kode", "Induk"], ["Satu", "Satu"]], "row 2: the parent of 'Satu'"),
        ([["Kode", "Warna"], ["Satu", "merah"]], "row 2: colour 'merah' is not #RRGGBB"),
    ],
)
def test_bad_tables_name_file_and_row(tmp_path: Path, rows: list[list[str]], message: str) -> None:
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(CodebookError, match=f"bad.csv(, | ?: ?){message}|bad.csv.*{message}"):
        read_table_codebook(path)


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_damaged_office_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CodebookError, match=f"broken{suffix} cannot be read as a codebook table"):
        find_codebook(path)


def test_word_heading_rows_merged_across_the_table(tmp_path: Path) -> None:
    import docx

    rows = [
        ["Kode", "Definisi", "Contoh"],
        ["Faktor pendukung", None, None],
        ["Komitmen pimpinan", "Pimpinan mendukung.", "Bupati hadir."],
        ["Regulasi", "Ada perbup.", ""],
        ["B. Faktor penghambat", None, None],
        ["Anggaran", "Dana terbatas.", ""],
    ]
    path = write_docx(tmp_path / "faktor.docx", rows)
    document = docx.Document(str(path))
    table = document.tables[0]
    for row in (1, 4):
        text = table.cell(row, 0).text
        merged = table.cell(row, 0).merge(table.cell(row, 2))
        merged.text = text
    document.save(str(path))
    book = read_table_codebook(path)
    assert tree(book) == [
        "Faktor pendukung",
        "  Komitmen pimpinan",
        "  Regulasi",
        "Faktor penghambat",
        "  Anggaran",
    ]
    assert book.code("FAKTOR_PENDUKUNG").definition == {}  # type: ignore[union-attr]


def test_longer_header_names_and_title_rows_that_look_like_headers(tmp_path: Path) -> None:
    rows = [
        ["Kode etik penelitian dan buku kode"],
        ["Nama kode (indikator)", "Definisi kode", "Contoh kutipan informan", "Kode warna"],
        ["Transparansi", "Informasi terbuka.", "Semua bisa lihat.", "#00AA00"],
    ]
    book = read_table_codebook(write_xlsx(tmp_path / "etik.xlsx", rows))
    [code] = book.codes
    assert code.label["id"] == "Transparansi" and code.definition == {"id": "Informasi terbuka."}
    assert code.example == "Semua bisa lihat." and code.color == "#00AA00"
    assert book.title["id"] == "Kode etik penelitian dan buku kode"


def test_dotted_code_ids_give_the_parents(tmp_path: Path) -> None:
    rows = [
        ["Code", "Label", "Definition"],
        ["COM", "Communication", "How orders travel."],
        ["COM.1", "Transmission", "Passed on."],
        ["COM.1.a", "Briefings", ""],
        ["RES", "Resources", ""],
        ["X.1", "Loose end", ""],  # its parent X is not in the table: top level
    ]
    book = read_table_codebook(write_csv(tmp_path / "ids.csv", rows), language="en")
    assert tree(book, "en") == [
        "Communication",
        "  Transmission",
        "    Briefings",
        "Resources",
        "Loose end",
    ]
    assert book.code_ids() == ["COM", "COM.1", "COM.1.a", "RES", "X.1"]


def test_excel_rows_are_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    rows = [["Judul"], [], ["Kode", "Definisi"], ["A", "x"], [], [], ["A", "y"]]
    with pytest.raises(CodebookError, match=r"dup.xlsx, row 7: code 'A' is in the table twice"):
        read_table_codebook(write_xlsx(tmp_path / "dup.xlsx", rows))
