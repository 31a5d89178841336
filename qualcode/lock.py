"""A lock that tells a second process who has a project open.

The lock is an OS advisory lock on ``PROJECT.lock`` held for as long as the
project is open for writing, plus the holder's name, host and pid written in
that file. The OS releases the lock when the holder dies (even on kill -9), so a
stale lock file never blocks anyone: only a live holder does.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from qualcode.errors import ProjectLockedError


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds a project open."""

    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        """A short human description such as ``ana on laptop (pid 123) since ...``."""
        return f"{self.user} on {self.host} (pid {self.pid}) since {self.since}"


def lock_path(project: Path) -> Path:
    """The lock file that belongs to ``project``."""
    return project.with_name(project.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def read_owner(project: Path) -> LockOwner | None:
    """The recorded holder of ``project``'s lock, if the lock file names one."""
    try:
        data = json.loads(lock_path(project).read_text(encoding="utf-8"))
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProjectLock:
    """Holds the write lock on one project file until :meth:`release`."""

    def __init__(self, project: Path, user: str | None = None) -> None:
        self.project = project
        self._user = user or getpass.getuser()
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`ProjectLockedError` naming the holder."""
        path = lock_path(self.project)
        handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        if not _try_lock(handle):
            handle.close()
            owner = read_owner(self.project)
            if owner is None:
                raise ProjectLockedError(owner="unknown")
            # user/host/since let the app say it in the user's language and local time
            raise ProjectLockedError(
                owner=owner.describe(), user=owner.user, host=owner.host, since=owner.since
            )
        owner = LockOwner(
            self._user,
            socket.gethostname(),
            os.getpid(),
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(_asdict(owner)))
        handle.flush()
        self._handle = handle

    def rename(self, user: str) -> None:
        """Record another user as the holder (the coder changed); the lock stays held."""
        self._user = user
        if self._handle is None:
            return
        owner = LockOwner(
            user, socket.gethostname(), os.getpid(), datetime.now(UTC).isoformat(timespec="seconds")
        )
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(json.dumps(_asdict(owner)))
        self._handle.flush()

    def release(self) -> None:
        """Release the lock.

        The file is emptied, not deleted: deleting it would let a process that
        opened the old file and one that creates a new file both "hold" a lock.
        """
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
        finally:
            self._handle.close()  # closing drops the OS lock
            self._handle = None


def _asdict(owner: LockOwner) -> dict[str, object]:
    return {"user": owner.user, "host": owner.host, "pid": owner.pid, "since": owner.since}
