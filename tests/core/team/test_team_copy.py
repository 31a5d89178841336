"""``team push``/``pull`` copy a project losslessly; ids never come back after undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from qualcode.errors import ProjectError
from qualcode.project import Project
from qualcode.store.models import AuditEntry, ProjectInfo, UndoStep
from qualcode.team.sync import pull, push
from support.snapshots import TEXT, snapshot


def _seed(p: Project) -> None:
    meta = {"header": {"opd": "Diskominfo"}}
    src = p.sources.add_text(
        "W1 Kadis", TEXT, language="id", original=b"\x00\xffraw", original_name="w1.docx", meta=meta
    ).result
    assert src is not None
    a = p.codes.create("Komunikasi", labels={"en": "Communication"}).result
    assert a is not None
    child = p.codes.create("Transmisi", parent_id=a.id).result
    b = p.codes.create("Sumber daya").result
    assert child and b
    p.codes.move(a.id, b.id)  # a parent (b) with a higher id than its child (a)
    p.codings.apply(src.id, 3, 30, child.id, valence="inhibiting")
    p.codings.apply(src.id, 10, 40, b.id)
    case = p.cases.create("I1").result
    org = p.cases.create("Diskominfo", kind="organisation").result
    assert case and org
    p.cases.set_parent(org.id, None)
    p.cases.set_parent(case.id, org.id)
    role = p.attributes.define("Jabatan", type="category", allowed_values=["Kadis"]).result
    assert role
    p.attributes.set_value(role.id, "Kadis", case_id=case.id)
    p.memos.create("Sosialisasi timpang.", title="Awal", target="code", target_id=child.id)
    gone = p.codes.create("Hapus saya").result  # the highest code id, then deleted
    assert gone
    p.codes.delete(gone.id)


def _history(p: Project) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with p.reading() as conn:
        for m in (UndoStep, AuditEntry, ProjectInfo):
            table = m.__table__
            query = select(table).order_by(*table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(query)]
    return out


@pytest.fixture
def seeded_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.qdaproj"
    with Project.create(path, coder="ana") as p:
        _seed(p)
    return path


def test_push_then_pull_is_identical(seeded_file: Path, pg_url: str, tmp_path: Path) -> None:
    with Project.open(seeded_file, coder="ana", backups=False) as p:
        before, history = snapshot(p), _history(p)
    report = push(seeded_file, pg_url)
    assert report.rows["coding"] == 2 and report.rows["undo_step"] > 10
    with Project.open(pg_url, coder="ana") as server:
        assert snapshot(server) == before
        assert _history(server) == history
    back = tmp_path / "back.qdaproj"
    pull(pg_url, back)
    with Project.open(back, coder="ana", backups=False) as p:
        assert snapshot(p) == before
        assert _history(p) == history


def test_undo_history_works_on_the_server(seeded_file: Path, pg_url: str) -> None:
    with Project.open(seeded_file, coder="ana", backups=False) as p:
        before_delete = None
        p.undo()  # undo the delete of "Hapus saya" on the file, to compare with the server
        before_delete = snapshot(p)
        p.redo()
    push(seeded_file, pg_url)
    with Project.open(pg_url, coder="ana") as server:
        assert server.undo_label() == "Delete code"
        # A new code must not take the deleted code's id: undo has to bring that id back.
        new = server.codes.create("Baru").result
        assert new is not None
        server.undo()  # the new code
        server.undo()  # the delete: re-inserts the old id
        assert snapshot(server) == before_delete
        again = server.codes.create("Baru lagi").result
        assert again is not None and again.id > new.id


def test_sequences_never_reuse_ids_after_undo(project: Project) -> None:
    first = project.codes.create("A").result
    assert first is not None
    project.codes.delete(first.id)
    project.undo()  # re-inserts the row with its explicit id
    second = project.codes.create("B").result
    assert second is not None and second.id > first.id
    project.codes.delete(second.id)
    project.codes.delete(first.id)
    project.undo()
    project.undo()
    third = project.codes.create("C").result
    assert third is not None and third.id > second.id


def test_explicit_ids_past_the_sequence_move_it(pg_url: str) -> None:
    """Undo re-inserting an id the sequence never handed out (copied data) moves it on."""
    with Project.create(pg_url, coder="ana") as p:
        code = p.codes.create("A").result
        assert code is not None
        with p.engine.begin() as conn:  # simulate a copy that forgot the counters
            conn.execute(text("SELECT setval(pg_get_serial_sequence('code', 'id'), 1, false)"))
        p.codes.delete(code.id)
        p.undo()
        new = p.codes.create("B").result
        assert new is not None and new.id > code.id


def test_push_refuses_a_non_empty_target(seeded_file: Path, pg_url: str, tmp_path: Path) -> None:
    push(seeded_file, pg_url)
    other = tmp_path / "other.qdaproj"
    with Project.create(other, coder="budi") as p:
        p.codes.create("Lain")
    with pytest.raises(ProjectError, match="already holds a project"):
        push(other, pg_url)
    with Project.open(pg_url) as server:
        assert server.codes.find("Komunikasi") is not None
    push(other, pg_url, force=True)
    with Project.open(pg_url) as server:
        assert [c.name for c in server.codes.all()] == ["Lain"]


def test_pull_refuses_an_existing_file(seeded_file: Path, pg_url: str, tmp_path: Path) -> None:
    push(seeded_file, pg_url)
    target = tmp_path / "copy.qdaproj"
    with Project.create(target, coder="ana") as p:
        p.codes.create("Lokal")
    with pytest.raises(ProjectError, match="already exists"):
        pull(pg_url, target)
    with Project.open(target, backups=False) as p:
        assert [c.name for c in p.codes.all()] == ["Lokal"]
    pull(pg_url, target, force=True)
    with Project.open(target, backups=False) as p:
        names = {c.name for c in p.codes.all()}
        assert "Komunikasi" in names and "Lokal" not in names
        new = p.codes.create("Sesudah").result
        with Project.open(pg_url) as server:
            top = max(c.id for c in server.codes.all())
        assert new is not None and new.id > top + 1  # past the deleted code's id too


def test_pull_of_a_deleted_highest_id_keeps_counters(pg_url: str, tmp_path: Path) -> None:
    with Project.create(pg_url, coder="ana") as p:
        keep = p.codes.create("A").result
        gone = p.codes.create("B").result
        assert keep and gone
        p.codes.delete(gone.id)
    back = tmp_path / "back.qdaproj"
    pull(pg_url, back)
    with Project.open(back, coder="ana", backups=False) as p:
        new = p.codes.create("C").result
        assert new is not None and new.id > gone.id
        p.undo()
        p.undo()  # restores B with its id
        assert p.codes.get(gone.id).name == "B"


def test_url_location_hides_the_password(pg_url: str) -> None:
    url = pg_url.replace("qctest@", "qctest:secret@")
    with Project.create(url, coder="ana") as p:
        assert "secret" not in p.location
        assert "secret" not in p.info().path
