"""Matrix coding, code co-occurrence and the relation operators on the bundled sample study.

Every display's complete cell grid (headers, counts and the coding ids behind
each cell) is compared with :mod:`support.sample_reference`, which recomputes
the cells from the project's raw rows without :mod:`qualcode.analysis`. A few
cells are also pinned as literals checked by hand against
``sample_transcripts/codings.yaml`` and the transcripts (see the comments).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import build_ready, matrix_spec
from qualcode.analysis.engine import build_display
from qualcode.analysis.spec import Dim
from qualcode.project import Project
from support.sample_reference import (
    Reference,
    engine_cells,
    headers,
    quoted,
)


def _cell(display, row_key: object, col_key: object) -> frozenset[int]:
    return frozenset(display.cell_codings(*display.find(str(row_key), str(col_key))))


def _column_axis(ref: Reference, columns: str):
    kind, _, arg = columns.partition(":")
    return {
        "cases": lambda: ref.cases_axis(),
        "sources": ref.sources_axis,
        "source_kind": ref.kinds_axis,
        "coders": ref.coders_axis,
        "attribute": lambda: ref.attribute_axis(arg),
    }[kind]()


# -- matrix coding -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "columns",
    [
        "cases",
        "sources",
        "source_kind",
        "coders",
        "attribute:Instansi",
        "attribute:Sektor",
        "attribute:Jabatan",
    ],
)
def test_matrix_every_cell_equals_the_reference(
    sample: Project, ref: Reference, columns: str
) -> None:
    """Codes × cases / sources / kinds / coders / attribute values (OPD, sector, role): the SQL
    count path, its lazy drill-down and the Python path all give the reference cells."""
    rows, cols = ref.codes_axis(aggregate=True), _column_axis(ref, columns)
    if columns == "cases":  # the empty Interviewer and Moderator columns are hidden
        cols = ref.voiced(cols, rows, ref.codings)
    expected = ref.cells(rows, cols, ref.codings)
    counted = build_ready(sample, "matrix", columns=columns)  # plain counts: one GROUP BY
    assert headers(counted) == (rows.headers, cols.headers)
    assert counted.counts == ref.grid(rows, cols, expected)
    # drill-down of the SQL path (lazy, per cell): the fullest cell of every column
    for c, ck in enumerate(cols.keys):
        column = [len(expected.get((rk, ck), ())) for rk in rows.keys]
        r = max(range(len(column)), key=column.__getitem__)
        assert frozenset(counted.cell_codings(r, c)) == expected.get((rows.keys[r], ck), set())
    listed = build_ready(sample, "matrix", columns=columns, cell="excerpts")  # Python path
    assert headers(listed) == (rows.headers, cols.headers)
    assert listed.counts == counted.counts
    assert engine_cells(listed) == expected
    by_id = ref.by_id()
    for (r, c), cell in listed.excerpts.items():
        assert sorted(e.coding_id for e in cell) == listed.cell_codings(r, c)
        assert all(e.text == ref.text(by_id[e.coding_id]) for e in cell)


@pytest.mark.parametrize("measure", ["sources", "cases", "chars"])
def test_matrix_measures_equal_the_reference(sample: Project, ref: Reference, measure: str) -> None:
    """Distinct sources, distinct cases and characters coded (overlaps once) per cell."""
    rows, cols = ref.codes_axis(aggregate=True), ref.cases_axis()
    cols = ref.voiced(cols, rows, ref.codings)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_ready(sample, "matrix", columns="cases", measure=measure)
    assert engine_cells(display) == expected
    assert display.counts == ref.grid(rows, cols, expected, measure)


def test_matrix_cells_checked_by_hand(sample: Project, ref: Reference) -> None:
    """Literal cells read off codings.yaml and the transcripts."""
    budget = ref.code("edwards3:RES.5")
    # codings.yaml lists edwards3:RES.5 13 times: W1 (peneliti + pembimbing on the same
    # quote), W2 x1, W3 x2, W4 x2, W5 x2 (both coders), W6, W7, W8 (one each) = 12 in
    # interviews, and one in D1 (document); none in FGD1 or O1. The sample's analysis counts
    # its analysis coder, the researcher: without the supervisor's W1 and W5 entries, 10.
    row = ref.codes_axis([budget])
    kinds = build_ready(sample, "matrix", codes=[budget], columns="source_kind")
    assert [h.key for h in kinds.columns] == ["interview", "focus-group", "observation", "document"]
    assert kinds.counts == [[10, 0, 0, 1]]
    kinds_ref = ref.cells(row, ref.kinds_axis(), ref.codings)
    assert ref.grid(row, ref.kinds_axis(), kinds_ref) == [[10, 0, 0, 1]]
    d1 = quoted(ref, "D1", "edwards3:RES.5", "Pendanaan pelaksanaan Masterplan")
    assert set(kinds.cell_codings(0, 3)) == d1 == kinds_ref[(str(budget), "document")]
    # W2 has one RES.5 entry, "Anggaran kami terbatas, Mas.", said by the informant (I2).
    cases = build_ready(sample, "matrix", codes=[budget], columns="cases")
    i2 = ref.case("I2")
    w2 = quoted(ref, "W2", "edwards3:RES.5", "Anggaran kami")
    assert len(w2) == 1
    assert _cell(cases, budget, i2) == w2
    assert ref.cells(row, ref.cases_axis(), ref.codings)[(str(budget), str(i2))] == w2
    # The two W4 entries ("total anggaran ... sebelas miliar", "Dan memang kebijakannya ...")
    # are in "[..] I:" turns of W4, whose informant I4 works at Bappeda.
    opd = build_ready(sample, "matrix", codes=[budget], columns="attribute:Instansi")
    bappeda = "Badan Perencanaan Pembangunan Daerah (Bappeda)"
    w4 = quoted(ref, "W4", "edwards3:RES.5", "total anggaran", "Dan memang kebijakannya")
    assert len(w4) == 2
    assert opd.counts[0][opd.find(str(budget), bappeda)[1]] == 2
    assert _cell(opd, budget, bappeda) == w4
    opd_ref = ref.cells(row, ref.attribute_axis("Instansi"), ref.codings)
    assert opd_ref[(str(budget), bappeda)] == w4
    # W1 × Transmisi (COM.1): three researcher entries and two supervisor entries that
    # repeat two of the researcher's passages (issue #14: the old pooled count said 5).
    transmisi = ref.code("edwards3:COM.1")
    by_source = build_ready(sample, "matrix", codes=[transmisi], columns="sources")
    w1 = by_source.find(str(transmisi), str(ref.source("W1")))
    assert by_source.counts[w1[0]][w1[1]] == 3  # the analysis coder's (researcher's) passages
    assert by_source.scope is not None and by_source.scope.origin == "project"
    assert by_source.coders_counted == ["peneliti"]
    w1_ref = ref.cells(ref.codes_axis([transmisi]), ref.sources_axis(), ref.codings)
    assert w1_ref[(str(transmisi), str(ref.source("W1")))] == set(by_source.cell_codings(*w1))
    both = {"coders": ["peneliti", "pembimbing"]}
    pooled = build_ready(sample, "matrix", codes=[transmisi], columns="sources", filters=both)
    assert pooled.counts[w1[0]][w1[1]] == 3  # both coders: still three passages
    assert pooled.coders_counted == ["peneliti", "pembimbing"]
    per_coding = build_display(sample, pooled.spec.with_(options={"unit": "codings"}))
    assert per_coding.counts[w1[0]][w1[1]] == 5  # the per-coding view keeps every coding
    coders = {sample.codings.get(i).coder_id for i in per_coding.cell_codings(*w1)}
    assert len(coders) == 2


def test_resources_by_informant_aggregates_the_components(sample: Project, ref: Reference) -> None:
    """Edwards III › Sumber daya (with its five components) × I3 = 6 codings from 1 source.

    Checked by hand: W3 (I3's interview, all "A:" answers in src/W3_Kasi_DPMPTSP.md) has
    five researcher RES.* entries (RES.1 helpdesk IT, RES.4 sinyal hilang, RES.5 x2, RES.3
    kewenangan) and one supervisor RES.1 entry on the same helpdesk quote.
    """
    resources = ref.code("edwards3:RES")
    spec = matrix_spec(sample, columns="cases").with_(
        rows=Dim.of("codes", ids=[resources], aggregate=True)
    )
    rows, cols = ref.codes_axis([resources], aggregate=True), ref.cases_axis()
    cols = ref.voiced(cols, rows, ref.codings)
    expected = ref.cells(rows, cols, ref.codings)
    display = build_display(sample, spec)
    assert engine_cells(display) == expected
    i3 = ref.case("I3")
    assert _cell(display, resources, i3) == (
        quoted(ref, "W3", "edwards3:RES.1", "Yang kurang itu tenaga helpdesk IT.")
        | quoted(ref, "W3", "edwards3:RES.4", "Kalau kami ke kecamatan di selatan")
        | quoted(ref, "W3", "edwards3:RES.5", "Untuk MPP cukup", "Tapi untuk pengembangan")
        | quoted(ref, "W3", "edwards3:RES.3", "memberi kewenangan")
    )
    assert (
        len(_cell(display, resources, i3)) == 5
    )  # the researcher's (analysis coder's) codings; the supervisor's check codings add one
    by_sources = build_display(sample, spec.with_(measure="sources"))
    r, c = by_sources.find(str(resources), str(i3))
    assert by_sources.counts[r][c] == 1
    assert by_sources.counts == ref.grid(rows, cols, expected, "sources")


def test_drill_down_returns_exactly_the_cell(sample: Project, ref: Reference) -> None:
    """Every coding of a drilled cell has the row's code and the column's case, and every
    such coding is in the cell."""
    display = build_ready(sample, "matrix", columns="cases")
    chosen = [("edwards3:BUR.2", "I2"), ("edwards3:COM.1", "F3"), ("factors:INHIBIT.HR", "I1")]
    for book_code, case in chosen:
        code, case_id = ref.code(book_code), ref.case(case)
        wanted = {c.id for c in ref.codings if c.code == code and case_id in ref.cases_of(c)}
        assert wanted
        assert _cell(display, code, case_id) == wanted
    assert display.cell_codings(0, 0) == []  # Komunikasi itself is never coded directly
    with pytest.raises(IndexError):
        display.cell_codings(len(display.rows), 0)


# -- co-occurrence and the relation operators ------------------------------------------------
@pytest.mark.parametrize(
    ("op", "distance"),
    [("and", 0), ("near", 0), ("near", 1), ("near", 200), ("same_turn", 0), ("not", 0)],
)
def test_cooccurrence_every_cell_equals_the_reference(
    sample: Project, ref: Reference, op: str, distance: int
) -> None:
    """Codes × codes; a cell holds both codings of every related pair (NOT: the row's
    codings overlapping no coding of the column's code)."""
    axis = ref.codes_axis()
    expected = ref.relation_cells(axis, axis, ref.codings, op, distance)
    display = build_ready(sample, "cooccurrence", op=op, distance=distance)
    assert headers(display) == (axis.headers, axis.headers)
    assert engine_cells(display) == expected
    if op == "not":
        assert display.counts == ref.grid(axis, axis, expected)
    else:  # a cell counts related pairs (of passages), not their codings
        assert display.counts == ref.relation_pairs(axis, axis, ref.codings, op, distance)


def test_cooccurrence_cells_checked_by_hand(sample: Project, ref: Reference) -> None:
    """Blank spots coded as Edwards III facilities (RES.4) and as the inhibiting factor
    "Infrastruktur kurang" (INHIBIT.INFRASTRUCTURE), read off codings.yaml lines 31-32,
    154-155 and 376 and src/W5_Kasi_Dinas_Pariwisata.md line 28."""
    facilities, infra = ref.code("edwards3:RES.4"), ref.code("factors:INHIBIT.INFRASTRUCTURE")
    codes = [facilities, infra]
    w1 = quoted(ref, "W1", "edwards3:RES.4", "Dari dua ratus") | quoted(
        ref, "W1", "factors:INHIBIT.INFRASTRUCTURE", "Dari dua ratus"
    )
    # W5: "Destinasi unggulan ... sinyalnya lemah." (INFRA) is followed after one space by
    # "Di Curug Panyaweuyan itu blank spot total." (RES.4, researcher and supervisor).
    w5 = quoted(ref, "W5", "edwards3:RES.4", "Di Curug") | quoted(
        ref, "W5", "factors:INHIBIT.INFRASTRUCTURE", "Destinasi unggulan"
    )
    # W6 (src line 13): "Dusun Sukaresmi, Dusun Pasirkuda, itu nol." (RES.4), one space, then
    # "Kalau warga mau telepon harus naik ke bukit ..." (INFRA); codings.yaml lines 169-170.
    w6 = quoted(ref, "W6", "edwards3:RES.4", "Dusun Sukaresmi") | quoted(
        ref, "W6", "factors:INHIBIT.INFRASTRUCTURE", "Kalau warga mau telepon"
    )
    assert len(w1) == 2 and len(w5) == 2 and len(w6) == 2  # the researcher's codings
    axis = ref.codes_axis(codes)
    fi = (str(facilities), str(infra))

    def by_ref(op: str, distance: int = 0) -> frozenset[int]:
        return ref.relation_cells(axis, axis, ref.codings, op, distance).get(fi, frozenset())

    assert by_ref("and") == by_ref("near", 0) == w1
    assert by_ref("near", 1) == w1 | w5 | w6
    assert w1 | w5 | w6 <= by_ref("same_turn")
    # AND: only W1 codes the very same sentence with both codes.
    both = build_ready(sample, "cooccurrence", codes=codes, op="and")
    assert _cell(both, facilities, infra) == w1 == _cell(both, infra, facilities)
    assert both.counts == [[0, 1], [1, 0]]  # one pair (W1), not its two codings
    # NEAR 0 characters: still only W1 (W5's and W6's are one space apart); NEAR 1: those too.
    near0 = build_ready(sample, "cooccurrence", codes=codes, op="near")
    assert _cell(near0, facilities, infra) == w1
    near1 = build_ready(sample, "cooccurrence", codes=codes, op="near", distance=1)
    assert _cell(near1, facilities, infra) == w1 | w5 | w6
    # NOT: the 13 researcher's RES.4 codings (codings.yaml: 14 with the supervisor's) except
    # W1's, which overlaps an INFRA coding.
    apart = build_ready(sample, "cooccurrence", codes=codes, op="not")
    all_facilities = {c.id for c in ref.codings if c.code == facilities}
    assert len(all_facilities) == 13
    assert _cell(apart, facilities, infra) == all_facilities - w1 == by_ref("not")
    # SAME TURN: W5's three sit in one "J:" answer (line 28), W6's pair in one "Narasumber:"
    # answer, W1's pair in one "I:" turn.
    turn = build_ready(sample, "cooccurrence", codes=codes, op="same_turn")
    assert w1 | w5 | w6 <= _cell(turn, facilities, infra)


@pytest.mark.parametrize(
    ("op", "distance"), [("and", 0), ("near", 30), ("not", 0), ("same_turn", 0)]
)
def test_relation_filter_equals_the_reference(
    sample: Project, ref: Reference, op: str, distance: int
) -> None:
    """A matrix of only the codings related to an inhibiting factor (AND/NEAR/NOT/same turn)."""
    inhibit = ref.code("factors:INHIBIT")
    relation = {"op": op, "codes": [inhibit], "distance": distance}
    display = build_ready(sample, "matrix", columns="cases", filters={"relation": relation})
    kept = ref.keep_related(ref.codings, ref.of_codes([inhibit]), op, distance)
    rows, cols = ref.codes_axis(aggregate=True), ref.cases_axis()
    cols = ref.voiced(cols, rows, kept)
    expected = ref.cells(rows, cols, kept)
    assert engine_cells(display) == expected
    assert display.counts == ref.grid(rows, cols, expected)


def test_relation_filter_checked_by_hand(sample: Project, ref: Reference) -> None:
    """RES.4 codings overlapping an inhibiting factor: W1's blank-spot sentence (also
    INHIBIT.INFRASTRUCTURE) and W2's "perangkat perekaman ... 2012-an", which lies inside
    the INHIBIT.BUDGET quote "Itu tidak cukup, karena perangkat perekaman ..." (lines 69-70)."""
    facilities, inhibit = ref.code("edwards3:RES.4"), ref.code("factors:INHIBIT")
    relation = {"op": "and", "codes": [inhibit]}
    display = build_ready(
        sample, "matrix", codes=[facilities], columns="sources", filters={"relation": relation}
    )
    found = {h.label.split()[0]: display.counts[0][i] for i, h in enumerate(display.columns)}
    assert {k: v for k, v in found.items() if v} == {"W1": 1, "W2": 1}
    expected = quoted(ref, "W1", "edwards3:RES.4", "Dari dua ratus") | quoted(
        ref, "W2", "edwards3:RES.4", "perangkat perekaman"
    )
    assert set(display.cell_codings(*display.find(str(facilities), str(ref.source("W2"))))) == (
        quoted(ref, "W2", "edwards3:RES.4", "perangkat perekaman")
    )
    kept = ref.keep_related(ref.of_codes([facilities]), ref.of_codes([inhibit]), "and")
    assert {c.id for c in kept} == expected


# -- the CLI -------------------------------------------------------------------------------
def _cli_json(*args: str) -> dict:
    from qualcode.cli.main import cli

    result = CliRunner().invoke(cli, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_display_json(sample_study_file: Path, ref: Reference) -> None:
    """``qualcode display ... --json`` on the sample study: matrix and co-occurrence."""
    out = _cli_json("display", str(sample_study_file), "matrix", "--cols", "cases")
    rows, cols = ref.codes_axis(aggregate=True), ref.cases_axis()
    cols = ref.voiced(cols, rows, ref.codings)
    assert out["rows"] == [label for _, label in rows.headers]
    assert out["column_keys"] == cols.keys
    assert out["cells"] == ref.grid(rows, cols, ref.cells(rows, cols, ref.codings))

    out = _cli_json(
        "display", str(sample_study_file), "matrix", "--codes", "Anggaran", "--cols", "source_kind"
    )
    assert out["cells"] == [[10, 0, 0, 1]]  # by hand, see test_matrix_cells_checked_by_hand

    codes = "Fasilitas ∕ sarana-prasarana,Infrastruktur kurang"
    out = _cli_json(
        "display", str(sample_study_file), "cooccurrence", "--codes", codes, "--op", "near",
        "--distance", "1",
    )  # fmt: skip
    axis = ref.codes_axis([ref.code("edwards3:RES.4"), ref.code("factors:INHIBIT.INFRASTRUCTURE")])
    assert out["row_keys"] == axis.keys
    assert out["cells"] == ref.relation_pairs(axis, axis, ref.codings, "near", 1)
    assert out["cells"] == [[0, 3], [3, 0]]  # W1, W5, W6 pairs (see the hand check)
