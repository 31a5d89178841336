"""The code tree: create, edit, move, merge and delete codes (all undoable)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, bindparam, func, select

from qualcode.changes import ChangeSet
from qualcode.coding import code_merge
from qualcode.errors import ConflictError, NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CodeId
from qualcode.records import Code, CodeLink, positional
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
EDITABLE = ("name", "color", "short", "description", "inclusion", "exclusion", "example", "labels")


@dataclass(frozen=True, slots=True)
class CodeCounts:
    """A code's codings, sources and cases: its own, and over it and all its sub-codes."""

    codings: int
    sources: int
    cases: int
    all_codings: int
    all_sources: int
    all_cases: int


def _subtree_pairs(parents: dict[int, int | None], tops: Iterable[int]) -> list[tuple[int, int]]:
    """(top, code) for every code in the subtree of each top (the top itself included)."""
    children: dict[int | None, list[int]] = {}
    for code_id, parent_id in parents.items():
        children.setdefault(parent_id, []).append(code_id)
    pairs = []
    for top in tops:
        stack = [top]
        while stack:
            code_id = stack.pop()
            pairs.append((top, code_id))
            stack.extend(children.get(code_id, ()))
    return pairs


def _link_from_row(row: Any) -> CodeLink:
    m = row._mapping
    return CodeLink(
        id=m["id"], guid=m["guid"], from_code_id=CodeId(m["from_code_id"]),
        to_code_id=CodeId(m["to_code_id"]) if m["to_code_id"] is not None else None,
        target_ref=m["target_ref"], relation=m["relation"], note=m["note"],
    )  # fmt: skip


_C = t.code.c
CODE_COLUMNS = (
    _C.id, _C.guid, _C.parent_id, _C.name, _C.color, _C.short, _C.description, _C.inclusion,
    _C.exclusion, _C.example, _C.labels, _C.codebook, _C.codebook_code, _C.position, _C.version,
)  # fmt: skip
"""The columns a :class:`Code` holds, in its field order (no timestamps to parse)."""
_make_code = positional(Code)
_CODES_IN = select(*CODE_COLUMNS).where(_C.id.in_(bindparam("ids", expanding=True))).order_by(_C.id)


def code_from_columns(row: Sequence[Any]) -> Code:
    """A :class:`Code` record from a row of :data:`CODE_COLUMNS` (read by position: listing
    the 500 codes of a large project is part of every excerpt export)."""
    cid, guid, parent, name, color, short, desc, incl, excl, example, labels, *tail = row
    book, book_code, position, version = tail
    return _make_code(
        CodeId(cid), guid, None if parent is None else CodeId(parent), name, color, short, desc,
        incl, excl, example, dict(labels) if labels else {}, book, book_code, position, version,
    )  # fmt: skip


def code_from_row(row: Any) -> Code:
    """A :class:`Code` record from a ``code`` table row."""
    m = row._mapping
    return Code(
        id=CodeId(m["id"]),
        guid=m["guid"],
        parent_id=CodeId(m["parent_id"]) if m["parent_id"] is not None else None,
        name=m["name"],
        color=m["color"],
        short=m["short"],
        description=m["description"],
        inclusion=m["inclusion"],
        exclusion=m["exclusion"],
        example=m["example"],
        labels=dict(m["labels"] or {}),
        codebook=m["codebook"],
        codebook_code=m["codebook_code"],
        position=m["position"],
        version=m["version"],
    )


def _code_ids(code: Code) -> tuple[int, int | None]:
    return code.id, code.parent_id


@cache
def _lineage(children: bool) -> Select[Any]:
    """The statement of :meth:`CodeManager.lineage`: the codes asked for (and below them),
    then up their parents (two recursive CTEs; both engines read them), built once."""
    down = select(_C.id).where(_C.id.in_(bindparam("ids", expanding=True))).cte("down", True)
    if children:
        below = t.code.alias("below")
        down = down.union(select(below.c.id).join(down, below.c.parent_id == down.c.id))
    up = select(down.c.id).cte("up", recursive=True)
    above = t.code.alias("above")
    up = up.union(
        select(above.c.parent_id)
        .join(up, above.c.id == up.c.id)
        .where(above.c.parent_id.is_not(None))
    )
    return select(*CODE_COLUMNS).where(_C.id.in_(select(up.c.id))).order_by(_C.position, _C.id)


def _tree_order[T](items: list[T], ids: Callable[[T], tuple[int, int | None]]) -> list[T]:
    """``items`` (sorted by position) depth first from the top: parents before children,
    siblings in their order; an item whose parent is missing is left out."""
    children: dict[int | None, list[tuple[int, T]]] = {}
    for item in items:
        own, parent = ids(item)
        children.setdefault(parent, []).append((own, item))
    ordered: list[T] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        own, item = stack.pop()
        ordered.append(item)
        stack.extend(reversed(children.get(own, ())))
    return ordered


def check_color(color: str) -> str:
    """Validate a ``#RRGGBB`` colour and return it lower-cased."""
    if not COLOR_RE.match(color or ""):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "'{color}' is not a colour; use the form #RRGGBB."),
            color=color,
        )
    return color.lower()


def check_name(name: str) -> str:
    """Validate a code name (not empty, no slash: slashes separate paths)."""
    clean = " ".join((name or "").split())
    if not clean:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A code needs a name."))
    if "/" in clean:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A code name cannot contain '/': '{name}'."), name=clean
        )
    return clean


class CodeManager:
    """Reads and operations on the code tree of one project."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -------------------------------------------------------------------
    def get(self, code_id: int) -> Code:
        """The code with ``code_id``, or :class:`NotFoundError`."""
        with self._p.reading() as conn:
            row = conn.execute(select(t.code).where(t.code.c.id == code_id)).first()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no code with id {id}."), id=code_id
            )
        return code_from_row(row)

    def all(self) -> list[Code]:
        """Every code, parents before children, siblings in their order."""
        with self._p.reading() as conn:
            rows = conn.execute(select(*CODE_COLUMNS).order_by(_C.position, _C.id)).all()
        return _tree_order([code_from_columns(r) for r in rows], _code_ids)

    def lineage(self, code_ids: Iterable[int], *, children: bool = True) -> list[Code]:
        """The codes ``code_ids`` (unknown ids left out), every code below them when
        ``children``, and every code above them, in the order :meth:`all` lists them: what a
        selection of a few codes of a large tree needs (their paths name their parents)."""
        with self._p.reading() as conn:
            rows = conn.execute(_lineage(children), {"ids": sorted(set(code_ids))}).all()
        return _tree_order([code_from_columns(r) for r in rows], _code_ids)

    def many(self, code_ids: Iterable[int]) -> list[Code]:
        """The codes with these ids (unknown ids left out), by id."""
        from qualcode.store.recorder import chunks

        out: list[Code] = []
        with self._p.reading() as conn:
            for part in chunks(sorted(set(code_ids))):
                out.extend(code_from_columns(r) for r in conn.execute(_CODES_IN, {"ids": part}))
        return out

    def children(self, code_id: int | None) -> list[Code]:
        """Direct children of ``code_id`` (top-level codes for None)."""
        with self._p.reading() as conn:
            parent = t.code.c.parent_id
            cond = parent.is_(None) if code_id is None else parent == code_id
            rows = conn.execute(
                select(t.code).where(cond).order_by(t.code.c.position, t.code.c.id)
            ).all()
        return [code_from_row(r) for r in rows]

    def descendants(self, code_id: int) -> list[CodeId]:
        """Ids of every code below ``code_id`` (not including it)."""
        with self._p.reading() as conn:
            return _descendants(conn, code_id)

    def path(self, code_id: int) -> list[Code]:
        """The chain of codes from the top of the tree down to ``code_id``."""
        chain: list[Code] = []
        current: int | None = code_id
        while current is not None:
            code = self.get(current)
            chain.append(code)
            current = code.parent_id
        return chain[::-1]

    def path_text(self, code_id: int, sep: str = " / ") -> str:
        """``Parent / Child`` text for ``code_id``."""
        return sep.join(c.name for c in self.path(code_id))

    def find(self, name_or_path: str) -> Code:
        """A code by name, by ``Parent/Child`` path as displayed, or by id (case-insensitive).

        See :func:`qualcode.coding.code_match.resolve_code`: names first (they may
        contain "/"), then paths, then ids; a shared name is an error naming the
        paths, an unknown one suggests the closest codes.
        """
        from qualcode.coding.code_match import resolve_code

        found: Code = resolve_code(name_or_path, self.all())
        return found

    def counts(self) -> dict[CodeId, tuple[int, int]]:
        """Per code: (number of codings, number of sources coded)."""
        c = t.coding.c
        with self._p.reading() as conn:
            rows = conn.execute(
                select(c.code_id, func.count(), func.count(c.source_id.distinct())).group_by(
                    c.code_id
                )
            ).all()
        return {CodeId(r[0]): (int(r[1]), int(r[2])) for r in rows}

    def rollup(self, code_ids: Iterable[int] | None = None) -> dict[CodeId, CodeCounts]:
        """Per code: its own codings, sources and cases, and the same over its whole subtree.

        A parent whose codings sit on its sub-codes is not empty (NVivo's "aggregate",
        MAXQDA's collapsed total). Sources and cases are counted distinct over the
        subtree, not summed; a coding belongs to a case when its source is linked to
        the case as a whole or its range overlaps one of the case's ranges. With
        ``code_ids`` only those codes are counted (each still over its full subtree),
        which is what a view needs after one coding was applied.
        """
        c, lk = t.coding.c, t.case_link.c
        with self._p.reading() as conn:
            parents = {
                int(r[0]): r[1] for r in conn.execute(select(t.code.c.id, t.code.c.parent_id))
            }
            wanted = parents.keys() if code_ids is None else {int(i) for i in code_ids}
            tops = sorted(wanted & parents.keys())
            if not tops:
                return {}
            pairs = _subtree_pairs(parents, tops)
            narrow = [] if code_ids is None else [c.code_id.in_(sorted({k for _, k in pairs}))]
            per_source = conn.execute(  # in the order of the (source, code, ...) index
                select(c.source_id, c.code_id, func.count())
                .where(*narrow)
                .group_by(c.source_id, c.code_id)
            ).all()
            whole: dict[int, list[int]] = {}
            for source_id, case_id in conn.execute(
                select(lk.source_id, lk.case_id).where(lk.start_pos.is_(None))
            ):
                whole.setdefault(source_id, []).append(case_id)
            # A turn overlaps a coding when it starts before the coding ends and ends after
            # it starts; bounding its start from below too lets the (source, start) index
            # find the few turns near each coding instead of every turn of the source.
            longest = conn.execute(select(func.max(lk.end_pos - lk.start_pos))).scalar()
            per_turn: Sequence[Any] = []
            if longest is not None:
                near = (
                    (lk.source_id == c.source_id)
                    & (lk.start_pos < c.end_pos)
                    & (lk.start_pos >= c.start_pos - longest)
                    & (lk.end_pos > c.start_pos)
                )
                per_turn = conn.execute(
                    select(c.code_id, lk.case_id)
                    .distinct()
                    .select_from(t.coding.join(t.case_link, near))
                    .where(*narrow)
                ).all()
        # per code: [codings, sources, cases]
        per_code: dict[int, tuple[list[int], set[int], set[int]]] = {}
        for source_id, code_id, n in per_source:
            entry = per_code.get(code_id)
            if entry is None:
                entry = per_code[code_id] = ([0], set(), set())
            entry[0][0] += n
            entry[1].add(source_id)
            linked = whole.get(source_id)  # cases linked to the whole source
            if linked:
                entry[2].update(linked)
        for code_id, case_id in per_turn:
            entry = per_code.get(code_id)
            if entry is None:
                entry = per_code[code_id] = ([0], set(), set())
            entry[2].add(case_id)
        members: dict[int, list[int]] = {}
        for top, code_id in pairs:
            if code_id in per_code:
                members.setdefault(top, []).append(code_id)
        empty: tuple[list[int], set[int], set[int]] = ([0], set(), set())
        out: dict[CodeId, CodeCounts] = {}
        for top in tops:
            own = per_code.get(top, empty)
            parts = [per_code[m] for m in members.get(top, ())]
            if not parts or (len(parts) == 1 and parts[0] is own):  # no sub-code coded
                total = own
            else:
                total = (
                    [sum(p[0][0] for p in parts)],
                    set().union(*(p[1] for p in parts)),
                    set().union(*(p[2] for p in parts)),
                )
            out[CodeId(top)] = CodeCounts(
                own[0][0], len(own[1]), len(own[2]), total[0][0], len(total[1]), len(total[2])
            )
        return out

    # -- operations --------------------------------------------------------------------
    def create(
        self,
        name: str,
        *,
        parent_id: int | None = None,
        color: str | None = None,
        short: str = "",
        description: str = "",
        inclusion: str = "",
        exclusion: str = "",
        example: str = "",
        labels: dict[str, str] | None = None,
        codebook: str | None = None,
        codebook_code: str | None = None,
        guid: str | None = None,
    ) -> ChangeSet[Code]:
        """Create a code (under ``parent_id``); names are unique among siblings."""
        name = check_name(name)
        with self._p.operation("code.create", QT_TRANSLATE_NOOP("operations", "New code")) as op:
            if parent_id is not None:
                self._require(op.conn, parent_id)
            self._check_unique(op.conn, parent_id, name)
            siblings = op.conn.execute(
                select(func.count()).select_from(t.code).where(_parent_is(parent_id))
            ).scalar_one()
            values: dict[str, Any] = {
                "name": name,
                "parent_id": parent_id,
                "color": check_color(color) if color else DEFAULT_COLORS[siblings % 10],
                "short": short,
                "description": description,
                "inclusion": inclusion,
                "exclusion": exclusion,
                "example": example,
                "labels": dict(labels or {}),
                "codebook": codebook,
                "codebook_code": codebook_code,
                "position": siblings,
            }
            if guid:
                values["guid"] = guid
            new_id = op.insert(t.code, values)
            op.note(code=name, parent=parent_id)
            op.result = self.get(new_id)
        return op.changeset

    def update(
        self, code_id: int, *, expected_version: int | None = None, **fields: Any
    ) -> ChangeSet[Code]:
        """Edit a code's name, colour, definitions, example or labels.

        With ``expected_version`` (the version the editor started from) a
        concurrent edit by someone else is refused with :class:`ConflictError`.
        """
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Codes have no field(s) {fields}."),
                fields=", ".join(sorted(unknown)),
            )
        label = QT_TRANSLATE_NOOP("operations", "Edit code")
        name = "code.update"
        if set(fields) == {"name"}:
            name, label = "code.rename", QT_TRANSLATE_NOOP("operations", "Rename code")
        elif set(fields) == {"color"}:
            name, label = "code.recolor", QT_TRANSLATE_NOOP("operations", "Recolour code")
        with self._p.operation(name, label) as op:
            op.lock(t.code, code_id)  # a concurrent editor waits here, then sees our version
            before = self._require(op.conn, code_id)
            if expected_version is not None and before.version != expected_version:
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Someone else changed the code {code} while you edited it. Reload "
                        "the code and apply your change again.",
                    ),
                    code=before.name,
                )
            values = dict(fields)
            if "name" in values:
                values["name"] = check_name(values["name"])
                if values["name"] != before.name:
                    self._check_unique(op.conn, before.parent_id, values["name"], exclude=code_id)
            if "color" in values:
                values["color"] = check_color(values["color"])
            if "labels" in values:
                values["labels"] = dict(values["labels"] or {})
            values["modified_at"] = utcnow()
            values["version"] = before.version + 1
            op.update(t.code, code_id, values)
            op.note(
                code=before.name,
                before={k: getattr(before, k) for k in fields},
                after={k: values[k] for k in fields},
            )
            op.result = self.get(code_id)
        return op.changeset

    def rename(self, code_id: int, name: str) -> ChangeSet[Code]:
        """Rename a code."""
        return self.update(code_id, name=name)

    def recolor(self, code_id: int, color: str) -> ChangeSet[Code]:
        """Give a code a new colour."""
        return self.update(code_id, color=color)

    def move(
        self, code_id: int, parent_id: int | None, position: int | None = None
    ) -> ChangeSet[Code]:
        """Move a code (with its subtree) under ``parent_id`` at ``position`` among siblings."""
        with self._p.operation("code.move", QT_TRANSLATE_NOOP("operations", "Move code")) as op:
            code = self._require(op.conn, code_id)
            if parent_id is not None:
                self._require(op.conn, parent_id)
                if parent_id == code_id or parent_id in _descendants(op.conn, code_id):
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "errors", "'{name}' cannot be moved under itself or its own sub-code."
                        ),
                        name=code.name,
                    )
            if parent_id != code.parent_id:
                self._check_unique(op.conn, parent_id, code.name, exclude=code_id)
            siblings = [
                r[0]
                for r in op.conn.execute(
                    select(t.code.c.id)
                    .where(_parent_is(parent_id), t.code.c.id != code_id)
                    .order_by(t.code.c.position, t.code.c.id)
                )
            ]
            pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
            siblings.insert(pos, code_id)
            op.update(t.code, code_id, {"parent_id": parent_id, "modified_at": utcnow()})
            self._renumber(op, siblings)
            if parent_id != code.parent_id:
                old = [
                    r[0]
                    for r in op.conn.execute(
                        select(t.code.c.id)
                        .where(_parent_is(code.parent_id))
                        .order_by(t.code.c.position, t.code.c.id)
                    )
                ]
                self._renumber(op, old)
            op.note(code=code.name, before=code.parent_id, after=parent_id, position=pos)
            op.result = self.get(code_id)
        return op.changeset

    def delete(self, code_id: int) -> ChangeSet[None]:
        """Delete a code, its sub-codes, their codings and memos (undo restores them all)."""
        with self._p.operation("code.delete", QT_TRANSLATE_NOOP("operations", "Delete code")) as op:
            code = self._require(op.conn, code_id)
            ids = [code_id, *_descendants(op.conn, code_id)]
            removed = self._delete_codes(op, ids)
            op.note(code=code.name, codes=len(ids), codings=removed)
        return op.changeset

    def merge(self, source_ids: Sequence[int], target_id: int) -> ChangeSet[Code]:
        """Merge codes into ``target_id``: codings move, exact duplicates collapse,
        memos move, definitions and sub-codes are kept under the target."""
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        if not sources:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose codes to merge."))
        with self._p.operation("code.merge", QT_TRANSLATE_NOOP("operations", "Merge codes")) as op:
            target = self._require(op.conn, target_id)
            merged = [self._require(op.conn, s) for s in sources]
            for m in merged:
                if target_id in _descendants(op.conn, m.id):
                    raise ValidationError(
                        QT_TRANSLATE_NOOP(
                            "errors", "'{name}' cannot be merged into its own sub-code."
                        ),
                        name=m.name,
                    )
            moved, collapsed = code_merge.move_codings(op, sources, target_id)
            op.update_where(t.memo, t.memo.c.code_id.in_(sources), {"code_id": target_id})
            code_merge.move_memberships(op, sources, target_id)
            code_merge.move_links(op, sources, target_id)
            for hook in CODE_MERGERS:
                hook(op, sources, target_id)
            for m in merged:
                for child in _children(op.conn, m.id):
                    self._reparent_merged(op, child, target_id)
            extra = [m.description for m in merged if m.description.strip()]
            if extra:
                text = "\n\n".join([target.description, *extra]).strip()
                op.update(t.code, target_id, {"description": text, "modified_at": utcnow()})
            op.delete_where(t.code, t.code.c.id.in_(sources))
            op.note(
                target=target.name,
                merged=[m.name for m in merged],
                codings_moved=moved,
                duplicates_collapsed=collapsed,
            )
            op.result = self.get(target_id)
        return op.changeset

    def move_many(
        self,
        code_ids: Sequence[int],
        parent_id: int | None = None,
        *,
        position: int | None = None,
        beside: int | None = None,
        after: bool = False,
    ) -> ChangeSet[list[Code]]:
        """Move codes (a drag of several) under ``parent_id`` in one undo step.

        ``position`` counts among the siblings that stay; with ``beside`` the codes
        land just before (or ``after``) that code, under its parent. Without
        either they go last, in the order given.
        """
        ids = [c for c in dict.fromkeys(code_ids) if c != beside]
        if not ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose codes to move."))
        with self._p.operation("code.move", QT_TRANSLATE_NOOP("operations", "Move code")) as op:
            if beside is not None:
                parent_id = self._require(op.conn, beside).parent_id
            for code_id in ids:
                self.move(code_id, parent_id)
            staying: list[int] = [c.id for c in self.children(parent_id) if c.id not in ids]
            if beside is not None:
                position = staying.index(beside) + (1 if after else 0)
            at = len(staying) if position is None else max(0, min(position, len(staying)))
            self._renumber(op, [*staying[:at], *ids, *staying[at:]])
            op.result = [self.get(c) for c in ids]
        return op.changeset

    def split(
        self,
        code_id: int,
        coding_ids: Sequence[int],
        name: str,
        *,
        as_child: bool = True,
        color: str | None = None,
        description: str = "",
    ) -> ChangeSet[Code]:
        """Move ``coding_ids`` (codings of ``code_id``) to a new code ``name``.

        First-cycle coding often shows a provisional code holds two ideas. The new
        code is a sub-code of ``code_id`` when ``as_child``, else its sibling.
        """
        ids = list(dict.fromkeys(coding_ids))
        if not ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the codings to split off."))
        with self._p.operation("code.split", QT_TRANSLATE_NOOP("operations", "Split code")) as op:
            original = self._require(op.conn, code_id)
            stray = [c.id for c in map(self._p.codings.get, ids) if c.code_id != code_id]
            if stray:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Coding {id} is not coded with '{code}'."),
                    id=stray[0],
                    code=original.name,
                )
            parent = code_id if as_child else original.parent_id
            new = self.create(
                name, parent_id=parent, color=color or original.color, description=description
            ).result
            assert new is not None
            self._p.codings.recode(ids, new.id, allow_others=True)
            op.note(code=original.name, into=new.name, codings=len(ids), child=as_child)
            op.result = self.get(new.id)
        return op.changeset

    def links(self, code_id: int | None = None) -> list[CodeLink]:
        """Relations from (or to) ``code_id``, or all of them."""
        link = t.code_link.c
        q = select(t.code_link).order_by(link.id)
        if code_id is not None:
            q = q.where((link.from_code_id == code_id) | (link.to_code_id == code_id))
        with self._p.reading() as conn:
            return [_link_from_row(r) for r in conn.execute(q).all()]

    def link(
        self,
        from_code_id: int,
        *,
        to_code_id: int | None = None,
        target_ref: str | None = None,
        relation: str = "maps_to",
        note: str = "",
    ) -> ChangeSet[CodeLink]:
        """Relate a code to another code, or to ``codebook:CODE`` outside the project."""
        if (to_code_id is None) == (target_ref is None):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A link needs either a target code or a reference.")
            )
        with self._p.operation("code.link", QT_TRANSLATE_NOOP("operations", "Link codes")) as op:
            self._require(op.conn, from_code_id)
            if to_code_id is not None:
                self._require(op.conn, to_code_id)
                if to_code_id == from_code_id:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "A code cannot be linked to itself.")
                    )
            new_id = op.insert(
                t.code_link,
                {"from_code_id": from_code_id, "to_code_id": to_code_id,
                 "target_ref": target_ref, "relation": relation.strip() or "maps_to",
                 "note": note},
            )  # fmt: skip
            op.note(code=from_code_id, to=to_code_id or target_ref, relation=relation)
            row = op.conn.execute(select(t.code_link).where(t.code_link.c.id == new_id)).one()
            op.result = _link_from_row(row)
        return op.changeset

    def unlink(self, link_id: int) -> ChangeSet[None]:
        """Remove one code relation."""
        with self._p.operation(
            "code.unlink", QT_TRANSLATE_NOOP("operations", "Unlink codes")
        ) as op:
            try:
                op.delete(t.code_link, link_id)
            except LookupError as exc:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no code link with id {id}."), id=link_id
                ) from exc
        return op.changeset

    # -- helpers -----------------------------------------------------------------------
    def _require(self, conn: Connection, code_id: int) -> Code:
        row = conn.execute(select(t.code).where(t.code.c.id == code_id)).first()
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no code with id {id}."), id=code_id
            )
        return code_from_row(row)

    def _check_unique(
        self, conn: Connection, parent_id: int | None, name: str, exclude: int | None = None
    ) -> None:
        q = select(t.code.c.id).where(
            _parent_is(parent_id), func.lower(t.code.c.name) == name.lower()
        )
        if exclude is not None:
            q = q.where(t.code.c.id != exclude)
        if conn.execute(q).first() is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A code named '{name}' already exists there."),
                name=name,
            )

    def _renumber(self, op: Any, ids: Iterable[int]) -> None:
        current = dict(
            op.conn.execute(
                select(t.code.c.id, t.code.c.position).where(t.code.c.id.in_(list(ids)))
            ).all()
        )
        for pos, cid in enumerate(ids):
            if current.get(cid) != pos:
                op.update(t.code, cid, {"position": pos})

    def _reparent_merged(self, op: Any, child: Code, target_id: int) -> None:
        clash = op.conn.execute(
            select(t.code.c.id).where(
                t.code.c.parent_id == target_id, func.lower(t.code.c.name) == child.name.lower()
            )
        ).scalar()
        if clash is None:
            op.update(t.code, child.id, {"parent_id": target_id})
            return
        # Same-named sub-code under the target: merge them too.
        code_merge.move_codings(op, [child.id], clash)
        op.update_where(t.memo, t.memo.c.code_id == child.id, {"code_id": clash})
        code_merge.move_memberships(op, [child.id], clash)
        code_merge.move_links(op, [child.id], clash)
        for hook in CODE_MERGERS:
            hook(op, [child.id], clash)
        for grandchild in _children(op.conn, child.id):
            self._reparent_merged(op, grandchild, clash)
        op.delete(t.code, child.id)

    def _delete_codes(self, op: Any, ids: list[int]) -> int:
        coding_ids = [
            r[0] for r in op.conn.execute(select(t.coding.c.id).where(t.coding.c.code_id.in_(ids)))
        ]
        if coding_ids:
            op.delete_where(t.memo, t.memo.c.coding_id.in_(coding_ids))
        op.delete_where(t.memo, t.memo.c.code_id.in_(ids))
        op.delete_where(t.item_set_member, t.item_set_member.c.code_id.in_(ids))
        op.delete_where(
            t.code_link, t.code_link.c.from_code_id.in_(ids) | t.code_link.c.to_code_id.in_(ids)
        )
        for hook in CODE_DEPENDENTS:
            hook(op, ids)
        removed = len(op.delete_where(t.coding, t.coding.c.code_id.in_(ids)))
        # children before parents (deepest last in ``ids``)
        for cid in reversed(ids):
            op.delete(t.code, cid)
        return removed


CODE_DEPENDENTS: list[Any] = []
"""Callables ``(op, code_ids)`` that delete other areas' rows before codes are deleted."""

CODE_MERGERS: list[Any] = []
"""Callables ``(op, from_code_ids, to_code_id)`` that re-point other areas' rows in a merge."""


def _parent_is(parent_id: int | None) -> Any:
    return t.code.c.parent_id.is_(None) if parent_id is None else t.code.c.parent_id == parent_id


def _children(conn: Connection, code_id: int) -> list[Code]:
    rows = conn.execute(select(t.code).where(t.code.c.parent_id == code_id)).all()
    return [code_from_row(r) for r in rows]


def _descendants(conn: Connection, code_id: int) -> list[CodeId]:
    """Breadth-first ids below ``code_id``: parents always before their children."""
    out: list[CodeId] = []
    frontier = [code_id]
    while frontier:
        rows = conn.execute(select(t.code.c.id).where(t.code.c.parent_id.in_(frontier))).all()
        frontier = [r[0] for r in rows]
        out.extend(CodeId(i) for i in frontier)
    return out
