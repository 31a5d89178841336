"""Whose codings an analysis counts, and the passage rule: the one home of both rules.

**Coder scope.** A display, an excerpt list or export, a conclusion's
verification and a report count the codings of the *counted coders*: the coders
named explicitly (``coders=`` / ``--coders``), else the project's *analysis
coders* (a project setting, e.g. only the researcher when the supervisor is a
check coder), else every coder. Every output states the scope it used.

**Passages.** Codings of the same code by *different* counted coders whose
ranges overlap are one passage: check coding repeats a researcher's coding, it
does not add evidence. A passage is a connected group of such codings (two
codings are joined when they overlap, share source and code, and have different
coders); its range is the union of theirs and its representative the coding
that starts first in the text (then the longest, then the lowest id). With one counted coder every
coding is its own passage, so counts equal coding counts. A per-coder view
(a ``coders`` axis, or ``unit="codings"``) keeps every coding.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select

from qualcode.analysis.corpus import (
    CODE,
    CODER,
    END,
    ID,
    SRC,
    START,
    CodingTuple,
    coding_conditions,
)
from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.changes import ChangeSet
    from qualcode.project import Project

ANALYSIS_CODERS_KEY = "analysis_coders"
UNITS = ("passages", "codings")


@dataclass(frozen=True, slots=True)
class CoderScope:
    """The coders an analysis counts, where that choice came from, and the counting unit.

    ``coders`` is None when every coder counts; ``origin`` is ``"explicit"``,
    ``"project"`` (the analysis-coders setting) or ``"all"``.
    """

    coders: tuple[str, ...] | None
    origin: str
    unit: str = "passages"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form that outputs carry (``"coders": null`` = every coder)."""
        return {
            "coders": list(self.coders) if self.coders is not None else None,
            "origin": self.origin,
            "unit": self.unit,
        }

    def describe(self, every: Sequence[str] = ()) -> str:
        """One English line for notes under tables and CLI output."""
        who = ", ".join(self.coders) if self.coders is not None else ", ".join(every) or "all"
        origin = {"explicit": "chosen", "project": "project's analysis coders", "all": "all coders"}
        unit = (
            "overlapping codings of one code by different coders counted once (passages)"
            if self.unit == "passages"
            else "every coding counted"
        )
        return f"Coders counted: {who} ({origin[self.origin]}); {unit}."

    def filter_value(self) -> list[str] | None:
        """The value of a ``coders`` filter that applies this scope."""
        return list(self.coders) if self.coders is not None else None


# -- the project setting -------------------------------------------------------------------
_ANALYSIS_CODERS = select(t.project_info.c.value).where(
    t.project_info.c.key == ANALYSIS_CODERS_KEY
)  # built once: every display and export asks


def analysis_coders(project: Project) -> list[str] | None:
    """The project's analysis coders, or None when every coder counts."""
    with project.reading() as conn:
        raw = conn.execute(_ANALYSIS_CODERS).scalar()
    if not raw:
        return None
    names = json.loads(raw)
    return [str(n) for n in names] if names else None


def set_analysis_coders(project: Project, names: Iterable[str] | None) -> ChangeSet[None]:
    """Name the coders every analysis counts by default (None or empty: every coder).

    One undoable operation; unknown coder names are refused.
    """
    wanted = _known(project, names) if names is not None else []
    info = t.project_info.c
    with project.operation(
        "analysis.analysis_coders", QT_TRANSLATE_NOOP("operations", "Set analysis coders")
    ) as op:
        op.delete_where(t.project_info, info.key == ANALYSIS_CODERS_KEY)
        if wanted:
            value = json.dumps(wanted, ensure_ascii=False)
            op.insert(t.project_info, {"key": ANALYSIS_CODERS_KEY, "value": value})
        op.note(analysis_coders=wanted)
    return op.changeset


def _known(project: Project, names: Iterable[str]) -> list[str]:
    from qualcode.analysis.corpus import coders

    known = set(coders(project))
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown coder(s): {names}."), names=", ".join(unknown)
        )
    return wanted


def resolve(
    project: Project, coders: Sequence[str] | None = None, *, unit: str = "passages"
) -> CoderScope:
    """The scope an analysis uses: explicit ``coders``, else the project setting, else all."""
    if unit not in UNITS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown counting unit '{unit}' (use {allowed})."),
            unit=unit,
            allowed=", ".join(UNITS),
        )
    if coders is not None:
        return CoderScope(tuple(_known(project, coders)), "explicit", unit)
    stored = analysis_coders(project)
    if stored:
        return CoderScope(tuple(stored), "project", unit)
    return CoderScope(None, "all", unit)


# -- passages ------------------------------------------------------------------------------
@dataclass(slots=True)
class Passages:
    """Codings grouped into passages: representative id of each coding, members of each passage."""

    rep: dict[int, int]  # coding id -> representative coding id (only merged codings)
    members: dict[int, list[int]]  # representative id -> member ids (only merged passages)
    tuples: dict[int, CodingTuple]  # representative id -> tuple with the union range
    codings: dict[int, CodingTuple]  # every merged coding by id, as it is

    def of(self, coding_id: int) -> int:
        """The representative of ``coding_id``'s passage (itself when not merged)."""
        return self.rep.get(coding_id, coding_id)

    def collapse(self, ids: Iterable[int]) -> list[int]:
        """Representatives of the passages the codings ``ids`` belong to, sorted."""
        get = self.rep.get
        return sorted({get(i, i) for i in ids})


def passages(codings: Sequence[CodingTuple]) -> Passages:
    """Group ``codings`` into passages (see the module docstring)."""
    by_group: dict[tuple[int, int], list[Any]] = {}
    items: list[Any] = list(codings)  # tuples indexed by field constants
    for c in items:
        by_group.setdefault((c[SRC], c[CODE]), []).append(c)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    found: list[Any] = []
    for group in by_group.values():
        if len(group) < 2 or len({c[CODER] for c in group}) < 2:
            continue
        group.sort(key=lambda c: (c[START], c[END], c[ID]))
        active: list[Any] = []
        for c in group:
            active = [a for a in active if a[END] > c[START]]
            for a in active:
                if a[CODER] != c[CODER]:
                    ra, rc = find(a[ID]), find(c[ID])
                    if ra != rc:
                        parent[max(ra, rc)] = min(ra, rc)
                        found.append(a)
                        found.append(c)
            active.append(c)
    return _group(found, find)


def _group(found: list[Any], find: Any) -> Passages:
    comps: dict[int, dict[int, Any]] = {}
    for c in found:
        comps.setdefault(find(c[ID]), {})[c[ID]] = c
    out = Passages({}, {}, {}, {})
    for comp in comps.values():
        ordered = sorted(comp.values(), key=lambda c: (c[START], -c[END], c[ID]))
        head = ordered[0]
        end = max(c[END] for c in ordered)
        rep = head[ID]
        out.members[rep] = [c[ID] for c in ordered]
        for c in ordered:
            out.rep[c[ID]] = rep
            out.codings[c[ID]] = c
        out.tuples[rep] = (*head[:END], end, *head[END + 1 :])
    return out


def merged_codings(
    project: Project, filters: dict[str, Any], code_ids: Sequence[int] | None
) -> list[CodingTuple]:
    """The codings (passing ``filters``) that overlap a coding of the same code by another coder.

    Only these can form passages of more than one coding. Driven from the codings
    of every coder but the busiest one (each cross-coder pair has a member
    outside the busiest coder), so a project where the check coder coded a
    sample looks at the sample's codings only.
    """
    from sqlalchemy import func
    from sqlalchemy.orm import aliased

    from qualcode.analysis.corpus import coding_query

    c = t.coding.c
    conds = coding_conditions(filters, code_ids)
    with project.reading() as conn:
        per_coder = conn.execute(
            select(c.coder_id, func.count()).where(*conds).group_by(c.coder_id)
        ).all()
        if len(per_coder) < 2:
            return []
        busiest = max(per_coder, key=lambda r: (r[1], -r[0]))[0]
        drivers = [r[0] for r in per_coder if r[0] != busiest]
        other = aliased(t.coding, name="partner")
        o = other.c
        other_conds = coding_conditions(filters, code_ids, table=other)
        query = (
            select(c.id, o.id)
            .select_from(
                t.coding.join(other, and_(o.source_id == c.source_id, o.code_id == c.code_id))
            )
            .where(
                *conds,
                *other_conds,
                # IN (not !=) lets SQLite seek the drivers' codings by coder, and
                # "+ 0" keeps it from seeking partners by start instead of (source, code)
                c.coder_id.in_(drivers),
                o.coder_id != c.coder_id,
                o.start_pos + 0 < c.end_pos,
                o.end_pos > c.start_pos,
            )
        )
        ids = {i for pair in conn.execute(query).all() for i in pair}
        if not ids:
            return []
        from qualcode.store.recorder import chunks

        base = coding_query({}, None).order_by(None)
        rows: list[Any] = []
        for part in chunks(sorted(ids)):
            rows.extend(tuple(r) for r in conn.execute(base.where(c.id.in_(part))).all())
    return rows


# -- displays -------------------------------------------------------------------------------
def scope_for(project: Project, spec: Any) -> CoderScope:
    """The scope a display spec counts: its ``coders`` filter, else the project setting."""
    named = spec.filter("coders")
    unit = spec.option("unit", "passages")
    if named is not None:
        return CoderScope(tuple(named), "explicit", unit)
    return resolve(project, None, unit=unit)


def scoped_spec(spec: Any, scope: CoderScope) -> Any:
    """``spec`` with the scope's coders as its ``coders`` filter (unchanged when all count)."""
    if scope.coders is None or spec.filter("coders") is not None:
        return spec
    filters = dict(spec.filters)
    filters["coders"] = list(scope.coders)
    return spec.with_(filters=filters)


def merges(spec: Any) -> bool:
    """Whether a display counts passages (not with a per-coder axis or ``unit="codings"``)."""
    if spec.option("unit", "passages") != "passages":
        return False
    return "coders" not in (spec.rows.kind, spec.columns.kind)


def counted_names(scope: CoderScope, every: Iterable[str]) -> list[str]:
    """The names of the coders a scope counts (every coder's name when all count)."""
    if scope.coders is not None:
        return list(scope.coders)
    return sorted(set(every), key=str.casefold)
