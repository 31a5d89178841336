"""The coded data a display is computed over, loaded once as compact tuples.

A coding is a plain tuple (see the index constants) so that 200k of them fit in
memory cheaply and loops stay fast. The :class:`Corpus` also holds what a
coding is looked up against: the code tree, sources, cases and their links
(whole source or a range, possibly a speaker turn), attribute values and coders.
A coding belongs to a case when its source is linked to the case as a whole or
its range overlaps one of the case's link ranges.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import ColumnElement, Select, func, select

from qualcode.analysis import placement
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

# Fields of a coding tuple.
# Final literals, so a type checker knows the type of each field it indexes.
ID: Final = 0
SRC: Final = 1
CODE: Final = 2
CODER: Final = 3
START: Final = 4
END: Final = 5
VALENCE: Final = 6
MAGNITUDE: Final = 7
PERIOD: Final = 8
EVENT: Final = 9
CodingTuple = tuple[int, int, int, int, int, int, str | None, str | None, str | None, date | None]

Link = tuple[int, int, int, str | None, int]  # start, end, case id, speaker, link id


@dataclass
class Corpus:
    """Codings (already filtered) and the project facts needed to place them in cells."""

    codings: list[CodingTuple]
    code_names: dict[int, str]
    code_parent: dict[int, int | None]
    code_order: list[int]
    sources: dict[int, tuple[str, str, date | None, int]]  # name, kind, date, length
    case_names: dict[int, str]
    case_kinds: dict[int, str]
    case_attrs: dict[int, dict[str, str]]
    source_attrs: dict[int, dict[str, str]]
    attr_allowed: dict[tuple[str, str], list[str]]  # (owner, name) -> allowed values
    coders: dict[int, str]
    whole_links: dict[int, list[int]]  # source -> case ids linked to the whole source
    range_links: dict[int, list[Link]]  # source -> ranged links sorted by start
    passage_members: dict[int, list[int]] = field(default_factory=dict)  # merged passages only
    passage_coders: dict[int, tuple[int, ...]] = field(default_factory=dict)  # their coders
    placed: list[CodingTuple] = field(default_factory=list)  # codings a display placed
    _starts: dict[int, list[int]] = field(default_factory=dict)
    _span: dict[int, int] = field(default_factory=dict)
    _case_cache: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _children: dict[int | None, list[int]] = field(default_factory=dict)
    text_of: Callable[[int], str] | None = None  # a source's text (for paragraph units)
    _units: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _unit_ends: dict[int, list[int]] = field(default_factory=dict)
    case_parent: dict[int, int | None] = field(default_factory=dict)  # case -> parent case

    def __post_init__(self) -> None:
        for sid, links in self.range_links.items():
            self._starts[sid] = [lk[0] for lk in links]
            self._span[sid] = max(lk[1] - lk[0] for lk in links)

    # -- placement -------------------------------------------------------------
    def overlapping_links(self, source: int, start: int, end: int) -> list[Link]:
        """Ranged links of ``source`` whose range overlaps ``[start, end)``."""
        links = self.range_links.get(source)
        if not links:
            return []
        starts = self._starts[source]
        i = bisect_left(starts, end) - 1
        lowest = start - self._span[source]
        out = []
        while i >= 0 and starts[i] > lowest:
            if links[i][1] > start:
                out.append(links[i])
            i -= 1
        out.reverse()
        return out

    def cases_of(self, c: CodingTuple) -> tuple[int, ...]:
        """Case ids a coding belongs to (:func:`qualcode.analysis.placement.cases_of`)."""
        found = self._case_cache.get(c[ID])
        if found is None:
            near = self.overlapping_links(c[SRC], c[START], c[END])  # candidates, fast
            spans = [(lk[0], lk[1], lk[2], lk[3]) for lk in near]
            found = placement.cases_of(self.whole_links.get(c[SRC], ()), spans, c[START], c[END])
            self._case_cache[c[ID]] = found
        return found

    def turns_of(self, c: CodingTuple) -> list[Link]:
        """Speaker turns (ranged links with a speaker) that a coding overlaps."""
        return [lk for lk in self.overlapping_links(c[SRC], c[START], c[END]) if lk[3] is not None]

    def units_of(self, c: CodingTuple) -> list[tuple[object, ...]]:
        """Keys of the units a coding overlaps: its speaker turns, or in a source without
        turns its paragraphs (non-blank lines) — the unit rule agreement uses
        (:func:`qualcode.analysis.agreement.segments`)."""
        turns = self.turns_of(c)
        if turns:
            return [("turn", lk[4]) for lk in turns]
        spans = self._paragraphs(c[SRC])
        if not spans:
            return []
        i = bisect_left(self._unit_ends[c[SRC]], c[START] + 1)
        out: list[tuple[object, ...]] = []
        while i < len(spans) and spans[i][0] < c[END]:
            out.append(("par", c[SRC], spans[i][0]))
            i += 1
        return out

    def _paragraphs(self, source: int) -> list[tuple[int, int]]:
        """A source's paragraphs when it has no speaker turns (else none: turns are its units)."""
        found = self._units.get(source)
        if found is None:
            has_turns = any(lk[3] is not None for lk in self.range_links.get(source, ()))
            if has_turns or self.text_of is None:
                found = []
            else:
                from qualcode.analysis.agreement import segments

                found = segments(self, source, self.text_of(source))
            self._units[source] = found
            self._unit_ends[source] = [b for _a, b in found]
        return found

    def speaker_of(self, c: CodingTuple) -> str | None:
        """The speaker of the first turn the coding overlaps, if any (the shared rule)."""
        spans = [(lk[0], lk[1], lk[2], lk[3]) for lk in self.turns_of(c)]
        return placement.speaker_of(spans, c[START], c[END])

    def descendants(self, code_id: int) -> list[int]:
        """``code_id`` and every code below it."""
        children = self._children
        if not children and self.code_order:  # the code tree, built once per corpus
            for cid in self.code_order:
                children.setdefault(self.code_parent[cid], []).append(cid)
        out, stack = [], [code_id]
        while stack:
            cid = stack.pop()
            out.append(cid)
            stack.extend(children.get(cid, ()))
        return out

    def code_path(self, code_id: int) -> str:
        """``Parent/Child`` path of a code."""
        parts = []
        cur: int | None = code_id
        while cur is not None:
            parts.append(self.code_names.get(cur, "?"))
            cur = self.code_parent.get(cur)
        return "/".join(reversed(parts))

    def coder_label(self, c: CodingTuple) -> str:
        """Who coded ``c``: its coder, or every coder of the passage it stands for."""
        ids = self.passage_coders.get(c[ID], (c[CODER],))
        return ", ".join(self.coders.get(i, "?") for i in ids)

    def by_id(self) -> dict[int, CodingTuple]:
        """Codings by id."""
        return {c[ID]: c for c in self.codings}


def coding_conditions(
    filters: dict[str, Any], code_ids: Sequence[int] | None, *, table: Any = None
) -> list[Any]:
    """WHERE conditions on ``coding`` (or its alias ``table``) for the filters and ``code_ids``."""
    c = (t.coding if table is None else table).c
    conds: list[Any] = []
    if code_ids is not None:
        conds.append(c.code_id.in_(list(code_ids)))
    if filters.get("sources") is not None:
        conds.append(c.source_id.in_(list(filters["sources"])))
    if filters.get("source_kinds") is not None:
        kinds = select(t.source.c.id).where(t.source.c.kind.in_(list(filters["source_kinds"])))
        conds.append(c.source_id.in_(kinds))
    if filters.get("coders") is not None:
        coders = select(t.coder.c.id).where(t.coder.c.name.in_(list(filters["coders"])))
        conds.append(c.coder_id.in_(coders))
    valence = filters.get("valence")
    if valence is not None:
        wanted = [valence] if isinstance(valence, str) else list(valence)
        cond: ColumnElement[bool] = c.valence.in_([v for v in wanted if v != "none"])
        if "none" in wanted:
            cond = cond | c.valence.is_(None)
        conds.append(cond)
    magnitude = filters.get("magnitude")
    if magnitude is not None:
        conds.append(c.magnitude.in_([magnitude] if isinstance(magnitude, str) else magnitude))
    return conds


def coding_query(filters: dict[str, Any], code_ids: Sequence[int] | None) -> Select[Any]:
    """Compact coding tuples passing the SQL part of the filters, in text order."""
    c = t.coding.c
    q = select(
        c.id,
        c.source_id,
        c.code_id,
        c.coder_id,
        c.start_pos,
        c.end_pos,
        c.valence,
        c.magnitude,
        c.period,
        c.event_date,
    ).where(*coding_conditions(filters, code_ids))
    return q.order_by(c.source_id, c.start_pos, c.end_pos, c.id)


def load_corpus(
    project: Project,
    filters: dict[str, Any] | None = None,
    *,
    only_codes: Collection[int] | None = None,
    only_sources: Collection[int] | None = None,
) -> Corpus:
    """Load the codings passing the SQL-expressible ``filters`` and the facts around them.

    ``only_codes`` / ``only_sources`` narrow the codings further (a display's
    axes can only hold codings of their own codes and sources).
    """
    filters = dict(filters or {})
    if only_sources is not None:
        wanted = set(only_sources)
        if filters.get("sources") is not None:
            wanted &= set(filters["sources"])
        filters["sources"] = sorted(wanted)
    with project.reading() as conn:
        codes = conn.execute(
            select(t.code.c.id, t.code.c.parent_id, t.code.c.name, t.code.c.position)
        ).all()
        code_parent = {r[0]: r[1] for r in codes}
        code_names = {r[0]: r[2] for r in codes}
        code_order = _tree_order([(r[0], r[1], r[3], r[2]) for r in codes])
        code_ids = filter_code_ids(filters, code_parent, code_order)
        if only_codes is not None:
            keep = set(only_codes)
            code_ids = [c for c in (code_order if code_ids is None else code_ids) if c in keep]
        rows = [tuple(r) for r in conn.execute(coding_query(filters, code_ids)).all()]
        sources = {
            r[0]: (r[1], r[2], r[3], r[4])
            for r in conn.execute(
                select(
                    t.source.c.id,
                    t.source.c.name,
                    t.source.c.kind,
                    t.source.c.date_collected,
                    t.source.c.length,
                )
            )
        }
        cases = conn.execute(
            select(t.cases.c.id, t.cases.c.name, t.cases.c.kind, t.cases.c.parent_id)
        ).all()
        attrs = conn.execute(
            select(
                t.attribute.c.owner,
                t.attribute.c.name,
                t.attribute_value.c.case_id,
                t.attribute_value.c.source_id,
                t.attribute_value.c.value,
            ).join(t.attribute, t.attribute.c.id == t.attribute_value.c.attribute_id)
        ).all()
        allowed = {
            (r[0], r[1]): list(r[2] or [])
            for r in conn.execute(
                select(t.attribute.c.owner, t.attribute.c.name, t.attribute.c.allowed_values)
            )
        }
        links = conn.execute(
            select(
                t.case_link.c.source_id,
                t.case_link.c.start_pos,
                t.case_link.c.end_pos,
                t.case_link.c.case_id,
                t.case_link.c.speaker,
                t.case_link.c.id,
            )
        ).all()
        coders = dict(conn.execute(select(t.coder.c.id, t.coder.c.name)).all())
    case_attrs: dict[int, dict[str, str]] = {}
    source_attrs: dict[int, dict[str, str]] = {}
    for owner, name, case_id, source_id, value in attrs:
        if owner == "case" and case_id is not None:
            case_attrs.setdefault(case_id, {})[name] = value
        elif owner == "source" and source_id is not None:
            source_attrs.setdefault(source_id, {})[name] = value
    whole: dict[int, list[int]] = {}
    ranged: dict[int, list[Link]] = {}
    for sid, a, b, case_id, speaker, link_id in links:
        if a is None:
            whole.setdefault(sid, []).append(case_id)
        else:
            ranged.setdefault(sid, []).append((a, b, case_id, speaker, link_id))
    for value in ranged.values():
        value.sort()
    return Corpus(
        codings=rows,
        code_names=code_names,
        code_parent=code_parent,
        code_order=code_order,
        sources=sources,
        case_names={r[0]: r[1] for r in cases},
        case_kinds={r[0]: r[2] for r in cases},
        case_parent={r[0]: r[3] for r in cases},
        case_attrs=case_attrs,
        source_attrs=source_attrs,
        attr_allowed=allowed,
        coders=coders,
        whole_links=whole,
        range_links=ranged,
        text_of=project.sources.text,
    )


def filter_code_ids(
    filters: dict[str, Any], parents: dict[int, int | None], order: Iterable[int]
) -> list[int] | None:
    """Code ids named by the ``codes`` filter, with descendants unless ``descendants`` is False."""
    wanted = filters.get("codes")
    if wanted is None:
        return None
    if filters.get("descendants", True) is False:
        return list(wanted)
    keep = set(wanted)
    out = []
    for cid in order:  # parents come before children in tree order
        if cid in keep or parents.get(cid) in keep:
            keep.add(cid)
            out.append(cid)
    return out


def _tree_order(codes: list[tuple[int, int | None, int, str]]) -> list[int]:
    children: dict[int | None, list[tuple[int, int]]] = {}
    for cid, parent, position, _name in codes:
        children.setdefault(parent, []).append((position, cid))
    out: list[int] = []

    def walk(parent: int | None) -> None:
        for _, cid in sorted(children.get(parent, ())):
            out.append(cid)
            walk(cid)

    walk(None)
    return out


def load_codings(project: Project, coding_ids: Sequence[int]) -> Corpus:
    """A corpus holding exactly the codings ``coding_ids`` that still exist."""
    from qualcode.store.recorder import chunks

    corpus = load_corpus(project, {"codes": []})
    base = coding_query({}, None).order_by(None)
    found: list[Any] = []
    with project.reading() as conn:
        for part in chunks(sorted(set(coding_ids))):
            found.extend(tuple(r) for r in conn.execute(base.where(t.coding.c.id.in_(part))).all())
    found.sort(key=lambda c: (c[SRC], c[START], c[END], c[ID]))
    corpus.codings = found
    return corpus


def coders(project: Project) -> list[str]:
    """Names of the project's coders (everyone who has coded or changed it), sorted.

    What coder choices (filters, axes, agreement) list, without loading codings.
    """
    with project.reading() as conn:
        names = conn.execute(select(t.coder.c.name)).scalars().all()
    return sorted(set(names), key=str.casefold)


def codings_per_coder(project: Project) -> dict[int, dict[str, int]]:
    """Per source id: how many codings each coder (by name) made in it.

    One ``GROUP BY``: who coded which source, for choosing coders and sources
    to compare, without loading the codings themselves.
    """
    c = t.coding.c
    query = (
        select(c.source_id, t.coder.c.name, func.count())
        .join(t.coder, t.coder.c.id == c.coder_id)
        .group_by(c.source_id, t.coder.c.name)
    )
    out: dict[int, dict[str, int]] = {}
    with project.reading() as conn:
        for sid, name, n in conn.execute(query):
            out.setdefault(int(sid), {})[str(name)] = int(n)
    return out
