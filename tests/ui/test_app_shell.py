"""The app shell: start page, sample study, command table and palette, remembered docks, leaks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qualcode.settings import Settings
from qualcode.ui.shell.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, **kw):
    from qualcode.ui.shell.main_window import MainWindow

    window = MainWindow(Settings(coder="ana", **kw))
    qtbot.addWidget(window)
    return window


def test_start_page_without_a_project(qtbot):
    w = _window(qtbot)
    assert w.central.currentWidget() is w.start_page
    labels = [b.defaultAction().objectName() for b in w.start_page.buttons]
    assert labels == ["project.new", "project.open", "project.sample"]
    assert w.commands.actions["project.sample"].isEnabled()
    assert not w.commands.actions["code.quick"].isEnabled()
    assert not w.commands.actions["edit.undo"].isEnabled()
    assert all(dock.isHidden() for dock in w.docks.values())  # nothing to show yet


def test_build_window_opens_a_project_and_remembers_it(qtbot, app_project_path):
    from qualcode.ui.shell.app import build_window, create_application

    assert create_application() is QApplication.instance()
    w = build_window(str(app_project_path))
    qtbot.addWidget(w)
    assert w.project is not None and w.central.currentWidget() is w.workspace
    assert w.windowTitle().startswith("app-study")
    assert Settings.load().recent_projects == [str(app_project_path.resolve())]
    w.close_project()
    assert w.central.currentWidget() is w.start_page
    assert w.start_page.recent.count() == 1


def test_open_the_sample_study_builds_it_off_the_ui_thread(qtbot, tmp_path, monkeypatch):
    from qualcode.ui.shell.main_window import MainWindow

    target = tmp_path / "Documents" / "QualCode" / "sample.qdaproj"
    monkeypatch.setattr(MainWindow, "sample_path", lambda self: target)
    w = _window(qtbot)
    task = w.open_sample_study()
    with qtbot.waitSignal(task.done, timeout=60000):
        pass
    assert target.exists()
    assert w.project is not None and len(w.project.sources.all()) == 11
    assert w.navigation.cases.topLevelItemCount() > 0
    assert w.workspace.view.text()  # the first interview is shown
    links = w.project.cases.links(source_id=w.workspace.source_id)
    assert any(link.speaker for link in links)  # speaker turns come from case links
    w.close_project()
    w.open_sample_study()  # the second time it is opened, not rebuilt
    assert w.project is not None and w.project.path == target.resolve()


def test_every_command_is_in_a_menu_with_its_shortcut_in_the_tooltip(qtbot):
    w = _window(qtbot)
    in_menus = {a.objectName() for m in w.commands.menus.values() for a in m.actions()}
    assert {c.id for c in COMMANDS} <= in_menus
    quick = w.commands.actions["code.quick"]
    assert quick.shortcut().toString() == "Ctrl+K"
    assert "Ctrl+K" in quick.toolTip()
    assert len({a.shortcut().toString() for a in w.commands.actions.values() if not
                a.shortcut().isEmpty()}) == sum(not a.shortcut().isEmpty()
                                                for a in w.commands.actions.values())  # fmt: skip


def test_command_palette_runs_a_command_by_name(main_window, qtbot):
    w = main_window
    palette = w.show_palette()
    qtbot.keyClicks(palette.edit, "start page")
    assert palette.list.count() == 1
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert w.central.currentWidget() is w.start_page


def test_docks_are_remembered_between_sessions(qtbot, app_project_path):
    first = _window(qtbot)
    first.open_path(str(app_project_path))
    first.docks["retrieval"].hide()
    first.close()  # saves the layout
    second = _window(qtbot)
    assert all(dock.isHidden() for dock in second.docks.values())  # start page
    second.open_path(str(app_project_path))
    assert second.docks["retrieval"].isHidden()
    assert not second.docks["codebook"].isHidden()


def test_the_leak_fixture_fails_a_test_that_leaks_a_window(tmp_path):
    folder = tmp_path / "leaky"
    folder.mkdir()
    (folder / "conftest.py").write_text((ROOT / "tests/ui/conftest.py").read_text("utf-8"), "utf-8")
    (folder / "test_leaky.py").write_text(
        textwrap.dedent(
            """
            from PySide6.QtWidgets import QDialog

            KEEP = []

            def test_leaks(qtbot):
                d = QDialog()
                d.setObjectName("forgotten")
                d.show()
                KEEP.append(d)
            """
        ),
        "utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0
    assert "leaked top-level windows: QDialog('forgotten')" in run.stdout


def test_gui_command_is_registered():
    run = subprocess.run(
        [sys.executable, "-m", "qualcode", "gui", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0 and "PROJECT" in run.stdout


def test_a_project_open_elsewhere_can_be_opened_read_only(qtbot, app_project_path, monkeypatch):
    from qualcode.project import Project
    from qualcode.ui.shell import dialogs

    asked = []

    def choose(_w, _t, text, options):
        asked.append((text, options))
        return 1  # read-only (0 is "Open for review")

    monkeypatch.setattr(dialogs, "choose", choose)
    with Project.open(app_project_path, coder="budi", backups=False):
        w = _window(qtbot)
        assert w.open_path(str(app_project_path))
        assert "open in another window" in asked[0][0]
        assert asked[0][1] == ["Open for review", "Open read-only"]
        assert w.project.read_only
        assert "(read-only)" in w.windowTitle()
        w.workspace.view.select_range(0, 5)
        w.commands.refresh()
        assert not w.commands.actions["code.quick"].isEnabled()
        assert not w.detail.memo.save.isEnabled()
        w.close_project()
