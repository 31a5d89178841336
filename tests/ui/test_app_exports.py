"""File › Export and the REFI-QDA imports: files written off the UI thread, read back;
a corrupt .qdpx changes nothing; Cancel leaves no file; .qdpx files dropped on the window."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from qualcode.project import Project
from qualcode.ui.shell import dialogs
from support.snapshots import snapshot


def _wait(qtbot, window) -> None:
    task = window.panes["exports"].last_task
    assert task is not None
    qtbot.waitUntil(lambda: task.finished, timeout=30000)


def _answers(monkeypatch, **answers) -> list:
    """Patch dialogs with fixed answers; returns the list of texts shown by ``inform``."""
    shown: list = []
    for name, value in answers.items():
        monkeypatch.setattr(dialogs, name, lambda *_a, _v=value, **_k: _v)
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: shown.append(text))
    return shown


def _counts(project) -> dict[str, int]:
    return {
        "sources": len(project.sources.all()),
        "codes": len(project.codes.all()),
        "codings": len(project.codings.list()),
        "cases": len(project.cases.all()),
        "case links": len(project.cases.links()),
    }


def _error_box():
    return next(b for b in QApplication.topLevelWidgets() if b.objectName() == "errorBox")


def test_the_commands_are_in_the_export_and_file_menus(main_window):
    w = main_window
    export = [a.objectName() for a in w.commands.submenus["export"].actions()]
    for cid in ("export.excerpts.docx", "export.excerpts.xlsx", "export.report",
                "export.codebook", "export.qdpx", "export.qdc"):  # fmt: skip
        assert cid in export
    file_ids = [a.objectName() for a in w.commands.menus["file"].actions()]
    at = file_ids.index("import.casesheet")
    assert file_ids[at + 1 : at + 3] == ["import.qdpx", "import.qdc"]
    assert not w.commands.actions["export.excerpts.docx"].isEnabled()  # no code selected
    w.code_tree.select_code(w.project.codes.find("Communication").id)
    w.commands.refresh()
    assert w.commands.actions["export.excerpts.docx"].isEnabled()


def test_excerpts_of_the_selected_code_to_word(main_window, qtbot, monkeypatch, tmp_path):
    from docx import Document

    w = main_window
    w.code_tree.select_code(w.project.codes.find("Communication").id)
    asked = []
    monkeypatch.setattr(
        dialogs, "save_file", lambda *a: asked.append(a[-1]) or str(tmp_path / "kutipan")
    )
    w.commands.trigger("export.excerpts.docx")
    _wait(qtbot, w)
    out = tmp_path / "kutipan.docx"  # the suffix is added when the user left it out
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Sosialisasi sudah kami lakukan" in text
    assert "(I1 — para. 2)" in text  # cited by case and paragraph, in the English UI
    assert asked[0].endswith("Communication.docx")
    assert "Saved 1 excerpts to kutipan.docx" in w.statusBar().currentMessage()


def test_excerpts_to_excel_and_the_codebook_as_yaml(main_window, qtbot, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    from qualcode.codebooks.files import load_codebook

    w = main_window
    w.code_tree.select_code(w.project.codes.find("Communication").id)
    _answers(monkeypatch, save_file=str(tmp_path / "kutipan.xlsx"))
    w.commands.trigger("export.excerpts.xlsx")
    _wait(qtbot, w)
    cells = [c.value for row in load_workbook(tmp_path / "kutipan.xlsx").active for c in row]
    assert "Sosialisasi sudah kami lakukan" in cells

    _answers(monkeypatch, save_file=str(tmp_path / "buku-kode.yaml"))
    w.commands.trigger("export.codebook")
    _wait(qtbot, w)
    book = load_codebook(tmp_path / "buku-kode.yaml")
    assert {c.label["en"] for c in book.codes} == {"Communication", "Resources", "Budget"}


def test_project_report_to_word_and_the_codebook_to_qdc(main_window, qtbot, monkeypatch, tmp_path):
    from docx import Document

    from qualcode.interop.refi.format import read_codebook

    w = main_window
    _answers(monkeypatch, save_file=str(tmp_path / "laporan.docx"))
    w.commands.trigger("export.report")
    _wait(qtbot, w)
    text = "\n".join(p.text for p in Document(str(tmp_path / "laporan.docx")).paragraphs)
    assert "Sosialisasi sudah kami lakukan" in text
    assert "Saved laporan.docx." in w.statusBar().currentMessage()

    _answers(monkeypatch, save_file=str(tmp_path / "kode.qdc"))
    w.commands.trigger("export.qdc")
    _wait(qtbot, w)
    names = {c.name for c in read_codebook(tmp_path / "kode.qdc").codes}
    assert names == {"Communication", "Resources", "Budget"}


def test_qdpx_export_imports_into_a_new_project_with_equal_counts(
    main_window, qtbot, monkeypatch, tmp_path
):
    w = main_window
    before = _counts(w.project)
    qdpx = tmp_path / "studi.qdpx"
    shown = _answers(monkeypatch, save_file=str(qdpx))
    w.commands.trigger("export.qdpx")
    _wait(qtbot, w)
    assert qdpx.exists()
    assert w.statusBar().currentMessage().startswith("Saved studi.qdpx: 2 sources, 3 codes")

    new = tmp_path / "baru.qdaproj"
    shown = _answers(monkeypatch, open_file=str(qdpx), choose=1, save_file=str(new))
    w.commands.trigger("import.qdpx")
    _wait(qtbot, w)
    assert w.project.path == new
    assert _counts(w.project) == before
    assert w.navigation.first_source_id() is not None
    assert "Imported studi.qdpx" in w.statusBar().currentMessage()
    assert all("•" in text for text in shown)  # warnings, if any, list what was not carried


def test_a_corrupt_qdpx_shows_the_error_and_changes_nothing(
    main_window, qtbot, monkeypatch, tmp_path
):
    w = main_window
    bad = tmp_path / "rusak.qdpx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    before = snapshot(w.project)
    undo = w.undo_label()
    _answers(monkeypatch, open_file=str(bad), choose=0)
    w.commands.trigger("import.qdpx")
    _wait(qtbot, w)
    assert "rusak.qdpx" in w.dispatcher.last_error
    _error_box().close()
    assert snapshot(w.project) == before
    assert w.undo_label() == undo

    new = tmp_path / "tidak-jadi.qdaproj"  # as a new project: no project is left behind
    _answers(monkeypatch, open_file=str(bad), choose=1, save_file=str(new))
    w.commands.trigger("import.qdpx")
    _wait(qtbot, w)
    _error_box().close()
    assert not new.exists()
    assert w.project is not None and w.project.path.name == "app-study.qdaproj"


def test_cancel_of_a_running_export_writes_nothing(main_window, qtbot, monkeypatch, tmp_path):
    import qualcode.interop.refi.project.exporter as refi_export

    w = main_window
    gate, started = threading.Event(), threading.Event()
    real = refi_export.project_model

    def held(*args, **kwargs):
        started.set()
        assert gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(refi_export, "project_model", held)
    out = tmp_path / "batal.qdpx"
    _answers(monkeypatch, save_file=str(out))
    w.commands.trigger("export.qdpx")
    assert started.wait(10)
    [(_worker, task, dialog)] = w.dispatcher._tasks
    dialog.findChild(QPushButton).click()  # Cancel
    assert task.cancelled
    gate.set()
    _wait(qtbot, w)
    assert not out.exists()
    assert not [p.name for p in tmp_path.iterdir() if "batal" in p.name]  # no temporary file
    assert w.dispatcher.last_error == "Cancelled."


@pytest.fixture
def other_qdpx(tmp_path) -> Path:
    """A .qdpx from another study: one new source coded with a new code."""
    path = tmp_path / "other.qdaproj"
    text = "Koordinasi lintas OPD masih lemah."
    with Project.create(path, coder="budi") as p:
        src = p.sources.add_text("W9 Sekda", text, language="id").result
        code = p.codes.create("Koordinasi").result
        p.codings.apply(src.id, 0, len("Koordinasi lintas OPD"), code.id)
        from qualcode.interop.refi.project.exporter import export_qdc, export_qdpx

        export_qdpx(p, tmp_path / "other.qdpx")
        export_qdc(p, tmp_path / "other.qdc")
    return tmp_path / "other.qdpx"


def _drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(QPoint(50, 50), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(50, 50), *args))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_qdpx_dropped_on_the_window_merges_in_one_undo_step(
    main_window, qtbot, monkeypatch, other_qdpx
):
    w = main_window
    before = snapshot(w.project)
    _answers(monkeypatch, choose=0)
    _drop(w, [other_qdpx])
    _wait(qtbot, w)
    assert w.project.sources.find("W9 Sekda") is not None
    assert w.project.codes.find("Koordinasi") is not None
    assert w.code_tree.model_.index_of(w.project.codes.find("Koordinasi").id).isValid()
    assert w.undo_label() == "Import REFI-QDA project"
    w.commands.trigger("edit.undo")
    assert snapshot(w.project) == before


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_dropped_qdpx_and_a_text_file_each_go_their_way(
    main_window, qtbot, monkeypatch, other_qdpx, tmp_path
):
    w = main_window
    note = tmp_path / "catatan.txt"
    note.write_text("Catatan lapangan: sinyal lemah di desa.\n", "utf-8")
    _answers(monkeypatch, choose=0)
    _drop(w, [other_qdpx, note])
    qtbot.waitUntil(lambda: not w.dispatcher.busy, timeout=30000)
    names = {s.name for s in w.project.sources.all()}
    assert {"W9 Sekda", "catatan"} <= names


def test_a_qdc_codebook_merges_its_codes(main_window, qtbot, monkeypatch, other_qdpx):
    w = main_window
    qdc = other_qdpx.with_suffix(".qdc")
    _answers(monkeypatch, open_file=str(qdc))
    w.commands.trigger("import.qdc")
    _wait(qtbot, w)
    assert w.project.codes.find("Koordinasi") is not None
    assert len(w.project.sources.all()) == 2  # a codebook brings codes only
    assert w.undo_label() == "Import REFI-QDA codebook"


def test_excerpts_export_follows_the_excerpts_pane(main_window, qtbot, monkeypatch, tmp_path):
    """What the researcher sees is what gets exported: the rows selected in the Excerpts
    pane, else every row its filters list; without the pane, the whole code."""
    from openpyxl import load_workbook

    w = main_window
    p = w.project
    src = next(s for s in p.sources.all() if s.name.startswith("W1"))
    text = p.sources.text(src.id)
    comm = p.codes.find("Communication")
    start = text.index("Data kependudukan")
    p.codings.apply(src.id, start, start + len("Data kependudukan"), comm.id)
    w.code_tree.select_code(comm.id)

    def exported(name: str) -> list[str]:
        _answers(monkeypatch, save_file=str(tmp_path / name))
        w.commands.trigger("export.excerpts.xlsx")
        _wait(qtbot, w)
        cells = [c.value for row in load_workbook(tmp_path / name).active for c in row]
        return [t for t in ("Sosialisasi sudah kami lakukan", "Data kependudukan") if t in cells]

    assert exported("all.xlsx") == ["Sosialisasi sudah kami lakukan", "Data kependudukan"]
    w.show_excerpts(comm.id)
    assert len(w.retrieval.shown) == 2
    w.retrieval.table.selectRow(
        next(i for i, (seg, _c) in enumerate(w.retrieval.shown) if seg.start == start)
    )
    assert exported("selected.xlsx") == ["Data kependudukan"]
    w.retrieval.table.clearSelection()
    assert exported("listed.xlsx") == ["Sosialisasi sudah kami lakukan", "Data kependudukan"]


def test_appendix_of_all_codes_to_word(main_window, qtbot, monkeypatch, tmp_path):
    """File › Export › Appendix of all codes: one lampiran, every code, grouped by code."""
    from docx import Document

    w = main_window
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(tmp_path / "lampiran.docx"))
    assert w.commands.actions["export.appendix"].isEnabled()  # no code needs to be selected
    w.commands.trigger("export.appendix")
    _wait(qtbot, w)
    doc = Document(str(tmp_path / "lampiran.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    coded = {w.project.codes.get(c.code_id).name for c in w.project.codings.list()}
    assert coded and coded <= set(headings)
