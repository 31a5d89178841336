"""A conclusion linked to a display cell: linked from the Displays pane, shown among the
claim's sources in the Conclusions pane, and opened back at that cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.displays import ready_spec


@pytest.fixture
def win(sample_window):
    """A main window on a fresh copy of the sample study."""
    return sample_window(coder="ana", size=(1400, 900))


def test_link_a_cell_then_open_it_from_the_conclusion(win, qtbot, monkeypatch):
    from qualcode.ui.shell import dialogs

    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Kerangka", ready_spec(p, "framework")).result
    claim = w.dispatcher.run(p.conclusions.create, "Sumber daya TI menghambat.").result.id
    pane = w.show_pane("displays")
    before = pane.display
    pane.open_saved(saved.id)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    d = pane.display
    r = next(i for i, h in enumerate(d.rows) if h.label == "I7")
    c = next(i for i, h in enumerate(d.columns) if h.label == "Sumber daya")
    pane.table.setCurrentIndex(pane.model.index(r, c))
    assert pane.cell.link.isEnabled()
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 0)  # this cell
    monkeypatch.setattr(dialogs, "choose_item", lambda *a, **k: claim)
    qtbot.mouseClick(pane.cell.link, Qt.MouseButton.LeftButton)
    [link] = p.conclusions.get(claim).displays
    assert (link.display_id, link.row_key, link.col_key) == (saved.id, d.rows[r].key,
                                                              d.columns[c].key)  # fmt: skip

    # the Conclusions pane lists the cell among the claim's sources ...
    pane.table.setCurrentIndex(pane.model.index(0, 0))
    conclusions = w.show_pane("conclusions")
    conclusions.select(claim)
    assert conclusions.sources.isVisible() and conclusions.sources.count() == 1
    assert "Kerangka" in conclusions.sources.item(0).text()
    assert "I7 × Sumber daya" in conclusions.sources.item(0).text()
    # ... and opens the display at that cell
    before = pane.display
    conclusions.open_source(conclusions.sources.item(0))
    qtbot.waitUntil(lambda: pane.display is not before, timeout=10000)
    assert pane.current == (r, c)
    w.undo()  # the link
    conclusions = w.show_pane("conclusions")
    conclusions.select(claim)
    assert conclusions.sources.count() == 0
