"""Automatic backup copies of a project file, and restoring one.

A rolling copy is made when a project is opened for writing, at most once per
:data:`ROLLING_INTERVAL` (a script running many commands does not copy the
project each time); the last :data:`KEEP_ROLLING` are kept. A copy is made
before a schema migration (the last :data:`KEEP_UPGRADE` of those are kept) and
before a restore. Copies use SQLite's online backup API, so they are consistent
even while the project is open in WAL mode, and are written under a temporary
name: a copy that cannot be finished (a full disk) leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qualcode.errors import NotFoundError, ProjectDamagedError, ProjectError, QualCodeError
from qualcode.failures import disk_full, explain, free_bytes
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.lock import ProjectLock
from qualcode.store.engine import sqlite_connect

ROLLING_PREFIX = "auto-"
UPGRADE_PREFIX = "before-upgrade-"
KEEP_ROLLING = 5
KEEP_UPGRADE = 3
ROLLING_INTERVAL = timedelta(minutes=15)
_STAMP = re.compile(r"(\d{8}T\d{6}\d*Z)")
_PARTIAL = ".partial"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup copy: newest first in :func:`backups`, ``number`` 1 is the newest."""

    number: int
    path: Path
    reason: str
    created: datetime
    size: int


def backup_dir(project: Path) -> Path:
    """Where backups of ``project`` live: a folder beside it."""
    return project.with_name(project.stem + ".backups")


def make_backup(project: Path, reason: str = "auto", *, password: str | None = None) -> Path:
    """Copy ``project`` into its backup folder and return the copy's path (an encrypted
    project's copy is encrypted with the same ``password``).

    Raises :class:`DiskFullError` (leaving no partial copy) when the drive has
    no room for the copy.
    """
    folder = backup_dir(project)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:  # a full disk (or a read-only folder) refuses even the folder
        raise explain(exc, project.parent) or ProjectError(
            QT_TRANSLATE_NOOP("errors", "{path} cannot be written: {reason}"),
            path=str(folder),
            reason=str(exc),
        ) from exc
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    prefix = ROLLING_PREFIX if reason == "auto" else f"{reason}-"
    target = folder / f"{prefix}{stamp}{project.suffix or '.qdaproj'}"
    partial = target.with_name(target.name + _PARTIAL)
    size = _project_size(project)
    free = free_bytes(folder)
    if free is not None and free < size + size // 10:
        raise disk_full(folder, size + size // 10 - free)
    try:
        if password is not None:
            _encrypted_copy(project, partial, password)
        else:
            src = sqlite_connect(project, read_only=True)
            try:
                dst = sqlite3.connect(partial)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise explain(exc, folder, needed_bytes=size) or ProjectDamagedError(
            path=str(project), reason=str(exc)
        ) from exc
    return target


def backup_if_due(
    project: Path,
    interval: timedelta | None = None,
    keep: int = KEEP_ROLLING,
    *,
    password: str | None = None,
) -> Path | None:
    """A rolling backup unless the newest one is younger than ``interval``; all but the
    newest ``keep`` pruned (an encrypted project's copy is encrypted with ``password``)."""
    interval = ROLLING_INTERVAL if interval is None else interval
    newest = [b for b in backups(project) if b.reason == "auto"][:1]
    if newest and datetime.now(UTC) - newest[0].created < interval:
        return None
    made = make_backup(project, password=password)
    prune(project, max(1, keep))
    return made


def _encrypted_copy(project: Path, target: Path, password: str) -> None:
    from qualcode.store import cipher

    try:
        cipher.backup(project, target, password)
    except cipher.dbapi().Error as exc:  # SQLCipher's errors are not sqlite3's
        raise sqlite3.Error(str(exc)) from exc


def list_backups(project: Path) -> list[Path]:
    """All backup copies of ``project``, oldest first (no ``-wal``/``-shm``/partial files)."""
    return [b.path for b in reversed(backups(project))]


def backups(project: Path) -> list[BackupInfo]:
    """Backup copies of ``project``, newest first, numbered from 1."""
    folder = backup_dir(project)
    if not folder.is_dir():
        return []
    suffix = project.suffix or ".qdaproj"
    found: list[tuple[datetime, Path, str]] = []
    for p in folder.iterdir():
        match = _STAMP.search(p.name)
        if not p.is_file() or p.suffix != suffix or match is None:
            continue  # -wal, -shm, unfinished copies and strangers are not backups
        created = _parse_stamp(match.group(1))
        if created is None:
            continue
        reason = p.name[: match.start()].rstrip("-") or "auto"
        found.append((created, p, "auto" if p.name.startswith(ROLLING_PREFIX) else reason))
    found.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    return [
        BackupInfo(n, path, reason, created, path.stat().st_size)
        for n, (created, path, reason) in enumerate(found, start=1)
    ]


def prune(project: Path, keep: int = KEEP_ROLLING, keep_upgrade: int = KEEP_UPGRADE) -> None:
    """Delete rolling copies beyond ``keep`` and before-upgrade copies beyond ``keep_upgrade``.

    Also removes leftovers of a copy that was interrupted (``.partial``) and the
    ``-wal``/``-shm`` files SQLite may leave beside a copy that was opened.
    """
    listed = backups(project)
    rolling = [b for b in listed if b.reason == "auto"]
    upgrade = [b for b in listed if b.path.name.startswith(UPGRADE_PREFIX)]
    for old in rolling[keep:] + upgrade[keep_upgrade:]:
        old.path.unlink(missing_ok=True)
    kept = {b.path.name for b in backups(project)}
    for extra in backup_dir(project).iterdir():
        base = extra.name.removesuffix("-wal").removesuffix("-shm")
        if extra.name.endswith(_PARTIAL) or (base != extra.name and base not in kept):
            extra.unlink(missing_ok=True)


def prune_rolling(project: Path, keep: int = KEEP_ROLLING) -> None:
    """Delete the oldest rolling backups beyond ``keep`` (and old before-upgrade copies)."""
    prune(project, keep)


def find_backup(project: Path, which: str | None = None) -> BackupInfo:
    """The backup named by ``which``: its number in :func:`backups` (1 = newest), its file
    name, or None for the newest."""
    listed = backups(project)
    if not listed:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "{path} has no backups."), path=str(project)
        )
    if which is None or not which.strip():
        return listed[0]
    key = which.strip()
    for info in listed:
        if key == str(info.number) or key in (info.path.name, str(info.path)):
            return info
    raise NotFoundError(
        QT_TRANSLATE_NOOP(
            "errors", "There is no backup {which} of {path}; `qualcode backups list` shows them."
        ),
        which=key,
        path=str(project),
    )


def restore(project: Path, which: str | None = None, *, user: str | None = None) -> BackupInfo:
    """Put backup ``which`` in place of ``project``; the current file is kept as a backup.

    Needs the write lock (the project must not be open anywhere). The current
    file is copied first (raw bytes if it is too damaged for SQLite), so a restore
    can itself be undone by restoring that copy.
    """
    chosen = find_backup(project, which)
    lock = ProjectLock(project, user)
    lock.acquire()
    try:
        if project.exists():
            _keep_current(project)
        staged = project.with_name(f".{project.name}.restoring")
        try:
            shutil.copyfile(chosen.path, staged)
            for extra in ("-wal", "-shm"):  # they belong to the file being replaced
                project.with_name(project.name + extra).unlink(missing_ok=True)
            os.replace(staged, project)
        except OSError as exc:
            staged.unlink(missing_ok=True)
            raise (explain(exc, project.parent, needed_bytes=chosen.size) or exc) from exc
    finally:
        lock.release()
    return chosen


def _keep_current(project: Path) -> None:
    from qualcode.store import cipher

    if cipher.is_encrypted(project):  # no key here: a byte copy is as encrypted as the file
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        folder = backup_dir(project)
        folder.mkdir(exist_ok=True)
        shutil.copyfile(project, folder / f"before-restore-{stamp}{project.suffix or '.qdaproj'}")
        return
    try:
        make_backup(project, reason="before-restore")
    except ProjectDamagedError:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = backup_dir(project) / f"damaged-{stamp}{project.suffix or '.qdaproj'}"
        try:
            shutil.copyfile(project, target)
        except OSError as exc:
            target.unlink(missing_ok=True)
            error: QualCodeError | None = explain(exc, target.parent)
            raise (error or exc) from exc


def _project_size(project: Path) -> int:
    total = 0
    for extra in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += project.with_name(project.name + extra).stat().st_size
    return total


def _parse_stamp(text: str) -> datetime | None:
    for fmt in ("%Y%m%dT%H%M%S%fZ", "%Y%m%dT%H%M%SZ"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None
