"""The codebook tree: create, rename, move and merge by drag and drop, delete, definitions."""

from __future__ import annotations

from qualcode.ui.panes.code_tree import ABOVE, ON
from qualcode.ui.shell import dialogs


def _names(window):
    m = window.code_tree.model_
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_merge_two_codes_by_dropping_one_on_the_other(main_window, monkeypatch, select_text):
    w = main_window
    p = w.project
    select_text(w, "anggaran untuk pelatihan")
    w.apply_code(p.codes.find("Budget").id)
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda *a: 0)  # "Merge into 'Resources'"
    monkeypatch.setattr(dialogs, "ask", lambda _w, _t, text: asked.append(text) or True)
    budget, resources = p.codes.find("Budget").id, p.codes.find("Resources").id
    w.code_tree.codes_dropped.emit([budget], resources, ON)
    assert "1 codings move to 'Resources'" in asked[0]
    assert _names(w) == ["Communication", "Resources"]
    assert w.code_tree.model_.index(1, 1).data() == 1
    assert w.undo_label() == "Merge codes"
    w.commands.menus["edit"].aboutToShow.emit()
    assert w.commands.actions["edit.undo"].text() == "Undo Merge codes"
    w.commands.actions["edit.undo"].trigger()
    assert _names(w) == ["Communication", "Resources", "Budget"]


def test_refusing_the_merge_changes_nothing(main_window, monkeypatch):
    w = main_window
    monkeypatch.setattr(dialogs, "choose", lambda *a: 0)
    monkeypatch.setattr(dialogs, "ask", lambda *a: False)
    p = w.project
    w.code_tree.codes_dropped.emit([p.codes.find("Budget").id], p.codes.find("Resources").id, ON)
    assert _names(w) == ["Communication", "Resources", "Budget"]


def test_drop_to_nest_and_to_reorder(main_window, monkeypatch):
    w = main_window
    p = w.project
    budget, resources = p.codes.find("Budget").id, p.codes.find("Resources").id
    monkeypatch.setattr(dialogs, "choose", lambda *a: 1)  # "Make sub-code of"
    w.code_tree.codes_dropped.emit([budget], resources, ON)
    assert p.codes.get(budget).parent_id == resources
    assert _names(w) == ["Communication", "Resources"]
    w.code_tree.codes_dropped_on_root.emit([budget])
    assert p.codes.get(budget).parent_id is None
    w.code_tree.codes_dropped.emit([budget], p.codes.find("Communication").id, ABOVE)
    assert _names(w) == ["Budget", "Communication", "Resources"]


def test_create_rename_in_place_recolour_and_delete_with_the_count(main_window, monkeypatch):
    w = main_window
    p = w.project
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Disposition")
    w.commands.trigger("codebook.new")
    code_id = p.codes.find("Disposition").id
    assert w.code_tree.current_code_id() == code_id
    index = w.code_tree.model_.index_of(code_id)
    w.code_tree.model_.setData(index, "Disposisi")
    assert p.codes.get(code_id).name == "Disposisi"
    monkeypatch.setattr(dialogs, "get_color", lambda *a: "#123456")
    w.commands.trigger("codebook.recolor")
    assert p.codes.get(code_id).color == "#123456"
    comm = p.codes.find("Communication").id
    w.code_tree.select_code(comm)
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda _w, _t, text: asked.append(text) or True)
    w.commands.trigger("codebook.delete")
    assert "0 sub-codes and 1 codings" in asked[0]
    assert "Communication" not in _names(w)
    assert w.workspace.view.editor.spans == []


def test_definition_form_saves_one_edit(main_window):
    w = main_window
    p = w.project
    code_id = p.codes.find("Budget").id
    w.code_tree.select_code(code_id)
    w.commands.trigger("codebook.edit")
    form = w.detail.code
    assert form.fields["label_id"].text() == "Anggaran"
    form.fields["description"].setPlainText("Money for the programme.")
    form.fields["inclusion"].setPlainText("Budget amounts, cuts, sources of funds.")
    form.fields["label_id"].setText("Anggaran program")
    form.save.click()
    code = p.codes.get(code_id)
    assert code.description == "Money for the programme."
    assert code.inclusion.startswith("Budget amounts")
    assert code.labels == {"en": "Budget", "id": "Anggaran program"}
    assert w.undo_label() == "Edit code"


def test_memo_on_the_selected_code(main_window):
    w = main_window
    code_id = w.project.codes.find("Budget").id
    w.code_tree.select_code(code_id)
    memo = w.detail.memo
    memo.text.setPlainText("Budget comes up in every office.")
    memo.save.click()
    [saved] = w.project.memos.all("code", code_id)
    assert saved.text == "Budget comes up in every office."
    assert w.navigation.memos.topLevelItemCount() == 1
    w.code_tree.select_code(w.project.codes.find("Resources").id)
    assert memo.text.toPlainText() == ""
    w.navigation.memo_chosen.emit(saved.id)  # a click in the navigation's memo list
    assert memo.target == ("code", code_id)
    assert memo.text.toPlainText() == "Budget comes up in every office."


def test_retrieval_lists_excerpts_with_case_and_jumps_to_them(main_window, select_text):
    w = main_window
    p = w.project
    comm = p.codes.find("Communication").id
    start, end = select_text(w, "Data kependudukan")
    w.apply_code(comm)
    w.code_tree.select_code(comm)
    w.commands.trigger("code.retrieve")
    pane = w.retrieval
    assert pane.table.rowCount() == 2
    assert pane.table.item(0, 0).text() == "W1 Kadis Diskominfo"
    cases = {pane.table.item(r, 1).text() for r in range(2)}
    assert cases == {"I1", ""}  # the second passage lies outside the linked turn
    assert pane.table.item(0, 2).text() == "ana"
    pane.case.setCurrentIndex(pane.case.findData("I1"))
    assert pane.table.rowCount() == 1
    pane.case.setCurrentIndex(0)
    pane.valence.setCurrentIndex(pane.valence.findData("supporting"))
    assert pane.table.rowCount() == 0
    pane.valence.setCurrentIndex(0)
    w.workspace.view.select_range(0, 1)
    pane.table.cellDoubleClicked.emit(1, 4)
    assert w.workspace.selection() == (start, end)


def test_shipped_codebook_menu_loads_one_undoable_codebook(main_window):
    w = main_window
    w.fill_shipped_menu()
    actions = {a.objectName(): a for a in w.commands.submenus["shipped"].actions()}
    assert "codebook.load.edwards3" in actions
    before = len(w.project.codes.all())
    actions["codebook.load.edwards3"].trigger()
    assert len(w.project.codes.all()) > before
    assert w.code_tree.model_.rowCount() > 3
    assert w.undo_label() == "Load codebook"
    w.undo()
    assert len(w.project.codes.all()) == before


def test_a_memo_being_written_is_saved_when_moving_on(main_window, app_project_path):
    from qualcode.project import Project

    w = main_window
    budget = w.project.codes.find("Budget").id
    w.code_tree.select_code(budget)
    w.detail.memo.text.setPlainText("Unsaved thought about budget.")
    w.code_tree.select_code(w.project.codes.find("Resources").id)  # no click on Save
    [saved] = w.project.memos.all("code", budget)
    assert saved.text == "Unsaved thought about budget."
    w.detail.memo.text.setPlainText("A thought on resources.")
    w.close_project()
    with Project.open(app_project_path, coder="ana", backups=False) as p:
        texts = {m.text for m in p.memos.all("code")}
    assert texts == {"Unsaved thought about budget.", "A thought on resources."}
