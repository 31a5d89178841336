"""Cross-case analysis at any level: case hierarchy roll-up, roles grouped into persons,
case-ordered either way, cases that cannot be ranked (interviewer, moderator) left out."""

from __future__ import annotations

from click.testing import CliRunner

from qualcode.analysis.axes import role_group
from qualcode.analysis.displays import build_ready
from qualcode.cli.main import cli


def _opd(p, st):
    """Diskominfo (organisation) holds I1 and I2; Bappeda holds I3; each OPD is ranked."""
    dk = p.cases.create("Diskominfo", kind="organisation").result.id
    bp = p.cases.create("Bappeda", kind="organisation").result.id
    p.cases.set_parent(st.case["I1"], dk)
    p.cases.set_parent(st.case["I2"], dk)
    p.cases.set_parent(st.case["I3"], bp)
    rank = st.attr["Rank"]
    p.attributes.set_value(rank, 1, case_id=dk)
    p.attributes.set_value(rank, 2, case_id=bp)
    return dk, bp


def test_an_opd_case_shows_its_informants_codings(study) -> None:
    p, st = study
    dk, bp = _opd(p, st)
    d = build_ready(p, "case_ordered", order_by="Rank", case_kind="organisation",
                    codes=[st.code["Sumber daya"]])  # fmt: skip
    assert [h.label for h in d.rows] == ["Bappeda", "Diskominfo"]  # high rank value first
    informants = build_ready(p, "case_ordered", order_by="Rank", case_kind="informant",
                             codes=[st.code["Sumber daya"]])  # fmt: skip
    by_case = {h.label: set(informants.cell_codings(r, 0)) for r, h in enumerate(informants.rows)}
    assert set(d.cell_codings(*d.find(str(dk), str(st.code["Sumber daya"])))) == (
        by_case["I1"] | by_case["I2"]
    )
    assert set(d.cell_codings(*d.find(str(bp), str(st.code["Sumber daya"])))) == by_case["I3"]
    # three codings of I1 and I2, two of them one passage (the same text coded by ana and budi)
    assert d.counts[d.find(str(dk), str(st.code["Sumber daya"]))[0]][0] == 2
    # low to high, and the excerpts of the OPD row are its informants' own
    up = build_ready(p, "case_ordered", order_by="Rank", case_kind="organisation",
                     codes=[st.code["Sumber daya"]], descending=False)  # fmt: skip
    assert [h.label for h in up.rows] == ["Diskominfo", "Bappeda"]
    assert {e.cases for e in up.excerpts[(0, 0)]} <= {("I1",), ("I2",), ("I3",), ("I2", "I3")}
    # a matrix at the organisation level (cases:organisation) rolls up too, counted in Python
    m = build_ready(p, "matrix", codes=[st.code["Staf"]], columns="cases:organisation")
    assert [h.label for h in m.columns] == ["Bappeda", "Diskominfo"] and m.counts == [[0, 1]]


def test_case_ordered_leaves_out_cases_without_a_rank(study) -> None:
    p, _ = study
    p.cases.create("Pewawancara", kind="other")
    d = build_ready(p, "case_ordered", order_by="Rank")
    assert [h.label for h in d.rows] == ["I3", "I2", "I1"]
    d = build_ready(p, "case_ordered", order_by="Rank", include_unranked=True)
    assert [h.label for h in d.rows] == ["I3", "I2", "I1", "Pewawancara"]


def test_roles_grouped_from_an_attribute(study) -> None:
    p, st = study
    assert role_group("Kepala Seksi Data", {"Kasi": ["kepala seksi*"]}) == "Kasi"
    assert role_group("Staf", {"Kasi": ["Kepala Seksi*"]}) == "Staf"
    d = build_ready(p, "role_ordered", role="Jabatan", rank="Rank",
                    groups={"Pimpinan": ["Kadis", "Kabid"], "Pelaksana": ["Kasi", "Staf"]},
                    codes=[st.code["Komunikasi"], st.code["Sumber daya"]])  # fmt: skip
    assert [h.label for h in d.rows] == ["Pimpinan (I1)", "Pelaksana (I2, I3)"]
    # passages: I1's c1 and budi's c12 on the same text are one
    assert d.counts == [[2, 2], [2, 2]]


def test_role_groups_on_the_command_line(study) -> None:
    p, _ = study
    path = str(p.path)
    p.close()
    result = CliRunner().invoke(cli, ["display", path, "role_ordered", "--role", "Jabatan",
                                      "--role-group", "Pelaksana=Kasi,Staf", "--codes",
                                      "Komunikasi"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Pelaksana (I2, I3)" in result.output
