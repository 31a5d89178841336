"""Starting the app: the readiness file smoke tests wait for, and files given by a file
association (a project opens, a REFI-QDA project is imported)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qualcode.settings import Settings
from qualcode.ui.shell.app import READY_FILE_ENV, open_later

ROOT = Path(__file__).resolve().parents[2]


def _start(ready: Path, *args: str) -> str:
    # QUALCODE_CODER says who codes, as a script or a lab machine would: no first-run question
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QUALCODE_CODER="ana",
        **{READY_FILE_ENV: str(ready)},
    )
    code = "import sys; from qualcode.ui.shell.app import run; run(*sys.argv[1:])"
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ready.exists(), "the app never signalled it was ready"
        return ready.read_text(encoding="utf-8")
    finally:
        proc.kill()
        proc.wait()


def test_ready_file_names_the_open_project(app_project_path: Path, tmp_path: Path) -> None:
    assert _start(tmp_path / "ready", str(app_project_path)).startswith("app-study")


def test_ready_file_without_a_project(tmp_path: Path) -> None:
    assert _start(tmp_path / "ready") == "QualCode"


def test_no_ready_file_unless_asked(qtbot, app_project_path, monkeypatch, tmp_path):
    from qualcode.ui.shell.main_window import MainWindow

    monkeypatch.delenv(READY_FILE_ENV, raising=False)
    window = MainWindow(Settings(coder="ana"))
    qtbot.addWidget(window)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    open_later(window, str(app_project_path))
    qtbot.waitUntil(lambda: window.project is not None)
    assert list(cwd.iterdir()) == []


@pytest.mark.parametrize("name", ["study.qdpx", "STUDY.QDE"])
def test_a_refi_project_is_imported_not_opened(qtbot, tmp_path, monkeypatch, name):
    from qualcode.ui.shell.main_window import MainWindow

    ready = tmp_path / "ready"
    monkeypatch.setenv(READY_FILE_ENV, str(ready))
    window = MainWindow(Settings(coder="ana"))
    qtbot.addWidget(window)
    imported: list[str] = []
    monkeypatch.setattr(window.panes["exports"], "import_refi_file", imported.append)
    opened: list[str] = []
    monkeypatch.setattr(window, "open_path", opened.append)
    path = str(tmp_path / name)
    open_later(window, path)
    qtbot.waitUntil(lambda: imported == [path])
    assert opened == [] and ready.read_text(encoding="utf-8") == "QualCode"
