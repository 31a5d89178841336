"""Miles–Huberman–Saldaña displays on the bundled sample study, cell by cell.

Framework, checklist, role-ordered, time-ordered, conceptually clustered,
case-ordered and effects matrices are compared in full with
:mod:`support.sample_reference` (raw rows, no :mod:`qualcode.analysis`); some
cells are pinned as literals checked by hand against
``sample_transcripts/codings.yaml``, ``informants.csv`` and the transcripts.
"""

from __future__ import annotations

import pytest

from qualcode.analysis.displays import build_ready
from qualcode.analysis.engine import build_display
from qualcode.project import Project
from support.sample_reference import (
    Reference,
    engine_cells,
    headers,
    quoted,
)


def _cell(display, row_key: object, col_key: object) -> frozenset[int]:
    return frozenset(display.cell_codings(*display.find(str(row_key), str(col_key))))


def _check_excerpts(display, ref: Reference) -> None:
    """Excerpt cells list exactly the cell's codings, each with its own text."""
    by_id = ref.by_id()
    for (r, c), cell in display.excerpts.items():
        assert sorted(e.coding_id for e in cell) == display.cell_codings(r, c)
        for e in cell:
            assert e.text == ref.text(by_id[e.coding_id])
            assert set(e.cases) == {ref.case_name[x] for x in ref.cases_of(by_id[e.coding_id])}


# -- framework matrix ----------------------------------------------------------------------
def test_framework_cells_equal_the_reference(sample: Project, ref: Reference) -> None:
    """Informants × top-level themes (each with its sub-codes)."""
    tops = [c for c in ref.code_order if ref.code_parent[c] is None]
    rows, cols = ref.cases_axis(kind="informant"), ref.codes_axis(tops, aggregate=True)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "framework")
    assert headers(display) == (rows.headers, cols.headers)
    assert engine_cells(display) == expected
    assert display.counts == ref.grid(rows, cols, expected)
    # by hand: the six Edwards III resources entries of W3 (see the checklist test) are all
    # of I3's "Sumber daya" theme
    resources = ref.code("edwards3:RES")
    assert (
        len(_cell(display, ref.case("I3"), resources)) == 5
    )  # the researcher's (analysis coder's) codings; the supervisor's check codings add one


# -- checklist matrix ----------------------------------------------------------------------
@pytest.mark.parametrize("variable", ["edwards3:COM", "edwards3:RES", "edwards3:DIS"])
def test_checklist_cells_and_ratings_equal_the_reference(
    sample: Project, ref: Reference, variable: str
) -> None:
    """Components of a variable × informants: cells, ratings (lower median of the codings'
    magnitude-and-valence levels) and a best quote from the cell that illustrates its rating."""
    code = ref.code(variable)
    rows, cols = ref.codes_axis(children_of=code), ref.cases_axis(kind="informant")
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "checklist", variable=code)
    assert headers(display) == (rows.headers, cols.headers)
    assert engine_cells(display) == expected
    by_id = ref.by_id()
    for r, rk in enumerate(rows.keys):
        for c, ck in enumerate(cols.keys):
            ids = expected.get((rk, ck), frozenset())
            assert display.ratings[(r, c)] == ref.rating(ids)
            if not ids:
                assert (r, c) not in display.quotes
                continue
            quote = display.quotes[(r, c)]
            assert quote.coding_id in ids
            assert quote.text == ref.text(by_id[quote.coding_id])
            rated = ("absent", "inadequate", "partly", "adequate").index(ref.rating(ids))
            if any(ref.coding_level(i) == rated for i in ids):
                assert ref.coding_level(quote.coding_id) == rated


def test_checklist_resources_checked_by_hand(sample: Project, ref: Reference) -> None:
    """Edwards III resources × informants, read off codings.yaml.

    I3 (W3, every quote in an "A:" answer of src/W3_Kasi_DPMPTSP.md): RES.1 "Yang kurang
    itu tenaga helpdesk IT." by both coders, RES.3 "memberi kewenangan ...", RES.4 "Kalau
    kami ke kecamatan di selatan ...", RES.5 "Untuk MPP cukup ..." and "Tapi untuk
    pengembangan aplikasi ...": 6 codings from 1 source, none with a magnitude.
    I7 (W7, all "Rina:" turns): RES.1 "Staff is the binding constraint" is inhibiting with
    magnitude "tinggi" (high) and is the only RES.1 coding there: a strongly inhibiting
    coding rates the cell "inadequate", never "adequate".
    """
    resources = ref.code("edwards3:RES")
    display = build_ready(sample, "checklist", variable=resources)
    assert [h.label for h in display.rows] == [
        "Staf ∕ SDM aparatur", "Informasi", "Kewenangan", "Fasilitas ∕ sarana-prasarana",
        "Anggaran",
    ]  # fmt: skip
    i3 = next(i for i, h in enumerate(display.columns) if h.label == "I3")
    # the researcher's (analysis coder's) passages; the supervisor's check codings add one
    assert [display.counts[r][i3] for r in range(5)] == [1, 0, 1, 1, 2]
    # RES.1, RES.3, RES.4: unmarked inhibiting codings only (inadequate); Informasi: nothing
    # said (not mentioned); RES.5: "cukup" (supporting) and "Tapi ..." (inhibiting), both
    # unmarked -> levels 2, 1 -> lower median 1 (inadequate).
    assert [display.ratings[(r, i3)] for r in range(5)] == [
        "inadequate", "not_mentioned", "inadequate", "inadequate", "inadequate"]  # fmt: skip
    assert [display.rating_basis[(r, i3)].supporting for r in range(5)] == [0, 0, 0, 0, 1]
    staff = quoted(ref, "W3", "edwards3:RES.1", "Yang kurang itu tenaga helpdesk IT.")
    assert set(display.cell_codings(0, i3)) == staff and len(staff) == 1
    rows, cols = ref.codes_axis(children_of=resources), ref.cases_axis(kind="informant")
    cells = ref.cells(rows, cols, ref.codings)
    assert [len(cells.get((rk, str(ref.case("I3"))), ())) for rk in rows.keys] == [1, 0, 1, 1, 2]
    assert cells[(rows.keys[0], str(ref.case("I3")))] == staff
    assert ref.rating(cells[(rows.keys[0], str(ref.case("I7")))]) == "inadequate"
    i7 = next(i for i, h in enumerate(display.columns) if h.label == "I7")
    assert display.ratings[(0, i7)] == "inadequate"
    assert display.quotes[(0, i7)].text == "Staff is the binding constraint, in my view."
    assert sum(display.counts[r][i7] for r in range(5)) == 5  # the researcher's
    # Transmisi × I1: 5 codings (codings.yaml lines 21-23, 334, 372), 3 of them the
    # researcher's (the analysis coder): two "tinggi", one unrated -> levels 1,2,2 -> lower
    # median 2 = "adequate", quoted by a "tinggi" one. (Pooling the supervisor's two unrated
    # check codings used to pull this down to "partly".)
    com = build_ready(sample, "checklist", variable=ref.code("edwards3:COM"))
    i1 = next(i for i, h in enumerate(com.columns) if h.label == "I1")
    assert (com.counts[0][i1], com.ratings[(0, i1)]) == (3, "adequate")
    assert com.quotes[(0, i1)].magnitude == "tinggi"


# -- role-ordered, case-ordered ------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "rank"), [("Sektor", "Peringkat"), ("Jabatan", "Peringkat"), ("Jenis Informan", None)]
)
def test_role_ordered_equals_the_reference(
    sample: Project, ref: Reference, role: str, rank: str | None
) -> None:
    """Role values (ordered by the best rank among their holders) × codes with sub-codes."""
    rows, cols = ref.attribute_axis(role, order_by=rank), ref.codes_axis(aggregate=True)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "role_ordered", role=role, rank=rank)
    assert headers(display) == (rows.headers, cols.headers)
    assert engine_cells(display) == expected
    _check_excerpts(display, ref)


def test_role_ordered_checked_by_hand(sample: Project, ref: Reference) -> None:
    """informants.csv: the only rank-1 informant is I1 (Kepala Dinas Kominfo, pemerintah);
    akademisi (I7), masyarakat (F1, F3, F5, F6) and swasta (F2) reach rank 5 at best, so
    they keep the sheet's category order. The akademisi row holds I7's six resources codings
    (W7, codings.yaml lines 198, 205, 206, 208, 209, 351)."""
    resources = ref.code("edwards3:RES")
    d = build_ready(sample, "role_ordered", role="Sektor", rank="Peringkat", codes=[resources])
    order = ["pemerintah", "akademisi", "masyarakat", "swasta"]
    assert (
        [h.key for h in d.rows] == order == ref.attribute_axis("Sektor", order_by="Peringkat").keys
    )
    assert [row[0] for row in d.counts][
        1
    ] == 5  # the researcher's (analysis coder's) codings; the supervisor's check codings add one
    assert {e.source for e in d.excerpts[(1, 0)]} == {"W7 University adviser (EN)"}
    jabatan = build_ready(sample, "role_ordered", role="Jabatan", rank="Peringkat")
    assert jabatan.rows[0].label == "Kepala Dinas Komunikasi dan Informatika"


def test_case_ordered_cells_equal_the_reference(sample: Project, ref: Reference) -> None:
    """Cases ordered by rank × codes: every cell (the order is checked separately)."""
    rows = ref.cases_axis(order_by="Peringkat", descending=True, ranked_only=True)
    cols = ref.codes_axis(aggregate=True)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "case_ordered", order_by="Peringkat")
    got_rows, got_cols = headers(display)
    assert sorted(got_rows) == sorted(rows.headers) and got_cols == cols.headers
    assert engine_cells(display) == expected
    _check_excerpts(display, ref)


def test_case_ordered_leaves_out_unranked_cases(sample: Project, ref: Reference) -> None:
    """High to low by Peringkat (informants.csv: F5, F6 rank 6; F1-F3, I7 rank 5; F4 4;
    I3, I5, I6, I8 3; I2, I4 2; I1 1), ties by name; "Interviewer" and "Moderator" have no
    rank: left out by default, last when asked for (and shown though empty), never opening
    the meta-matrix; low to high reverses the ranked cases."""
    display = build_ready(sample, "case_ordered", order_by="Peringkat")
    ranked = ["F5", "F6", "F1", "F2", "F3", "I7", "F4", "I3", "I5", "I6", "I8", "I2", "I4", "I1"]
    assert [h.label for h in display.rows] == ranked
    unranked = build_ready(sample, "case_ordered", order_by="Peringkat", include_unranked=True)
    # the interviewer and the moderator hold no data: hidden unless empty rows are asked for
    assert [h.label for h in unranked.rows] == ranked
    assert unranked.hidden == ["Interviewer", "Moderator"]
    everyone = build_display(
        sample, unranked.spec.with_(options={**dict(unranked.spec.options), "show_empty": True})
    )
    assert [h.label for h in everyone.rows] == [*ranked, "Interviewer", "Moderator"]
    expected = ref.cases_axis(order_by="Peringkat", descending=True)
    assert [(h.key, h.label) for h in everyone.rows] == expected.headers
    low_first = build_ready(sample, "case_ordered", order_by="Peringkat", descending=False)
    assert [h.label for h in low_first.rows][:2] == ["I1", "I2"]
    assert [h.label for h in low_first.rows][-1] == "F6"


# -- time-ordered, effects -----------------------------------------------------------------
def test_time_ordered_by_year_equals_the_reference(sample: Project, ref: Reference) -> None:
    """Years (coding period, else the source's date) × codes with sub-codes.

    By hand: one coding falls in 2021 (period "2021", W3 COM.3; no source is dated 2021);
    the range "2021-2023" (W4 SG.2) is a row of its own, never put under 2021, and so is
    "2022-2024"; seven fall in 2023 (the seven period "2023" entries; no source is dated
    2023). Rows by start, the longer span first.
    """
    rows, cols = ref.period_axis("year", ref.codings), ref.codes_axis(aggregate=True)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "time_ordered", bucket="year")
    assert headers(display) == (rows.headers, cols.headers)
    assert engine_cells(display) == expected
    assert [h.key for h in display.rows] == ["2021/2023", "2021", "2022/2024", "2022", "2023",
                                             "2024"]  # fmt: skip
    assert [h.label for h in display.rows][:3] == ["2021\u20132023", "2021", "2022\u20132024"]
    by_year = {
        h.key: set().union(*(display.cell_codings(r, c) for c in range(len(display.columns))))
        for r, h in enumerate(display.rows)
    }
    assert by_year["2021"] == quoted(ref, "W3", "edwards3:COM.3", "Dulu OSS")
    assert by_year["2021/2023"] == quoted(ref, "W4", "smartcity-kominfo:SG.2", "Indeks SPBE")
    assert len(by_year["2023"]) == 7
    listed = build_ready(sample, "time_ordered", bucket="year", cell="excerpts")
    assert engine_cells(listed) == expected
    _check_excerpts(listed, ref)


def test_time_ordered_by_month_keeps_period_texts_whole(sample: Project, ref: Reference) -> None:
    """Month buckets are YYYY-MM of a date; coarser periods ("2022-2024", "2021-2023",
    "2024", "2024 triwulan I" in codings.yaml) are rows of their own, never cut to "2022-20"
    nor mixed with the months: by hand the rows run 2021-2023, 2021, 2022-2024, 2022,
    2022-06 (D1's date), 2023, 2024, 2024 Q1, 2024-02, 2024-03 ..."""
    rows, cols = ref.period_axis("month", ref.codings), ref.codes_axis(aggregate=True)
    display = build_ready(sample, "time_ordered", bucket="month")
    assert [h.key for h in display.rows] == rows.keys
    assert rows.keys[:10] == ["2021/2023", "2021", "2022/2024", "2022", "2022-06", "2023",
                              "2024", "2024-Q1", "2024-02", "2024-03"]  # fmt: skip
    assert engine_cells(display) == ref.cells(rows, cols, ref.codings)


def test_effects_equal_the_reference(sample: Project, ref: Reference) -> None:
    """Outcome codes × a group attribute, and × early/late around a cutoff date."""
    outcomes = [ref.code("edwards3:RES"), ref.code("factors:INHIBIT")]
    rows = ref.codes_axis(outcomes, aggregate=True)
    for params, cols in [
        ({"group": "Sektor"}, ref.attribute_axis("Sektor")),
        ({"cutoff": "2024-04-01"}, ref.period_axis("split", ref.codings, "2024-04-01")),
    ]:
        display = build_ready(sample, "effects", outcomes=outcomes, **params)
        expected = ref.cells(rows, cols, ref.codings)
        assert headers(display) == (rows.headers, cols.headers)
        assert engine_cells(display) == expected
        _check_excerpts(display, ref)
    # by hand: the only akademisi informant is I7, whose W7 turns hold six RES codings
    by_group = build_ready(sample, "effects", outcomes=outcomes[:1], group="Sektor")
    assert _cell(by_group, outcomes[0], "akademisi") == {
        c.id
        for c in ref.codings
        if c.source == ref.source("W7") and ref.code_parent[c.code] == outcomes[0]
    }
    assert by_group.counts[0][by_group.find(str(outcomes[0]), "akademisi")[1]] == 5


# -- conceptually clustered ----------------------------------------------------------------
def test_clustered_equals_the_reference(sample: Project, ref: Reference) -> None:
    """Informants × named groups of related codes (each with its sub-codes)."""
    groups = {
        "Anggaran": [ref.code(x) for x in
                     ("edwards3:RES.5", "factors:SUPPORT.BUDGET", "factors:INHIBIT.BUDGET")],
        "SDM": [ref.code(x) for x in ("edwards3:RES.1", "factors:INHIBIT.HR")],
        "Sosialisasi": [ref.code(x) for x in ("edwards3:COM", "factors:INHIBIT.SOCIALISATION")],
    }  # fmt: skip
    rows, cols = ref.cases_axis(kind="informant"), ref.groups_axis(groups)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "clustered", groups=groups)
    assert headers(display) == (rows.headers, cols.headers)
    assert engine_cells(display) == expected
    _check_excerpts(display, ref)
    # by hand: W4 (I4, "[..] I:" turns) has RES.5 twice (lines 116, 118) and SUPPORT.BUDGET
    # "Jadi anggaran sebenarnya bukan kendala utama." by both coders (lines 117, 344).
    assert _cell(display, ref.case("I4"), "Anggaran") == quoted(
        ref, "W4", "edwards3:RES.5", "total anggaran", "Dan memang"
    ) | quoted(ref, "W4", "factors:SUPPORT.BUDGET", "Jadi anggaran sebenarnya")
    assert (
        display.counts[display.find(str(ref.case("I4")), "Anggaran")[0]][0] == 3
    )  # the researcher's (analysis coder's) codings; the supervisor's check codings add one
