"""Start the desktop app: ``run(project_path)`` is what ``qualcode gui`` calls.

Kept light: Qt widgets and the main window are imported inside :func:`run`, and
the core's heavy libraries stay lazy, so the window is usable well under two
seconds after start (see ``benchmarks/bench_app.py``).
"""

from __future__ import annotations

import os
import sys
from typing import Any


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
    from qualcode.ui.main_window import MainWindow

    settings = Settings.load()
    install_translator(settings.language)
    window = MainWindow(settings)
    if project_path:
        window.open_path(os.fspath(project_path))
    return window


def open_later(window: Any, project_path: str, *, review: bool = False) -> None:
    """Open the project once the window is on screen (opening imports the database layer)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    message = QCoreApplication.translate("MainWindow", "Opening {path}…")
    window.statusBar().showMessage(message.format(path=project_path))
    QTimer.singleShot(0, lambda: window.open_path(os.fspath(project_path), review=review))


def run(project_path: str | None = None, *, review: bool = False) -> int:
    """Run the app until the last window closes; returns the exit code."""
    app = create_application()
    window = build_window(None)
    window.show()
    if project_path:
        open_later(window, project_path, review=review)
    else:
        preload_core()
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
