"""Split a code and in-vivo coding: results, errors, undo and redo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from qualcode.coding.invivo import invivo_name
from qualcode.errors import NotFoundError, ValidationError
from qualcode.project import Project
from support.snapshots import snapshot

TEXT = (
    "I: Kalau data, ya kami pakai Excel saja, dikirim tiap bulan lewat WhatsApp.\n"
    "I: Sosialisasi sudah masif, tapi warga desa belum tahu.\n"
)


@dataclass
class Seed:
    source: int
    code: int
    codings: list[int]


@pytest.fixture
def seeded(project: Project) -> Seed:
    src = project.sources.add_text("W2", TEXT).result
    code = project.codes.create("Integrasi data", color="#aa3377").result
    assert src is not None and code is not None
    codings = [
        project.codings.apply(src.id, a, b, code.id, valence="inhibiting").result
        for a, b in ((3, 40), (41, 76), (80, 108))
    ]
    return Seed(src.id, code.id, [c.id for c in codings if c is not None])


def check_undo_redo(project: Project, before: dict, label: str) -> None:  # type: ignore[type-arg]
    after = snapshot(project)
    assert after != before
    assert project.undo_label() == label
    project.undo()
    assert snapshot(project) == before
    project.redo()
    assert snapshot(project) == after
    assert any(e.label == label for e in project.audit_log())


def test_split_into_child(project: Project, seeded: Seed) -> None:
    before = snapshot(project)
    changes = project.codes.split(seeded.code, seeded.codings[:2], "Rekap manual Excel")
    new = changes.result
    assert new is not None and new.parent_id == seeded.code and new.color == "#aa3377"
    moved = {c.id: c.code_id for c in project.codings.list()}
    assert moved == {seeded.codings[0]: new.id, seeded.codings[1]: new.id,
                     seeded.codings[2]: seeded.code}  # fmt: skip
    kept = project.codings.get(seeded.codings[0])
    assert (kept.start, kept.end, kept.valence) == (3, 40, "inhibiting")
    check_undo_redo(project, before, "Split code")


def test_split_into_sibling(project: Project, seeded: Seed) -> None:
    parent = project.codes.create("Struktur").result
    assert parent is not None
    project.codes.move(seeded.code, parent.id)
    before = snapshot(project)
    new = project.codes.split(seeded.code, [seeded.codings[2]], "Sosialisasi", as_child=False)
    assert new.result is not None and new.result.parent_id == parent.id
    check_undo_redo(project, before, "Split code")


def test_split_refuses_foreign_codings(project: Project, seeded: Seed) -> None:
    other = project.codes.create("Lain").result
    assert other is not None
    foreign = project.codings.apply(seeded.source, 0, 2, other.id).result
    assert foreign is not None
    before = snapshot(project)
    with pytest.raises(ValidationError):
        project.codes.split(seeded.code, [seeded.codings[0], foreign.id], "X")
    with pytest.raises(ValidationError):
        project.codes.split(seeded.code, [], "X")
    assert snapshot(project) == before  # nothing half-done


@pytest.mark.parametrize(
    ("selected", "name"),
    [
        ("  kami pakai Excel saja,\n ", "“kami pakai Excel saja”"),
        ('"belum tahu."', "“belum tahu”"),
        ("lewat/WhatsApp", "“lewat WhatsApp”"),
        (
            "Kalau data, ya kami pakai Excel saja, dikirim tiap bulan lewat WhatsApp ke operator",
            "“Kalau data, ya kami pakai Excel saja, dikirim tiap bulan…”",
        ),
    ],
)
def test_invivo_name(selected: str, name: str) -> None:
    assert invivo_name(selected) == name
    assert len(invivo_name(selected)) <= 60 + 3


def test_invivo_name_needs_words() -> None:
    with pytest.raises(ValidationError):
        invivo_name(" ... ")


def test_code_in_vivo(project: Project, seeded: Seed) -> None:
    start = TEXT.index("pakai Excel saja")
    end = start + len("pakai Excel saja")
    before = snapshot(project)
    changes = project.codings.in_vivo(seeded.source, start, end, parent_id=seeded.code)
    assert changes.result is not None
    code, coding = changes.result
    assert code.name == "“pakai Excel saja”" and code.parent_id == seeded.code
    assert (coding.code_id, coding.start, coding.end) == (code.id, start, end)
    check_undo_redo(project, before, "Code in vivo")
    # the same words again (here with the comma after them) gather under the same code
    again = project.codings.in_vivo(seeded.source, start, end + 1, parent_id=seeded.code).result
    assert again is not None and again[0].id == code.id
    assert [c.name for c in project.codes.children(seeded.code)] == ["“pakai Excel saja”"]
    assert project.undo_label() == "Code in vivo"
    with pytest.raises(ValidationError):
        project.codings.in_vivo(seeded.source, 5, 500)


def test_in_vivo_refuses_without_a_trace(project: Project, seeded: Seed) -> None:
    before = snapshot(project)
    label = project.undo_label()
    for args, kwargs in (
        ((5, 500), {}),  # outside the text
        ((TEXT.index(", ya"), TEXT.index(", ya") + 2), {}),  # ", " has no words
        ((3, 10), {"parent_id": 9999}),  # no such parent code
    ):
        with pytest.raises((ValidationError, NotFoundError)):
            project.codings.in_vivo(seeded.source, *args, **kwargs)
    assert snapshot(project) == before and project.undo_label() == label


def test_create_and_apply_is_one_step_and_a_failure_leaves_nothing(
    project: Project, seeded: Seed
) -> None:
    before = snapshot(project)
    code, coding = project.codings.apply_new_code(seeded.source, 3, 9, "Data").result or ()
    assert (coding.code_id, coding.start, coding.end) == (code.id, 3, 9)
    check_undo_redo(project, before, "Code with a new code")
    after = snapshot(project)
    label = project.undo_label()
    # a name already taken: the code is refused and nothing is coded, no undo step
    with pytest.raises(ValidationError):
        project.codings.apply_new_code(seeded.source, 10, 20, "integrasi DATA")
    # a bad range after a good name: the new code is taken back too
    with pytest.raises(ValidationError):
        project.codings.apply_new_code(seeded.source, 10, 9999, "Baru")
    assert snapshot(project) == after and project.undo_label() == label
    assert "Baru" not in {c.name for c in project.codes.all()}


def test_create_and_recode_is_one_step(project: Project, seeded: Seed) -> None:
    before = snapshot(project)
    code, codings = project.codings.recode_new_code(seeded.codings[:2], "Rekap").result or ()
    assert {c.code_id for c in codings} == {code.id}
    check_undo_redo(project, before, "Recode")
    after, label = snapshot(project), project.undo_label()
    with pytest.raises(NotFoundError):
        project.codings.recode_new_code([9999], "Lagi")
    assert snapshot(project) == after and project.undo_label() == label


def test_move_many_beside_and_under(project: Project) -> None:
    ids = {}
    for name in "ABCD":
        created = project.codes.create(name).result
        assert created is not None
        ids[name] = created.id

    def top() -> str:
        return "".join(c.name for c in project.codes.children(None))

    before = snapshot(project)
    project.codes.move_many([ids["A"], ids["B"]], beside=ids["D"], after=True)
    assert top() == "CDAB"
    check_undo_redo(project, before, "Move code")
    project.codes.move_many([ids["A"]], beside=ids["C"])  # above: just before C
    assert top() == "ACDB"
    project.codes.move_many([ids["A"]], beside=ids["D"])  # from before, onto D's place
    assert top() == "CADB"
    project.codes.move_many([ids["B"], ids["D"]], ids["C"])
    assert top() == "CA"
    assert [c.name for c in project.codes.children(ids["C"])] == ["B", "D"]
    project.codes.move_many([ids["D"]], None, position=0)
    assert top() == "DCA"
    after, label = snapshot(project), project.undo_label()
    with pytest.raises(ValidationError):  # C under its own sub-code B: nothing moves
        project.codes.move_many([ids["A"], ids["C"]], ids["B"])
    assert snapshot(project) == after and project.undo_label() == label
