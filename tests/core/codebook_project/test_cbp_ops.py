"""Split a code and in-vivo coding: results, errors, undo and redo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from qualcode.coding.code_refine import code_in_vivo, invivo_name, split_code
from qualcode.errors import ValidationError
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
    changes = split_code(project, seeded.code, seeded.codings[:2], "Rekap manual Excel")
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
    new = split_code(project, seeded.code, [seeded.codings[2]], "Sosialisasi", as_child=False)
    assert new.result is not None and new.result.parent_id == parent.id
    check_undo_redo(project, before, "Split code")


def test_split_refuses_foreign_codings(project: Project, seeded: Seed) -> None:
    other = project.codes.create("Lain").result
    assert other is not None
    foreign = project.codings.apply(seeded.source, 0, 2, other.id).result
    assert foreign is not None
    before = snapshot(project)
    with pytest.raises(ValidationError):
        split_code(project, seeded.code, [seeded.codings[0], foreign.id], "X")
    with pytest.raises(ValidationError):
        split_code(project, seeded.code, [], "X")
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
    changes = code_in_vivo(project, seeded.source, start, end, parent_id=seeded.code)
    assert changes.result is not None
    code, coding = changes.result
    assert code.name == "“pakai Excel saja”" and code.parent_id == seeded.code
    assert (coding.code_id, coding.start, coding.end) == (code.id, start, end)
    check_undo_redo(project, before, "Code in vivo")
    # the same words again get a unique name among siblings, in one more step
    again = code_in_vivo(project, seeded.source, start, end, parent_id=seeded.code).result
    assert again is not None and again[0].name == "“pakai Excel saja” (2)"
    with pytest.raises(ValidationError):
        code_in_vivo(project, seeded.source, 5, 500)
