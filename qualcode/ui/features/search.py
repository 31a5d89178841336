"""The search pane: find words across the project, read them in context, code them all.

A query (in one of the core's modes, within a scope: the whole project, the
open source, one case, cases with an attribute value, or text coded with a
code) runs on a worker thread (:func:`qualcode.search.search.search`; the first
search of a project builds the index behind a progress dialog with Cancel).
Hits show as keyword-in-context lines; a double-click opens the passage.
"Code all hits…" opens the auto-code preview (:mod:`.search_autocode`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.text.query import DEFAULT_MODE
from qualcode.ui.features import Feature
from qualcode.ui.features.search_models import MODES, ElideLeftDelegate, HitModel
from qualcode.ui.shell.commands import Command, has_project

LIMIT = 5000
"""Hits shown at most (auto-coding still covers every hit)."""
CONTEXT = 70
"""Characters of context each side of a hit."""

SCOPES: tuple[tuple[str, str], ...] = (
    ("all", QT_TRANSLATE_NOOP("SearchPane", "All sources")),
    ("current", QT_TRANSLATE_NOOP("SearchPane", "The open source")),
    ("case", QT_TRANSLATE_NOOP("SearchPane", "A case's text")),
    ("attribute", QT_TRANSLATE_NOOP("SearchPane", "Cases with an attribute value")),
    ("code", QT_TRANSLATE_NOOP("SearchPane", "Text coded with")),
)


@dataclass(frozen=True)
class SearchRequest:
    """One search as the user asked it; auto-coding re-runs it through the core."""

    text: str
    mode: str
    scope: Any  # qualcode.search.scope.Scope | None
    case_sensitive: bool = False
    threshold: float = 80.0


class SearchPane(QWidget):
    """Query box, mode, scope, Search; a KWIC table; Code all hits."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("search")
        self.main = window
        self.project: Any = None
        self.request: SearchRequest | None = None
        self.task: Any = None
        self.autocode_dialog: Any = None
        self.more = False
        self.stale = False

        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run_search)
        self.mode = QComboBox(self)
        self.mode.setObjectName("searchMode")
        for mode, _label, _tip in MODES:
            self.mode.addItem("", mode)
        self.mode.setCurrentIndex(self.mode.findData(DEFAULT_MODE))
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.search_button = QPushButton(self)
        self.search_button.setObjectName("searchRun")
        self.search_button.clicked.connect(self.run_search)
        self.scope_label = QLabel(self)
        self.scope_kind = QComboBox(self)
        self.scope_kind.setObjectName("searchScope")
        for kind, _label in SCOPES:
            self.scope_kind.addItem("", kind)
        self.scope_label.setBuddy(self.scope_kind)
        self.scope_value = QComboBox(self)
        self.scope_value.setObjectName("searchScopeValue")
        self.scope_value.setMinimumContentsLength(18)
        self.scope_value.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_kind.currentIndexChanged.connect(lambda _i: self._fill_scope_values())
        self.case_sensitive = QCheckBox(self)
        self.case_sensitive.setObjectName("searchCaseSensitive")
        self.threshold_label = QLabel(self)
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("searchThreshold")
        self.threshold.setRange(50, 100)
        self.threshold.setValue(80)
        self.threshold.setSuffix(" %")
        self.threshold_label.setBuddy(self.threshold)
        self.code_button = QPushButton(self)
        self.code_button.setObjectName("searchCodeAll")
        self.code_button.clicked.connect(self.code_all_hits)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.model = HitModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("searchHits")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self._elide_left = ElideLeftDelegate(self.table)
        self.table.setItemDelegateForColumn(HitModel.LEFT, self._elide_left)
        header = self.table.horizontalHeader()
        for col in (HitModel.SOURCE, HitModel.CASE, HitModel.MATCH):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HitModel.LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HitModel.RIGHT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_hit)

        row1 = QHBoxLayout()
        row1.addWidget(self.query, 1)
        row1.addWidget(self.mode)
        row1.addWidget(self.search_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.scope_label)
        row2.addWidget(self.scope_kind)
        row2.addWidget(self.scope_value)
        row2.addStretch(1)
        row2.addWidget(self.case_sensitive)
        row2.addWidget(self.threshold_label)
        row2.addWidget(self.threshold)
        row3 = QHBoxLayout()
        row3.addWidget(self.status, 1)
        row3.addWidget(self.code_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._mode_changed()
        self._fill_scope_values()
        self._update_buttons()

    # -- pane protocol ------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Forget the previous project's hits."""
        self.project = project
        self.request = None
        self.more = self.stale = False
        self.model.set_hits([])
        self._fill_scope_values()
        self._set_status()
        self._update_buttons()

    def on_changes(self, changes: Any) -> None:
        """Keep the scope lists current; say so when the hits may be out of date."""
        if changes.codes or changes.cases or changes.sources:
            self._fill_scope_values()
        if changes.sources and self.request is not None:
            self.stale = True
            self._set_status()
        self._update_buttons()

    # -- searching ------------------------------------------------------------------------
    def start(self, prefill: str = "") -> None:
        """Focus the query box (with ``prefill``, e.g. the selected words, if short)."""
        prefill = prefill.strip()
        if prefill and "\n" not in prefill and len(prefill) <= 80:
            self.query.setText(prefill)
        self.query.setFocus()
        self.query.selectAll()

    def current_request(self) -> SearchRequest | None:
        """The search the controls describe now (None, with a hint shown, if incomplete)."""
        text = self.query.text().strip()
        if not text:
            self.status.setText(self.tr("Type a word or phrase to search for."))
            return None
        scope = self._scope()
        if scope is False:
            return None
        return SearchRequest(
            text, self.mode.currentData(), scope, self.case_sensitive.isChecked(),
            float(self.threshold.value()),
        )  # fmt: skip

    def run_search(self) -> Any:
        """Search on a worker thread; returns the task (None if nothing to do)."""
        if self.project is None:
            return None
        request = self.current_request()
        if request is None:
            return None
        project = self.project
        indexing = self.tr("Indexing the sources…")
        searching = self.tr("Searching…")

        def work(progress: Any, cancel: Any) -> Any:
            from qualcode.errors import CancelledError
            from qualcode.search.index import open_index
            from qualcode.search.search import search

            def on_index(done: int, total: int, _name: str) -> None:
                if cancel():
                    raise CancelledError()
                progress(done, total, indexing)

            open_index(project, progress=on_index)
            if cancel():
                raise CancelledError()
            return search(
                project, request.text, request.mode, scope=request.scope,
                case_sensitive=request.case_sensitive, threshold=request.threshold,
                context=CONTEXT, limit=LIMIT + 1, cancel=cancel,
                progress=lambda done, total, _m: progress(done, total, searching),
            )  # fmt: skip

        self.status.setText(self.tr("Searching…"))
        self.search_button.setEnabled(False)
        self.task = self.main.dispatcher.run_task(
            self.tr("Searching…"),
            work,
            lambda hits: self._show_hits(project, request, hits),
            origin=self,
        )
        self.task.done.connect(self._search_done)
        return self.task

    def _search_done(self, _result: Any, error: Any) -> None:
        if error is not None:  # shown by the dispatcher; the previous hits stay
            self._set_status()
        self._update_buttons()

    def _show_hits(self, project: Any, request: SearchRequest, hits: list[Any]) -> None:
        if project is not self.project:  # closed (or another opened) while searching
            return
        self.request = request
        self.more = len(hits) > LIMIT
        self.stale = False
        self.model.set_hits(hits[:LIMIT])
        self.table.scrollToTop()
        self._set_status()
        self._update_buttons()

    def _set_status(self) -> None:
        if self.project is None:
            self.status.setText(self.tr("Open a project to search it."))
            return
        if self.request is None:
            self.status.setText(self.tr("Type a word or phrase and press Enter."))
            return
        hits = self.model.hits
        if not hits:
            text = self.tr("No passages found for “{query}”.").format(query=self.request.text)
        else:
            sources = len({h.source_id for h in hits})
            text = self.tr("{hits} hits in {sources} sources for “{query}”.").format(
                hits=len(hits), sources=sources, query=self.request.text
            )
            if self.more:
                text += " " + self.tr("Only the first {limit} are listed.").format(limit=LIMIT)
        if self.stale:
            text += " " + self.tr("Sources changed since: search again to update.")
        self.status.setText(text)

    def _open_hit(self, index: Any) -> None:
        if not index.isValid() or self.project is None:
            return
        hit = self.model.hit(index.row())
        self.main.dispatcher.run(self.main.jump_to, hit.source_id, hit.start, hit.end)

    # -- scope ------------------------------------------------------------------------------
    def _fill_scope_values(self) -> None:
        kind = self.scope_kind.currentData()
        keep = self.scope_value.currentData()
        self.scope_value.blockSignals(True)
        self.scope_value.clear()
        if self.project is not None:
            for label, value in self._scope_values(kind):
                self.scope_value.addItem(label, value)
        if keep is not None and (at := self.scope_value.findData(keep)) >= 0:
            self.scope_value.setCurrentIndex(at)
        self.scope_value.blockSignals(False)
        self.scope_value.setVisible(kind in ("case", "attribute", "code"))

    def _scope_values(self, kind: str) -> list[tuple[str, Any]]:
        p = self.project
        if kind == "case":
            return [(c.name, c.id) for c in sorted(p.cases.all(), key=lambda c: c.name)]
        if kind == "attribute":
            pairs = {
                (name, str(value))
                for attrs in p.attributes.values("case").values()
                for name, value in attrs.items()
                if value not in (None, "")
            }
            return [(f"{n} = {v}", f"{n}\x1f{v}") for n, v in sorted(pairs)]
        if kind == "code":
            return [(p.codes.path_text(c.id), c.id) for c in tree_order(p.codes.all())]
        return []

    def _scope(self) -> Any:
        """The core ``Scope`` of the controls, None for everything, False if incomplete."""
        from qualcode.search.scope import Scope

        kind = self.scope_kind.currentData()
        if kind == "all":
            return None
        if kind == "current":
            sid = self.main.workspace.source_id
            if sid is None:
                self.status.setText(self.tr("Open a source first, or search all sources."))
                return False
            return Scope(sources=[sid])
        value = self.scope_value.currentData()
        if value is None:
            self.status.setText(self.tr("Choose where to search."))
            return False
        if kind == "case":
            return Scope(cases=[value])
        if kind == "attribute":
            name, _sep, wanted = str(value).partition("\x1f")
            return Scope(attributes={name: wanted})
        return Scope(codes=[value])

    # -- auto-coding ------------------------------------------------------------------------
    def can_code(self) -> bool:
        """Whether "Code all hits" makes sense now."""
        p = self.project
        return (
            p is not None and not p.read_only and self.request is not None and bool(self.model.hits)
        )

    def code_all_hits(self) -> Any:
        """Open the auto-code preview for the last search; returns the dialog."""
        if not self.can_code():
            return None
        from qualcode.ui.features.search_autocode import AutoCodeDialog

        assert self.request is not None
        dialog = AutoCodeDialog(self.main, self.request, self.main.code_tree.current_code_id())
        self.autocode_dialog = dialog
        dialog.open()
        return dialog

    def _update_buttons(self) -> None:
        busy = self.task is not None and not self.task.finished
        self.search_button.setEnabled(self.project is not None and not busy)
        self.code_button.setEnabled(self.can_code() and not busy)

    def _mode_changed(self) -> None:
        fuzzy = self.mode.currentData() == "fuzzy"
        self.threshold.setEnabled(fuzzy)
        self.threshold_label.setEnabled(fuzzy)
        self.mode.setToolTip(_tr(MODES[self.mode.currentIndex()][2]))

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language."""
        for i, (_mode, label, tip) in enumerate(MODES):
            self.mode.setItemText(i, _tr(label))
            self.mode.setItemData(i, _tr(tip), Qt.ItemDataRole.ToolTipRole)
        for i, (_kind, label) in enumerate(SCOPES):
            self.scope_kind.setItemText(i, _tr(label))
        self.query.setPlaceholderText(self.tr("Search the project: words, a phrase, sosialisasi*…"))
        self.query.setAccessibleName(self.tr("Search for"))
        self.mode.setAccessibleName(self.tr("How to match"))
        self.mode.setToolTip(_tr(MODES[max(self.mode.currentIndex(), 0)][2]))
        self.search_button.setText(self.tr("&Search"))
        self.search_button.setToolTip(self.tr("Search the project (Enter)"))
        self.scope_label.setText(self.tr("&In:"))
        self.scope_kind.setAccessibleName(self.tr("Where to search"))
        self.scope_value.setAccessibleName(self.tr("Which case, value or code"))
        self.case_sensitive.setText(self.tr("Match &case"))
        self.threshold_label.setText(self.tr("Similarity:"))
        self.threshold.setAccessibleName(self.tr("Minimum similarity for similar spelling"))
        self.code_button.setText(self.tr("Code all hits…"))
        self.code_button.setToolTip(
            self.tr("Code every hit, or the sentence, paragraph or turn around it, after a preview")
        )
        self.table.setAccessibleName(self.tr("Search hits"))
        self.table.setToolTip(self.tr("Double-click a hit to open it in its source"))
        self.model.retranslate()
        self._set_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchPane", text)


def tree_order(codes: list[Any]) -> list[Any]:
    """Codes depth-first (each parent followed by its sub-codes), siblings in stored order."""
    children: dict[Any, list[Any]] = {}
    ids = {c.id for c in codes}
    for code in codes:
        parent = code.parent_id if code.parent_id in ids else None
        children.setdefault(parent, []).append(code)
    out: list[Any] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        code = stack.pop()
        out.append(code)
        stack.extend(reversed(children.get(code.id, [])))
    return out


def _open_search(window: Any) -> None:
    pane = window.show_pane("search")
    pane.start(window.workspace.selected_text() if window.workspace.source_id else "")


FEATURE = Feature(
    key="search",
    title=QT_TRANSLATE_NOOP("panes", "Search"),
    pane=lambda window: SearchPane(window),
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "search.project",
            QT_TRANSLATE_NOOP("commands", "&Search the project…"),
            "edit",
            _open_search,
            enabled=has_project,
            shortcut="Ctrl+Shift+F",
            tip=QT_TRANSLATE_NOOP(
                "commands", "Find words in every source, read them in context and code them"
            ),
            after="edit.find",
        ),
    ),
)
