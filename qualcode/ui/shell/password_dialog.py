"""The password questions of encrypted projects: on File › New and when opening one.

The password is typed (twice for a new project) and, if the user ticks it, kept
in the system keyring; it is never written to the settings or a file.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class PasswordChoice:
    """What the user answered: the password (None: not encrypted) and whether to keep it."""

    password: str | None
    remember: bool


class PasswordDialog(QDialog):
    """Asks for a project's password; for a new project, whether to encrypt it at all."""

    def __init__(self, parent: QWidget | None, path: str, *, new: bool) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.new = new
        self.setWindowTitle(self.tr("New project") if new else self.tr("Encrypted project"))
        self.encrypt = QCheckBox(self.tr("&Encrypt this project"), self)
        self.encrypt.setObjectName("encryptProject")
        self.encrypt.setToolTip(
            self.tr("The file, its backups and its search index are unreadable without the "
                    "password. A forgotten password cannot be recovered.")
        )  # fmt: skip
        self.password = QLineEdit(self)
        self.password.setObjectName("projectPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("projectPasswordRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password in the system keyring"), self)
        self.remember.setObjectName("rememberPassword")
        self.problem = QLabel(self)
        self.problem.setObjectName("passwordProblem")
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        if new:
            form.addRow(self.tr("Re&peat:"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if new:
            layout.addWidget(self.encrypt)
            self.encrypt.toggled.connect(self._enable)
        else:
            layout.addWidget(QLabel(self.tr("{file} is encrypted.").format(file=path), self))
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._enable()

    def _enable(self) -> None:
        on = self.encrypt.isChecked() or not self.new
        for widget in (self.password, self.repeat, self.remember):
            widget.setEnabled(on)

    def _accept(self) -> None:
        if self.new and not self.encrypt.isChecked():
            self.accept()
            return
        if not self.password.text():
            self.problem.setText(self.tr("Type a password."))
            return
        if self.new and self.password.text() != self.repeat.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return
        self.accept()

    def choice(self) -> PasswordChoice:
        """The answer (call after ``exec`` returned Accepted)."""
        if self.new and not self.encrypt.isChecked():
            return PasswordChoice(None, False)
        return PasswordChoice(self.password.text(), self.remember.isChecked())
