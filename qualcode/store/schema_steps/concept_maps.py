"""Schema 2, concept maps: maps, their nodes and links (explicit DDL for SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from qualcode.store.migrations import step


@step(2, "concept_maps")
def create_concept_maps(conn: Connection) -> None:
    """``concept_map``, ``map_node`` and ``map_link`` as in :mod:`qualcode.store.models.maps`."""
    md = MetaData()
    Table(
        "concept_map", md,
        Column("id", Integer, primary_key=True),
        Column("guid", String(40), unique=True, nullable=False),
        Column("name", String(300), unique=True, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("modified_at", DateTime, nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    node = Table(
        "map_node", md,
        Column("id", Integer, primary_key=True),
        Column("map_id", Integer, ForeignKey("concept_map.id"), nullable=False),
        Column("kind", String(16), nullable=False),
        Column("ref_id", Integer),
        Column("label", Text, nullable=False),
        Column("x", Float, nullable=False),
        Column("y", Float, nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    link = Table(
        "map_link", md,
        Column("id", Integer, primary_key=True),
        Column("map_id", Integer, ForeignKey("concept_map.id"), nullable=False),
        Column("source_node", Integer, ForeignKey("map_node.id"), nullable=False),
        Column("target_node", Integer, ForeignKey("map_node.id"), nullable=False),
        Column("relation", String(32), nullable=False),
        Column("label", Text, nullable=False),
        sqlite_autoincrement=True,
    )  # fmt: skip
    Index("ix_map_node_map_id", node.c.map_id)
    Index("ix_map_link_map_id", link.c.map_id)
    Index("ix_map_link_source_node", link.c.source_node)
    Index("ix_map_link_target_node", link.c.target_node)
    md.create_all(conn)
