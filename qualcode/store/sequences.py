"""Id counters on PostgreSQL and SQLite: never hand out an id a row once had.

Undo re-inserts deleted rows with their old ids and ``qualcode team push/pull``
copies rows with their ids. SQLite's AUTOINCREMENT counter (``sqlite_sequence``)
and PostgreSQL's sequences do not move on an insert with an explicit id, so
whoever inserts explicit ids calls :func:`ensure_past` (PostgreSQL) or copies the
counters with :func:`counters` / :func:`set_counters`.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, text

# Advisory lock keys (PostgreSQL): one for schema checks/upgrades, one that orders audit ids.
MIGRATION_LOCK = 0x5143_0001
AUDIT_LOCK = 0x5143_0002


def id_column(table: Table) -> str | None:
    """The name of ``table``'s own integer id column (a sequence/AUTOINCREMENT), if any."""
    col = table.autoincrement_column
    return col.name if col is not None else None


def ensure_past(conn: Connection, table: Table, max_id: int) -> None:
    """Move ``table``'s PostgreSQL sequence past ``max_id`` if it is not already.

    Only moves it forward, and only when an explicit id overtook it (never in
    normal use), so concurrent clients taking ids are not disturbed.
    """
    column = id_column(table)
    if column is None or conn.dialect.name != "postgresql":
        return
    conn.execute(
        text(
            "SELECT setval(s, :m) FROM CAST(pg_get_serial_sequence(:t, :c) AS regclass) AS s "
            "WHERE s IS NOT NULL AND :m > COALESCE(pg_sequence_last_value(s), 0)"
        ),
        {"m": int(max_id), "t": table.name, "c": column},
    )


def counters(conn: Connection, tables: list[Table]) -> dict[str, int]:
    """The last id handed out per table (0 if none), on either engine."""
    out: dict[str, int] = {}
    if conn.dialect.name == "sqlite":
        try:
            rows = conn.execute(text("SELECT name, seq FROM sqlite_sequence")).all()
        except Exception:  # no AUTOINCREMENT table was ever written
            rows = []
        found = {str(n): int(s) for n, s in rows}
        for t in tables:
            if id_column(t) is not None:
                out[t.name] = found.get(t.name, 0)
        return out
    for t in tables:
        column = id_column(t)
        if column is None:
            continue
        value = conn.execute(
            text("SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence(:t, :c) AS regclass))"),
            {"t": t.name, "c": column},
        ).scalar()
        out[t.name] = int(value or 0)
    return out


def set_counters(conn: Connection, tables: list[Table], values: dict[str, int]) -> None:
    """Set each table's id counter to at least ``values[name]`` and its largest id."""
    for t in tables:
        column = id_column(t)
        if column is None:
            continue
        top = conn.execute(text(f'SELECT COALESCE(MAX("{column}"), 0) FROM "{t.name}"')).scalar()
        target = max(int(top or 0), int(values.get(t.name, 0)))
        if conn.dialect.name == "sqlite":
            conn.execute(text("DELETE FROM sqlite_sequence WHERE name = :t"), {"t": t.name})
            if target:
                conn.execute(
                    text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :s)"),
                    {"t": t.name, "s": target},
                )
        elif target:
            conn.execute(
                text("SELECT setval(CAST(pg_get_serial_sequence(:t, :c) AS regclass), :s)"),
                {"t": t.name, "c": column, "s": target},
            )
