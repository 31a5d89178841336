"""The Conclusions pane on the sample study: claims, evidence from the document and the
Excerpts pane, verification figures equal to the core's, status, notes, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.verification import verify
from qualcode.ui.features.conclusions_words import figures_text, flat
from qualcode.ui.shell import dialogs


@pytest.fixture
def window(sample_window):
    """The main window on a fresh copy of the sample study, as the researcher."""
    return sample_window(coder="peneliti")


def _lonely_coding(w, source_name):
    """A coding of ``source_name`` with an offset no other coding covers; (coding, offset)."""
    p = w.project
    src = next(s for s in p.sources.all() if s.name == source_name)
    codings = p.codings.in_source(src.id)
    for c in codings:
        for offset in range(c.start, c.end):
            if sum(o.start <= offset < o.end for o in codings) == 1:
                return c, offset
    raise AssertionError("no coding stands alone")


def _put_cursor(w, coding, offset):
    w.open_source(coding.source_id)
    w.workspace.view.select_range(offset, offset + 1)
    assert w.workspace.codings_at_cursor() == [coding.id]


def _evidence(pane):
    tree = pane.evidence
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1))
        for i in range(tree.topLevelItemCount())
    ]


def test_a_claim_gets_supporting_and_contradicting_evidence_from_the_document_then_undo(
    window, qtbot, monkeypatch
):
    w = window
    p = w.project
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Keterbatasan anggaran menghambat")
    w.commands.trigger("conclusion.new")
    [claim] = p.conclusions.all()
    pane = w.panes["conclusions"]
    assert w.docks["conclusions"].isVisible()
    assert pane.list.topLevelItemCount() == 1
    assert pane.list.topLevelItem(0).text(0) == "Keterbatasan anggaran menghambat"
    assert pane.list.topLevelItem(0).text(1) == "Tentative"
    assert pane.claim.text() == "Keterbatasan anggaran menghambat"
    assert "no supporting excerpt" in pane.figures.text()

    support, at = _lonely_coding(w, "W1 Kepala Diskominfo")
    _put_cursor(w, support, at)
    asked = []
    monkeypatch.setattr(
        dialogs,
        "choose_item",
        lambda _w, _t, _l, items, allow_new=None: (
            asked.append(([t for t, _v in items], allow_new)) or items[0][1]
        ),
    )
    w.commands.trigger("conclusion.link.supporting")
    assert asked[-1] == (["Keterbatasan anggaran menghambat"], "New conclusion…")
    against, at2 = _lonely_coding(w, "D1 Perbup 17/2022 Masterplan")
    _put_cursor(w, against, at2)
    w.commands.trigger("conclusion.link.contradicting")

    record = p.conclusions.get(claim.id)
    assert record.supporting == [support.id] and record.contradicting == [against.id]
    assert pane.list.topLevelItem(0).text(2) == "1" and pane.list.topLevelItem(0).text(3) == "1"
    text_of = {s: p.sources.text(s) for s in (support.source_id, against.source_id)}
    rows = _evidence(pane)
    assert [r[0] for r in rows][0::2] == ["Supporting (1)", "Contradicting (1)"]
    assert rows[1][1] == support.id and rows[3][1] == against.id
    assert rows[1][0] == flat(text_of[support.source_id][support.start : support.end])
    assert pane.evidence.topLevelItem(3).text(3) == "(not addressed)"

    from qualcode.analysis.strength import default_role_attribute

    assert default_role_attribute(p) == "Jenis Informan"  # groups informants, unlike Jabatan
    core = verify(p, claim.id, role_attribute="Jenis Informan")
    assert pane.verification == core
    assert pane.figures.text() == figures_text(core)
    assert pane.figures.text().startswith("1 supporting excerpt, 1 informant, 1 source, ")
    assert "1 contradicting excerpt, not addressed" in pane.figures.text()
    assert "silent roles: " in pane.figures.text()
    assert "All supporting evidence comes from one informant." in pane.warnings.text()

    # Double-click an excerpt: the passage opens in its source.
    w.open_source(against.source_id)
    item = pane.evidence.topLevelItem(1)
    pane.evidence.setCurrentItem(item)
    pane.evidence.itemDoubleClicked.emit(item, 0)
    assert w.workspace.source_id == support.source_id
    assert w.workspace.selection() == (support.start, support.end)

    w.undo()
    assert p.conclusions.get(claim.id).contradicting == []
    assert [r[0] for r in _evidence(pane)] == ["Supporting (1)", rows[1][0], "Contradicting (0)"]
    w.undo()
    assert p.conclusions.get(claim.id).evidence == ()
    w.undo()
    assert p.conclusions.all() == []
    assert pane.list.topLevelItemCount() == 0


def test_status_filter_edit_note_unlink_delete_through_the_pane(window, qtbot, monkeypatch):
    w = window
    p = w.project
    pane = w.show_pane("conclusions")
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Sosialisasi belum menjangkau warga")
    qtbot.mouseClick(pane.new_button, Qt.MouseButton.LeftButton)
    [claim] = p.conclusions.all()
    pane.status_actions["verified"].trigger()
    assert p.conclusions.get(claim.id).status == "verified"
    assert pane.list.topLevelItem(0).text(1) == "Verified"
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("tentative"))
    assert pane.list.topLevelItemCount() == 0
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("verified"))
    assert pane.list.topLevelItemCount() == 1

    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Sosialisasi belum menjangkau desa")
    qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    assert p.conclusions.get(claim.id).text == "Sosialisasi belum menjangkau desa"

    against, at = _lonely_coding(w, "FGD1 Warga Desa Mekarwangi")
    _put_cursor(w, against, at)
    monkeypatch.setattr(dialogs, "choose_item", lambda _w, _t, _l, items, **_k: items[0][1])
    w.commands.trigger("conclusion.link.contradicting")
    assert p.conclusions.get(claim.id).contradicting == [against.id]
    pane.evidence.setCurrentItem(pane.evidence.topLevelItem(2))
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Dibahas dengan kepala desa")
    qtbot.mouseClick(pane.note_button, Qt.MouseButton.LeftButton)
    assert p.conclusions.get(claim.id).evidence[0].note == "Dibahas dengan kepala desa"
    assert "1 contradicting excerpt, addressed" in pane.figures.text()
    assert pane.evidence.topLevelItem(2).text(3) == "Dibahas dengan kepala desa"

    pane.evidence.setCurrentItem(pane.evidence.topLevelItem(2))
    qtbot.mouseClick(pane.unlink_button, Qt.MouseButton.LeftButton)
    assert p.conclusions.get(claim.id).evidence == ()

    # The supervisor's open comment shows on the claim's page (read-only).
    p.review.add("conclusion", claim.id, "Cek lagi dengan data observasi.")
    qtbot.waitUntil(lambda: "Cek lagi dengan data observasi." in pane.comments.text())
    assert pane.comments.text().startswith("Open review comments (1):")
    w.set_language("id")
    w.set_language("en")
    assert pane.list.topLevelItemCount() == 1 and pane.current_id() == claim.id

    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda _w, _t, text: asked.append(text) or True)
    qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert "Sosialisasi belum menjangkau desa" in asked[0]
    assert p.conclusions.all() == [] and pane.list.topLevelItemCount() == 0
    w.undo()
    assert [c.text for c in p.conclusions.all()] == ["Sosialisasi belum menjangkau desa"]
    assert pane.list.topLevelItemCount() == 1


def test_linking_the_excerpt_chosen_in_the_excerpts_pane_to_a_new_claim(window, qtbot, monkeypatch):
    w = window
    p = w.project
    code = p.codes.find("Sumber daya/Anggaran")
    w.show_excerpts(code.id)
    table = w.retrieval.table
    assert table.rowCount() > 1
    w.activateWindow()
    table.setFocus()
    table.selectRow(1)
    qtbot.waitUntil(lambda: w.panes["conclusions"].focus_watch.excerpts_last)
    chosen = w.retrieval.shown[1][0]
    monkeypatch.setattr(dialogs, "choose_item", lambda *_a, **_k: dialogs.NEW_ITEM)  # New…
    monkeypatch.setattr(dialogs, "get_text", lambda *a: "Anggaran pelatihan terbatas")
    w.commands.trigger("conclusion.link.supporting")
    [claim] = p.conclusions.all()
    assert claim.text == "Anggaran pelatihan terbatas"
    assert claim.supporting == [chosen.id]
    assert w.panes["conclusions"].current_id() == claim.id
    w.undo()
    assert p.conclusions.all() == []
