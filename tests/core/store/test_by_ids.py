"""Reads of many rows at once (``store.by_ids``: the ids in the statement's text; code lineages)
give the rows plain reads give, on SQLite and PostgreSQL, and refuse what they cannot do."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from qualcode.project import Project
from qualcode.store import tables as t
from qualcode.store.by_ids import ByIds


@pytest.fixture(params=["sqlite", "postgresql"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Project:
    where = (
        tmp_path / "p.qdaproj" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    )
    p = Project.create(where, coder="ana")
    yield p  # type: ignore[misc]
    p.close()


def test_texts_links_and_cases_read_by_id_equal_the_plain_reads(project: Project) -> None:
    p = project
    sources = [p.sources.add_text(f"W{i}", f"baris {i}\nkedua\n").result for i in range(4)]
    cases = [p.cases.create(f"Informan {i}").result for i in range(3)]
    role = p.attributes.define("Jabatan").result
    p.attributes.set_value(role.id, "Kasi", case_id=cases[0].id)
    p.cases.link(cases[0].id, sources[0].id)
    p.cases.link(cases[1].id, sources[1].id, start=0, end=7, speaker="I1")
    p.cases.link(cases[2].id, sources[1].id)
    ids = [s.id for s in sources[:3]] + [99999]
    assert p.sources.texts(ids) == {s.id: p.sources.text(s.id) for s in sources[:3]}
    everything = p.cases.links()
    assert p.cases.links(sources=ids) == [lk for lk in everything if lk.source_id in ids]
    many = p.cases.many([c.id for c in cases] + [99999])
    assert many == sorted(p.cases.all(), key=lambda c: (c.name, c.id))
    assert many[0].attributes == {"Jabatan": "Kasi"} and many[1].attributes == {}
    assert p.sources.texts([]) == {} and p.cases.many([]) == [] and p.cases.links(sources=[]) == []


def test_ids_are_read_in_chunks_and_as_integers(project: Project) -> None:
    made = [project.codes.create(f"K{i}").result.id for i in range(3)]
    read = ByIds(select(t.code.c.id, t.code.c.name).order_by(t.code.c.id), t.code.c.id)
    asked = [*range(100000, 101200), *made, str(made[0])]  # more than one chunk of 500
    with project.reading() as conn:
        rows = read.rows(conn, asked)  # type: ignore[arg-type]
    assert [r[0] for r in sorted(rows)] == made
    with pytest.raises(ValueError):
        bad = ByIds(select(t.code.c.id).where(t.code.c.name == "K0"), t.code.c.id)
        with project.reading() as conn:
            bad.rows(conn, made)
    with pytest.raises(ValueError), project.reading() as conn:
        ByIds(select(t.code.c.id), t.code.c.id).rows(conn, ["1); DROP TABLE code; --"])  # type: ignore[list-item]


def test_code_lineage_reads_the_codes_their_children_and_parents(project: Project) -> None:
    top = project.codes.create("Atas").result
    mid = project.codes.create("Tengah", parent_id=top.id).result
    low = project.codes.create("Bawah", parent_id=mid.id).result
    other = project.codes.create("Lain").result
    assert [c.id for c in project.codes.lineage([mid.id])] == [top.id, mid.id, low.id]
    assert [c.id for c in project.codes.lineage([mid.id], children=False)] == [top.id, mid.id]
    assert [c.id for c in project.codes.lineage([low.id, other.id, 99999])] == [
        top.id, mid.id, low.id, other.id,
    ]  # fmt: skip
    assert project.codes.lineage([]) == []


def test_one_codes_excerpts_read_alike_on_both_engines(project: Project) -> None:
    from qualcode.export.selection import ExcerptFilter, select_excerpts

    p = project
    text = "P: Bagaimana?\nI: Anggaran kurang.\n\nI: SDM juga kurang.\n"
    src = p.sources.add_text("Wawancara 1", text).result
    informant = p.cases.create("Informan 1").result
    role = p.attributes.define("Jabatan").result
    p.attributes.set_value(role.id, "Kasi", case_id=informant.id)
    p.cases.link(informant.id, src.id)
    top = p.codes.create("Kendala").result
    leaf = p.codes.create("Anggaran", parent_id=top.id).result
    for start in (text.index("SDM"), text.index("Anggaran")):  # out of text order
        p.codings.apply(src.id, start, start + 8, leaf.id)
    got = select_excerpts(p, ExcerptFilter(codes=[top.id]))
    assert [(e.text, e.paragraph, e.case, e.citation, e.code_path) for e in got] == [
        ("Anggaran", 2, "Informan 1", "Informan 1 — Kasi, par. 2", ("Kendala", "Anggaran")),
        ("SDM juga", 4, "Informan 1", "Informan 1 — Kasi, par. 4", ("Kendala", "Anggaran")),
    ]
    assert got[0].case_attributes == {"Jabatan": "Kasi"}
