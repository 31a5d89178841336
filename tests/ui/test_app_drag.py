"""Select text, drag it onto a code, and the coding is applied: through the widgets' own code.

The mouse presses inside the selection and moves past the drag distance, so the text
area's own text control starts a drag and builds its mime data (we record what
``createMimeDataFromSelection`` returns). On the offscreen platform ``QDrag.exec``
cannot run its nested event loop: Qt has no platform drag there and ``exec`` returns
``IgnoreAction`` at once (checked below, so this test notices when that changes).
The drop half therefore delivers that same mime payload to the code tree as Qt's
drag manager would: drag-enter, drag-move and drop events at the code's row.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

PHRASE = "Data kependudukan belum terhubung"


def _drag_out_of_the_text(window) -> list[QMimeData]:
    """Press inside the selection and move away: return the mime data the drag carried."""
    editor = window.workspace.view.editor
    built: list[QMimeData] = []
    own = editor.createMimeDataFromSelection

    def recording() -> QMimeData:
        mime = own()
        copy = QMimeData()  # the drag deletes its mime data when it ends
        for fmt in mime.formats():
            copy.setData(fmt, mime.data(fmt))
        built.append(copy)
        return mime

    editor.createMimeDataFromSelection = recording  # called by Qt's text control
    start, _end = window.workspace.selection()
    inside = editor.cursorRect(editor.cursor_for_range(start + 8, start + 8)).center()
    away = inside + QPoint(QApplication.startDragDistance() * 3, 0)
    try:
        QTest.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=inside)
        QTest.mouseMove(editor.viewport(), away)  # past the drag distance: the drag starts
    finally:
        del editor.createMimeDataFromSelection
    return built


def _release_over_the_tree(window) -> None:
    """The button comes up over the codebook (a platform drag would swallow this)."""
    QTest.mouseRelease(window.code_tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def _drop(window, code_id: int, mime: QMimeData) -> QDropEvent:
    tree = window.code_tree
    pos = tree.visualRect(tree.model_.index_of(code_id)).center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(tree.viewport(), enter)
    assert enter.isAccepted() == bool(tree._wanted(enter))
    QApplication.sendEvent(tree.viewport(), QDragMoveEvent(pos, *args))
    event = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(tree.viewport(), event)
    return event


# PySide marks the QPoint constructors of drag events deprecated; they are the ones Qt has.
def test_offscreen_qt_cannot_run_a_real_drag_loop(qtbot):
    """Why the drop half is delivered by the test: ``exec`` returns at once here."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    drag = QDrag(widget)
    mime = QMimeData()
    mime.setText("x")
    drag.setMimeData(mime)
    if QApplication.platformName() != "offscreen":
        pytest.skip("a real platform runs the drag loop; this test is about offscreen")
    assert drag.exec(Qt.DropAction.CopyAction) == Qt.DropAction.IgnoreAction


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dragging_selected_text_onto_a_code_codes_it(main_window, select_text, qtbot):
    w = main_window
    budget = w.project.codes.find("Budget").id
    start, end = select_text(w, PHRASE)
    [mime] = _drag_out_of_the_text(w)  # the text area's own drag code ran once
    assert mime.text() == PHRASE
    assert w.workspace.selection() == (start, end)  # pressing in it kept the selection

    event = _drop(w, budget, mime)
    _release_over_the_tree(w)
    assert event.isAccepted()
    codings = [c for c in w.project.codings.list() if c.code_id == budget]
    assert [(c.start, c.end) for c in codings] == [(start, end)]
    spans = {(s.code_name, s.start, s.end) for s in w.workspace.view.editor.spans}
    assert ("Budget", start, end) in spans
    qtbot.waitUntil(lambda: w.code_tree.model_.counts_of(budget)[0] == (1, 1))
    assert w.commands.actions["edit.undo"].isEnabled()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_drag_whose_text_is_no_longer_the_selection_is_refused(main_window, select_text):
    w = main_window
    budget = w.project.codes.find("Budget").id
    select_text(w, PHRASE)
    [mime] = _drag_out_of_the_text(w)
    _release_over_the_tree(w)
    select_text(w, "rapat koordinasi")  # the selection moved on before the drop
    assert not _drop(w, budget, mime).isAccepted()
    assert not [c for c in w.project.codings.list() if c.code_id == budget]


def test_a_press_outside_the_selection_starts_no_drag(main_window, select_text):
    w = main_window
    editor = w.workspace.view.editor
    select_text(w, PHRASE)
    built: list[QMimeData] = []
    own = editor.createMimeDataFromSelection
    editor.createMimeDataFromSelection = lambda: built.append(own()) or built[-1]
    try:
        outside = editor.cursorRect(editor.cursor_for_range(2, 2)).center()
        QTest.mousePress(editor.viewport(), Qt.MouseButton.LeftButton, pos=outside)
        QTest.mouseMove(editor.viewport(), outside + QPoint(40, 0))
        QTest.mouseRelease(editor.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    finally:
        del editor.createMimeDataFromSelection
    assert built == []  # it selected text instead
    assert w.workspace.selection() is not None and w.workspace.selected_text() != PHRASE
