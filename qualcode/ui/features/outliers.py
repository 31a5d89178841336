"""Outliers and extreme cases: the cases whose code profile deviates most, the codes that drive
it and excerpts as evidence (``qualcode.analysis.outliers``, the same rule as ``qualcode
outliers``). The computation runs on a worker with progress and cancel; double-clicking an
excerpt opens it in its source.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.shell.commands import Command, has_project

EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 1


class OutliersDialog(QDialog):
    """The ranked cases with the rule's settings; Compute runs the core on a worker."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("outliersDialog")
        self.window_ = window
        self.project = window.project
        self.view: Any = None
        self.setWindowTitle(self.tr("Outliers and extreme cases"))
        self.resize(900, 600)
        self.case_kind = QComboBox(self)
        for kind in sorted({c.kind for c in self.project.cases.all()}):
            self.case_kind.addItem(kind, kind)
        self.case_kind.setCurrentIndex(max(self.case_kind.findData("informant"), 0))
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0.5, 5.0)
        self.threshold.setSingleStep(0.5)
        self.threshold.setValue(2.0)
        self.minimum = QSpinBox(self)
        self.minimum.setRange(1, 10000)
        self.minimum.setValue(5)
        self.compute = QPushButton(self.tr("&Compute"), self)
        self.compute.clicked.connect(self.run)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setText(
            self.tr(
                "A case's profile is its share of coded passages in each top-level code; "
                "z = (share − mean) / SD over the cases; its deviation is the root mean square "
                "of its z-scores. Flagged (!) when a code's |z| reaches the threshold."
            )
        )
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outlierCases")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("Deviation"), self.tr("Driven by")])
        self.tree.itemDoubleClicked.connect(self._open)
        self.tree.setToolTip(self.tr("Double-click an excerpt to open it in its source"))
        options = QFormLayout()
        options.addRow(self.tr("Cases:"), self.case_kind)
        options.addRow(self.tr("Flag at |z| ≥"), self.threshold)
        options.addRow(self.tr("Leave out cases with fewer passages than"), self.minimum)
        top = QHBoxLayout()
        top.addLayout(options, 1)
        top.addWidget(self.compute, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule)
        layout.addWidget(self.tree, 1)

    def run(self) -> None:
        """Compute on a worker (progress, cancel); fill the list when done."""
        from qualcode.analysis.outliers import outliers

        project, kind = self.project, self.case_kind.currentData()
        threshold, minimum = self.threshold.value(), self.minimum.value()
        self.window_.dispatcher.run_task(
            self.tr("Comparing the cases' code profiles…"),
            lambda progress, cancel: outliers(
                project, case_kind=kind, threshold=threshold, min_codings=minimum,
                progress=progress, cancel=cancel,
            ),
            self.show_view,
            origin=self,
        )  # fmt: skip

    def show_view(self, view: Any) -> None:
        """Draw the ranked cases: drivers on each row, excerpts below it."""
        self.view = view
        self.tree.clear()
        for o in view.cases:
            drivers = ", ".join(
                f"{d.code} {d.z:+.1f} ({d.share:.0%} / {d.mean:.0%})" for d in o.drivers
            )
            item = QTreeWidgetItem(
                [("! " if o.flagged else "") + o.case, f"{o.deviation:.2f}", drivers]
            )
            item.setToolTip(2, drivers)
            for e in o.evidence:
                child = QTreeWidgetItem(
                    [f"[{o.evidence_code}]", e.source, " ".join(e.text.split())]
                )
                child.setData(0, EXCERPT_ROLE, (e.source_id, e.start, e.end))
                child.setToolTip(2, e.text)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(o.flagged)
        for col in (0, 1):
            self.tree.resizeColumnToContents(col)

    def _open(self, item: QTreeWidgetItem, _col: int) -> None:
        where = item.data(0, EXCERPT_ROLE)
        if where is not None:
            self.window_.jump_to(*where)


def show_outliers(window: Any) -> OutliersDialog:
    """Open the dialog and compute with the default rule."""
    dialog = OutliersDialog(window)
    dialog.show()
    dialog.run()
    return dialog


FEATURE = Feature(
    key="outliers",
    pane=None,
    area=None,
    commands=(
        Command(
            "analysis.outliers",
            QT_TRANSLATE_NOOP("commands", "Outlie&rs and extreme cases…"),
            "analysis",
            show_outliers,
            has_project,
            tip=QT_TRANSLATE_NOOP(
                "commands", "Cases whose code profile deviates most, with evidence"
            ),
        ),
    ),
)
