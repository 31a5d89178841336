"""Schema 2, MHS analysis tactics: causal-network arrows carry a sign, a strength and evidence.

Explicit DDL (never the live models), so the step runs the same on SQLite and
PostgreSQL; it runs after ``concept_maps`` (steps run in name order).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from qualcode.store.migrations import step


@step(2, "mhs_tactics")
def add_link_evidence(conn: Connection) -> None:
    """``map_link.sign``, ``strength`` and ``evidence`` (coding ids, JSON)."""
    json_type = "JSONB" if conn.dialect.name == "postgresql" else "JSON"
    conn.execute(text("ALTER TABLE map_link ADD COLUMN sign VARCHAR(8)"))
    conn.execute(text("ALTER TABLE map_link ADD COLUMN strength VARCHAR(16)"))
    conn.execute(text(f"ALTER TABLE map_link ADD COLUMN evidence {json_type}"))
