"""Qt test setup: offscreen platform, and no test may leave a top-level window behind."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Fail the test when it leaves a top-level widget alive (tooltips excepted)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtWidgets import QApplication

    before = set(QApplication.topLevelWidgets())
    yield
    # pytest-qt has closed and deleteLater()'d the widgets registered with qtbot.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    transient = (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w not in before and w.windowType() not in transient
    ]
    if leaked:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in leaked)
        for w in leaked:
            w.close()
            w.deleteLater()
        pytest.fail(f"test leaked top-level windows: {names}")
