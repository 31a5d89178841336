"""Memos: analytic memos, reflexive journal entries and notes on any object."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, select

from qualcode.changes import ChangeSet
from qualcode.coding import memo_links
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CaseId, CodeId, CoderId, CodingId, MemoId, SourceId
from qualcode.records import MEMO_KINDS, Memo
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

TARGETS = {"source": t.source, "case": t.cases, "code": t.code, "coding": t.coding}
LINKED_TARGETS = ("conclusion", "display", "cell")
"""Targets a memo reaches through a link table instead of a column of its own."""
TARGET_KINDS = ("project", *TARGETS, *LINKED_TARGETS, "unlinked")
"""What a memo can be on, as :meth:`MemoManager.targets` names it ("unlinked": its display
was deleted)."""


@dataclass(frozen=True, slots=True)
class MemoTarget:
    """What a memo is written on, named for a reader (``"Transmisi"``, ``"W1 Kadis ¶3"``)."""

    kind: str  # project | source | case | code | coding | conclusion | display | cell | unlinked
    id: int | None
    name: str
    quote: str = ""
    row_key: str | None = None
    col_key: str | None = None
    """The cell of a memo on a display cell (keys as ``display --json`` lists them)."""
    row_label: str = ""
    col_label: str = ""


def memo_from_row(row: Any) -> Memo:
    """A :class:`Memo` record from a ``memo`` row."""
    m = row._mapping

    def opt(key: str, kind: Any) -> Any:
        return kind(m[key]) if m[key] is not None else None

    return Memo(
        id=MemoId(m["id"]),
        guid=m["guid"],
        kind=m["kind"],
        title=m["title"],
        text=m["text"],
        coder_id=opt("coder_id", CoderId),
        source_id=opt("source_id", SourceId),
        case_id=opt("case_id", CaseId),
        code_id=opt("code_id", CodeId),
        coding_id=opt("coding_id", CodingId),
        created_at=m["created_at"],
        modified_at=m["modified_at"],
        version=m["version"],
    )


class MemoManager:
    """Reads and operations on memos."""

    def __init__(self, project: Project) -> None:
        self._p = project

    def get(self, memo_id: int) -> Memo:
        """The memo with ``memo_id``."""
        with self._p.reading() as conn:
            return memo_from_row(_require(conn, memo_id))

    def all(self, target: str | None = None, target_id: int | None = None) -> list[Memo]:
        """Memos, optionally only those on one kind of object or on one object."""
        q = select(t.memo).order_by(t.memo.c.created_at, t.memo.c.id)
        linked = target == "project" or target in LINKED_TARGETS or target == "unlinked"
        if target == "project":
            q = q.where(*(t.memo.c[f"{k}_id"].is_(None) for k in TARGETS))
        elif target is not None and not linked:
            col = t.memo.c[f"{_check_target(target)}_id"]
            q = q.where(col == target_id if target_id is not None else col.is_not(None))
        with self._p.reading() as conn:
            memos = [memo_from_row(r) for r in conn.execute(q).all()]
        if not linked:
            return memos
        where = self.targets(memos)
        return [
            m
            for m in memos
            if where[m.id].kind == target and (target_id is None or where[m.id].id == target_id)
        ]

    def on_display(self, display_id: int) -> dict[tuple[str, str] | None, list[Memo]]:
        """Memos on a saved display (key None) and on its cells (key (row key, column key))."""
        with self._p.reading() as conn:
            found = memo_links.on_display(conn, display_id)
        out: dict[tuple[str, str] | None, list[Memo]] = {}
        if not found:
            return out
        memos = {m.id: m for m in self.all() if m.id in {lk.memo_id for lk in found}}
        for lk in sorted(found, key=lambda x: x.memo_id):
            key = (str(lk.row_key), str(lk.col_key)) if lk.is_cell else None
            if lk.memo_id in memos:
                out.setdefault(key, []).append(memos[MemoId(lk.memo_id)])
        return out

    def find(
        self,
        *,
        kinds: Sequence[str] | None = None,
        target: str | None = None,
        coder: str | None = None,
        text: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[Memo]:
        """Memos filtered by kind, target kind, author, words in title/text and date (inclusive).

        The text filter matches every word, case-insensitively, in the title or
        the text, so "sosialisasi desa" finds a memo mentioning both.
        """
        memos = self.all()
        if target is not None:
            targets = self.targets(memos)
            memos = [m for m in memos if targets[m.id].kind == target]
        if kinds:
            memos = [m for m in memos if m.kind in kinds]
        if coder is not None:
            with self._p.reading() as conn:
                ids = {
                    int(r[0])
                    for r in conn.execute(select(t.coder.c.id, t.coder.c.name))
                    if str(r[1]).casefold() == coder.casefold()
                }
            memos = [m for m in memos if m.coder_id in ids]
        if text:
            words = text.casefold().split()
            memos = [m for m in memos if all(w in f"{m.title}\n{m.text}".casefold() for w in words)]
        if since is not None:
            memos = [m for m in memos if _day(m.created_at) >= since]
        if until is not None:
            memos = [m for m in memos if _day(m.created_at) <= until]
        return memos

    def authors(self) -> dict[int, str]:
        """Coder names by id, to say who wrote each memo."""
        with self._p.reading() as conn:
            return {
                int(r[0]): str(r[1]) for r in conn.execute(select(t.coder.c.id, t.coder.c.name))
            }

    def targets(self, memos: Sequence[Memo]) -> dict[int, MemoTarget]:
        """What each memo is written on, with a readable name (and the quote of a coding)."""
        out: dict[int, MemoTarget] = {}
        with self._p.reading() as conn:
            names = {
                "source": {
                    int(r[0]): str(r[1])
                    for r in conn.execute(select(t.source.c.id, t.source.c.name))
                },
                "case": {
                    int(r[0]): str(r[1]) for r in conn.execute(select(t.cases.c.id, t.cases.c.name))
                },
                "code": {
                    int(r[0]): str(r[1]) for r in conn.execute(select(t.code.c.id, t.code.c.name))
                },
            }
            cm, cn = _conclusion_tables()
            on_conclusion = {
                int(r[0]): (int(r[1]), str(r[2]))
                for r in conn.execute(
                    select(cm.c.memo_id, cn.c.id, cn.c.text).join(cn, cn.c.id == cm.c.conclusion_id)
                )
            }
            on_display = memo_links.links(conn)
            for m in memos:
                out[m.id] = _target_of(conn, m, names, on_conclusion, on_display)
        return out

    def create(
        self,
        text: str,
        *,
        title: str = "",
        kind: str = "analytic",
        target: str = "project",
        target_id: int | None = None,
        cell: tuple[str, str] | None = None,
        guid: str | None = None,
    ) -> ChangeSet[Memo]:
        """Write a memo on the project, a source, case, code, coding, conclusion or display.

        ``target="cell"`` writes on one cell of the saved display ``target_id``:
        ``cell`` is its (row, column), each by key or by label.
        """
        _check_kind(kind)
        cell_link = self._cell(target, target_id, cell)
        with self._p.operation("memo.create", QT_TRANSLATE_NOOP("operations", "New memo")) as op:
            values: dict[str, Any] = {
                "kind": kind,
                "title": title.strip(),
                "text": text,
                "coder_id": op.coder_id,
            }
            if target in LINKED_TARGETS:
                pass  # linked after the insert
            elif target != "project":
                _check_target(target)
                table = TARGETS[target]
                if (
                    target_id is None
                    or op.conn.execute(select(table.c.id).where(table.c.id == target_id)).first()
                    is None
                ):
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
                        target=target,
                        id=target_id,
                    )
                values[f"{target}_id"] = target_id
            if guid:
                values["guid"] = guid
            new_id = op.insert(t.memo, values)
            if target == "conclusion":
                _link_conclusion(op, new_id, target_id)
            elif target in ("display", "cell"):
                memo_links.link(op, new_id, _display_id(target_id), cell_link)
            op.note(memo=title, target=target, target_id=target_id)
            op.result = memo_from_row(_require(op.conn, new_id))
        return op.changeset

    def update(
        self,
        memo_id: int,
        *,
        text: str | None = None,
        title: str | None = None,
        kind: str | None = None,
        expected_version: int | None = None,
    ) -> ChangeSet[Memo]:
        """Edit a memo; with ``expected_version`` a concurrent edit is refused, not lost."""
        with self._p.operation("memo.update", QT_TRANSLATE_NOOP("operations", "Edit memo")) as op:
            op.lock(t.memo, memo_id)  # a concurrent editor waits here, then sees our version
            before = memo_from_row(_require(op.conn, memo_id))
            if expected_version is not None and before.version != expected_version:
                from qualcode.errors import ConflictError

                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Someone else changed this memo while you edited it. Copy your text, "
                        "reload the memo and apply your change again.",
                    )
                )
            values: dict[str, Any] = {"modified_at": utcnow(), "version": before.version + 1}
            if text is not None:
                values["text"] = text
            if title is not None:
                values["title"] = title.strip()
            if kind is not None:
                values["kind"] = _check_kind(kind)
            op.update(t.memo, memo_id, values)
            op.note(memo=before.title, chars_before=len(before.text), chars_after=len(text or ""))
            op.result = memo_from_row(_require(op.conn, memo_id))
        return op.changeset

    def delete(self, memo_id: int) -> ChangeSet[None]:
        """Delete a memo."""
        with self._p.operation("memo.delete", QT_TRANSLATE_NOOP("operations", "Delete memo")) as op:
            before = memo_from_row(_require(op.conn, memo_id))
            cm, _cn = _conclusion_tables()
            # Only when linked: on a team server a coder may not write conclusion links at all.
            if op.conn.execute(select(cm.c.memo_id).where(cm.c.memo_id == memo_id)).first():
                op.delete_where(cm, cm.c.memo_id == memo_id)
            memo_links.drop(op, memo_id)
            op.delete(t.memo, memo_id)
            op.note(memo=before.title)
        return op.changeset

    def link_display(
        self, memo_id: int, display_id: int, cell: tuple[str, str] | None = None
    ) -> ChangeSet[Memo]:
        """Put a memo on a saved display or (``cell``: row, column by key or label) one of its
        cells: a memo on the project, or one moved from another display or cell.

        In team mode a coder links their own memos; an owner any memo.
        """
        cell_link = self._cell("cell" if cell is not None else "display", display_id, cell)
        with self._p.operation(
            "memo.link", QT_TRANSLATE_NOOP("operations", "Link memo to display")
        ) as op:
            memo = memo_from_row(_require(op.conn, memo_id))
            other = _other_target(op.conn, memo)
            if other is not None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Memo {id} is written on a {target}; only a memo on the project or on a "
                        "display can be put on a display.",
                    ),
                    id=memo_id,
                    target=other,
                )
            memo_links.link(op, memo_id, display_id, cell_link)
            op.note(memo=memo.title, display=display_id, cell=list(cell) if cell else None)
            op.result = memo
        return op.changeset

    def unlink_display(self, memo_id: int) -> ChangeSet[Memo]:
        """Take a memo off its display or cell: it stays, as a memo on the project."""
        with self._p.operation(
            "memo.unlink", QT_TRANSLATE_NOOP("operations", "Unlink memo from display")
        ) as op:
            memo = memo_from_row(_require(op.conn, memo_id))
            if memo_id not in memo_links.links(op.conn, [memo_id]):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Memo {id} is not on a display."), id=memo_id
                )
            memo_links.drop(op, memo_id)
            op.note(memo=memo.title)
            op.result = memo
        return op.changeset

    def _cell(
        self, target: str, target_id: int | None, cell: tuple[str, str] | None
    ) -> tuple[str, str, str, str] | None:
        """The keys and labels of the cell a memo is written on (checked before writing)."""
        if target != "cell":
            return None
        if cell is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A memo on a cell needs its row and column.")
            )
        return self._p.displays.cell_labels(_display_id(target_id), str(cell[0]), str(cell[1]))


def _display_id(target_id: int | None) -> int:
    if target_id is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no saved display with id {id}."), id=target_id
        )
    return target_id


def _check_kind(kind: str) -> str:
    if kind not in MEMO_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Memo kind must be one of {allowed}, not '{kind}'."),
            allowed=", ".join(MEMO_KINDS),
            kind=kind,
        )
    return kind


def _check_target(target: str) -> str:
    if target not in TARGETS and target not in LINKED_TARGETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Memos can be written on {allowed}, not on '{target}'."),
            allowed=", ".join(["project", *TARGETS, *LINKED_TARGETS]),
            target=target,
        )
    return target


def _link_conclusion(op: Any, memo_id: int, conclusion_id: int | None) -> None:
    conclusion_memo, conclusion = _conclusion_tables()
    found = (
        conclusion_id is not None
        and op.conn.execute(select(conclusion.c.id).where(conclusion.c.id == conclusion_id)).first()
    )
    if not found:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
            target="conclusion",
            id=conclusion_id,
        )
    op.insert(conclusion_memo, {"conclusion_id": conclusion_id, "memo_id": memo_id})


def _conclusion_tables() -> tuple[Table, Table]:
    """(conclusion_memo, conclusion): memos on a conclusion are linked, not columns."""
    from qualcode.store.models import Conclusion, ConclusionMemo

    return ConclusionMemo.__table__, Conclusion.__table__  # type: ignore[return-value]


def _day(value: datetime | None) -> date:
    return value.date() if value is not None else date.min


def _target_of(
    conn: Connection,
    m: Memo,
    names: dict[str, dict[int, str]],
    on_conclusion: dict[int, tuple[int, str]],
    on_display: dict[int, memo_links.DisplayLink],
) -> MemoTarget:
    for kind in ("source", "case", "code"):
        target_id = getattr(m, f"{kind}_id")
        if target_id is not None:
            return MemoTarget(kind, target_id, names[kind].get(target_id, "?"))
    if m.coding_id is not None:
        row = conn.execute(
            select(
                t.coding.c.source_id, t.coding.c.start_pos, t.coding.c.end_pos, t.coding.c.code_id
            ).where(t.coding.c.id == m.coding_id)
        ).first()
        if row is None:
            return MemoTarget("coding", m.coding_id, "?")
        body = (
            conn.execute(
                select(t.source_content.c.text).where(t.source_content.c.source_id == row[0])
            ).scalar()
            or ""
        )
        paragraph = body.count("\n", 0, row[1]) + 1  # as citations number them: lines
        name = f"{names['code'].get(row[3], '?')} — {names['source'].get(row[0], '?')} ¶{paragraph}"
        return MemoTarget("coding", m.coding_id, name, body[row[1] : row[2]])
    if m.id in on_conclusion:
        cid, text = on_conclusion[m.id]
        return MemoTarget("conclusion", cid, text)
    lk = on_display.get(m.id)
    if lk is not None:
        kind = "unlinked" if lk.display_id is None else "cell" if lk.is_cell else "display"
        return MemoTarget(kind, lk.display_id, lk.name, "", lk.row_key, lk.col_key,
                          lk.row_label, lk.col_label)  # fmt: skip
    return MemoTarget("project", None, "")


def _other_target(conn: Connection, memo: Memo) -> str | None:
    """What a memo is written on other than the project or a display (None: nothing else)."""
    for kind in ("source", "case", "code", "coding"):
        if getattr(memo, f"{kind}_id") is not None:
            return kind
    cm, _cn = _conclusion_tables()
    if conn.execute(select(cm.c.memo_id).where(cm.c.memo_id == memo.id)).first() is not None:
        return "conclusion"
    return None


def _require(conn: Connection, memo_id: int) -> Any:
    row = conn.execute(select(t.memo).where(t.memo.c.id == memo_id)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no memo with id {id}."), id=memo_id
        )
    return row
