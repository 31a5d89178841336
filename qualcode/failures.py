"""What a storage failure means for the user: one typed error per real-world failure.

SQLite, the server driver and the operating system report a full disk, a busy
file, a corrupted file or a lock timeout in their own words ("database or disk
is full", ``OSError(ENOSPC)``, SQLSTATE 55P03...). :func:`explain` turns each
into the :mod:`qualcode.errors` type that tells the user what to do, so the
core, the CLI and the app word them alike; anything else is left alone (a bug
should still show itself).
"""

from __future__ import annotations

import errno
import math
import shutil
import sqlite3
from pathlib import Path

from qualcode.errors import (
    DiskFullError,
    ProjectBusyError,
    ProjectDamagedError,
    QualCodeError,
    ServerBusyError,
)
from qualcode.i18n import QT_TRANSLATE_NOOP

MB = 1024 * 1024
LOW_SPACE = 2 * MB
"""Below this much free space an I/O failure is taken for a full disk."""

_SQLITE_FULL, _SQLITE_IOERR, _SQLITE_CANTOPEN = 13, 10, 14
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_SERVER_BUSY_STATES = {"55P03": "a lock was not granted in time", "57014": "a query took too long"}

ANOTHER_PROGRAM = QT_TRANSLATE_NOOP("errors", "another program")


def explain(
    exc: BaseException, location: str | Path | None = None, *, needed_bytes: int | None = None
) -> QualCodeError | None:
    """The typed error for ``exc`` (None if it is not a known storage failure).

    ``location`` is the project file (or the file being written) the failure
    happened on; ``needed_bytes`` how much space the interrupted write needed,
    if known.
    """
    if isinstance(exc, QualCodeError):
        return exc
    original: BaseException = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps
    if isinstance(original, OSError) and original.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(location, needed_bytes)
    if isinstance(original, sqlite3.Error):
        return _explain_sqlite(original, location, needed_bytes)
    state = getattr(original, "sqlstate", None)
    if state in _SERVER_BUSY_STATES:
        return ServerBusyError(reason=_SERVER_BUSY_STATES[state])
    return None


def _explain_sqlite(
    exc: sqlite3.Error, location: str | Path | None, needed_bytes: int | None
) -> QualCodeError | None:
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(exc).lower()
    if code == _SQLITE_FULL or "disk is full" in text:
        return disk_full(location, needed_bytes)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return ProjectBusyError(owner=_holder(location))
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return ProjectDamagedError(path=str(location or ""), reason=str(exc))
    if (code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) or "disk i/o" in text) and _low_space(location):
        return disk_full(location, needed_bytes)
    return None


def disk_full(location: str | Path | None, needed_bytes: int | None = None) -> DiskFullError:
    """A :class:`DiskFullError` naming the drive and how much to free.

    Without a known size, the project file's own size is asked for: a write may
    need that much for its journal and a backup copy.
    """
    where = Path(location) if location else Path.cwd()
    needed = needed_bytes
    if needed is None:
        try:
            needed = where.stat().st_size if where.is_file() else 0
        except OSError:
            needed = 0
    return DiskFullError(needed=max(1, math.ceil(needed / MB)), where=str(where))


def free_bytes(location: str | Path) -> int | None:
    """Free space on the drive holding ``location`` (None if it cannot be asked)."""
    folder = Path(location)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def _low_space(location: str | Path | None) -> bool:
    free = free_bytes(location or Path.cwd())
    return free is not None and free < LOW_SPACE


def _holder(location: str | Path | None) -> str:
    """Who is writing: the lock file's holder if it names one."""
    if location and "://" not in str(location):
        from qualcode.lock import read_owner

        owner = read_owner(Path(location))
        if owner is not None:
            return owner.describe()
    return ANOTHER_PROGRAM
