"""The concept-map canvas: build a map of three boxes and two links, drag, undo, reopen."""

from __future__ import annotations

from qualcode.ui.features.chart_view import chart_language
from qualcode.ui.shell import dialogs


def test_map_canvas_builds_links_drags_and_undoes(sample_window, monkeypatch, tmp_path):
    w = sample_window(coder="ana", size=(1400, 900))
    w.commands.trigger("maps.show")
    pane = w.panes["maps"]
    assert w.docks["maps"].isVisible()
    answers = iter(["Model implementasi", "Komitmen bupati kuat"])
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: next(answers))
    pane.new_map()
    assert pane.chooser.currentText() == "Model implementasi"
    for name in ("Sumber daya", "Faktor penghambat"):
        w.code_tree.select_code(w.project.codes.find(name).id)
        pane.add_code()
    pane.add_note()
    assert len(pane.nodes) == 3
    items = list(pane.nodes.values())
    items[1].setSelected(True)
    items[0].setSelected(True)
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 1)  # "causes"
    pane.link_selected()
    record = w.project.maps.get(pane.map_id)
    assert [lk.relation for lk in record.links if lk.relation == "causes"] == ["causes"]
    # a drag of two boxes is one undo step
    items = list(pane.nodes.values())
    items[0].setPos(400, 300)
    items[2].setPos(-200, 50)
    pane.commit_moves()
    moved = {n.id: (n.x, n.y) for n in w.project.maps.get(pane.map_id).nodes}
    assert (400, 300) in moved.values() and (-200, 50) in moved.values()
    assert w.project.undo_label() == "Move map nodes"
    w.commands.trigger("edit.undo")
    assert (400, 300) not in {(n.x, n.y) for n in w.project.maps.get(pane.map_id).nodes}
    assert (400, 300) not in {(i.pos().x(), i.pos().y()) for i in pane.nodes.values()}
    pane.copy()
    out = tmp_path / "map.svg"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(out))
    pane.export()
    svg = out.read_text(encoding="utf-8")
    code = w.project.codes.find("Sumber daya")
    assert "Model implementasi" in svg and code.label(chart_language()) in svg


def test_context_chart_causal_network_and_arrow_dialog(sample_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from qualcode.ui.features import maps_draw

    w = sample_window(coder="ana", size=(1400, 900))
    w.commands.trigger("maps.show")
    pane = w.panes["maps"]

    def accept_context(dialog):
        dialog.name_edit.setText("Bagan konteks")
        dialog.group.setCurrentIndex(dialog.group.findData("Sektor"))
        dialog.rank.setCurrentIndex(dialog.rank.findData("Peringkat"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(maps_draw.ContextChartDialog, "exec", accept_context)
    pane.draw_context()
    assert pane.chooser.currentText() == "Bagan konteks"
    record = w.project.maps.get(pane.map_id)
    assert {n.label for n in record.nodes if n.kind == "note"} >= {"pemerintah", "masyarakat"}
    assert all(lk.relation == "part_of" for lk in record.links) and record.links
    assert w.project.undo_label() == "Draw map from the data"

    ids = {c.name: c.id for c in w.project.codes.all()}

    def accept_network(dialog):
        dialog.name_edit.setText("Jaringan kausal")
        for i in range(dialog.codes.count()):
            item = dialog.codes.item(i)
            wanted = item.text().strip() in ("Komunikasi", "Disposisi (sikap pelaksana)")
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    from PySide6.QtCore import Qt

    w.project.codes.link(
        ids["Komunikasi"], to_code_id=ids["Disposisi (sikap pelaksana)"], relation="causes"
    )
    monkeypatch.setattr(maps_draw.CausalNetworkDialog, "exec", accept_network)
    pane.draw_causal()
    record = w.project.maps.get(pane.map_id)
    assert record.name == "Jaringan kausal" and len(record.nodes) == 2
    (arrow,) = record.links
    assert arrow.relation == "causes" and arrow.evidence and arrow.strength
    assert any("(" in link.text.text() for link in pane.scene.links)  # sign/strength shown

    for item in pane.nodes.values():
        item.setSelected(True)
    seen = {}

    def accept_arrow(dialog):
        seen["evidence"] = dialog.evidence.count()
        dialog.sign.setCurrentIndex(dialog.sign.findData("-"))
        dialog.strength.setCurrentIndex(dialog.strength.findData("strong"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(maps_draw.ArrowDialog, "exec", accept_arrow)
    pane.edit_arrow()
    assert seen["evidence"] == len(arrow.evidence)
    (changed,) = w.project.maps.get(pane.map_id).links
    assert (changed.sign, changed.strength) == ("-", "strong")
    w.commands.trigger("edit.undo")
    (back,) = w.project.maps.get(pane.map_id).links
    assert (back.sign, back.strength) == (arrow.sign, arrow.strength)


def test_arrow_dialog_adds_and_removes_evidence_with_undo(sample_window, monkeypatch):
    """The Arrow dialog cites a searched coding of the arrow's ends and drops a cited one:
    one undo step that the Edit menu undoes."""
    from PySide6.QtWidgets import QDialog

    from qualcode.ui.features import maps_draw

    w = sample_window(coder="ana", size=(1400, 900))
    w.commands.trigger("maps.show")
    pane = w.panes["maps"]
    ids = {c.name: c.id for c in w.project.codes.all()}
    cause, effect = ids["Komunikasi"], ids["Disposisi (sikap pelaksana)"]
    w.project.codes.link(cause, to_code_id=effect, relation="causes")

    def accept_network(dialog):
        dialog.name_edit.setText("Jaringan")
        for i in range(dialog.codes.count()):
            item = dialog.codes.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in (cause, effect)
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    from PySide6.QtCore import Qt

    monkeypatch.setattr(maps_draw.CausalNetworkDialog, "exec", accept_network)
    pane.draw_causal()
    (arrow,) = w.project.maps.get(pane.map_id).links
    before = list(arrow.evidence)
    assert len(before) >= 2
    for item in pane.nodes.values():
        item.setSelected(True)
    seen: dict[str, object] = {}

    def edit_evidence(dialog):
        # drop the first cited coding
        dialog.evidence.item(0).setSelected(True)
        dialog.remove_button.click()
        assert dialog.cited_ids() == before[1:]
        # the dropped one is a candidate again; search narrows the candidates to one snippet
        shown = [dialog.candidates.item(i) for i in range(dialog.candidates.count())
                 if not dialog.candidates.item(i).isHidden()]  # fmt: skip
        assert before[0] in {item.data(Qt.ItemDataRole.UserRole)[0] for item in shown}
        assert not {item.data(Qt.ItemDataRole.UserRole)[0] for item in shown} & set(before[1:])
        target = next(i for i in shown if i.data(Qt.ItemDataRole.UserRole)[0] not in before)
        words = target.toolTip().split()[:4]
        dialog.search.setText(" ".join(words))
        left = [dialog.candidates.item(i) for i in range(dialog.candidates.count())
                if not dialog.candidates.item(i).isHidden()]  # fmt: skip
        assert target in left and len(left) < len(shown)
        target.setSelected(True)
        dialog.add_button.click()
        seen["added"] = target.data(Qt.ItemDataRole.UserRole)[0]
        assert target.isHidden()  # a cited coding is no longer offered
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(maps_draw.ArrowDialog, "exec", edit_evidence)
    pane.edit_arrow()
    (changed,) = w.project.maps.get(pane.map_id).links
    assert changed.evidence == (*before[1:], seen["added"])
    assert (changed.sign, changed.strength) == (arrow.sign, arrow.strength)
    assert w.project.undo_label() == "Edit map link"
    w.commands.trigger("edit.undo")
    (back,) = w.project.maps.get(pane.map_id).links
    assert list(back.evidence) == before
    w.commands.trigger("edit.redo")
    (again,) = w.project.maps.get(pane.map_id).links
    assert again.evidence == changed.evidence


def test_arrow_dialog_cites_the_excerpts_selected_in_the_excerpts_pane(sample_window, monkeypatch):
    """Excerpts selected in the Excerpts pane are cited by the arrow in one step."""
    from PySide6.QtWidgets import QDialog

    from qualcode.ui.features import conclusions, maps_draw

    w = sample_window(coder="ana", size=(1400, 900))
    w.commands.trigger("maps.show")
    pane = w.panes["maps"]
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **k: "Peta")
    pane.new_map()
    for name in ("Sumber daya", "Komunikasi"):
        w.code_tree.select_code(w.project.codes.find(name).id)
        pane.add_code()
    items = list(pane.nodes.values())
    for item in items:
        item.setSelected(True)
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: 1)  # "causes"
    pane.link_selected()
    codings = [c.id for c in w.project.codings.list()][:2]
    monkeypatch.setattr(conclusions, "selected_excerpts", lambda window: codings)
    for item in pane.nodes.values():
        item.setSelected(True)

    def cite_picked(dialog):
        assert dialog.picked_button.isEnabled()
        dialog.picked_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(maps_draw.ArrowDialog, "exec", cite_picked)
    pane.edit_arrow()
    links = [lk for lk in w.project.maps.get(pane.map_id).links if lk.relation == "causes"]
    assert links[0].evidence == tuple(codings)
