"""Schema 2, memos on displays and cells: ``display_memo``.

A frozen copy of the table as schema 2 defines it (see
:mod:`qualcode.store.models.memo_links`), so later model edits never change this step.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, Integer, MetaData, String, Table

from qualcode.store.migrations import step


def _display_memo() -> Table:
    return Table(
        "display_memo",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("memo_id", Integer, nullable=False),
        Column("display_id", Integer, nullable=True),
        Column("row_key", String(200), nullable=True),
        Column("col_key", String(200), nullable=True),
        Column("display_name", String(300), nullable=False),
        Column("row_label", String(300), nullable=False),
        Column("col_label", String(300), nullable=False),
        Index("uq_display_memo_memo", "memo_id", unique=True),
        Index("ix_display_memo_display_id", "display_id"),
        sqlite_autoincrement=True,
    )


@step(2, "memo_links")
def add_display_memo(conn: Connection) -> None:
    """Create the table linking memos to saved displays and their cells."""
    _display_memo().create(conn)
