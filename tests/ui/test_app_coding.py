"""Coding in the main window: quick-code, drag and drop, undo/redo from the Edit menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def _codings(window, code_name):
    p = window.project
    code = p.codes.find(code_name)
    return [c for c in p.codings.list() if c.code_id == code.id]


def _span_codes(window):
    return {(s.code_name, s.start, s.end) for s in window.workspace.view.editor.spans}


def test_opening_shows_the_first_source_with_its_codings_and_turns(main_window):
    w = main_window
    assert w.workspace.source_id is not None
    assert w.workspace.view.text().startswith("P: Bagaimana")
    assert {name for name, _s, _e in _span_codes(w)} == {"Communication"}
    tree_names = [
        w.code_tree.model_.index(r, 0).data() for r in range(w.code_tree.model_.rowCount())
    ]
    assert tree_names == ["Communication", "Resources", "Budget"]
    counts = w.code_tree.model_.index(0, 1).data(), w.code_tree.model_.index(0, 2).data()
    assert counts == (1, 1)
    groups = [w.navigation.sources.topLevelItem(i).text(0) for i in range(2)]
    assert groups == ["Interviews (1)", "Documents (1)"]
    assert "Agency: Diskominfo" in w.navigation.cases.topLevelItem(0).text(1)


def test_quick_code_by_label_in_indonesian_then_undo_and_redo_from_the_edit_menu(
    main_window, qtbot, select_text
):
    w = main_window
    start, end = select_text(w, "anggaran untuk pelatihan operator")
    w.commands.trigger("code.quick")
    box = w.quick_box
    qtbot.keyClicks(box.edit, "anggran")  # a typo of the Indonesian label of "Budget"
    assert box.list.item(0).text().startswith("Budget")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    [coding] = _codings(w, "Budget")
    assert (coding.start, coding.end) == (start, end)
    assert ("Budget", start, end) in _span_codes(w)
    assert w.recent_codes[0] == coding.code_id
    qtbot.waitUntil(lambda: w.code_tree.model_.index(2, 1).data() == 1)  # counts redrawn

    edit_menu = w.commands.menus["edit"]
    edit_menu.aboutToShow.emit()
    undo = w.commands.actions["edit.undo"]
    assert undo.text() == "Undo Code text"
    undo.trigger()
    assert _codings(w, "Budget") == []
    assert ("Budget", start, end) not in _span_codes(w)
    redo = w.commands.actions["edit.redo"]
    assert redo.isEnabled() and redo.text() == "Redo Code text"
    redo.trigger()
    assert len(_codings(w, "Budget")) == 1
    assert ("Budget", start, end) in _span_codes(w)


def test_quick_code_offers_to_create_a_code_when_nothing_matches(main_window, qtbot, select_text):
    w = main_window
    select_text(w, "Data kependudukan")
    box = w.quick_code()
    qtbot.keyClicks(box.edit, "Integrasi data")
    texts = [box.list.item(i).text() for i in range(box.list.count())]
    assert all(t.startswith("Create code 'Integrasi data'") for t in texts)
    assert texts[-1] == "Create code 'Integrasi data' at the top level"
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert len(_codings(w, "Integrasi data")) == 1
    assert w.commands.actions["edit.undo"].text() == "Undo Code with a new code"
    w.undo()  # one step takes back both the code and the coding
    assert "Integrasi data" not in {c.name for c in w.project.codes.all()}


def _drop_on_code(w, code_name, mime):
    tree = w.code_tree
    index = tree.model_.index_of(w.project.codes.find(code_name).id)
    rect = tree.visualRect(index)
    pos = rect.center()
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only to a widget the drag entered first, as a real drag does.
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(pos, *args))
    QApplication.sendEvent(tree.viewport(), QDragMoveEvent(pos, *args))
    event = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(tree.viewport(), event)
    return event


# PySide marks the QPoint constructors of drag events deprecated; they are the ones Qt has.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_drag_selected_text_onto_a_code(main_window, select_text):
    w = main_window
    start, end = select_text(w, "rapat koordinasi")
    mime = QMimeData()
    mime.setText("rapat koordinasi")
    event = _drop_on_code(w, "Resources", mime)
    assert event.isAccepted()
    [coding] = _codings(w, "Resources")
    assert (coding.start, coding.end) == (start, end)
    # Text that is not the document's selection is refused.
    other = QMimeData()
    other.setText("something else")
    assert not _drop_on_code(w, "Budget", other).isAccepted()
    assert _codings(w, "Budget") == []


def test_in_vivo_creates_a_code_from_the_words_in_one_undo_step(main_window, select_text):
    w = main_window
    select_text(w, "belum terhubung")
    w.commands.trigger("code.invivo")
    # the informant's words, in quotes: the same rule as `qualcode coding invivo`
    assert len(_codings(w, "“belum terhubung”")) == 1
    assert w.undo_label() == "Code in vivo"
    assert w.recent_codes[0] == w.project.codes.find("“belum terhubung”").id
    w.undo()
    assert "“belum terhubung”" not in {c.name for c in w.project.codes.all()}


def test_create_and_apply_with_a_taken_name_leaves_no_step(main_window, qtbot, select_text):
    w = main_window
    select_text(w, "Data kependudukan")
    label = w.undo_label()
    before = [(c.id, c.code_id) for c in w.project.codings.list()]
    w.create_and_apply("budget")  # "Budget" exists: refused, shown, nothing applied
    assert w.dispatcher.last_error
    assert w.undo_label() == label
    assert [(c.id, c.code_id) for c in w.project.codings.list()] == before


def test_uncode_recode_resize_and_coding_attributes(main_window, select_text):
    w = main_window
    [coding] = _codings(w, "Communication")
    w.workspace.view.select_range(coding.start + 2, coding.start + 5)
    assert w.workspace.codings_at_cursor() == [coding.id]
    budget = w.project.codes.find("Budget").id
    w.recode([coding.id], budget)
    assert w.project.codings.get(coding.id).code_id == budget
    w.workspace.view.coding_resize_requested.emit(coding.id, coding.start, coding.end + 4)
    assert w.project.codings.get(coding.id).end == coding.end + 4
    # The detail pane edits valence and note of the coding at the cursor.
    details = w.detail.codings
    details.show_codings([coding.id])
    details.valence.setCurrentIndex(details.valence.findData("inhibiting"))
    details.note.setPlainText("budget framed as the cause")
    details.show_codings([])  # moving on saves what was edited (no Save button)
    saved = w.project.codings.get(coding.id)
    assert (saved.valence, saved.note) == ("inhibiting", "budget framed as the cause")
    w.uncode_at_cursor()
    assert w.project.codings.list() == []
    assert w.workspace.view.editor.spans == []


def test_undo_of_a_coding_attribute_is_not_written_back_by_the_form(main_window, select_text):
    """The form refilled by an undo shows the stored value; leaving it saves nothing."""
    w = main_window
    [coding] = _codings(w, "Communication")
    w.workspace.view.select_range(coding.start + 2, coding.start + 5)
    details = w.detail.codings
    details.show_codings([coding.id])
    details.magnitude.setText("tinggi")
    details.magnitude.editingFinished.emit()
    assert w.project.codings.get(coding.id).magnitude == "tinggi"
    w.undo()
    assert w.project.codings.get(coding.id).magnitude is None
    details.show_codings([coding.id], force=True)  # what a redraw after the undo does
    assert details.magnitude.text() == ""
    details.magnitude.editingFinished.emit()  # the focus leaves the field
    details.show_codings([])  # and the cursor moves on
    assert w.project.codings.get(coding.id).magnitude is None
    w.redo()
    assert w.project.codings.get(coding.id).magnitude == "tinggi"


def test_an_error_from_the_core_is_shown_translated_not_raised(main_window, select_text, qtbot):
    w = main_window
    select_text(w, "rapat koordinasi")
    code = w.project.codes.find("Budget").id
    w.apply_code(code)
    assert w.apply_code(code) is None  # the same coding twice is refused by the core
    assert w.dispatcher.last_error
    box = w.findChild(type(w), "errorBox") or next(
        b for b in QApplication.topLevelWidgets() if b.objectName() == "errorBox"
    )
    box.close()


def test_the_selection_follows_the_find_and_drop_position_helpers(main_window):
    tree = main_window.code_tree
    index = tree.model_.index_of(main_window.project.codes.find("Resources").id)
    rect = tree.visualRect(index)
    assert tree.drop_target(rect.center())[1] == "on"
    assert tree.drop_target(QPoint(rect.center().x(), rect.top() + 1))[1] == "above"
    assert tree.drop_target(QPoint(rect.center().x(), rect.bottom()))[1] == "below"


def test_ctrl_k_in_the_document_opens_the_quick_code_box(main_window, qtbot, select_text):
    w = main_window
    w.activateWindow()
    qtbot.waitActive(w)
    select_text(w, "rapat koordinasi")
    editor = w.workspace.view.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = w.quick_box
    assert box is not None and box.isVisible()
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.isVisible()


def test_stripe_context_menu_removes_a_coding(main_window):
    w = main_window
    [coding] = _codings(w, "Communication")
    menu = w.coding_menu(coding.id, QPoint(100, 100))
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Remove coding 'Communication'", "Recode as…", "Coding details"]
    menu.actions()[0].trigger()
    menu.close()
    assert w.project.codings.list() == []
    menu = w.coding_menu(coding.id, QPoint(100, 100))  # the coding is gone: an empty menu
    assert menu.actions() == []
    menu.close()


def test_excerpts_follow_codings_of_their_code_and_ignore_other_codes(main_window, select_text):
    w = main_window
    p = w.project
    resources, budget = p.codes.find("Resources").id, p.codes.find("Budget").id
    w.show_excerpts(resources)
    assert w.retrieval.segments == []
    reloads = []
    original = w.retrieval.reload
    w.retrieval.reload = lambda: (reloads.append(1), original())
    select_text(w, "anggaran untuk pelatihan operator")
    w.apply_code(budget)  # another code: the excerpts shown stay as they are
    assert reloads == []
    select_text(w, "Data kependudukan")
    w.apply_code(resources)
    assert [s.text for s in w.retrieval.segments] == ["Data kependudukan"]
    [coding] = _codings(w, "Resources")
    w.detail.codings.show_codings([coding.id])
    w.detail.codings.valence.setCurrentIndex(w.detail.codings.valence.findData("inhibiting"))
    w.detail.codings.save_attributes()  # an attribute edit changes what the pane shows
    assert [s.valence for s in w.retrieval.segments] == ["inhibiting"]
    del w.retrieval.reload
