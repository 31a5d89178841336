"""Member checks in the Conclusions pane: a claim and an informant behind it, each recorded in
one undoable step, shown with the claim and warned about when disputed."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from qualcode.ui.features import conclusions_member


def test_member_check_a_claim_and_an_informant(sample_window, qtbot, monkeypatch):
    w = sample_window(coder="peneliti")
    p = w.project
    i1 = p.cases.find("I1")
    claim = w.dispatcher.run(p.conclusions.create, "Komitmen pimpinan kuat.").result
    assert claim is not None
    pane = w.show_pane("conclusions")
    pane.select(claim.id)
    assert "not asked" in pane.checks.text()

    answers = iter([("conclusion", "confirmed", "Disetujui via surel"),
                    ("I1", "disputed", "Menolak angka")])  # fmt: skip

    def fill(dialog):
        target, status, note = next(answers)
        if target != "conclusion":
            at = next(i for i in range(dialog.target.count())
                      if dialog.target.itemText(i).endswith(target))  # fmt: skip
            dialog.target.setCurrentIndex(at)
        dialog.status.setCurrentIndex(dialog.status.findData(status))
        dialog.note.setText(note)
        dialog.day.setDate(QDate(2024, 6, 1))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(conclusions_member.MemberCheckDialog, "exec", fill)
    qtbot.mouseClick(pane.member_button, Qt.MouseButton.LeftButton)
    check = p.member_checks.get("conclusion", claim.id)
    assert (check.status, check.note, str(check.checked_on)) == (
        "confirmed", "Disetujui via surel", "2024-06-01")  # fmt: skip
    assert "confirmed (2024-06-01)" in pane.checks.text()
    qtbot.mouseClick(pane.member_button, Qt.MouseButton.LeftButton)
    assert p.member_checks.get("case", i1.id).status == "disputed"
    assert p.undo_label() == "Record member check"
    w.undo()
    assert p.member_checks.get("case", i1.id).status == "not_asked"
