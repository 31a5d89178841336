"""Opening, locking, backups, schema versions: a project file always opens or says why."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qualcode.errors import NewerSchemaError, ProjectError, ProjectLockedError, ReadOnlyError
from qualcode.project import Project
from qualcode.store import backup, migrations
from support.snapshots import snapshot

DATA = Path(__file__).resolve().parents[2] / "data" / "projects"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _make(path: Path) -> None:
    with Project.create(path, coder="ana") as p:
        src = p.sources.add_text("W1", "Sosialisasi belum merata.").result
        code = p.codes.create("Komunikasi").result
        assert src and code
        p.codings.apply(src.id, 0, 11, code.id)


def test_second_writer_is_told_who_has_it(project_path: Path) -> None:
    _make(project_path)
    with Project.open(project_path, coder="ana"):
        with pytest.raises(ProjectLockedError, match=r"ana on .* \(pid \d+\)"):
            Project.open(project_path, coder="budi")
        with Project.open(project_path, coder="budi", read_only=True) as ro:
            assert ro.info().codings == 1
            with pytest.raises(ReadOnlyError):
                ro.codes.create("X")
    with Project.open(project_path, coder="budi") as p:  # released on close
        assert p.info().codes == 1


def test_lock_of_a_killed_process_does_not_block(project_path: Path) -> None:
    _make(project_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from qualcode.project import Project
            p = Project.open({str(project_path)!r}, coder="ghost", backups=False)
            print("open", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(ProjectLockedError, match="ghost"):
            Project.open(project_path)
        holder.kill()
        holder.wait()
        with Project.open(project_path, coder="ana") as p:
            assert p.info().codings == 1
    finally:
        holder.kill()


def test_rolling_backups_are_kept_and_open(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    monkeypatch.setattr(backup, "ROLLING_INTERVAL", timedelta(0))
    _make(project_path)
    for _ in range(backup.KEEP_ROLLING + 2):
        Project.open(project_path, coder="ana").close()
    copies = backup.list_backups(project_path)
    assert len(copies) == backup.KEEP_ROLLING
    with Project.open(copies[-1], coder="ana", read_only=True) as copy:
        assert copy.info().codings == 1


def test_newer_schema_is_refused_untouched(project_path: Path) -> None:
    _make(project_path)
    con = sqlite3.connect(project_path)
    con.execute("UPDATE project_info SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    before = _digest(project_path)
    with pytest.raises(NewerSchemaError, match="newer version of QualCode"):
        Project.open(project_path)
    with pytest.raises(NewerSchemaError):
        Project.open(project_path, read_only=True)
    assert _digest(project_path) == before
    assert not backup.list_backups(project_path)


def test_not_a_project(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.qdaproj"
    bogus.write_text("just text")
    with pytest.raises(ProjectError, match="not a QualCode project"):
        Project.open(bogus)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ProjectError, match="not a QualCode project"):
        Project.open(other)
    with pytest.raises(ProjectError, match="does not exist"):
        Project.open(tmp_path / "missing.qdaproj")


def test_create_refuses_to_overwrite(project_path: Path) -> None:
    _make(project_path)
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(project_path)


def test_older_schema_is_upgraded_after_a_backup(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The migration machinery: a v1 project opened by a (simulated) v2 QualCode."""
    _make(project_path)
    with Project.open(project_path, coder="ana", read_only=True) as p:
        before = snapshot(p)

    def add_table(conn) -> None:
        conn.exec_driver_sql("CREATE TABLE extra_v2 (id INTEGER PRIMARY KEY, note TEXT)")

    nxt = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(migrations.MIGRATIONS, nxt, add_table)
    with pytest.raises(ProjectError, match="older project format"):
        Project.open(project_path, read_only=True)
    with Project.open(project_path, coder="ana") as p:
        assert p.info().schema_version == nxt
        assert snapshot(p) == before
    names = [c.name for c in backup.list_backups(project_path)]
    assert any(n.startswith(f"before-upgrade-from-v{nxt - 1}") for n in names)
    upgraded = sqlite3.connect(project_path)
    assert upgraded.execute("SELECT count(*) FROM extra_v2").fetchone() == (0,)
    upgraded.close()


def test_failed_migration_leaves_the_old_version(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make(project_path)

    def broken(conn) -> None:
        conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("power cut in the middle")

    nxt = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(migrations.MIGRATIONS, nxt, broken)
    with pytest.raises(RuntimeError):
        Project.open(project_path)
    con = sqlite3.connect(project_path)
    assert con.execute("SELECT value FROM project_info WHERE key='schema_version'").fetchone() == (
        str(nxt - 1),
    )
    assert not con.execute("SELECT name FROM sqlite_master WHERE name='half_done'").fetchall()
    con.close()


@pytest.mark.parametrize("fixture", sorted(p.name for p in DATA.glob("schema-v*.qdaproj")))
def test_projects_of_every_released_schema_open(tmp_path: Path, fixture: str) -> None:
    """Projects saved by each released schema version open (upgraded) with their data."""
    copy = tmp_path / fixture
    copy.write_bytes((DATA / fixture).read_bytes())
    with Project.open(copy, coder="ana") as p:
        info = p.info()
        assert info.schema_version == migrations.SCHEMA_VERSION
        assert info.sources >= 1 and info.codings >= 1 and info.codes >= 1
        assert all(p.sources.text(s.id) for s in p.sources.all())


def test_closed_project_is_one_complete_file(project_path: Path, tmp_path: Path) -> None:
    """After close, copying only the .qdaproj (no -wal beside it) keeps everything."""
    _make(project_path)
    copy = tmp_path / "emailed.qdaproj"
    copy.write_bytes(project_path.read_bytes())
    with Project.open(copy, coder="ana") as p:
        assert p.info().codings == 1
