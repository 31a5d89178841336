"""Condensing a cell in the Displays pane: evidence ticks, accepting a draft, and a
checklist rating overridden with a reason — each one core operation, undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.displays import ready_spec


@pytest.fixture
def win(sample_window):
    """A main window on a fresh copy of the sample study."""
    return sample_window(coder="ana", size=(1400, 900))


def _open_saved(qtbot, pane, saved_id: int):
    before = pane.display
    pane.open_saved(saved_id)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    return pane.display


def test_evidence_ticks_and_accepting_a_draft(win, qtbot):
    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    pane = w.show_pane("displays")
    shown = _open_saved(qtbot, pane, saved.id)
    r, c = next((r, c) for r in range(len(shown.rows)) for c in range(len(shown.columns))
                if shown.counts[r][c] >= 2)  # fmt: skip
    pane.table.setCurrentIndex(pane.model.index(r, c))
    cell = pane.cell
    qtbot.mouseClick(cell.autofill, Qt.MouseButton.LeftButton)
    keys = (shown.rows[r].key, shown.columns[c].key)
    draft = p.cells.summary(saved.id, *keys)
    assert draft.draft and cell.accept.isVisible()
    ticked = [e.coding_id for row, e in enumerate(cell.excerpts)
              if cell.table.item(row, 0).checkState() == Qt.CheckState.Checked]  # fmt: skip
    assert ticked and set(ticked) == set(draft.coding_ids)
    # untick one piece of evidence, tick another: the summary's evidence follows
    row_off = next(i for i, e in enumerate(cell.excerpts) if e.coding_id in draft.coding_ids)
    cell.table.item(row_off, 0).setCheckState(Qt.CheckState.Unchecked)
    gone = cell.excerpts[row_off].coding_id
    assert gone not in p.cells.summary(saved.id, *keys).coding_ids
    qtbot.mouseClick(cell.accept, Qt.MouseButton.LeftButton)
    assert not p.cells.summary(saved.id, *keys).draft
    assert not cell.accept.isVisible()
    w.undo()  # the acceptance
    assert p.cells.summary(saved.id, *keys).draft
    w.undo()  # the untick
    qtbot.waitUntil(lambda: gone in p.cells.summary(saved.id, *keys).coding_ids, timeout=5000)


def test_override_a_checklist_rating(win, qtbot, monkeypatch):
    from qualcode.ui.shell import dialogs

    w = win
    p = w.project
    spec = ready_spec(p, "checklist", variable=p.codes.find("Sumber daya").id)
    saved = w.dispatcher.run(p.displays.save, "Ceklis", spec).result
    pane = w.show_pane("displays")
    shown = _open_saved(qtbot, pane, saved.id)
    r = next(i for i, h in enumerate(shown.rows) if h.label.startswith("Staf"))
    c = next(i for i, h in enumerate(shown.columns) if h.label == "I7")
    pane.table.setCurrentIndex(pane.model.index(r, c))
    cell = pane.cell
    assert cell.rating_box.isVisible() and "inadequate" in cell.rating.text()
    assert not cell.unrate.isEnabled()
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 1)  # "partly"
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: "Dikonfirmasi I1")
    qtbot.mouseClick(cell.rate, Qt.MouseButton.LeftButton)
    assert pane.display.ratings[(r, c)] == "partly"
    assert "Dikonfirmasi I1" in cell.rating.text() and cell.unrate.isEnabled()
    assert pane.model.index(r, c).data().endswith("*")
    w.undo()
    qtbot.waitUntil(lambda: pane.display.ratings[(r, c)] == "inadequate", timeout=5000)
    w.redo()
    qtbot.waitUntil(lambda: pane.display.ratings[(r, c)] == "partly", timeout=5000)
    qtbot.mouseClick(cell.unrate, Qt.MouseButton.LeftButton)
    assert pane.display.ratings[(r, c)] == "inadequate"


def test_a_saved_mhs_display_opens_and_condenses(win, qtbot):
    """The displays of qualcode.analysis.displays_mhs open in the pane like any saved one;
    their researcher-written column takes a summary."""
    w = win
    p = w.project
    spec = ready_spec(p, "explanatory_effects")
    saved = w.dispatcher.run(p.displays.save, "Efek", spec).result
    pane = w.show_pane("displays")
    shown = _open_saved(qtbot, pane, saved.id)
    assert shown.columns[-1].label == "Penjelasan"
    pane.table.setCurrentIndex(pane.model.index(0, len(shown.columns) - 1))
    cell = pane.cell
    assert cell.summary_box.isVisible()
    cell.summary.setPlainText("Sosialisasi memicu partisipasi warga.")
    qtbot.mouseClick(cell.save, Qt.MouseButton.LeftButton)
    keys = (shown.rows[0].key, shown.columns[-1].key)
    assert p.cells.summary(saved.id, *keys).text == "Sosialisasi memicu partisipasi warga."


@pytest.mark.parametrize(
    "kind",
    ["event_listing", "explanatory_effects", "contrast_table", "predictor_outcome",
     "case_dynamics", "contact_summary"],
)  # fmt: skip
def test_the_form_builds_the_further_mhs_displays(win, qtbot, kind):
    pane = win.show_pane("displays")
    pane.form.set_type(kind)
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=15000)
    assert pane.display.spec.type == kind
    assert pane.model.rowCount() > 0 and pane.model.columnCount() > 0
    assert pane.form.load_spec(pane.display.spec)  # the form shows what it built
