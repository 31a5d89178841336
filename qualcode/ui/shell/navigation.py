"""The navigation pane: sources grouped by kind, cases with their attributes, memos.

One section per kind of project object, as NVivo's navigation view has; later
sections (displays, conclusions, searches) are added with :meth:`add_section`.
Each section is rebuilt from a snapshot when a change set touches its tables.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QToolBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from qualcode.i18n import QT_TRANSLATE_NOOP

ID_ROLE = Qt.ItemDataRole.UserRole + 1

KIND_LABELS = {
    "interview": QT_TRANSLATE_NOOP("kinds", "Interviews"),
    "focus-group": QT_TRANSLATE_NOOP("kinds", "Focus groups"),
    "observation": QT_TRANSLATE_NOOP("kinds", "Observations"),
    "document": QT_TRANSLATE_NOOP("kinds", "Documents"),
    "other": QT_TRANSLATE_NOOP("kinds", "Other sources"),
}


def kind_label(kind: str) -> str:
    """A source kind in the current language (plural, as a group title)."""
    return QCoreApplication.translate("kinds", KIND_LABELS.get(kind, kind))


def _tree(name: str, columns: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setColumnCount(columns)
    tree.setUniformRowHeights(True)
    tree.setRootIsDecorated(columns == 1 or name == "sourceTree")
    return tree


class NavigationPane(QWidget):
    """Sections of project objects; choosing one emits its id."""

    source_chosen = Signal(int)
    case_chosen = Signal(int)
    memo_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.project: Any = None
        self.box = QToolBox(self)
        self.sources = _tree("sourceTree", 2)
        self.cases = _tree("caseTree", 2)
        self.memos = _tree("memoTree", 2)
        for tree in (self.sources, self.cases, self.memos):
            self.box.addItem(tree, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        self.sources.itemActivated.connect(lambda it, _c: self._chosen(it, self.source_chosen))
        self.sources.itemClicked.connect(lambda it, _c: self._chosen(it, self.source_chosen))
        self.cases.itemClicked.connect(lambda it, _c: self._chosen(it, self.case_chosen))
        self.memos.itemClicked.connect(lambda it, _c: self._chosen(it, self.memo_chosen))
        self.retranslate()

    def add_section(self, widget: QWidget, title: str) -> int:
        """Add a section (for later panes: displays, conclusions, searches)."""
        return self.box.addItem(widget, title)

    def set_project(self, project: Any) -> None:
        """Show ``project`` (None clears every section)."""
        self.project = project
        self.reload_sources()
        self.reload_cases()
        self.reload_memos()

    def on_changes(self, changes: Any) -> None:
        """Rebuild the sections whose tables ``changes`` touched."""
        if changes.sources:
            self.reload_sources()
        if changes.cases or changes.sources:
            self.reload_cases()
        if changes.memos:
            self.reload_memos()

    # -- sections ----------------------------------------------------------------------------
    def reload_sources(self) -> None:
        """Sources under one group per kind, with the collection date."""
        current = self.current_id(self.sources)
        self.sources.clear()
        if self.project is None:
            return
        groups: dict[str, QTreeWidgetItem] = {}
        locale = QLocale()
        for src in sorted(self.project.sources.all(), key=lambda s: s.name.lower()):
            group = groups.get(src.kind)
            if group is None:
                group = QTreeWidgetItem([kind_label(src.kind), ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[src.kind] = group
            when = (
                locale.toString(src.date_collected, QLocale.FormatType.ShortFormat)
                if src.date_collected
                else ""
            )
            item = QTreeWidgetItem(group, [src.name, when])
            item.setData(0, ID_ROLE, src.id)
            item.setToolTip(0, src.description or src.original_name or src.name)
            if src.id == current:
                self.sources.setCurrentItem(item)
        order = list(KIND_LABELS)
        for kind in sorted(groups, key=lambda k: order.index(k) if k in order else 99):
            group = groups[kind]
            group.setText(0, f"{kind_label(kind)} ({group.childCount()})")
            self.sources.addTopLevelItem(group)
            group.setExpanded(True)
        self.sources.resizeColumnToContents(0)

    def reload_cases(self) -> None:
        """Cases (nested under their parent case) with their attribute values."""
        self.cases.clear()
        if self.project is None:
            return
        items: dict[int, QTreeWidgetItem] = {}
        pending = list(self.project.cases.all())
        for _ in range(len(pending) + 1):
            rest = []
            for case in pending:
                if case.parent_id is not None and case.parent_id not in items:
                    rest.append(case)
                    continue
                values = "; ".join(
                    f"{k}: {_show(v)}" for k, v in case.attributes.items() if v is not None
                )
                item = QTreeWidgetItem([case.name, values])
                item.setData(0, ID_ROLE, case.id)
                item.setToolTip(1, values.replace("; ", "\n"))
                parent = items.get(case.parent_id) if case.parent_id is not None else None
                if parent is not None:
                    parent.addChild(item)
                else:
                    self.cases.addTopLevelItem(item)
                items[case.id] = item
            if not rest:
                break
            pending = rest
        self.cases.expandAll()
        self.cases.resizeColumnToContents(0)

    def reload_memos(self) -> None:
        """Memos, newest last, with what they are about."""
        self.memos.clear()
        if self.project is None:
            return
        for memo in self.project.memos.all():
            target, _tid = memo.target
            first = memo.text.strip().splitlines()[0][:60] if memo.text.strip() else ""
            title = memo.title or first
            item = QTreeWidgetItem([title or self.tr("(untitled)"), _target_label(target)])
            item.setData(0, ID_ROLE, memo.id)
            self.memos.addTopLevelItem(item)

    def select_source(self, source_id: int) -> None:
        """Mark ``source_id`` as the shown source."""
        for i in range(self.sources.topLevelItemCount()):
            group = self.sources.topLevelItem(i)
            for k in range(group.childCount()):
                if group.child(k).data(0, ID_ROLE) == source_id:
                    self.sources.setCurrentItem(group.child(k))
                    return

    def first_source_id(self) -> int | None:
        """The first source in the pane's order (interviews first)."""
        if self.sources.topLevelItemCount() == 0:
            return None
        group = self.sources.topLevelItem(0)
        return int(group.child(0).data(0, ID_ROLE)) if group.childCount() else None

    @staticmethod
    def current_id(tree: QTreeWidget) -> int | None:
        """Id of the current item of a section."""
        item = tree.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _chosen(self, item: QTreeWidgetItem, signal: Any) -> None:
        value = item.data(0, ID_ROLE)
        if value is not None:
            signal.emit(int(value))

    def retranslate(self) -> None:
        """Section titles and column headers in the current language."""
        self.box.setItemText(0, self.tr("Sources"))
        self.box.setItemText(1, self.tr("Cases"))
        self.box.setItemText(2, self.tr("Memos"))
        self.sources.setHeaderLabels([self.tr("Source"), self.tr("Collected")])
        self.cases.setHeaderLabels([self.tr("Case"), self.tr("Attributes")])
        self.memos.setHeaderLabels([self.tr("Memo"), self.tr("About")])
        self.sources.setAccessibleName(self.tr("Sources"))
        self.cases.setAccessibleName(self.tr("Cases"))
        self.memos.setAccessibleName(self.tr("Memos"))
        if self.project is not None:
            self.reload_sources()
            self.reload_memos()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


TARGET_LABELS = {
    "project": QT_TRANSLATE_NOOP("kinds", "Project"),
    "source": QT_TRANSLATE_NOOP("kinds", "Source"),
    "case": QT_TRANSLATE_NOOP("kinds", "Case"),
    "code": QT_TRANSLATE_NOOP("kinds", "Code"),
    "coding": QT_TRANSLATE_NOOP("kinds", "Coding"),
}


def _target_label(target: str) -> str:
    return QCoreApplication.translate("kinds", TARGET_LABELS.get(target, target))


def _show(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return QLocale().toString(value, QLocale.FormatType.ShortFormat)
    return str(value)
