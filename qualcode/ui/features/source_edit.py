"""Correcting a transcript in the app: edit its text, preview what happens to the codings, apply.

The dialog edits a copy of the source's text. "Preview" asks the core what the
edit would do (codings kept, flagged for review, removed); "Apply" runs the one
core operation (``project.sources.edit_text``), after confirming when codings
would be removed. Undo takes the whole edit back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qualcode.ui.shell import dialogs


class SourceEditDialog(QDialog):
    """Edit one source's text with a preview of the codings it affects."""

    def __init__(self, window: Any, source_id: int) -> None:
        super().__init__(window)
        self.window_ = window
        self.project = window.project
        self.source_id = source_id
        source = self.project.sources.get(source_id)
        self.setWindowTitle(
            QCoreApplication.translate("SourceEditDialog", "Edit the text of {name}").format(
                name=source.name
            )
        )
        self.setObjectName("source_edit_dialog")
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(self.project.sources.text(source_id))
        self.summary = QLabel(
            QCoreApplication.translate(
                "SourceEditDialog",
                "Correct typos or misheard words. Codings follow their text; codings whose own "
                "text you change are kept and flagged for review.",
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.changes = QListWidget(self)
        split = QSplitter(self)
        split.addWidget(self.editor)
        split.addWidget(self.changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.preview_button = QPushButton(
            QCoreApplication.translate("SourceEditDialog", "&Preview changes"), self
        )
        self.apply_button = QPushButton(
            QCoreApplication.translate("SourceEditDialog", "&Apply"), self
        )
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def _plan(self) -> Any:
        return self.window_.dispatcher.run(
            self.project.sources.preview_edit, self.source_id, self.editor.toPlainText()
        )

    def preview(self) -> Any:
        """Show what the edit would do to the codings; returns the plan (None on an error)."""
        plan = self._plan()
        self.changes.clear()
        if plan is None:
            return None
        codes = {c.id: c.label("id") for c in self.project.codes.all()}
        self.summary.setText(
            QCoreApplication.translate(
                "SourceEditDialog",
                "{changed} changed stretch(es): {kept} coding(s) keep their text, {flagged} "
                "flagged for review, {removed} removed.",
            ).format(
                changed=plan.changed_stretches,
                kept=plan.codings_kept,
                flagged=len(plan.flagged),
                removed=len(plan.removed),
            )
        )
        for ch in plan.flagged:
            self.changes.addItem(
                QCoreApplication.translate(
                    "SourceEditDialog", "Review: {code} “{old}” → “{new}”"
                ).format(code=codes.get(ch.code_id, "?"), old=ch.old_text, new=ch.new_text)
            )
        for ch in plan.removed:
            self.changes.addItem(
                QCoreApplication.translate("SourceEditDialog", "Removed: {code} “{old}”").format(
                    code=codes.get(ch.code_id, "?"), old=ch.old_text
                )
            )
        return plan

    def apply(self) -> None:
        """Apply the edit as one undoable operation (asking first when codings would go)."""
        plan = self.preview()
        if plan is None:
            return
        if plan.removed and not dialogs.ask(
            self,
            QCoreApplication.translate("SourceEditDialog", "Remove codings?"),
            QCoreApplication.translate(
                "SourceEditDialog",
                "The text of {n} coding(s) is deleted by this edit. Remove them with it?",
            ).format(n=len(plan.removed)),
        ):
            return
        done = self.window_.dispatcher.run(
            self.project.sources.edit_text, self.source_id, self.editor.toPlainText(), origin=self
        )
        if done is not None:
            self.accept()


def edit_current_source(window: Any) -> QWidget | None:
    """Open the edit dialog on the source shown in the document view."""
    source_id = window.workspace.source_id
    if window.project is None or source_id is None:
        return None
    dialog = SourceEditDialog(window, source_id)
    dialog.open()
    return dialog
