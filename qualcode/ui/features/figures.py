"""Figures feature: cluster analysis, the codebook hierarchy and a two-case comparison in the app.

Each figure is drawn by the core (``qualcode.figures``), exactly as ``qualcode
cluster`` and ``qualcode chart hierarchy|compare`` draw it, on a worker thread,
then shown, copied to the clipboard or saved as PNG/SVG/PDF.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.features.chart_view import chart_language
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, has_project

FIGURES = {
    "cluster": QT_TRANSLATE_NOOP("FiguresPane", "Cluster analysis"),
    "hierarchy": QT_TRANSLATE_NOOP("FiguresPane", "Code hierarchy"),
    "compare": QT_TRANSLATE_NOOP("FiguresPane", "Compare two cases"),
}
ITEMS = {
    "codes": QT_TRANSLATE_NOOP("FiguresPane", "Codes"),
    "sources": QT_TRANSLATE_NOOP("FiguresPane", "Sources"),
    "cases": QT_TRANSLATE_NOOP("FiguresPane", "Cases"),
}
BY = {
    "coding:jaccard": QT_TRANSLATE_NOOP("FiguresPane", "Coding similarity (Jaccard)"),
    "coding:sorensen": QT_TRANSLATE_NOOP("FiguresPane", "Coding similarity (Sørensen)"),
    "coding:pearson": QT_TRANSLATE_NOOP("FiguresPane", "Coding counts (Pearson)"),
    "words:pearson": QT_TRANSLATE_NOOP("FiguresPane", "Word similarity (Pearson)"),
}
SIZE = {
    "passages": QT_TRANSLATE_NOOP("FiguresPane", "Sized by codings"),
    "sources": QT_TRANSLATE_NOOP("FiguresPane", "Sized by sources"),
}


def _combo(parent: QWidget, names: dict[str, str]) -> QComboBox:
    box = QComboBox(parent)
    for key, name in names.items():
        box.addItem(QCoreApplication.translate("FiguresPane", name), key)
    return box


class FiguresPane(QWidget):
    """Choose a figure and its options, draw it, copy or save it."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.project: Any = None
        self.png: bytes | None = None
        self.kind = _combo(self, FIGURES)
        self.items = _combo(self, ITEMS)
        self.by = _combo(self, BY)
        self.size = _combo(self, SIZE)
        self.case_a = QComboBox(self)
        self.case_b = QComboBox(self)
        self.options = QStackedWidget(self)
        for widgets in ((self.items, self.by), (self.size,), (self.case_a, self.case_b)):
            page = QWidget(self.options)
            row = QHBoxLayout(page)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                row.addWidget(widget)
            self.options.addWidget(page)
        self.draw_button = QPushButton(QCoreApplication.translate("FiguresPane", "Draw"), self)
        self.copy_button = QPushButton(QCoreApplication.translate("FiguresPane", "Copy"), self)
        self.save_button = QPushButton(QCoreApplication.translate("FiguresPane", "Save…"), self)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(self.options, 1)
        for button in (self.draw_button, self.copy_button, self.save_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.kind.currentIndexChanged.connect(self.options.setCurrentIndex)
        self.draw_button.clicked.connect(self.draw)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self._enable()

    def set_project(self, project: Any) -> None:
        self.project = project
        self.png = None
        self.image.clear()
        self._fill_cases()
        self._enable()

    def on_changes(self, changes: Any) -> None:
        if changes.cases:
            self._fill_cases()

    def _fill_cases(self) -> None:
        names = [c.name for c in self.project.cases.all()] if self.project is not None else []
        for box in (self.case_a, self.case_b):
            keep = box.currentText()
            box.clear()
            box.addItems(names)
            if keep in names:
                box.setCurrentText(keep)
        if len(names) > 1 and self.case_b.currentIndex() == self.case_a.currentIndex():
            self.case_b.setCurrentIndex(1)

    def figure(self) -> Any:
        """The chosen figure, drawn by the core."""
        language = chart_language()
        kind = self.kind.currentData()
        if kind == "cluster":
            from qualcode.figures.cluster import cluster, draw_cluster, similarity

            by, _, measure = str(self.by.currentData()).partition(":")
            sim = similarity(
                self.project,
                by=by,
                items=self.items.currentData(),
                measure=measure,
                language=language,
            )
            return draw_cluster(cluster(sim), language)
        if kind == "hierarchy":
            from qualcode.figures.hierarchy import draw_hierarchy

            return draw_hierarchy(self.project, size_by=self.size.currentData(), language=language)
        from qualcode.figures.hierarchy import compare_codes, draw_comparison

        cmp = compare_codes(
            self.project, "cases", self.case_a.currentText(), self.case_b.currentText(), language
        )
        return draw_comparison(cmp, language)

    def draw(self) -> None:
        """Draw on a worker thread, then show the picture."""

        def work(progress: Any, cancel: Any) -> bytes:
            from qualcode.figures.style import figure_bytes

            return figure_bytes(self.figure(), "png", dpi=110)

        def done(png: bytes) -> None:
            self.png = png
            self.image.setPixmap(QPixmap.fromImage(QImage.fromData(png)))
            self._enable()

        self.window_.dispatcher.run_task(
            QCoreApplication.translate("FiguresPane", "Drawing the figure…"),
            work,
            done,
            show_progress=False,
        )

    def copy(self) -> None:
        if self.png:
            QGuiApplication.clipboard().setImage(QImage.fromData(self.png))

    def save(self) -> None:
        path = dialogs.save_file(
            self,
            QCoreApplication.translate("FiguresPane", "Save figure"),
            QCoreApplication.translate(
                "FiguresPane", "PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"
            ),
            f"{self.kind.currentData()}.png",
        )
        if path:
            exports, project = self.window_.panes["exports"], self.project
            self.window_.dispatcher.run(
                lambda: exports.save_figure(project, path, self.figure())
            )  # the register rewrite and leak check when pseudonymising

    def _enable(self) -> None:
        has = self.project is not None
        self.draw_button.setEnabled(has)
        self.save_button.setEnabled(has)
        self.copy_button.setEnabled(has and self.png is not None)


def _show(window: Any) -> None:
    window.docks["figures"].show()
    window.docks["figures"].raise_()


FEATURE = Feature(
    key="figures",
    title=QT_TRANSLATE_NOOP("panes", "Figures"),
    pane=FiguresPane,
    area="bottom",
    tab_with="displays",
    commands=(
        Command(
            "figures.show",
            QT_TRANSLATE_NOOP("commands", "&Figures (cluster, hierarchy, comparison)"),
            "analysis",
            _show,
            has_project,
        ),
    ),
)
