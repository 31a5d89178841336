"""Schema 2, MHS analysis tactics: causal-network arrows carry a sign, a strength and evidence;
effects matrices keep the researcher's typing of effects (``effect_type``); conclusions and
informants their member checks (``member_check``); saved displays their decision rules
(``decision_rule``).

Explicit DDL (never the live models), so the step runs the same on SQLite and
PostgreSQL; it runs after ``concept_maps`` (steps run in name order).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

from qualcode.store.migrations import step


@step(2, "mhs_tactics")
def add_link_evidence(conn: Connection) -> None:
    """``map_link.sign``, ``strength`` and ``evidence`` (coding ids, JSON)."""
    json_type = "JSONB" if conn.dialect.name == "postgresql" else "JSON"
    conn.execute(text("ALTER TABLE map_link ADD COLUMN sign VARCHAR(8)"))
    conn.execute(text("ALTER TABLE map_link ADD COLUMN strength VARCHAR(16)"))
    conn.execute(text(f"ALTER TABLE map_link ADD COLUMN evidence {json_type}"))


def _effect_type(meta: MetaData) -> Table:
    return Table(
        "effect_type", meta,
        Column("id", Integer, primary_key=True),
        Column("display_id", Integer, ForeignKey("saved_display.id"), nullable=False),
        Column("row_key", String(200), nullable=False),
        Column("col_key", String(200), nullable=False),
        Column("kind", String(16), nullable=False),
        Column("author", String(200), nullable=False),
        Column("modified_at", DateTime, nullable=False),
        Index("ix_effect_type_display_id", "display_id"),
        Index("uq_effect_type_cell", "display_id", "row_key", "col_key", unique=True),
        sqlite_autoincrement=True,
    )  # fmt: skip


def _member_check(meta: MetaData) -> Table:
    return Table(
        "member_check", meta,
        Column("id", Integer, primary_key=True),
        Column("target", String(16), nullable=False),
        Column("target_id", Integer, nullable=False),
        Column("status", String(16), nullable=False),
        Column("note", Text, nullable=False),
        Column("checked_on", Date),
        Column("author", String(200), nullable=False),
        Column("modified_at", DateTime, nullable=False),
        Index("uq_member_check_target", "target", "target_id", unique=True),
        sqlite_autoincrement=True,
    )  # fmt: skip


def _decision_rule(meta: MetaData) -> Table:
    return Table(
        "decision_rule", meta,
        Column("id", Integer, primary_key=True),
        Column("display_id", Integer, ForeignKey("saved_display.id"), nullable=False),
        Column("text", Text, nullable=False),
        Column("decided_on", Date, nullable=False),
        Column("author", String(200), nullable=False),
        Column("modified_at", DateTime, nullable=False),
        Index("ix_decision_rule_display_id", "display_id"),
        sqlite_autoincrement=True,
    )  # fmt: skip


@step(2, "mhs_tactics_tables")
def add_tactics_tables(conn: Connection) -> None:
    """The tables of the researcher's analysis tactics (frozen copies of schema 2's)."""
    meta = MetaData()
    Table("saved_display", meta, Column("id", Integer, primary_key=True))
    _effect_type(meta).create(conn)
    _member_check(meta).create(conn)
    _decision_rule(meta).create(conn)
