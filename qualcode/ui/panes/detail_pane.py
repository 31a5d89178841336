"""The detail pane: the codings at the cursor with their attributes, a code's definition,
and the memo of the selected object.

Edits are saved through the dispatcher as core operations (each one undo step);
the pane reloads from the project when a change set touches what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import VALENCES
from qualcode.ui.panes.code_tree import swatch

VALENCE_LABELS = {
    "supporting": QT_TRANSLATE_NOOP("kinds", "supporting"),
    "inhibiting": QT_TRANSLATE_NOOP("kinds", "inhibiting"),
    "neutral": QT_TRANSLATE_NOOP("kinds", "neutral"),
}


def valence_label(valence: str | None) -> str:
    """A valence in the current language ("—" for none)."""
    if not valence:
        return "—"
    return QCoreApplication.translate("kinds", VALENCE_LABELS.get(valence, valence))


def _text(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


class CodingDetails(QWidget):
    """Codings covering the cursor; the chosen one's valence, magnitude, period and note.

    Edits save themselves (no Save button): a valence at once, magnitude and
    period when the field is left, the note a moment after typing stops, and
    anything pending before another coding is shown. The form always belongs to
    the coding it was filled from (``form_id``), so an edit never lands on the
    coding the cursor moved to.
    """

    def __init__(self, owner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner  # the main window: project, dispatcher, workspace
        self.list = QListWidget(self)
        self.list.setObjectName("codingsHere")
        self.valence = QComboBox(self)
        self.valence.setObjectName("valence")
        self.magnitude = QLineEdit(self)
        self.magnitude.setObjectName("magnitude")
        self.period = QLineEdit(self)
        self.period.setObjectName("period")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("codingNote")
        self.note.setMaximumHeight(90)
        self.form_id: int | None = None
        self._flushing = False
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(800)
        self._note_timer.timeout.connect(self.save_attributes)
        self.form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(
            self._labels, (self.valence, self.magnitude, self.period, self.note), strict=True
        ):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.form)
        self.list.currentItemChanged.connect(lambda *_: self._switch())
        self.valence.activated.connect(lambda _i: self.save_attributes())
        self.magnitude.editingFinished.connect(self.save_attributes)
        self.period.editingFinished.connect(self.save_attributes)
        self.note.textChanged.connect(self._note_timer.start)
        self.note.installEventFilter(self)
        self._ids: list[int] = []
        self._shown_ids: list[int] = []
        self.retranslate()
        self._fill()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        """Save the note when it loses the focus."""
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.save_attributes()
        return super().eventFilter(watched, event)

    def _switch(self) -> None:
        self.save_attributes()  # pending edits belong to the coding the form was filled from
        self._fill()

    def show_codings(
        self, coding_ids: list[int], *, force: bool = False, prefer: Sequence[int] = ()
    ) -> None:
        """List the codings ``coding_ids`` (those at the cursor); ``force`` after a change.

        ``prefer`` names codings just made: the first of them that is listed is chosen,
        so the form is on the new coding, not on an older one it overlaps.
        """
        project = self.owner.project
        if not self._flushing:
            self.save_attributes()
        keep = next((c for c in prefer if c in coding_ids), None) or self.current_coding_id()
        if (
            not force
            and not prefer
            and project is not None
            and list(coding_ids) == self._ids == self._shown_ids
        ):
            return  # nothing new to show (a selection moved within the same codings)
        self._ids = list(coding_ids)
        self.list.blockSignals(True)
        self.list.clear()
        self._shown_ids = []
        if project is None:
            self.list.blockSignals(False)
            self._fill()
            return
        codes = self.owner.code_cache() if self._ids else {}
        shown = getattr(self.owner.workspace, "span", lambda _cid: None)
        for cid in self._ids:
            span = shown(cid)  # the document view has it: no read
            if span is not None:
                name, color, start, end = span.code_name, span.color, span.start, span.end
            else:
                try:
                    coding = project.codings.get(cid)
                except Exception:  # removed meanwhile
                    continue
                code = codes.get(coding.code_id)
                if code is None:
                    continue
                name, color, start, end = code.name, code.color, coding.start, coding.end
            item = QListWidgetItem(swatch(color), name)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setToolTip(f"{start}–{end}")
            self.list.addItem(item)
            self._shown_ids.append(cid)
            if cid == keep or self.list.count() == 1:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._fill()

    def select_coding(self, coding_id: int) -> None:
        """Choose one of the listed codings (a clicked coding)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == coding_id:
                self.list.setCurrentRow(row)

    def current_coding_id(self) -> int | None:
        """The coding whose attributes are shown."""
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _fill(self) -> None:
        cid = self.current_coding_id()
        project = self.owner.project
        enabled = cid is not None and project is not None
        fields = (self.valence, self.magnitude, self.period, self.note)
        for w in fields:
            w.setEnabled(enabled and not project.content_read_only)
            w.blockSignals(True)
        self._note_timer.stop()
        try:
            coding = None
            if enabled:
                try:
                    coding = project.codings.get(cid)
                except Exception:  # removed meanwhile
                    coding = None
            self.form_id = coding.id if coding is not None else None
            if coding is None:
                self.valence.setCurrentIndex(0)
                self.magnitude.clear()
                self.period.clear()
                self.note.clear()
                return
            index = self.valence.findData(coding.valence or "")
            self.valence.setCurrentIndex(max(index, 0))
            # A field that already shows the stored value keeps its caret (typing goes on).
            for edit, value in (
                (self.magnitude, coding.magnitude),
                (self.period, coding.period),
                (self.note, coding.note),
            ):
                if _text(edit) != (value or ""):
                    if isinstance(edit, QLineEdit):
                        edit.setText(value or "")
                    else:
                        edit.setPlainText(value or "")
        finally:
            for w in fields:
                w.blockSignals(False)

    def set_valence(self, valence: str | None) -> None:
        """Set the chosen coding's valence now (keys 1/2/3, 0 clears)."""
        self.valence.setCurrentIndex(max(self.valence.findData(valence or ""), 0))
        self.save_attributes()

    def save_attributes(self) -> None:
        """Save what changed in the form to the coding it shows, as one operation."""
        cid = self.form_id
        project = self.owner.project
        self._note_timer.stop()
        if cid is None or project is None or project.read_only or self._flushing:
            return
        try:
            before = project.codings.get(cid)
        except Exception:  # the coding was removed meanwhile
            self.form_id = None
            return
        wanted = {
            "valence": self.valence.currentData() or None,
            "magnitude": self.magnitude.text().strip() or None,
            "period": self.period.text().strip() or None,
            "note": self.note.toPlainText(),
        }
        changed = {k: v for k, v in wanted.items() if (getattr(before, k) or None) != (v or None)}
        if not changed:
            return
        self._flushing = True
        try:
            self.owner.dispatcher.run(project.codings.set_attributes, cid, origin=self, **changed)
        finally:
            self._flushing = False

    def retranslate(self) -> None:
        """Texts in the current language."""
        current = self.valence.currentData()
        self.valence.clear()
        self.valence.addItem("—", "")
        for v in VALENCES:
            self.valence.addItem(valence_label(v), v)
        self.valence.setCurrentIndex(max(self.valence.findData(current or ""), 0))
        for label, text in zip(
            self._labels,
            (self.tr("&Valence"), self.tr("&Magnitude"), self.tr("&Period"), self.tr("&Note")),
            strict=True,
        ):
            label.setText(text)
        self.list.setAccessibleName(self.tr("Codings at the cursor"))
        self.valence.setAccessibleName(self.tr("Valence"))
        self.magnitude.setAccessibleName(self.tr("Magnitude"))
        self.period.setAccessibleName(self.tr("Period"))
        self.note.setAccessibleName(self.tr("Note"))
        self.magnitude.setPlaceholderText(self.tr("e.g. high, 3"))
        self.period.setPlaceholderText(self.tr("e.g. 2023, before the masterplan"))
        self.setToolTip(self.tr("Coding details are saved as you edit them"))


CODE_FIELDS = ("name", "description", "inclusion", "exclusion", "example")


class CodeDefinition(QWidget):
    """A code's name, definition, when to use, when not to use, example and labels EN/ID."""

    def __init__(self, owner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner
        self.code_id: int | None = None
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {
            "name": QLineEdit(self),
            "description": QPlainTextEdit(self),
            "inclusion": QPlainTextEdit(self),
            "exclusion": QPlainTextEdit(self),
            "example": QPlainTextEdit(self),
            "label_en": QLineEdit(self),
            "label_id": QLineEdit(self),
        }
        form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for key, field in self.fields.items():
            field.setObjectName(f"code_{key}")
            if isinstance(field, QPlainTextEdit):
                field.setTabChangesFocus(True)
                field.setMaximumHeight(70)
            label = QLabel(self)
            label.setBuddy(field)
            self._labels[key] = label
            form.addRow(label, field)
        self.save = QPushButton(self)
        self.save.setObjectName("saveCode")
        self.save.clicked.connect(self.save_definition)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addStretch(1)
        self.retranslate()
        self.show_code(None)

    def show_code(self, code_id: int | None) -> None:
        """Fill the form from the code (empty and disabled for None)."""
        project = self.owner.project
        code = None
        if code_id is not None and project is not None:
            try:
                code = project.codes.get(code_id)
            except Exception:  # deleted meanwhile
                code = None
        self.code_id = code.id if code is not None else None
        values = {k: getattr(code, k) if code else "" for k in CODE_FIELDS}
        values["label_en"] = code.labels.get("en", "") if code else ""
        values["label_id"] = code.labels.get("id", "") if code else ""
        writable = code is not None and not project.content_read_only
        for key, field in self.fields.items():
            if isinstance(field, QLineEdit):
                field.setText(values[key])
            else:
                field.setPlainText(values[key])
            field.setEnabled(writable)
        self.save.setEnabled(writable)

    def save_definition(self) -> None:
        """Save the changed fields as one "Edit code" operation."""
        if self.code_id is None:
            return
        project = self.owner.project
        code = project.codes.get(self.code_id)
        changed: dict[str, Any] = {}
        for key in CODE_FIELDS:
            value = _text(self.fields[key]).strip()
            if value != getattr(code, key):
                changed[key] = value
        labels = dict(code.labels)
        for lang in ("en", "id"):
            value = _text(self.fields[f"label_{lang}"]).strip()
            if value:
                labels[lang] = value
            else:
                labels.pop(lang, None)
        if labels != code.labels:
            changed["labels"] = labels
        if changed:
            self.owner.dispatcher.run(project.codes.update, self.code_id, origin=self, **changed)

    def retranslate(self) -> None:
        """Texts in the current language."""
        names = {
            "name": self.tr("&Name"),
            "description": self.tr("&Definition"),
            "inclusion": self.tr("When to &use"),
            "exclusion": self.tr("When &not to use"),
            "example": self.tr("E&xample"),
            "label_en": self.tr("Label (English)"),
            "label_id": self.tr("Label (Indonesian)"),
        }
        for key, text in names.items():
            self._labels[key].setText(text)
            self.fields[key].setAccessibleName(text.replace("&", ""))
        self.save.setText(self.tr("Save definition"))


class MemoEditor(QWidget):
    """The memo about the selected object (source, case or code), written in place."""

    def __init__(self, owner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.owner = owner
        self.target: tuple[str, int] | None = None
        self._loaded = ""
        self._memo_id: int | None = None
        self._version: int | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("memoText")
        self.save = QPushButton(self)
        self.save.setObjectName("saveMemo")
        self.save.clicked.connect(self.save_memo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.save)
        self._name = ""
        self.retranslate()
        self.show_target(None, "")

    def show_target(self, target: tuple[str, int] | None, name: str) -> None:
        """Show the memo of ``target`` (("code", 3)...), or nothing.

        Unsaved text of the memo shown so far is saved first: moving on never loses it.
        """
        if self.target is not None and target != self.target and self.is_dirty():
            self.save_memo()
        self.target = target
        self._name = name
        self._memo_id = None
        self._version = None
        project = self.owner.project
        text = ""
        if target is not None and project is not None:
            memos = project.memos.all(target[0], target[1])
            if memos:
                self._memo_id, self._version, text = memos[0].id, memos[0].version, memos[0].text
        self.text.setPlainText(text)
        self._loaded = text
        writable = target is not None and project is not None and not project.content_read_only
        self.text.setEnabled(writable)
        self.save.setEnabled(writable)
        self._set_title()

    def is_dirty(self) -> bool:
        """Whether the text differs from the memo as saved."""
        return self.owner.project is not None and self.text.toPlainText() != self._loaded

    def save_memo(self) -> None:
        """Create the memo or update it (refusing to overwrite someone else's edit)."""
        if self.target is None or self.owner.project is None:
            return
        project = self.owner.project
        text = self.text.toPlainText()
        if self._memo_id is None:
            if not text.strip():
                return
            done = self.owner.dispatcher.run(
                project.memos.create,
                text,
                title=self._name,
                target=self.target[0],
                target_id=self.target[1],
                origin=self,
            )
        else:
            done = self.owner.dispatcher.run(
                project.memos.update,
                self._memo_id,
                text=text,
                expected_version=self._version,
                origin=self,
            )
        if done is not None:  # on a conflict the text stays for the user to copy
            self.show_target(self.target, self._name)

    def _set_title(self) -> None:
        if self.target is None:
            self.title.setText(self.tr("Select a source, case or code to write its memo."))
        else:
            self.title.setText(self.tr("Memo on {name}").format(name=self._name))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.save.setText(self.tr("Save memo"))
        self.text.setAccessibleName(self.tr("Memo text"))
        self._set_title()


class DetailPane(QTabWidget):
    """Tabs: codings here, code definition, memo."""

    def __init__(self, owner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.codings = CodingDetails(owner, self)
        self.code = CodeDefinition(owner, self)
        self.memo = MemoEditor(owner, self)
        self.addTab(self.codings, "")
        self.addTab(self.code, "")
        self.addTab(self.memo, "")
        self.retranslate()

    def retranslate(self) -> None:
        """Tab titles in the current language."""
        self.setTabText(0, self.tr("Coding"))
        self.setTabText(1, self.tr("Code"))
        self.setTabText(2, self.tr("Memo"))
        for part in (self.codings, self.code, self.memo):
            part.retranslate()

    def on_changes(self, changes: Any, origin: object) -> None:
        """Reload the parts whose data changed (not the one that saved it)."""
        if changes.codes and origin is not self.code:
            self.code.show_code(self.code.code_id)
        if changes.memos and origin is not self.memo:
            self.memo.show_target(self.memo.target, self.memo._name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
