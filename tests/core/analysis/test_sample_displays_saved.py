"""Saved displays and changed data on a copy of the sample study: specs re-run to the same
cells, framework summaries survive a rebuild, early/late copes with an undated source."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.analysis.displays import build_ready, ready_spec
from qualcode.analysis.engine import build_display
from qualcode.analysis.spec import DisplaySpec
from qualcode.project import Project
from support.sample_reference import engine_cells, headers, load_reference


@pytest.fixture
def writable(sample_study_file: Path, tmp_path: Path) -> Iterator[Project]:
    """A private copy of the sample study, opened for writing by the researcher."""
    target = tmp_path / "sample.qdaproj"
    shutil.copy(sample_study_file, target)
    with Project.open(target, coder="peneliti", backups=False) as project:
        yield project


def _specs(p: Project) -> dict[str, DisplaySpec]:
    ref = load_reference(p)
    res, inhibit = ref.code("edwards3:RES"), ref.code("factors:INHIBIT")
    infra = [ref.code("edwards3:RES.4"), ref.code("factors:INHIBIT.INFRASTRUCTURE")]
    budget = ref.code("edwards3:RES.5")
    return {
        "Matriks kasus": ready_spec(p, "matrix", columns="cases", cell="excerpts"),
        # plain counts go through SQL and drill down lazily, cell by cell: keep them small
        "Matriks OPD": ready_spec(p, "matrix", codes=[budget], columns="attribute:Instansi"),
        "Sumber daya per jenis": ready_spec(p, "matrix", codes=[res], columns="source_kind"),
        "Kookurensi": ready_spec(p, "cooccurrence", codes=infra, op="near", distance=1),
        "Checklist": ready_spec(p, "checklist", variable=res),
        "Per tahun": ready_spec(p, "time_ordered", bucket="year"),
        "Klaster": ready_spec(p, "clustered", groups={"Sumber daya": [res], "Hambatan": [inhibit]}),
        "Efek": ready_spec(p, "effects", outcomes=[res], cutoff="2024-04-01"),
        "Peran": ready_spec(p, "role_ordered", role="Sektor", rank="Peringkat"),
        "Terkait hambatan": ready_spec(
            p, "matrix", columns="cases", filters={"relation": {"op": "and", "codes": [inhibit]}}
        ),
    }


def _snapshot(display) -> tuple:
    return (
        headers(display),
        display.counts,
        engine_cells(display),
        dict(display.ratings),
        {k: q.coding_id for k, q in display.quotes.items()},
    )


def test_saved_specs_rerun_to_the_same_cells(writable: Project, tmp_path: Path) -> None:
    """Each saved spec, re-run (also after closing and reopening), gives the cells it gave
    when it was built, and its JSON form round-trips."""
    specs = _specs(writable)
    built = {name: _snapshot(build_display(writable, spec)) for name, spec in specs.items()}
    ids = {name: writable.displays.save(name, spec).result.id for name, spec in specs.items()}
    for name, spec in specs.items():
        assert DisplaySpec.from_json(spec.to_json()) == spec
        assert writable.displays.find(name.upper()).spec == spec
        assert _snapshot(writable.displays.run(ids[name])) == built[name], name
    path = writable.path
    writable.close()
    with Project.open(path, coder="pembimbing", read_only=True, backups=False) as again:
        assert sorted(s.name for s in again.displays.all()) == sorted(specs)
        for name in specs:
            assert _snapshot(again.displays.run(ids[name])) == built[name], name


def test_saved_spec_follows_new_coding(writable: Project) -> None:
    """A saved display re-run after the data change shows the new coding, as the reference
    recomputed from the changed rows says."""
    ref = load_reference(writable)
    info = ref.code("edwards3:RES.2")
    spec = ready_spec(writable, "matrix", codes=[info], columns="cases")
    saved = writable.displays.save("Informasi", spec).result
    w3 = ref.source("W3")
    text = ref.texts[w3]
    start = text.index("Yang kurang itu tenaga helpdesk IT.")
    new = writable.codings.apply(w3, start, start + 35, info).result.id
    after = writable.displays.run(saved.id)
    ref = load_reference(writable)
    rows, cols = ref.codes_axis([info]), ref.cases_axis()
    cols = ref.voiced(cols, rows, ref.codings)
    expected = ref.cells(rows, cols, ref.codings)
    assert engine_cells(after) == expected
    assert after.counts == ref.grid(rows, cols, expected)
    assert new in after.cell_codings(*after.find(str(info), str(ref.case("I3"))))


def test_framework_drafts_and_summaries_survive_a_rebuild(writable: Project) -> None:
    """Auto-fill drafts every non-empty cell from its own excerpts; a written summary is
    kept by a later auto-fill and by a re-run on changed data, on the same cell."""
    ref = load_reference(writable)
    spec = ready_spec(writable, "framework")
    saved = writable.displays.save("Kerangka", spec).result
    drafted = writable.cells.autofill(saved.id, max_sentences=2).result
    display = writable.displays.run(saved.id)
    filled = {k for k, s in display.summaries.items()}
    non_empty = {
        (r, c)
        for r in range(len(display.rows))
        for c in range(len(display.columns))
        if display.counts[r][c]
    }
    assert filled == non_empty and drafted == len(non_empty)
    by_id = ref.by_id()
    for key, summary in display.summaries.items():
        assert summary.draft and summary.author == "peneliti"
        cell = set(display.cell_codings(*key))
        assert summary.coding_ids and set(summary.coding_ids) <= cell
        linked = " ".join(ref.text(by_id[i]) for i in summary.coding_ids)
        for line in summary.text.splitlines():
            sentence = re.sub(r"^\((\+|\u2212)\) ", "", line)  # valence group marks
            assert sentence in linked  # extractive: one sentence of its own excerpts a line
        lines = summary.text.splitlines()
        assert len(lines) == len(set(lines))  # no repeats

    i3, resources = str(ref.case("I3")), str(ref.code("edwards3:RES"))
    written = "SDM helpdesk IT kurang; anggaran aplikasi terpusat di Kominfo."
    writable.cells.set_summary(saved.id, i3, resources, written)
    writable.cells.autofill(saved.id)  # redrafts drafts, never the researcher's text
    w3 = ref.source("W3")
    start = ref.texts[w3].index("Yang kurang itu tenaga helpdesk IT.")
    writable.codings.apply(w3, start, start + 35, ref.code("edwards3:RES.2"))
    again = writable.displays.run(saved.id)
    cell = again.find(i3, resources)
    assert (
        again.counts[cell[0]][cell[1]] == 6
    )  # the researcher's five W3 resources codings + the new one
    kept = again.summaries[cell]
    assert (kept.text, kept.draft) == (written, False)
    assert set(kept.coding_ids) <= set(display.cell_codings(*display.find(i3, resources)))
    assert len(writable.cells.summaries(saved.id)) == len(non_empty)
    assert again.to_dict()["summaries"][cell[0]][cell[1]]["text"] == written


def test_effects_split_with_an_undated_source(writable: Project) -> None:
    """Early/late needs a date: codings with no period whose source has no date fall in
    neither column (instead of breaking the display); the dated ones stay where they were."""
    ref = load_reference(writable)
    resources = ref.code("edwards3:RES")
    writable.sources.update(ref.source("D1"), date_collected=None)
    ref = load_reference(writable)
    undated = {c.id for c in ref.codings if ref.period_of(c) is None}
    assert undated  # D1's codings without a period of their own
    rows = ref.codes_axis([resources], aggregate=True)
    cols = ref.period_axis("split", ref.codings, "2024-04-01")
    expected = {k: v for k, v in ref.cells(rows, cols, ref.codings).items() if k[1] in cols.keys}
    display = build_ready(writable, "effects", outcomes=[resources], cutoff="2024-04-01")
    assert [h.key for h in display.columns] == ["early", "late"]
    assert engine_cells(display) == expected
    assert not undated & set().union(*expected.values())
