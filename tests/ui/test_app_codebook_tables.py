"""Codebook › Load a codebook file: YAML or a table from Excel, CSV or Word, one undo step."""

from __future__ import annotations

from qualcode.ui.shell import dialogs
from support.codebook_tables import write_csv, write_xlsx

TABLE = [
    ["Variabel", "Indikator", "Definisi"],
    ["Komunikasi", "Sosialisasi", "Informasi sampai ke warga."],
    [None, "Kejelasan", "Juknis jelas."],
]


def test_load_codebook_table_from_the_menu(main_window, monkeypatch, tmp_path):
    w = main_window
    path = write_xlsx(tmp_path / "kerangka.xlsx", TABLE)
    filters, questions = [], []
    monkeypatch.setattr(dialogs, "open_file", lambda _w, _title, f: filters.append(f) or str(path))
    monkeypatch.setattr(
        dialogs, "choose", lambda _w, _t, text, options: questions.append((text, options)) or 0
    )
    before = len(w.project.codes.all())
    w.commands.refresh()
    assert w.commands.actions["codebook.load_file"].isEnabled()
    w.commands.actions["codebook.load_file"].trigger()
    for pattern in ("*.yaml", "*.xlsx", "*.csv", "*.docx"):
        assert pattern in filters[0]
    assert "kerangka.xlsx" in questions[0][0] and len(questions[0][1]) == 2
    codes = {c.name: c for c in w.project.codes.all()}
    assert len(codes) == before + 3 and codes["Sosialisasi"].codebook == "kerangka"
    assert codes["Kejelasan"].description == "Juknis jelas."
    assert w.undo_label() == "Load codebook"
    w.commands.actions["codebook.load_file"].trigger()  # again: merged, nothing doubles
    assert len(w.project.codes.all()) == before + 3
    w.undo()
    assert len(w.project.codes.all()) == before


def test_a_bad_table_shows_a_translated_error_and_changes_nothing(
    main_window, monkeypatch, tmp_path
):
    w = main_window
    path = write_csv(tmp_path / "peserta.csv", [["Nama", "Umur"], ["Ani", "30"]])
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(path))
    monkeypatch.setattr(dialogs, "choose", lambda *_a: 1)  # English
    names, step = [c.name for c in w.project.codes.all()], w.undo_label()
    w.load_codebook_file()
    assert "peserta.csv: no column of codes found" in w.dispatcher.last_error
    assert [c.name for c in w.project.codes.all()] == names and w.undo_label() == step


def test_cancelled_language_question_loads_nothing(main_window, monkeypatch, tmp_path):
    w = main_window
    path = write_xlsx(tmp_path / "kerangka.xlsx", TABLE)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(path))
    monkeypatch.setattr(dialogs, "choose", lambda *_a: None)
    before = len(w.project.codes.all())
    w.load_codebook_file()
    assert len(w.project.codes.all()) == before
