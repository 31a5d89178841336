"""The identity register pane, "Add selection to the identity register", and pseudonymised
exports from the app (File › Export › Pseudonymise exports)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from qualcode.ui.features import identity as feature
from qualcode.ui.shell import dialogs


def _answer_form(monkeypatch, **fields) -> list:
    """Make the entry form answer with ``fields`` (kind, replacement, case name)."""
    seen: list = []

    def exec_(form) -> int:
        seen.append(form.text.text())
        if "kind" in fields:
            form.kind.setCurrentIndex(form.kind.findData(fields["kind"]))
        if "replacement" in fields:
            form.replacement.setText(fields["replacement"])
        if "case" in fields:
            form.case.setCurrentIndex(form.case.findText(fields["case"]))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(feature.EntryDialog, "exec", exec_)
    return seen


def _open_interview(w) -> None:
    w.open_source(w.project.sources.find("W1 Kadis Diskominfo").id)


def test_add_selection_fills_the_form_and_is_one_undo_step(
    main_window, monkeypatch, select_text
) -> None:
    w = main_window
    _open_interview(w)
    assert not w.commands.actions["identity.add_selection"].isEnabled()
    select_text(w, "WhatsApp")
    w.commands.refresh()
    assert w.commands.actions["identity.add_selection"].isEnabled()
    seen = _answer_form(monkeypatch, kind="other", case="I1")
    w.commands.trigger("identity.add_selection")
    assert seen == ["WhatsApp"]
    pane = w.panes["identity"]
    assert w.docks["identity"].isVisible()
    table = pane.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == ["WhatsApp", "Other", "[withheld]", "I1"]
    w.project.undo()
    assert w.project.identities.all() == []
    pane.reload()
    assert table.rowCount() == 0


def test_tick_attribute_fill_edit_remove(main_window, monkeypatch) -> None:
    w = main_window
    pane = w.show_pane("identity")
    items = [pane.attributes.item(i) for i in range(pane.attributes.count())]
    agency = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == "Agency")
    agency.setCheckState(Qt.CheckState.Checked)
    assert w.project.identities.identifying_attributes() == {"Agency": "institution"}
    pane.buttons["fill"].click()
    assert [(e.text, e.replacement) for e in w.project.identities.all()] == [
        ("Diskominfo", "[institution]")  # the English interface: English placeholders
    ]
    assert pane.table.rowCount() == 1
    pane.table.selectRow(0)
    _answer_form(monkeypatch, replacement="[OPD teknis]")
    pane.buttons["edit"].click()
    assert w.project.identities.find("Diskominfo").replacement == "[OPD teknis]"
    assert pane.table.item(0, 2).text() == "[OPD teknis]"
    pane.table.selectRow(0)
    pane.buttons["remove"].click()
    assert w.project.identities.all() == [] and pane.table.rowCount() == 0
    assert w.project.undo_label() == "Remove from identity register"


def test_pseudonymised_export_from_the_app(main_window, qtbot, monkeypatch, tmp_path) -> None:
    from docx import Document

    w = main_window
    w.project.identities.add("WhatsApp", kind="other", replacement="[aplikasi pesan]")
    w.project.identities.add("Diskominfo", kind="institution")
    label = w.commands.actions["export.pseudonymise"]
    w.commands.refresh()
    assert label.text().endswith("off")
    w.commands.trigger("export.pseudonymise")
    w.commands.refresh()
    assert label.text().endswith("on")
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(tmp_path / "r.docx"))
    w.commands.trigger("export.report")
    task = w.panes["exports"].last_task
    qtbot.waitUntil(lambda: task.finished, timeout=30000)
    doc = Document(str(tmp_path / "r.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "WhatsApp" not in text and "Diskominfo" not in text
    assert "W1 Kadis [instansi]" in text


def test_display_pane_export_follows_the_pseudonymise_switch(
    sample_window, qtbot, monkeypatch, tmp_path
) -> None:
    """The sample study: offices as matrix columns are replaced, and the file is checked."""
    import zipfile

    w = sample_window(coder="ana", size=(1400, 900))
    pane = w.show_pane("displays")
    pane.form.columns.setCurrentIndex(pane.form.columns.findData("attribute:Instansi"))
    pane.form.set_type("matrix")
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=15000)
    w.commands.trigger("export.pseudonymise")
    monkeypatch.setattr(dialogs, "save_file", lambda *_a, **_k: str(tmp_path / "m.xlsx"))
    w.commands.refresh()
    w.commands.trigger("displays.export_xlsx")
    qtbot.waitUntil(lambda: "m.xlsx" in pane.title.text(), timeout=30000)
    with zipfile.ZipFile(tmp_path / "m.xlsx") as zf:
        raw = b"".join(zf.read(n) for n in zf.namelist())
    assert b"Diskominfo" not in raw and b"Bappeda" not in raw and b"[instansi]" in raw


def test_right_click_on_selected_text_offers_the_register(
    main_window, monkeypatch, select_text
) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    w = main_window
    _open_interview(w)
    select_text(w, "WhatsApp")
    editor = w.workspace.view.editor
    start = editor.toPlainText().index("WhatsApp")
    pos = editor.point_of(start + 2).toPoint()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, editor.mapToGlobal(pos))
    editor.contextMenuEvent(event)
    menus = [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]
    assert menus
    actions = {a.objectName(): a for a in menus[-1].actions()}
    assert "identity.add_selection" in actions and actions["identity.add_selection"].isEnabled()
    _answer_form(monkeypatch, kind="other")
    actions["identity.add_selection"].trigger()
    assert [e.text for e in w.project.identities.all()] == ["WhatsApp"]
    for menu in menus:
        menu.close()
