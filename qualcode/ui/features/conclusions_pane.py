"""The Conclusions pane: claims with their status, evidence and verification figures.

Top: the claims (text, status with its colour, supporting and contradicting
counts), filtered by status, with New / Edit / Status / Delete. Bottom: the
chosen claim's page — its verification figures in plain words, warnings, the
supporting and contradicting excerpts with attribution (double-click opens the
passage), Unlink and a note per excerpt (how contrary evidence was addressed),
and the supervisor's open review comments. Every change goes through the
dispatcher as one undoable core operation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.ui.features import ReloadWhenShown
from qualcode.ui.features.conclusions_words import (
    STATUS_COLORS,
    EvidenceRow,
    evidence_rows,
    figures_text,
    flat,
    source_text,
    stance_label,
    status_icon,
    status_label,
    warnings_text,
)
from qualcode.ui.shell import dialogs

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUSES = ("tentative", "verified", "rejected")
STANCES = ("supporting", "contradicting")
NO_ROLE = ""


class ConclusionsPane(ReloadWhenShown, QWidget):
    """Claims and the page of the chosen one."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conclusions")
        self.window_ = window
        self.project: Any = None
        self.records: list[Any] = []
        self.rows: list[EvidenceRow] = []
        self.verification: Any = None
        self.role: str | None = None  # None: not chosen yet (the attribute grouping informants)
        self._dirty = False

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("conclusionStatusFilter")
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self._filter_label = QLabel(self)
        self._filter_label.setBuddy(self.status_filter)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("conclusionNew")
        self.new_button.clicked.connect(self.new_conclusion)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("conclusionEdit")
        self.edit_button.clicked.connect(self.edit_text)
        self.status_button = QToolButton(self)
        self.status_button.setObjectName("conclusionStatus")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        self.status_actions = {}
        for status in STATUSES:
            action = self.status_menu.addAction(status_icon(status), "")
            action.setObjectName(f"status.{status}")
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))
            self.status_actions[status] = action
        self.status_button.setMenu(self.status_menu)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("conclusionDelete")
        self.delete_button.clicked.connect(self.delete_current)

        self.list = QTreeWidget(self)
        self.list.setObjectName("conclusionList")
        self.list.setColumnCount(5)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.currentItemChanged.connect(lambda *_: self.show_page())
        self.list.itemDoubleClicked.connect(lambda *_: self.edit_text())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

        self.claim = QLabel(self)
        self.claim.setObjectName("conclusionText")
        self.claim.setWordWrap(True)
        self.claim.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.claim.font())
        bold.setBold(True)
        self.claim.setFont(bold)
        self.meta = QLabel(self)
        self.meta.setObjectName("conclusionMeta")
        self.figures = QLabel(self)
        self.figures.setObjectName("verification")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("verificationWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #a15c00;")
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("roleAttribute")
        self.role_combo.activated.connect(self._on_role)
        self._role_label = QLabel(self)
        self._role_label.setBuddy(self.role_combo)

        self._sources_label = QLabel(self)
        self.sources = QListWidget(self)
        self.sources.setObjectName("conclusionSources")
        self.sources.setMaximumHeight(90)
        self.sources.itemActivated.connect(self.open_source)
        self._sources_label.setBuddy(self.sources)

        self.evidence = QTreeWidget(self)
        self.evidence.setObjectName("evidence")
        self.evidence.setColumnCount(4)
        self.evidence.setRootIsDecorated(False)
        self.evidence.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidence.setWordWrap(True)
        eh = self.evidence.header()
        eh.setStretchLastSection(False)
        eh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 170), (2, 120), (3, 100)):
            eh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            eh.resizeSection(col, width)
        self.evidence.itemDoubleClicked.connect(self._on_evidence_activated)
        self.evidence.currentItemChanged.connect(lambda *_: self._enable())
        self.unlink_button = QPushButton(self)
        self.unlink_button.setObjectName("evidenceUnlink")
        self.unlink_button.clicked.connect(self.unlink_current)
        self.note_button = QPushButton(self)
        self.note_button.setObjectName("evidenceNote")
        self.note_button.clicked.connect(self.note_current)
        self.comments = QLabel(self)
        self.comments.setObjectName("reviewComments")
        self.comments.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self._filter_label)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        for w in (self.new_button, self.edit_button, self.status_button, self.delete_button):
            bar.addWidget(w)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.list, 1)
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.claim)
        page_layout.addWidget(self.meta)
        page_layout.addWidget(self.figures)
        page_layout.addWidget(self.warnings)
        page_layout.addWidget(self._sources_label)
        page_layout.addWidget(self.sources)
        role_row = QHBoxLayout()
        role_row.addWidget(self._role_label)
        role_row.addWidget(self.role_combo, 1)
        page_layout.addLayout(role_row)
        page_layout.addWidget(self.evidence, 1)
        ev_bar = QHBoxLayout()
        ev_bar.addStretch(1)
        ev_bar.addWidget(self.note_button)
        ev_bar.addWidget(self.unlink_button)
        page_layout.addLayout(ev_bar)
        page_layout.addWidget(self.comments)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(page)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.retranslate()

    # -- pane protocol -----------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Show a newly opened project's claims (None: closed)."""
        self.project = project
        self.role = None
        self._fill_roles()
        self.reload()

    def on_changes(self, changes: Any) -> None:
        """Redraw when claims, their evidence, codings, cases, sources or memos changed."""
        if self.project is None:
            return
        if changes.cases:
            self._fill_roles()
        if (
            changes.conclusions
            or changes.review
            or changes.codings
            or changes.codes
            or changes.sources
            or (changes.cases or changes.memos)
        ):
            self._refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side in a wide dock (bottom), list above page in a tall one (left/right).
        wide = event.size().width() > 1.4 * event.size().height()
        want = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != want:
            self.splitter.setOrientation(want)
        super().resizeEvent(event)

    # -- reads -------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        """Id of the chosen claim."""
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select(self, conclusion_id: int) -> None:
        """Choose a claim in the list (clearing the status filter if it hides it)."""
        for _ in range(2):
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                if item.data(0, ID_ROLE) == conclusion_id:
                    self.list.setCurrentItem(item)
                    return
            self.status_filter.setCurrentIndex(0)

    def reload(self) -> None:
        """Read the claims again and redraw the list and the page."""

        self._dirty = False
        keep = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        self.records = []
        if self.project is not None:
            self.records = self.project.conclusions.all(self.status_filter.currentData())
        for rec in self.records:
            item = QTreeWidgetItem(
                [flat(rec.text, 200), status_label(rec.status),
                 str(len(rec.supporting)), str(len(rec.contradicting))]
            )  # fmt: skip
            item.setData(0, ID_ROLE, rec.id)
            item.setToolTip(0, rec.text)
            item.setIcon(1, status_icon(rec.status))
            item.setForeground(1, _brush(STATUS_COLORS[rec.status]))
            for col in (2, 3):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            self._badges(item, rec.id)
            self.list.addTopLevelItem(item)
            if rec.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.blockSignals(False)
        self.show_page()

    def _badges(self, item: QTreeWidgetItem, conclusion_id: int) -> None:
        """The strength column: informants, sources, source kinds and warnings at a glance."""
        from qualcode.analysis.strength import strength

        s = strength(self.project, conclusion_id, self._role())
        text = f"👤{s.informants}  📄{s.sources}  🗂{s.source_kinds}"
        if s.warnings:
            text += f"  ⚠{len(s.warnings)}"
        tips = [
            self.tr("{informants} informants, {sources} sources, {kinds} kinds of source").format(
                informants=s.informants, sources=s.sources, kinds=s.source_kinds
            ),
            *warnings_text(s.facts),
        ]
        if s.verified_with_unlinked_contradictions:
            text = "❗ " + text
            item.setForeground(1, _brush("#c62828"))
            tips.append(
                self.tr(
                    "Verified, but {count} codings with the opposite valence are not linked "
                    "as contradicting evidence."
                ).format(count=len(s.unlinked_contradicting))
            )
        item.setText(4, text)
        item.setToolTip(4, "\n".join(tips))

    def record(self) -> Any:
        """The chosen claim's record (None when nothing is chosen)."""
        cid = self.current_id()
        return next((r for r in self.records if r.id == cid), None)

    def show_page(self) -> None:
        """Draw the chosen claim's page: figures, warnings, excerpts, open comments."""
        from qualcode.analysis.verification import verify

        rec = self.record()
        self.evidence.clear()
        self._show_sources(rec)
        self.rows = []
        self.verification = None
        if rec is None or self.project is None:
            self.claim.setText(
                self.tr("No conclusions yet: write one with New, then link excerpts to it.")
                if self.project is not None and not self.records
                else ""
            )
            for label in (self.meta, self.figures, self.warnings, self.comments):
                label.clear()
            self._enable()
            return
        self.claim.setText(rec.text)
        when = QLocale().toString(rec.modified_at.date(), QLocale.FormatType.ShortFormat)
        self.meta.setText(
            self.tr("{status} · written by {author} · changed {date}").format(
                status=status_label(rec.status), author=rec.author, date=when
            )
        )
        self.verification = verify(self.project, rec.id, role_attribute=self._role())
        self.figures.setText(figures_text(self.verification))
        found = warnings_text(self.verification)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in found))
        self.warnings.setVisible(bool(found))
        self.rows = evidence_rows(self.project, rec)
        for stance in STANCES:
            mine = [r for r in self.rows if r.stance == stance]
            group = QTreeWidgetItem([f"{stance_label(stance)} ({len(mine)})"])
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.evidence.addTopLevelItem(group)
            for row in mine:
                self.evidence.addTopLevelItem(self._evidence_item(row))
        self._show_comments(rec.id)
        self._enable()

    def _evidence_item(self, row: EvidenceRow) -> QTreeWidgetItem:
        """Excerpt, where it is from (source · informant · coder), code, note."""
        origin = " · ".join(x for x in (row.source, row.informant, row.coder) if x)
        item = QTreeWidgetItem([flat(row.text), origin, row.code, row.note])
        item.setData(0, ID_ROLE, row.coding_id)
        item.setToolTip(0, row.text[:2000])
        item.setToolTip(
            1,
            self.tr("Source: {source}\nInformant: {informant}\nCoder: {coder}").format(
                source=row.source, informant=row.informant or "—", coder=row.coder
            ),
        )
        item.setToolTip(2, row.code)
        if row.note:
            item.setToolTip(3, row.note)
        unaddressed = self.verification.unaddressed if self.verification is not None else ()
        if row.stance == "contradicting" and row.coding_id in unaddressed:
            item.setForeground(3, _brush("#c62828"))
            item.setText(3, self.tr("(not addressed)"))
        return item

    def _show_comments(self, conclusion_id: int) -> None:
        open_ = self.project.review.list(
            status="open", target="conclusion", target_id=conclusion_id
        )
        if not open_:
            self.comments.clear()
            self.comments.hide()
            return
        lines = [self.tr("Open review comments ({n}):").format(n=len(open_))]
        for c in open_:
            lines.append(f"• {c.author}: {flat(c.text, 300)}")
            lines += [f"   ↳ {r.author}: {flat(r.text, 300)}" for r in c.replies]
        self.comments.setText("\n".join(lines))
        self.comments.show()

    def current_row(self) -> EvidenceRow | None:
        """The chosen excerpt of the claim's page."""
        item = self.evidence.currentItem()
        if item is None or item.data(0, ID_ROLE) is None:
            return None
        cid = item.data(0, ID_ROLE)  # a coding is linked to a claim once, with one stance
        return next((r for r in self.rows if r.coding_id == cid), None)

    # -- roles -------------------------------------------------------------------------------
    def _role(self) -> str | None:
        if self.role is None:
            from qualcode.analysis.strength import default_role_attribute

            return default_role_attribute(self.project) if self.project is not None else None
        return self.role or None

    def _fill_roles(self) -> None:
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        self.role_combo.addItem(self.tr("(do not check roles)"), NO_ROLE)
        if self.project is not None:
            for attr in self.project.attributes.all():
                if attr.owner == "case" and attr.type in ("text", "category"):
                    self.role_combo.addItem(attr.name, attr.name)
        want = self._role() or NO_ROLE
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(want), 0))
        self.role_combo.blockSignals(False)

    def _on_role(self, _index: int) -> None:
        self.role = self.role_combo.currentData() or NO_ROLE
        self.show_page()

    # -- changes -----------------------------------------------------------------------------
    def _writable(self) -> bool:
        return self.project is not None and not self.project.content_read_only

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return self.window_.dispatcher.run(fn, *args, origin=self, **kwargs)

    def new_conclusion(self) -> int | None:
        """Ask for a claim's text and write it; returns its id."""

        if not self._writable():
            return None
        text = dialogs.get_text(self, self.tr("New conclusion"), self.tr("Conclusion:"))
        if not text:
            return None
        made = self._run(self.project.conclusions.create, text)
        if made is None:
            return None
        self.reload()
        self.select(made.result.id)
        return made.result.id

    def edit_text(self) -> None:
        """Rewrite the chosen claim."""

        rec = self.record()
        if rec is None or not self._writable():
            return
        text = dialogs.get_text(self, self.tr("Edit conclusion"), self.tr("Conclusion:"), rec.text)
        if text and text != rec.text:
            self._run(self.project.conclusions.edit, rec.id, text=text)
            self.reload()

    def set_status(self, status: str) -> None:
        """Mark the chosen claim tentative, verified or rejected."""

        rec = self.record()
        if rec is not None and self._writable() and rec.status != status:
            self._run(self.project.conclusions.edit, rec.id, status=status)
            self.reload()

    def delete_current(self) -> None:
        """Delete the chosen claim (its evidence links and review comments go with it)."""

        rec = self.record()
        if rec is None or not self._writable():
            return
        question = self.tr("Delete the conclusion “{text}”? Its links to excerpts go too.")
        if dialogs.ask(
            self, self.tr("Delete conclusion"), question.format(text=flat(rec.text, 120))
        ):
            self._run(self.project.conclusions.delete, rec.id)
            self.reload()

    def unlink_current(self) -> None:
        """Remove the chosen excerpt from the claim's evidence."""

        rec, row = self.record(), self.current_row()
        if rec is not None and row is not None and self._writable():
            self._run(self.project.conclusions.unlink_evidence, rec.id, [row.coding_id])
            self.reload()

    def note_current(self) -> None:
        """Write how the chosen excerpt was addressed (a note on contrary evidence)."""

        rec, row = self.record(), self.current_row()
        if rec is None or row is None or not self._writable():
            return
        note = dialogs.get_text(
            self, self.tr("Note on evidence"), self.tr("How is this excerpt addressed?"), row.note
        )
        if note is not None and note != row.note:
            self._run(self.project.conclusions.note_evidence, rec.id, row.coding_id, note)
            self.reload()

    def _show_sources(self, rec: Any) -> None:
        """The displays, rows, columns, cells and memos the claim was drawn from."""
        from qualcode.analysis.conclusion_sources import claim_sources

        self.sources.clear()
        found = claim_sources(self.project, rec) if rec is not None and self.project else []
        for source in found:
            item = QListWidgetItem(source_text(source))
            item.setData(ID_ROLE, source)
            item.setToolTip(source.summary or source.memo_text or "")
            self.sources.addItem(item)
        self.sources.setVisible(bool(found))
        self._sources_label.setVisible(bool(found))

    def open_source(self, item: QListWidgetItem | None = None) -> None:
        """Open a source of the claim: the display at its cell, or the memo."""
        item = item or self.sources.currentItem()
        source = item.data(ID_ROLE) if item is not None else None
        if source is None or source.gone:
            return
        if source.kind == "memo":
            self.window_.show_memo(source.link_id)
            return
        pane = self.window_.show_pane("displays")
        pane.reveal(source.display_id, source.row_key, source.col_key)

    def _on_evidence_activated(self, item: QTreeWidgetItem, _col: int) -> None:
        row = self.current_row() if item is self.evidence.currentItem() else None
        if row is not None and row.source_id is not None:
            self.window_.jump_to(row.source_id, row.start, row.end)

    def _enable(self) -> None:
        has = self.record() is not None
        writable = self._writable()
        self.new_button.setEnabled(writable)
        for w in (self.edit_button, self.status_button, self.delete_button):
            w.setEnabled(has and writable)
        row = self.current_row()
        self.unlink_button.setEnabled(writable and row is not None)
        self.note_button.setEnabled(writable and row is not None)
        self.role_combo.setEnabled(has)

    # -- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        self._filter_label.setText(self.tr("S&how:"))
        keep = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All conclusions"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_icon(status), status_label(status), status)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(keep), 0))
        self.status_filter.blockSignals(False)
        self.status_filter.setAccessibleName(self.tr("Show conclusions of status"))
        for button, text, tip in (
            (self.new_button, self.tr("New…"), self.tr("Write a new conclusion")),
            (self.edit_button, self.tr("Edit…"), self.tr("Rewrite the chosen conclusion")),
            (self.status_button, self.tr("Status"),
             self.tr("Mark it tentative, verified or rejected")),
            (self.delete_button, self.tr("Delete"), self.tr("Delete the chosen conclusion")),
            (self.unlink_button, self.tr("Unlink"),
             self.tr("Remove the chosen excerpt from the evidence")),
            (self.note_button, self.tr("Note…"),
             self.tr("Write how the chosen excerpt is addressed")),
        ):  # fmt: skip
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        for status, action in self.status_actions.items():
            action.setText(status_label(status))
        self.list.setHeaderLabels(
            [self.tr("Conclusion"), self.tr("Status"), self.tr("Supporting"),
             self.tr("Contradicting"), self.tr("Strength")]
        )  # fmt: skip
        self.list.setAccessibleName(self.tr("Conclusions"))
        self.evidence.setHeaderLabels(
            [self.tr("Excerpt"), self.tr("From"), self.tr("Code"), self.tr("Note")]
        )
        self.evidence.setAccessibleName(self.tr("Evidence of the chosen conclusion"))
        self.evidence.setToolTip(self.tr("Double-click an excerpt to open it in its source"))
        self.figures.setAccessibleName(self.tr("Verification"))
        self.comments.setAccessibleName(self.tr("Open review comments"))
        self._role_label.setText(self.tr("&Roles from:"))
        self._sources_label.setText(self.tr("Drawn &from:"))
        self.sources.setAccessibleName(self.tr("Sources of the conclusion"))
        self.sources.setToolTip(self.tr("Double-click or press Enter to open the source"))
        self.role_combo.setAccessibleName(self.tr("Case attribute holding the informants' roles"))
        self.role_combo.setToolTip(
            self.tr("Roles that no excerpt of the conclusion comes from are listed as silent")
        )
        self._fill_roles()
        if self.project is not None:
            self.reload()
        else:
            self.show_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _brush(color: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(color))
