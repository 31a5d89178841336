"""Backups a user can restore: time-based rolling copies (CLI and app), pruning, a full
disk that warns instead of blocking, ``qualcode backups list|restore``, and a REFI
import into a new file that is all or nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qualcode import failures
from qualcode.cli.main import cli
from qualcode.errors import BackupSkippedError, DiskFullError, ProjectLockedError
from qualcode.project import Project
from qualcode.store import backup
from support.snapshots import file_checksum


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result.output


def _make(path: Path) -> None:
    with Project.create(path, coder="ana") as p:
        p.codes.create("Anggaran")


def _fake_copy(project: Path, prefix: str, when: datetime) -> Path:
    folder = backup.backup_dir(project)
    folder.mkdir(exist_ok=True)
    target = folder / f"{prefix}{when.strftime('%Y%m%dT%H%M%S%fZ')}.qdaproj"
    target.write_bytes(project.read_bytes())
    return target


def test_rolling_backups_are_time_based(project_path: Path) -> None:
    _make(project_path)
    for _ in range(4):
        Project.open(project_path, coder="ana").close()
    assert len(backup.list_backups(project_path)) == 1
    (only,) = backup.list_backups(project_path)
    old = datetime.now(UTC) - backup.ROLLING_INTERVAL - timedelta(minutes=1)
    only.rename(only.with_name(f"auto-{old.strftime('%Y%m%dT%H%M%S%fZ')}.qdaproj"))
    Project.open(project_path, coder="ana").close()
    assert len(backup.list_backups(project_path)) == 2


def test_cli_writes_keep_backups_but_a_loop_copies_once(project_path: Path) -> None:
    _make(project_path)
    ok("info", str(project_path))
    assert backup.list_backups(project_path) == []  # reading makes no copy
    for name in ("A", "B", "C"):
        ok("code", "add", str(project_path), name)
    assert len(backup.list_backups(project_path)) == 1


def test_pruning_ignores_wal_shm_and_prunes_upgrade_copies(project_path: Path) -> None:
    _make(project_path)
    now = datetime.now(UTC)
    for n in range(7):
        copy = _fake_copy(project_path, "auto-", now - timedelta(hours=n + 1))
        copy.with_name(copy.name + "-wal").write_bytes(b"")
        copy.with_name(copy.name + "-shm").write_bytes(b"")
    for n in range(5):
        _fake_copy(project_path, "before-upgrade-from-v1-", now - timedelta(days=n + 1))
    (backup.backup_dir(project_path) / "auto-x.qdaproj.partial").write_bytes(b"")
    listed = backup.backups(project_path)
    assert len(listed) == 12
    assert all(b.path.suffix == ".qdaproj" for b in listed)
    backup.prune(project_path)
    names = sorted(p.name for p in backup.backup_dir(project_path).iterdir())
    rolling = sum(n.startswith("auto-") for n in names)
    assert rolling == 3 * backup.KEEP_ROLLING  # each kept copy with its -wal and -shm
    assert sum(n.startswith("before-upgrade-") for n in names) == backup.KEEP_UPGRADE
    assert not [n for n in names if n.endswith(".partial")]
    kept = {b.path.name for b in backup.backups(project_path)}
    assert all(n.removesuffix("-wal").removesuffix("-shm") in kept for n in names)


def test_full_disk_warns_and_opens_without_a_partial_copy(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make(project_path)
    monkeypatch.setattr(failures, "free_bytes", lambda _where: 1000)
    monkeypatch.setattr(backup, "free_bytes", lambda _where: 1000)
    with Project.open(project_path, coder="ana") as p:
        assert [type(w) for w in p.warnings] == [BackupSkippedError]
        assert "disk is full" in p.warnings[0].message
        p.codes.create("Koordinasi")
    assert not list(backup.backup_dir(project_path).iterdir())
    result = run("code", "add", str(project_path), "Jaringan")
    assert result.exit_code == 0 and "Warning: No backup copy" in result.output


def test_copy_failing_midway_leaves_nothing(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make(project_path)
    real = backup.sqlite_connect

    class Full:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def backup(self, target: sqlite3.Connection) -> None:
            target.execute("CREATE TABLE half (x)")  # something was written
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(backup, "sqlite_connect", lambda p, **kw: Full(real(p, **kw)))
    with pytest.raises(DiskFullError):
        backup.make_backup(project_path)
    assert list(backup.backup_dir(project_path).iterdir()) == []
    with Project.open(project_path, coder="ana") as p:
        assert p.warnings and p.info().codes == 1


def test_backups_list_and_restore(project_path: Path) -> None:
    _make(project_path)
    ok("code", "add", str(project_path), "Koordinasi")  # the copy holds Anggaran only
    listing = ok("backups", "list", str(project_path))
    assert "auto" in listing and "1" in listing
    assert "Koordinasi" in ok("code", "list", str(project_path))
    ok("backups", "restore", str(project_path))
    codes = ok("code", "list", str(project_path))
    assert "Anggaran" in codes and "Koordinasi" not in codes
    before_restore = [b for b in Project.backups(project_path) if b.reason == "before-restore"]
    assert len(before_restore) == 1
    ok("backups", "restore", str(project_path), before_restore[0].path.name)
    assert "Koordinasi" in ok("code", "list", str(project_path))


def test_restore_is_refused_while_the_project_is_open(project_path: Path) -> None:
    _make(project_path)
    Project.open(project_path, coder="ana").close()
    with Project.open(project_path, coder="budi", backups=False):
        before = file_checksum(project_path)
        with pytest.raises(ProjectLockedError):
            Project.restore_backup(project_path)
        result = run("backups", "restore", str(project_path))
        assert result.exit_code == 1 and "Error: The project is open" in result.output
    assert file_checksum(project_path) == before


def test_restore_a_damaged_project(project_path: Path) -> None:
    _make(project_path)
    Project.open(project_path, coder="ana").close()
    data = bytearray(project_path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    project_path.write_bytes(bytes(data))
    assert "damaged" in run("info", str(project_path)).output
    ok("backups", "restore", str(project_path), "1")
    assert "Anggaran" in ok("code", "list", str(project_path))
    kept = [b for b in Project.backups(project_path) if b.reason in ("damaged", "before-restore")]
    assert kept and kept[0].path.read_bytes()[100:200] == b"\xa5" * 100  # the damaged file


def test_unknown_backup_is_a_clear_error(project_path: Path) -> None:
    _make(project_path)
    result = run("backups", "restore", str(project_path))
    assert result.exit_code == 1 and "has no backups" in result.output
    Project.open(project_path, coder="ana").close()
    result = run("backups", "restore", str(project_path), "9")
    assert result.exit_code == 1 and "no backup 9" in result.output


def test_refi_import_into_new_file_is_all_or_nothing(
    sample_study_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.interop.refi.project import importer as refi_import

    qdpx = tmp_path / "sampel.qdpx"
    ok("refi", "export", str(sample_study_file), str(qdpx))
    target = tmp_path / "baru.qdaproj"

    def crash(path: object, project: Project, **kw: object) -> None:
        project.codes.create("setengah")  # the half-made file exists now
        raise RuntimeError("killed")  # as good as a kill for the files left behind

    monkeypatch.setattr(refi_import, "import_refi", crash)
    with pytest.raises(RuntimeError, match="killed"):
        run("refi", "import", str(qdpx), str(target))
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sampel.qdpx"]
    ok("refi", "import", str(qdpx), str(target))
    assert not [p.name for p in tmp_path.iterdir() if "importing" in p.name]
    with Project.open(target, read_only=True) as p:
        # the title travels in the file (Project@name), not the new file's name
        assert p.info().title.startswith("Implementing the Smart Regency") and p.info().sources > 0
    assert not [p.name for p in tmp_path.iterdir() if "importing" in p.name]


def test_no_room_even_for_the_backup_folder_still_opens(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    _make(project_path)
    real_mkdir = Path.mkdir

    def full(self: Path, *args: object, **kwargs: object) -> None:
        if self.name.endswith(".backups"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", full)
    with Project.open(project_path, coder="ana") as p:
        assert "disk is full" in p.warnings[0].message
        assert p.info().codes == 1
    assert not backup.backup_dir(project_path).exists()
