"""Automatic backup copies of a project file.

A rolling copy is made when a project is opened for writing (the last few are
kept), and a copy that is never pruned is made before a schema migration. The
copy uses SQLite's online backup API, so it is consistent even while the
project is open in WAL mode.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

ROLLING_PREFIX = "auto-"
KEEP_ROLLING = 5


def backup_dir(project: Path) -> Path:
    """Where backups of ``project`` live: a folder beside it."""
    return project.with_name(project.stem + ".backups")


def make_backup(project: Path, reason: str = "auto", *, password: str | None = None) -> Path:
    """Copy ``project`` into its backup folder and return the copy's path (an encrypted
    project's copy is encrypted with the same password)."""
    folder = backup_dir(project)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    prefix = ROLLING_PREFIX if reason == "auto" else f"{reason}-"
    target = folder / f"{prefix}{stamp}{project.suffix or '.qdaproj'}"
    if password is not None:
        from qualcode.store import cipher

        cipher.backup(project, target, password)
        return target
    src = sqlite3.connect(f"file:{project.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def list_backups(project: Path) -> list[Path]:
    """All backups of ``project``, oldest first."""
    folder = backup_dir(project)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file())


def prune_rolling(project: Path, keep: int = KEEP_ROLLING) -> None:
    """Delete the oldest rolling backups beyond ``keep``; migration backups stay."""
    rolling = [p for p in list_backups(project) if p.name.startswith(ROLLING_PREFIX)]
    for old in rolling[: max(0, len(rolling) - keep)]:
        old.unlink(missing_ok=True)
