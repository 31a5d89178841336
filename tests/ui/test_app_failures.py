"""The app shows storage failures as clear messages, never as a traceback, and opens odd paths."""

from __future__ import annotations

import errno
import shutil
import sqlite3

from qualcode.settings import Settings


def _window(qtbot):
    from qualcode.ui.shell.main_window import MainWindow

    window = MainWindow(Settings(coder="ana"))
    qtbot.addWidget(window)
    return window


def test_quick_call_failing_on_a_full_disk_shows_a_message(qtbot):
    w = _window(qtbot)

    def write() -> None:
        raise sqlite3.OperationalError("database or disk is full")

    assert w.dispatcher.run(write) is None
    assert "disk is full" in (w.dispatcher.last_error or "")


def test_slow_task_failing_on_a_full_disk_shows_a_message(qtbot):
    w = _window(qtbot)

    def export(progress, cancel) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    task = w.dispatcher.run_task("Export", export, show_progress=False)
    with qtbot.waitSignal(task.done, timeout=10000):
        pass
    assert "disk is full" in (w.dispatcher.last_error or "")


def test_a_damaged_project_points_to_backups(qtbot, app_project_path):
    data = bytearray(app_project_path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    app_project_path.write_bytes(bytes(data))
    w = _window(qtbot)
    assert not w.open_path(str(app_project_path))
    assert "damaged" in (w.dispatcher.last_error or "")
    assert w.project is None


def test_open_a_project_in_a_folder_named_with_hash_and_emoji(qtbot, app_project_path, tmp_path):
    folder = tmp_path / "Skripsi #2 ? 😀"
    folder.mkdir()
    target = folder / "s.qdaproj"
    shutil.copy(app_project_path, target)
    w = _window(qtbot)
    assert w.open_path(str(target))
    assert w.project.info().sources == 2
    w.close_project()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("Skripsi") and p != folder]


def test_file_restore_from_backup(qtbot, app_project_path, monkeypatch):
    from qualcode.ui.features.backups import restore_from_backup
    from qualcode.ui.shell import dialogs

    w = _window(qtbot)
    assert "project.restore_backup" in w.commands.actions
    assert w.open_path(str(app_project_path))  # opening makes the rolling copy
    w.project.codes.create("Ditambahkan setelah salinan")
    offered = []
    monkeypatch.setattr(
        dialogs, "choose_item", lambda _w, _t, _l, items: offered.extend(items) or items[0][1]
    )
    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    assert restore_from_backup(w)
    assert "automatic" in offered[0][0]
    assert w.project is not None
    assert "Ditambahkan setelah salinan" not in [c.name for c in w.project.codes.all()]
    w.close_project()


def test_restore_without_an_open_project_asks_for_the_file(qtbot, app_project_path, monkeypatch):
    from qualcode.project import Project
    from qualcode.ui.features.backups import restore_from_backup
    from qualcode.ui.shell import dialogs

    Project.open(app_project_path, coder="ana").close()
    w = _window(qtbot)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(app_project_path))
    monkeypatch.setattr(dialogs, "choose_item", lambda _w, _t, _l, items: items[0][1])
    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    assert restore_from_backup(w)
    assert w.project is not None and w.project.info().sources == 2
    w.close_project()
