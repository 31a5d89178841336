"""Coding without slips: details save as you edit, on the right coding; valence keys;
the quick-code box ranks abbreviations, asks where a new code goes and sets a valence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence


def _coding(w, code: str):
    code_id = w.project.codes.find(code).id
    return [c for c in w.project.codings.list() if c.code_id == code_id]


def test_editing_valence_then_clicking_elsewhere_keeps_the_edit(main_window, qtbot, select_text):
    w = main_window
    [coding] = _coding(w, "Communication")
    w.show_coding_details(coding.id)
    details = w.detail.codings
    details.valence.setCurrentIndex(details.valence.findData("inhibiting"))
    details.valence.activated.emit(details.valence.currentIndex())
    details.magnitude.setFocus()
    qtbot.keyClicks(details.magnitude, "tinggi")
    select_text(w, "Data kependudukan")  # the cursor moves on: no coding here
    w.workspace.view.editor.setFocus()
    qtbot.waitUntil(lambda: details.form_id is None)
    now = w.project.codings.get(coding.id)
    assert (now.valence, now.magnitude) == ("inhibiting", "tinggi")


def test_a_note_is_saved_when_typing_stops_and_on_switching(main_window, qtbot):
    w = main_window
    [coding] = _coding(w, "Communication")
    w.show_coding_details(coding.id)
    details = w.detail.codings
    details.note.setFocus()
    qtbot.keyClicks(details.note, "WA group")
    qtbot.waitUntil(lambda: w.project.codings.get(coding.id).note == "WA group", timeout=3000)
    qtbot.keyClicks(details.note, " saja")
    details.show_codings([])  # another place: pending text is saved to the coding it belongs to
    assert w.project.codings.get(coding.id).note == "WA group saja"
    assert not any(
        b.objectName() == "saveCoding" for b in details.findChildren(type(w.commands.toolbar))
    )


def test_after_coding_over_a_coding_the_details_show_the_new_one(main_window, select_text):
    w = main_window
    [old] = _coding(w, "Communication")
    select_text(w, "Sosialisasi sudah kami lakukan lewat grup")
    w.show_coding_details(old.id)
    w.apply_code(w.project.codes.find("Budget").id)
    [new] = _coding(w, "Budget")
    assert w.detail.codings.current_coding_id() == new.id == w.detail.codings.form_id
    w.detail.codings.set_valence("supporting")
    assert w.project.codings.get(new.id).valence == "supporting"
    assert w.project.codings.get(old.id).valence is None


def test_keys_1_2_3_set_valence_on_the_selected_coding(main_window, qtbot):
    w = main_window
    [coding] = _coding(w, "Communication")
    w.show_coding_details(coding.id)
    w.activateWindow()
    editor = w.workspace.view.editor
    editor.setFocus()
    for key, valence in ((Qt.Key.Key_2, "inhibiting"), (Qt.Key.Key_1, "supporting"),
                         (Qt.Key.Key_3, "neutral"), (Qt.Key.Key_0, None)):  # fmt: skip
        qtbot.keyClick(editor, key)
        assert w.project.codings.get(coding.id).valence == valence
    assert w.commands.actions["coding.valence.inhibiting"].shortcut() == QKeySequence("2")
    # typing a digit in a text field still types it
    w.detail.codings.magnitude.setFocus()
    qtbot.keyClick(w.detail.codings.magnitude, Qt.Key.Key_3)
    assert w.detail.codings.magnitude.text() == "3"


def test_quick_code_sop_first_and_valence_chosen(sample_window, qtbot, select_text):
    w = sample_window()
    source = next(s for s in w.project.sources.all() if s.name.startswith("W1"))
    w.open_source(source.id)
    text = w.workspace.view.text()
    start = text.index("\n", 200) + 1
    w.workspace.view.select_range(start, start + 30)
    box = w.quick_code()
    qtbot.keyClicks(box.edit, "SOP")
    assert "Prosedur operasi standar (SOP)" in box.list.item(0).text()
    assert box.width() <= 460 and box.height() <= 260
    box.valence.setCurrentIndex(box.valence.findData("inhibiting"))
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    made = [c for c in w.project.codings.list() if (c.start, c.end) == (start, start + 30)]
    assert len(made) == 1 and made[0].valence == "inhibiting"
    assert w.project.codes.get(made[0].code_id).labels["id"] == "Prosedur operasi standar (SOP)"


def test_a_new_code_from_ctrl_k_goes_where_the_student_says(main_window, qtbot, select_text):
    w = main_window
    comm = w.project.codes.find("Communication")
    child = w.dispatcher.run(w.project.codes.create, "Transmission", parent_id=comm.id).result
    w.code_tree.select_code(child.id)
    select_text(w, "rapat koordinasi")
    box = w.quick_code()
    qtbot.keyClicks(box.edit, "Clarity")
    texts = [box.list.item(i).text() for i in range(box.list.count())]
    assert "Create code 'Clarity' under 'Communication'" in texts[0]
    assert any("sub-code of 'Transmission'" in t for t in texts)
    assert any("top level" in t for t in texts)
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    clarity = w.project.codes.find("Clarity")
    assert clarity.parent_id == comm.id
    assert len(_coding(w, "Clarity")) == 1


def test_codebook_filter_box_shows_matching_codes_and_their_parents(main_window, qtbot):
    w = main_window
    comm = w.project.codes.find("Communication")
    w.dispatcher.run(w.project.codes.create, "Transmisi (SOP)", parent_id=comm.id)
    tree = w.code_tree

    def visible() -> set[str]:
        out = set()
        for cid in tree.model_.code_ids():
            index = tree.model_.index_of(cid)
            if not tree.isRowHidden(index.row(), index.parent()):
                out.add(index.data())
        return out

    qtbot.keyClicks(w.code_filter, "sop")
    assert visible() == {"Communication", "Transmisi (SOP)"}
    w.code_filter.setText("qqqq")
    assert visible() == set()
    w.code_filter.clear()
    assert {"Communication", "Resources", "Budget", "Transmisi (SOP)"} <= visible()


def test_status_bar_says_work_is_saved(main_window, select_text):
    w = main_window
    assert w.status_saved.text() == "Changes are saved as you work"
    select_text(w, "Data kependudukan")
    w.apply_code(w.project.codes.find("Budget").id)
    assert w.status_saved.text().startswith("✓ Saved ")
