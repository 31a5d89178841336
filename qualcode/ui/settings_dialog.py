"""Settings: the interface language (applied live) and the coder's name."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from qualcode.settings import Settings
from qualcode.ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    """Edits a :class:`Settings`; the caller saves and applies it."""

    def __init__(self, settings: Settings, parent: object = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.coder = QLineEdit(settings.coder or "", self)
        self.coder.setPlaceholderText(self.tr("Your name as a coder (used for new codings)"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Coder name"), self.coder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply_to(self, settings: Settings) -> None:
        """Copy the chosen values into ``settings``."""
        settings.language = self.language.currentData()
        settings.coder = self.coder.text().strip() or None
