"""MHS tactics in the Displays pane: an effects matrix's rows and cells typed as direct,
meta or side effects — each one core operation, undoable, shown on the row and cell."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.displays import ready_spec
from qualcode.analysis.engine import build_display


@pytest.fixture
def win(sample_window):
    """A main window on a fresh copy of the sample study."""
    return sample_window(coder="ana", size=(1400, 900))


def _open_saved(qtbot, pane, saved_id: int):
    before = pane.display
    pane.open_saved(saved_id)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    return pane.display


def test_type_an_effects_row_and_a_cell(win, qtbot, monkeypatch):
    from qualcode.ui.shell import dialogs

    w = win
    p = w.project
    spec = ready_spec(p, "effects", cutoff="2024-04-15", time_field="source")
    saved = w.dispatcher.run(p.displays.save, "Efek", spec).result
    pane = w.show_pane("displays")
    shown = _open_saved(qtbot, pane, saved.id)
    assert shown.row_effects[0] == "direct"  # the documented default
    header = pane.model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
    assert header.endswith("(direct effect)")
    pane.table.setCurrentIndex(pane.model.index(0, 1))
    cell = pane.cell
    assert cell.effect.isVisible() and "direct effect" in cell.effect.text()
    answers = iter([0, 2])  # this row -> side effect
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: next(answers))
    qtbot.mouseClick(cell.effect, Qt.MouseButton.LeftButton)
    assert pane.display.row_effects[0] == "side"
    assert "side effect" in pane.model.headerData(0, Qt.Orientation.Vertical,
                                                  Qt.ItemDataRole.DisplayRole)  # fmt: skip
    answers = iter([1, 1])  # this cell only -> meta-effect
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: next(answers))
    qtbot.mouseClick(cell.effect, Qt.MouseButton.LeftButton)
    assert pane.display.cell_effects[(0, 1)] == "meta"
    assert pane.model.index(0, 1).data().startswith("[meta-effect]")
    assert "meta-effect" in cell.effect.text()
    w.undo()
    qtbot.waitUntil(lambda: (0, 1) not in pane.display.cell_effects, timeout=5000)
    assert pane.display.row_effects[0] == "side"
    w.undo()
    qtbot.waitUntil(lambda: pane.display.row_effects[0] == "direct", timeout=5000)


def test_decision_rules_are_logged_with_the_display(win, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from qualcode.ui.features import displays_rules

    w = win
    p = w.project
    saved = w.dispatcher.run(p.displays.save, "Ceklis", ready_spec(p, "checklist")).result
    pane = w.show_pane("displays")
    _open_saved(qtbot, pane, saved.id)
    assert not pane.rules.isVisible() and pane.buttons["rules"].isEnabled()

    def write_rule(editor):
        editor.text.setPlainText("Sel memadai bila dua informan atau lebih mengonfirmasi.")
        editor.day.setDate(editor.day.date().fromString("2024-06-01", "yyyy-MM-dd"))
        return QDialog.DialogCode.Accepted

    def add_then_close(dialog):
        dialog.add()
        assert dialog.list.topLevelItemCount() == 1
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(displays_rules.RuleEditor, "exec", write_rule)
    monkeypatch.setattr(displays_rules.DecisionRulesDialog, "exec", add_then_close)
    qtbot.mouseClick(pane.buttons["rules"], Qt.MouseButton.LeftButton)
    (rule,) = p.decision_rules.of(saved.id)
    assert rule.decided_on.isoformat() == "2024-06-01"
    assert pane.rules.isVisible() and "2024-06-01" in pane.rules.text()
    assert "dua informan" in pane.rules.text()
    w.undo()
    qtbot.waitUntil(lambda: not pane.rules.isVisible(), timeout=5000)
    assert p.decision_rules.of(saved.id) == []


def test_weighted_counts_from_the_form_say_what_they_count(win, qtbot):
    w = win
    p = w.project
    plain = build_display(p, ready_spec(p, "factors"))
    first = next(c for c in p.codings.in_source(p.sources.all()[0].id))
    w.dispatcher.run(p.codings.set_attributes, first.id, weight="kuat")
    pane = w.show_pane("displays")
    pane.form.set_type("factors")
    pane.form.measure.setCurrentIndex(pane.form.measure.findData("weighted"))
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=15000)
    assert pane.display.spec.measure == "weighted"
    assert "evidence weight" in pane.title.text()
    assert sum(map(sum, pane.display.counts)) > sum(map(sum, plain.counts))


def test_the_coding_details_set_its_evidence_weight(win, qtbot):
    w = win
    p = w.project
    coding = p.codings.in_source(p.sources.all()[0].id)[0]
    w.show_coding_details(coding.id)
    details = w.detail.codings
    details.weight.setFocus()
    qtbot.keyClicks(details.weight, "kuat")
    details.weight.editingFinished.emit()
    assert p.codings.get(coding.id).weight == "kuat"
    assert p.undo_label() == "Edit coding"
    details.show_codings([])  # the form empties; showing the coding again reads its weight
    details.show_codings([coding.id])
    assert details.weight.text() == "kuat"
