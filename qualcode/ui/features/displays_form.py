"""The form that describes a display: its type, codes, rows/columns, count and filters.

It only collects choices; :meth:`DisplayForm.spec` turns them into a spec with
the core's ``customised_spec``, the same way the ``qualcode display`` command
does, so the app and the CLI build identical displays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import SOURCE_KINDS, VALENCES
from qualcode.ui.detail_pane import valence_label
from qualcode.ui.features.displays_model import MEASURES, translated
from qualcode.ui.navigation import kind_label

TYPES: dict[str, str] = {
    "matrix": QT_TRANSLATE_NOOP("displays", "Coding matrix (codes × cases)"),
    "framework": QT_TRANSLATE_NOOP("displays", "Framework matrix (cases × themes, summaries)"),
    "checklist": QT_TRANSLATE_NOOP("displays", "Checklist matrix (components × informants)"),
    "role_ordered": QT_TRANSLATE_NOOP("displays", "Role-ordered matrix"),
    "time_ordered": QT_TRANSLATE_NOOP("displays", "Time-ordered matrix"),
    "clustered": QT_TRANSLATE_NOOP("displays", "Conceptually clustered matrix"),
    "case_ordered": QT_TRANSLATE_NOOP("displays", "Case-ordered meta-matrix"),
    "effects": QT_TRANSLATE_NOOP("displays", "Effects matrix"),
    "cooccurrence": QT_TRANSLATE_NOOP("displays", "Code co-occurrence"),
    "factors": QT_TRANSLATE_NOOP("displays", "Supporting and inhibiting factors"),
    "coverage": QT_TRANSLATE_NOOP("displays", "Data coverage (gaps in the evidence)"),
}
"""Every ready-made display of :mod:`qualcode.analysis.displays`, in menu order."""

CODES_LABEL = {
    "framework": QT_TRANSLATE_NOOP("displays", "T&hemes"),
    "factors": QT_TRANSLATE_NOOP("displays", "Dime&nsions"),
    "effects": QT_TRANSLATE_NOOP("displays", "Outcome&s"),
    "clustered": QT_TRANSLATE_NOOP("displays", "Group&s (each with its sub-codes)"),
}
ATTR_LABEL = {
    "role_ordered": QT_TRANSLATE_NOOP("displays", "Role attribute"),
    "case_ordered": QT_TRANSLATE_NOOP("displays", "Order cases by"),
    "effects": QT_TRANSLATE_NOOP("displays", "Compare groups of"),
}
ALL = set(TYPES)
FIELDS: dict[str, set[str]] = {
    "codes": ALL - {"checklist"},
    "variable": {"checklist"},
    "attr": {"role_ordered", "case_ordered", "effects"},
    "rank": {"role_ordered"},
    "descending": {"case_ordered"},
    "case_kind": {"framework", "clustered", "case_ordered"},
    "cutoff": {"effects"},
    "bucket": {"time_ordered"},
    "op": {"cooccurrence"},
    "distance": {"cooccurrence"},
}
"""Which type shows which field (rows, columns, count, cells and filters: every type)."""

CELLS = {
    "count": QT_TRANSLATE_NOOP("displays", "Counts"),
    "excerpts": QT_TRANSLATE_NOOP("displays", "Excerpts"),
    "summary": QT_TRANSLATE_NOOP("displays", "Summaries"),
    "rating": QT_TRANSLATE_NOOP("displays", "Ratings"),
}
OPS = {
    "and": QT_TRANSLATE_NOOP("displays", "overlap"),
    "near": QT_TRANSLATE_NOOP("displays", "near"),
    "same_turn": QT_TRANSLATE_NOOP("displays", "in the same turn"),
    "not": QT_TRANSLATE_NOOP("displays", "without"),
}
BUCKETS = {
    "month": QT_TRANSLATE_NOOP("displays", "month"),
    "year": QT_TRANSLATE_NOOP("displays", "year"),
    "value": QT_TRANSLATE_NOOP("displays", "period as coded"),
}


class CheckMenuButton(QToolButton):
    """A compact multi-choice: a button whose menu holds checkable values ("All" when none)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    def set_values(self, values: list[tuple[Any, str]]) -> None:
        """Offer ``(value, label)`` pairs, keeping the values still offered checked."""
        keep = set(self.values() or [])
        menu = self.menu()
        menu.clear()
        for value, label in values:
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(value in keep)
            action.setData(value)
            action.toggled.connect(lambda _on: self._changed())
            menu.addAction(action)
        self.setEnabled(bool(values))
        self._show()

    def actions_(self) -> list[QAction]:
        """The checkable values."""
        return list(self.menu().actions())

    def values(self) -> list[Any] | None:
        """The checked values, or None when none is checked (no filter)."""
        found = [a.data() for a in self.menu().actions() if a.isChecked()]
        return found or None

    def _changed(self) -> None:
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        checked = [a.text() for a in self.menu().actions() if a.isChecked()]
        if not checked:
            self.setText(self.tr("All"))
        elif len(checked) <= 2:
            self.setText(", ".join(checked))
        else:
            self.setText(self.tr("{n} chosen").format(n=len(checked)))
        self.setToolTip("\n".join(checked) or self.tr("No filter"))


class DisplayForm(QWidget):
    """Type, codes, axes, count, cells and filters of a display; Build asks for it."""

    build_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayForm")
        self.project: Any = None
        self.type = QComboBox(self)
        for key in TYPES:
            self.type.addItem("", key)
        self.codes = QTreeWidget(self)
        self.codes.setHeaderHidden(True)
        self.codes.setMinimumHeight(90)
        self.variable = QComboBox(self)
        self.rows = QComboBox(self)
        self.columns = QComboBox(self)
        self.attr = QComboBox(self)
        self.rank = QComboBox(self)
        self.descending = QCheckBox(self)
        self.descending.setChecked(True)
        self.case_kind = QComboBox(self)
        self.cutoff = QLineEdit(self)
        self.cutoff.setPlaceholderText("YYYY-MM-DD")
        self.bucket = QComboBox(self)
        self.op = QComboBox(self)
        self.distance = QSpinBox(self)
        self.distance.setRange(0, 100000)
        self.measure = QComboBox(self)
        self.cell = QComboBox(self)
        self.f_cases = CheckMenuButton("filterCases", self)
        self.f_kinds = CheckMenuButton("filterKinds", self)
        self.f_coders = CheckMenuButton("filterCoders", self)
        self.f_valence = CheckMenuButton("filterValence", self)
        self.period_from = QLineEdit(self)
        self.period_to = QLineEdit(self)
        for edit in (self.period_from, self.period_to):
            edit.setPlaceholderText("YYYY-MM")
        self.build = QPushButton(self)
        self.build.setObjectName("buildDisplay")
        self.build.setDefault(True)
        self.build.clicked.connect(self.build_requested)
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {
            "type": self.type, "codes": self.codes, "variable": self.variable,
            "rows": self.rows, "columns": self.columns, "attr": self.attr, "rank": self.rank,
            "descending": self.descending, "case_kind": self.case_kind, "cutoff": self.cutoff,
            "bucket": self.bucket, "op": self.op, "distance": self.distance,
            "measure": self.measure, "cell": self.cell, "cases": self.f_cases,
            "kinds": self.f_kinds, "coders": self.f_coders, "valence": self.f_valence,
            "period_from": self.period_from, "period_to": self.period_to,
        }  # fmt: skip
        self.labels: dict[str, QLabel] = {}
        for name, widget in self.fields.items():
            if not widget.objectName():
                widget.setObjectName(f"display_{name}")
            label = self.labels[name] = QLabel(self)
            label.setBuddy(widget)
            self.layout_.addRow(label, widget)
        self.layout_.addRow(self.build)
        self.type.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.retranslate()

    # -- choices from the project ---------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Offer the project's codes, attributes, case kinds and coders."""
        self.project = project
        self.refill()

    def refill(self) -> None:
        """Re-read the choices (after codes, cases or attributes changed), keeping selections."""
        checked = set(self.checked_codes() or [])
        combos = (self.variable, self.rows, self.columns, self.attr, self.rank, self.case_kind)
        kept = {combo: combo.currentData() for combo in combos if combo.count()}
        self.codes.clear()
        for combo in combos:
            combo.clear()
        if self.project is None:
            return
        codes = self.project.codes.all()  # parents first
        items: dict[int, QTreeWidgetItem] = {}
        has_children = {c.parent_id for c in codes}
        for code in codes:
            parent = items.get(code.parent_id) if code.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.codes)
            item.setText(0, code.name)
            item.setData(0, Qt.ItemDataRole.UserRole, code.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if code.id in checked else Qt.CheckState.Unchecked
            )
            items[code.id] = item
            if code.id in has_children:
                self.variable.addItem(self.project.codes.path_text(code.id), code.id)
        attrs = self.project.attributes.all()
        case_attrs = [a.name for a in attrs if a.owner == "case"]
        source_attrs = [a.name for a in attrs if a.owner == "source"]
        kinds = sorted({c.kind for c in self.project.cases.all()})
        dims = [("codes", self.tr("Codes")), ("cases", self.tr("Cases"))]
        dims += [(f"cases:{k}", self.tr("Cases: {kind}").format(kind=k)) for k in kinds]
        dims += [
            (f"attribute:{n}", self.tr("Attribute: {name}").format(name=n)) for n in case_attrs
        ]
        dims += [("sources", self.tr("Sources")), ("source_kind", self.tr("Source kinds"))]
        dims += [
            (f"source_attribute:{n}", self.tr("Source attribute: {name}").format(name=n))
            for n in source_attrs
        ]
        dims += [
            ("coders", self.tr("Coders")),
            ("valence", self.tr("Valence")),
            ("period:month", self.tr("Period (month)")),
            ("period:year", self.tr("Period (year)")),
            ("total", self.tr("Total")),
        ]
        for combo in (self.rows, self.columns):
            combo.addItem(self.tr("As the display type sets"), None)
            for value, label in dims:
                combo.addItem(label, value)
        for name in case_attrs:
            self.attr.addItem(name, name)
        self.rank.addItem(self.tr("(none)"), None)
        self.case_kind.addItem(self.tr("All cases"), None)
        for name in case_attrs:
            self.rank.addItem(name, name)
        for kind in kinds:
            self.case_kind.addItem(kind, kind)
        self._select_defaults()
        for combo, value in kept.items():
            if combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
        self.f_cases.set_values([(c.id, c.name) for c in self.project.cases.all()])
        used_kinds = {s.kind for s in self.project.sources.all()}
        self.f_kinds.set_values([(k, kind_label(k)) for k in SOURCE_KINDS if k in used_kinds])
        self.f_coders.set_values([(n, n) for n in coder_names(self.project)])
        self.f_valence.set_values(
            [(v, valence_label(v)) for v in VALENCES] + [("none", self.tr("no valence"))]
        )
        self._show_fields()

    def _select_defaults(self) -> None:
        for combo, wanted in ((self.attr, "Jabatan"), (self.rank, "Peringkat")):
            at = combo.findData(wanted)
            if at >= 0:
                combo.setCurrentIndex(at)
        at = self.case_kind.findData("informant")
        self.case_kind.setCurrentIndex(max(at, 0))

    # -- reading the form --------------------------------------------------------------------
    def display_type(self) -> str:
        """The chosen ready-made type."""
        return str(self.type.currentData())

    def set_type(self, key: str) -> None:
        """Choose a display type."""
        self.type.setCurrentIndex(self.type.findData(key))

    def checked_codes(self) -> list[int] | None:
        """Checked codes in tree order, or None when none is checked (the type's default)."""
        out: list[int] = []

        def walk(item: QTreeWidgetItem) -> None:
            if item.checkState(0) == Qt.CheckState.Checked:
                out.append(int(item.data(0, Qt.ItemDataRole.UserRole)))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.codes.topLevelItemCount()):
            walk(self.codes.topLevelItem(i))
        return out or None

    def check_codes(self, ids: list[int]) -> None:
        """Check exactly these codes."""
        wanted = set(ids)

        def walk(item: QTreeWidgetItem) -> None:
            on = int(item.data(0, Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.codes.topLevelItemCount()):
            walk(self.codes.topLevelItem(i))

    def filters(self) -> dict[str, Any]:
        """The filters of the ``DisplaySpec`` (only those the user set)."""
        out: dict[str, Any] = {
            "cases": self.f_cases.values(),
            "source_kinds": self.f_kinds.values(),
            "coders": self.f_coders.values(),
            "valence": self.f_valence.values(),
            "period_from": self.period_from.text().strip() or None,
            "period_to": self.period_to.text().strip() or None,
        }
        return {k: v for k, v in out.items() if v is not None}

    def params(self) -> dict[str, Any]:
        """The ready-made builder's parameters, as the ``qualcode display`` command passes them."""
        kind = self.display_type()
        ids = self.checked_codes()
        params: dict[str, Any] = {"filters": self.filters() or None}
        if kind in ("matrix", "coverage", "time_ordered", "case_ordered", "role_ordered",
                    "cooccurrence", "framework"):  # fmt: skip
            params["codes"] = ids
        if kind == "factors":
            params["dimensions"] = ids
        if kind == "checklist":
            params["variable"] = self.variable.currentData()
            if self.columns.currentData():
                params["columns"] = self.columns.currentData()
        if kind == "role_ordered":
            params.update(role=self.attr.currentData(), rank=self.rank.currentData())
        if kind == "case_ordered":
            params.update(
                order_by=self.attr.currentData(),
                descending=self.descending.isChecked(),
                case_kind=self.case_kind.currentData(),
            )
        if kind in ("framework", "clustered"):
            params["case_kind"] = self.case_kind.currentData()
        if kind == "effects":
            cutoff = self.cutoff.text().strip() or None
            group = None if cutoff else self.attr.currentData()
            params.update(outcomes=ids or [], group=group, cutoff=cutoff)
        if kind == "clustered":
            names = {c.id: c.name for c in self.project.codes.all()}
            params["groups"] = {names[i]: [i] for i in ids or []}
        if kind == "cooccurrence":
            params.update(op=self.op.currentData(), distance=self.distance.value())
        if kind == "time_ordered":
            params["bucket"] = self.bucket.currentData()
        return params

    def spec(self) -> Any:
        """The display's spec, built by the core (raises the core's ValidationError)."""
        from qualcode.analysis.displays import customised_spec

        kind = self.display_type()
        if kind in ("matrix", "coverage") and self.columns.currentData():
            params = {**self.params(), "columns": self.columns.currentData()}
        else:
            params = self.params()
        return customised_spec(
            self.project,
            kind,
            params,
            rows=self.rows.currentData(),
            columns=self.columns.currentData(),
            measure=self.measure.currentData(),
            cell=self.cell.currentData(),
        )

    # -- showing ------------------------------------------------------------------------------
    def _show_fields(self) -> None:
        kind = self.display_type()
        for name, types in FIELDS.items():
            self.layout_.setRowVisible(self.fields[name], kind in types)
        self.labels["codes"].setText(
            translated(CODES_LABEL.get(kind, QT_TRANSLATE_NOOP("displays", "C&odes")))
        )
        if kind in ATTR_LABEL:
            self.labels["attr"].setText(translated(ATTR_LABEL[kind]))
        default = {"framework": self.tr("None checked: every top-level code"),
                   "factors": self.tr("None checked: every top-level code"),
                   "checklist": ""}.get(kind, self.tr("None checked: every code"))  # fmt: skip
        self.codes.setToolTip(default)

    def retranslate(self) -> None:
        """Texts in the current language."""
        for i in range(self.type.count()):
            self.type.setItemText(i, translated(TYPES[self.type.itemData(i)]))
        for combo, values in (
            (self.measure, {None: QT_TRANSLATE_NOOP("displays", "As the display type sets"),
                            **MEASURES}),
            (self.cell, {None: QT_TRANSLATE_NOOP("displays", "As the display type sets"),
                         **CELLS}),
            (self.op, OPS),
            (self.bucket, BUCKETS),
        ):  # fmt: skip
            keep = combo.currentData()
            combo.clear()
            for value, text in values.items():
                combo.addItem(translated(text), value)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
        labels = {
            "type": self.tr("&Display"),
            "variable": self.tr("&Variable"),
            "rows": self.tr("&Rows"),
            "columns": self.tr("Co&lumns"),
            "attr": self.tr("Role attribute"),
            "rank": self.tr("Ran&k by"),
            "descending": self.tr("Order"),
            "case_kind": self.tr("Cas&es"),
            "cutoff": self.tr("Early/late c&utoff"),
            "bucket": self.tr("Periods &by"),
            "op": self.tr("Co-occurring"),
            "distance": self.tr("Within (characters)"),
            "measure": self.tr("Co&unt"),
            "cell": self.tr("Ce&lls show"),
            "cases": self.tr("Only &cases"),
            "kinds": self.tr("Only source &kinds"),
            "coders": self.tr("Only co&ders"),
            "valence": self.tr("Only &valence"),
            "period_from": self.tr("Period &from"),
            "period_to": self.tr("Period &to"),
        }
        for name, text in labels.items():
            self.labels[name].setText(text)
            self.fields[name].setAccessibleName(text.replace("&", ""))
        self.descending.setText(self.tr("Highest first"))
        self.codes.setAccessibleName(self.tr("Codes"))
        self.build.setText(self.tr("&Build"))
        self.build.setToolTip(self.tr("Build the display from the current data"))
        self.refill_labels()
        self._show_fields()

    def refill_labels(self) -> None:
        """Re-read project-derived labels (they contain translated words)."""
        if self.project is not None:
            self.refill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def coder_names(project: Any) -> list[str]:
    """Every coder of the project (read through the analysis corpus, without codings)."""
    from qualcode.analysis.corpus import load_corpus

    return sorted(set(load_corpus(project, {"codes": []}).coders.values()), key=str.casefold)
