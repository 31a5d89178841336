"""The Review pane on the sample study: a supervisor comments on a code and a coding, replies,
resolves (the open filter hides it), undoes, goes to the commented passage, and sees a
comment made through the core on a conclusion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from qualcode.ui.features.review import local
from qualcode.ui.shell import dialogs


@pytest.fixture
def window(sample_window):
    """The main window on a fresh copy of the sample study, as the supervisor."""
    return sample_window(coder="pembimbing")


def _rows(pane) -> list[list[str]]:
    return [
        [pane.list.topLevelItem(i).text(c) for c in range(pane.list.columnCount())]
        for i in range(pane.list.topLevelItemCount())
    ]


def _answer(monkeypatch, text: str) -> list[tuple[str, str]]:
    asked: list[tuple[str, str]] = []

    def get_text(_parent, title, label, _text=""):
        asked.append((title, label))
        return text

    monkeypatch.setattr(dialogs, "get_multiline_text", get_text)
    return asked


def test_comment_on_a_code_reply_resolve_and_undo(window, monkeypatch):
    w = window
    code = w.project.codes.find("Sumber daya")
    w.code_tree.select_code(code.id)
    assert w.code_tree.current_code_id() == code.id
    asked = _answer(monkeypatch, "Definisi kode ini terlalu luas.\nPersempit.")
    w.commands.trigger("review.comment.code")
    assert asked == [("Review comment", "Comment on Sumber daya:")]

    pane = w.panes["review"]
    assert w.docks["review"].isVisible()
    [row] = _rows(pane)
    assert row[0] == "Code: Sumber daya"
    assert row[1] == "pembimbing"
    [made] = w.project.review.list()
    assert row[2] == QLocale().toString(
        local(made.created_at).date(), QLocale.FormatType.ShortFormat
    )
    assert row[3] == "Open"
    assert row[4] == "Definisi kode ini terlalu luas."
    assert row[5] == "0"
    assert "Persempit." in pane.thread.toPlainText()

    _answer(monkeypatch, "Sudah saya persempit, Bu.")
    pane.reply_button.click()
    [row] = _rows(pane)
    assert row[5] == "1"
    assert "Sudah saya persempit, Bu." in pane.thread.toPlainText()
    [thread] = w.project.review.list()
    assert [r.text for r in thread.replies] == ["Sudah saya persempit, Bu."]

    assert pane.status_button.text() == "Resolve"
    pane.status_button.click()
    assert _rows(pane) == []  # the filter shows open threads
    assert w.project.review.list(status="resolved")[0].resolved_by == "pembimbing"
    pane.filter.setCurrentIndex(pane.filter.findText("Resolved"))
    [row] = _rows(pane)
    assert row[3] == "Resolved"
    assert pane.status_button.text() == "Reopen"
    pane.filter.setCurrentIndex(pane.filter.findText("Open"))
    assert _rows(pane) == []

    w.undo()  # the resolve step
    [row] = _rows(pane)
    assert row[0] == "Code: Sumber daya" and row[3] == "Open"
    assert w.project.review.list(status="open")[0].id == thread.id


def test_comment_on_the_coding_at_the_cursor_and_go_to_it(window, monkeypatch):
    w = window
    p = w.project
    source = next(s for s in p.sources.all() if s.name.startswith("W1"))
    coding = next(c for c in p.codings.in_source(source.id) if c.start > 500)
    w.jump_to(source.id, coding.start, coding.start)  # caret inside the coding
    w.workspace.view.select_range(coding.start + 1, coding.start + 1)
    at_cursor = w.workspace.codings_at_cursor()
    assert coding.id in at_cursor
    chosen = []

    def choose_item(_parent, _title, _label, items):
        chosen.append(items)
        return coding.id

    monkeypatch.setattr(dialogs, "choose_item", choose_item)
    _answer(monkeypatch, "Kutipan ini lebih cocok di Disposisi.")
    w.commands.trigger("review.comment.coding")
    assert bool(chosen) == (len(at_cursor) > 1)
    [thread] = p.review.list(target="coding")
    assert thread.target_id == coding.id and thread.author == "pembimbing"

    pane = w.panes["review"]
    [row] = _rows(pane)
    text = p.sources.text(source.id)
    paragraph = text[: coding.start].count("\n") + 1  # as the paragraph margin numbers it
    code = p.codes.path_text(coding.code_id)
    assert row[0] == f"Coding: {code} · {source.name} ¶{paragraph}"
    quoted = text[coding.start : coding.end][:600]
    assert quoted.splitlines()[0] in pane.thread.toPlainText()

    w.jump_to(source.id, 0, 0)  # move away, then go back through the pane
    assert w.workspace.selection() is None
    pane.goto_button.click()
    assert w.workspace.source_id == source.id
    assert w.workspace.selection() == (coding.start, coding.end)


def test_a_core_comment_on_a_conclusion_appears_after_on_changes(window):
    w = window
    p = w.project
    pane = w.show_pane("review")
    assert _rows(pane) == []
    claim = p.conclusions.create("Keterbatasan anggaran menghambat implementasi").result
    changes = p.review.add("conclusion", claim.id, "Bukti kontradiktif belum dibahas.")
    pane.on_changes(changes)
    [row] = _rows(pane)
    assert row[0].startswith("Conclusion: Keterbatasan anggaran")
    assert row[1] == "pembimbing"
    assert row[4] == "Bukti kontradiktif belum dibahas."
    pane.goto_button.click()
    assert w.panes["conclusions"].current_id() == claim.id
    assert w.docks["conclusions"].isVisible()


def test_comment_on_the_chosen_conclusion_via_the_command(window, monkeypatch):
    w = window
    claim = w.dispatcher.run(w.project.conclusions.create, "Klaim uji").result
    w.show_pane("conclusions").select(claim.id)
    _answer(monkeypatch, "Perlu triangulasi.")
    w.commands.trigger("review.comment.conclusion")
    [thread] = w.project.review.list(target="conclusion")
    assert thread.target_id == claim.id and thread.text == "Perlu triangulasi."
    w.panes["review"].grab().save("/tmp/review.png")


def test_a_cell_comment_names_its_display_and_goes_to_it(window):
    from qualcode.analysis.displays import ready_spec

    w = window
    p = w.project
    run = w.dispatcher.run
    display = run(p.displays.save, "Faktor", ready_spec(p, "factors")).result.id
    shown = p.displays.run(display)
    r, c = shown.rows[0], shown.columns[-1]
    assert run(p.review.add, "cell", display, "?", row_key=r.key, col_key="xyz") is None
    run(p.review.add, "cell", display, "Sel ini kosong?", row_key=r.key, col_key=c.key)
    pane = w.show_pane("review")
    [row] = _rows(pane)
    assert row[0] == f"Display cell: Faktor · {r.label} × {c.label}"  # labels, not raw keys
    opened = []
    displays = w.panes["displays"]
    displays.open_saved = opened.append  # record instead of building the display
    pane.goto_button.click()
    assert opened == [display]
    assert w.docks["displays"].isVisible()
