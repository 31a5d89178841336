"""An upgraded project has exactly the schema of a new one: migration steps match the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from qualcode.project import Project
from qualcode.store import migrations

DATA = Path(__file__).resolve().parents[2] / "data" / "projects"


def _schema(path: Path) -> dict[str, tuple[list[tuple[str, str, int, int]], list[str]]]:
    """Tables → (columns: name, type, not-null, pk position; index names) as SQLite reports them."""
    con = sqlite3.connect(path)
    try:
        out = {}
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in sorted(tables):
            if table.startswith(("sqlite_", "search_")):
                continue  # derived search tables are built on demand, not by migrations
            cols = sorted(
                (r[1], r[2].upper(), r[3], r[5])
                for r in con.execute(f'PRAGMA table_info("{table}")')
            )
            idx = sorted(
                r[1]
                for r in con.execute(f'PRAGMA index_list("{table}")')
                if not r[1].startswith("sqlite_autoindex")
            )
            out[table] = (cols, idx)
        return out
    finally:
        con.close()


@pytest.mark.parametrize("fixture", sorted(p.name for p in DATA.glob("schema-v*.qdaproj")))
def test_upgraded_schema_equals_a_new_project(tmp_path: Path, fixture: str) -> None:
    old = tmp_path / fixture
    old.write_bytes((DATA / fixture).read_bytes())
    with Project.open(old, coder="ana") as p:
        assert p.info().schema_version == migrations.SCHEMA_VERSION
    new = tmp_path / "new.qdaproj"
    with Project.create(new, coder="ana"):
        pass
    assert _schema(old) == _schema(new)
