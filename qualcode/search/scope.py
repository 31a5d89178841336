"""Where to search: sources, cases, case attributes, codes, turned into ranges per source.

A :class:`Scope` is resolved to ``{source_id: ranges}`` where ``ranges`` is a
sorted list of disjoint ``(start, end)`` pairs, or ``None`` for the whole
source. Each constraint given narrows the result (they are intersected):
cases through their case links (a whole-source link gives the whole source, a
turn link gives its range), attributes through the cases whose values match,
codes through the codings of those codes (and their descendants).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.project import Project

Ranges = list[tuple[int, int]] | None
"""Disjoint sorted ranges of one source, or None for all of it."""


@dataclass(frozen=True)
class Scope:
    """Constraints on where to search; names or ids. Empty scope = the whole project."""

    sources: Sequence[int | str] | None = None
    cases: Sequence[int | str] | None = None
    attributes: Mapping[str, str | Sequence[str]] = field(default_factory=dict)
    codes: Sequence[int | str] | None = None
    code_descendants: bool = True
    coder: str | None = None  # only codings by this coder (code scope)


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted disjoint union of ranges (touching ranges join)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def intersect(x: Ranges, y: Ranges) -> Ranges:
    """Intersection of two range lists (None = everything)."""
    if x is None:
        return y
    if y is None:
        return x
    out, i, j = [], 0, 0
    while i < len(x) and j < len(y):
        a, b = max(x[i][0], y[j][0]), min(x[i][1], y[j][1])
        if a < b:
            out.append((a, b))
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return out


def contains(ranges: Ranges, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of ``ranges``."""
    if ranges is None:
        return True
    i = bisect_right(ranges, (start, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]


def _combine(a: dict[int, Ranges] | None, b: dict[int, Ranges]) -> dict[int, Ranges]:
    if a is None:
        return b
    out = {}
    for sid in a.keys() & b.keys():
        r = intersect(a[sid], b[sid])
        if r is None or r:
            out[sid] = r
    return out


def _links_of(project: Project, case_ids: Iterable[int]) -> dict[int, Ranges]:
    wanted = set(case_ids)
    out: dict[int, list[tuple[int, int]] | None] = {}
    whole: set[int] = set()
    for link in project.cases.links():
        if link.case_id not in wanted:
            continue
        if link.start is None or link.end is None:
            whole.add(link.source_id)
        elif link.source_id not in whole:
            out.setdefault(link.source_id, []).append((link.start, link.end))  # type: ignore[union-attr]
    for sid in whole:
        out[sid] = None
    return {sid: (None if r is None else merge(r)) for sid, r in out.items()}


def resolve_codes(project: Project, names: Sequence[int | str], descendants: bool) -> list[int]:
    """Code ids for names/paths/ids, with descendants if asked."""
    ids: list[int] = []
    for name in names:
        code = project.codes.get(name) if isinstance(name, int) else project.codes.find(name)
        ids.append(code.id)
        if descendants:
            ids += [int(c) for c in project.codes.descendants(code.id)]
    return list(dict.fromkeys(ids))


def resolve_cases(project: Project, names: Sequence[int | str]) -> list[int]:
    """Case ids for names or ids."""
    return [
        (project.cases.get(n) if isinstance(n, int) else project.cases.find(n)).id for n in names
    ]


def resolve(
    project: Project, scope: Scope | None, all_ids: Iterable[int] | None = None
) -> dict[int, Ranges]:
    """``{source_id: ranges or None}`` for every source the scope allows.

    ``all_ids`` (every source id, if the caller has them) saves a query.
    """
    scope = scope or Scope()
    if all_ids is None:
        with project.reading() as conn:
            all_ids = [int(r[0]) for r in conn.execute(select(t.source.c.id))]
    result: dict[int, Ranges] | None = None
    if scope.sources is not None:
        ids = []
        for s in scope.sources:
            ids.append(
                project.sources.get(s).id if isinstance(s, int) else project.sources.find(s).id
            )
        result = dict.fromkeys(ids)
    if scope.cases is not None:
        result = _combine(result, _links_of(project, resolve_cases(project, scope.cases)))
    if scope.attributes:
        values = project.attributes.values("case")
        for name, wanted in scope.attributes.items():
            project.attributes.find(name, "case")  # NotFoundError for a typo
            allowed = {wanted} if isinstance(wanted, str) else set(wanted)
            cases = [
                cid
                for cid, attrs in values.items()
                if name in attrs and str(attrs[name]) in allowed
            ]
            result = _combine(result, _links_of(project, cases))
    if scope.codes is not None:
        code_ids = resolve_codes(project, scope.codes, scope.code_descendants)
        c = t.coding.c
        stmt = select(c.source_id, c.start_pos, c.end_pos).where(c.code_id.in_(code_ids))
        if scope.coder is not None:
            stmt = stmt.join(t.coder, t.coder.c.id == c.coder_id).where(
                t.coder.c.name == scope.coder
            )
        by_source: dict[int, list[tuple[int, int]]] = {}
        with project.reading() as conn:
            for sid, a, b in conn.execute(stmt):
                by_source.setdefault(int(sid), []).append((int(a), int(b)))
        result = _combine(result, {sid: merge(r) for sid, r in by_source.items()})
    if result is None:
        return dict.fromkeys(all_ids)
    return result
