"""Start the desktop app: ``run(project_path)`` is what ``qualcode gui`` calls.

Kept light: Qt widgets and the main window are imported inside :func:`run`, and
the core's heavy libraries stay lazy, so the window is usable well under two
seconds after start (see ``benchmarks/bench_app.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

READY_FILE_ENV = "QUALCODE_READY_FILE"


def create_application(argv: list[str] | None = None) -> Any:
    """The ``QApplication`` (reused if one exists), with high-DPI rounding set first."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    # Fractional scale factors (125 %, 150 %) stay exact instead of rounding to 1x/2x.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("QualCode")
    app.setOrganizationName("QualCode")
    app.setApplicationDisplayName("QualCode")
    return app


def build_window(project_path: str | None = None) -> Any:
    """Settings, translator and the main window (opened on ``project_path`` if given)."""
    from qualcode.settings import Settings
    from qualcode.ui.i18n import install_translator
    from qualcode.ui.shell.main_window import MainWindow

    settings = Settings.load()
    install_translator(settings.language)
    window = MainWindow(settings)
    if project_path:
        window.open_path(os.fspath(project_path))
    return window


def fit_to_screen(window: Any) -> None:
    """Never open taller or wider than the screen: a 1366×768 laptop gets a maximised window."""
    from PySide6.QtCore import Qt

    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None and (window.width() > room.width() or window.height() > room.height()):
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def ask_coder_once(window: Any) -> None:
    """First run: ask who is coding; a cancelled question keeps the computer's user name,
    remembered so the question is not asked again."""
    from qualcode.settings import resolve_coder

    if not window.ask_coder_identity():
        window.settings.coder = resolve_coder()
        window.settings.save()


def open_later(window: Any, project_path: str, *, review: bool = False) -> None:
    """Open the project once the window is on screen (opening imports the database layer).

    A REFI-QDA project (.qdpx, .qde: a double-click through the file association) is
    imported as a new project instead, as if it had been dropped on the window.
    """
    from PySide6.QtCore import QCoreApplication, QTimer

    from qualcode.ui.features.exports_refi import PROJECT_SUFFIXES

    path = os.fspath(project_path)
    if Path(path).suffix.lower() in PROJECT_SUFFIXES:

        def import_file() -> None:
            signal_ready(window)  # the import asks where to save the new project first
            window.panes["exports"].import_refi_file(path)

        QTimer.singleShot(0, import_file)
        return
    message = QCoreApplication.translate("MainWindow", "Opening {path}…").format(path=path)
    window.statusBar().showMessage(message)

    def open_and_signal() -> None:
        window.open_path(path, review=review)
        if window.statusBar().currentMessage() == message:
            window.statusBar().clearMessage()
        signal_ready(window)

    QTimer.singleShot(0, open_and_signal)


def signal_ready(window: Any) -> None:
    """Write the window's title to ``$QUALCODE_READY_FILE``, if set, once it is usable.

    Smoke tests of the desktop bundle and start-time measurements wait for this file
    instead of guessing with sleeps; it works the same on Linux, Windows and macOS.
    """
    target = os.environ.get(READY_FILE_ENV)
    if target:  # whole or not at all: a waiting reader never sees an empty file
        tmp = Path(target + ".tmp")
        tmp.write_text(window.windowTitle(), encoding="utf-8")
        os.replace(tmp, target)


def run(project_path: str | None = None, *, review: bool = False) -> int:
    """Run the app until the last window closes; returns the exit code."""
    app = create_application()
    window = build_window(None)
    fit_to_screen(window)
    window.show()
    if window.settings.coder is None and not os.environ.get("QUALCODE_CODER"):
        ask_coder_once(window)  # QUALCODE_CODER (a script, a lab machine) already says who codes
    if project_path:
        open_later(window, project_path, review=review)  # signals readiness when shown
    else:
        from PySide6.QtCore import QTimer

        preload_core()
        QTimer.singleShot(0, lambda: signal_ready(window))
    return int(app.exec())


def preload_core() -> None:
    """Import the database layer on a worker thread while the user looks at the start page.

    Opening the first project otherwise pays for it (SQLAlchemy and the models take
    1–2 s to import on a slow machine).
    """
    import threading

    def work() -> None:
        import qualcode.project  # noqa: F401

    threading.Thread(target=work, name="preload-core", daemon=True).start()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1] if len(sys.argv) > 1 else None))
