"""The Speakers pane: review and fix the speaker turns of the open source.

Import guesses who speaks (``qualcode.sources.turns``); here the student sees
every turn (time, speaker, case, opening words), changes a turn's speaker,
splits a turn at the caret, merges it with the next, marks the selected text
as a turn (for a source where nothing was recognised) and maps a speaker label
to a case. Each button runs ONE core operation of
``qualcode.sources.speaker_edit`` through the dispatcher, so Edit › Undo takes
it back, and the pane redraws from the change set.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.changes import Area
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature, ReloadWhenShown
from qualcode.ui.shell.commands import Command, has_project

ID_ROLE = Qt.ItemDataRole.UserRole + 1
AREAS = (Area.CASE_LINKS, Area.SOURCES, Area.CASES)


class SpeakersPane(ReloadWhenShown, QWidget):
    """Turns of the current source with relabel, split, merge, mark and map."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakersPane")
        self.window_ = window
        self.project: Any = None
        self.source_id: int | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("speakersSummary")
        self.summary.setWordWrap(True)
        self.turns = QTreeWidget(self)
        self.turns.setObjectName("speakerTurns")
        self.turns.setRootIsDecorated(False)
        self.turns.setColumnCount(4)
        self.turns.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.turns.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.turns.itemActivated.connect(self._jump)
        self.turns.itemClicked.connect(self._jump)
        self.turns.currentItemChanged.connect(lambda *_: self._enable())
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, slot in (
            ("speaker", self.ask_speaker),
            ("split", self.split_at_caret),
            ("merge", self.merge_with_next),
            ("mark", self.ask_mark_selection),
            ("map", self.ask_map),
        ):
            button = QPushButton(self)
            button.setObjectName(f"speakers.{key}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.turns, 1)
        layout.addLayout(row)
        window.workspace.source_shown.connect(self.show_source)
        self.retranslate()

    # -- feature protocol ---------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show nothing until a source is opened."""
        self.project = project
        self.source_id = None
        self.reload()

    def on_changes(self, changes: Any) -> None:
        """Redraw when turns, sources or cases changed."""
        if self.project is not None and changes.changed(*AREAS):
            self._refresh()

    def show_source(self, source_id: int) -> None:
        """Follow the document view to another source."""
        if source_id != self.source_id:
            self.source_id = source_id
            self.turns.clear()
        self._refresh()

    # -- drawing -------------------------------------------------------------------------
    def reload(self) -> None:
        """List the turns of the current source."""
        from qualcode.sources.importing import turns

        self._dirty = False
        current = self.current_turn()
        self.turns.clear()
        if self.project is None or self.source_id is None:
            self.summary.setText(self.tr("Open a source to review its speakers."))
            self._enable()
            return
        found = turns(self.project, self.source_id)
        text = self.project.sources.text(self.source_id)
        for number, turn in enumerate(found, 1):
            words = " ".join(text[turn.start : turn.end].split())
            item = QTreeWidgetItem(
                [
                    str(number),
                    turn.speaker,
                    turn.case,
                    words[:120] + ("…" if len(words) > 120 else ""),
                ]
            )
            item.setData(0, ID_ROLE, turn.link_id)
            item.setToolTip(3, words[:600])
            if turn.role == "interviewer":
                item.setForeground(1, self.palette().placeholderText())
            self.turns.addTopLevelItem(item)
            if turn.link_id == current:
                self.turns.setCurrentItem(item)
        speakers = sorted({t.speaker for t in found})
        if found:
            self.summary.setText(
                self.tr("%n turn(s); speakers: {speakers}", "", len(found)).format(
                    speakers=", ".join(speakers)
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "No speaker turns in this source. Select a passage in the document and "
                    "press “Mark selection” to give it a speaker."
                )
            )
        self._enable()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.turns.setHeaderLabels(
            [self.tr("#"), self.tr("Speaker"), self.tr("Case"), self.tr("Text")]
        )
        labels = {
            "speaker": (self.tr("Speaker…"), self.tr("Give the selected turn another speaker")),
            "split": (
                self.tr("Split at caret"),
                self.tr("Split the selected turn where the caret is"),
            ),
            "merge": (
                self.tr("Merge with next"),
                self.tr("Join the selected turn and the one after it"),
            ),
            "mark": (
                self.tr("Mark selection…"),
                self.tr("Make the selected text a turn of a speaker"),
            ),
            "map": (self.tr("Map speakers…"), self.tr("Link each speaker label to a case")),
        }
        for key, (text, tip) in labels.items():
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(tip)
        self.reload()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _enable(self) -> None:
        writable = self.project is not None and not self.project.read_only
        has_source = writable and self.source_id is not None
        chosen = has_source and self.current_turn() is not None
        for key in ("speaker", "split", "merge"):
            self.buttons[key].setEnabled(chosen)
        self.buttons["mark"].setEnabled(has_source)
        self.buttons["map"].setEnabled(has_source and self.turns.topLevelItemCount() > 0)

    # -- reading -------------------------------------------------------------------------
    def current_turn(self) -> int | None:
        """Link id of the selected turn."""
        item = self.turns.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def select_turn(self, link_id: int) -> None:
        """Select the turn with this link id."""
        for i in range(self.turns.topLevelItemCount()):
            item = self.turns.topLevelItem(i)
            if item.data(0, ID_ROLE) == link_id:
                self.turns.setCurrentItem(item)

    def speaker_labels(self) -> list[str]:
        """Labels in use in this source, then the usual role words."""
        from qualcode.sources.importing import turns

        used = list(dict.fromkeys(t.speaker for t in turns(self.project, self.source_id)))
        return used + [w for w in ("Peneliti", "Informan") if w not in used]

    def _turn(self, link_id: int) -> Any:
        from qualcode.sources.importing import turns

        return next(t for t in turns(self.project, self.source_id) if t.link_id == link_id)

    def _jump(self, item: QTreeWidgetItem) -> None:
        turn = self._turn(int(item.data(0, ID_ROLE)))
        view = self.window_.workspace.view
        view.select_range(turn.start, turn.end)
        view.scroll_to(turn.start)

    # -- operations ----------------------------------------------------------------------
    def set_speaker(self, link_id: int, speaker: str) -> Any:
        """Give a turn another speaker (one undo step)."""
        from qualcode.sources.speaker_edit import set_turn_speaker

        return self.window_.dispatcher.run(set_turn_speaker, self.project, link_id, speaker)

    def split(self, link_id: int, at: int) -> Any:
        """Split a turn at an offset (one undo step)."""
        from qualcode.sources.speaker_edit import split_turn

        return self.window_.dispatcher.run(split_turn, self.project, link_id, at)

    def merge(self, link_id: int) -> Any:
        """Merge a turn with the next one (one undo step)."""
        from qualcode.sources.speaker_edit import merge_turns

        return self.window_.dispatcher.run(merge_turns, self.project, link_id)

    def mark(self, start: int, end: int, speaker: str) -> Any:
        """Make ``start..end`` a turn of ``speaker`` (one undo step)."""
        from qualcode.sources.speaker_edit import add_turn

        assert self.source_id is not None
        return self.window_.dispatcher.run(
            add_turn, self.project, self.source_id, start, end, speaker
        )

    def map_to_case(self, speaker: str, case: str, role: str) -> Any:
        """Link every turn of a label to a case (one undo step)."""
        from qualcode.sources.speaker_edit import map_speaker

        assert self.source_id is not None
        return self.window_.dispatcher.run(
            map_speaker, self.project, self.source_id, speaker, case, role=role
        )

    # -- buttons -------------------------------------------------------------------------
    def ask_speaker(self) -> None:
        """Ask for the selected turn's new speaker."""
        link_id = self.current_turn()
        if link_id is None:
            return
        label = _ask_label(
            self, self.tr("Change speaker"), self.speaker_labels(), self._turn(link_id)
        )
        if label:
            self.set_speaker(link_id, label)

    def split_at_caret(self) -> None:
        """Split the selected turn where the document's caret is."""
        link_id = self.current_turn()
        if link_id is None:
            return
        self.split(link_id, self.window_.workspace.cursor_offset())

    def merge_with_next(self) -> None:
        """Merge the selected turn with the next one."""
        link_id = self.current_turn()
        if link_id is not None:
            self.merge(link_id)

    def ask_mark_selection(self) -> None:
        """Ask for a speaker and mark the document's selection as a turn."""
        selection = self.window_.workspace.selection()
        if selection is None:
            self.window_.statusBar().showMessage(
                self.tr("Select a passage in the document first."), 6000
            )
            return
        label = _ask_label(self, self.tr("Mark selection"), self.speaker_labels(), None)
        if label:
            self.mark(selection[0], selection[1], label)

    def ask_map(self) -> None:
        """Map each speaker label to a case and a role in a small form."""
        from qualcode.sources.importing import turns

        found = turns(self.project, self.source_id)
        speakers = list(dict.fromkeys((t.speaker, t.case, t.role) for t in found))
        cases = sorted(c.name for c in self.project.cases.all())
        dialog = MapSpeakersDialog(self, speakers, cases)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        for speaker, case, role in dialog.choices():
            before = next((c, r) for s, c, r in speakers if s == speaker)
            if (case, role) != before:
                self.map_to_case(speaker, case, role)


def _ask_label(parent: QWidget, title: str, labels: list[str], turn: Any) -> str | None:
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(labels)
    if turn is not None:
        box.setCurrentText(turn.speaker)
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    form.addRow(QCoreApplication.translate("SpeakersPane", "Speaker:"), box)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    try:
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return box.currentText().strip() if ok and box.currentText().strip() else None
    finally:
        dialog.deleteLater()


class MapSpeakersDialog(QDialog):
    """Speaker label → case (editable list of cases) and role."""

    def __init__(
        self, parent: QWidget, speakers: list[tuple[str, str, str]], cases: list[str]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapSpeakers")
        self.setWindowTitle(self.tr("Map speakers to cases"))
        form = QFormLayout(self)
        self.rows: list[tuple[str, QComboBox, QComboBox]] = []
        for speaker, case, role in speakers:
            case_box = QComboBox(self)
            case_box.setEditable(True)
            case_box.addItems(cases)
            case_box.setCurrentText(case)
            role_box = QComboBox(self)
            role_box.addItem(self.tr("Informant"), "participant")
            role_box.addItem(self.tr("Interviewer"), "interviewer")
            role_box.setCurrentIndex(1 if role == "interviewer" else 0)
            line = QHBoxLayout()
            line.addWidget(case_box, 1)
            line.addWidget(role_box)
            form.addRow(speaker, line)
            self.rows.append((speaker, case_box, role_box))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choices(self) -> list[tuple[str, str, str]]:
        """(speaker, case, role) as chosen."""
        return [(s, c.currentText().strip(), r.currentData()) for s, c, r in self.rows]


def _show(w: Any) -> None:
    pane = w.show_pane("speakers")
    if w.workspace.source_id is not None:
        pane.show_source(w.workspace.source_id)


FEATURE = Feature(
    key="speakers",
    title=QT_TRANSLATE_NOOP("panes", "Speakers"),
    pane=SpeakersPane,
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "source.speakers",
            QT_TRANSLATE_NOOP("commands", "Review &speakers"),
            "view",
            _show,
            enabled=has_project,
            tip=QT_TRANSLATE_NOOP(
                "commands", "List the speaker turns of the open source and fix them"
            ),
        ),
    ),
)
