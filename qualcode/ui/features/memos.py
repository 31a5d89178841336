"""Memos feature: every memo and journal entry in one pane, searchable and filterable.

The pane lists memos with their date, kind, author and what they are written
on; a search box and kind/target filters narrow the list (the same
``project.memos.find`` as ``qualcode memo list``). The selected memo's text is
edited in place and saved when another memo is chosen or Save is pressed. The
feature also brings the commands "New memo on the project", "New journal
entry", "Edit source text…" and File › Export › "Coded transcript…".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import MEMO_KINDS
from qualcode.ui.features import Feature, ReloadWhenShown
from qualcode.ui.features.source_edit import edit_current_source
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, has_project, writable

KIND_NAMES = {
    "analytic": QT_TRANSLATE_NOOP("MemosPane", "analytic"),
    "reflexive": QT_TRANSLATE_NOOP("MemosPane", "reflexive"),
    "method": QT_TRANSLATE_NOOP("MemosPane", "method"),
    "theory": QT_TRANSLATE_NOOP("MemosPane", "theory"),
    "decision": QT_TRANSLATE_NOOP("MemosPane", "decision"),
    "note": QT_TRANSLATE_NOOP("MemosPane", "note"),
    "journal": QT_TRANSLATE_NOOP("MemosPane", "journal"),
}
TARGET_NAMES = {
    "project": QT_TRANSLATE_NOOP("MemosPane", "Project"),
    "source": QT_TRANSLATE_NOOP("MemosPane", "Source"),
    "case": QT_TRANSLATE_NOOP("MemosPane", "Case"),
    "code": QT_TRANSLATE_NOOP("MemosPane", "Code"),
    "coding": QT_TRANSLATE_NOOP("MemosPane", "Coding"),
    "conclusion": QT_TRANSLATE_NOOP("MemosPane", "Conclusion"),
    "display": QT_TRANSLATE_NOOP("MemosPane", "Display"),
    "cell": QT_TRANSLATE_NOOP("MemosPane", "Display cell"),
    "unlinked": QT_TRANSLATE_NOOP("MemosPane", "Unlinked (display deleted)"),
}
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
"""(kind, id, row key, column key) of what a listed memo is written on."""
GONE_ROLE = Qt.ItemDataRole.UserRole + 2
"""True on a memo whose display cell is no longer in the display."""
GONE_MARK = "\u26a0 "


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemosPane", text)


class MemosPane(ReloadWhenShown, QWidget):
    """Memos and journal entries: filter, read, edit, add, delete."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.project: Any = None
        self._shown_id: int | None = None
        self._gone: set[int] | None = None  # memos on vanished cells; None: not checked yet
        self._checking = 0  # the latest check of vanished cells (older results are dropped)
        self._check_running = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(QCoreApplication.translate("MemosPane", "Search memos…"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self)
        self.kind.addItem(QCoreApplication.translate("MemosPane", "All kinds"), None)
        for key in MEMO_KINDS:
            self.kind.addItem(_tr(KIND_NAMES[key]), key)
        self.target = QComboBox(self)
        self.target.addItem(QCoreApplication.translate("MemosPane", "On anything"), None)
        for key, name in TARGET_NAMES.items():
            self.target.addItem(_tr(name), key)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [
                QCoreApplication.translate("MemosPane", "Date"),
                QCoreApplication.translate("MemosPane", "Kind"),
                QCoreApplication.translate("MemosPane", "Author"),
                QCoreApplication.translate("MemosPane", "On"),
                QCoreApplication.translate("MemosPane", "Title"),
            ]
        )
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(QCoreApplication.translate("MemosPane", "Memo text"))
        self.save_button = QPushButton(QCoreApplication.translate("MemosPane", "Save"), self)
        self.delete_button = QPushButton(QCoreApplication.translate("MemosPane", "Delete"), self)
        self.unlink_button = QPushButton(
            QCoreApplication.translate("MemosPane", "Take off display"), self
        )
        self.unlink_button.setToolTip(
            QCoreApplication.translate(
                "MemosPane", "The memo stays, on the project; undo puts it back on its display"
            )
        )
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.target, 1)
        editor = QWidget(self)
        col = QVBoxLayout(editor)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unlink_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.save_button)
        col.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.target.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(self.open_target)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.unlink_button.clicked.connect(self.unlink)
        self._enable()

    # -- project and changes -------------------------------------------------
    def set_project(self, project: Any) -> None:
        self.project = project
        self._shown_id = None
        self._gone, self._check_running = None, False
        self.text.clear()
        self.reload()

    def on_changes(self, changes: Any) -> None:
        self._gone = None  # any change to the data can remove a display's row or column
        self._check_running = False  # a check still running read the data before the change
        if changes.memos or changes.codes or changes.sources or changes.cases or changes.displays:
            self._refresh()
        elif self._lists_cell_memos():
            self._refresh()  # re-marks the memos whose cell vanished (checked on a worker)

    def _lists_cell_memos(self) -> bool:
        return any(
            self.list.topLevelItem(i).data(0, TARGET_ROLE)[0] == "cell"
            for i in range(self.list.topLevelItemCount())
        )

    def show_target(self, kind: str | None) -> None:
        """List only memos on this kind of item (None: on anything)."""
        self.target.setCurrentIndex(max(0, self.target.findData(kind)))

    def open_target(self, item: QTreeWidgetItem | None = None) -> None:
        """Show what a memo on a display or a cell is written on, in the Displays pane."""
        item = item or self.list.currentItem()
        if item is None:
            return
        kind, target_id, row_key, col_key = item.data(0, TARGET_ROLE)
        displays = self.window_.panes.get("displays")
        if kind not in ("display", "cell") or target_id is None or displays is None:
            return
        self.window_.show_pane("displays")
        displays.reveal(int(target_id), row_key, col_key)

    def reload(self) -> None:
        """Fill the list from the core's filtered memos, keeping the selection."""
        self._dirty = False
        keep = self._shown_id
        self.list.blockSignals(True)
        self.list.clear()
        if self.project is None:
            self.list.blockSignals(False)
            self._enable()
            return
        kind = self.kind.currentData()
        memos = self.project.memos.find(
            kinds=[kind] if kind else None,
            target=self.target.currentData(),
            text=self.search.text() or None,
        )
        targets = self.project.memos.targets(memos)
        authors = self.project.memos.authors()
        locale = QLocale()
        for m in reversed(memos):  # newest first
            tg = targets[m.id]
            on = _tr(TARGET_NAMES.get(tg.kind, tg.kind))
            if tg.name:
                on = f"{on}: {tg.name}"
            if tg.kind in ("display", "cell"):
                hint = QCoreApplication.translate("MemosPane", "Double-click to open the display")
            title = m.title or (m.text.strip().splitlines() or [""])[0][:80]
            when = (
                locale.toString(m.created_at.date(), QLocale.FormatType.ShortFormat)
                if m.created_at
                else ""
            )
            item = QTreeWidgetItem(
                [
                    when,
                    _tr(KIND_NAMES.get(m.kind, m.kind)),
                    authors.get(m.coder_id or -1, ""),
                    on,
                    title,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            item.setData(0, TARGET_ROLE, (tg.kind, tg.id, tg.row_key, tg.col_key))
            if tg.kind in ("display", "cell"):
                item.setToolTip(3, f"{on}\n{hint}")
            self.list.addTopLevelItem(item)
            if tg.kind == "cell" and self._gone is not None and m.id in self._gone:
                _mark_gone(item)
            if m.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None:
            self._shown_id = None
            self.text.clear()
        self._enable()
        if self._gone is None:
            self._check_gone()

    def _check_gone(self) -> None:
        """Find, on a worker, the listed memos whose display cell vanished; then mark them."""
        if self.project is None or self._check_running or not self._lists_cell_memos():
            return
        from qualcode.analysis.cell_memos import gone_cell_memos

        project = self.project
        self._checking += 1
        ticket = self._checking
        self._check_running = True

        def work(progress: Any, cancel: Any) -> set[int]:
            memos = project.memos.find(target="cell")
            return gone_cell_memos(project, project.memos.targets(memos), cancel=cancel)

        def done(gone: set[int]) -> None:
            if ticket != self._checking or project is not self.project:
                return  # the data changed meanwhile: a newer check follows
            self._gone, self._check_running = gone, False
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                memo_id = int(item.data(0, Qt.ItemDataRole.UserRole))
                if memo_id in gone and not item.data(0, GONE_ROLE):
                    _mark_gone(item)

        self.window_.dispatcher.run_task(
            QCoreApplication.translate("MemosPane", "Checking memos on display cells…"),
            work,
            done,
            origin=self,
            show_progress=False,
        )

    # -- reading and editing -------------------------------------------------
    def current_memo_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _on_current(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        self.save()  # nothing typed is lost by choosing another memo
        memo_id = None if current is None else int(current.data(0, Qt.ItemDataRole.UserRole))
        self._shown_id = memo_id
        self.text.setPlainText("" if memo_id is None else self.project.memos.get(memo_id).text)
        self.text.document().setModified(False)
        self._enable()

    def save(self) -> None:
        """Store the edited text of the memo being shown (one undoable step)."""
        if self._shown_id is None or self.project is None or not self.text.document().isModified():
            return
        memo_id, text = self._shown_id, self.text.toPlainText()
        self.text.document().setModified(False)
        self.window_.dispatcher.run(self.project.memos.update, memo_id, text=text, origin=self)

    def delete(self) -> None:
        memo_id = self.current_memo_id()
        if memo_id is None:
            return
        if dialogs.ask(
            self,
            QCoreApplication.translate("MemosPane", "Delete memo"),
            QCoreApplication.translate("MemosPane", "Delete the selected memo?"),
        ):
            self._shown_id = None
            self.window_.dispatcher.run(self.project.memos.delete, memo_id, origin=self)

    def unlink(self) -> None:
        """Take the selected memo off its display or cell (one undoable step)."""
        memo_id = self.current_memo_id()
        if memo_id is not None and self._on_display():
            self.window_.dispatcher.run(self.project.memos.unlink_display, memo_id, origin=self)

    def _on_display(self) -> bool:
        item = self.list.currentItem()
        return item is not None and item.data(0, TARGET_ROLE)[0] in ("display", "cell", "unlinked")

    def _enable(self) -> None:
        editable = self.project is not None and not self.project.read_only
        chosen = self._shown_id is not None
        self.text.setReadOnly(not (editable and chosen))
        self.save_button.setEnabled(editable and chosen)
        self.delete_button.setEnabled(editable and chosen)
        self.unlink_button.setEnabled(editable and chosen and self._on_display())


def _mark_gone(item: QTreeWidgetItem) -> None:
    """Mark a listed memo whose display cell is no longer in the display."""
    item.setData(0, GONE_ROLE, True)
    item.setText(3, GONE_MARK + item.text(3))
    item.setForeground(3, QBrush(QColor("#A33A00")))
    item.setToolTip(
        3,
        QCoreApplication.translate(
            "MemosPane",
            "This cell is no longer in the display: its row or column went when the data "
            "changed. The memo is kept, and exports print it under the table, marked so.",
        )
        + "\n"
        + item.text(3)[len(GONE_MARK) :],
    )


def _pane(window: Any) -> MemosPane:
    return window.panes["memos"]


def _new_memo(window: Any, journal: bool) -> None:
    """Ask for a memo's text and write it on the project (or as a journal entry)."""
    title = (
        QCoreApplication.translate("MemosPane", "New journal entry")
        if journal
        else QCoreApplication.translate("MemosPane", "New memo")
    )
    text = dialogs.get_text(window, title, QCoreApplication.translate("MemosPane", "Text:"))
    if not text:
        return
    window.dispatcher.run(
        window.project.memos.create, text, kind="journal" if journal else "analytic"
    )
    window.docks["memos"].show()
    window.docks["memos"].raise_()


def _export_transcript(window: Any) -> None:
    source_id = window.workspace.source_id
    if source_id is None:
        return
    source = window.project.sources.get(source_id)
    path = dialogs.save_file(
        window,
        QCoreApplication.translate("MemosPane", "Export coded transcript"),
        QCoreApplication.translate(
            "MemosPane", "Word document (*.docx);;Web page (*.html);;PDF (*.pdf)"
        ),
        f"{source.name}.docx",
    )
    if not path:
        return
    from qualcode.export.transcript import export_transcripts

    project = window.project
    language = "en" if QLocale().language() == QLocale.Language.English else "id"
    exports = window.panes["exports"]
    masked = exports.pseudonymise  # File › Export › Pseudonymise exports
    exports.run(  # through the guard; leaks are shown and may be accepted
        QCoreApplication.translate("MemosPane", "Exporting coded transcript"),
        lambda progress, cancel: exports.guarded(
            project, path, lambda target: export_transcripts(
                project, [source_id], target, language=language, pseudonymise=masked
            ),
        ),
        exports._saved(path),
    )  # fmt: skip


def _flagged_at_cursor(window: Any) -> list[int]:
    """Codings at the cursor whose text was corrected after coding (to be reviewed)."""
    if window.project is None or window.workspace.source_id is None:
        return []
    flagged = {c.id for c in window.project.codings.flagged()}
    return [cid for cid in window.workspace.codings_at_cursor() if cid in flagged]


def _mark_reviewed(window: Any) -> None:
    ids = _flagged_at_cursor(window)
    if ids:
        window.dispatcher.run(window.project.codings.mark_reviewed, ids)


def _has_source(window: Any) -> bool:
    return has_project(window) and window.workspace.source_id is not None


FEATURE = Feature(
    key="memos",
    title=QT_TRANSLATE_NOOP("panes", "Memos"),
    pane=MemosPane,
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command("memos.new", QT_TRANSLATE_NOOP("commands", "New &memo…"), "analysis",
                lambda w: _new_memo(w, journal=False), writable),
        Command("memos.journal", QT_TRANSLATE_NOOP("commands", "New &journal entry…"), "analysis",
                lambda w: _new_memo(w, journal=True), writable),
        Command("source.edit_text", QT_TRANSLATE_NOOP("commands", "Edit source &text…"), "edit",
                edit_current_source, lambda w: writable(w) and _has_source(w)),
        Command("coding.reviewed", QT_TRANSLATE_NOOP("commands", "Mark edited coding &reviewed"),
                "code", _mark_reviewed, lambda w: writable(w) and bool(_flagged_at_cursor(w)),
                tip=QT_TRANSLATE_NOOP("commands", "The text under this coding was corrected after "
                                      "coding; mark it as checked")),
        Command("export.transcript", QT_TRANSLATE_NOOP("commands", "Coded &transcript…"),
                "export", _export_transcript, _has_source),
    ),
)  # fmt: skip
