"""Each real-world failure gives one clear, typed message and leaves the project as it was.

Fed through the CLI (click's runner, so a traceback would surface as an
exception) and checked with a checksum of every table before and after.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qualcode import failures
from qualcode.cli.main import cli
from qualcode.errors import DiskFullError, ProjectBusyError, ProjectDamagedError
from qualcode.project import Project
from qualcode.store import engine
from support.snapshots import TEXT, file_checksum


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def refused(result: Result, *words: str) -> str:
    """The command failed with exit code 1 and one ``Error:`` line naming ``words``."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "Error: " in result.output
    for word in words:
        assert word in result.output, result.output
    return result.output


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.qdaproj"
    with Project.create(path, coder="ana") as p:
        p.sources.add_text("W1", TEXT, kind="interview")
        p.codes.create("Anggaran")
    return path


@pytest.fixture
def writer_holding_lock(study: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program is in the middle of a write transaction on the file."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(study, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_write_while_another_process_writes_says_busy(
    study: Path, writer_holding_lock: None
) -> None:
    before = file_checksum(study)
    refused(run("code", "add", str(study), "Koordinasi"), "busy", "try again")
    assert file_checksum(study) == before


def test_busy_names_the_lock_holder(study: Path) -> None:
    from qualcode.lock import ProjectLock

    lock = ProjectLock(study, "budi")
    lock.acquire()
    try:
        error = failures.explain(sqlite3.OperationalError("database is locked"), study)
    finally:
        lock.release()
    assert isinstance(error, ProjectBusyError)
    assert "budi" in error.message


def test_codebook_alias_cycle_is_refused(study: Path, tmp_path: Path) -> None:
    book = tmp_path / "cycle.yaml"
    book.write_text(
        "id: siklus\ntitle: {en: Cycle}\nlanguages: [en]\ncodes:\n"
        "  - &a\n    id: a\n    name: {en: A}\n    children:\n      - *a\n",
        encoding="utf-8",
    )
    before = file_checksum(study)
    refused(run("codebook", "load", str(study), str(book)), "alias", "line")
    assert file_checksum(study) == before


def test_codebook_alias_bomb_is_refused(study: Path, tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7)]
    book = tmp_path / "bomb.yaml"
    book.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused(run("codebook", "load", str(study), str(book)), "aliases expand")


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page after the header
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("command", [["info"], ["code", "add", "{p}", "X"], ["search", "{p}", "x"]])
def test_corrupted_project_points_to_backups(study: Path, command: list[str]) -> None:
    _corrupt(study)
    args = [a.replace("{p}", str(study)) for a in command]
    if args == ["info"]:
        args.append(str(study))
    refused(run(*args), "damaged", "qualcode backups restore")


@pytest.mark.parametrize("value", ["abc", "", "-3", "0"])
def test_bad_schema_version_is_damage(study: Path, value: str) -> None:
    conn = sqlite3.connect(study)
    conn.execute("UPDATE project_info SET value = ? WHERE key = 'schema_version'", (value,))
    conn.commit()
    conn.close()
    before = file_checksum(study)
    refused(run("info", str(study)), "damaged", "schema_version")
    assert file_checksum(study) == before


def test_disk_full_during_xlsx_export(
    study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    with Project.open(study, coder="ana") as p:
        code = p.codes.find("Anggaran")
        p.codings.apply(p.sources.all()[0].id, 0, 20, code.id)

    def full(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"x" * 3 * failures.MB)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", full)
    out = tmp_path / "kutipan.xlsx"
    before = file_checksum(study)
    text = refused(run("export", "excerpts", str(study), str(out)), "disk is full", "free")
    assert "6 MB" in text  # twice what had been written when the disk filled
    assert not out.exists() and not list(tmp_path.glob(".kutipan*"))
    assert file_checksum(study) == before


def _fill_disk_for_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every project connection may grow by 2 pages only: SQLite reports SQLITE_FULL."""
    real = engine.sqlite_connect

    def limited(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        conn = real(path, read_only=read_only)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(engine, "sqlite_connect", limited)


def test_disk_full_during_refi_import(
    study: Path, sample_study_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qdpx = tmp_path / "sampel.qdpx"
    assert run("refi", "export", str(sample_study_file), str(qdpx)).exit_code == 0
    before = file_checksum(study)
    _fill_disk_for_sqlite(monkeypatch)
    refused(run("refi", "import", str(qdpx), str(study)), "disk is full", "MB")
    monkeypatch.undo()
    assert file_checksum(study) == before
    assert "Anggaran" in run("code", "list", str(study)).output


def test_full_disk_is_not_called_not_a_project(
    study: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(engine, "sqlite_connect", no_room)
    monkeypatch.setattr(failures, "free_bytes", lambda _where: 0)
    text = refused(run("info", str(study)), "disk is full")
    assert "not a QualCode project" not in text


def test_explain_maps_each_failure_to_one_type(study: Path) -> None:
    cases = {
        sqlite3.OperationalError("database or disk is full"): DiskFullError,
        OSError(errno.ENOSPC, "No space left on device"): DiskFullError,
        sqlite3.DatabaseError("database disk image is malformed"): ProjectDamagedError,
        sqlite3.DatabaseError("file is not a database"): ProjectDamagedError,
        sqlite3.OperationalError("database is locked"): ProjectBusyError,
    }
    for exc, kind in cases.items():
        assert isinstance(failures.explain(exc, study), kind), exc
    assert failures.explain(ValueError("a bug")) is None
    assert failures.explain(sqlite3.OperationalError("no such column: x")) is None
