"""Cancel stops a display build, an agreement and a search inside the core, on the sample study.

A core step is made to wait until the test has pressed Cancel; the steps after
it must never run (the core checked ``cancel()``), the pane keeps what it
showed before and the window says the task was cancelled.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

import qualcode.analysis.agreement as agreement_core
import qualcode.analysis.engine as engine
import qualcode.search.search as search_core
from qualcode.analysis.displays import ready_spec


@pytest.fixture
def window(sample_window):
    """The main window on a fresh copy of the sample study, as the researcher."""
    return sample_window(coder="peneliti")


class Gate:
    """Make ``module.name`` wait (on the worker thread) until the test opens the gate."""

    def __init__(self, monkeypatch, module, name: str) -> None:
        self.reached = threading.Event()
        self.open = threading.Event()
        real = getattr(module, name)

        def waiting(*args, **kwargs):
            self.reached.set()
            self.open.wait(20)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, waiting)


def spy(monkeypatch, module, name: str) -> list[object]:
    """Record each call of ``module.name`` (still calling it)."""
    calls: list[object] = []
    real = getattr(module, name)

    def recording(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return calls


def _cancelled(window, qtbot, task, gate: Gate, *, button: bool = False) -> None:
    """Wait for the gated step, press Cancel (the dialog's button or the task's), let it go on."""
    assert gate.reached.wait(20)
    if button:
        dialog = window.dispatcher.progress_dialog(task)  # not a closed one of an earlier task
        assert isinstance(dialog, QProgressDialog)
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
    else:
        task.cancel()
    assert task.cancelled
    gate.open.set()
    qtbot.waitUntil(lambda: task.finished, timeout=20000)
    assert task.result is None
    assert type(task.error).__name__ == "CancelledError"
    assert window.dispatcher.last_error == "Cancelled."
    assert window.statusBar().currentMessage() == "Cancelled."


def test_cancel_a_display_build(window, qtbot, monkeypatch):
    w = window
    pane = w.show_pane("displays")
    first_spec = ready_spec(w.project, "matrix", columns="cases")
    pane.run_spec(first_spec, None, None)
    qtbot.waitUntil(lambda: pane.display is not None and pane._task is None, timeout=20000)
    shown = pane.display

    gate = Gate(monkeypatch, engine, "python_filter")
    placed = spy(monkeypatch, engine, "assign")
    pane.run_spec(first_spec.with_(measure="sources"), None, None)
    task = pane._task
    _cancelled(w, qtbot, task, gate)
    qtbot.waitUntil(lambda: pane._task is None, timeout=5000)
    assert placed == []  # the engine stopped before placing the codings
    assert pane.display is shown  # the display shown before stays
    r, c = next((r, c) for r, line in enumerate(shown.counts) for c, n in enumerate(line) if n)
    assert pane.model.index(r, c).data() == str(shown.counts[r][c])


def test_cancel_an_agreement(window, qtbot, monkeypatch):
    w = window
    pane = w.show_pane("agreement")
    gate = Gate(monkeypatch, agreement_core, "load_corpus")
    figures = spy(monkeypatch, agreement_core, "_figures")
    task = pane.compute()
    assert task is not None and not pane.compute_button.isEnabled()
    _cancelled(w, qtbot, task, gate, button=True)
    qtbot.waitUntil(lambda: pane.task is None, timeout=5000)
    assert figures == []  # no code's agreement was computed after Cancel
    assert pane.report is None and pane.table.rowCount() == 0
    assert pane.compute_button.isEnabled()


def test_cancel_a_search(window, qtbot, monkeypatch):
    w = window
    w.commands.trigger("search.project")
    pane = w.panes["search"]
    pane.query.setText("anggaran")
    first = pane.run_search()
    qtbot.waitUntil(lambda: first.finished, timeout=30000)
    hits = list(pane.model.hits)
    assert hits

    gate = Gate(monkeypatch, search_core, "resolve")
    visited = spy(monkeypatch, search_core, "_indexed_spans")
    pane.query.clear()
    qtbot.keyClicks(pane.query, "sosialisasi")
    qtbot.keyClick(pane.query, Qt.Key.Key_Return)
    task = pane.task
    assert task is not first
    _cancelled(w, qtbot, task, gate, button=True)
    assert visited == []  # no source was searched after Cancel
    assert pane.model.hits == hits  # the earlier hits stay
    assert pane.request.text == "anggaran"
    assert pane.search_button.isEnabled()
