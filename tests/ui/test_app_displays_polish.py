"""Displays pane polish on the sample study: a saved display puts its choices back into the
form, attribute and source filters give the core's cells, saved displays are updated and
renamed (and undone)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from qualcode.analysis.displays import customised_spec
from qualcode.analysis.engine import build_display
from qualcode.analysis.spec import DisplaySpec
from qualcode.ui.features.displays_form import TYPES
from qualcode.ui.shell import dialogs

KADIS = "Kepala Dinas Komunikasi dan Informatika"


@pytest.fixture
def win(sample_window):
    return sample_window(coder="peneliti", size=(1400, 900))


def _build(qtbot, pane):
    before = pane.display
    qtbot.mouseClick(pane.form.build, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not before and pane.display is not None, timeout=10000)
    return pane.display


def _check(button, *values) -> None:
    """Tick values in a filter's menu, as a click on each menu entry does."""
    by_value = {a.data(): a for a in button.actions_()}
    for value in values:
        by_value[value].trigger()


def _choose(combo, value) -> None:
    at = combo.findData(value)
    assert at >= 0, value
    combo.setCurrentIndex(at)


def _total(display) -> int:
    return sum(sum(row) for row in display.counts)


def test_attribute_and_source_filters_give_exactly_the_cores_cells(win, qtbot):
    w = win
    p = w.project
    pane = w.show_pane("displays")
    form = pane.form
    form.set_type("matrix")
    _choose(form.columns, "cases:informant")
    whole = _build(qtbot, pane)

    attribute = form.f_attribute
    assert "Jabatan" in [attribute.name.itemData(i) for i in range(attribute.name.count())]
    _choose(attribute.name, "Jabatan")
    assert KADIS in [a.data() for a in attribute.values_.actions_()]
    _check(attribute.values_, KADIS)
    assert attribute.name.currentText() == "Jabatan (1)"
    assert form.filters() == {"attribute": {"Jabatan": [KADIS]}}
    shown = _build(qtbot, pane)
    core_spec = customised_spec(
        p, "matrix", {"codes": None, "filters": {"attribute": {"Jabatan": [KADIS]}},
                      "columns": "cases:informant"},
    )  # fmt: skip
    core = build_display(p, core_spec)
    assert shown.spec == core_spec
    assert shown.counts == core.counts and [h.key for h in shown.rows] == [h.key for h in core.rows]
    assert 0 < _total(shown) < _total(whole)
    kadis = next(c.id for c in p.cases.all() if c.attributes.get("Jabatan") == KADIS)
    used = {shown.columns[c].key for r, row in enumerate(shown.counts)
            for c, n in enumerate(row) if n}  # fmt: skip
    assert used == {next(h.key for h in shown.columns if h.label == p.cases.get(kadis).name)}

    # a second attribute (another value list) and a source narrow it further, as in the core
    _choose(attribute.name, "Jenis Informan")
    kinds = [a.data() for a in attribute.values_.actions_()]
    assert kinds and not attribute.values_.values()  # Jabatan's tick is not carried over
    _check(attribute.values_, *kinds)
    w1 = p.sources.find("W1 Kepala Diskominfo").id
    _check(form.f_sources, w1)
    assert form.f_sources.text() == "W1 Kepala Diskominfo"
    filters = {"attribute": {"Jabatan": [KADIS], "Jenis Informan": kinds}, "sources": [w1]}
    assert form.filters() == filters
    shown = _build(qtbot, pane)
    core = build_display(
        p, customised_spec(p, "matrix", {"codes": None, "filters": filters,
                                         "columns": "cases:informant"})
    )  # fmt: skip
    assert shown.spec == core.spec and shown.counts == core.counts
    assert 0 < _total(shown) <= _total(whole)


def _reset(form) -> None:
    form.load_spec(customised_spec(form.project, "coverage", {"codes": None}))
    assert form.filters() == {} and form.display_type() == "coverage"


def test_every_type_of_display_goes_back_into_the_form_unchanged(win, qtbot):
    w = win
    p = w.project
    form = w.show_pane("displays").form
    top = [c.id for c in p.codes.all() if c.parent_id is None][:3]
    specs = []
    for kind in TYPES:
        form.set_type(kind)
        form.check_codes(top if kind != "checklist" else [])
        if kind == "effects":
            form.cutoff.setText("2024-03-01")
        if kind == "cooccurrence":
            _choose(form.op, "near")
            form.distance.setValue(250)
        if kind == "time_ordered":
            _choose(form.bucket, "year")
        if kind == "case_ordered":
            form.descending.setChecked(False)
            _choose(form.case_kind, None)
        specs.append(form.spec())
    # own rows, columns, count and cells, with every filter the form has
    form.set_type("matrix")
    form.check_codes(top)
    _choose(form.rows, "sources")
    _choose(form.columns, "attribute:Sektor")
    _choose(form.measure, "cases")
    _choose(form.cell, "excerpts")
    _check(form.f_valence, "inhibiting")
    _check(form.f_coders, "peneliti")
    _check(form.f_kinds, "interview")
    _check(form.f_cases, p.cases.find("I1").id)
    _check(form.f_sources, p.sources.find("W2 Kabid PIAK Disdukcapil").id)
    _choose(form.f_attribute.name, "Jabatan")
    _check(form.f_attribute.values_, KADIS)
    form.period_from.setText("2024-01")
    form.period_to.setText("2024-12")
    specs.append(form.spec())
    assert specs[-1].rows.kind == "sources" and specs[-1].filter("period_to") == "2024-12"

    assert len({s.type for s in specs}) == len(TYPES)
    for spec in specs:
        _reset(form)
        assert form.load_spec(spec), spec.type
        assert form.display_type() == spec.type
        assert form.spec() == spec
    assert form.rows.currentData() == "sources"
    assert form.columns.currentData() == "attribute:Sektor"
    assert form.f_attribute.value() == {"Jabatan": [KADIS]}
    assert form.f_valence.values() == ["inhibiting"] and form.period_from.text() == "2024-01"

    # filters the form cannot show are kept, listed, and can be dropped
    odd = specs[0].with_(filters={**dict(specs[0].filters), "magnitude": ["high"]})
    _reset(form)
    assert form.load_spec(odd) and form.spec() == odd
    assert form.extra_box.isVisibleTo(form) and form.extra_text.text() == "magnitude"
    qtbot.mouseClick(form.extra_clear, Qt.MouseButton.LeftButton)
    assert form.spec() == specs[0] and not form.extra_box.isVisibleTo(form)


def test_opening_a_saved_display_shows_its_choices_then_update_and_rename_with_undo(
    win, qtbot, monkeypatch
):
    w = win
    p = w.project
    pane = w.show_pane("displays")
    form = pane.form
    informants = p.cases.find("I2").id
    spec = customised_spec(
        p, "case_ordered",
        {"order_by": "Peringkat", "descending": True, "case_kind": "informant",
         "codes": None, "filters": {"attribute": {"Jabatan": [KADIS, "Perawat"]},
                                    "cases": [informants], "valence": ["supporting"]}},
        measure="sources",
    )  # fmt: skip
    saved = w.dispatcher.run(p.displays.save, "Urut peringkat", spec).result
    assert pane.saved.count() == 1
    assert not pane.buttons["update"].isEnabled()  # nothing opened yet
    assert pane.buttons["rename"].isEnabled()
    form.set_type("factors")

    qtbot.mouseClick(pane.buttons["open"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not None, timeout=10000)
    assert pane.display.spec == spec and pane.display.saved_id == saved.id
    assert form.display_type() == "case_ordered"
    assert form.type.currentText() == "Case-ordered meta-matrix"
    assert form.attr.currentData() == "Peringkat" and form.descending.isChecked()
    assert form.case_kind.currentData() == "informant"
    assert form.measure.currentData() == "sources"
    assert form.f_attribute.value() == {"Jabatan": [KADIS, "Perawat"]}
    assert form.f_cases.values() == [informants] and form.f_valence.values() == ["supporting"]
    assert form.spec() == spec
    assert pane.buttons["update"].isEnabled()
    assert "Urut peringkat" in pane.buttons["update"].toolTip()

    # change the form, then "Update": the saved spec is the form's, and the display follows
    _check(form.f_attribute.values_, "Perawat")  # untick
    _check(form.f_valence, "inhibiting")
    changed = form.spec()
    assert changed != spec
    before = pane.display
    messages: list[str] = []  # the message times out after 5 s; a loaded machine is slower
    w.statusBar().messageChanged.connect(messages.append)
    qtbot.mouseClick(pane.buttons["update"], Qt.MouseButton.LeftButton)
    assert p.displays.get(saved.id).spec == changed
    qtbot.waitUntil(lambda: pane.display is not before, timeout=10000)
    assert pane.display.spec == changed and pane.display.saved_id == saved.id
    assert pane.display.counts == build_display(p, changed).counts
    assert "Saved display \u201cUrut peringkat\u201d updated." in messages

    updated = pane.display
    w.undo()  # the saved spec, the display and the form go back
    assert p.displays.get(saved.id).spec == spec
    qtbot.waitUntil(lambda: pane.display is not updated, timeout=10000)
    assert pane.display.spec == spec and form.spec() == spec
    assert form.f_attribute.value() == {"Jabatan": [KADIS, "Perawat"]}

    # rename the chosen saved display: list, title, undo
    asked = []

    def get_text(_parent, title, label, text=""):
        asked.append((title, label, text))
        return "Urut menurut peringkat"

    monkeypatch.setattr(dialogs, "get_text", get_text)
    qtbot.mouseClick(pane.buttons["rename"], Qt.MouseButton.LeftButton)
    assert asked == [("Rename display", "New name of the display:", "Urut peringkat")]
    assert [r.name for r in p.displays.all()] == ["Urut menurut peringkat"]
    assert pane.saved.itemText(0).startswith("Urut menurut peringkat \u2014 ")
    assert "saved as \u201cUrut menurut peringkat\u201d" in pane.title.text()
    w.undo()
    assert [r.name for r in p.displays.all()] == ["Urut peringkat"]
    assert pane.saved.itemText(0).startswith("Urut peringkat \u2014 ")
    assert "saved as \u201cUrut peringkat\u201d" in pane.title.text()
    assert pane.display.spec == spec  # a rename does not touch the display

    # a built (unsaved) display can still be written over the opened saved one
    form.set_type("factors")
    built = _build(qtbot, pane)
    assert built.saved_id is None
    qtbot.mouseClick(pane.buttons["update"], Qt.MouseButton.LeftButton)
    assert p.displays.get(saved.id).spec.type == "factors"
    qtbot.waitUntil(lambda: pane.display.saved_id == saved.id, timeout=10000)
    assert DisplaySpec.from_dict(p.displays.get(saved.id).spec.to_dict()) == pane.display.spec


def test_read_only_project_offers_no_update_or_rename(win, qtbot):
    w = win
    pane = w.show_pane("displays")
    w.dispatcher.run(w.project.displays.save, "Satu", customised_spec(w.project, "factors", {}))
    assert pane.buttons["rename"].isEnabled()
    path = str(w.project.path)
    assert w.open_path(path, read_only=True) and w.project.read_only
    assert pane.saved.count() == 1
    assert not pane.buttons["rename"].isEnabled()
    assert not pane.buttons["update"].isEnabled()
    qtbot.mouseClick(pane.buttons["open"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.display is not None, timeout=10000)
    assert pane.form.display_type() == "factors"
    assert not pane.buttons["update"].isEnabled()
