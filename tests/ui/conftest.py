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


# -- the desktop app ------------------------------------------------------------------------------
APP_TEXT = (
    "P: Bagaimana sosialisasi program smart city di dinas Bapak?\n"
    "I1: Sosialisasi sudah kami lakukan lewat grup WhatsApp dan rapat koordinasi, "
    "tetapi anggaran untuk pelatihan operator masih sangat terbatas.\n"
    "P: Apa kendala utama integrasi data?\n"
    "I1: Data kependudukan belum terhubung dengan aplikasi perizinan.\n"
)


@pytest.fixture
def app_project_path(tmp_path):
    """A small study built with the core API: two sources, a case with turns, three codes."""
    from qualcode.project import Project

    path = tmp_path / "app-study.qdaproj"
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1 Kadis Diskominfo", APP_TEXT, kind="interview", language="id")
        src_id = src.result.id
        p.sources.add_text("D1 Perbup", "Pasal 1. Masterplan smart regency.", kind="document")
        case = p.cases.create("I1").result
        p.attributes.define("Agency", owner="case")
        p.attributes.set_value(p.attributes.find("Agency").id, "Diskominfo", case_id=case.id)
        first = APP_TEXT.index("I1:")
        p.cases.link(case.id, src_id, first, APP_TEXT.index("\n", first), speaker="I1")
        comm = p.codes.create(
            "Communication", color="#1f77b4", labels={"en": "Communication", "id": "Komunikasi"}
        ).result
        p.codes.create(
            "Resources", color="#ff7f0e", labels={"en": "Resources", "id": "Sumber daya"}
        )
        p.codes.create("Budget", color="#2ca02c", labels={"en": "Budget", "id": "Anggaran"})
        start = APP_TEXT.index("Sosialisasi sudah")
        p.codings.apply(src_id, start, start + len("Sosialisasi sudah kami lakukan"), comm.id)
    return path


DIALOGS = ("ask", "choose", "choose_item", "get_text", "get_multiline_text", "get_color",
           "open_files", "open_file", "save_file", "folder", "inform")  # fmt: skip


def forbid_dialogs(monkeypatch) -> None:
    """Make every modal question fail the test unless the test patches it itself."""
    from qualcode.ui.shell import dialogs

    def unexpected(*_a, **_k):
        raise AssertionError("a modal dialog was opened that the test did not expect")

    for name in DIALOGS:
        monkeypatch.setattr(dialogs, name, unexpected)


@pytest.fixture
def sample_window(qtbot, sample_study_file, tmp_path, monkeypatch):
    """``sample_window(coder=, size=)``: a main window on a fresh copy of the sample study,
    every modal question patched to fail unless the test answers it."""
    import shutil

    from qualcode.settings import Settings
    from qualcode.ui.shell.main_window import MainWindow

    forbid_dialogs(monkeypatch)
    windows = []

    def open_window(coder: str = "peneliti", size: tuple[int, int] | None = None):
        copy = tmp_path / f"study-{len(windows)}.qdaproj"
        shutil.copy(sample_study_file, copy)
        window = MainWindow(Settings(coder=coder))
        qtbot.addWidget(window)
        assert window.open_path(str(copy))
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.dispatcher.wait_all()
        window.close()


@pytest.fixture
def main_window(qtbot, app_project_path, monkeypatch):
    """The main window on the small study; every modal question must be answered by the test."""
    from qualcode.settings import Settings
    from qualcode.ui.shell.main_window import MainWindow

    forbid_dialogs(monkeypatch)
    window = MainWindow(Settings(coder="ana"))
    qtbot.addWidget(window)
    assert window.open_path(str(app_project_path))
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def select_words(window, words: str) -> tuple[int, int]:
    """Select the first occurrence of ``words`` in the shown source."""
    text = window.workspace.view.text()
    start = text.index(words)
    window.workspace.view.select_range(start, start + len(words))
    return start, start + len(words)


@pytest.fixture
def select_text():
    """``select_text(window, words)`` selects words in the shown source."""
    return select_words
