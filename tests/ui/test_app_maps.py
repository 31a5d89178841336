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
