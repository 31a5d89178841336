"""The workspace on a 1366×768 laptop: every pane docked fits, the transcript gets the room,
no shortcut is claimed twice, paragraph numbers are right at once."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence, QShortcut


def _show_all_docks(w) -> None:
    for dock in w.docks.values():
        dock.show()


def test_every_dock_open_fits_a_laptop_screen(main_window, qapp):
    w = main_window
    _show_all_docks(w)
    qapp.processEvents()
    hint = w.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700, hint
    w.resize(1366, 700)
    qapp.processEvents()
    assert w.height() <= 700 and w.width() <= 1366


def test_the_transcript_gets_most_of_the_width(main_window, qapp):
    w = main_window
    w.resize(1366, 700)
    qapp.processEvents()
    side = w.docks["navigation"].width() + w.docks["detail"].width()
    assert w.workspace.width() >= side, (w.workspace.width(), side)
    assert w.workspace.width() >= 0.5 * w.width()


def test_no_two_commands_share_a_shortcut(main_window):
    w = main_window
    keys: dict[str, list[str]] = defaultdict(list)
    for action in w.findChildren(QAction):
        for seq in action.shortcuts():
            if not seq.isEmpty():
                keys[seq.toString(QKeySequence.SequenceFormat.PortableText)].append(
                    action.objectName() or action.text()
                )
    for shortcut in w.findChildren(QShortcut):
        seq = shortcut.key()
        if not seq.isEmpty() and shortcut.isEnabled():
            keys[seq.toString(QKeySequence.SequenceFormat.PortableText)].append(
                f"{shortcut.parent().objectName() or type(shortcut.parent()).__name__} shortcut"
            )
    assert "Ctrl+F" in keys and "Ctrl+K" in keys and "1" in keys
    duplicates = {k: v for k, v in keys.items() if len(v) > 1}
    assert not duplicates, duplicates


def test_ctrl_f_in_the_text_opens_the_find_bar(main_window, qtbot):
    from PySide6.QtCore import Qt

    w = main_window
    w.activateWindow()
    editor = w.workspace.view.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.workspace.view.find_bar.isVisible()


def test_displays_form_keeps_build_visible(main_window, qapp):
    w = main_window
    pane = w.show_pane("displays")
    w.resize(1366, 700)
    qapp.processEvents()
    build = pane.form.build
    assert build.isVisible()
    assert pane.findChild(type(pane.form.parentWidget().parentWidget()), "displayFormScroll")
    assert not pane.form.isAncestorOf(build)  # not inside the scrolled form


def test_paragraph_numbers_are_repainted_right_after_switching_sources(sample_window, qtbot):
    from PySide6.QtCore import QEvent, QObject

    w = sample_window(size=(1366, 700))
    sources = [s for s in w.project.sources.all() if s.kind == "interview"][:2]
    w.open_source(sources[0].id)
    w.workspace.view.scroll_to(len(w.workspace.view.text()) // 2)
    qtbot.wait(50)
    editor = w.workspace.view.editor
    painted: list[int] = []

    class Spy(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                blocks = editor.visible_blocks()
                painted.append(blocks[0][0].blockNumber() + 1 if blocks else 0)
            return False

    spy = Spy()
    editor.numbers.installEventFilter(spy)
    w.open_source(sources[1].id)
    qtbot.waitUntil(lambda: bool(painted), timeout=3000)
    assert painted[-1] == 1  # the new source's first paragraph, not the old scroll position
    editor.numbers.removeEventFilter(spy)


def test_the_app_window_fits_a_small_screen(main_window):
    from qualcode.ui.shell.app import fit_to_screen

    w = main_window
    w.resize(3000, 2000)
    fit_to_screen(w)
    room = w.screen().availableGeometry()
    assert w.width() <= room.width() and w.height() <= room.height()
