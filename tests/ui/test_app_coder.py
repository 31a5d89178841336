"""Coder identity: asked once on the first run, switched at once, shown in the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def test_settings_switch_the_coder_of_the_open_project_at_once(
    main_window, monkeypatch, select_text
):
    from qualcode.ui.shell import settings_dialog

    w = main_window
    select_text(w, "Data kependudukan")
    w.apply_code(w.project.codes.find("Budget").id)
    assert w.undo_label() is not None

    def answer(dialog: settings_dialog.SettingsDialog) -> int:
        dialog.coder.setText("Bu Dosen")
        dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", answer)
    w.show_settings()
    assert w.project.coder == "Bu Dosen" and w.settings.coder_role == "supervisor"
    assert w.undo_label() is None  # the supervisor's own (empty) undo history
    assert "Bu Dosen" in w.status_project.text() and "supervisor" in w.status_project.text()
    w.dispatcher.run(w.project.memos.create, "Perjelas definisi.")
    assert w.project.audit_log(limit=1)[0].coder == "Bu Dosen"


def test_first_run_asks_who_is_coding_once(qtbot, monkeypatch, tmp_path):
    from qualcode.settings import Settings
    from qualcode.ui.shell import app, settings_dialog
    from qualcode.ui.shell.main_window import MainWindow

    monkeypatch.setenv("QUALCODE_CONFIG_DIR", str(tmp_path))
    asked: list[str] = []

    def answer(dialog: settings_dialog.CoderDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.coder.setText("Sari")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(settings_dialog.CoderDialog, "exec", answer)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    app.ask_coder_once(window)
    assert asked == ["Who is coding?"]
    assert Settings.load().coder == "Sari" and Settings.load().coder_role == "researcher"


def test_a_cancelled_first_run_question_is_not_asked_again(qtbot, monkeypatch, tmp_path):
    from qualcode.settings import Settings
    from qualcode.ui.shell import app, settings_dialog
    from qualcode.ui.shell.main_window import MainWindow

    monkeypatch.setenv("QUALCODE_CONFIG_DIR", str(tmp_path))
    monkeypatch.setattr(settings_dialog.CoderDialog, "exec", lambda d: 0)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    app.ask_coder_once(window)
    assert Settings.load().coder  # the computer's user name, kept: no second question


def test_opening_message_is_cleared(qtbot, app_project_path):
    from qualcode.settings import Settings
    from qualcode.ui.shell import app
    from qualcode.ui.shell.main_window import MainWindow

    window = MainWindow(Settings(coder="ana"))
    qtbot.addWidget(window)
    app.open_later(window, str(app_project_path))
    assert window.statusBar().currentMessage().startswith("Opening")
    qtbot.waitUntil(lambda: window.project is not None)
    assert not window.statusBar().currentMessage().startswith("Opening")
    window.close()
