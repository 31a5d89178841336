"""Concept maps feature: a canvas where the student places codes, cases and notes and draws
labelled links; the map is saved in the project and every change is undoable.

The canvas only shows what ``project.maps`` returns and calls one core
operation per action: adding items, moving (a whole drag is one step),
linking, removing. Double-clicking a code opens its excerpts, so the map stays
tied to the data. The map exports to SVG/PNG/PDF (the core's drawing) and can
be copied to the clipboard as a picture.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qualcode.analysis.map_builders import link_words
from qualcode.changes import Area
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ui.features import Feature
from qualcode.ui.features.chart_view import chart_language
from qualcode.ui.shell import dialogs
from qualcode.ui.shell.commands import Command, has_project

RELATION_NAMES = {
    "associated": QT_TRANSLATE_NOOP("MapsPane", "is associated with"),
    "causes": QT_TRANSLATE_NOOP("MapsPane", "causes"),
    "supports": QT_TRANSLATE_NOOP("MapsPane", "supports"),
    "contradicts": QT_TRANSLATE_NOOP("MapsPane", "contradicts"),
    "part_of": QT_TRANSLATE_NOOP("MapsPane", "is part of"),
    "precedes": QT_TRANSLATE_NOOP("MapsPane", "precedes"),
    "maps_to": QT_TRANSLATE_NOOP("MapsPane", "maps to"),
}
W, H = 150.0, 44.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapsPane", text)


class NodeItem(QGraphicsRectItem):
    """A movable box for one map node."""

    def __init__(self, node: Any) -> None:
        super().__init__(-W / 2, -H / 2, W, H)
        self.node = node
        self.setPos(node.x, node.y)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        color = QColor(node.color)
        fill = QColor(color)
        fill.setAlpha(90)
        self.setBrush(QBrush(fill))
        self.setPen(
            QPen(color, 1.5, Qt.PenStyle.DashLine if node.missing else Qt.PenStyle.SolidLine)
        )
        text = QGraphicsSimpleTextItem(
            node.label if len(node.label) <= 24 else node.label[:23] + "…", self
        )
        font = QFont()
        font.setBold(node.kind == "code")
        text.setFont(font)
        box = text.boundingRect()
        text.setPos(-box.width() / 2, -box.height() / 2)
        self.setToolTip(node.label)


class LinkItem(QGraphicsLineItem):
    """An arrow between two node items with its relation written at the middle."""

    def __init__(self, link: Any, a: NodeItem, b: NodeItem) -> None:
        super().__init__()
        self.link, self.a, self.b = link, a, b
        self.setPen(
            QPen(
                QColor("#555555"),
                1.2,
                Qt.PenStyle.DashLine if link.relation == "contradicts" else Qt.PenStyle.SolidLine,
            )
        )
        self.setZValue(-1)
        words = link.label or _tr(RELATION_NAMES.get(link.relation, link.relation))
        extra = link_words(link, chart_language())  # a causal arrow: sign, strength, evidence
        self.text = QGraphicsSimpleTextItem(f"{words} ({extra})" if extra else words, self)
        if link.sign == "-":
            self.setPen(QPen(QColor("#555555"), 1.2, Qt.PenStyle.DashLine))
        self.update_position()

    def update_position(self) -> None:
        line = QLineF(self.a.pos(), self.b.pos())
        self.setLine(line)
        mid = line.center()
        box = self.text.boundingRect()
        self.text.setPos(mid.x() - box.width() / 2, mid.y() - box.height())

    def paint(self, painter: QPainter, option: Any, widget: Any = None) -> None:
        super().paint(painter, option, widget)
        line = self.line()
        if line.length() < 1:
            return
        angle = math.atan2(line.dy(), line.dx())
        # the arrowhead sits at the target box's edge, not its centre
        t = max(
            0.0,
            1
            - (W / 2 + 4) / max(line.length(), 1) * abs(math.cos(angle))
            - (H / 2 + 4) / max(line.length(), 1) * abs(math.sin(angle)),
        )
        tip = line.pointAt(t)
        size = 9.0
        left = QPointF(
            tip.x() - size * math.cos(angle - 0.4), tip.y() - size * math.sin(angle - 0.4)
        )
        right = QPointF(
            tip.x() - size * math.cos(angle + 0.4), tip.y() - size * math.sin(angle + 0.4)
        )
        painter.setBrush(QBrush(self.pen().color()))
        painter.drawPolygon(QPolygonF([tip, left, right]))


class MapScene(QGraphicsScene):
    """Keeps arrows on their boxes while dragging and reports a finished drag once."""

    def __init__(self, pane: MapsPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.links: list[LinkItem] = []

    def mouseMoveEvent(self, event: Any) -> None:
        super().mouseMoveEvent(event)
        for link in self.links:
            link.update_position()

    def mouseReleaseEvent(self, event: Any) -> None:
        super().mouseReleaseEvent(event)
        self.pane.commit_moves()

    def mouseDoubleClickEvent(self, event: Any) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.pane.open_node(item.node)
            return
        super().mouseDoubleClickEvent(event)


class MapsPane(QWidget):
    """Choose a map, edit it on the canvas, export it."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.project: Any = None
        self.map_id: int | None = None
        self.nodes: dict[int, NodeItem] = {}
        self.chooser = QComboBox(self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.chooser, 1)
        for key, label, slot in (
            ("new", QT_TRANSLATE_NOOP("MapsPane", "New map"), self.new_map),
            ("code", QT_TRANSLATE_NOOP("MapsPane", "Add code"), self.add_code),
            ("note", QT_TRANSLATE_NOOP("MapsPane", "Add note"), self.add_note),
            ("link", QT_TRANSLATE_NOOP("MapsPane", "Link"), self.link_selected),
            ("remove", QT_TRANSLATE_NOOP("MapsPane", "Remove"), self.remove_selected),
            ("arrow", QT_TRANSLATE_NOOP("MapsPane", "Arrow…"), self.edit_arrow),
            ("context", QT_TRANSLATE_NOOP("MapsPane", "Context chart…"), self.draw_context),
            ("causal", QT_TRANSLATE_NOOP("MapsPane", "Causal network…"), self.draw_causal),
            ("copy", QT_TRANSLATE_NOOP("MapsPane", "Copy"), self.copy),
            ("export", QT_TRANSLATE_NOOP("MapsPane", "Export…"), self.export),
        ):
            button = QPushButton(_tr(label), self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            bar.addWidget(button)
        self.scene = MapScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self._enable()

    # -- project and changes ---------------------------------------------------------
    def set_project(self, project: Any) -> None:
        self.project = project
        self.map_id = None
        self.reload_list()

    def on_changes(self, changes: Any) -> None:
        if self.project is None:
            return
        if changes.changed(Area.MAPS):
            self.reload_list()  # keeps the chosen map and redraws it
        elif changes.codes or changes.cases or changes.memos:
            self.redraw()

    def reload_list(self) -> None:
        keep = self.map_id
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for map_id, name in self.project.maps.all() if self.project is not None else []:
            self.chooser.addItem(name, map_id)
        index = self.chooser.findData(keep) if keep is not None else 0
        self.chooser.setCurrentIndex(max(index, 0) if self.chooser.count() else -1)
        self.chooser.blockSignals(False)
        self._chosen()

    def _chosen(self, _index: int = 0) -> None:
        self.map_id = self.chooser.currentData()
        self.redraw()

    def redraw(self) -> None:
        """Draw the chosen map from the core's record."""
        self.scene.clear()
        self.scene.links = []
        self.nodes = {}
        if self.project is not None and self.map_id is not None:
            record = self.project.maps.get(self.map_id)
            for node in record.nodes:
                item = NodeItem(node)
                self.scene.addItem(item)
                self.nodes[node.id] = item
            for link in record.links:
                if link.source in self.nodes and link.target in self.nodes:
                    arrow = LinkItem(link, self.nodes[link.source], self.nodes[link.target])
                    self.scene.addItem(arrow)
                    self.scene.links.append(arrow)
        self._enable()

    # -- actions: one core operation each ------------------------------------------------
    def _run(self, fn: Any, *args: Any) -> Any:
        return self.window_.dispatcher.run(fn, *args, origin=self)

    def new_map(self) -> None:
        name = dialogs.get_text(
            self,
            QCoreApplication.translate("MapsPane", "New map"),
            QCoreApplication.translate("MapsPane", "Name of the map:"),
        )
        if name:
            made = self._run(self.project.maps.create, name)
            if made is not None:
                self.map_id = made.result.id
                self.reload_list()

    def _free_spot(self) -> tuple[float, float]:
        n = len(self.nodes)
        return 180.0 * (n % 4), 110.0 * (n // 4)

    def add_code(self) -> None:
        """Put the code selected in the codebook on the map (with its codebook relations)."""
        code_id = self.window_.code_tree.current_code_id()
        if code_id is not None and self.map_id is not None:
            self._run(
                self.project.maps.add_nodes,
                self.map_id,
                [("code", code_id, "", *self._free_spot())],
            )

    def add_note(self) -> None:
        text = dialogs.get_text(
            self,
            QCoreApplication.translate("MapsPane", "Add note"),
            QCoreApplication.translate("MapsPane", "Text of the note:"),
        )
        if text and self.map_id is not None:
            self._run(
                self.project.maps.add_nodes, self.map_id, [("note", None, text, *self._free_spot())]
            )

    def selected_nodes(self) -> list[int]:
        return [i.node.id for i in self.scene.selectedItems() if isinstance(i, NodeItem)]

    def link_selected(self) -> None:
        """Link two selected nodes (first selected → second) with a chosen relation."""
        chosen = self.selected_nodes()
        if len(chosen) != 2:
            dialogs.inform(
                self,
                QCoreApplication.translate("MapsPane", "Link"),
                QCoreApplication.translate("MapsPane", "Select exactly two boxes to link."),
            )
            return
        keys = list(RELATION_NAMES)
        pick = dialogs.choose(
            self,
            QCoreApplication.translate("MapsPane", "Link"),
            QCoreApplication.translate("MapsPane", "How are they related?"),
            [_tr(RELATION_NAMES[k]) for k in keys],
        )
        if pick is not None:
            self._run(self.project.maps.link, chosen[0], chosen[1], keys[pick])

    def draw_context(self) -> None:
        """Draw a context chart of the cases as a new map (one undoable step)."""
        from qualcode.analysis.map_builders import context_chart
        from qualcode.ui.features.maps_draw import ContextChartDialog

        names = [a.name for a in self.project.attributes.all("case")]
        dialog = ContextChartDialog(self, names)
        if dialog.exec() != ContextChartDialog.DialogCode.Accepted:
            return
        name, options = dialog.name_edit.text(), dialog.options()
        self._generated(
            self._run(lambda: self.project.maps.generate(name, context_chart(self.project,
                                                                             **options)))
        )  # fmt: skip

    def draw_causal(self) -> None:
        """Draw a causal network of the ticked codes as a new map (one undoable step)."""
        from qualcode.analysis.map_builders import causal_network
        from qualcode.ui.features.maps_draw import CausalNetworkDialog

        codes = self.project.codes.all()
        depth: dict[int, int] = {}
        for c in codes:  # tree order: a parent comes before its sub-codes
            depth[c.id] = depth.get(c.parent_id, -1) + 1 if c.parent_id is not None else 0
        listed = [(c.id, "    " * depth[c.id] + c.name, c.name) for c in codes]
        dialog = CausalNetworkDialog(self, listed, {c.id for c in codes if c.parent_id is None})
        if dialog.exec() != CausalNetworkDialog.DialogCode.Accepted:
            return
        name, options = dialog.name_edit.text(), dialog.options()
        self._generated(
            self._run(lambda: self.project.maps.generate(name, causal_network(self.project,
                                                                              **options)))
        )  # fmt: skip

    def _generated(self, made: Any) -> None:
        if made is not None:
            self.map_id = made.result.id
            self.reload_list()

    def edit_arrow(self) -> None:
        """The arrow between the two selected boxes: sign, strength and the evidence it cites
        (add or remove codings); saved as one undoable step."""
        from qualcode.analysis.excerpts import excerpts_by_id
        from qualcode.analysis.map_builders import arrow_candidates, link_evidence
        from qualcode.ui.features.conclusions import selected_excerpts
        from qualcode.ui.features.maps_draw import ArrowDialog

        chosen = set(self.selected_nodes())
        record = self.project.maps.get(self.map_id) if self.map_id is not None else None
        found = [lk for lk in (record.links if record else []) if {lk.source, lk.target} == chosen]
        if record is None or len(chosen) != 2 or not found:
            dialogs.inform(
                self,
                QCoreApplication.translate("MapsPane", "Arrow"),
                QCoreApplication.translate("MapsPane", "Select the two boxes an arrow joins."),
            )
            return
        link = found[0]
        cited = next(c for c in link_evidence(self.project, record) if c.link.id == link.id)
        candidates = arrow_candidates(self.project, record, link)
        ids = selected_excerpts(self.window_)
        picked = list(excerpts_by_id(self.project, ids).values()) if ids else []
        dialog = ArrowDialog(self, cited, self.window_.show_coding_details, candidates, picked)
        if dialog.exec() == ArrowDialog.DialogCode.Accepted:
            sign, strength = dialog.values()
            added, removed = dialog.evidence_changes()
            self._run(
                lambda: self.project.maps.annotate_link(
                    link.id, sign=sign, strength=strength,
                    add_evidence=added, remove_evidence=removed,
                )
            )  # fmt: skip

    def remove_selected(self) -> None:
        chosen = self.selected_nodes()
        if chosen:
            self._run(self.project.maps.remove_nodes, chosen)

    def commit_moves(self) -> None:
        """After a drag: store the new places of every moved box as one undo step."""
        moves = [
            (nid, item.pos().x(), item.pos().y())
            for nid, item in self.nodes.items()
            if (item.pos().x(), item.pos().y()) != (item.node.x, item.node.y)
        ]
        if moves:
            self._run(self.project.maps.move_nodes, moves)

    def open_node(self, node: Any) -> None:
        """Double-click: a code opens its excerpts; a case or source its text."""
        if node.kind == "code" and not node.missing:
            self.window_.show_excerpts(node.ref_id)

    def image(self) -> QImage:
        rect = self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        img = QImage(
            max(int(rect.width()), 1), max(int(rect.height()), 1), QImage.Format.Format_ARGB32
        )
        img.fill(QColor("white"))
        painter = QPainter(img)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.scene.render(painter, source=rect)
        painter.end()
        return img

    def copy(self) -> None:
        """The map as a picture on the clipboard."""
        if self.nodes:
            QGuiApplication.clipboard().setImage(self.image())

    def export(self) -> None:
        """Save the map as SVG, PNG or PDF (drawn by the core, as `qualcode map export`)."""
        if self.map_id is None:
            return
        path = dialogs.save_file(
            self,
            QCoreApplication.translate("MapsPane", "Export map"),
            QCoreApplication.translate(
                "MapsPane", "SVG drawing (*.svg);;PNG image (*.png);;PDF (*.pdf)"
            ),
            "map.svg",
        )
        if path:
            from qualcode.figures.concept_map import draw_map

            record = self.project.maps.get(self.map_id, chart_language())
            exports, project = self.window_.panes["exports"], self.project
            self._run(
                lambda: exports.save_figure(project, path, draw_map(record, chart_language()))
            )  # the register rewrite and leak check when pseudonymising

    def _enable(self) -> None:
        writable = self.project is not None and not self.project.read_only
        chosen = self.map_id is not None
        for key in ("new", "context", "causal"):
            self.buttons[key].setEnabled(writable)
        for key in ("code", "note", "link", "remove", "arrow"):
            self.buttons[key].setEnabled(writable and chosen)
        for key in ("copy", "export"):
            self.buttons[key].setEnabled(chosen)


def _show(window: Any) -> None:
    window.docks["maps"].show()
    window.docks["maps"].raise_()


FEATURE = Feature(
    key="maps",
    title=QT_TRANSLATE_NOOP("panes", "Concept maps"),
    pane=MapsPane,
    area="bottom",
    tab_with="displays",
    commands=(
        Command(
            "maps.show",
            QT_TRANSLATE_NOOP("commands", "Concept &maps"),
            "analysis",
            _show,
            has_project,
        ),
    ),
)
