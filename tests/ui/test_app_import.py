"""Imports off the UI thread with progress and Cancel; case sheets; files dropped on the window."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

import qualcode.sources.batch as batch

ROOT = Path(__file__).resolve().parents[2]


def _files(tmp_path: Path, n: int) -> list[str]:
    out = []
    for k in range(n):
        path = tmp_path / f"catatan_{k}.txt"
        path.write_text(f"Catatan lapangan nomor {k}. Warga mengeluh sinyal lemah.\n", "utf-8")
        out.append(str(path))
    return out


def test_import_runs_off_the_ui_thread_and_opens_the_first_new_source(main_window, qtbot, tmp_path):
    w = main_window
    task = w.import_paths(_files(tmp_path, 2))
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert len(w.last_import.imported) == 2
    names = {s.name for s in w.project.sources.all()}
    assert {"catatan_0", "catatan_1"} <= names or len(names) == 4
    assert w.workspace.view.text().startswith("Catatan lapangan nomor 0")
    assert "2 imported" in w.statusBar().currentMessage()
    assert not w.dispatcher.busy


def test_cancel_stops_between_files_and_keeps_what_was_imported(
    main_window, qtbot, tmp_path, monkeypatch
):
    w = main_window
    gate = threading.Event()
    real = batch.import_file
    worker_threads = []

    def held(project, path, **kw):
        worker_threads.append(threading.current_thread())
        assert gate.wait(10)
        return real(project, path, **kw)

    monkeypatch.setattr(batch, "import_file", held)
    task = w.import_paths(_files(tmp_path, 5))
    qtbot.waitUntil(lambda: bool(worker_threads), timeout=10000)
    [(_worker, _task, dialog)] = w.dispatcher._tasks
    assert dialog.labelText() in ("catatan_0.txt", "Importing sources…")
    dialog.findChild(QPushButton).click()  # the Cancel button
    assert task.cancelled
    gate.set()
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    result = w.last_import
    assert result.cancelled
    assert len(result.imported) == 1
    assert result.not_started == ["catatan_1.txt", "catatan_2.txt", "catatan_3.txt",
                                  "catatan_4.txt"]  # fmt: skip
    assert worker_threads[0] is not threading.main_thread()
    assert "cancelled, 4 not started" in w.statusBar().currentMessage()
    assert len(w.project.sources.all()) == 3


def test_a_bad_file_is_reported_and_the_others_are_imported(main_window, qtbot, tmp_path):
    w = main_window
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    task = w.import_paths([str(bad), *_files(tmp_path, 1)])
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert len(w.last_import.failed) == 1
    assert "broken.docx" in w.dispatcher.last_error
    box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "errorBox")
    box.close()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_a_classification_sheet_on_the_window_sets_case_attributes(
    main_window, tmp_path, monkeypatch
):
    from qualcode.ui.shell import dialogs

    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda _w, _t, text: asked.append(text) or True)
    w = main_window
    sheet = tmp_path / "informants.csv"
    sheet.write_text(
        "Kode,Jabatan,Instansi\nI1,Kepala Dinas,Diskominfo\nI2,Kabid,Bappeda\n", "utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet))])
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(w, QDragEnterEvent(QPoint(50, 50), *args))
    QApplication.sendEvent(w, QDropEvent(QPointF(50, 50), *args))
    cases = {c.name: c.attributes for c in w.project.cases.all()}
    assert cases["I2"]["Jabatan"] == "Kabid"
    assert cases["I1"]["Instansi"] == "Diskominfo"
    assert w.navigation.cases.topLevelItemCount() == 2
    assert w.undo_label() == "Import case sheet"
    assert "New cases: 1 (I2)" in asked[0] and "I2 · Jabatan: (empty) → Kabid" in asked[0]


def test_a_declined_sheet_preview_changes_nothing(main_window, tmp_path, monkeypatch):
    from qualcode.ui.shell import dialogs

    monkeypatch.setattr(dialogs, "ask", lambda *_a: False)
    sheet = tmp_path / "informants.csv"
    sheet.write_text("Kode,Jabatan\nI9,Kabid\n", "utf-8")
    before = [c.name for c in main_window.project.cases.all()]
    assert main_window.import_sheet(str(sheet)) is None
    assert [c.name for c in main_window.project.cases.all()] == before


def test_import_report_names_the_lines_read_from_another_encoding(main_window, qtbot, tmp_path):
    w = main_window
    path = tmp_path / "campuran.txt"
    path.write_bytes("P: Apa “kendala” utama?\n".encode() + b"I: Sinyal \x93lemah\x94.\n")
    task = w.import_paths([str(path)])
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    assert "campuran.txt" in w.last_import_report and "line(s) 2" in w.last_import_report
    box = w.findChild(QMessageBox, "importReport")
    assert box is not None and "campuran.txt" in box.text()
    assert w.workspace.view.text().startswith("P: Apa “kendala” utama?\nI: Sinyal “lemah”.")
    box.close()


def test_an_interview_without_recognised_speakers_is_reported_after_import(
    main_window, qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "W9.txt"
    path.write_text(
        "Kode Informan: IK-9\nJabatan: Staf\n\nSelamat pagi.\nYa, pagi.\nBagaimana SOP?\n", "utf-8"
    )
    task = main_window.import_paths([str(path)])
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    report = main_window.last_import_report
    assert "W9.txt" in report and "no speaker turns" in report
    box = main_window.findChild(QMessageBox, "importReport")
    assert box is not None
    box.close()
