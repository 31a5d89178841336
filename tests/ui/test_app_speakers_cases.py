"""The Speakers pane (review and fix turns) and the Cases pane (classification sheet)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from qualcode.sources.importing import turns


def _import(window, qtbot, path: Path) -> int:
    task = window.import_paths([str(path)])
    with qtbot.waitSignal(task.done, timeout=20000):
        pass
    return window.last_import.imported[0].source.id


def test_bold_label_transcript_turns_listed_and_fixed_with_undo(
    main_window, qtbot, tmp_path, monkeypatch
):
    from support.transcript_layouts import bold_label_paragraphs

    w = main_window
    source = _import(w, qtbot, bold_label_paragraphs(tmp_path / "W2.docx"))
    w.commands.trigger("source.speakers")
    pane = w.panes["speakers"]
    assert pane.isVisible() and pane.source_id == source
    assert pane.turns.topLevelItemCount() == 4
    speakers = [pane.turns.topLevelItem(i).text(1) for i in range(4)]
    assert speakers == ["PEWAWANCARA", "NARASUMBER", "PEWAWANCARA", "NARASUMBER"]
    assert pane.turns.topLevelItem(1).text(2) == "IK-2"
    # the third turn was said by the informant: fix it, then undo
    third = turns(w.project, source)[2]
    pane.select_turn(third.link_id)
    from qualcode.ui.features import speakers as module

    monkeypatch.setattr(module, "_ask_label", lambda *a: "NARASUMBER")
    pane.buttons["speaker"].click()
    assert pane.turns.topLevelItem(2).text(1) == "NARASUMBER"
    assert turns(w.project, source)[2].case == "IK-2"
    assert "speaker" in w.commands.label("edit.undo").lower()
    w.commands.trigger("edit.undo")
    assert pane.turns.topLevelItem(2).text(1) == "PEWAWANCARA"
    assert turns(w.project, source)[2].role == "interviewer"


def test_split_merge_and_mark_from_the_pane(main_window, qtbot, monkeypatch):
    w = main_window
    source = next(s.id for s in w.project.sources.all() if s.name.startswith("W1"))
    w.open_source(source)
    pane = w.show_pane("speakers")
    assert pane.turns.topLevelItemCount() == 1
    turn = turns(w.project, source)[0]
    text = w.workspace.view.text()
    at = text.index("tetapi anggaran")
    pane.select_turn(turn.link_id)
    w.workspace.view.select_range(at, at)
    pane.buttons["split"].click()
    assert pane.turns.topLevelItemCount() == 2
    pane.select_turn(turn.link_id)
    pane.buttons["merge"].click()
    assert pane.turns.topLevelItemCount() == 1
    from qualcode.ui.features import speakers as module

    monkeypatch.setattr(module, "_ask_label", lambda *a: "P")
    question = text.index("P: Apa kendala")
    w.workspace.view.select_range(question, text.index("\n", question))
    pane.buttons["mark"].click()
    assert [t.speaker for t in turns(w.project, source)] == ["I1", "P"]
    assert turns(w.project, source)[1].case == "Interviewer"
    w.commands.trigger("edit.undo")
    assert [t.speaker for t in turns(w.project, source)] == ["I1"]


def test_header_jabatan_shows_in_the_case_sheet_and_is_editable(main_window, qtbot, tmp_path):
    from support.transcript_layouts import bold_label_paragraphs

    w = main_window
    _import(w, qtbot, bold_label_paragraphs(tmp_path / "W2.docx"))
    pane = w.show_pane("cases")
    headers = [pane.table.horizontalHeaderItem(c).text() for c in range(pane.table.columnCount())]
    assert "Jabatan" in headers
    rows = {pane.table.item(r, 0).text(): r for r in range(pane.table.rowCount())}
    col = headers.index("Jabatan")
    assert pane.table.item(rows["IK-2"], col).text() == "Kepala Bidang Pelayanan"
    pane.table.item(rows["IK-2"], col).setText("Kepala Dinas")
    case = w.project.cases.find("IK-2")
    assert w.project.attributes.values("case")[case.id]["Jabatan"] == "Kepala Dinas"
    w.commands.trigger("edit.undo")
    assert w.project.attributes.values("case")[case.id]["Jabatan"] == "Kepala Bidang Pelayanan"
    rows = {pane.table.item(r, 0).text(): r for r in range(pane.table.rowCount())}
    assert pane.table.item(rows["IK-2"], col).text() == "Kepala Bidang Pelayanan"


def test_typed_attributes_added_renamed_and_checked(main_window, monkeypatch):
    from qualcode.ui.shell import dialogs

    w = main_window
    pane = w.show_pane("cases")
    assert pane.new_attribute("Peringkat", "number", []) is not None
    assert pane.new_attribute("Sektor", "category", ["Pemerintah", "Swasta"]) is not None
    headers = [pane.table.horizontalHeaderItem(c).text() for c in range(pane.table.columnCount())]
    number_col, cat_col = headers.index("Peringkat"), headers.index("Sektor")
    shown: list[str] = []
    monkeypatch.setattr(w.dispatcher, "show_error", lambda exc: shown.append(str(exc)))
    pane.table.item(0, number_col).setText("banyak")  # not a number: refused, cell restored
    assert shown and pane.table.item(0, number_col).text() == ""
    pane.table.item(0, number_col).setText("3,5")
    assert pane.table.item(0, number_col).text() == "3.5"
    pane.table.setCurrentCell(0, cat_col)
    editor_parent = pane.table.viewport()
    editor = pane.table.itemDelegate().createEditor(
        editor_parent, None, pane.table.model().index(0, cat_col)
    )
    assert [editor.itemText(i) for i in range(editor.count())] == ["", "Pemerintah", "Swasta"]
    editor.deleteLater()
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Sektor informan")
    pane.rename_button.click()
    assert w.project.attributes.find("Sektor informan").type == "category"
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "I2")
    pane.new_case_button.click()
    assert "I2" in {pane.table.item(r, 0).text() for r in range(pane.table.rowCount())}
    pane.table.item(0, 0).setText("IK-1")
    assert {c.name for c in w.project.cases.all()} >= {"IK-1", "I2"}


def test_panes_are_tabbed_with_the_excerpts(main_window):
    w = main_window
    for key in ("speakers", "cases"):
        assert w.tabifiedDockWidgets(w.docks[key]) or w.docks[key].isHidden()
    assert w.dockWidgetArea(w.docks["speakers"]) == Qt.DockWidgetArea.BottomDockWidgetArea
