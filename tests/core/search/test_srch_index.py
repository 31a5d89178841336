"""The index follows the sources: add, delete, undo, redo, language changes; it is never undone."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from qualcode.project import Project
from qualcode.search.index import PgIndex, SqliteIndex, fts_term, open_index
from qualcode.search.search import search
from support.snapshots import snapshot


def indexed_ids(p: Project) -> set[int] | None:
    """Sources in the stored index tables (SQLite and PostgreSQL)."""
    with p.reading() as conn:
        return {r[0] for r in conn.execute(text("SELECT source_id FROM search_doc"))}


def test_index_follows_add_delete_undo_redo(project: Project) -> None:
    a = project.sources.add_text(
        "A", "Warga mengeluhkan sinyal zebrakuda di desa.", language="id"
    ).result
    assert [h.source_id for h in search(project, "zebrakuda")] == [a.id]
    b = project.sources.add_text("B", "The zebrakuda signal is weak.", language="en").result
    assert {h.source_id for h in search(project, "zebrakuda")} == {a.id, b.id}
    assert open_index(project).languages() == {a.id: "id", b.id: "en"}
    expected = SqliteIndex if project.engine.dialect.name == "sqlite" else PgIndex
    assert isinstance(open_index(project), expected)

    project.sources.delete(a.id)
    # the delete hook dropped the index rows in the same transaction
    assert indexed_ids(project) == {b.id}
    assert [h.source_id for h in search(project, "zebrakuda")] == [b.id]

    project.undo()  # the source comes back; the next search re-indexes it
    assert {h.source_id for h in search(project, "zebrakuda")} == {a.id, b.id}
    project.undo()  # undo adding B
    assert [h.source_id for h in search(project, "zebrakuda")] == [a.id]
    assert indexed_ids(project) == {a.id}
    project.redo()
    assert {h.source_id for h in search(project, "zebrakuda")} == {a.id, b.id}


def test_index_is_not_part_of_snapshots_or_undo(project: Project) -> None:
    project.sources.add_text("A", "Sosialisasi aplikasi di desa.", language="id")
    before = snapshot(project)
    steps = project.undo_label()
    open_index(project)
    assert search(project, "aplikasi")
    assert snapshot(project) == before
    assert project.undo_label() == steps  # indexing added no undo step


def test_language_change_and_detection_reindex(project: Project) -> None:
    src = project.sources.add_text(
        "Notes", "Pelayanan publik dilayani oleh pegawai yang sudah dilatih dan melayani warga."
    ).result
    assert open_index(project).languages()[src.id] == "id"  # detected
    assert len(search(project, "layanan", "lemma")) == 3
    project.sources.update(src.id, language="en")
    assert open_index(project).languages()[src.id] == "en"
    assert len(search(project, "layanan", "lemma")) == 0  # English keys do not stem Indonesian


def test_rebuild_after_reopen_and_damage(project_path: Path) -> None:
    with Project.create(project_path, coder="ana") as p:
        p.sources.add_text("A", "Koordinasi antar OPD masih lemah.", language="id")
        assert len(search(p, "koordinasi")) == 1
    with Project.open(project_path, coder="ana", backups=False) as p:
        index = open_index(p)
        assert isinstance(index, SqliteIndex) and index.stale() == ([], [])
        with p.engine.begin() as conn:  # a half-written index: a row lost
            conn.execute(text("DELETE FROM search_doc"))
        assert len(search(p, "koordinasi")) == 1


def test_fts_terms_are_single_tokens() -> None:
    assert fts_term("ibu-ibu") == "ibu-ibu"
    assert fts_term("don't") == "don-t"
    assert fts_term("e-ktp") == "e-ktp"


def test_search_inside_an_operation_indexes_in_that_transaction(file_project: Project) -> None:
    p = file_project
    with p.undo_group("Add and code"):
        src = p.sources.add_text("A", "Sinyal lemah di desa.", language="id").result
        hits = search(p, "sinyal")  # the new source is indexed inside the open transaction
        code = p.codes.create("Sinyal").result
        p.codings.apply(src.id, hits[0].start, hits[0].end, code.id)
    assert [(h.start, h.end) for h in hits] == [(0, 6)]
    p.undo()
    assert search(p, "sinyal") == []
