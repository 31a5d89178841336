"""Every core operation changes the project, undo restores it exactly, redo re-applies it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from qualcode.project import Project
from support.snapshots import TEXT, snapshot


@dataclass
class Seed:
    """Ids of the objects a seeded project holds."""

    s1: int
    s2: int
    a: int
    a1: int
    b: int
    c1: int
    c2: int
    case1: int
    case2: int
    role: int
    memo: int
    link: int


def seed(p: Project) -> Seed:
    s1 = p.sources.add_text("W1 Kadis", TEXT, kind="interview", language="id").result
    s2 = p.sources.add_text("O1 Observasi", "Catatan lapangan: jaringan lambat di desa.",
                            kind="observation").result  # fmt: skip
    a = p.codes.create("Komunikasi").result
    a1 = p.codes.create("Transmisi", parent_id=a.id).result
    b = p.codes.create("Sumber daya").result
    c1 = p.codings.apply(s1.id, 3, 30, a1.id, valence="inhibiting").result
    c2 = p.codings.apply(s1.id, 10, 40, b.id).result
    case1 = p.cases.create("I1").result
    case2 = p.cases.create("Diskominfo", kind="organisation").result
    role = p.attributes.define("Jabatan", type="category", allowed_values=["Kadis", "Kasi"]).result
    p.attributes.set_value(role.id, "Kadis", case_id=case1.id)
    memo = p.memos.create("Sosialisasi tampak timpang.", title="Awal", target="code",
                          target_id=a1.id).result  # fmt: skip
    link = p.cases.link(case1.id, s1.id).result
    ids = [s1, s2, a, a1, b, c1, c2, case1, case2, role, memo, link]
    assert all(x is not None for x in ids)
    return Seed(s1.id, s2.id, a.id, a1.id, b.id, c1.id, c2.id, case1.id, case2.id, role.id,
                memo.id, link.id)  # fmt: skip


Op = Callable[[Project, Seed], Any]

OPERATIONS: dict[str, Op] = {
    "code.create": lambda p, s: p.codes.create("Disposisi", color="#aa3377"),
    "code.create_child": lambda p, s: p.codes.create("Kejelasan", parent_id=s.a),
    "code.rename": lambda p, s: p.codes.rename(s.a1, "Transmisi kebijakan"),
    "code.recolor": lambda p, s: p.codes.recolor(s.b, "#123456"),
    "code.update": lambda p, s: p.codes.update(s.b, description="Staf, informasi", example="x",
                                               labels={"en": "Resources", "id": "Sumber daya"}),
    "code.move": lambda p, s: p.codes.move(s.a1, s.b),
    "code.move_top": lambda p, s: p.codes.move(s.a1, None, 0),
    "code.delete": lambda p, s: p.codes.delete(s.a),
    "code.merge": lambda p, s: p.codes.merge([s.b], s.a1),
    "code.move_many": lambda p, s: p.codes.move_many([s.b, s.a1], beside=s.a),
    "code.split": lambda p, s: p.codes.split(s.a1, [s.c1], "Kejelasan"),
    "coding.apply": lambda p, s: p.codings.apply(s.s2, 0, 7, s.b, magnitude="high"),
    "coding.apply_many": lambda p, s: p.codings.apply_many(s.s1, 50, 60, [s.a, s.b]),
    "coding.apply_ranges": lambda p, s: p.codings.apply_ranges(s.a, [(s.s1, 0, 5), (s.s2, 1, 9)]),
    "coding.remove": lambda p, s: p.codings.remove([s.c1]),
    "coding.resize": lambda p, s: p.codings.resize(s.c1, 5, 25),
    "coding.recode": lambda p, s: p.codings.recode([s.c1, s.c2], s.a),
    "coding.recode_new_code": lambda p, s: p.codings.recode_new_code([s.c1], "Kejelasan"),
    "coding.apply_new_code": lambda p, s: p.codings.apply_new_code(s.s2, 0, 7, "Jaringan"),
    "coding.invivo": lambda p, s: p.codings.in_vivo(s.s2, 19, 34, parent_id=s.b),
    "coding.invivo_existing": lambda p, s: p.codings.in_vivo(s.s2, 0, 7, name="Sumber daya"),
    "coding.attributes": lambda p, s: p.codings.set_attributes(s.c2, valence="supporting",
                                                               period="2024", note="ok"),
    "source.add": lambda p, s: p.sources.add_text("D1 Perbup", "Pasal 1. Ketentuan umum.",
                                                  kind="document", original=b"raw bytes"),
    "source.update": lambda p, s: p.sources.update(s.s2, name="O1 Command center", language="id"),
    "source.delete": lambda p, s: p.sources.delete(s.s1),
    "case.create": lambda p, s: p.cases.create("I2", parent_id=s.case2),
    "case.update": lambda p, s: p.cases.update(s.case1, name="IK-1", description="Kadis"),
    "case.set_parent": lambda p, s: p.cases.set_parent(s.case1, s.case2),
    "case.delete": lambda p, s: p.cases.delete(s.case1),
    "case.link": lambda p, s: p.cases.link(s.case2, s.s1, 0, 20, speaker="I"),
    "case.unlink": lambda p, s: p.cases.unlink(s.link),
    "attribute.define": lambda p, s: p.attributes.define("Tanggal", type="date"),
    "attribute.update": lambda p, s: p.attributes.update(s.role, name="Peran",
                                                         allowed_values=["Kadis", "Kasi", "Staf"]),
    "attribute.delete": lambda p, s: p.attributes.delete(s.role),
    "attribute.value": lambda p, s: p.attributes.set_value(s.role, "Kasi", case_id=s.case1),
    "attribute.clear": lambda p, s: p.attributes.set_value(s.role, None, case_id=s.case1),
    "attribute.values": lambda p, s: p.attributes.set_values(
        [(s.role, s.case1, None, "Kasi"), (s.role, s.case2, None, "Kadis")]),
    "memo.create": lambda p, s: p.memos.create("Refleksi", kind="reflexive"),
    "memo.update": lambda p, s: p.memos.update(s.memo, text="Direvisi"),
    "memo.delete": lambda p, s: p.memos.delete(s.memo),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_undo_redo(project: Project, name: str) -> None:
    ids = seed(project)
    before = snapshot(project)
    changes = OPERATIONS[name](project, ids)
    after = snapshot(project)
    assert after != before, "the operation changed nothing"
    assert changes.touched, "the change set names nothing"
    assert project.undo_label() == changes.label
    undone = project.undo()
    assert undone is not None and undone.undo
    assert snapshot(project) == before
    redone = project.redo()
    assert redone is not None and redone.redo
    assert snapshot(project) == after
    # and undo once more, to be sure redo recorded a step that can be undone again
    project.undo()
    assert snapshot(project) == before


def test_every_operation_is_audited(project: Project) -> None:
    seed(project)
    ops = {e.op for e in project.audit_log(limit=1000)}
    assert {"source.add", "code.create", "coding.apply", "case.create", "attribute.define",
            "attribute.value", "memo.create", "case.link"} <= ops  # fmt: skip
    entry = project.audit_log(limit=1)[0]
    assert entry.coder == "ana" and entry.step_id is not None


def test_new_operation_drops_redo(project: Project) -> None:
    ids = seed(project)
    project.codes.rename(ids.a, "K1")
    project.undo()
    assert project.redo_label() is not None
    project.codes.rename(ids.a, "K2")
    assert project.redo_label() is None
    assert project.redo() is None


def test_undo_group_is_one_step(project: Project) -> None:
    ids = seed(project)
    before = snapshot(project)
    with project.undo_group("Reorganise"):
        project.codes.rename(ids.a, "Communication")
        project.codes.move(ids.b, ids.a)
        project.codings.remove([ids.c2])
    assert project.undo_label() == "Reorganise"
    project.undo()
    assert snapshot(project) == before


def test_failed_operation_changes_nothing(project: Project) -> None:
    ids = seed(project)
    before = snapshot(project)
    label = project.undo_label()
    with pytest.raises(Exception), project.undo_group("Half done"):  # noqa: B017
        project.codes.rename(ids.a, "X")
        project.codings.apply(ids.s1, 0, 10**9, ids.a)
    assert snapshot(project) == before
    assert project.undo_label() == label


def test_listeners_receive_change_sets(project: Project) -> None:
    seen: list[Any] = []
    unsubscribe = project.subscribe(seen.append)
    code = project.codes.create("A").result
    assert code is not None
    project.undo()
    unsubscribe()
    project.codes.create("B")
    assert [c.op for c in seen] == ["code.create", "code.create"]
    assert seen[0].codes and seen[0].ids("code") == {code.id}
    assert seen[1].undo


def test_undo_survives_reopen(project_path: Any) -> None:
    with Project.create(project_path, coder="ana") as p:
        p.codes.create("A")
        p.codes.create("B")
    with Project.open(project_path, coder="ana") as p:
        assert p.undo_label() == "New code"
        p.undo()
        assert [c.name for c in p.codes.all()] == ["A"]
    with Project.open(project_path, coder="ana") as p:
        p.redo()
        assert [c.name for c in p.codes.all()] == ["A", "B"]


def test_undo_refuses_to_overwrite_later_foreign_change(project: Project) -> None:
    from sqlalchemy import update

    from qualcode.errors import ConflictError
    from qualcode.store import tables as t

    code = project.codes.create("A").result
    assert code is not None
    project.codes.rename(code.id, "B")
    # Someone else (another client, a raw connection) renames it again.
    with project.engine.begin() as conn:
        conn.execute(update(t.code).where(t.code.c.id == code.id).values(name="C"))
    with pytest.raises(ConflictError):
        project.undo()
    assert project.codes.get(code.id).name == "C"
    assert project.undo_label() == "Rename code"


def test_undo_history_is_bounded(project: Project) -> None:
    from qualcode.store import history

    code = project.codes.create("A").result
    assert code is not None
    for n in range(history.UNDO_LIMIT + 60):
        project.codes.update(code.id, short=f"v{n}")
    with project.reading() as conn:
        assert history.step_count(conn) <= history.UNDO_LIMIT + 50
    assert len(project.audit_log(limit=10_000)) == history.UNDO_LIMIT + 61


SET_OPERATIONS: dict[str, Op] = {
    "set.create": lambda p, s: p.sets.create("Edwards", code_ids=[s.a, s.b], source_ids=[s.s2]),
    "code.link": lambda p, s: p.codes.link(s.b, to_code_id=s.a, relation="related_to"),
    "code.link_ref": lambda p, s: p.codes.link(s.b, target_ref="edwards3:RES"),
}


@pytest.mark.parametrize("name", sorted(SET_OPERATIONS))
def test_set_and_link_operations_undo_redo(project: Project, name: str) -> None:
    ids = seed(project)
    before = snapshot(project)
    SET_OPERATIONS[name](project, ids)
    after = snapshot(project)
    assert after != before
    project.undo()
    assert snapshot(project) == before
    project.redo()
    assert snapshot(project) == after


def test_sets_follow_merges_and_deletes(project: Project) -> None:
    ids = seed(project)
    cluster = project.sets.create("Cluster", code_ids=[ids.a1, ids.b]).result
    assert cluster is not None
    project.codes.link(ids.b, target_ref="edwards3:RES")
    project.codes.link(ids.a1, to_code_id=ids.b)
    before = snapshot(project)
    project.codes.merge([ids.b], ids.a1)
    merged = project.sets.get(cluster.id)
    assert merged.code_ids == (ids.a1,)
    links = project.codes.links(ids.a1)
    assert [(lk.to_code_id, lk.target_ref) for lk in links] == [(None, "edwards3:RES")]
    project.undo()
    assert snapshot(project) == before
    project.codes.delete(ids.a)  # deletes a1 with its memberships and links
    assert project.sets.get(cluster.id).code_ids == (ids.b,)
    assert all(ids.a1 not in (lk.from_code_id, lk.to_code_id) for lk in project.codes.links())
    project.sources.delete(ids.s2)
    project.undo()
    project.undo()
    assert snapshot(project) == before
