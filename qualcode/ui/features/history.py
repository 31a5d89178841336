"""The History pane (Edit › History) and File › Compare with another version.

History lists the audit trail newest first, filtered by date and coder, each
entry with what it touched (code, source, quoted text: :mod:`qualcode.changes_since`),
and undoes the acting coder's own steps back to a chosen one ("Undo to here":
one core call, :meth:`Project.undo_to`). Compare lists what changed between
another copy of the project and this one (:mod:`qualcode.analysis.compare`).
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature, ReloadWhenShown
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, can_review, has_project

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def touched_words(entry: Any) -> str:
    """What an entry touched, in one line (first three rows)."""
    parts = []
    rows = entry.rows()
    for x in rows[:3]:
        quote = f"“{x.quote}”" if x.quote else ""
        parts.append(" ".join(v for v in (x.code, x.source, quote, x.text) if v))
    extra = f" (+{len(rows) - 3})" if len(rows) > 3 else ""
    return "; ".join(p for p in parts if p) + extra


class HistoryPane(ReloadWhenShown, QWidget):
    """The audit trail filtered by date and coder, with "Undo to here" for one's own steps."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.window_ = window
        self.project: Any = None
        self.entries: list[Any] = []
        self.use_since = QCheckBox(self)
        self.use_since.toggled.connect(lambda _on: self.reload())
        self.since = QDateEdit(self)
        self.since.setCalendarPopup(True)
        self.since.setDate(QDate.currentDate().addDays(-14))
        self.since.dateChanged.connect(lambda _d: self.reload())
        self.coder = QComboBox(self)
        self.coder.setObjectName("historyCoder")
        self.coder.currentIndexChanged.connect(lambda _i: self.reload())
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("historyUndo")
        self.undo_button.clicked.connect(self.undo_to_here)
        self.list = QTreeWidget(self)
        self.list.setObjectName("historyList")
        self.list.setColumnCount(4)
        self.list.setRootIsDecorated(False)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        bar = QHBoxLayout()
        for w in (self.use_since, self.since, self.coder):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def set_project(self, project: Any) -> None:
        """Show a newly opened project's history (None: closed)."""
        self.project = project
        self.reload()

    def on_changes(self, changes: Any) -> None:
        """Every operation adds an entry."""
        if self.project is not None:
            self._refresh()

    def _fill_coders(self) -> None:
        from qualcode.changes_since import coders

        keep = self.coder.currentData()
        self.coder.blockSignals(True)
        self.coder.clear()
        self.coder.addItem(self.tr("All coders"), None)
        for name in coders(self.project) if self.project is not None else []:
            self.coder.addItem(name, name)
        found = self.coder.findData(keep)
        self.coder.setCurrentIndex(max(found, 0))
        self.coder.blockSignals(False)

    def reload(self) -> None:
        """Read the filtered entries again."""
        from qualcode.changes_since import history

        self._dirty = False
        self._fill_coders()  # a coder's first step adds them to the filter
        self.list.clear()
        self.entries = []
        if self.project is None:
            self._enable()
            return
        since = self.since.date().toPython() if self.use_since.isChecked() else None
        self.entries = history(self.project, since=since, coder=self.coder.currentData(),
                               limit=500)  # fmt: skip
        locale = QLocale()
        for e in self.entries:
            when = e.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
            item = QTreeWidgetItem([locale.toString(when, QLocale.FormatType.ShortFormat),
                                    e.coder, e.label, touched_words(e)])  # fmt: skip
            item.setData(0, ID_ROLE, e.id)
            item.setToolTip(3, item.text(3))
            self.list.addTopLevelItem(item)
        self._enable()

    def current(self) -> Any:
        """The chosen entry, or None."""
        item = self.list.currentItem()
        wanted = item.data(0, ID_ROLE) if item is not None else None
        return next((e for e in self.entries if e.id == wanted), None)

    def undo_to_here(self) -> None:
        """Undo one's own steps back to and including the chosen one (one core call)."""
        e = self.current()
        if e is None or e.step_id is None or not can_review(self.window_):
            return
        done = self.window_.dispatcher.run(self.project.undo_to, e.step_id, origin=self)
        if done is None and self.window_.project is not None:
            dialogs.inform(self, self.tr("Undo to here"),
                           self.tr("This step can no longer be undone."))  # fmt: skip
        self.reload()

    def _enable(self) -> None:
        e = self.current()
        mine = (
            e is not None
            and self.project is not None
            and e.coder == self.project.coder
            and e.step_id is not None
            and e.op not in ("undo", "redo")
        )
        self.undo_button.setEnabled(bool(mine) and not self.project.read_only)
        self.since.setEnabled(self.use_since.isChecked())

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.use_since.setText(self.tr("Since"))
        self.undo_button.setText(self.tr("Undo to here"))
        self.undo_button.setToolTip(self.tr("Undo your own steps back to the chosen one"))
        self.list.setHeaderLabels(
            [self.tr("When"), self.tr("Coder"), self.tr("Operation"), self.tr("Touched")]
        )
        self.list.setAccessibleName(self.tr("Project history"))
        self.coder.setAccessibleName(self.tr("Show the history of coder"))
        self._fill_coders()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CompareDialog(QDialog):
    """What changed from another copy of the project to this one."""

    def __init__(self, parent: QWidget | None, differences: list[Any]) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Changes since the other version"))
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Kind"), self.tr("Change"), self.tr("What"), self.tr("Text")]
        )
        kinds = {
            "code": self.tr("Code"),
            "coding": self.tr("Coding"),
            "summary": self.tr("Cell summary"),
            "conclusion": self.tr("Conclusion"),
        }
        changes = {"added": self.tr("added"), "changed": self.tr("changed"),
                   "removed": self.tr("removed")}  # fmt: skip
        for d in differences:
            text = d.new or d.old
            item = QTreeWidgetItem([kinds[d.kind], changes[d.change], d.name, text[:200]])
            item.setToolTip(3, text)
            self.list.addTopLevelItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)


def compare_with_file(window: Any) -> CompareDialog | None:
    """Ask for another copy of the project and list what changed since it."""
    from qualcode.analysis.compare import compare

    path = dialogs.open_file(
        window,
        QCoreApplication.translate("HistoryPane", "Compare with another version"),
        QCoreApplication.translate("HistoryPane", "QualCode project (*.qdaproj)"),
    )
    if not path:
        return None
    found = window.dispatcher.run(compare, path, window.project.location)
    if found is None:
        return None
    dialog = CompareDialog(window, found)
    dialog.setModal(False)
    dialog.show()
    window.compare_dialog = dialog
    return dialog


FEATURE = Feature(
    key="history",
    title=QT_TRANSLATE_NOOP("panes", "History"),
    pane=lambda window: HistoryPane(window),
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "history.show",
            QT_TRANSLATE_NOOP("commands", "&History"),
            "edit",
            lambda w: w.show_pane("history"),
            enabled=has_project,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Who changed what and when, with what each step touched"
            ),
        ),
        Command(
            "history.compare",
            QT_TRANSLATE_NOOP("commands", "Co&mpare with another version…"),
            "file",
            compare_with_file,
            enabled=lambda w: w.project is not None and w.project.path is not None,
            tip=QT_TRANSLATE_NOOP(
                "commands",
                "List codes, codings, summaries and conclusions changed since another copy",
            ),
        ),
    ),
)
