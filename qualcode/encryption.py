"""Encrypt or decrypt an existing project file, its backups included.

The conversion runs while holding the project's write lock: the WAL is folded
into the file, a converted copy is written beside it and checked (integrity and
every table's row count), and only then replaces the original
(:func:`qualcode.store.cipher.convert`). The rolling and migration backups are
converted the same way, so no plain copy of an encrypted project stays behind.
"""

from __future__ import annotations

import os
from pathlib import Path

from qualcode.errors import ProjectError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.lock import ProjectLock
from qualcode.settings import resolve_coder
from qualcode.store import backup, cipher


def encrypt_project(path: str | os.PathLike[str], password: str) -> int:
    """Encrypt the plain project at ``path`` with ``password``; returns the backups converted."""
    target = Path(path).resolve()
    _require_project(target, None)
    if cipher.is_encrypted(target):
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "{path} is already encrypted."), path=str(target)
        )
    return _convert(target, old=None, new=password)


def decrypt_project(path: str | os.PathLike[str], password: str) -> int:
    """Store the encrypted project at ``path`` as plain SQLite again; returns the backups
    converted."""
    target = Path(path).resolve()
    if not cipher.is_encrypted(target):
        raise ProjectError(
            QT_TRANSLATE_NOOP("errors", "{path} is not encrypted."), path=str(target)
        )
    cipher.check_password(target, password)
    _require_project(target, password)
    return _convert(target, old=password, new=None)


def _require_project(path: Path, password: str | None) -> None:
    from qualcode.store.opening import check_file

    check_file(path, password)


def _convert(path: Path, *, old: str | None, new: str | None) -> int:
    lock = ProjectLock(path, resolve_coder(None))
    lock.acquire()
    try:
        _fold_wal(path, old)
        cipher.convert(path, old=old, new=new)
        for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            extra.unlink(missing_ok=True)  # an emptied WAL of the old file
        converted = 0
        for copy in backup.list_backups(path):
            if copy.suffix != path.suffix or cipher.is_encrypted(copy) == (new is not None):
                continue
            try:
                cipher.convert(copy, old=old, new=new)
                converted += 1
            except Exception:  # a damaged or foreign copy: never leave it readable
                if new is not None:
                    copy.unlink(missing_ok=True)
        return converted
    finally:
        lock.release()


def _fold_wal(path: Path, password: str | None) -> None:
    """Write everything still in the WAL into the file, and empty the WAL."""
    if password is None:
        import sqlite3

        conn = sqlite3.connect(str(path))
    else:
        conn = cipher.connect(path, password)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
