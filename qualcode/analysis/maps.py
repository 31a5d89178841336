"""Concept maps: the researcher places codes, cases, sources, memos, conclusions and notes on a
canvas and draws labelled links (causes, supports, contradicts, is part of, ...).

Every change is one undoable operation (``project.maps``); a drag of several
nodes is one "Move nodes" step. Nodes stay linked to the data: a code node
opens the code's excerpts in the app, and labels are read from the item each
time, so renaming a code renames its node (a deleted item shows as deleted).
Adding codes brings along the relations the codebook already has between them
(``code_link``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from qualcode.analysis.map_builders import MapPlan, check_sign, check_strength
from qualcode.changes import ChangeSet
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import models as m
from qualcode.store import tables as t
from qualcode.store.models.base import utcnow

if TYPE_CHECKING:
    from qualcode.project import Project

NODE_KINDS = ("code", "case", "source", "memo", "conclusion", "event", "note")
RELATIONS = ("associated", "causes", "supports", "contradicts", "part_of", "precedes", "maps_to")
_map: Any = m.ConceptMap.__table__
_node: Any = m.MapNode.__table__
_link: Any = m.MapLink.__table__


@dataclass(frozen=True, slots=True)
class MapNodeRecord:
    """A node: what it shows (``kind`` + ``ref_id``), its label now, and where it sits."""

    id: int
    kind: str
    ref_id: int | None
    label: str
    x: float
    y: float
    color: str
    missing: bool = False


@dataclass(frozen=True, slots=True)
class MapLinkRecord:
    """An arrow between two nodes of a map."""

    id: int
    source: int
    target: int
    relation: str
    label: str
    sign: str | None = None
    strength: str | None = None
    evidence: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ConceptMapRecord:
    """A concept map with its nodes and links."""

    id: int
    name: str
    nodes: list[MapNodeRecord] = field(default_factory=list)
    links: list[MapLinkRecord] = field(default_factory=list)


KIND_COLORS = {
    "case": "#56B4E9",
    "source": "#E69F00",
    "memo": "#F0E442",
    "conclusion": "#CC79A7",
    "event": "#009E73",
    "note": "#DDDDDD",
}


class MapManager:
    """Reads and operations on concept maps."""

    def __init__(self, project: Project) -> None:
        self._p = project

    # -- reads -----------------------------------------------------------------
    def all(self) -> list[tuple[int, str]]:
        """(id, name) of every map, by name."""
        with self._p.reading() as conn:
            rows = conn.execute(select(_map.c.id, _map.c.name).order_by(_map.c.name)).all()
        return [(int(r[0]), str(r[1])) for r in rows]

    def find(self, name: str) -> int:
        """The id of the map called ``name`` (case-insensitive)."""
        for map_id, map_name in self.all():
            if map_name.casefold() == name.strip().casefold():
                return map_id
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no map named '{name}'."), name=name
        )

    def get(self, map_id: int, language: str = "id") -> ConceptMapRecord:
        """A map with its nodes (labels read from their items now) and links."""
        with self._p.reading() as conn:
            return _read(conn, map_id, language)

    # -- operations ---------------------------------------------------------------
    def create(self, name: str) -> ChangeSet[ConceptMapRecord]:
        """A new, empty map."""
        name = _name(name)
        with self._p.operation("map.create", QT_TRANSLATE_NOOP("operations", "New map")) as op:
            _unique(op.conn, name)
            now = utcnow()
            new_id = op.insert(_map, {"name": name, "created_at": now, "modified_at": now})
            op.note(map=name)
            op.result = _read(op.conn, new_id, "id")
        return op.changeset

    def generate(self, name: str, plan: MapPlan) -> ChangeSet[ConceptMapRecord]:
        """A new map drafted from the project (a context chart or causal network) in one step."""
        name = _name(name)
        with self._p.operation(
            "map.generate", QT_TRANSLATE_NOOP("operations", "Draw map from the data")
        ) as op:
            _unique(op.conn, name)
            now = utcnow()
            map_id = op.insert(_map, {"name": name, "created_at": now, "modified_at": now})
            ids = [_insert_node(op, map_id, *node) for node in plan.nodes]
            for lk in plan.links:
                op.insert(
                    _link,
                    {
                        "map_id": map_id,
                        "source_node": ids[lk.source],
                        "target_node": ids[lk.target],
                        "relation": _relation(lk.relation),
                        "label": lk.label.strip(),
                        "sign": check_sign(lk.sign),
                        "strength": check_strength(lk.strength),
                        "evidence": list(lk.evidence) or None,
                    },
                )
            op.note(map=name, nodes=len(ids), links=len(plan.links))
            op.result = _read(op.conn, map_id, "id")
        return op.changeset

    def annotate_link(
        self,
        link_id: int,
        *,
        sign: str | None = None,
        strength: str | None = None,
        evidence: Sequence[int] | None = None,
        label: str | None = None,
        add_evidence: Sequence[int] = (),
        remove_evidence: Sequence[int] = (),
    ) -> ChangeSet[None]:
        """Set an arrow's sign, strength, evidence codings or words ("" clears; None keeps).

        ``evidence`` replaces the cited codings; ``add_evidence`` / ``remove_evidence``
        change them one by one (what the app's Arrow dialog does), so a cited coding
        deleted since stays cited (and counted as deleted) until it is removed.
        """
        values: dict[str, Any] = {}
        if sign is not None:
            values["sign"] = check_sign(sign)
        if strength is not None:
            values["strength"] = check_strength(strength)
        if label is not None:
            values["label"] = label.strip()
        with self._p.operation(
            "map.annotate", QT_TRANSLATE_NOOP("operations", "Edit map link")
        ) as op:
            if evidence is not None or add_evidence or remove_evidence:
                row = op.conn.execute(select(_link.c.evidence).where(_link.c.id == link_id)).first()
                if row is None:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("errors", "There is no map link with id {id}."),
                        id=link_id,
                    )
                before = [int(i) for i in (row[0] or [])]
                base = before if evidence is None else list(dict.fromkeys(int(i) for i in evidence))
                added = [int(i) for i in add_evidence]
                _require_codings(op.conn, [i for i in [*base, *added] if i not in before])
                gone = {int(i) for i in remove_evidence}
                unknown = sorted(gone - set(base))
                if unknown:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "Coding {id} is not evidence of this arrow."),
                        id=unknown[0],
                    )
                ids = [i for i in base if i not in gone]
                ids += [i for i in dict.fromkeys(added) if i not in ids]
                values["evidence"] = ids or None
            if not values:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Nothing to change."))
            try:
                op.update(_link, link_id, values)
            except LookupError as exc:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no map link with id {id}."), id=link_id
                ) from exc
        return op.changeset

    def rename(self, map_id: int, name: str) -> ChangeSet[ConceptMapRecord]:
        """Give a map another name."""
        name = _name(name)
        with self._p.operation("map.rename", QT_TRANSLATE_NOOP("operations", "Rename map")) as op:
            _require(op.conn, map_id)
            _unique(op.conn, name, map_id)
            op.update(_map, map_id, {"name": name, "modified_at": utcnow()})
            op.result = _read(op.conn, map_id, "id")
        return op.changeset

    def delete(self, map_id: int) -> ChangeSet[None]:
        """Delete a map with its nodes and links."""
        with self._p.operation("map.delete", QT_TRANSLATE_NOOP("operations", "Delete map")) as op:
            _require(op.conn, map_id)
            op.delete_where(_link, _link.c.map_id == map_id)
            op.delete_where(_node, _node.c.map_id == map_id)
            op.delete(_map, map_id)
        return op.changeset

    def add_nodes(
        self,
        map_id: int,
        items: Sequence[tuple[str, int | None, str, float, float]],
        *,
        with_relations: bool = True,
    ) -> ChangeSet[list[int]]:
        """Place items ``(kind, ref_id, label, x, y)``; codes bring their codebook relations."""
        with self._p.operation(
            "map.add_nodes", QT_TRANSLATE_NOOP("operations", "Add to map")
        ) as op:
            _require(op.conn, map_id)
            ids = [_insert_node(op, map_id, *item) for item in items]
            if with_relations:
                _code_relations(op, map_id)
            op.note(map=map_id, nodes=len(ids))
            op.result = ids
        return op.changeset

    def move_nodes(self, moves: Sequence[tuple[int, float, float]]) -> ChangeSet[None]:
        """Move nodes to ``(node_id, x, y)`` — a whole drag is one undo step."""
        if not moves:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose nodes to move."))
        with self._p.operation("map.move", QT_TRANSLATE_NOOP("operations", "Move map nodes")) as op:
            for node_id, x, y in moves:
                try:
                    op.update(_node, node_id, {"x": float(x), "y": float(y)})
                except LookupError as exc:
                    raise _no_node(node_id) from exc
        return op.changeset

    def relabel_node(self, node_id: int, label: str) -> ChangeSet[None]:
        """Set the text of a note (or a label shown instead of an item's name)."""
        with self._p.operation("map.label", QT_TRANSLATE_NOOP("operations", "Edit map node")) as op:
            try:
                op.update(_node, node_id, {"label": label.strip()})
            except LookupError as exc:
                raise _no_node(node_id) from exc
        return op.changeset

    def remove_nodes(self, node_ids: Sequence[int]) -> ChangeSet[None]:
        """Remove nodes and the links that touch them."""
        ids = list(dict.fromkeys(node_ids))
        if not ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose nodes to remove."))
        with self._p.operation(
            "map.remove_nodes", QT_TRANSLATE_NOOP("operations", "Remove from map")
        ) as op:
            op.delete_where(_link, _link.c.source_node.in_(ids) | _link.c.target_node.in_(ids))
            if len(op.delete_where(_node, _node.c.id.in_(ids))) != len(ids):
                raise _no_node(ids[0])
        return op.changeset

    def link(
        self, source_node: int, target_node: int, relation: str = "associated", label: str = ""
    ) -> ChangeSet[int]:
        """Draw a labelled arrow between two nodes of the same map."""
        _relation(relation)
        if source_node == target_node:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A link joins two different nodes."))
        with self._p.operation("map.link", QT_TRANSLATE_NOOP("operations", "Link map nodes")) as op:
            maps = {}
            for nid in (source_node, target_node):
                row = op.conn.execute(select(_node.c.map_id).where(_node.c.id == nid)).first()
                if row is None:
                    raise _no_node(nid)
                maps[nid] = row[0]
            if maps[source_node] != maps[target_node]:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Both nodes must be on one map."))
            op.result = op.insert(
                _link,
                {
                    "map_id": maps[source_node],
                    "source_node": source_node,
                    "target_node": target_node,
                    "relation": relation,
                    "label": label.strip(),
                },
            )
        return op.changeset

    def unlink(self, link_id: int) -> ChangeSet[None]:
        """Remove an arrow."""
        with self._p.operation(
            "map.unlink", QT_TRANSLATE_NOOP("operations", "Unlink map nodes")
        ) as op:
            try:
                op.delete(_link, link_id)
            except LookupError as exc:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("errors", "There is no map link with id {id}."), id=link_id
                ) from exc
        return op.changeset


def _relation(relation: str) -> str:
    if relation not in RELATIONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A link's relation is one of {allowed}, not '{value}'."),
            allowed=", ".join(RELATIONS),
            value=relation,
        )
    return relation


def _name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A map needs a name."))
    return name


def _unique(conn: Connection, name: str, except_id: int | None = None) -> None:
    for map_id, other in conn.execute(select(_map.c.id, _map.c.name)):
        if other.casefold() == name.casefold() and map_id != except_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A map named '{name}' already exists."), name=name
            )


def _require(conn: Connection, map_id: int) -> None:
    if conn.execute(select(_map.c.id).where(_map.c.id == map_id)).first() is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no map with id {id}."), id=map_id)


def _no_node(node_id: int) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("errors", "There is no map node with id {id}."), id=node_id
    )


def _require_codings(conn: Connection, ids: list[int]) -> None:
    """The typed "no such coding" error for the first of ``ids`` that does not exist."""
    if not ids:
        return
    c = t.coding.c
    found = {r[0] for r in conn.execute(select(c.id).where(c.id.in_(ids)))}
    for coding_id in ids:
        if coding_id not in found:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no coding with id {id}."), id=coding_id
            )


_REF_TABLES = {
    "code": t.code, "case": t.cases, "source": t.source, "memo": t.memo, "event": t.coding,
}  # fmt: skip


def _insert_node(
    op: Any, map_id: int, kind: str, ref_id: int | None, label: str, x: float, y: float
) -> int:
    if kind not in NODE_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A map node is one of {allowed}, not '{value}'."),
            allowed=", ".join(NODE_KINDS),
            value=kind,
        )
    if kind == "note":
        if not label.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A note needs some text."))
        ref_id = None
    else:
        table = _REF_TABLES.get(kind, m.Conclusion.__table__)
        if (
            ref_id is None
            or op.conn.execute(select(table.c.id).where(table.c.id == ref_id)).first() is None
        ):
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "There is no {target} with id {id}."),
                target=kind,
                id=ref_id,
            )
    return int(
        op.insert(
            _node,
            {
                "map_id": map_id,
                "kind": kind,
                "ref_id": ref_id,
                "label": label.strip(),
                "x": float(x),
                "y": float(y),
            },
        )
    )


def _code_relations(op: Any, map_id: int) -> None:
    """Link code nodes the codebook already relates (code_link), once per pair and relation."""
    nodes = op.conn.execute(
        select(_node.c.id, _node.c.ref_id).where(_node.c.map_id == map_id, _node.c.kind == "code")
    ).all()
    node_of: dict[int, int] = {}
    for nid, ref in nodes:
        node_of.setdefault(int(ref), int(nid))
    if len(node_of) < 2:
        return
    have = {
        (r[0], r[1], r[2])
        for r in op.conn.execute(
            select(_link.c.source_node, _link.c.target_node, _link.c.relation).where(
                _link.c.map_id == map_id
            )
        )
    }
    cl = t.code_link.c
    for a, b, relation in op.conn.execute(
        select(cl.from_code_id, cl.to_code_id, cl.relation).where(cl.to_code_id.is_not(None))
    ).all():
        rel = relation if relation in RELATIONS else "associated"
        if a in node_of and b in node_of and (node_of[a], node_of[b], rel) not in have:
            op.insert(
                _link,
                {
                    "map_id": map_id,
                    "source_node": node_of[a],
                    "target_node": node_of[b],
                    "relation": rel,
                    "label": "",
                },
            )
            have.add((node_of[a], node_of[b], rel))


def _read(conn: Connection, map_id: int, language: str) -> ConceptMapRecord:
    row = conn.execute(select(_map.c.id, _map.c.name).where(_map.c.id == map_id)).first()
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no map with id {id}."), id=map_id)
    nodes = conn.execute(select(_node).where(_node.c.map_id == map_id).order_by(_node.c.id)).all()
    codes = {
        r.id: (r.name, r.labels or {}, r.color)
        for r in conn.execute(select(t.code.c.id, t.code.c.name, t.code.c.labels, t.code.c.color))
    }
    names: dict[str, dict[int, str]] = {
        "case": {r[0]: r[1] for r in conn.execute(select(t.cases.c.id, t.cases.c.name))},
        "source": {r[0]: r[1] for r in conn.execute(select(t.source.c.id, t.source.c.name))},
        "memo": {
            r[0]: (r[1] or r[2][:60])
            for r in conn.execute(select(t.memo.c.id, t.memo.c.title, t.memo.c.text))
        },
        "event": {
            r[0]: str(r[1] or r[2] or "")
            for r in conn.execute(
                select(t.coding.c.id, t.coding.c.event_date, t.coding.c.period).where(
                    t.coding.c.id.in_([n.ref_id for n in nodes if n.kind == "event"])
                )
            )
        },
        "conclusion": {
            r[0]: r[1][:80]
            for r in conn.execute(
                select(m.Conclusion.__table__.c.id, m.Conclusion.__table__.c.text)
            )
        },
    }
    out_nodes = []
    for n in nodes:
        color = KIND_COLORS.get(n.kind, "#DDDDDD")
        missing = False
        if n.kind == "code":
            name, labels, code_color = codes.get(n.ref_id, ("", {}, color))
            text = labels.get(language) or name
            missing = n.ref_id not in codes
            color = code_color
        elif n.kind == "note":
            text = n.label
        else:
            text = names.get(n.kind, {}).get(n.ref_id, "")
            missing = n.ref_id not in names.get(n.kind, {})
        label = n.label if (n.label and n.kind != "note") else text
        out_nodes.append(
            MapNodeRecord(n.id, n.kind, n.ref_id, label or "?", n.x, n.y, color, missing)
        )
    links = [
        MapLinkRecord(
            r.id,
            r.source_node,
            r.target_node,
            r.relation,
            r.label,
            r.sign,
            r.strength,
            tuple(r.evidence or ()),
        )
        for r in conn.execute(select(_link).where(_link.c.map_id == map_id).order_by(_link.c.id))
    ]
    return ConceptMapRecord(int(row[0]), str(row[1]), out_nodes, links)
