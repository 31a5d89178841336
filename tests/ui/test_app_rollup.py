"""The codebook tree rolls counts up: a parent shows its own and its sub-codes' codings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _row(window, code_id):
    """Texts of the count cells (codings, sources, cases) of a code's row, once redrawn."""
    QApplication.processEvents()  # the counts follow the document's repaint
    assert not window.code_tree.counts_pending()
    index = window.code_tree.model_.index_of(code_id)
    return [index.siblingAtColumn(col).data() for col in (1, 2, 3)]


def _same_as_core(window) -> None:
    """What the tree shows equals a fresh full roll-up of the project."""
    QApplication.processEvents()
    full = window.project.codes.rollup()
    for code_id, c in full.items():
        shown = window.code_tree.model_.counts_of(code_id)
        assert shown == [
            (c.codings, c.all_codings),
            (c.sources, c.all_sources),
            (c.cases, c.all_cases),
        ], window.project.codes.path_text(code_id)


def test_parent_shows_own_and_subtree_counts_and_follows_coding_and_undo(main_window, select_text):
    w = main_window
    p = w.project
    resources = p.codes.find("Resources").id
    budget = p.codes.find("Budget").id
    assert w.dispatcher.run(p.codes.move, budget, resources) is not None
    assert _row(w, resources) == ["0 (0)", "0 (0)", "0 (0)"]
    assert _row(w, budget) == [0, 0, 0]  # a leaf shows its plain count

    select_text(w, "anggaran untuk pelatihan operator")  # inside the turn linked to case I1
    assert w.apply_code(budget) is not None
    assert _row(w, budget) == [1, 1, 1]
    assert _row(w, resources) == ["0 (1)", "0 (1)", "0 (1)"]
    _same_as_core(w)

    select_text(w, "Data kependudukan")  # outside any case link: no case
    assert w.apply_code(resources) is not None
    assert _row(w, resources) == ["1 (2)", "1 (1)", "0 (1)"]  # one source, counted once
    _same_as_core(w)

    cell = w.code_tree.model_.index_of(resources).siblingAtColumn(1)
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Codings: 1 on this code, 2 with its sub-codes"
    header_tip = w.code_tree.model_.horizontalHeaderItem(1).toolTip()
    assert "sub-codes" in header_tip

    w.commands.actions["edit.undo"].trigger()
    assert _row(w, resources) == ["0 (1)", "0 (1)", "0 (1)"]
    _same_as_core(w)
    w.commands.actions["edit.redo"].trigger()
    assert _row(w, resources) == ["1 (2)", "1 (1)", "0 (1)"]
    _same_as_core(w)


def test_counts_roll_up_over_two_levels_and_after_moving_a_code_out(main_window, select_text):
    w = main_window
    p = w.project
    comm = p.codes.find("Communication").id
    resources = p.codes.find("Resources").id
    budget = p.codes.find("Budget").id
    w.dispatcher.run(p.codes.move, resources, comm)
    w.dispatcher.run(p.codes.move, budget, resources)
    select_text(w, "anggaran untuk pelatihan operator")
    w.apply_code(budget)
    # Communication has one coding of its own in the same source and turn as Budget's
    assert _row(w, comm) == ["1 (2)", "1 (1)", "1 (1)"]
    assert _row(w, resources) == ["0 (1)", "0 (1)", "0 (1)"]
    assert w.code_tree.isExpanded(w.code_tree.model_.index_of(comm))

    w.code_tree.collapse(w.code_tree.model_.index_of(comm))  # collapsing keeps the figures
    assert _row(w, comm) == ["1 (2)", "1 (1)", "1 (1)"]

    w.dispatcher.run(p.codes.move, budget, None)
    assert _row(w, comm) == ["1 (1)", "1 (1)", "1 (1)"]
    assert _row(w, resources) == [0, 0, 0]  # no sub-codes left: a plain count again
    assert _row(w, budget) == [1, 1, 1]
    _same_as_core(w)


def test_linking_a_case_updates_the_cases_column(main_window):
    w = main_window
    p = w.project
    comm = p.codes.find("Communication").id
    assert _row(w, comm) == [1, 1, 1]
    other = w.dispatcher.run(p.cases.create, "Dinas Kominfo").result.id
    w.dispatcher.run(p.cases.link, other, w.workspace.source_id)  # the whole source
    assert _row(w, comm) == [1, 1, 2]
    _same_as_core(w)


def test_counts_waiting_for_the_event_loop_are_dropped_with_the_project(main_window, select_text):
    w = main_window
    budget = w.project.codes.find("Budget").id
    select_text(w, "anggaran untuk pelatihan operator")
    w.apply_code(budget)
    assert w.code_tree.counts_pending()  # the repaint goes first
    w.close_project()
    QApplication.processEvents()
    assert not w.code_tree.counts_pending()
    assert w.code_tree.model_.rowCount() == 0


def test_several_quick_changes_read_the_counts_once(main_window, select_text, monkeypatch):
    w = main_window
    p = w.project
    reads = []
    rollup = p.codes.rollup
    monkeypatch.setattr(p.codes, "rollup", lambda ids=None: reads.append(ids) or rollup(ids))
    budget, resources = p.codes.find("Budget").id, p.codes.find("Resources").id
    select_text(w, "anggaran untuk pelatihan operator")
    w.apply_code(budget)
    select_text(w, "Data kependudukan")
    w.apply_code(resources)
    assert _row(w, budget) == [1, 1, 1] and _row(w, resources) == [1, 1, 0]
    assert reads == [{budget, resources}]  # one read, of the two codes' lines only


def test_renaming_a_code_keeps_the_counts_without_reading_them_again(
    main_window, select_text, monkeypatch
):
    w = main_window
    p = w.project
    resources, budget = p.codes.find("Resources").id, p.codes.find("Budget").id
    w.dispatcher.run(p.codes.move, budget, resources)
    select_text(w, "anggaran untuk pelatihan operator")
    w.apply_code(budget)  # its count refresh is still waiting when the rename comes
    reads = []
    rollup = p.codes.rollup
    monkeypatch.setattr(p.codes, "rollup", lambda ids=None: reads.append(ids) or rollup(ids))
    w.rename_code(resources, "Sumber daya")
    assert reads == [{budget, resources}]  # the waiting refresh, and no full read
    assert w.code_tree.model_.index_of(resources).data() == "Sumber daya"
    assert _row(w, resources) == ["0 (1)", "0 (1)", "0 (1)"]
    w.dispatcher.run(p.codes.move, budget, None)  # the tree's shape changed: read again
    assert reads[-1] is None
    assert _row(w, resources) == [0, 0, 0]
    _same_as_core(w)
