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
    QHBoxLayout,
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
from qualcode.ui.features.displays_model import MEASURES, translated
from qualcode.ui.features.displays_words import (  # noqa: F401  (TYPES is imported from here)
    ALL,
    ATTR_LABEL,
    BUCKETS,
    CELLS,
    CODES_LABEL,
    FIELDS,
    MHS_MORE,
    OPS,
    TIME_FIELDS,
    TYPES,
)
from qualcode.ui.panes.detail_pane import valence_label
from qualcode.ui.shell.navigation import kind_label


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

    def set_checked(self, values: Any) -> None:
        """Check exactly the offered values among ``values`` (None or empty: no filter)."""
        wanted = set(values or [])
        for action in self.menu().actions():
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
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
            self.setText(", ".join(_short(t) for t in checked))
        else:
            self.setText(self.tr("{n} chosen").format(n=len(checked)))
        self.setToolTip("\n".join(checked) or self.tr("No filter"))


KNOWN_FILTERS = ("cases", "source_kinds", "coders", "valence", "period_from", "period_to",
                 "sources", "attribute")  # fmt: skip
"""Filters the form edits; a loaded spec's other filters are kept as they are."""


class AttributeFilter(QWidget):
    """Attribute values a coding's case (or source) must have: ``{name: [values]}``.

    One attribute is edited at a time (the combo); the values menu checks its
    values. Filters on several attributes combine (all must hold), as in the core.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterAttribute")
        self.chosen: dict[str, list[str]] = {}
        self.offered: dict[str, list[str]] = {}
        self.name = QComboBox(self)
        self.name.setObjectName("filterAttributeName")
        self.name.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.name.setMinimumContentsLength(8)
        self.values_ = CheckMenuButton("filterAttributeValues", self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.values_, 1)
        self.name.currentIndexChanged.connect(lambda _i: self._offer_values())
        self.values_.changed.connect(self._values_changed)

    def set_attributes(self, offered: dict[str, list[str]]) -> None:
        """Offer these attributes and their values (filters already set are kept)."""
        self.offered = offered
        keep = self.name.currentData()
        self.name.blockSignals(True)
        self.name.clear()
        for name in list(offered) + [n for n in self.chosen if n not in offered]:
            self.name.addItem(name, name)
        at = self.name.findData(keep) if keep is not None else -1
        self.name.setCurrentIndex(at if at >= 0 else (0 if self.name.count() else -1))
        self.name.blockSignals(False)
        self.setEnabled(self.name.count() > 0)
        self._offer_values()

    def value(self) -> dict[str, list[str]] | None:
        """The spec's ``attribute`` filter, or None when no value is checked."""
        return {k: list(v) for k, v in self.chosen.items() if v} or None

    def set_value(self, value: dict[str, Any] | None) -> None:
        """Show a spec's ``attribute`` filter (a single value counts as a one-value list)."""
        self.chosen = {
            str(k): [v] if isinstance(v, str) else [str(x) for x in v]
            for k, v in (value or {}).items()
        }
        first = next(iter(self.chosen), None)
        self.set_attributes(self.offered)
        if first is not None:
            self.name.setCurrentIndex(self.name.findData(first))

    def _offer_values(self) -> None:
        name = self.name.currentData()
        chosen = self.chosen.get(name, []) if name is not None else []
        values = list(self.offered.get(name, [])) if name is not None else []
        values += [v for v in chosen if v not in values]
        self.values_.blockSignals(True)
        self.values_.set_values([(v, v) for v in values])
        self.values_.set_checked(chosen)
        self.values_.blockSignals(False)
        self._show()

    def _values_changed(self) -> None:
        name = self.name.currentData()
        if name is None:
            return
        values = self.values_.values()
        if values:
            self.chosen[name] = [str(v) for v in values]
        else:
            self.chosen.pop(name, None)
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        for i in range(self.name.count()):
            name = self.name.itemData(i)
            n = len(self.chosen.get(name, []))
            self.name.setItemText(i, f"{name} ({n})" if n else name)
        parts = [f"{k} = {' / '.join(v)}" for k, v in self.chosen.items() if v]
        self.setToolTip("\n".join(parts) or self.tr("No filter"))
        self.name.setToolTip(self.toolTip())


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
        self.time_attrs: list[str] = []
        self.bucket = QComboBox(self)
        self.time_field = QComboBox(self)
        self.time_field.setObjectName("timeField")
        self.show_empty = QCheckBox(self)
        self.show_empty.setObjectName("showEmpty")
        self.op = QComboBox(self)
        self.distance = QSpinBox(self)
        self.distance.setRange(0, 100000)
        self.measure = QComboBox(self)
        self.cell = QComboBox(self)
        self.f_cases = CheckMenuButton("filterCases", self)
        self.f_kinds = CheckMenuButton("filterKinds", self)
        self.f_coders = CheckMenuButton("filterCoders", self)
        self.f_valence = CheckMenuButton("filterValence", self)
        self.f_sources = CheckMenuButton("filterSources", self)
        self.f_attribute = AttributeFilter(self)
        self.extra: dict[str, Any] = {}
        self.extra_box = QWidget(self)
        self.extra_box.setObjectName("display_extra")
        self.extra_text = QLabel(self.extra_box)
        self.extra_text.setWordWrap(True)
        self.extra_clear = QToolButton(self.extra_box)
        self.extra_clear.setObjectName("clearExtraFilters")
        self.extra_clear.clicked.connect(self.clear_extra)
        extra_row = QHBoxLayout(self.extra_box)
        extra_row.setContentsMargins(0, 0, 0, 0)
        extra_row.addWidget(self.extra_text, 1)
        extra_row.addWidget(self.extra_clear)
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
            "bucket": self.bucket, "time_field": self.time_field, "op": self.op,
            "distance": self.distance, "show_empty": self.show_empty,
            "measure": self.measure, "cell": self.cell, "cases": self.f_cases,
            "attribute": self.f_attribute, "sources": self.f_sources, "kinds": self.f_kinds,
            "coders": self.f_coders, "valence": self.f_valence,
            "period_from": self.period_from, "period_to": self.period_to,
            "extra": self.extra_box,
        }  # fmt: skip
        self.labels: dict[str, QLabel] = {}
        for name, widget in self.fields.items():
            if not widget.objectName():
                widget.setObjectName(f"display_{name}")
            label = self.labels[name] = QLabel(self)
            label.setBuddy(widget)
            self.layout_.addRow(label, widget)
        # The Build button is not a row: the pane keeps it below the scrolled form, always seen.
        self.type.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.retranslate()

    # -- choices from the project ---------------------------------------------------------
    def set_project(self, project: Any) -> None:
        """Offer the project's codes, attributes, case kinds and coders."""
        self.project = project
        self.extra = {}
        self.f_attribute.chosen = {}
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
        self.time_attrs = [a.name for a in attrs if a.owner == "case" and a.type == "date"]
        self._fill_time_fields()
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
        corpus = _attribute_corpus(self.project)
        self.f_coders.set_values(
            [(n, n) for n in sorted(set(corpus.coders.values()), key=str.casefold)]
        )
        self.f_sources.set_values([(s.id, s.name) for s in self.project.sources.all()])
        self.f_attribute.set_attributes(attribute_values(corpus, case_attrs + source_attrs))
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
            "sources": self.f_sources.values(),
            "attribute": self.f_attribute.value(),
        }
        return {**self.extra, **{k: v for k, v in out.items() if v is not None}}

    def clear_extra(self) -> None:
        """Drop the filters a loaded spec had that the form cannot show."""
        self.extra = {}
        self._show_fields()

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
            if cutoff:
                params["time_field"] = self.time_field.currentData() or "period"
        if kind == "clustered":
            names = {c.id: c.name for c in self.project.codes.all()}
            params["groups"] = {names[i]: [i] for i in ids or []}
        if kind == "cooccurrence":
            params.update(op=self.op.currentData(), distance=self.distance.value())
        if kind in ("time_ordered", "event_listing"):
            params["bucket"] = self.bucket.currentData()
        if kind == "time_ordered":
            params["field"] = self.time_field.currentData()
        if kind in MHS_MORE:
            params["codes"] = ids
        if kind in ("contrast_table", "predictor_outcome"):
            params["outcome"] = self.attr.currentData()
        if kind == "predictor_outcome":
            params["descending"] = self.descending.isChecked()
        if kind in ("explanatory_effects", "case_dynamics"):
            params.update(op=self.op.currentData(), distance=self.distance.value())
        return params

    def spec(self) -> Any:
        """The display's spec, built by the core (raises the core's ValidationError)."""
        from qualcode.analysis.displays import customised_spec

        kind = self.display_type()
        if kind in ("matrix", "coverage") and self.columns.currentData():
            params = {**self.params(), "columns": self.columns.currentData()}
        else:
            params = self.params()
        spec = customised_spec(
            self.project,
            kind,
            params,
            rows=self.rows.currentData(),
            columns=self.columns.currentData(),
            measure=self.measure.currentData(),
            cell=self.cell.currentData(),
        )
        if self.show_empty.isChecked():  # empty interviewer/moderator headers (analysis/coverage)
            spec = spec.with_(options={**dict(spec.options), "show_empty": True})
        return spec

    # -- loading a spec -----------------------------------------------------------------------
    def load_spec(self, spec: Any) -> bool:
        """Put a (saved) spec's choices back into the form; the inverse of :meth:`spec`.

        Returns True when the form now builds exactly ``spec``. Filters the form
        cannot show are kept (listed under "Other filters"); a spec made elsewhere
        (the CLI, an older version) may need choices the form lacks: then False.
        """
        from qualcode.errors import QualCodeError

        if self.type.findData(spec.type) < 0:
            return False
        self.set_type(spec.type)
        for combo in (self.rows, self.columns, self.measure, self.cell):
            combo.setCurrentIndex(max(combo.findData(None), 0))
        self._load_params(spec)
        self._load_filters(dict(spec.filters))
        self.show_empty.setChecked(bool(spec.option("show_empty")))
        try:
            natural = self.spec()
        except QualCodeError:
            natural = None
        if natural is None or natural.rows != spec.rows:
            _select_dim(self.rows, spec.rows)
        if natural is None or natural.columns != spec.columns:
            _select_dim(self.columns, spec.columns)
        if natural is None or natural.measure != spec.measure:
            _select(self.measure, spec.measure)
        if natural is None or natural.cell != spec.cell:
            _select(self.cell, spec.cell)
        self._show_fields()
        try:
            return bool(self.spec() == spec)
        except QualCodeError:
            return False

    def _load_params(self, spec: Any) -> None:
        kind = spec.type
        across = kind in ("framework", "role_ordered", "time_ordered", "case_ordered", "clustered",
                          "contrast_table", "predictor_outcome")  # fmt: skip
        code_dim = spec.columns if across else spec.rows
        ids: list[int] = []
        if code_dim.kind == "codes" and code_dim.get("ids") is not None:
            ids = [int(i) for i in code_dim.get("ids")]
        elif code_dim.kind == "code_groups":
            ids = [int(i) for group in (code_dim.get("groups") or {}).values() for i in group]
        self.check_codes(ids)
        rows, columns = spec.rows, spec.columns
        if kind == "checklist" and rows.get("children_of") is not None:
            _select(self.variable, int(rows.get("children_of")))
        if kind == "role_ordered" and rows.kind == "attribute":
            _select(self.attr, rows.get("name"))
            _select(self.rank, rows.get("order_by"))
        if kind == "case_ordered" and rows.kind == "cases":
            _select(self.attr, rows.get("order_by"))
            self.descending.setChecked(bool(rows.get("descending", True)))
        if kind in ("framework", "clustered", "case_ordered") and rows.kind == "cases":
            _select(self.case_kind, rows.get("case_kind"))
        if kind == "effects":
            self.cutoff.setText(str(columns.get("cutoff") or ""))
            field = str(columns.get("field") or "auto")
            _select(self.time_field, {"auto": "period", "source": "source_date"}.get(field, field))
            if columns.kind == "attribute":
                _select(self.attr, columns.get("name"))
        if kind == "time_ordered" and rows.kind == "period":
            _select(self.bucket, rows.get("bucket", "month"))
            field = str(rows.get("field", "period"))
            _select(self.time_field, {"auto": "period", "source": "source_date"}.get(field, field))
        if kind in ("contrast_table", "predictor_outcome") and rows.kind == "cases":
            _select(self.attr, rows.get("order_by"))
            self.descending.setChecked(bool(rows.get("descending", True)))
        if kind == "event_listing" and columns.kind == "period":
            _select(self.bucket, columns.get("bucket", "year"))
        if kind in ("cooccurrence", "explanatory_effects", "case_dynamics"):
            relation = spec.option("relation") or {}
            _select(self.op, relation.get("op", "and"))
            self.distance.setValue(int(relation.get("distance", 0)))

    def _load_filters(self, filters: dict[str, Any]) -> None:
        self.f_cases.set_checked(filters.get("cases"))
        self.f_kinds.set_checked(filters.get("source_kinds"))
        self.f_coders.set_checked(filters.get("coders"))
        self.f_valence.set_checked(filters.get("valence"))
        self.f_sources.set_checked(filters.get("sources"))
        self.f_attribute.set_value(filters.get("attribute"))
        self.period_from.setText(str(filters.get("period_from") or ""))
        self.period_to.setText(str(filters.get("period_to") or ""))
        self.extra = {k: v for k, v in filters.items() if k not in KNOWN_FILTERS}

    # -- showing ------------------------------------------------------------------------------
    def _show_fields(self) -> None:
        kind = self.display_type()
        for name, types in FIELDS.items():
            self.layout_.setRowVisible(self.fields[name], kind in types)
        self.layout_.setRowVisible(self.extra_box, bool(self.extra))
        self.extra_text.setText(", ".join(sorted(self.extra)))
        self.extra_text.setToolTip(
            "\n".join(f"{k}: {v}" for k, v in sorted(self.extra.items(), key=lambda kv: kv[0]))
        )
        self.labels["codes"].setText(
            translated(CODES_LABEL.get(kind, QT_TRANSLATE_NOOP("displays", "C&odes")))
        )
        if kind in ATTR_LABEL:
            self.labels["attr"].setText(translated(ATTR_LABEL[kind]))
        self.labels["time_field"].setText(
            self.tr("Early/late by") if kind == "effects" else self.tr("Order by ti&me of")
        )
        default = {"framework": self.tr("None checked: every top-level code"),
                   "factors": self.tr("None checked: every top-level code"),
                   "checklist": ""}.get(kind, self.tr("None checked: every code"))  # fmt: skip
        self.codes.setToolTip(default)

    def _fill_time_fields(self) -> None:
        keep = self.time_field.currentData()
        self.time_field.clear()
        for value, text in TIME_FIELDS.items():
            self.time_field.addItem(translated(text), value)
        for name in self.time_attrs:
            self.time_field.addItem(self.tr("Attribute: {name}").format(name=name),
                                    f"attribute:{name}")  # fmt: skip
        self.time_field.setCurrentIndex(max(self.time_field.findData(keep), 0))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self._fill_time_fields()
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
            "time_field": self.tr("Order by ti&me of"),
            "show_empty": self.tr("Empty headers"),
            "op": self.tr("Co-occurring"),
            "distance": self.tr("Within (characters)"),
            "measure": self.tr("Co&unt"),
            "cell": self.tr("Ce&lls show"),
            "cases": self.tr("Only &cases"),
            "attribute": self.tr("Only &where"),
            "sources": self.tr("Onl&y sources"),
            "extra": self.tr("Other filters"),
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
        self.show_empty.setText(self.tr("Show the interviewer and moderator when empty"))
        self.f_attribute.name.setAccessibleName(self.tr("Attribute"))
        self.f_attribute.values_.setAccessibleName(self.tr("Attribute values"))
        self.extra_clear.setText(self.tr("Clear"))
        self.extra_clear.setToolTip(
            self.tr("Drop the filters of the opened display that this form cannot show")
        )
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


def _short(text: str, limit: int = 28) -> str:
    """A checked value's label on the button (the tooltip lists it whole)."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _select(combo: QComboBox, value: Any) -> None:
    """Choose the item holding ``value`` (left as it is when the value is not offered)."""
    at = combo.findData(value)
    if at >= 0:
        combo.setCurrentIndex(at)


def _select_dim(combo: QComboBox, dim: Any) -> None:
    """Choose the rows/columns item whose short form gives ``dim``."""
    from qualcode.analysis.displays import parse_dim

    for i in range(combo.count()):
        value = combo.itemData(i)
        if value is not None and parse_dim(value) == dim:
            combo.setCurrentIndex(i)
            return


def _attribute_corpus(project: Any) -> Any:
    from qualcode.analysis.corpus import load_corpus

    return load_corpus(project, {"codes": []})


def attribute_values(corpus: Any, names: list[str]) -> dict[str, list[str]]:
    """For each attribute name, the values cases and sources have (as the core compares them)."""
    found: dict[str, set[str]] = {name: set() for name in names}
    for owners in (corpus.case_attrs, corpus.source_attrs):
        for attrs in owners.values():
            for name, value in attrs.items():
                if name in found and value not in (None, ""):
                    found[name].add(str(value))
    return {name: sorted(values, key=str.casefold) for name, values in found.items()}


def coder_names(project: Any) -> list[str]:
    """Every coder of the project."""
    from qualcode.analysis.corpus import coders

    return coders(project)
