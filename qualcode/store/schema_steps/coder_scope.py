"""Schema 2, coder scope: an index that finds one coder's codings with their ranges.

The passage rule (:mod:`qualcode.analysis.scope`) looks up the codings of every
coder but the busiest and their overlapping partners; this covering index lets
that query read the index alone.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from qualcode.store.migrations import step


@step(2, "coder_scope")
def add_coder_range_index(conn: Connection) -> None:
    """``ix_coding_coder_range`` on coding (coder, source, code, start, end)."""
    conn.execute(
        text(
            "CREATE INDEX ix_coding_coder_range "
            "ON coding (coder_id, source_id, code_id, start_pos, end_pos)"
        )
    )
