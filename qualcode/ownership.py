"""Whose work may change: review mode and other coders' codings, on files as on servers.

A team database enforces ownership with row-level security (see
:mod:`qualcode.team.roles`). A project *file* has no server to refuse, so the
same rules are applied here, in the core, to every row an operation writes:

review mode
    A supervisor opens the student's file for review. The project then behaves
    like the team ``coder`` role: review comments (anyone's thread may be
    resolved or reopened, a text changed only by its author), codings and memos
    the reviewer made herself (with their links to displays), and derived search
    rows are writable; the student's codes, codings, sources, cases, summaries,
    conclusions and the links of her memos are not.
normal mode
    Resizing, recoding or removing a coding another coder made is refused
    unless the caller confirms it (``allow_others=True``): the app asks first,
    the CLI needs ``--allow-others``. On a team server the roles decide instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, select

from qualcode.errors import OthersCodingError, ReviewModeError
from qualcode.store import tables as t
from qualcode.store.models.base import Base
from qualcode.store.recorder import Entry, chunks

ROLES = ("owner", "coder", "reviewer")
DERIVED_PREFIXES = ("search_",)
"""Tables of derived data (search indexes): owners write them, every member reads them."""

# table -> (author column, "id" (a coder.id) or "name", roles writing their own rows,
#           columns anyone of those roles may change on others' rows)
OWN_ROWS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "coding": ("coder_id", "id", ("coder",), ()),
    "memo": ("coder_id", "id", ("coder",), ()),
    "review_comment": (
        "author", "name", ("coder", "reviewer"), ("status", "resolved_at", "resolved_by"),
    ),
}  # fmt: skip
OWN_VIA: dict[str, tuple[str, str]] = {
    "display_memo": ("memo_id", "memo"),
}
"""Rows that belong to whoever owns the row they point at: table -> (column, table of
:data:`OWN_ROWS`). A coder links their own memos to displays and cells and unlinks them;
an owner manages every link."""
HISTORY = {"undo_step": "coder"}
"""Each member's own history rows: others' are invisible to their UPDATE/DELETE."""
APPEND_OWN = {"audit_log": "coder", "coder": "name"}
"""Tables where a member may only add rows naming themselves."""

Guard = Callable[[Entry], None]


def review_guard(coder: str, coder_id: int, conn: Connection | None = None) -> Guard:
    """A check for each row an operation writes in review mode; raises :class:`ReviewModeError`.

    ``conn`` (the operation's connection) finds who owns the rows that :data:`OWN_VIA`
    tables point at; without it those rows are refused.
    """

    def mine(table: str, row: dict[str, Any]) -> bool:
        column, by, _roles, _shared = OWN_ROWS[table]
        return bool(row.get(column) == (coder_id if by == "id" else coder))

    def mine_via(table: str, row: dict[str, Any]) -> bool:
        column, parent = OWN_VIA[table]
        if conn is None or row.get(column) is None:
            return False
        author, by, _roles, _shared = OWN_ROWS[parent]
        owner = Base.metadata.tables[parent].c
        found = conn.execute(select(owner[author]).where(owner.id == row[column])).first()
        return found is not None and found[0] == (coder_id if by == "id" else coder)

    def check(entry: Entry) -> None:
        kind, table, rows = entry
        if table.startswith(DERIVED_PREFIXES):
            return
        if table in OWN_VIA:
            for row in rows:
                images = row if kind == "u" else (row,)
                if not all(mine_via(table, image) for image in images):
                    raise ReviewModeError(what=table.replace("_", " "))
            return
        if table not in OWN_ROWS:
            raise ReviewModeError(what=table.replace("_", " "))
        shared = set(OWN_ROWS[table][3])
        for row in rows:
            if kind == "u":
                before, after = row
                if mine(table, before) and mine(table, after):
                    continue
                changed = {k for k, v in after.items() if before.get(k) != v}
                if changed <= shared:
                    continue
            elif mine(table, row):
                continue
            raise ReviewModeError(what=table.replace("_", " "))

    return check


def others_codings(conn: Connection, coder_id: int, coding_ids: Sequence[int]) -> dict[int, str]:
    """Of ``coding_ids``, those another coder made: coding id -> that coder's name."""
    c, k = t.coding.c, t.coder.c
    out: dict[int, str] = {}
    for part in chunks(list(coding_ids)):
        rows = conn.execute(
            select(c.id, k.name)
            .join_from(t.coding, t.coder, k.id == c.coder_id, isouter=True)
            .where(c.id.in_(part), c.coder_id != coder_id)
        ).all()
        out.update({int(cid): name or "?" for cid, name in rows})
    return out


def require_own(
    conn: Connection, coder_id: int, coding_ids: Sequence[int], *, allow_others: bool
) -> None:
    """Refuse to change another coder's coding unless the caller confirmed it.

    Files only: on a team server the database's roles decide (an owner may
    change anyone's coding, a coder is refused by the server).
    """
    if allow_others or conn.dialect.name != "sqlite":
        return
    others = others_codings(conn, coder_id, coding_ids)
    if others:
        first = min(others)
        raise OthersCodingError(id=first, owner=others[first])
