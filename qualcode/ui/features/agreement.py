"""Intercoder agreement pane: choose coders, sources and level; agreement per code; disagreements.

The researcher and the supervisor code the same transcripts; this pane shows
how far they agree, code by code (percent agreement, Cohen's kappa for two
coders, Krippendorff's alpha) with a row pooling every code, and lists the
passages where they differ so they can talk them through (double-click opens
the passage). The computation runs on a worker thread with Cancel.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.shell.commands import Command, has_project

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_SOURCES, CHECKED_SOURCES = "all", "checked"
ALL_CODES = -1  # row key of the pooled row


class AgreementPane(QWidget):
    """Agreement between coders, per code, with the list of disagreements."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement")
        self.window_ = window
        self.project: Any = None
        self.report: Any = None
        self.passages: dict[tuple[int, int, int], str] = {}
        self.shown: list[Any] = []  # disagreements in the lower table
        self.task: Any = None
        self._dirty = True
        self._stale = False
        self._refill_later = QTimer(self)
        self._refill_later.setSingleShot(True)
        self._refill_later.setInterval(300)
        self._refill_later.timeout.connect(lambda: self._dirty and self.fill_choices())

        self.coders = QListWidget(self)
        self.coders.setObjectName("agreementCoders")
        self.coders.itemChanged.connect(lambda _i: self._enable())
        self.scope = QComboBox(self)
        self.scope.setObjectName("agreementScope")
        self.scope.currentIndexChanged.connect(lambda _i: self._enable())
        self.sources = QListWidget(self)
        self.sources.setObjectName("agreementSources")
        self.sources.itemChanged.connect(lambda _i: self._enable())
        self.level = QComboBox(self)
        self.level.setObjectName("agreementLevel")
        self.compute_button = QPushButton(self)
        self.compute_button.setObjectName("agreementCompute")
        self.compute_button.clicked.connect(self.compute)
        self._labels = [QLabel(self) for _ in range(4)]
        controls = QWidget(self)
        controls.setMinimumWidth(280)
        left = QVBoxLayout(controls)
        left.setContentsMargins(0, 0, 0, 0)
        for label, field, stretch in zip(
            self._labels, (self.coders, self.scope, self.sources, self.level), (1, 0, 2, 0),
            strict=True,
        ):  # fmt: skip
            label.setBuddy(field)
            left.addWidget(label)
            left.addWidget(field, stretch)
        left.addWidget(self.compute_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("agreementTable")
        _setup_table(self.table, stretch=0)
        self.table.currentCellChanged.connect(lambda *_: self._show_disagreements())
        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("disagreementTitle")
        self.detail = QTableWidget(0, 4, self)
        self.detail.setObjectName("disagreements")
        _setup_table(self.detail, stretch=1)
        self.detail.setWordWrap(True)
        self.detail.cellDoubleClicked.connect(self._on_double_click)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail_title)
        lower_layout.addWidget(self.detail, 1)
        results = QSplitter(Qt.Orientation.Vertical, self)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.summary)
        upper_layout.addWidget(self.table, 1)
        results.addWidget(upper)
        results.addWidget(lower)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(controls)
        split.addWidget(results)
        split.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.addWidget(split)
        self.retranslate()

    # -- pane protocol -----------------------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Forget the previous project's figures; list the new one's coders and sources."""
        self.project = project
        self.report = None
        self._stale = False
        self._dirty = True
        if self.isVisible() or project is None:
            self.fill_choices()
        self._show_report()

    def on_changes(self, changes: Any) -> None:
        """Codings, codes or sources changed: the coder list and the figures are out of date."""
        if self.project is None or not (changes.codings or changes.codes or changes.sources):
            return
        self._dirty = True
        if self.isVisible():
            self._refill_later.start()  # one re-read for a burst of changes
        if self.report is not None:
            self._stale = True
            self._show_summary()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.fill_choices()
        super().showEvent(event)

    # -- choices -----------------------------------------------------------------------------
    def fill_choices(self) -> None:
        """List the coders with codings and the sources (with who coded each)."""
        from qualcode.analysis.corpus import codings_per_coder

        self._dirty = False
        keep_coders = set(self.checked_coders())
        keep_sources = set(self.checked_sources())
        first = self.coders.count() == 0
        for w in (self.coders, self.sources):
            w.blockSignals(True)
            w.clear()
        if self.project is not None:
            per_source = codings_per_coder(self.project)
            counts: Counter[str] = Counter()
            for per_coder in per_source.values():
                counts.update(per_coder)
            who = {sid: set(per_coder) for sid, per_coder in per_source.items()}
            for name in sorted(counts):
                item = QListWidgetItem(
                    self.tr("{coder} ({n} codings)").format(coder=name, n=counts[name])
                )
                item.setData(VALUE_ROLE, name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = first or name in keep_coders
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.coders.addItem(item)
            order = sorted((s.name, s.id) for s in self.project.sources.all())
            for name, sid in order:
                coded = ", ".join(sorted(who.get(sid, ()))) or self.tr("not coded")
                item = QListWidgetItem(f"{name} ({coded})")
                item.setData(VALUE_ROLE, sid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = sid in keep_sources
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.sources.addItem(item)
        for w in (self.coders, self.sources):
            w.blockSignals(False)
        self._enable()

    def checked_coders(self) -> list[str]:
        """Names of the checked coders."""
        return _checked(self.coders)

    def checked_sources(self) -> list[int]:
        """Ids of the checked sources."""
        return _checked(self.sources)

    def set_checked(self, widget: QListWidget, values: list[Any]) -> None:
        """Check exactly ``values`` in a coder or source list."""
        for i in range(widget.count()):
            item = widget.item(i)
            on = item.data(VALUE_ROLE) in values
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _enable(self) -> None:
        only = self.scope.currentData() == CHECKED_SOURCES
        self.sources.setEnabled(only)
        ok = self.project is not None and len(self.checked_coders()) >= 2
        if only:
            ok = ok and bool(self.checked_sources())
        self.compute_button.setEnabled(ok and self.task is None)

    # -- computing ---------------------------------------------------------------------------
    def compute(self) -> Any:
        """Compute agreement on a worker thread; the tables fill when it is done."""
        from qualcode.analysis.agreement import agreement
        from qualcode.errors import CancelledError

        coders = self.checked_coders()
        if self.project is None or len(coders) < 2 or self.task is not None:
            return None
        sources = self.checked_sources() if self.scope.currentData() == CHECKED_SOURCES else None
        level = self.level.currentData()
        project = self.project
        comparing = self.tr("Comparing the coders' codings…")
        reading = self.tr("Reading the disagreeing passages…")

        def work(progress: Any, cancel: Any) -> Any:
            progress(0, 0, comparing)
            report = agreement(
                project, coders, level=level, sources=sources, disagreement_limit=None,
                progress=lambda done, total, _m: progress(done, total, comparing), cancel=cancel,
            )  # fmt: skip
            texts: dict[int, str] = {}
            wanted = sorted({d.source_id for d in report.disagreements})
            for done, sid in enumerate(wanted):
                if cancel():
                    raise CancelledError()
                progress(done, len(wanted), reading)
                texts[sid] = project.sources.text(sid)
            passages = {
                (d.source_id, d.start, d.end): texts[d.source_id][d.start : d.end]
                for d in report.disagreements
            }
            return report, passages

        def done(result: Any) -> None:
            if self.project is project:
                self.report, self.passages = result
                self._stale = False
                self._show_report()

        def finished(*_a: Any) -> None:
            self.task = None
            self._enable()

        self.task = self.window_.dispatcher.run_task(
            self.tr("Intercoder agreement"), work, done, origin=self
        )
        self.task.done.connect(finished)
        self._enable()
        return self.task

    # -- results -----------------------------------------------------------------------------
    def _show_summary(self) -> None:
        r = self.report
        if r is None:
            self.summary.setText(
                self.tr("Check two or more coders and press Compute.")
                if self.project is not None
                else ""
            )
            return
        level = self.level.itemText(max(self.level.findData(r.level), 0))
        if r.scope == "sample":  # the units given to the check coder (analysis/check_sample.py)
            text = self.tr("{coders} · check sample: {units} units in {n} sources · {level}")
            text = text.format(
                coders=" / ".join(r.coders), units=r.units, n=len(r.source_ids), level=level
            )
        else:
            text = self.tr("{coders} · {n} sources coded by all of them · {level}").format(
                coders=" / ".join(r.coders), n=len(r.source_ids), level=level
            )
        if r.partially_coded:
            text += " · " + self.tr("not compared, coded by one coder only: {sources}").format(
                sources=", ".join(name for name, _ in r.partially_coded)
            )
        if self._stale:
            text += " · " + self.tr("the codings changed since: compute again")
        self.summary.setText(text)

    def _show_report(self) -> None:
        self._show_summary()
        self.table.setRowCount(0)
        self.detail.setRowCount(0)
        self.detail_title.clear()
        self.shown = []
        r = self.report
        if r is None:
            return
        per_code = Counter(d.code_id for d in r.disagreements)
        rows = [*r.codes, r.overall]
        self.table.setRowCount(len(rows))
        for row, a in enumerate(rows):
            n = per_code[a.code_id] if a.code_id is not None else len(r.disagreements)
            name = a.code if a.code_id is not None else self.tr("All codes")
            cells = [
                (name, name),
                (_number(a.units, 0), a.units),
                (_percent(a.percent_agreement), a.percent_agreement),
                (_number(a.kappa, 3), a.kappa),
                (_number(a.alpha, 3), a.alpha),
                (str(n), n),
            ]
            for col, (text, value) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(VALUE_ROLE, value)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if a.code_id is None:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
            key = a.code_id if a.code_id is not None else ALL_CODES
            self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, key)
            coded = ", ".join(f"{c}: {_number(v, 0)}" for c, v in a.coded.items())
            self.table.item(row, 0).setToolTip(self.tr("Units coded — {coded}").format(coded=coded))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def current_code(self) -> int | None:
        """Code id of the chosen row (``ALL_CODES`` for the pooled row, None for none)."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_disagreements(self) -> None:
        key = self.current_code()
        r = self.report
        if r is None or key is None:
            self.shown = []
            self.detail.setRowCount(0)
            self.detail_title.clear()
            return
        self.shown = [d for d in r.disagreements if key == ALL_CODES or d.code_id == key]
        name = self.table.item(self.table.currentRow(), 0).text()
        self.detail_title.setText(
            self.tr("Disagreements on {code}: {n}").format(code=name, n=len(self.shown))
        )
        self.detail.setRowCount(len(self.shown))
        for row, d in enumerate(self.shown):
            passage = self.passages.get((d.source_id, d.start, d.end), "")
            cells = [d.source, _flat(passage), ", ".join(d.coders_with),
                     ", ".join(d.coders_without)]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setToolTip(f"{d.code}\n\n{passage[:2000]}")
                self.detail.setItem(row, col, item)
        self.detail.resizeRowsToContents()

    def _on_double_click(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.shown):
            d = self.shown[row]
            self.window_.jump_to(d.source_id, d.start, d.end)

    # -- language ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the current language."""
        for label, text in zip(
            self._labels,
            (self.tr("C&oders:"), self.tr("&Sources:"), self.tr("C&hecked:"), self.tr("&Unit:")),
            strict=True,
        ):
            label.setText(text)
        _refill(self.scope, [(self.tr("Sources every chosen coder coded"), ALL_SOURCES),
                             (self.tr("Only the checked sources"), CHECKED_SOURCES)])  # fmt: skip
        segments = self.tr("Segments (speaker turns, else paragraphs)")
        _refill(self.level, [(self.tr("Characters"), "character"), (segments, "segment")])
        self.level.setToolTip(
            self.tr("Characters: every character is a unit. Segments: a coder marks a speaker "
                    "turn (or a paragraph) when one of their codings overlaps it.")
        )  # fmt: skip
        self.compute_button.setText(self.tr("&Compute"))
        self.compute_button.setToolTip(self.tr("Compare the checked coders' codings"))
        self.coders.setAccessibleName(self.tr("Coders to compare"))
        self.scope.setAccessibleName(self.tr("Which sources"))
        self.sources.setAccessibleName(self.tr("Sources to compare"))
        self.level.setAccessibleName(self.tr("Unit of agreement"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Units"), self.tr("Agreement"), self.tr("Cohen's κ"),
             self.tr("Krippendorff's α"), self.tr("Disagreements")]
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Agreement per code"))
        self.detail.setHorizontalHeaderLabels(
            [self.tr("Source"), self.tr("Passage"), self.tr("Coded by"), self.tr("Not coded by")]
        )
        self.detail.setAccessibleName(self.tr("Disagreements"))
        self.detail.setToolTip(self.tr("Double-click a passage to open it in its source"))
        if self.project is not None:
            self.fill_choices()
        self._show_report()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _checked(widget: QListWidget) -> list[Any]:
    return [
        widget.item(i).data(VALUE_ROLE)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def _refill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, value in entries:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(keep), 0))
    combo.blockSignals(False)


def _setup_table(table: QTableWidget, stretch: int) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    for col in range(table.columnCount()):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _number(x: float | None, decimals: int) -> str:
    return "—" if x is None else QLocale().toString(float(x), "f", decimals)


def _percent(x: float | None) -> str:
    return "—" if x is None else QLocale().toString(100 * x, "f", 1) + " %"


def _flat(text: str, limit: int = 300) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


def show_agreement(window: Any) -> AgreementPane:
    """Show the pane (it lists the coders afresh when it becomes visible)."""
    pane = window.show_pane("agreement")
    pane.coders.setFocus()
    return pane


FEATURE = Feature(
    key="agreement",
    title=QT_TRANSLATE_NOOP("panes", "Intercoder agreement"),
    pane=lambda window: AgreementPane(window),
    area="bottom",
    tab_with="retrieval",
    commands=(
        Command(
            "analysis.agreement",
            QT_TRANSLATE_NOOP("commands", "Intercoder &agreement…"),
            "analysis",
            show_agreement,
            enabled=has_project,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Percent agreement, Cohen's kappa and Krippendorff's alpha per code"
            ),
        ),
    ),
)
