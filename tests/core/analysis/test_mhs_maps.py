"""Context charts and causal networks drawn from the study onto the concept-map canvas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.map_builders import causal_network, context_chart, link_evidence
from qualcode.cli.main import cli
from qualcode.errors import NotFoundError, ValidationError
from support.snapshots import snapshot

W2 = (
    "I2: Informasi kebijakan belum jelas. Sosialisasi kurang merata.\n"
    "I3: Anggaran desa terbatas. Jaringan internet lemah.\n"
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_context_chart_groups_ranks_and_follows_the_hierarchy(study) -> None:
    p, st = study
    plan = context_chart(p, group_by="OPD", rank="Rank")
    boxes = {label or ref: (x, y) for _kind, ref, label, x, y in plan.nodes}
    assert set(boxes) == {"I1 \u2014 Kadis", "I2 \u2014 Kasi", "I3 \u2014 Staf", "Diskominfo",
                          "Bappeda"}  # fmt: skip
    # rank 1 (the Kadis) left of rank 3; the OPD box centred above its two informants
    assert boxes["I1 \u2014 Kadis"][0] < boxes["I2 \u2014 Kasi"][0]
    assert boxes["Diskominfo"][0] == (boxes["I1 \u2014 Kadis"][0] + boxes["I2 \u2014 Kasi"][0]) / 2
    assert boxes["Diskominfo"][1] < boxes["I1 \u2014 Kadis"][1]
    names = [n[2] for n in plan.nodes]
    parts = {(names[lk.source], names[lk.target]) for lk in plan.links}
    assert parts == {("I1 \u2014 Kadis", "Diskominfo"), ("I2 \u2014 Kasi", "Diskominfo"),
                     ("I3 \u2014 Staf", "Bappeda")}  # fmt: skip
    # a real parent case wins over the grouping attribute; --root keeps one branch
    opd = p.cases.create("Dinas Kominfo", kind="organisation").result
    assert opd is not None
    p.cases.set_parent(st.case["I1"], opd.id)
    p.cases.set_parent(st.case["I2"], opd.id)
    branch = context_chart(p, root="Dinas Kominfo", role="Jabatan")
    assert sorted(n[2] or "opd" for n in branch.nodes) == ["I1 \u2014 Kadis", "I2 \u2014 Kasi",
                                                           "opd"]  # fmt: skip
    assert all(branch.nodes[lk.target][1] == opd.id for lk in branch.links)
    with pytest.raises(NotFoundError):
        context_chart(p, group_by="Tidak ada")


def test_causal_network_sign_strength_evidence_events_and_undo(study) -> None:
    p, st = study
    a, b = _span(W2, "Anggaran desa terbatas.")
    contra = p.codings.apply(st.src["W2"], a, b, st.code["Disposisi"], valence="supporting")
    o1 = "Catatan: command center sepi. Operator hanya dua orang."
    a, b = _span(o1, "command center sepi.")
    near = p.codings.apply(st.src["O1"], a, b, st.code["Disposisi"]).result
    assert contra.result is not None and near is not None
    K, S, D = st.code["Komunikasi"], st.code["Sumber daya"], st.code["Disposisi"]
    plan = causal_network(p, links=[(S, D, None), (K, D, "+")], events=[st.code["Staf"]],
                          op="near", distance=30)  # fmt: skip
    by_pair = {(plan.nodes[lk.source][1], plan.nodes[lk.target][1]): lk for lk in plan.links}
    # inhibiting Sumber daya codings near supporting Disposisi ones in W1, W2 and O1: "-", strong
    sd = by_pair[(S, D)]
    assert sd.sign == "-" and sd.strength == "strong"
    c = st.c
    assert set(sd.evidence) == {c["c2"], c["c3"], c["c4"], c["c8"], c["c9"], c["c10"],
                                contra.result.id, near.id}  # fmt: skip
    assert by_pair[(K, D)].sign == "+"  # the researcher's sign is kept
    # the dated Staf coding of O1 is an event before the Disposisi coded near it
    (event,) = [n for n in plan.nodes if n[0] == "event"]
    assert event[1] == st.c["c10"] and event[2] == "2024-03: Operator hanya dua orang."
    assert event[3] < min(n[3] for n in plan.nodes if n[0] == "code")
    ev_link = next(lk for lk in plan.links if plan.nodes[lk.source][0] == "event")
    assert ev_link.relation == "precedes" and set(ev_link.evidence) == {st.c["c10"], near.id}
    # layered left to right: every cause left of its effect
    assert all(plan.nodes[lk.source][3] < plan.nodes[lk.target][3] for lk in plan.links)

    before = snapshot(p)
    record = p.maps.generate("Jaringan kausal", plan).result
    assert record is not None and p.undo_label() == "Draw map from the data"
    arrow = next(lk for lk in record.links if lk.sign == "-")
    cited = next(c for c in link_evidence(p, record) if c.link.id == arrow.id)
    assert {e.coding_id for e, _c in cited.cited} == set(sd.evidence) and cited.missing == 0
    assert any("I3; W2" in citation for _e, citation in cited.cited)
    p.codings.remove([contra.result.id])
    again = next(c for c in link_evidence(p, p.maps.get(record.id)) if c.link.id == arrow.id)
    assert again.missing == 1
    p.undo()
    p.maps.annotate_link(arrow.id, sign="+", strength="strong", evidence=[st.c["c8"]])
    changed = next(lk for lk in p.maps.get(record.id).links if lk.id == arrow.id)
    assert (changed.sign, changed.strength, changed.evidence) == ("+", "strong", (st.c["c8"],))
    with pytest.raises(ValidationError, match="sign"):
        p.maps.annotate_link(arrow.id, sign="++")
    with pytest.raises(NotFoundError):
        p.maps.annotate_link(arrow.id, evidence=[999999])
    p.undo()
    p.undo()
    assert snapshot(p) == before
    with pytest.raises(ValidationError, match="different codes"):
        causal_network(p, links=[(K, K, None)])


def test_arrow_evidence_added_removed_and_candidates(study) -> None:
    """The Arrow dialog's operation: cite and uncite codings one by one, in one undo step."""
    from qualcode.analysis.map_builders import arrow_candidates

    p, st = study
    K, D = st.code["Komunikasi"], st.code["Disposisi"]
    record = p.maps.generate("Jaringan", causal_network(p, links=[(K, D, None)], op="and")).result
    assert record is not None
    (arrow,) = record.links
    cited = list(arrow.evidence)
    assert cited
    # candidates: codings of both end codes (with sub-codes), and nothing else
    found = arrow_candidates(p, record, arrow)
    expected = {
        c.id for c in p.codings.list() if c.code_id in p_descendants(p, K) | p_descendants(p, D)
    }
    assert {e.coding_id for e in found} == expected and set(cited) <= expected
    before = snapshot(p)
    extra = next(i for i in sorted(expected) if i not in cited)
    p.maps.annotate_link(arrow.id, add_evidence=[extra, cited[0]], remove_evidence=[cited[0]])
    (now,) = p.maps.get(record.id).links
    assert now.evidence == (*cited[1:], extra, cited[0])  # removed, then cited again last
    assert p.undo_label() == "Edit map link"
    p.undo()
    assert snapshot(p) == before
    # a cited coding deleted since stays cited (and counted) until removed
    p.codings.remove([cited[0]])
    p.maps.annotate_link(arrow.id, add_evidence=[extra])
    (now,) = p.maps.get(record.id).links
    assert cited[0] in now.evidence and extra in now.evidence
    p.maps.annotate_link(arrow.id, remove_evidence=[cited[0]])
    (now,) = p.maps.get(record.id).links
    assert cited[0] not in now.evidence
    with pytest.raises(ValidationError, match="not evidence"):
        p.maps.annotate_link(arrow.id, remove_evidence=[cited[0]])
    with pytest.raises(NotFoundError):
        p.maps.annotate_link(arrow.id, add_evidence=[999999])
    with pytest.raises(NotFoundError):
        p.maps.annotate_link(987654, add_evidence=[extra])


def p_descendants(p, code_id: int) -> set[int]:
    out, todo = set(), [code_id]
    while todo:
        cur = todo.pop()
        out.add(cur)
        todo.extend(c.id for c in p.codes.all() if c.parent_id == cur)
    return out


def test_arrow_candidates_of_a_case_and_a_code(study) -> None:
    """A case end narrows a code end's codings to that case (and the cases under it)."""
    from qualcode.analysis.map_builders import arrow_candidates

    p, st = study
    made = p.maps.create("Peta").result
    assert made is not None
    p.maps.add_nodes(made.id, [("case", st.case["I2"], "", 0, 0), ("code", st.code["Komunikasi"],
                                                                    "", 200, 0)])  # fmt: skip
    nodes = p.maps.get(made.id).nodes
    p.maps.link(nodes[0].id, nodes[1].id, "supports")
    record = p.maps.get(made.id)
    found = arrow_candidates(p, record, record.links[0])
    assert found and all("I2" in e.cases for e in found)
    assert all(e.code.startswith("Komunikasi") for e in found)


def test_cli_draws_context_chart_and_causal_network_and_exports(study, tmp_path: Path) -> None:
    p, st = study
    p.close()
    path = str(tmp_path / "study.qdaproj")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    assert "5 boxes, 3 links" in run("map", "context-chart", path, "Bagan", "--group-by", "OPD",
                                     "--rank", "Rank")  # fmt: skip
    out = run("map", "causal-network", path, "Jaringan", "--link", "Komunikasi->Disposisi:+",
              "--link", "Komunikasi->Sumber daya", "--relation", "and")  # fmt: skip
    assert "2 arrows (2 with evidence)" in out
    shown = json.loads(run("map", "show", path, "Jaringan", "--json"))
    first = shown["links"][0]
    assert first["sign"] == "+" and first["strength"] == "weak"
    assert sorted(first["evidence"]) == [st.c["c3"], st.c["c5"]]
    listed = run("map", "evidence", path, "Jaringan")
    assert "Komitmen pimpinan tinggi sekali." in listed and "lemah" in listed
    run("map", "annotate", path, "Jaringan", str(first["id"]), "--strength", "strong")
    # pick evidence: list the codings the arrow could cite, add one, remove one
    link = str(first["id"])
    options = json.loads(run("map", "evidence", path, "Jaringan", "--candidates", link, "--json"))
    assert {o["coding"] for o in options if o["cited"]} == {st.c["c3"], st.c["c5"]}
    new = next(o["coding"] for o in options if not o["cited"])
    assert f"* {st.c['c3']}: [" in run("map", "evidence", path, "Jaringan", "--candidates", link)
    out = run("map", "annotate", path, "Jaringan", link, "--add-evidence", str(new),
              "--remove-evidence", str(st.c["c3"]))  # fmt: skip
    assert f"evidence: {st.c['c5']}, {new}" in out
    bad = CliRunner().invoke(cli, ["map", "annotate", path, "Jaringan", link,
                                   "--remove-evidence", str(st.c["c3"])])  # fmt: skip
    assert bad.exit_code != 0 and "Traceback" not in bad.output and "not evidence" in bad.output
    assert "strong" in run("map", "show", path, "Jaringan")
    bad = CliRunner().invoke(cli, ["map", "annotate", path, "Jaringan", str(first["id"]),
                                   "--sign", "x"])  # fmt: skip
    assert bad.exit_code != 0 and "Traceback" not in bad.output and "+ or -" in bad.output
    svg = tmp_path / "jaringan.svg"
    run("map", "export", path, "Jaringan", str(svg))
    text = svg.read_text(encoding="utf-8")
    assert "kuat" in text and "2 bukti" in text
