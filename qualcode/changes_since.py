"""What changed since the last meeting: the audit trail with what each entry touched.

The audit log keeps who did what and when; the undo step of an entry (while the
bounded undo history still holds it) keeps the exact rows written. This module
turns those rows into words a supervisor reads: the code, the source and the
quoted text of a coding, a code's name, a comment's text. One rule for the CLI
(``qualcode history --since --coder``) and the app's History view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.store import rowcodec
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

QUOTE_LIMIT = 300
KINDS = {"i": "added", "d": "removed", "u": "changed"}


@dataclass(frozen=True, slots=True)
class Touched:
    """One row an entry wrote, in words."""

    change: str  # added | removed | changed
    table: str
    code: str = ""
    source: str = ""
    quote: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One audit entry and what it touched."""

    id: int
    at: datetime
    coder: str
    op: str
    label: str
    summary: dict[str, Any]
    touched: list[Touched] = field(default_factory=list)
    step_id: int | None = None  # the undo step, while the bounded undo history holds it

    def rows(self) -> list[Touched]:
        """The rows the entry touched (the app's name for them: views never name tables)."""
        return list(self.touched)


def coders(project: Project) -> list[str]:
    """Every coder named in the audit trail, by name (the History view's filter)."""
    a = t.audit_log.c
    with project.reading() as conn:
        return sorted(str(n) for (n,) in conn.execute(select(a.coder).distinct()))


def history(
    project: Project,
    *,
    since: date | datetime | None = None,
    coder: str | None = None,
    limit: int = 100,
) -> list[HistoryEntry]:
    """Audit entries newest first, from ``since`` and by ``coder`` if given."""
    a = t.audit_log.c
    q = select(t.audit_log).order_by(a.id.desc()).limit(limit)
    if since is not None:
        start = (
            since if isinstance(since, datetime) else datetime(since.year, since.month, since.day)
        )
        q = q.where(a.at >= start)
    if coder is not None:
        q = q.where(a.coder == coder)
    with project.reading() as conn:
        rows = conn.execute(q).all()
        names = _Names(conn)
        return [
            HistoryEntry(
                r.id,
                r.at,
                r.coder,
                r.op,
                r.label,
                dict(r.summary or {}),
                _touched(conn, r.step_id, names),
                r.step_id,
            )
            for r in rows
        ]


class _Names:
    """Code paths, source names and texts, read once per call."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        c = t.code.c
        self.codes = {int(i): (n, p) for i, n, p in conn.execute(select(c.id, c.name, c.parent_id))}
        self.sources = dict(conn.execute(select(t.source.c.id, t.source.c.name)).all())
        self._texts: dict[int, str] = {}

    def code(self, code_id: Any) -> str:
        parts: list[str] = []
        current = code_id
        while current in self.codes and len(parts) < 50:
            name, parent = self.codes[current]
            parts.append(name)
            current = parent
        return " / ".join(reversed(parts))

    def quote(self, source_id: Any, start: Any, end: Any) -> str:
        if source_id not in self._texts:
            sc = t.source_content.c
            value = self.conn.execute(select(sc.text).where(sc.source_id == source_id)).scalar()
            self._texts[source_id] = str(value or "")
        return self._texts[source_id][int(start) : int(end)][:QUOTE_LIMIT]


def _touched(conn: Connection, step_id: int | None, names: _Names) -> list[Touched]:
    if step_id is None:
        return []
    blob = conn.execute(select(t.undo_step.c.changes).where(t.undo_step.c.id == step_id)).scalar()
    if blob is None:
        return []  # the bounded undo history no longer holds this step
    out: list[Touched] = []
    for kind, table, rows in rowcodec.unpack(blob):
        for row in rows:
            image = row[1] if kind == "u" else row
            out.append(_describe(KINDS[kind], table, image, names))
    return out


def _describe(change: str, table: str, row: dict[str, Any], names: _Names) -> Touched:
    if table == "coding":
        return Touched(change, table, code=names.code(row.get("code_id")),
                       source=str(names.sources.get(row.get("source_id"), "")),
                       quote=names.quote(row.get("source_id"), row.get("start_pos", 0),
                                         row.get("end_pos", 0)))  # fmt: skip
    if table == "code":
        return Touched(change, table, code=str(row.get("name", "")))
    if table in ("review_comment", "memo", "conclusion", "cell_summary"):
        return Touched(change, table, text=str(row.get("text", ""))[:QUOTE_LIMIT])
    if table == "source":
        return Touched(change, table, source=str(row.get("name", "")))
    return Touched(change, table, text=str(row.get("name", "")))
