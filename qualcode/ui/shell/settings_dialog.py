"""Settings: the interface language (applied live), the coder's name and role.

The same form, without the language, is the first-run question "who is coding?"
(:class:`CoderDialog`): asked once, when no coder name is set yet, so codings,
comments and the undo history carry the student's name, not the computer's user.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from qualcode.settings import Settings
from qualcode.ui.i18n import LANGUAGES

ROLES = ("researcher", "supervisor")


class SettingsDialog(QDialog):
    """Edits a :class:`Settings`; the caller saves and applies it."""

    def __init__(self, settings: Settings, parent: object = None, *, language: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.coder = QLineEdit(settings.coder or "", self)
        self.coder.setObjectName("coderName")
        self.coder.setPlaceholderText(self.tr("Your name as a coder (used for new codings)"))
        self.role = QComboBox(self)
        self.role.setObjectName("coderRole")
        self.role.addItem(self.tr("Researcher (student)"), "researcher")
        self.role.addItem(self.tr("Supervisor"), "supervisor")
        self.role.setCurrentIndex(max(self.role.findData(settings.coder_role or "researcher"), 0))
        if language:
            form.addRow(self.tr("&Language"), self.language)
        else:
            self.language.hide()
        form.addRow(self.tr("&Coder name"), self.coder)
        form.addRow(self.tr("&Role"), self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def apply_to(self, settings: Settings) -> None:
        """Copy the chosen values into ``settings``."""
        settings.language = self.language.currentData()
        settings.coder = " ".join(self.coder.text().split()) or None
        settings.coder_role = self.role.currentData()


class CoderDialog(SettingsDialog):
    """First run: who is coding, and as researcher or supervisor."""

    def __init__(self, settings: Settings, parent: object = None) -> None:
        super().__init__(settings, parent, language=False)
        self.setObjectName("coderDialog")
        self.setWindowTitle(self.tr("Who is coding?"))
        intro = QLabel(
            self.tr(
                "Your name is stored with every coding, comment and undo step, so a "
                "supervisor and a student can code the same project. You can change it "
                "later in Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        layout.insertRow(0, intro)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.coder.text()))
        self.coder.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())
            )
        )
