"""The search pane: KWIC hits equal the core's, jump to a hit, code all hits via the preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qualcode.search.autocode import preview_search
from qualcode.search.scope import Scope
from qualcode.search.search import search
from qualcode.ui.features.search import LIMIT
from qualcode.ui.features.search_models import HitModel, flat

BUDGET_TEXT = (
    "P: Bagaimana dengan anggaran tahun ini?\n"
    "I2: Anggaran kami kecil. Operator belum dilatih.\n"
    "Tahun depan anggaran naik sedikit, tetapi anggaran pemeliharaan tetap terbatas.\n"
)


def _wait(qtbot, task) -> None:
    qtbot.waitUntil(lambda: task.finished, timeout=30000)


def _search(qtbot, window, text: str, mode: str = "words"):
    """Type a query in the pane and press Enter, as the user does; wait for the hits."""
    window.commands.trigger("search.project")
    pane = window.panes["search"]
    pane.mode.setCurrentIndex(pane.mode.findData(mode))
    pane.query.clear()
    qtbot.keyClicks(pane.query, text)
    qtbot.keyClick(pane.query, Qt.Key.Key_Return)
    assert pane.task is not None
    _wait(qtbot, pane.task)
    return pane


@pytest.fixture
def study(main_window):
    """The app study plus a second interview that speaks of the budget."""
    main_window.project.sources.add_text("W2 Kabid Anggaran", BUDGET_TEXT, language="id")
    return main_window


def test_the_command_shows_the_pane_with_the_selected_words(study, select_text):
    w = study
    select_text(w, "rapat koordinasi")
    w.commands.trigger("search.project")
    pane = w.panes["search"]
    assert w.docks["search"].isVisible()
    assert pane.query.text() == "rapat koordinasi"
    assert w.commands.actions["search.project"].shortcut().toString() == "Ctrl+Shift+F"
    assert "Search the project" in w.commands.label("search.project")


def test_kwic_rows_are_the_core_hits(study, qtbot):
    w = study
    pane = _search(qtbot, w, "anggaran")
    hits = search(w.project, "anggaran", "words", context=70)
    assert len(hits) == 5
    model = pane.model
    assert model.rowCount() == len(hits)
    for row, hit in enumerate(hits):
        cells = [model.index(row, c).data() for c in range(5)]
        assert cells[HitModel.SOURCE] == hit.source
        assert cells[HitModel.LEFT] == flat(hit.left)
        assert cells[HitModel.MATCH] == hit.text
        assert cells[HitModel.RIGHT] == flat(hit.right)
        assert model.index(row, HitModel.MATCH).data(Qt.ItemDataRole.FontRole).bold()
    assert "5 hits in 2 sources" in pane.status.text()
    assert pane.code_button.isEnabled()


def test_an_altered_team_index_is_reported_after_the_search(study, qtbot, monkeypatch):
    """What opening the index found (a team server's altered rows) reaches the researcher."""
    import qualcode.search.index as index_module
    from qualcode.errors import SearchIndexAlteredLocalError
    from qualcode.ui.shell import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        index_module,
        "index_warnings",
        lambda _p: [SearchIndexAlteredLocalError(sources="'W1 Kadis'")],
    )
    monkeypatch.setattr(dialogs, "inform", lambda _parent, title, text: shown.append((title, text)))
    pane = _search(qtbot, study, "anggaran")
    assert pane.model.rowCount() == 5
    ((title, text),) = shown
    assert title == "Search index" and "'W1 Kadis'" in text and "--rebuild-index" in text


def test_double_click_opens_the_hit_in_its_source(study, qtbot):
    w = study
    pane = _search(qtbot, w, "anggaran")
    row = 3
    hit = pane.model.hit(row)
    assert hit.source == "W2 Kabid Anggaran"
    view = pane.table
    rect = view.visualRect(pane.model.index(row, HitModel.MATCH))
    opened = []
    view.activated.connect(lambda index: opened.append(index.row()))
    pos = rect.center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # after a press
    assert opened == [row]
    assert w.workspace.source_id == hit.source_id
    assert w.workspace.selection() == (hit.start, hit.end)
    assert w.workspace.selected_text() == hit.text


def test_scope_text_coded_with_a_code(study, qtbot):
    w = study
    pane = w.panes["search"]
    pane.scope_kind.setCurrentIndex(pane.scope_kind.findData("code"))
    assert pane.scope_value.isVisibleTo(pane)
    comm = w.project.codes.find("Communication").id
    pane.scope_value.setCurrentIndex(pane.scope_value.findData(comm))
    _search(qtbot, w, "sosialisasi")
    expected = search(w.project, "sosialisasi", "words", scope=Scope(codes=[comm]))
    assert [(h.source_id, h.start, h.end) for h in pane.model.hits] == [
        (h.source_id, h.start, h.end) for h in expected
    ]
    assert len(expected) == 1  # the question's "sosialisasi" is not coded


def test_a_bad_query_shows_the_core_error(study, qtbot):
    w = study
    _search(qtbot, w, "(", mode="regex")
    assert w.dispatcher.last_error
    box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "errorBox")
    box.close()
    assert w.panes["search"].model.rowCount() == 0


def test_code_all_hits_by_sentence_through_the_preview_is_one_undo_step(study, qtbot):
    w = study
    budget = w.project.codes.find("Budget").id
    assert all(c.code_id != budget for c in w.project.codings.list())
    pane = _search(qtbot, w, "anggaran")
    qtbot.mouseClick(pane.code_button, Qt.MouseButton.LeftButton)
    dialog = pane.autocode_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.filter, "Anggaran")  # the Indonesian label finds Budget
    assert dialog.code_id == budget
    dialog.unit.setCurrentIndex(dialog.unit.findData("sentence"))
    qtbot.waitUntil(lambda: not dialog.pending, timeout=30000)

    expected = preview_search(w.project, budget, "anggaran", "words", unit="sentence")
    model = dialog.model
    shown = [(c.source_id, c.start, c.end) for c in model.candidates]
    assert shown == [(c.source_id, c.start, c.end) for c in expected.candidates]
    assert len(shown) == 4  # "anggaran naik …, tetapi anggaran pemeliharaan …" is one sentence
    assert model.candidates[2].text == "I2: Anggaran kami kecil."
    assert "4 passages in 2 sources" in dialog.summary.text()

    dropped = model.index(1, 0)  # untick one passage, as the user does with Space
    dialog.table.setCurrentIndex(dropped)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dropped.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.apply_button.text().replace("&", "") == "Code 3 passages"
    kept = [s for i, s in enumerate(shown) if i != 1]

    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog.apply_task)
    coded = sorted(
        (c.source_id, c.start, c.end) for c in w.project.codings.list() if c.code_id == budget
    )
    assert coded == sorted(kept)
    assert "Coded 3 passages" in w.statusBar().currentMessage()
    assert w.undo_label() == "Auto-code search hits"

    w.commands.trigger("edit.undo")
    assert not [c for c in w.project.codings.list() if c.code_id == budget]


def test_code_all_hits_needs_a_search_and_a_writable_project(main_window):
    pane = main_window.panes["search"]
    assert not pane.code_button.isEnabled()
    assert pane.code_all_hits() is None
    pane.query.setText("")
    assert pane.run_search() is None
    assert "Type a word" in pane.status.text()
    assert LIMIT >= 1000
