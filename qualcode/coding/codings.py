"""Codings: a code applied to a range of a source's plain text (all undoable).

Positions are code-point offsets into the stored text; every write checks the
range against the source's length, so a coding can never point past the text.
Overlapping codings are normal; the same code twice on exactly the same range
by the same coder is refused.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from qualcode.changes import ChangeSet
from qualcode.coding.codes import check_name
from qualcode.coding.invivo import invivo_name
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CodeId, CoderId, CodingId, SourceId
from qualcode.ownership import others_codings, require_own
from qualcode.records import VALENCES, Code, Coding
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

ATTRIBUTES = ("valence", "magnitude", "period", "event_date", "weight", "note")


def coding_from_row(row: Any) -> Coding:
    """A :class:`Coding` record from a ``coding`` table row."""
    return coding_from_image(row._mapping)


def coding_from_image(m: Any) -> Coding:
    """A :class:`Coding` record from a column-name mapping (a row or a recorded image)."""
    return Coding(
        id=CodingId(m["id"]),
        guid=m["guid"],
        source_id=SourceId(m["source_id"]),
        code_id=CodeId(m["code_id"]),
        coder_id=CoderId(m["coder_id"]),
        start=m["start_pos"],
        end=m["end_pos"],
        valence=m["valence"],
        magnitude=m["magnitude"],
        period=m["period"],
        event_date=m["event_date"],
        weight=m["weight"],
        note=m["note"],
        created_at=m["created_at"],
        modified_at=m["modified_at"],
        flag=m.get("flag"),
    )


@dataclass(frozen=True, slots=True)
class CodingFilter:
    """Which codings to list; every field left None means "any"."""

    source_ids: Sequence[int] | None = None
    code_ids: Sequence[int] | None = None
    coder_ids: Sequence[int] | None = None
    valence: str | None = None


def check_attributes(values: dict[str, Any]) -> dict[str, Any]:
    """Validate per-coding attributes (valence, magnitude, period, date, weight, note)."""
    unknown = set(values) - set(ATTRIBUTES)
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Codings have no attribute(s) {names}."),
            names=", ".join(sorted(unknown)),
        )
    out = dict(values)
    valence = out.get("valence")
    if valence is not None and valence not in VALENCES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Valence must be one of {allowed}, not '{value}'."),
            allowed=", ".join(VALENCES),
            value=valence,
        )
    event = out.get("event_date")
    if isinstance(event, str):
        try:
            out["event_date"] = date.fromisoformat(event)
        except ValueError as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "'{value}' is not a date (YYYY-MM-DD)."), value=event
            ) from exc
    if "note" in out and out["note"] is None:
        out["note"] = ""
    return out


class CodingManager:
    """Reads and operations on the codings of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -------------------------------------------------------------------
    def get(self, coding_id: int) -> Coding:
        """The coding with ``coding_id`` or :class:`NotFoundError`."""
        with self._p.reading() as conn:
            return _require(conn, coding_id)

    def list(self, flt: CodingFilter | None = None) -> builtins.list[Coding]:
        """Codings matching ``flt``, by source then position."""
        flt = flt or CodingFilter()
        c = t.coding.c
        q = select(t.coding)
        if flt.source_ids is not None:
            q = q.where(c.source_id.in_(list(flt.source_ids)))
        if flt.code_ids is not None:
            q = q.where(c.code_id.in_(list(flt.code_ids)))
        if flt.coder_ids is not None:
            q = q.where(c.coder_id.in_(list(flt.coder_ids)))
        if flt.valence is not None:
            q = q.where(c.valence == flt.valence)
        with self._p.reading() as conn:
            rows = conn.execute(q.order_by(c.source_id, c.start_pos, c.end_pos, c.id)).all()
        return [coding_from_row(r) for r in rows]

    def in_source(self, source_id: int) -> builtins.list[Coding]:
        """Every coding of one source, in text order."""
        return self.list(CodingFilter(source_ids=[source_id]))

    def at(self, source_id: int, offset: int) -> builtins.list[Coding]:
        """Codings of ``source_id`` that cover ``offset``."""
        c = t.coding.c
        with self._p.reading() as conn:
            rows = conn.execute(
                select(t.coding)
                .where(c.source_id == source_id, c.start_pos <= offset, c.end_pos > offset)
                .order_by(c.start_pos, c.id)
            ).all()
        return [coding_from_row(r) for r in rows]

    # -- operations ------------------------------------------------------------
    def apply(
        self,
        source_id: int,
        start: int,
        end: int,
        code_id: int,
        **attributes: Any,
    ) -> ChangeSet[Coding]:
        """Code ``text[start:end]`` of a source with a code, as the acting coder."""
        result = self.apply_many(source_id, start, end, [code_id], **attributes)
        coding = result.result[0] if result.result else None
        return ChangeSet(result.op, result.label, result.touched, coding)

    def apply_many(
        self,
        source_id: int,
        start: int,
        end: int,
        code_ids: Sequence[int],
        **attributes: Any,
    ) -> ChangeSet[builtins.list[Coding]]:
        """Code one range with several codes at once (one undo step)."""
        attrs = check_attributes(attributes)
        if not code_ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose at least one code."))
        with self._p.operation("coding.apply", QT_TRANSLATE_NOOP("operations", "Code text")) as op:
            _check_range(op.conn, source_id, start, end)
            _require_codes(op.conn, code_ids)
            rows = [
                {
                    "source_id": source_id,
                    "code_id": code_id,
                    "coder_id": op.coder_id,
                    "start_pos": start,
                    "end_pos": end,
                    **{k: attrs.get(k) for k in ATTRIBUTES if k != "note"},
                    "note": attrs.get("note") or "",
                }
                for code_id in dict.fromkeys(code_ids)
            ]
            try:
                ids = op.insert_many(t.coding, rows)
            except IntegrityError as exc:
                raise _duplicate() from exc
            op.note(source=source_id, start=start, end=end, codes=list(code_ids))
            op.result = [coding_from_image(img) for img in op.entries[-1][2]]
            assert [c.id for c in op.result] == ids
        return op.changeset

    def apply_ranges(
        self, code_id: int, ranges: Iterable[tuple[int, int, int]], *, label: str | None = None
    ) -> ChangeSet[builtins.list[Coding]]:
        """Code many (source, start, end) ranges with one code in one undo step.

        Ranges this coder already coded with this code are skipped, not errors:
        this is what auto-coding and imports need.
        """
        with self._p.operation(
            "coding.apply_ranges", label or QT_TRANSLATE_NOOP("operations", "Code text")
        ) as op:
            _require_code(op.conn, code_id)
            c = t.coding.c
            wanted = list(dict.fromkeys(ranges))
            sources = {s for s, _, _ in wanted}
            existing = {
                (sid, a, b)
                for sid, a, b in op.conn.execute(
                    select(c.source_id, c.start_pos, c.end_pos).where(
                        c.code_id == code_id, c.coder_id == op.coder_id
                    )
                )
            }
            lengths = _lengths(op.conn, sources)
            rows = []
            for sid, a, b in wanted:
                _check_bounds(sid, a, b, lengths.get(sid))
                if (sid, a, b) not in existing:
                    rows.append(
                        {
                            "source_id": sid,
                            "code_id": code_id,
                            "coder_id": op.coder_id,
                            "start_pos": a,
                            "end_pos": b,
                            "note": "",
                        }
                    )
            ids = op.insert_many(t.coding, rows)
            op.note(code=code_id, ranges=len(wanted), added=len(ids))
            op.result = [coding_from_image(img) for img in op.entries[-1][2]] if ids else []
        return op.changeset

    def by_others(self, coding_ids: Sequence[int]) -> dict[int, str]:
        """Of ``coding_ids``, those another coder made (id -> coder): ask before changing them."""
        with self._p.reading() as conn:
            return others_codings(conn, self._p._coder(conn), coding_ids)

    def remove(self, coding_ids: Sequence[int], *, allow_others: bool = False) -> ChangeSet[None]:
        """Remove codings (and memos written on them).

        Another coder's coding is removed only with ``allow_others=True`` (the
        caller asked the user first).
        """
        ids = list(dict.fromkeys(coding_ids))
        if not ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose codings to remove."))
        with self._p.operation(
            "coding.remove", QT_TRANSLATE_NOOP("operations", "Remove coding")
        ) as op:
            found = {r.id for r in (coding_from_row(x) for x in _rows(op.conn, ids))}
            missing = [i for i in ids if i not in found]
            if missing:
                raise _not_found(missing[0])
            require_own(op.conn, op.coder_id, ids, allow_others=allow_others)
            op.delete_where(t.memo, t.memo.c.coding_id.in_(ids))
            op.delete_where(t.coding, t.coding.c.id.in_(ids))
            op.note(codings=ids)
        return op.changeset

    def resize(
        self, coding_id: int, start: int, end: int, *, allow_others: bool = False
    ) -> ChangeSet[Coding]:
        """Move a coding's boundaries (another coder's only with ``allow_others=True``)."""
        with self._p.operation(
            "coding.resize", QT_TRANSLATE_NOOP("operations", "Resize coding")
        ) as op:
            before = _require(op.conn, coding_id)
            require_own(op.conn, op.coder_id, [coding_id], allow_others=allow_others)
            _check_range(op.conn, before.source_id, start, end)
            try:
                op.update(
                    t.coding,
                    coding_id,
                    {"start_pos": start, "end_pos": end, "modified_at": utcnow()},
                )
            except IntegrityError as exc:
                raise _duplicate() from exc
            op.note(before=[before.start, before.end], after=[start, end])
            op.result = _require(op.conn, coding_id)
        return op.changeset

    def recode(
        self, coding_ids: Sequence[int], code_id: int, *, allow_others: bool = False
    ) -> ChangeSet[builtins.list[Coding]]:
        """Give codings another code (another coder's only with ``allow_others=True``)."""
        ids = list(dict.fromkeys(coding_ids))
        with self._p.operation("coding.recode", QT_TRANSLATE_NOOP("operations", "Recode")) as op:
            _require_code(op.conn, code_id)
            rows = _rows(op.conn, ids)
            if len(rows) != len(ids):
                found = {r._mapping["id"] for r in rows}
                raise _not_found(next(i for i in ids if i not in found))
            require_own(op.conn, op.coder_id, ids, allow_others=allow_others)
            try:
                op.update_where(
                    t.coding, t.coding.c.id.in_(ids), {"code_id": code_id, "modified_at": utcnow()}
                )
            except IntegrityError as exc:
                raise _duplicate() from exc
            op.note(codings=ids, code=code_id)
            op.result = [coding_from_row(r) for r in _rows(op.conn, ids)]
        return op.changeset

    def set_attributes(self, coding_id: int, **attributes: Any) -> ChangeSet[Coding]:
        """Set per-coding attributes: valence, magnitude, period, event_date, weight, note."""
        attrs = check_attributes(attributes)
        with self._p.operation(
            "coding.attributes", QT_TRANSLATE_NOOP("operations", "Edit coding")
        ) as op:
            before = _require(op.conn, coding_id)
            op.update(t.coding, coding_id, {**attrs, "modified_at": utcnow()})
            op.note(
                coding=coding_id,
                before={k: str(getattr(before, k)) for k in attrs},
                after={k: str(v) for k, v in attrs.items()},
            )
            op.result = _require(op.conn, coding_id)
        return op.changeset

    # -- combined actions: each ONE operation, so a failed step takes back the others ------
    def apply_new_code(
        self,
        source_id: int,
        start: int,
        end: int,
        name: str,
        *,
        parent_id: int | None = None,
        **attributes: Any,
    ) -> ChangeSet[tuple[Code, Coding]]:
        """Create a code ``name`` and code ``text[start:end]`` with it (one undo step).

        A name taken among the siblings is refused and nothing changes.
        """
        with self._p.operation(
            "coding.apply_new_code", QT_TRANSLATE_NOOP("operations", "Code with a new code")
        ) as op:
            code = _result(self._p.codes.create(name, parent_id=parent_id))
            coding = _result(self.apply(source_id, start, end, code.id, **attributes))
            op.note(code=code.name, source=source_id, start=start, end=end)
            op.result = (code, coding)
        return op.changeset

    def recode_new_code(
        self, coding_ids: Sequence[int], name: str, *, parent_id: int | None = None
    ) -> ChangeSet[tuple[Code, builtins.list[Coding]]]:
        """Create a code ``name`` and give ``coding_ids`` that code (one undo step)."""
        with self._p.operation(
            "coding.recode_new_code", QT_TRANSLATE_NOOP("operations", "Recode")
        ) as op:
            code = _result(self._p.codes.create(name, parent_id=parent_id))
            codings = _result(self.recode(coding_ids, code.id))
            op.note(code=code.name, codings=list(coding_ids))
            op.result = (code, codings)
        return op.changeset

    def in_vivo(
        self,
        source_id: int,
        start: int,
        end: int,
        *,
        parent_id: int | None = None,
        name: str | None = None,
        **attributes: Any,
    ) -> ChangeSet[tuple[Code, Coding]]:
        """Code ``text[start:end]`` with a code named from its own words (see
        :func:`qualcode.coding.invivo.invivo_name`).

        The same words coded again reuse the code of that name under ``parent_id``
        (compared case-insensitively) instead of making a duplicate, so repeated
        phrases gather under one in-vivo code.
        """
        text = self._p.sources.text(source_id)
        _check_bounds(source_id, start, end, len(text))
        wanted = check_name(name or invivo_name(text[start:end]))
        with self._p.operation(
            "coding.invivo", QT_TRANSLATE_NOOP("operations", "Code in vivo")
        ) as op:
            if parent_id is not None:
                self._p.codes.get(parent_id)  # a missing parent is an error, not a top level
            same = [
                c for c in self._p.codes.children(parent_id) if c.name.lower() == wanted.lower()
            ]
            code = same[0] if same else _result(self._p.codes.create(wanted, parent_id=parent_id))
            coding = _result(self.apply(source_id, start, end, code.id, **attributes))
            op.note(code=code.name, source=source_id, start=start, end=end, new=not same)
            op.result = (code, coding)
        return op.changeset

    def flagged(self) -> builtins.list[Coding]:
        """Codings whose text was corrected after coding and that nobody has reviewed yet."""
        with self._p.reading() as conn:
            rows = conn.execute(
                select(t.coding).where(t.coding.c.flag.is_not(None)).order_by(t.coding.c.id)
            ).all()
        return [coding_from_row(r) for r in rows]

    def mark_reviewed(self, coding_ids: Sequence[int]) -> ChangeSet[None]:
        """Clear the "text edited" flag of codings the researcher has looked at again."""
        ids = list(dict.fromkeys(coding_ids))
        if not ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose codings to mark reviewed."))
        with self._p.operation(
            "coding.reviewed", QT_TRANSLATE_NOOP("operations", "Mark coding reviewed")
        ) as op:
            found = {coding_from_row(x).id for x in _rows(op.conn, ids)}
            missing = [i for i in ids if i not in found]
            if missing:
                raise _not_found(missing[0])
            op.update_where(t.coding, t.coding.c.id.in_(ids), {"flag": None})
            op.note(codings=ids)
        return op.changeset


def _result[T](changes: ChangeSet[T]) -> T:
    """The result of an inner operation (set by every operation that returns one)."""
    assert changes.result is not None
    return changes.result


def _rows(conn: Connection, ids: Sequence[int]) -> list[Any]:
    from qualcode.store.recorder import chunks

    out: list[Any] = []
    for part in chunks(list(ids)):
        out.extend(conn.execute(select(t.coding).where(t.coding.c.id.in_(part))).all())
    order = {cid: n for n, cid in enumerate(ids)}
    out.sort(key=lambda r: order[r._mapping["id"]])
    return out


def _require(conn: Connection, coding_id: int) -> Coding:
    row = conn.execute(select(t.coding).where(t.coding.c.id == coding_id)).first()
    if row is None:
        raise _not_found(coding_id)
    return coding_from_row(row)


def _not_found(coding_id: int) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("errors", "There is no coding with id {id}."), id=coding_id
    )


def _duplicate() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "errors",
            "This passage already has that code from the same coder at exactly that range.",
        )
    )


def _require_code(conn: Connection, code_id: int) -> None:
    _require_codes(conn, [code_id])


def _require_codes(conn: Connection, code_ids: Sequence[int]) -> None:
    wanted = set(code_ids)
    found = {r[0] for r in conn.execute(select(t.code.c.id).where(t.code.c.id.in_(wanted)))}
    for code_id in code_ids:
        if code_id not in found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no code with id {id}."), id=code_id
            )


def _lengths(conn: Connection, source_ids: Iterable[int]) -> dict[int, int]:
    ids = list(source_ids)
    rows = conn.execute(select(t.source.c.id, t.source.c.length).where(t.source.c.id.in_(ids)))
    return dict(rows.all())


def _check_bounds(source_id: int, start: int, end: int, length: int | None) -> None:
    if length is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no source with id {id}."), id=source_id
        )
    if not (0 <= start < end <= length):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The range {start}–{end} is not inside the text (0–{length}); a coding needs "
                "start < end within the text.",
            ),
            start=start,
            end=end,
            length=length,
        )


def _check_range(conn: Connection, source_id: int, start: int, end: int) -> None:
    _check_bounds(source_id, start, end, _lengths(conn, [source_id]).get(source_id))
