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
