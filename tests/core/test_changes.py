"""ChangeSet flags: each area from the one table -> area map."""

from __future__ import annotations

from qualcode.changes import TABLE_AREAS, Area, ChangeSet
from qualcode.project import Project


def test_flags_follow_the_table_map() -> None:
    changes: ChangeSet[None] = ChangeSet(
        "x", "X", {"conclusion_memo": frozenset({1}), "source_content": frozenset({4})}
    )
    assert changes.areas == {Area.CONCLUSIONS, Area.SOURCES, Area.SEARCH_INDEX}
    assert changes.conclusions and changes.sources and changes.search_index
    assert not (changes.codes or changes.codings or changes.cases or changes.review)
    assert changes.source_ids == {4} and changes.coding_ids == frozenset()
    assert changes.changed(Area.REVIEW, Area.CONCLUSIONS) and not changes.changed(Area.SETS)
    linked: ChangeSet[None] = ChangeSet("y", "Y", {"case_link": frozenset({2})})
    assert linked.cases and linked.case_links and not linked.attributes
    assert {a for areas in TABLE_AREAS.values() for a in areas} == set(Area)


def test_a_real_operation_reports_its_areas(project: Project) -> None:
    src = project.sources.add_text("W1", "Anggaran terbatas.").result
    assert src is not None
    created = project.codings.apply_new_code(src.id, 0, 8, "Anggaran")
    assert created.areas == {Area.CODES, Area.CODINGS}
    assert created.result is not None and created.code_ids == {created.result[0].id}
    undone = project.undo()
    assert undone is not None and undone.codes and undone.codings and not undone.sources
