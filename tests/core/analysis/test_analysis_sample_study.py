"""Displays on the bundled sample study, checked against counts made from codings.yaml itself."""

from __future__ import annotations

from collections import Counter

import yaml

from qualcode.analysis.displays import build_ready
from qualcode.app.demo import SAMPLE_DIR
from qualcode.project import Project


def _entries(analysis_only: bool = True) -> list[dict[str, str]]:
    """The entries of codings.yaml; by default those of its analysis coders (the researcher)."""
    data = yaml.safe_load((SAMPLE_DIR / "codings.yaml").read_text(encoding="utf-8"))
    counted = set(data["analysis_coders"]) if analysis_only else None
    return [e for e in data["codings"] if counted is None or e["coder"] in counted]


def _source_names() -> dict[str, str]:
    manifest = yaml.safe_load((SAMPLE_DIR / "study.yaml").read_text(encoding="utf-8"))
    names = {s["file"]: s["name"] for s in manifest["sources"]}
    names.update({n: n for n in list(names.values())})
    return names


def _code_ids(project: Project) -> dict[str, int]:
    return {f"{c.codebook}:{c.codebook_code}": c.id for c in project.codes.all() if c.codebook}


def test_coverage_cells_equal_the_hand_codings(sample: Project) -> None:
    """Data accounting (codes × sources): each cell = entries of that code and its sub-codes in
    that source (a parent rolls up its subtree, so a parent coded only through its sub-codes is
    no gap)."""
    codes, names = _code_ids(sample), _source_names()
    parent = {c.id: c.parent_id for c in sample.codes.all()}

    def line(code_id: int | None) -> list[int]:
        out = []
        while code_id is not None:
            out.append(code_id)
            code_id = parent[code_id]
        return out

    expected = Counter((a, names[e["source"]]) for e in _entries() for a in line(codes[e["code"]]))
    own = Counter((codes[e["code"]], names[e["source"]]) for e in _entries())
    display = build_ready(sample, "coverage")
    by_source = {h.key: h.label for h in display.columns}
    got = Counter()
    for r, row in enumerate(display.rows):
        for c, col in enumerate(display.columns):
            if display.counts[r][c]:
                got[(int(row.key), by_source[col.key])] = display.counts[r][c]
    assert got == expected
    assert sum(own.values()) == 290  # the researcher's; 334 with the supervisor's
    # no parent is a gap where its sub-codes hold evidence
    missing = {
        (int(display.rows[r].key), by_source[display.columns[c].key])
        for r, c in display.empty_cells()
    }
    assert missing and not missing & set(expected)
    parents = {p for p in parent.values() if p is not None}
    assert any(code in parents and own[(code, src)] == 0 for code, src in expected)
    # drill-down returns exactly the codings of a cell
    (code_id, source), n = own.most_common(1)[0]
    r = next(i for i, h in enumerate(display.rows) if int(h.key) == code_id)
    c = next(i for i, h in enumerate(display.columns) if h.label == source)
    ids = display.cell_codings(r, c)
    assert len(ids) == n
    assert {sample.codings.get(i).code_id for i in ids} == {code_id}


def test_factor_table_equals_the_hand_codings(sample: Project) -> None:
    """Supporting vs inhibiting by dimension: top-level code (with sub-codes) × valence."""
    codes = _code_ids(sample)
    parent = {c.id: c.parent_id for c in sample.codes.all()}

    def top(code_id: int) -> int:
        while parent[code_id] is not None:
            code_id = parent[code_id]  # type: ignore[assignment]
        return code_id

    expected = Counter((top(codes[e["code"]]), e.get("valence") or "none") for e in _entries())
    display = build_ready(sample, "factors")
    got = Counter()
    for r, row in enumerate(display.rows):
        for c, col in enumerate(display.columns):
            if display.counts[r][c]:
                got[(int(row.key), col.key)] = display.counts[r][c]
    assert got == expected
    # the sample's story: resources are mostly an inhibiting factor
    resources = sample.codes.find("Sumber daya").id
    assert expected[(resources, "inhibiting")] > 3 * expected[(resources, "supporting")]


def test_agreement_finds_the_supervisors_other_codes(sample: Project) -> None:
    """Where the supervisor used a code the researcher never used in that source, the
    disagreement list names it, and agreement is imperfect but defined."""
    from qualcode.analysis.agreement import agreement

    codes, names = _code_ids(sample), _source_names()
    entries = _entries(analysis_only=False)
    researcher = {(names[e["source"]], e["code"]) for e in entries if e["coder"] == "peneliti"}
    only_supervisor = {
        (names[e["source"]], codes[e["code"]])
        for e in entries
        if e["coder"] == "pembimbing" and (names[e["source"]], e["code"]) not in researcher
    }
    assert only_supervisor, "the sample has passages only the supervisor coded that way"
    report = agreement(sample, ["peneliti", "pembimbing"], level="character")
    flagged = {
        (d.source, d.code_id) for d in report.disagreements if d.coders_with == ("pembimbing",)
    }
    assert only_supervisor <= flagged
    kappa = report.overall.kappa
    assert kappa is not None and -1.0 <= kappa < 1.0
