"""Bahasa Indonesia everywhere: Qt's standard buttons, dates, plurals, "&" shown as itself."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from qualcode.ui.i18n import install_translator


@pytest.fixture
def indonesian(qapp):
    install_translator("id")
    yield
    install_translator("en")


def test_standard_buttons_are_indonesian(indonesian, qtbot):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    message = QMessageBox(QMessageBox.Icon.Question, "t", "x", buttons)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ya"
    assert message.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Tidak"


def test_lock_message_has_a_local_date_not_an_iso_timestamp(indonesian):
    from qualcode.errors import ProjectLockedError
    from qualcode.ui.shell.main_window import _msg

    exc = ProjectLockedError(
        owner="ana on laptop (pid 1) since 2026-05-03T08:15:00+00:00",
        user="ana", host="laptop", since="2026-05-03T08:15:00+00:00",
    )  # fmt: skip
    text = _msg(exc)
    assert "2026-05-03T" not in text and " on laptop" not in text
    assert "ana di laptop, sejak" in text and "Mei" in text
    assert "Buka sebagai hanya-baca?" in text or "hanya-baca" in text.lower()


def test_one_excerpt_is_singular(main_window):
    w = main_window
    w.show_excerpts(w.project.codes.find("Communication").id)
    assert w.retrieval.title.text() == "Communication: 1 excerpt"


def test_ampersands_in_names_are_shown_not_mnemonics(main_window, select_text):
    from qualcode.ui.shell.main_window import menu_text

    assert menu_text("Research & Development") == "Research && Development"
    w = main_window
    code = w.dispatcher.run(w.project.codes.create, "R&D").result
    select_text(w, "Data kependudukan")
    w.apply_code(code.id)
    texts = [a.text() for a in w.recent_bar.actions()]
    assert "R&&D" in texts
