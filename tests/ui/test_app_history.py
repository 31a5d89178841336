"""Edit › History: the audit trail filtered by coder and date, with what each entry touched and
"Undo to here" for one's own steps; File › Compare with another version."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QDate

from qualcode.ui.shell import dialogs


def test_history_filters_shows_what_was_touched_and_undoes_to_here(sample_window):
    w = sample_window(coder="pembimbing")
    p = w.project
    source = p.sources.all()[0]
    code = p.codes.all()[0]
    first = w.dispatcher.run(p.codings.apply, source.id, 0, 9, code.id).result
    w.dispatcher.run(p.codings.apply, source.id, 10, 20, code.id)
    w.commands.trigger("history.show")
    pane = w.panes["history"]
    assert w.docks["history"].isVisible()
    pane.coder.setCurrentIndex(pane.coder.findData("pembimbing"))
    rows = [pane.list.topLevelItem(i) for i in range(pane.list.topLevelItemCount())]
    assert [r.text(1) for r in rows] == ["pembimbing", "pembimbing"]
    quote = p.sources.text(source.id)[0:9]
    assert quote in rows[1].text(3) and source.name in rows[1].text(3)
    pane.use_since.setChecked(True)
    pane.since.setDate(QDate.currentDate().addDays(1))
    assert pane.list.topLevelItemCount() == 0
    pane.use_since.setChecked(False)
    pane.list.setCurrentItem(pane.list.topLevelItem(1))
    assert pane.undo_button.isEnabled()
    pane.undo_button.click()
    assert first.id not in {c.id for c in p.codings.list()}
    pane.coder.setCurrentIndex(pane.coder.findData("peneliti"))
    if pane.list.topLevelItemCount():
        pane.list.setCurrentItem(pane.list.topLevelItem(0))
        assert not pane.undo_button.isEnabled()  # the student's steps are hers to undo


def test_compare_with_another_version_lists_a_new_coding(sample_window, monkeypatch, tmp_path):
    w = sample_window(coder="peneliti")
    p = w.project
    old = tmp_path / "minggu-lalu.qdaproj"
    shutil.copy(p.path, old)
    source, code = p.sources.all()[0], p.codes.all()[0]
    w.dispatcher.run(p.codings.apply, source.id, 0, 9, code.id)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(old))
    w.commands.trigger("history.compare")
    dialog = w.compare_dialog
    rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    assert [(r.text(0), r.text(1)) for r in rows] == [("Coding", "added")]
    assert rows[0].text(3) == p.sources.text(source.id)[0:9]
    dialog.close()
