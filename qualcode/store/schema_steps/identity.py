"""Schema 2, identity register: ``identity_entry`` and ``identity_attribute``.

Frozen copies of the tables as schema 2 defines them (see
:mod:`qualcode.store.models.identity`), so later model edits never change this step.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, DateTime, Index, Integer, MetaData, String, Table

from qualcode.store.migrations import step


def _tables() -> list[Table]:
    meta = MetaData()
    entry = Table(
        "identity_entry",
        meta,
        Column("id", Integer, primary_key=True),
        Column("text", String(500), nullable=False),
        Column("kind", String(24), nullable=False),
        Column("replacement", String(500), nullable=False),
        Column("case_id", Integer, nullable=True),
        Column("origin", String(16), nullable=False),
        Column("created_at", DateTime, nullable=False),
        Index("ix_identity_entry_case_id", "case_id"),
        Index("uq_identity_entry_text", "text", unique=True),
        sqlite_autoincrement=True,
    )
    attribute = Table(
        "identity_attribute",
        meta,
        Column("id", Integer, primary_key=True),
        Column("attribute_id", Integer, nullable=False),
        Column("kind", String(24), nullable=False),
        Index("uq_identity_attribute", "attribute_id", unique=True),
        sqlite_autoincrement=True,
    )
    return [entry, attribute]


@step(2, "identity")
def add_identity_register(conn: Connection) -> None:
    """Create the identity register tables."""
    for table in _tables():
        table.create(conn)
