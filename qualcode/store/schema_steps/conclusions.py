"""Schema 2, conclusions and displays: ``cell_rating`` (the researcher's rating overrides).

A frozen copy of the table as schema 2 defines it (see
:mod:`qualcode.store.models.cells`), so later model edits never change this step.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from qualcode.store.migrations import step


def _cell_rating() -> Table:
    meta = MetaData()
    Table("saved_display", meta, Column("id", Integer, primary_key=True))
    return Table(
        "cell_rating",
        meta,
        Column("id", Integer, primary_key=True),
        Column("display_id", Integer, ForeignKey("saved_display.id"), nullable=False),
        Column("row_key", String(200), nullable=False),
        Column("col_key", String(200), nullable=False),
        Column("rating", String(16), nullable=False),
        Column("reason", Text, nullable=False),
        Column("author", String(200), nullable=False),
        Column("modified_at", DateTime, nullable=False),
        Index("ix_cell_rating_display_id", "display_id"),
        Index("uq_cell_rating_cell", "display_id", "row_key", "col_key", unique=True),
        sqlite_autoincrement=True,
    )


@step(2, "conclusions")
def add_cell_rating(conn: Connection) -> None:
    """Create the table of the researcher's checklist rating overrides."""
    _cell_rating().create(conn)
