"""Schema 2, source editing: codings whose text was corrected after coding carry a review flag."""

from __future__ import annotations

from sqlalchemy import Connection, text

from qualcode.store.migrations import step


@step(2, "source_edit")
def add_coding_flag(conn: Connection) -> None:
    """``coding.flag``: ``"edited"`` after a source edit changed the coded text."""
    conn.execute(text("ALTER TABLE coding ADD COLUMN flag VARCHAR(32)"))
