"""File › New "Encrypt this project", and opening an encrypted project asks its password."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog

from qualcode import credentials
from qualcode.project import Project
from qualcode.store import cipher
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.password_dialog import PasswordChoice, PasswordDialog


def _no_keyring(monkeypatch) -> None:
    monkeypatch.delenv("QUALCODE_PASSWORD", raising=False)
    monkeypatch.setattr(credentials, "_keyring", lambda: None)


def test_new_encrypted_project_then_open_it_with_its_password(
    main_window, monkeypatch, tmp_path
) -> None:
    _no_keyring(monkeypatch)
    w = main_window
    target = tmp_path / "rahasia"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(target))
    monkeypatch.setattr(dialogs, "project_password", lambda *a, **k: PasswordChoice("pw", False))
    w.commands.trigger("project.new")
    path = tmp_path / "rahasia.qdaproj"
    assert w.project is not None and w.project.encrypted
    w.project.codes.create("Komunikasi")
    w.close_project()
    assert cipher.is_encrypted(path) and b"Komunikasi" not in path.read_bytes()
    asked = []
    monkeypatch.setattr(
        dialogs, "project_password",
        lambda _w, p, new: asked.append((p, new)) or PasswordChoice("pw", False),
    )  # fmt: skip
    assert w.open_path(str(path))
    assert asked == [(str(path), False)]
    assert [c.name for c in w.project.codes.all()] == ["Komunikasi"]


def test_wrong_password_shows_an_error_and_changes_nothing(
    main_window, monkeypatch, tmp_path
) -> None:
    _no_keyring(monkeypatch)
    path = tmp_path / "e.qdaproj"
    with Project.create(path, coder="ana", password="benar"):
        pass
    before = path.read_bytes()
    monkeypatch.setattr(dialogs, "project_password", lambda *a, **k: PasswordChoice("salah", False))
    assert not main_window.open_path(str(path))
    assert main_window.project is None
    assert "does not open" in main_window.dispatcher.last_error
    assert path.read_bytes() == before
    for box in QApplication.topLevelWidgets():
        if box.objectName() == "errorBox":
            box.close()
    monkeypatch.setattr(dialogs, "project_password", lambda *a, **k: None)  # cancelled
    assert not main_window.open_path(str(path))


def test_plain_new_project_when_not_ticked(main_window, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(tmp_path / "biasa.qdaproj"))
    monkeypatch.setattr(dialogs, "project_password", lambda *a, **k: PasswordChoice(None, False))
    main_window.commands.trigger("project.new")
    assert main_window.project is not None and not main_window.project.encrypted
    assert not cipher.is_encrypted(tmp_path / "biasa.qdaproj")


def test_password_dialog(qtbot) -> None:
    dialog = PasswordDialog(None, "x.qdaproj", new=True)
    qtbot.addWidget(dialog)
    assert not dialog.password.isEnabled()
    dialog.encrypt.setChecked(True)
    assert dialog.password.isEnabled() and dialog.remember.isEnabled()
    dialog.password.setText("a")
    dialog.repeat.setText("b")
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.problem.text()
    dialog.repeat.setText("a")
    dialog.remember.setChecked(True)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == PasswordChoice("a", True)
    plain = PasswordDialog(None, "x.qdaproj", new=True)
    qtbot.addWidget(plain)
    plain.buttons.accepted.emit()
    assert plain.choice() == PasswordChoice(None, False)
