"""Compare two versions of a project: what was added, changed or removed between them.

A supervisor keeps the copy from the last meeting and compares it with the one
the student sends now. Codes and codings are matched by their guid (stable across
copies), conclusions by id, cell summaries by their display's name and cell keys.
Each difference is described in words (code path, source, quoted text).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from qualcode.analysis import tables as at
from qualcode.store import tables as t

QUOTE_LIMIT = 300
KINDS = ("code", "coding", "summary", "conclusion")


@dataclass(frozen=True, slots=True)
class Difference:
    """One object added, changed or removed between the old and the new version."""

    kind: str  # code | coding | summary | conclusion
    change: str  # added | changed | removed
    name: str  # code path, "code · source" or "display · row × column" or the claim
    old: str = ""  # quoted text / definition / summary before (changed, removed)
    new: str = ""  # after (added, changed)


def _paths(conn: Connection) -> dict[int, str]:
    c = t.code.c
    rows = {int(i): (n, p) for i, n, p in conn.execute(select(c.id, c.name, c.parent_id))}
    out: dict[int, str] = {}
    for cid in rows:
        parts: list[str] = []
        current: int | None = cid
        while current in rows and len(parts) < 50:
            parts.append(rows[current][0])
            current = rows[current][1]
        out[cid] = " / ".join(reversed(parts))
    return out


def _snapshot(conn: Connection) -> dict[str, dict[Any, tuple[str, str]]]:
    """Per kind: key -> (name, content) of every compared object."""
    paths = _paths(conn)
    c = t.code.c
    codes = {
        g: (paths[int(i)], f"{d}") for i, g, d in conn.execute(select(c.id, c.guid, c.description))
    }
    names = dict(conn.execute(select(t.source.c.id, t.source.c.name)).all())
    sc = t.source_content.c
    texts = dict(conn.execute(select(sc.source_id, sc.text)).all())
    k = t.coding.c
    codings = {}
    for g, sid, cid, a, b in conn.execute(
        select(k.guid, k.source_id, k.code_id, k.start_pos, k.end_pos)
    ):
        quote = str(texts.get(sid) or "")[a:b][:QUOTE_LIMIT]
        codings[g] = (f"{paths.get(cid, '?')} · {names.get(sid, '?')}", quote)
    s, d = at.cell_summary.c, at.saved_display.c
    summaries = {
        (dn, rk, ck): (f"{dn} · {rk} × {ck}", str(text))
        for dn, rk, ck, text in conn.execute(
            select(d.name, s.row_key, s.col_key, s.text).join_from(
                at.cell_summary, at.saved_display, d.id == s.display_id
            )
        )
    }
    cc = at.conclusion.c
    conclusions = {
        int(i): (str(text)[:QUOTE_LIMIT], f"{text} [{status}]")
        for i, text, status in conn.execute(select(cc.id, cc.text, cc.status))
    }
    return {"code": codes, "coding": codings, "summary": summaries, "conclusion": conclusions}


def compare(old: str | Path, new: str | Path) -> list[Difference]:
    """Differences from ``old`` to ``new`` (both opened read-only), by kind then name."""
    from qualcode.project import Project

    snaps = []
    for target in (old, new):
        with Project.open(target, read_only=True) as p, p.reading() as conn:
            snaps.append(_snapshot(conn))
    before, after = snaps
    out: list[Difference] = []
    for kind in KINDS:
        a, b = before[kind], after[kind]
        for key in b.keys() - a.keys():
            out.append(Difference(kind, "added", b[key][0], new=b[key][1]))
        for key in a.keys() - b.keys():
            out.append(Difference(kind, "removed", a[key][0], old=a[key][1]))
        for key in a.keys() & b.keys():
            if a[key] != b[key]:
                out.append(Difference(kind, "changed", b[key][0], old=a[key][1], new=b[key][1]))
    out.sort(key=lambda d: (KINDS.index(d.kind), d.change, d.name))
    return out
