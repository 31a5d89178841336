"""Linking several excerpts chosen in the Excerpts pane to a claim picked from the whole list
(``dialogs.choose_item``, no cap on the number of claims), then undo — on the sample study."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from qualcode.ui.shell import dialogs


@pytest.fixture
def window(sample_window):
    """The main window on a fresh copy of the sample study, as the researcher."""
    return sample_window(coder="peneliti")


def _select_excerpts(w, qtbot, code_path: str, rows: list[int]) -> list[int]:
    """Show a code's excerpts and select ``rows`` as a user would (click, Ctrl+click)."""
    w.show_excerpts(w.project.codes.find(code_path).id)
    table = w.retrieval.table
    assert table.rowCount() > max(rows)
    w.activateWindow()
    table.setFocus()
    for i, row in enumerate(rows):
        index = table.model().index(row, 0)
        table.scrollTo(index)
        modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center()
        )
    qtbot.waitUntil(lambda: w.panes["conclusions"].focus_watch.excerpts_last)
    return [w.retrieval.shown[row][0].id for row in rows]


def test_selected_coding_ids_follow_the_selection_in_shown_order(window, qtbot):
    w = window
    _select_excerpts(w, qtbot, "Sumber daya/Anggaran", [2, 0])  # clicked in this order
    assert w.retrieval.selected_coding_ids() == [w.retrieval.shown[r][0].id for r in (0, 2)]
    w.retrieval.table.clearSelection()
    assert w.retrieval.selected_coding_ids() == []
    # a whole-row selection made by the program counts the same way
    sel = w.retrieval.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.select(w.retrieval.table.model().index(1, 0), flags)
    assert w.retrieval.selected_coding_ids() == [w.retrieval.shown[1][0].id]


def test_two_excerpts_link_to_a_claim_chosen_among_all_claims_in_one_undo_step(
    window, qtbot, monkeypatch
):
    w = window
    p = w.project
    run = w.dispatcher.run
    ids = [run(p.conclusions.create, f"Klaim nomor {n:02d}").result.id for n in range(15)]
    oldest = ids[0]
    run(p.conclusions.edit, ids[3], text="Klaim nomor 03 (direvisi)")  # changed last
    pane = w.show_pane("conclusions")
    pane.select(ids[7])  # the claim shown in the pane is offered first
    chosen = _select_excerpts(w, qtbot, "Sumber daya/Anggaran", [0, 2])

    asked = []

    def choose_item(_parent, title, label, items, *, allow_new=None):
        asked.append((title, label, items, allow_new))
        return oldest  # the 15th most recently changed claim: beyond any button cap

    monkeypatch.setattr(dialogs, "choose_item", choose_item)
    w.commands.trigger("conclusion.link.supporting")
    [(title, label, items, allow_new)] = asked
    assert title == "Link evidence"
    assert label == "Which conclusion do these 2 excerpts support?"
    assert allow_new == "New conclusion…"
    assert len(items) == 15
    assert [v for _t, v in items][:3] == [ids[7], ids[3], ids[14]]
    assert items[1][0] == "Klaim nomor 03 (direvisi)"
    assert items[-1] == ("Klaim nomor 00", oldest)
    assert p.conclusions.get(oldest).supporting == sorted(chosen)
    assert pane.current_id() == oldest
    assert w.statusBar().currentMessage() == "Linked as supporting evidence."
    listed = pane.list.currentItem()
    assert listed.text(0) == "Klaim nomor 00" and listed.text(2) == "2"

    w.undo()  # both links go back together
    assert p.conclusions.get(oldest).evidence == ()
    assert len(p.conclusions.all()) == 15

    # Cancelling the choice links nothing
    monkeypatch.setattr(dialogs, "choose_item", lambda *_a, **_k: None)
    w.retrieval.table.setFocus()
    w.commands.trigger("conclusion.link.contradicting")
    assert all(c.evidence == () for c in p.conclusions.all())


def test_two_excerpts_become_the_contradicting_evidence_of_a_new_claim(window, qtbot, monkeypatch):
    w = window
    p = w.project
    chosen = _select_excerpts(w, qtbot, "Sumber daya/Anggaran", [1, 3])
    labels = []

    def choose_item(_parent, _title, label, items, *, allow_new=None):
        labels.append((label, items))
        return dialogs.NEW_ITEM

    monkeypatch.setattr(dialogs, "choose_item", choose_item)
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Anggaran pelatihan cukup")
    w.commands.trigger("conclusion.link.contradicting")
    assert labels == [("Which conclusion do these 2 excerpts contradict?", [])]
    [claim] = p.conclusions.all()
    assert claim.text == "Anggaran pelatihan cukup"
    assert claim.contradicting == sorted(chosen) and claim.supporting == []
    assert w.panes["conclusions"].current_id() == claim.id
    w.undo()
    assert p.conclusions.all() == []
