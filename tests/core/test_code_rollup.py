"""Roll-up counts of the code tree: a parent shows its own and its sub-codes' codings."""

from __future__ import annotations

from qualcode.coding.codes import CodeCounts
from qualcode.project import Project

TEXT = "Pewawancara: Bagaimana koordinasi?\nInforman: Koordinasi lintas dinas masih lemah.\n" * 3


def _study(project: Project) -> dict[str, int]:
    """Parent > (A > A1), B; two sources; a case per whole source plus two speaker turns."""
    s1 = project.sources.add_text("W1", TEXT).result.id
    s2 = project.sources.add_text("W2", TEXT).result.id
    parent = project.codes.create("Komunikasi").result.id
    a = project.codes.create("Transmisi", parent_id=parent).result.id
    a1 = project.codes.create("Kejelasan", parent_id=a).result.id
    b = project.codes.create("Konsistensi", parent_id=parent).result.id
    other = project.codes.create("Disposisi").result.id
    whole = project.cases.create("Dinas Kominfo").result.id
    p1 = project.cases.create("Informan 1").result.id
    p2 = project.cases.create("Informan 2").result.id
    project.cases.link(whole, s1)
    project.cases.link(p1, s2, 0, 40, "Informan")
    project.cases.link(p2, s2, 40, 80, "Informan")
    return {"s1": s1, "s2": s2, "parent": parent, "a": a, "a1": a1, "b": b, "other": other}


def test_parent_counts_its_subtree_distinct(project: Project) -> None:
    ids = _study(project)
    apply = project.codings.apply
    apply(ids["s1"], 0, 10, ids["a1"])
    apply(ids["s1"], 20, 30, ids["a1"])
    apply(ids["s1"], 20, 30, ids["b"])  # same source as A1's codings: counted once above
    apply(ids["s2"], 0, 10, ids["a"])  # turn of Informan 1
    apply(ids["s2"], 50, 60, ids["parent"])  # turn of Informan 2, on the parent itself
    apply(ids["s2"], 35, 45, ids["other"])  # straddles both turns

    counts = project.codes.rollup()
    assert counts[ids["a1"]] == CodeCounts(2, 1, 1, 2, 1, 1)
    assert counts[ids["a"]] == CodeCounts(1, 1, 1, 3, 2, 2)
    assert counts[ids["b"]] == CodeCounts(1, 1, 1, 1, 1, 1)
    # own: one coding in W2 (Informan 2); subtree: 5 codings, 2 sources, 3 distinct cases
    assert counts[ids["parent"]] == CodeCounts(1, 1, 1, 5, 2, 3)
    assert counts[ids["other"]] == CodeCounts(1, 1, 2, 1, 1, 2)
    # the plain per-code counts agree with the own part
    for code_id, (n, s) in project.codes.counts().items():
        assert (counts[code_id].codings, counts[code_id].sources) == (n, s)


def test_codes_without_codings_are_zero_and_subset_matches_full(project: Project) -> None:
    ids = _study(project)
    project.codings.apply(ids["s1"], 0, 10, ids["a1"])
    full = project.codes.rollup()
    assert full[ids["other"]] == CodeCounts(0, 0, 0, 0, 0, 0)
    assert full[ids["b"]] == CodeCounts(0, 0, 0, 0, 0, 0)
    assert set(full) == {c.id for c in project.codes.all()}
    part = project.codes.rollup([ids["parent"], ids["a1"], 999_999])
    assert part == {ids["parent"]: full[ids["parent"]], ids["a1"]: full[ids["a1"]]}
    assert project.codes.rollup([]) == {}


def test_rollup_follows_moves_and_undo(project: Project) -> None:
    ids = _study(project)
    project.codings.apply(ids["s1"], 0, 10, ids["other"])
    assert project.codes.rollup([ids["parent"]])[ids["parent"]].all_codings == 0
    project.codes.move(ids["other"], ids["parent"])
    assert project.codes.rollup([ids["parent"]])[ids["parent"]].all_codings == 1
    project.undo()
    assert project.codes.rollup([ids["parent"]])[ids["parent"]].all_codings == 0


def test_without_any_case_link_no_case_is_counted(project: Project) -> None:
    source = project.sources.add_text("W1", TEXT).result.id
    parent = project.codes.create("Sumber daya").result.id
    child = project.codes.create("Anggaran", parent_id=parent).result.id
    project.codings.apply(source, 0, 10, child)
    project.codings.apply(source, 12, 20, child)
    assert project.codes.rollup()[parent] == CodeCounts(0, 0, 0, 2, 1, 0)
    assert project.codes.rollup([child])[child] == CodeCounts(2, 1, 0, 2, 1, 0)
