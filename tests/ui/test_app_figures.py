"""The Figures pane draws a cluster analysis, the hierarchy and a comparison; copy and save."""

from __future__ import annotations

from qualcode.ui.shell import dialogs


def test_figures_pane_draws_each_kind(sample_window, qtbot, monkeypatch, tmp_path):
    w = sample_window(coder="ana", size=(1400, 900))
    w.commands.trigger("figures.show")
    pane = w.panes["figures"]
    for kind in ("cluster", "hierarchy", "compare"):
        pane.kind.setCurrentIndex(pane.kind.findData(kind))
        before = pane.png
        pane.draw()
        qtbot.waitUntil(lambda b=before: pane.png is not None and pane.png is not b, timeout=30000)
        assert not pane.image.pixmap().isNull()
    assert pane.case_a.currentText() != pane.case_b.currentText()
    out = tmp_path / "cmp.svg"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(out))
    pane.save()
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
