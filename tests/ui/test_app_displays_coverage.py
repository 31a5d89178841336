"""The Displays pane: coverage percentages and the empty interviewer columns option."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

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


def test_coverage_cells_show_the_percent_and_empty_interviewers_are_optional(win, qtbot):
    w = win
    w.commands.trigger("displays.new")
    pane = w.panes["displays"]
    shown = _build(qtbot, pane, "coverage")
    core = build_display(w.project, customised_spec(w.project, "coverage", {}))
    assert shown.counts == core.counts and shown.shares == core.shares
    (r, c), share = next((k, v) for k, v in sorted(core.shares.items()) if v)
    text = pane.model.index(r, c).data()
    assert text == f"{core.counts[r][c]} · {QLocale().toString(share, 'f', 1)}%"
    assert "percent of the column's text" in pane.title.text()
    # cases as columns: the interviewer and moderator hold nothing and are left out
    form = pane.form
    form.set_type("matrix")
    form.columns.setCurrentIndex(form.columns.findData("cases"))
    matrix = _build(qtbot, pane, "matrix")
    labels = [h.label for h in matrix.columns]
    assert "Interviewer" not in labels and "Moderator" not in labels
    assert "Interviewer" in pane.title.text()
    assert form.layout_.isRowVisible(form.show_empty)
    form.show_empty.setChecked(True)
    everyone = _build(qtbot, pane, "matrix")
    assert everyone.spec.option("show_empty") is True
    assert {"Interviewer", "Moderator"} <= {h.label for h in everyone.columns}
    assert pane.form.load_spec(everyone.spec)
