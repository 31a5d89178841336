"""The Chart tab of the Displays pane: the current display as a thesis figure.

The picture is the core's (``qualcode.figures.charts.display_chart``), the same
one ``qualcode chart`` and the Word export draw, rendered on a worker thread
when the tab is shown or the display is rebuilt. The chart can be changed
(automatic, bars, stacked, grouped, heat map), copied to the clipboard and
saved as PNG, SVG or PDF.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.shell import dialogs

KIND_NAMES = {
    "auto": QT_TRANSLATE_NOOP("ChartView", "Automatic"),
    "bar": QT_TRANSLATE_NOOP("ChartView", "Bars"),
    "stacked": QT_TRANSLATE_NOOP("ChartView", "Stacked bars"),
    "grouped": QT_TRANSLATE_NOOP("ChartView", "Grouped bars"),
    "heatmap": QT_TRANSLATE_NOOP("ChartView", "Heat map"),
}


def chart_language() -> str:
    """Indonesian labels unless the interface is in English."""
    return "en" if QLocale().language() == QLocale.Language.English else "id"


class ChartView(QWidget):
    """Shows the chart of a display; redraws after a rebuild while it is visible."""

    def __init__(self, pane: Any) -> None:
        super().__init__(pane)
        self.pane = pane
        self.display: Any = None
        self.drawn_for: Any = None
        self.png: bytes | None = None
        self.kind = QComboBox(self)
        for key, name in KIND_NAMES.items():
            self.kind.addItem(QCoreApplication.translate("ChartView", name), key)
        self.copy_button = QPushButton(QCoreApplication.translate("ChartView", "Copy"), self)
        self.save_button = QPushButton(QCoreApplication.translate("ChartView", "Save…"), self)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image)
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self.redraw(force=True))
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        self._enable()

    def show_display(self, display: Any) -> None:
        """A new or rebuilt display: draw it now if the tab is visible, else when shown."""
        self.display = display
        self.redraw()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.redraw()

    def _figure(self) -> Any:
        from qualcode.figures.charts import display_chart

        return display_chart(
            self.pane.project, self.display, kind=self.kind.currentData(),
            language=chart_language(), pseudonymise=self._masked(),
        )  # fmt: skip

    def _masked(self) -> bool:
        """Whether File › Export › Pseudonymise exports is on (charts label cases alike)."""
        return bool(getattr(self.pane.window_.panes.get("exports"), "pseudonymise", False))

    def redraw(self, force: bool = False) -> None:
        """Render the chart on a worker thread (only while visible, once per display)."""
        if self.display is None or not self.isVisible():
            self._enable()
            return
        key = (id(self.display), self.kind.currentData())
        if self.drawn_for == key and not force:
            return
        self.drawn_for = key

        def work(progress: Any, cancel: Any) -> bytes:
            from qualcode.figures.style import figure_bytes

            return figure_bytes(self._figure(), "png", dpi=110)

        def done(png: bytes) -> None:
            self.png = png
            self.image.setPixmap(QPixmap.fromImage(QImage.fromData(png)))
            self._enable()

        self.pane.window_.dispatcher.run_task(
            QCoreApplication.translate("ChartView", "Drawing the chart…"),
            work,
            done,
            show_progress=False,
        )

    def copy(self) -> None:
        """Put the chart on the clipboard (paste it into Word or a slide)."""
        if self.png:
            QGuiApplication.clipboard().setImage(QImage.fromData(self.png))

    def save(self) -> None:
        """Save the chart as PNG (300 dpi), SVG or PDF."""
        if self.display is None:
            return
        path = dialogs.save_file(
            self,
            QCoreApplication.translate("ChartView", "Save chart"),
            QCoreApplication.translate(
                "ChartView", "PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"
            ),
            "chart.png",
        )
        if path:
            window, project = self.pane.window_, self.pane.project
            exports = window.panes["exports"]
            window.dispatcher.run(
                lambda: exports.save_figure(project, path, self._figure())
            )  # the register rewrite and leak check when pseudonymising

    def _enable(self) -> None:
        has = self.display is not None
        self.copy_button.setEnabled(has and self.png is not None)
        self.save_button.setEnabled(has)
