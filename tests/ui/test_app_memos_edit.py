"""The Memos pane (filter, edit, journal) and correcting a transcript in the app, with undo."""

from __future__ import annotations

from qualcode.ui.features.source_edit import edit_current_source
from qualcode.ui.shell import dialogs

SOURCE = "W1 Kepala Diskominfo"


def test_edit_source_text_flags_the_coding_and_undoes(sample_window, monkeypatch):
    w = sample_window()
    p = w.project
    src = p.sources.find(SOURCE)
    w.workspace.show_source(src.id)
    old = p.sources.text(src.id)
    coding = sorted(p.codings.in_source(src.id), key=lambda c: c.start)[0]
    word_start = coding.start + old[coding.start : coding.end].index(" ") + 1
    revised = old[:word_start] + "[dikoreksi] " + old[word_start:]
    assert w.commands.actions["source.edit_text"].isEnabled()
    dialog = edit_current_source(w)
    dialog.editor.setPlainText(revised)
    plan = dialog.preview()
    assert coding.id in {ch.id for ch in plan.flagged} and not plan.removed
    assert dialog.changes.count() >= 1
    dialog.apply()
    assert p.sources.text(src.id) == revised
    assert p.codings.get(coding.id).flag == "edited"
    assert w.workspace.view.editor.toPlainText().count("[dikoreksi]") == 1
    moved = p.codings.get(coding.id)
    w.jump_to(src.id, moved.start, moved.start)
    w.commands.refresh()
    assert w.commands.actions["coding.reviewed"].isEnabled()
    w.commands.trigger("coding.reviewed")
    assert p.codings.get(coding.id).flag is None
    w.commands.trigger("edit.undo")
    assert p.codings.get(coding.id).flag == "edited"
    w.commands.trigger("edit.undo")
    assert p.sources.text(src.id) == old
    assert p.codings.get(coding.id).flag is None
    assert "[dikoreksi]" not in w.workspace.view.editor.toPlainText()


def test_removing_codings_asks_first(sample_window, monkeypatch):
    w = sample_window()
    p = w.project
    src = p.sources.find(SOURCE)
    w.workspace.show_source(src.id)
    old = p.sources.text(src.id)
    coding = sorted(p.codings.in_source(src.id), key=lambda c: c.start)[0]
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda *a: asked.append(a) or False)
    dialog = edit_current_source(w)
    dialog.editor.setPlainText(old[: coding.start] + old[coding.end :])
    dialog.apply()
    assert asked and p.sources.text(src.id) == old  # declined: nothing changed
    dialog.reject()


def test_memos_pane_lists_filters_edits_and_adds_journal(sample_window, monkeypatch):
    w = sample_window()
    p = w.project
    code = p.codes.find("Sumber daya")
    p.memos.create("Anggaran selalu disebut kurang.", title="Pola anggaran", target="code",
                   target_id=code.id)  # fmt: skip
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: "Hari ini FGD di desa.")
    w.commands.trigger("memos.journal")
    pane = w.panes["memos"]
    assert w.docks["memos"].isVisible()
    pane.reload()
    titles = [pane.list.topLevelItem(i).text(4) for i in range(pane.list.topLevelItemCount())]
    assert "Pola anggaran" in titles and "Hari ini FGD di desa." in titles
    pane.search.setText("anggaran")
    assert pane.list.topLevelItemCount() == 1
    pane.list.setCurrentItem(pane.list.topLevelItem(0))
    assert pane.text.toPlainText() == "Anggaran selalu disebut kurang."
    pane.text.selectAll()
    pane.text.insertPlainText("Anggaran kurang menurut 7 informan.")  # typed: modified
    pane.search.clear()  # the list reloads; the edit must not be lost
    pane.save()
    memo = next(m for m in p.memos.all() if m.title == "Pola anggaran")
    assert memo.text == "Anggaran kurang menurut 7 informan."
    pane.kind.setCurrentIndex(pane.kind.findData("journal"))
    assert pane.list.topLevelItemCount() == 1
