"""Helpers for store tests: whole-project snapshots to compare before/after states."""

from __future__ import annotations

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
