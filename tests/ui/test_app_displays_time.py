"""The Displays pane's time-ordered options: the time field, bucket labels, fallback notes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.displays import customised_spec
from qualcode.analysis.engine import build_display


@pytest.fixture
def win(sample_window):
    """A main window on a fresh copy of the sample study."""
    return sample_window(coder="ana", size=(1400, 900))


def _build(qtbot, pane, kind: str):
    pane.form.set_type(kind)
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    return pane.display


def test_time_field_from_the_form_matches_the_core_and_marks_fallback_rows(win, qtbot):
    w = win
    w.commands.trigger("displays.new")
    pane = w.panes["displays"]
    form = pane.form
    form.set_type("time_ordered")
    assert form.layout_.isRowVisible(form.time_field)
    form.bucket.setCurrentIndex(form.bucket.findData("month"))
    form.time_field.setCurrentIndex(form.time_field.findData("period"))
    shown = _build(qtbot, pane, "time_ordered")
    core = build_display(
        w.project,
        customised_spec(w.project, "time_ordered", {"bucket": "month", "field": "period"}),
    )
    assert shown.spec == core.spec
    assert shown.counts == core.counts
    model = pane.model
    keys = [h.key for h in core.rows]
    # the quarter is its own row, labelled as a quarter, never mixed with the months
    q1 = keys.index("2024-Q1")
    assert model.headerData(q1, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) == "2024 Q1"
    # most of the sample's codings have no period: their rows say what placed them
    march = keys.index("2024-03")
    label = model.headerData(march, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
    assert label == "2024-03 *"
    tip = model.headerData(march, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "ordered by source date (interview date): no period, event date" in tip
    assert "ordered by period" in pane.title.text()
    # ordering by the source's date: no fallbacks, no marks
    form.time_field.setCurrentIndex(form.time_field.findData("source_date"))
    by_source = _build(qtbot, pane, "time_ordered")
    assert by_source.spec.rows.get("field") == "source_date"
    assert not any(
        model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole).endswith(" *")
        for r in range(model.rowCount())
    )
