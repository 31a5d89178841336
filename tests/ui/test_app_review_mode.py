"""A supervisor opens the student's sample study for review: she selects text on the student's
highlights without resizing them, comments and check-codes as herself, and cannot change the
student's codings or codebook. In normal mode, resizing another coder's coding asks first."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from qualcode.ui.shell import dialogs


@pytest.fixture
def review_window(qtbot, sample_study_file, tmp_path, monkeypatch):
    from qualcode.settings import Settings
    from qualcode.ui.shell.main_window import MainWindow

    from .conftest import forbid_dialogs

    forbid_dialogs(monkeypatch)
    copy = tmp_path / "student.qdaproj"
    shutil.copy(sample_study_file, copy)
    window = MainWindow(Settings(coder="pembimbing"))
    qtbot.addWidget(window)
    assert window.open_path(str(copy), review=True)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.dispatcher.wait_all()
    window.close()


def _students_coding(w):
    p = w.project
    source = next(s for s in p.sources.all() if s.name.startswith("W1"))
    coding = next(c for c in p.codings.in_source(source.id) if c.end - c.start > 20)
    w.open_source(source.id)
    return source, coding


def test_review_mode_selects_text_comments_and_cannot_resize(review_window, qtbot, monkeypatch):
    w = review_window
    p = w.project
    assert p.review_mode and "(review)" in w.windowTitle()
    source, coding = _students_coding(w)
    before = [(c.id, c.start, c.end, c.code_id) for c in p.codings.list()]
    editor = w.workspace.view.editor
    w.workspace.view.scroll_to(coding.start)
    qtbot.wait(10)
    viewport = editor.viewport()

    # A drag from the first letter of the student's highlight selects text.
    grab = editor.point_of(coding.start).toPoint()
    drop = editor.point_of(coding.start + 10).toPoint()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=grab)
    qtbot.mouseMove(viewport, pos=drop)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=drop)
    assert w.workspace.selection() == (coding.start, coding.start + 10)
    assert [(c.id, c.start, c.end, c.code_id) for c in p.codings.list()] == before

    # Her highlight is active but shows no grips: the student's coding cannot be resized.
    index = next(i for i, s in enumerate(editor.spans) if s.coding_id == coding.id)
    editor.set_active_index(index)
    assert editor.handle_index() is None
    assert editor.edge_at(editor.point_of(coding.end).toPoint()) is None
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, title, text: told.append(title))
    w.workspace.view.coding_resize_requested.emit(coding.id, coding.start, coding.end + 5)
    assert told == ["Open for review"]
    assert p.codings.get(coding.id).end == coding.end
    assert not w.commands.actions["codebook.new"].isEnabled()
    assert not w.commands.actions["codebook.rename"].isEnabled()

    # Comment actions work, as the reviewer.
    w.workspace.view.select_range(coding.start + 1, coding.start + 1)
    monkeypatch.setattr(
        dialogs, "choose_item", lambda _p, _t, _l, items: next(v for _n, v in items)
    )
    monkeypatch.setattr(dialogs, "get_multiline_text", lambda *_a: "Rentang ini\nterlalu panjang.")
    assert w.commands.actions["review.comment.coding"].isEnabled()
    w.commands.trigger("review.comment.coding")
    [thread] = p.review.list(target="coding")
    assert thread.author == "pembimbing" and thread.text == "Rentang ini\nterlalu panjang."
    pane = w.panes["review"]
    pane.reply_button.click()
    pane.status_button.click()
    assert p.review.get(thread.id).status == "resolved"
    assert w.status_review.isHidden() or "open comment" in w.status_review.text()

    # A check coding of her own: allowed, and her own grips appear.
    code = p.codes.all()[0]
    w.workspace.view.select_range(coding.start, coding.start + 8)
    w.apply_code(code.id)
    mine = [c for c in p.codings.in_source(source.id) if c.start == coding.start and
            c.end == coding.start + 8]  # fmt: skip
    assert len(mine) == 1
    mine_index = next(i for i, s in enumerate(editor.spans) if s.coding_id == mine[0].id)
    editor.set_active_index(mine_index)
    assert editor.handle_index() == mine_index
    others = [(c.id, c.start, c.end, c.code_id) for c in p.codings.list() if c.id != mine[0].id]
    assert others == before


def test_normal_mode_asks_before_resizing_another_coders_coding(sample_window, monkeypatch):
    w = sample_window(coder="pembimbing")
    _source, coding = _students_coding(w)
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda _p, title, _t: asked.append(title) or False)
    w.workspace.view.coding_resize_requested.emit(coding.id, coding.start, coding.end + 5)
    assert asked == ["Another coder's coding"]
    assert w.project.codings.get(coding.id).end == coding.end
    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    w.workspace.view.coding_resize_requested.emit(coding.id, coding.start, coding.end + 5)
    assert w.project.codings.get(coding.id).end == coding.end + 5


def test_a_second_opener_is_offered_review(sample_window, monkeypatch, qtbot):
    from qualcode.settings import Settings
    from qualcode.ui.shell.main_window import MainWindow

    student = sample_window(coder="peneliti")
    offered = []

    def choose(_p, _title, _text, options):
        offered.append(options)
        return 0

    monkeypatch.setattr(dialogs, "choose", choose)
    second = MainWindow(Settings(coder="pembimbing"))
    qtbot.addWidget(second)
    assert second.open_path(student.project.location)
    assert offered == [["Open for review", "Open read-only"]]
    assert second.project.review_mode
    second.close()


def test_comments_on_selected_text_and_on_an_unsaved_display_cell(sample_window, monkeypatch):
    from qualcode.analysis.displays import build_ready

    w = sample_window(coder="pembimbing")
    p = w.project
    source, coding = _students_coding(w)
    monkeypatch.setattr(dialogs, "get_multiline_text", lambda *_a: "Kutipan ini kuat.")
    w.workspace.view.select_range(coding.start, coding.start + 12)
    w.commands.trigger("review.comment.excerpt")
    [excerpt] = p.review.list(target="excerpt")
    quote = p.sources.text(source.id)[coding.start : coding.start + 12]
    assert p.review.where(excerpt).quote == quote
    pane = w.panes["review"]
    assert pane.count_label.text() == "1 open · 0 resolved"
    assert "Kutipan ini kuat." in pane.thread.toPlainText() and quote in pane.thread.toPlainText()

    displays = w.show_pane("displays")
    display = build_ready(p, "factors")
    displays.show_display(display, None)
    displays.current = (0, 0)
    monkeypatch.setattr(dialogs, "get_multiline_text", lambda *_a: "Sel ini perlu bukti lain.")
    w.commands.trigger("review.comment.cell")
    [cell] = p.review.list(target="cell")
    assert cell.target_id == 0 and cell.context["spec"]["type"] == "factors"
    where = p.review.where(cell)
    assert (where.row, where.column) == (display.rows[0].label, display.columns[0].label)
    assert w.status_review.text() == "💬 Open comments: 2"


def test_file_merge_review_and_export_review_report(sample_window, monkeypatch, tmp_path):
    import docx

    w = sample_window(coder="peneliti")
    p = w.project
    copy = tmp_path / "kembali.qdaproj"
    shutil.copy(p.path, copy)
    with p.__class__.open(copy, coder="pembimbing", review=True) as r:
        coding = r.codings.list()[0]
        r.review.add("coding", coding.id, "Periksa lagi.")
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(copy))
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, _t, text: told.append(text))
    w.commands.trigger("review.merge")
    assert told and told[0].startswith("Merged 1 comments")
    assert w.status_review.text() == "💬 Open comments: 1"
    assert w.undo_label() == "Merge review"
    out = tmp_path / "laporan.docx"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(out))
    monkeypatch.setattr(dialogs, "ask", lambda *_a: False)
    w.commands.trigger("review.export")
    w.dispatcher.wait_all()
    text = "\n".join(par.text for par in docx.Document(str(out)).paragraphs)
    assert "Periksa lagi." in text
