"""On SQLite the import writes sources and codings with plain statements: the stored
text of every value must be the one SQLAlchemy writes for the same row."""

from __future__ import annotations

import sqlite3

from qualcode.interop.refi.project.exporter import export_qdpx
from qualcode.interop.refi.project.importer import import_refi
from qualcode.project import Project

SOURCE = (
    "name, kind, language, date_collected, length, sha256, original_name, description, "
    "meta, created_at, created_by IS NOT NULL, guid"
)
CODING = (
    "guid, start_pos, end_pos, valence, magnitude, period, event_date, weight, note, created_at"
)


def _rows(path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return sorted(tuple(map(repr, row)) for row in con.execute(sql))
    finally:
        con.close()


def test_imported_rows_are_stored_as_the_api_stores_them(rich_path, tmp_path, open_project):
    out = tmp_path / "rich.qdpx"
    with open_project(rich_path) as p:
        export_qdpx(p, out)
    with Project.create(tmp_path / "copy.qdaproj", coder="ana") as fresh:
        import_refi(out, fresh)
    source = f"SELECT {SOURCE} FROM source"
    coding = f"SELECT {CODING} FROM coding"
    original = _rows(rich_path, source)
    copied = _rows(tmp_path / "copy.qdaproj", source)
    # the original's times have microseconds; REFI-QDA carries seconds
    assert [r[:9] for r in copied] == [r[:9] for r in original]
    assert [r[10:] for r in copied] == [r[10:] for r in original]
    for row in copied:
        assert len(row[9]) == len("'2024-03-05 10:00:00.000000'")  # SQLAlchemy's form
    assert [r[:9] for r in _rows(tmp_path / "copy.qdaproj", coding)] == [
        r[:9] for r in _rows(rich_path, coding)
    ]
