"""The matrix engine on the hand-built study: exact cells, drill-down, measures, filters."""

from __future__ import annotations

import pytest

from qualcode.analysis import sqlcount
from qualcode.analysis.displays import build_ready, parse_dim, ready_spec
from qualcode.analysis.engine import build_display
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.errors import ValidationError

CODE_ROWS = ["Komunikasi", "Komunikasi/Transmisi", "Komunikasi/Kejelasan", "Sumber daya",
             "Sumber daya/Staf", "Sumber daya/Anggaran", "Disposisi"]  # fmt: skip
# budi's two codings repeat ana's c1 and c2 with the same codes: one passage each (issue #14);
# a parent row rolls up its own and its sub-codes' passages: Komunikasi = Transmisi + Kejelasan,
# Sumber daya = its own c9 + Staf + Anggaran (a passage has one code, so the sum is exact)
CODES_X_CASES = [[2, 2, 0], [1, 1, 0], [1, 1, 0], [2, 0, 2], [1, 0, 0], [1, 0, 1], [1, 0, 0]]


def ids(st, *names):
    return sorted(st.c[n] for n in names)


def python_path(spec: DisplaySpec) -> DisplaySpec:
    """The same display computed in Python (excerpt cells never take the SQL path)."""
    return spec.with_(cell="excerpts")


def test_codes_by_cases_counts_and_labels(study) -> None:
    p, _ = study
    d = build_ready(p, "matrix")
    assert sqlcount.applies(d.spec)
    assert [h.label for h in d.rows] == CODE_ROWS
    assert [h.label for h in d.columns] == ["I1", "I2", "I3"]
    assert d.counts == CODES_X_CASES
    assert build_display(p, python_path(d.spec)).counts == CODES_X_CASES


def test_drill_down_returns_exactly_the_cell(study) -> None:
    p, st = study
    d = build_ready(p, "matrix")
    # a passage is drilled into as its representative coding (c12 joins c1, c13 joins c2)
    assert d.cell_codings(*d.find(str(st.code["Transmisi"]), str(st.case["I1"]))) == ids(st, "c1")
    assert d.cell_codings(*d.find(str(st.code["Anggaran"]), str(st.case["I1"]))) == ids(st, "c2")
    assert d.cell_codings(*d.find(str(st.code["Anggaran"]), str(st.case["I3"]))) == ids(st, "c8")
    # the parent holds its sub-codes' passages: Transmisi c1 and Kejelasan c5
    assert d.cell_codings(*d.find(str(st.code["Komunikasi"]), str(st.case["I1"]))) == ids(
        st, "c1", "c5"
    )
    assert d.cell_codings(*d.find(str(st.code["Disposisi"]), str(st.case["I2"]))) == []
    for r in range(len(d.rows)):
        for c in range(len(d.columns)):
            assert len(d.cell_codings(r, c)) == d.counts[r][c]
    with pytest.raises(IndexError):
        d.cell_codings(7, 0)


@pytest.mark.parametrize(
    ("cols", "labels", "expected"),
    [
        ("attribute:Jabatan", ["Kadis", "Kabid", "Kasi", "Staf"],
         [[2, 0, 2, 0], [1, 0, 1, 0], [1, 0, 1, 0], [2, 0, 0, 2], [1, 0, 0, 0], [1, 0, 0, 1],
          [1, 0, 0, 0]]),
        ("source_kind", ["interview", "observation", "document"],
         [[4, 0, 0], [2, 0, 0], [2, 0, 0], [4, 1, 1], [1, 1, 0], [2, 0, 1], [1, 0, 0]]),
        ("sources", ["D1", "O1", "W1", "W2"],
         [[0, 0, 2, 2], [0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 2, 2], [0, 1, 1, 0], [1, 0, 1, 1],
          [0, 0, 1, 0]]),
        ("coders", ["ana", "budi"],
         [[4, 1], [2, 1], [2, 0], [6, 1], [2, 0], [3, 1], [1, 0]]),
        ("valence", ["supporting", "inhibiting", "neutral", "none"],
         [[1, 2, 0, 2], [1, 1, 0, 1], [0, 1, 0, 1], [1, 5, 0, 1], [0, 2, 0, 0], [1, 2, 0, 1],
          [1, 0, 0, 0]]),
    ],
)  # fmt: skip
def test_matrix_columns_sql_and_python_agree(study, cols, labels, expected) -> None:
    p, _ = study
    spec = ready_spec(p, "matrix", columns=cols)
    assert sqlcount.applies(spec)
    fast, slow = build_display(p, spec), build_display(p, python_path(spec))
    assert [h.label for h in fast.columns] == labels
    assert fast.counts == expected
    assert slow.counts == expected
    for r in range(len(fast.rows)):
        for c in range(len(fast.columns)):
            assert fast.cell_codings(r, c) == slow.cell_codings(r, c)


def test_measures(study) -> None:
    p, st = study
    two = [st.code["Anggaran"], st.code["Transmisi"]]
    base = DisplaySpec.make("matrix", Dim.of("codes", ids=two),
                            Dim.of("total"))  # fmt: skip
    assert build_display(p, base).counts == [[3], [2]]  # passages: c13 in c2, c12 in c1
    assert build_display(p, base.with_(measure="sources")).counts == [[3], [2]]
    assert build_display(p, base.with_(measure="cases")).counts == [[2], [2]]
    # Anggaran: D1 0-44 (44) + W1 38-70 ∪ 38-53 (32) + W2 68-91 (23); Transmisi: 37 + 26
    assert build_display(p, base.with_(measure="chars")).counts == [[99], [63]]


def test_aggregated_code_rows(study) -> None:
    p, st = study
    spec = DisplaySpec.make("matrix", Dim.of("codes", ids=[st.code["Sumber daya"]],
                                             aggregate=True), Dim.of("cases"))  # fmt: skip
    assert sqlcount.applies(spec)  # counted per code as applied, then rolled up
    d = build_display(p, spec)
    assert d.counts == [[2, 0, 2]] == build_display(p, python_path(spec)).counts
    assert d.cell_codings(0, 2) == ids(st, "c8", "c9")
    assert d.cell_codings(0, 0) == ids(st, "c2", "c4")  # Anggaran and Staf in W1


def test_filters(study) -> None:
    p, st = study
    spec = ready_spec(p, "matrix", columns="total")
    col = lambda d: [row[0] for row in d.counts]  # noqa: E731
    # parents roll up: row 0 = rows 1 + 2, row 3 = its own + rows 4 + 5
    assert col(build_display(p, spec.with_(filters={"valence": "supporting"}))) == [
        1, 1, 0, 1, 0, 1, 1]  # fmt: skip
    assert col(build_display(p, spec.with_(filters={"valence": ["none"]}))) == [2, 1, 1, 1, 0, 1, 0]
    kinds = {"source_kinds": ["observation", "document"]}
    assert col(build_display(p, spec.with_(filters=kinds))) == [
        0, 0, 0, 2, 1, 1, 0]  # fmt: skip
    assert col(build_display(p, spec.with_(filters={"coders": ["budi"]}))) == [1, 1, 0, 1, 0, 1, 0]
    assert col(build_display(p, spec.with_(filters={"cases": [st.case["I3"]]}))) == [
        0, 0, 0, 2, 0, 1, 0]  # fmt: skip
    assert col(build_display(p, spec.with_(filters={"attribute": {"OPD": ["Diskominfo"]}}))) == [
        4, 2, 2, 2, 1, 1, 1]  # fmt: skip
    assert col(build_display(p, spec.with_(filters={"codes": [st.code["Sumber daya"]]}))) == [
        0, 0, 0, 6, 2, 3, 0]  # fmt: skip
    assert col(build_display(p, spec.with_(filters={"period_from": "2024-03"}))) == [
        2, 1, 1, 3, 1, 1, 0]  # fmt: skip
    assert col(build_display(p, spec.with_(filters={"period_to": "2023-12"}))) == [
        0, 0, 0, 1, 0, 1, 0]  # fmt: skip
    # codings of any code overlapping a Disposisi coding: only c5 (Kejelasan)
    rel = {"relation": {"op": "and", "codes": [st.code["Disposisi"]]}}
    d = build_display(p, spec.with_(filters=rel))
    assert col(d) == [1, 0, 1, 0, 0, 0, 0] and d.cell_codings(2, 0) == ids(st, "c5")
    rel = {
        "relation": {"op": "not", "codes": [st.code["Disposisi"]]},
        "codes": [st.code["Komunikasi"]],
    }
    assert col(build_display(p, spec.with_(filters=rel))) == [3, 2, 1, 0, 0, 0, 0]  # c12 in c1


def test_relations_between_codes(study) -> None:
    p, st = study
    k1, k2, r, r2, dsp = (
        st.code[n] for n in ("Transmisi", "Kejelasan", "Sumber daya", "Anggaran", "Disposisi")
    )
    codes = [k1, k2, r, r2, dsp]

    def cells(op: str, distance: int = 0) -> dict[tuple[int, int], list[int]]:
        d = build_ready(p, "cooccurrence", codes=codes, op=op, distance=distance)
        return {
            (codes[i], codes[j]): d.cell_codings(i, j)
            for i in range(5) for j in range(5) if d.counts[i][j]
        }  # fmt: skip

    assert cells("and") == {
        # budi's c13 (Anggaran) overlaps ana's c5 (Kejelasan): two coders, no co-occurrence
        (k2, r2): ids(st, "c5", "c2"), (r2, k2): ids(st, "c5", "c2"),
        (k2, dsp): ids(st, "c5", "c3"), (dsp, k2): ids(st, "c5", "c3"),
    }  # fmt: skip
    near = cells("near", 1)
    # gap of one character: c1|c2 (W1), c3|c4 (W1), c6|c7 (W2), c8|c9 (W2); c12|c2, c12|c13 too
    assert near[(k1, r2)] == ids(st, "c1", "c12", "c2", "c13")
    assert near[(r, r2)] == ids(st, "c8", "c9")
    assert near[(k1, k2)] == ids(st, "c6", "c7")  # c1 and c5 are 10 characters apart
    assert (dsp, r) not in near
    # W2's turns are its units; W1 has no turns, so its one paragraph is: ana's c1, c2, c3,
    # c5 (c4 Staf is off the axis) pair up there, and so do budi's c12 and c13
    same = {
        (k1, k2): ids(st, "c1", "c5", "c6", "c7"), (k1, r2): ids(st, "c1", "c2", "c12", "c13"),
        (k1, dsp): ids(st, "c1", "c3"), (k2, r2): ids(st, "c2", "c5"),
        (k2, dsp): ids(st, "c3", "c5"), (r2, dsp): ids(st, "c2", "c3"),
        (r, r2): ids(st, "c8", "c9"),
    }  # fmt: skip
    assert cells("same_turn") == same | {(b, a): v for (a, b), v in same.items()}
    nots = cells("not")
    assert nots[(k2, r2)] == ids(st, "c6")  # Kejelasan not overlapping Anggaran
    assert nots[(k2, dsp)] == ids(st, "c6")
    assert (dsp, k2) not in nots


def test_periods_and_order(study) -> None:
    p, st = study
    d = build_ready(p, "time_ordered", codes=[st.code["Komunikasi"], st.code["Sumber daya"]])
    assert [h.label for h in d.rows] == ["2023-12", "2024-01", "2024-03"]
    assert d.counts == [[0, 1], [2, 2], [2, 3]]
    d = build_display(p, d.spec.with_(rows=Dim.of("period", bucket="year")))
    assert [h.label for h in d.rows] == ["2023", "2024"] and d.counts == [[0, 1], [4, 5]]


def test_spec_json_round_trip(study) -> None:
    p, st = study
    for spec in (
        ready_spec(p, "matrix", columns="attribute:Jabatan", filters={"valence": ["inhibiting"]}),
        ready_spec(
            p, "clustered", groups={"A": [st.code["Komunikasi"]], "B": [st.code["Disposisi"]]}
        ),
        ready_spec(p, "cooccurrence", op="near", distance=5),
        ready_spec(p, "checklist", variable=st.code["Komunikasi"], levels={"high": 2}),
    ):
        again = DisplaySpec.from_json(spec.to_json())
        assert again == spec
        assert build_display(p, again).counts == build_display(p, spec).counts


def test_bad_specs(study) -> None:
    p, _ = study
    with pytest.raises(ValidationError):
        Dim.of("weather")
    with pytest.raises(ValidationError):
        DisplaySpec.make("matrix", Dim.of("codes"), Dim.of("cases"), cell="poem")
    with pytest.raises(ValidationError):
        build_display(p, DisplaySpec.make("x", Dim.of("codes"), Dim.of("cases"),
                                          options={"relation": {"op": "and"}}))  # fmt: skip
    assert parse_dim("children:3") == Dim.of("codes", children_of=3, aggregate=True)
    assert parse_dim("period:year") == Dim.of("period", bucket="year")
