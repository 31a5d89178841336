"""Schema 2, review: comment identity across copies and the target's snapshot."""

from __future__ import annotations

from sqlalchemy import Connection, text

from qualcode.store.migrations import step


@step(2, "review")
def add_comment_uid_and_context(conn: Connection) -> None:
    """``review_comment.uid`` (merging a reviewed copy) and ``.context`` (quoted text kept)."""
    json_type = "JSONB" if conn.dialect.name == "postgresql" else "JSON"
    conn.execute(text("ALTER TABLE review_comment ADD COLUMN uid VARCHAR(36)"))
    conn.execute(text(f"ALTER TABLE review_comment ADD COLUMN context {json_type}"))
    conn.execute(text("CREATE INDEX ix_review_comment_uid ON review_comment (uid)"))
