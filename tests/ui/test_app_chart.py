"""The Chart tab of the Displays pane follows the display as it is rebuilt; copy and save work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from qualcode.ui.shell import dialogs


def _build(qtbot, pane, kind: str):
    pane.form.set_type(kind)
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=15000)
    return pane.display


def test_chart_tab_follows_a_rebuild(sample_window, qtbot, monkeypatch, tmp_path):
    w = sample_window(coder="ana", size=(1400, 900))
    w.commands.trigger("displays.new")
    pane = w.panes["displays"]
    _build(qtbot, pane, "factors")
    pane.views.setCurrentWidget(pane.chart)
    qtbot.waitUntil(lambda: pane.chart.png is not None, timeout=20000)
    first = pane.chart.png
    assert not pane.chart.image.pixmap().isNull()
    assert pane.views.tabText(1) == "Chart"
    shown = _build(qtbot, pane, "matrix")
    qtbot.waitUntil(lambda: pane.chart.png is not first, timeout=20000)
    assert pane.chart.display is shown
    pane.chart.copy()
    assert not QGuiApplication.clipboard().image().isNull()
    out = tmp_path / "chart.svg"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(out))
    pane.chart.save()
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
