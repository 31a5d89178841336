"""Member checks in the Conclusions pane: record where checking a claim, or one of the
informants behind it, stands (not asked / sent / confirmed / disputed, a note and a date).

The dialog only collects the choice; the pane runs one core operation
(``project.member_checks.set``) for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP

STATUS_NAMES = {
    "not_asked": QT_TRANSLATE_NOOP("ConclusionsPane", "not asked"),
    "sent": QT_TRANSLATE_NOOP("ConclusionsPane", "sent"),
    "confirmed": QT_TRANSLATE_NOOP("ConclusionsPane", "confirmed"),
    "disputed": QT_TRANSLATE_NOOP("ConclusionsPane", "disputed"),
}


def status_name(status: str) -> str:
    """A member-check status in the user's language."""
    return QCoreApplication.translate("ConclusionsPane", STATUS_NAMES.get(status, status))


def checks_text(v: Any) -> str:
    """The member checks of a verified claim in one line."""
    if v is None or v.member_check is None:
        return ""
    text = QCoreApplication.translate("ConclusionsPane", "Member check: {status}").format(
        status=status_name(v.member_check.status)
    )
    if v.member_check.checked_on is not None:
        text += f" ({v.member_check.checked_on.isoformat()})"
    if v.member_check.note:
        text += f" \u2014 {v.member_check.note}"
    if v.informant_checks:
        text += " · " + QCoreApplication.translate(
            "ConclusionsPane", "informants: {checks}"
        ).format(checks=", ".join(f"{n} ({status_name(s)})" for n, s in v.informant_checks))
    return text


class MemberCheckDialog(QDialog):
    """Whose check (the claim or an informant), its status, note and date."""

    def __init__(self, parent: QWidget, targets: list[tuple[str, str, int]], current: Any) -> None:
        """``targets``: (label, "conclusion" | "case", id); ``current(target, id)`` reads one."""
        super().__init__(parent)
        self.setObjectName("memberCheckDialog")
        self.setWindowTitle(QCoreApplication.translate("ConclusionsPane", "Member check"))
        self._current = current
        self.target = QComboBox(self)
        for text, kind, ident in targets:
            self.target.addItem(text, (kind, ident))
        self.status = QComboBox(self)
        for key in STATUS_NAMES:
            self.status.addItem(status_name(key), key)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(
            QCoreApplication.translate("ConclusionsPane", "What was sent, what the informant said")
        )
        self.dated = QCheckBox(QCoreApplication.translate("ConclusionsPane", "Dated"), self)
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.dated.toggled.connect(self.day.setEnabled)
        self.dated.setChecked(True)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("ConclusionsPane", "Check of:"), self.target)
        form.addRow(QCoreApplication.translate("ConclusionsPane", "Status:"), self.status)
        form.addRow(QCoreApplication.translate("ConclusionsPane", "Note:"), self.note)
        form.addRow(self.dated, self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.target.currentIndexChanged.connect(lambda _i: self._load())
        self._load()

    def _load(self) -> None:
        kind, ident = self.target.currentData()
        check = self._current(kind, ident)
        self.status.setCurrentIndex(max(self.status.findData(check.status), 0))
        self.note.setText(check.note)
        if check.checked_on is not None:
            self.day.setDate(QDate(check.checked_on.year, check.checked_on.month,
                                   check.checked_on.day))  # fmt: skip

    def values(self) -> tuple[str, int, str, str, str | None]:
        """(target, id, status, note, date as YYYY-MM-DD or None)."""
        kind, ident = self.target.currentData()
        status = str(self.status.currentData())
        dated = self.dated.isChecked() and status != "not_asked"  # "not asked" has no date
        day = self.day.date().toString("yyyy-MM-dd") if dated else None
        return kind, int(ident), status, self.note.text(), day
