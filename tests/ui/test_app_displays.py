"""The Displays pane on the sample study: build through the form, drill into cells, save,
re-run, write framework summaries (and undo them), export — checked against the core."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from qualcode.analysis.displays import customised_spec
from qualcode.analysis.engine import build_display


@pytest.fixture
def win(sample_window):
    """A main window on a fresh copy of the sample study."""
    return sample_window(coder="ana", size=(1400, 900))


def _build(qtbot, pane, kind: str | None = None):
    if kind is not None:
        pane.form.set_type(kind)
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    return pane.display


def _click_cell(qtbot, pane, r: int, c: int) -> None:
    index = pane.model.index(r, c)
    pane.table.scrollTo(index)
    rect = pane.table.visualRect(index)
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _nonzero_cells(display, n: int) -> list[tuple[int, int]]:
    cells = [
        (display.counts[r][c], r, c)
        for r in range(len(display.rows))
        for c in range(len(display.columns))
        if display.counts[r][c]
    ]
    cells.sort(reverse=True)
    return [(r, c) for _n, r, c in cells[:n]]


def test_code_by_case_matrix_from_the_form_matches_the_core_and_drills_into_a_cell(win, qtbot):
    w = win
    w.commands.trigger("displays.new")
    pane = w.panes["displays"]
    assert pane.isVisible()
    pane.form.columns.setCurrentIndex(pane.form.columns.findData("cases:informant"))
    shown = _build(qtbot, pane, "matrix")
    core = build_display(
        w.project,
        customised_spec(w.project, "matrix", {"codes": None, "filters": None,
                                              "columns": "cases:informant"}),
    )  # fmt: skip
    assert shown.spec == core.spec
    model = pane.model
    assert model.rowCount() == len(core.rows) == 58
    assert [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            for c in range(model.columnCount())] == [h.label for h in core.columns]  # fmt: skip
    assert model.headerData(1, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) == (
        core.rows[1].label
    )
    top = _nonzero_cells(core, 3)
    for r, c in top:
        assert model.index(r, c).data() == str(core.counts[r][c])
    empty = core.empty_cells()[0]
    assert model.index(*empty).data() == ""
    assert model.index(*empty).data(Qt.ItemDataRole.BackgroundRole) is None
    # the largest count is the darkest cell, with light text on it
    (r, c) = top[0]
    dark = model.index(r, c).data(Qt.ItemDataRole.BackgroundRole).color()
    small = min(
        ((r2, c2) for r2, c2 in _nonzero_cells(core, 200)), key=lambda rc: core.counts[rc[0]][rc[1]]
    )
    light = model.index(*small).data(Qt.ItemDataRole.BackgroundRole).color()
    assert dark.lightness() < light.lightness()
    assert model.index(r, c).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#ffffff")
    assert model.index(*small).data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#000000")

    # click a cell: its excerpts are exactly the core's drill-down of that cell
    r, c = top[1]
    _click_cell(qtbot, pane, r, c)
    cell = pane.cell
    assert sorted(e.coding_id for e in cell.excerpts) == core.cell_codings(r, c)
    order = [(e.source.casefold(), e.start) for e in cell.excerpts]
    assert order == sorted(order)  # listed in source and text order
    assert cell.table.rowCount() == core.counts[r][c]
    case = core.columns[c].label
    assert all(case in cell.table.item(i, 1).text() for i in range(cell.table.rowCount()))
    source, _case, code, coder = cell.table.item(0, 1).text().split("\n")
    assert (source, coder) == (cell.excerpts[0].source, cell.excerpts[0].coder)
    assert core.rows[r].label.split("/")[-1] in code
    assert " ".join(cell.excerpts[0].text.split())[:40] in cell.table.item(0, 0).text()
    assert f"{len(cell.excerpts)} excerpts" in cell.title.text()

    # double-click an excerpt: the passage opens in the document
    first = cell.excerpts[0]
    rect = cell.table.visualRect(cell.table.model().index(0, 0))
    qtbot.mouseClick(cell.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(cell.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.workspace.source_id == first.source_id
    assert w.workspace.selection() == (first.start, first.end)

    # Enter on another cell opens it too (keyboard only)
    r2, c2 = top[2]
    pane.table.setFocus()
    pane.table.setCurrentIndex(model.index(r2, c2))
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert sorted(e.coding_id for e in cell.excerpts) == core.cell_codings(r2, c2)
    assert cell.table.hasFocus()


def test_save_rerun_and_delete_a_spec_and_a_visible_display_follows_new_codings(
    sample_window, qtbot, monkeypatch
):
    from qualcode.ui.shell import dialogs

    # the researcher codes: the sample study's displays count its analysis coder's codings
    w = sample_window(coder="peneliti", size=(1400, 900))
    pane = w.show_pane("displays")
    pane.form.measure.setCurrentIndex(pane.form.measure.findData("sources"))
    shown = _build(qtbot, pane, "factors")
    assert shown.spec.type == "factors" and shown.spec.measure == "sources"
    assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "supporting"
    monkeypatch.setattr(dialogs, "get_text", lambda *_a, **_k: "Faktor per dimensi")
    qtbot.mouseClick(pane.buttons["save"], Qt.MouseButton.LeftButton)
    [saved] = w.project.displays.all()
    assert saved.name == "Faktor per dimensi" and saved.spec == shown.spec
    assert pane.saved.count() == 1 and "Faktor per dimensi" in pane.saved.itemText(0)
    assert "Faktor per dimensi" in pane.title.text()

    _build(qtbot, pane, "coverage")
    assert pane.display.spec.type == "coverage"
    before = pane.display
    qtbot.mouseClick(pane.buttons["open"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before, timeout=10000)
    core = w.project.displays.run(saved.id)
    assert pane.display.spec == saved.spec and pane.display.saved_id == saved.id
    assert pane.display.counts == core.counts

    # a new coding reaches the shown display without pressing Build
    r = next(i for i, h in enumerate(core.rows) if h.label.startswith("Faktor penghambat"))
    code = w.project.codes.find("Faktor penghambat/Keterbatasan anggaran")
    sources = w.project.sources.all()
    c = next(i for i, h in enumerate(core.columns) if h.key == "inhibiting")
    in_cell = _sources_of(w.project, core.cell_codings(r, c))
    fresh = next(s for s in sources if s.id not in in_cell)  # counted: distinct sources
    old = core.counts[r][c]
    w.dispatcher.run(w.project.codings.apply, fresh.id, 0, 20, code.id, valence="inhibiting")
    qtbot.waitUntil(lambda: pane.model.index(r, c).data() == str(old + 1), timeout=10000)
    assert pane.display.saved_id == saved.id

    # while another tab hides the pane, a change only marks the display out of date
    w.docks["retrieval"].raise_()
    qtbot.waitUntil(lambda: not pane.is_shown(), timeout=5000)
    shown_before = pane.display
    w.dispatcher.run(w.project.codings.apply, fresh.id, 30, 60, code.id)
    qtbot.waitUntil(lambda: "out of date" in pane.title.text(), timeout=5000)
    assert pane.display is shown_before
    w.show_pane("displays")
    qtbot.waitUntil(lambda: pane.display is not shown_before, timeout=10000)
    assert pane.display.counts == w.project.displays.run(saved.id).counts
    assert pane.display.counts != shown_before.counts  # the new coding has no valence
    assert "out of date" not in pane.title.text()

    monkeypatch.setattr(dialogs, "ask", lambda *_a, **_k: True)
    qtbot.mouseClick(pane.buttons["delete"], Qt.MouseButton.LeftButton)
    assert w.project.displays.all() == []
    assert pane.saved.count() == 0
    assert pane.display.saved_id is None
    assert not pane.buttons["open"].isEnabled()


def _sources_of(project, coding_ids: list[int]) -> set[int]:
    wanted = set(coding_ids)
    return {c.source_id for c in project.codings.list() if c.id in wanted}


def test_framework_summary_saved_survives_rebuilding_autofill_and_undo(win, qtbot, monkeypatch):
    from qualcode.ui.shell import dialogs

    w = win
    pane = w.show_pane("displays")
    shown = _build(qtbot, pane, "framework")
    assert shown.spec.cell == "summary" and shown.saved_id is None
    (ra, ca), (rb, cb) = _nonzero_cells(shown, 2)
    _click_cell(qtbot, pane, ra, ca)
    cell = pane.cell
    assert cell.summary_box.isVisible() and not cell.summary.isReadOnly()
    assert sorted(e.coding_id for e in cell.excerpts) == shown.cell_codings(ra, ca)
    text = "Sosialisasi lewat WhatsApp, anggaran pelatihan terbatas."
    cell.summary.setPlainText(text)
    names = []
    monkeypatch.setattr(dialogs, "get_text", lambda *a, **_k: names.append(a) or "Kerangka")
    qtbot.mouseClick(cell.save, Qt.MouseButton.LeftButton)
    assert len(names) == 1  # asked once for the display's name
    [saved] = w.project.displays.all()
    keys = (shown.rows[ra].key, shown.columns[ca].key)
    stored = w.project.cells.summaries(saved.id)[keys]
    assert stored.text == text and not stored.draft
    assert list(stored.coding_ids) == shown.cell_codings(ra, ca)
    assert pane.model.index(ra, ca).data() == text
    assert "ana" in cell.state.text()

    # a fresh build from the form is unsaved; re-opening the saved display brings it back
    _build(qtbot, pane, "framework")
    assert pane.model.index(ra, ca).data() == ""
    before = pane.display
    w.commands.trigger("displays.open")  # Analysis › Open saved display (the only one)
    qtbot.waitUntil(lambda: pane.display is not before, timeout=10000)
    assert pane.model.index(ra, ca).data() == text
    assert pane.display.saved_id == saved.id

    # auto-fill drafts another cell from its excerpts
    _click_cell(qtbot, pane, rb, cb)
    qtbot.mouseClick(cell.autofill, Qt.MouseButton.LeftButton)
    keys_b = (shown.rows[rb].key, shown.columns[cb].key)
    draft = w.project.cells.summaries(saved.id)[keys_b]
    assert draft.draft and draft.text
    assert pane.model.index(rb, cb).data() == draft.text
    assert pane.model.index(rb, cb).data(Qt.ItemDataRole.FontRole).italic()
    assert cell.summary.toPlainText() == draft.text
    assert len(names) == 1  # the display is saved already

    # typing not saved yet survives a redraw caused by someone else's change
    _click_cell(qtbot, pane, ra, ca)
    cell.summary.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(cell.summary, " Perlu dicek.")
    src = w.project.sources.all()[0]
    before = pane.display
    w.dispatcher.run(w.project.codings.apply, src.id, 0, 10, int(shown.columns[ca].key))
    qtbot.waitUntil(lambda: pane.display is not before, timeout=10000)
    assert pane.current == (ra, ca)  # the same cell is open again
    assert cell.summary.toPlainText() == text + " Perlu dicek."
    cell.summary.setPlainText(text)
    cell.summary.document().setModified(False)
    _click_cell(qtbot, pane, rb, cb)

    w.undo()  # takes back the coding
    w.undo()  # takes back the draft
    qtbot.waitUntil(lambda: pane.model.index(rb, cb).data() == "", timeout=5000)
    assert cell.summary.toPlainText() == ""
    w.undo()  # takes back the written summary; the saved display stays
    qtbot.waitUntil(lambda: pane.model.index(ra, ca).data() == "", timeout=5000)
    assert w.project.cells.summaries(saved.id) == {}
    assert [s.id for s in w.project.displays.all()] == [saved.id]


def test_export_the_shown_display_to_excel_and_word(win, qtbot, monkeypatch, tmp_path):
    import openpyxl
    from docx import Document

    from qualcode.ui.shell import dialogs

    w = win
    pane = w.show_pane("displays")
    assert not w.commands.actions["displays.export_xlsx"].isEnabled()
    pane.form.columns.setCurrentIndex(pane.form.columns.findData("attribute:Sektor"))
    [interviews] = [a for a in pane.form.f_kinds.actions_() if a.data() == "interview"]
    interviews.trigger()  # Only source kinds: Interviews
    assert pane.form.f_kinds.text() == "Interviews"
    shown = _build(qtbot, pane, "matrix")
    core = build_display(
        w.project,
        customised_spec(w.project, "matrix", {"columns": "attribute:Sektor", "codes": None,
                                              "filters": {"source_kinds": ["interview"]}}),
    )  # fmt: skip
    assert shown.spec == core.spec and shown.counts == core.counts
    everything = customised_spec(w.project, "matrix", {"columns": "attribute:Sektor"})
    assert build_display(w.project, everything).counts != shown.counts  # the filter mattered
    w.commands.refresh()
    assert w.commands.actions["displays.export_xlsx"].isEnabled()
    target = tmp_path / "matriks"
    monkeypatch.setattr(dialogs, "save_file", lambda *_a, **_k: str(target))
    w.commands.trigger("displays.export_xlsx")
    xlsx = tmp_path / "matriks.xlsx"
    qtbot.waitUntil(lambda: "matriks.xlsx" in pane.title.text(), timeout=15000)
    book = openpyxl.load_workbook(xlsx)
    ws = book.worksheets[0]
    header = [cell.value for cell in ws[3]]
    assert header[1 : 1 + len(shown.columns)] == [h.label for h in shown.columns]
    rows = {ws.cell(row=i, column=1).value: i for i in range(4, ws.max_row + 1)}
    for r, c in _nonzero_cells(shown, 4):
        got = ws.cell(row=rows[shown.rows[r].label], column=c + 2).value
        assert got == shown.counts[r][c]

    monkeypatch.setattr(dialogs, "save_file", lambda *_a, **_k: str(tmp_path / "matriks.docx"))
    qtbot.mouseClick(pane.buttons["docx"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "matriks.docx" in pane.title.text(), timeout=15000)
    doc = Document(str(tmp_path / "matriks.docx"))
    table = doc.tables[0]
    # a thesis table leaves out rows and columns with nothing in them
    said = [r for r in range(len(shown.rows)) if any(shown.counts[r])]
    heard = [c for c in range(len(shown.columns)) if any(row[c] for row in shown.counts)]
    assert len(table.rows) == len(said) + 1
    assert [c.text for c in table.rows[0].cells][1:] == [shown.columns[c].label for c in heard]


def test_the_display_header_states_the_coders_counted(win, qtbot):
    """The sample study counts its analysis coder (the researcher), and says so (issue #14)."""
    pane = win.show_pane("displays")
    shown = _build(qtbot, pane, "matrix")
    assert shown.coders_counted == ["peneliti"]
    assert "coders counted: peneliti (the project's analysis coders)" in pane.title.text()
