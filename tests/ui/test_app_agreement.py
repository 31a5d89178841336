"""The Intercoder agreement pane on the sample study (coders "peneliti" and "pembimbing"):
figures equal to the core's report, disagreements per code, jump to a passage, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QLocale, Qt

from qualcode.analysis import agreement as core

VALUE = Qt.ItemDataRole.UserRole + 1
CODERS = ["pembimbing", "peneliti"]


@pytest.fixture
def window(sample_window):
    """The main window on a fresh copy of the sample study, as the researcher."""
    return sample_window(coder="peneliti")


def _compute(pane, qtbot):
    assert pane.compute_button.isEnabled()
    qtbot.mouseClick(pane.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.task is None, timeout=20000)
    assert pane.report is not None


def _table(pane):
    t = pane.table
    return [[t.item(r, c).data(VALUE) for c in range(t.columnCount())] for r in range(t.rowCount())]


def _click_row(qtbot, table, row, double=False):
    table.scrollTo(table.model().index(row, 1))
    pos = table.visualRect(table.model().index(row, 1)).center()
    assert table.viewport().rect().contains(pos)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    if double:  # an item view takes a double-click only after the press of a click
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_agreement_of_the_two_coders_equals_the_core_report(window, qtbot):
    w = window
    w.commands.trigger("analysis.agreement")
    pane = w.panes["agreement"]
    assert w.docks["agreement"].isVisible()
    coders = [pane.coders.item(i).text() for i in range(pane.coders.count())]
    assert coders == ["pembimbing (44 codings)", "peneliti (290 codings)"]
    assert pane.checked_coders() == CODERS
    _compute(pane, qtbot)

    report = core.agreement(w.project, CODERS, disagreement_limit=None)
    per_code = {c.code_id: 0 for c in report.codes}
    for d in report.disagreements:
        per_code[d.code_id] += 1
    expected = [
        [a.code, a.units, a.percent_agreement, a.kappa, a.alpha, per_code[a.code_id]]
        for a in report.codes
    ] + [["All codes", report.overall.units, report.overall.percent_agreement,
          report.overall.kappa, report.overall.alpha, len(report.disagreements)]]  # fmt: skip
    assert _table(pane) == expected
    last = pane.table.rowCount() - 1
    loc = QLocale()
    assert pane.table.item(last, 3).text() == loc.toString(report.overall.kappa, "f", 3)
    assert pane.table.item(last, 4).text() == loc.toString(report.overall.alpha, "f", 3)
    assert pane.table.item(last, 0).font().bold()
    # the sample study declares the check sample its supervisor re-coded (issue #14)
    assert "check sample: 39 units in 11 sources" in pane.summary.text()

    # Choose a code: its disagreements are listed; a double-click opens the passage.
    row = next(i for i, a in enumerate(report.codes) if per_code[a.code_id] >= 2)
    code = report.codes[row]
    _click_row(qtbot, pane.table, row)
    assert pane.current_code() == code.code_id
    mine = [d for d in report.disagreements if d.code_id == code.code_id]
    assert pane.detail.rowCount() == len(mine)
    assert pane.detail_title.text().endswith(f": {len(mine)}")
    d = mine[1]
    text = w.project.sources.text(d.source_id)[d.start : d.end]
    assert pane.detail.item(1, 0).text() == d.source
    assert pane.detail.item(1, 1).text()[:40] == " ".join(text.split())[:40]
    assert pane.detail.item(1, 2).text() == ", ".join(d.coders_with)
    assert pane.detail.item(1, 3).text() == ", ".join(d.coders_without)
    _click_row(qtbot, pane.detail, 1, double=True)
    assert w.workspace.source_id == d.source_id
    assert w.workspace.selection() == (d.start, d.end)

    # The pooled row lists every disagreement.
    _click_row(qtbot, pane.table, last)
    assert pane.detail.rowCount() == len(report.disagreements)


def test_segment_level_on_checked_sources_and_the_compute_button_needs_two_coders(window, qtbot):
    w = window
    pane = w.show_pane("agreement")
    pane.set_checked(pane.coders, ["peneliti"])
    assert not pane.compute_button.isEnabled()
    pane.set_checked(pane.coders, CODERS)
    pane.scope.setCurrentIndex(pane.scope.findData("checked"))
    assert not pane.compute_button.isEnabled()  # no source checked yet
    ids = {s.name: s.id for s in w.project.sources.all()}
    chosen = [ids["W1 Kepala Diskominfo"], ids["FGD1 Warga Desa Mekarwangi"]]
    pane.set_checked(pane.sources, chosen)
    pane.level.setCurrentIndex(pane.level.findData("segment"))
    _compute(pane, qtbot)
    report = core.agreement(w.project, CODERS, level="segment", sources=chosen,
                            disagreement_limit=None)  # fmt: skip
    assert pane.report.source_ids == tuple(sorted(chosen))
    assert [row[1:5] for row in _table(pane)] == [
        [a.units, a.percent_agreement, a.kappa, a.alpha] for a in (*report.codes, report.overall)
    ]
    assert "Segments" in pane.summary.text()

    # A new coding makes the figures out of date.
    src = ids["W1 Kepala Diskominfo"]
    w.project.codings.apply(src, 10, 20, w.project.codes.all()[0].id)
    qtbot.waitUntil(lambda: "compute again" in pane.summary.text())
    qtbot.waitUntil(lambda: pane.coders.item(1).text() == "peneliti (291 codings)")
    assert pane.checked_coders() == CODERS  # the checks survive the re-read

    # Switching the language redraws the figures.
    w.set_language("id")
    w.set_language("en")
    assert [row[1:5] for row in _table(pane)][-1] == [
        report.overall.units, report.overall.percent_agreement, report.overall.kappa,
        report.overall.alpha,
    ]  # fmt: skip


def test_cancel_leaves_no_figures(window, qtbot, monkeypatch):
    w = window
    pane = w.show_pane("agreement")
    go = threading.Event()
    real = core.agreement

    def slow(*args, **kwargs):
        go.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(core, "agreement", slow)
    task = pane.compute()
    assert not pane.compute_button.isEnabled()
    task.cancel()
    go.set()
    qtbot.waitUntil(lambda: pane.task is None, timeout=20000)
    assert pane.report is None
    assert pane.table.rowCount() == 0
    assert w.dispatcher.last_error == "Cancelled."
    assert pane.compute_button.isEnabled()
