"""Operations refuse bad input with typed errors and clear messages, changing nothing."""

from __future__ import annotations

import pytest

from qualcode.errors import NotFoundError, ValidationError
from qualcode.project import Project
from support.snapshots import TEXT, snapshot


@pytest.fixture
def seeded(project: Project) -> tuple[Project, int, int, int]:
    src = project.sources.add_text("W1", TEXT).result
    a = project.codes.create("A").result
    b = project.codes.create("B", parent_id=a.id).result  # type: ignore[union-attr]
    assert src and a and b
    return project, src.id, a.id, b.id


def test_coding_past_the_end(seeded: tuple[Project, int, int, int]) -> None:
    p, src, a, _ = seeded
    before = snapshot(p)
    with pytest.raises(ValidationError, match="not inside the text"):
        p.codings.apply(src, 10, len(TEXT) + 1, a)
    with pytest.raises(ValidationError, match="start < end"):
        p.codings.apply(src, 10, 10, a)
    with pytest.raises(ValidationError):
        p.codings.apply(src, -1, 5, a)
    assert snapshot(p) == before


def test_same_code_same_range_same_coder_refused(seeded: tuple[Project, int, int, int]) -> None:
    p, src, a, _ = seeded
    p.codings.apply(src, 0, 5, a)
    with pytest.raises(ValidationError, match="already has that code"):
        p.codings.apply(src, 0, 5, a)
    p.codings.apply(src, 0, 6, a)  # an overlapping range is normal


def test_other_coder_may_code_the_same_range(project_path) -> None:
    with Project.create(project_path, coder="ana") as p:
        src = p.sources.add_text("W1", TEXT).result
        a = p.codes.create("A").result
        assert src and a
        p.codings.apply(src.id, 0, 5, a.id)
    with Project.open(project_path, coder="budi", backups=False) as p:
        p.codings.apply(src.id, 0, 5, a.id)
        assert len(p.codings.list()) == 2
        assert {c.coder_id for c in p.codings.list()} == {1, 2}


def test_duplicate_sibling_name_and_cycles(seeded: tuple[Project, int, int, int]) -> None:
    p, _, a, b = seeded
    with pytest.raises(ValidationError, match="already exists"):
        p.codes.create("a")  # case-insensitive among siblings
    p.codes.create("B")  # same name under another parent is fine
    with pytest.raises(ValidationError, match="under itself"):
        p.codes.move(a, b)
    with pytest.raises(ValidationError, match="under itself"):
        p.codes.move(a, a)
    with pytest.raises(ValidationError, match="already exists"):
        p.codes.move(b, None)  # a top-level "B" exists now


def test_bad_values(seeded: tuple[Project, int, int, int]) -> None:
    p, src, a, _ = seeded
    with pytest.raises(ValidationError, match="colour"):
        p.codes.create("C", color="red")
    with pytest.raises(ValidationError, match="Valence"):
        p.codings.apply(src, 0, 5, a, valence="good")
    with pytest.raises(ValidationError, match="not a date"):
        p.codings.apply(src, 0, 5, a, event_date="27 Mei")
    with pytest.raises(ValidationError, match="needs a name"):
        p.codes.create("  ")
    with pytest.raises(ValidationError, match="kind"):
        p.sources.add_text("X", "text", kind="video")
    with pytest.raises(ValidationError, match="no text"):
        p.sources.add_text("X", "   ")
    with pytest.raises(ValidationError, match="already exists"):
        p.sources.add_text("W1", "other text")


def test_missing_objects(seeded: tuple[Project, int, int, int]) -> None:
    p, src, a, _ = seeded
    with pytest.raises(NotFoundError):
        p.codings.apply(src, 0, 5, 999)
    with pytest.raises(NotFoundError):
        p.codings.apply(999, 0, 5, a)
    with pytest.raises(NotFoundError):
        p.codes.find("Nope")
    with pytest.raises(NotFoundError):
        p.codings.remove([12345])


def test_find_by_path_and_ambiguity(seeded: tuple[Project, int, int, int]) -> None:
    p, _, _a, b = seeded
    assert p.codes.find("A/B").id == b
    p.codes.create("B")
    with pytest.raises(ValidationError, match="Several codes"):
        p.codes.find("B")
    assert p.codes.find("a/b").id == b


def test_attribute_types(project: Project) -> None:
    case = project.cases.create("I1").result
    rank = project.attributes.define("Peringkat", type="number").result
    when = project.attributes.define("Tanggal", type="date").result
    sector = project.attributes.define(
        "Sektor", type="category", allowed_values=["pemerintah", "masyarakat"]
    ).result
    assert case and rank and when and sector
    project.attributes.set_value(rank.id, "2", case_id=case.id)
    project.attributes.set_value(when.id, "2024-03-05", case_id=case.id)
    project.attributes.set_value(sector.id, "pemerintah", case_id=case.id)
    from datetime import date

    assert project.cases.get(case.id).attributes == {
        "Peringkat": 2,
        "Tanggal": date(2024, 3, 5),
        "Sektor": "pemerintah",
    }
    with pytest.raises(ValidationError, match="number"):
        project.attributes.set_value(rank.id, "dua", case_id=case.id)
    with pytest.raises(ValidationError, match="not one of the values"):
        project.attributes.set_value(sector.id, "swasta", case_id=case.id)
    with pytest.raises(ValidationError, match="in use"):
        project.attributes.update(sector.id, allowed_values=["masyarakat"])
    src = project.sources.add_text("W1", "teks").result
    assert src
    with pytest.raises(ValidationError, match="attribute of cases"):
        project.attributes.set_value(rank.id, 1, source_id=src.id)


def test_case_cycle_refused(project: Project) -> None:
    a = project.cases.create("Diskominfo", kind="organisation").result
    b = project.cases.create("I1").result
    assert a and b
    project.cases.set_parent(b.id, a.id)
    with pytest.raises(ValidationError, match="inside itself"):
        project.cases.set_parent(a.id, b.id)
