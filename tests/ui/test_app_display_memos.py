"""Memos on a display and its cells from the Displays pane's context menus: marked cells,
listed in the Memos pane, kept (unlinked) when the display is deleted, all undoable; and the
File › Export toggles that print memos beside excerpts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.displays import ready_spec
from qualcode.ui.features.displays_model import MEMO_ROLE
from qualcode.ui.shell import dialogs


@pytest.fixture
def win(sample_window):
    return sample_window(coder="ana", size=(1400, 900))


def _open_saved(qtbot, pane, saved_id: int):
    before = pane.display
    pane.open_saved(saved_id)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    return pane.display


def _action(menu, name: str):
    return next(a for a in menu.actions() if a.objectName() == name)


def test_memo_on_a_cell_and_on_the_display_from_the_context_menu(win, qtbot, monkeypatch):
    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    pane = w.show_pane("displays")
    shown = _open_saved(qtbot, pane, saved.id)
    r, c = 1, 0
    assert pane.model.index(r, c).data(MEMO_ROLE) == 0
    monkeypatch.setattr(dialogs, "get_multiline_text", lambda *a, **k: "Cek dengan observasi.")
    menu = pane.memo_menu((r, c))
    _action(menu, "memo_cell").trigger()
    keys = (shown.rows[r].key, shown.columns[c].key)
    memos = p.memos.on_display(saved.id)
    assert [m.text for m in memos[keys]] == ["Cek dengan observasi."]
    index = pane.model.index(r, c)
    assert index.data(MEMO_ROLE) == 1
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Cek dengan observasi." in index.data(Qt.ItemDataRole.ToolTipRole)
    monkeypatch.setattr(dialogs, "get_multiline_text", lambda *a, **k: "Pola umum display.")
    _action(pane.memo_menu(None), "memo_display").trigger()
    assert [m.text for m in p.memos.on_display(saved.id)[None]] == ["Pola umum display."]
    assert "memos: 2" in pane.title.text()
    # the Memos pane lists both with what they are on, and opens the display at the cell
    _action(pane.memo_menu((r, c)), "memo_show").trigger()
    memos_pane = w.panes["memos"]
    memos_pane.reload()
    on = [
        memos_pane.list.topLevelItem(i).text(3) for i in range(memos_pane.list.topLevelItemCount())
    ]
    assert on == [f"Display cell: Kerangka — {shown.rows[r].label} × {shown.columns[c].label}"]
    memos_pane.show_target(None)
    assert memos_pane.list.topLevelItemCount() >= 2
    w.undo()  # the display memo
    w.undo()  # the cell memo
    qtbot.waitUntil(lambda: pane.model.index(r, c).data(MEMO_ROLE) == 0, timeout=5000)
    assert p.memos.on_display(saved.id) == {}


def test_deleting_the_display_keeps_its_memos_unlinked(win, qtbot, monkeypatch):
    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    pane = w.show_pane("displays")
    _open_saved(qtbot, pane, saved.id)
    monkeypatch.setattr(dialogs, "get_multiline_text", lambda *a, **k: "Jangan hilang.")
    _action(pane.memo_menu((0, 0)), "memo_cell").trigger()
    memo = next(m for m in p.memos.all() if m.text == "Jangan hilang.")
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    pane.saved.setCurrentIndex(pane.saved.findData(saved.id))
    pane.delete_chosen()
    assert p.memos.targets([memo])[memo.id].kind == "unlinked"
    memos_pane = w.show_pane("memos")
    memos_pane.show_target("unlinked")
    memos_pane.reload()
    assert memos_pane.list.topLevelItemCount() == 1
    assert (
        memos_pane.list.topLevelItem(0).text(3).startswith("Unlinked (display deleted): Kerangka")
    )
    w.undo()
    assert p.memos.targets([memo])[memo.id].kind == "cell"


def test_export_toggles_print_memos_beside_excerpts(win, qtbot, tmp_path, monkeypatch):
    import docx

    w = win
    p = w.project
    coding = next(iter(p.codings.list()))
    p.memos.create("Memo pada pengodean ini.", target="coding", target_id=coding.id)
    p.memos.create("Definisi kode.", target="code", target_id=coding.code_id)
    w.commands.trigger("export.memos_beside")
    assert w.panes["exports"].memos
    assert "on" in w.commands.actions["export.memos_beside"].text()
    out = tmp_path / "lampiran.docx"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(out))
    w.panes["exports"].export_appendix()
    task = w.panes["exports"].last_task
    qtbot.waitUntil(lambda: task.finished, timeout=30000)
    text = "\n".join(x.text for x in docx.Document(str(out)).paragraphs)
    assert "Memo: Memo pada pengodean ini." in text
    assert "Definisi kode." not in text  # code memos only when asked
    w.commands.trigger("export.code_memos")
    w.panes["exports"].export_appendix()
    task = w.panes["exports"].last_task
    qtbot.waitUntil(lambda: task.finished, timeout=30000)
    text = "\n".join(x.text for x in docx.Document(str(out)).paragraphs)
    assert "Code memos: Definisi kode." in text


def test_a_memo_on_a_cell_the_display_lost_is_counted_in_the_title(win, qtbot):
    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    shown = p.displays.run(saved.id)
    row = shown.rows[-1]
    p.memos.create("Baris ini akan hilang.", target="cell", target_id=saved.id,
                   cell=(row.key, shown.columns[0].key))  # fmt: skip
    pane = w.show_pane("displays")
    _open_saved(qtbot, pane, saved.id)
    assert pane.model.index(len(shown.rows) - 1, 0).data(MEMO_ROLE) == 1
    w.dispatcher.run(p.cases.delete, int(row.key))
    qtbot.waitUntil(lambda: "no longer here: 1" in pane.title.text(), timeout=10000)


def test_memos_pane_marks_a_memo_whose_cell_vanished(win, qtbot):
    """The Memos pane marks (with a tooltip) a memo on a cell the display lost, by the same
    rule as the Displays pane's title; undo brings the row back and clears the mark."""
    from qualcode.ui.features.memos import GONE_MARK, GONE_ROLE

    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    shown = p.displays.run(saved.id)
    row, other = shown.rows[-1], shown.rows[0]
    lost = p.memos.create("Baris ini akan hilang.", target="cell", target_id=saved.id,
                          cell=(row.key, shown.columns[0].key)).result  # fmt: skip
    kept = p.memos.create("Baris ini tetap.", target="cell", target_id=saved.id,
                          cell=(other.key, shown.columns[0].key)).result  # fmt: skip
    pane = w.show_pane("memos")
    pane.reload()

    def item(memo_id):
        items = [pane.list.topLevelItem(i) for i in range(pane.list.topLevelItemCount())]
        return next(i for i in items if i.data(0, Qt.ItemDataRole.UserRole) == memo_id)

    qtbot.waitUntil(lambda: pane._gone is not None, timeout=10000)
    assert not item(lost.id).data(0, GONE_ROLE)
    w.dispatcher.run(p.cases.delete, int(row.key))
    qtbot.waitUntil(lambda: bool(item(lost.id).data(0, GONE_ROLE)), timeout=10000)
    gone = item(lost.id)
    assert gone.text(3).startswith(GONE_MARK)
    assert "no longer in the display" in gone.toolTip(3)
    assert not item(kept.id).data(0, GONE_ROLE)
    assert not item(kept.id).text(3).startswith(GONE_MARK)
    # the search box keeps the mark without checking again
    pane.search.setText("hilang")
    assert item(lost.id).data(0, GONE_ROLE)
    pane.search.setText("")
    w.commands.trigger("edit.undo")
    qtbot.waitUntil(lambda: pane._gone == set(), timeout=10000)
    assert not item(lost.id).data(0, GONE_ROLE)
    assert not item(lost.id).text(3).startswith(GONE_MARK)


def test_put_an_existing_memo_on_a_cell_and_take_it_off(win, qtbot, monkeypatch):
    """A memo on the project is put on a cell from the cell's menu, taken off from the Memos
    pane, and each step undoes."""
    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    pane = w.show_pane("displays")
    shown = _open_saved(qtbot, pane, saved.id)
    memo = w.dispatcher.run(p.memos.create, "Pola yang berulang.", title="Pola").result
    offered = {}

    def pick(_parent, _title, _label, items, **_kw):
        offered["items"] = items
        return next(value for text, value in items if text.startswith("Pola"))

    monkeypatch.setattr(dialogs, "choose_item", pick)
    r, c = 1, 0
    _action(pane.memo_menu((r, c)), "memo_link_cell").trigger()
    keys = (shown.rows[r].key, shown.columns[c].key)
    assert [m.id for m in p.memos.on_display(saved.id)[keys]] == [memo.id]
    assert p.undo_label() == "Link memo to display"
    qtbot.waitUntil(lambda: pane.model.index(r, c).data(MEMO_ROLE) == 1, timeout=5000)
    # the memo now on this cell is not offered for it again; with none left, the pane says so
    monkeypatch.setattr(dialogs, "inform", lambda *a: offered.update(told=a[2]))
    offered.pop("items")
    _action(pane.memo_menu((r, c)), "memo_link_cell").trigger()
    assert "items" not in offered and "No memo can be put here" in offered["told"]
    other = w.dispatcher.run(p.memos.create, "Lain.").result
    monkeypatch.setattr(dialogs, "choose_item", lambda *a, **k: offered.update(items=a[3]))
    _action(pane.memo_menu((r, c)), "memo_link_cell").trigger()
    assert [value for _t, value in offered["items"]] == [other.id]
    w.undo()  # the other memo
    memos_pane = w.show_pane("memos")
    memos_pane.show_target(None)
    memos_pane.reload()
    item = next(
        memos_pane.list.topLevelItem(i)
        for i in range(memos_pane.list.topLevelItemCount())
        if memos_pane.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == memo.id
    )
    memos_pane.list.setCurrentItem(item)
    assert memos_pane.unlink_button.isEnabled()
    memos_pane.unlink_button.click()
    assert p.memos.on_display(saved.id) == {}
    assert p.memos.targets([memo])[memo.id].kind == "project"
    qtbot.waitUntil(lambda: pane.model.index(r, c).data(MEMO_ROLE) == 0, timeout=5000)
    w.undo()
    assert [m.id for m in p.memos.on_display(saved.id)[keys]] == [memo.id]
    w.undo()
    assert p.memos.on_display(saved.id) == {}


def test_a_coder_in_team_mode_is_offered_only_their_own_memos(win, qtbot, monkeypatch):
    """On a team server a coder may link only their own memos: the chooser lists just those
    (the server refuses the rest anyway); an owner is offered everyone's."""
    from qualcode.ui.features import displays_memos

    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    pane = w.show_pane("displays")
    _open_saved(qtbot, pane, saved.id)
    mine = w.dispatcher.run(p.memos.create, "Memo ana.").result
    p.switch_coder("budi")
    theirs = w.dispatcher.run(p.memos.create, "Memo budi.").result
    p.switch_coder("ana")
    offered = {}
    monkeypatch.setattr(dialogs, "choose_item", lambda *a, **k: offered.update(items=a[3]))
    for role, expected in (("coder", [mine.id]), ("owner", [theirs.id, mine.id])):
        monkeypatch.setattr(displays_memos, "role_of", lambda _p, role=role: role)
        _action(pane.memo_menu(None), "memo_link_display").trigger()
        assert [value for _t, value in offered["items"]] == expected
