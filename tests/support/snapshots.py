"""Helpers for store tests: whole-project snapshots to compare before/after states."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from qualcode.project import Project
from qualcode.store.models import Base

HISTORY_TABLES = {"undo_step", "audit_log", "project_info"}


def snapshot(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every user-data row of every table, sorted: equal snapshots mean equal projects."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with project.reading() as conn:
        for name, table in Base.metadata.tables.items():
            if name in HISTORY_TABLES:
                continue
            rows = conn.execute(select(table)).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


TEXT = (
    "P: Bagaimana sosialisasi aplikasi 😀 di desa?\n"
    "I: Sosialisasi sudah dilakukan, tapi jaringan internet masih terbatas.\n"
    "P: Apakah anggaran cukup?\n"
    "I: Anggaran kurang, koordinasi antar OPD juga lemah.\n"
)


def file_checksum(path: Path) -> str:
    """A digest of every row of every table of the project file (history included).

    Read through SQLite, so equal digests mean the project holds exactly the same
    data, whatever pages SQLite rewrote.
    """
    import hashlib
    import sqlite3

    from qualcode.store.engine import sqlite_uri

    digest = hashlib.sha256()
    conn = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        ]
        for name in names:
            digest.update(name.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{name}"')):
                digest.update(row.encode())
    finally:
        conn.close()
    return digest.hexdigest()
