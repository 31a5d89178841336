"""An independent reference for display cells on the bundled sample study.

The display tests must be able to fail when the engine is wrong, so nothing here
imports :mod:`qualcode.analysis`. The project's raw rows are read through the
plain managers (``project.codings.list()``, ``project.cases.links()``...) and
each cell is computed with sets and loops, following the semantics documented
in the engine's docstrings:

* a coding belongs to a case when its source is linked to the case as a whole
  or its range shares a character with one of the case's link ranges;
* a code axis places a coding under its own code, or (aggregated) under every
  listed ancestor; labels are ``Parent/Child`` paths, short names for
  ``children_of`` axes;
* relations pair codings of *different* codes in one source: ``and`` = the
  ranges share a character, ``near`` = they overlap or the gap is at most N
  characters, ``same_turn`` = both overlap one speaker turn (in a source without
  turns: one non-blank line), ``not`` = a coding
  of the row code overlapping no coding of the column code;
* a coding's period is its own period, else its event date, else its source's
  collection date.

:func:`sample_project_path` builds the sample study once per test process.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from qualcode.project import Project
from qualcode.records import SOURCE_KINDS

Cells = dict[tuple[str, str], frozenset[int]]
NO_VALUE = "(none)"
SAMPLE_SPANS = {  # every period text of the sample study, read by hand
    "2021": ("2021-01-01", "2021-12-31"),
    "2021-2023": ("2021-01-01", "2023-12-31"),
    "2022": ("2022-01-01", "2022-12-31"),
    "2022-2024": ("2022-01-01", "2024-12-31"),
    "2023": ("2023-01-01", "2023-12-31"),
    "2024": ("2024-01-01", "2024-12-31"),
    "2024 triwulan I": ("2024-01-01", "2024-03-31"),
    "2024-02": ("2024-02-01", "2024-02-29"),
}


def _first_day(key: str) -> int:
    """Ordinal of a bucket key's first day (keys of the sample study only)."""
    first = key.partition("/")[0]
    year, _, rest = first.partition("-")
    month = {"": 1, "Q1": 1}.get(rest) or int(rest)
    return date(int(year), month, 1).toordinal()


def _last_day(key: str) -> int:
    """Ordinal of a bucket key's last day (keys of the sample study only)."""
    last = key.rpartition("/")[2]
    year, _, rest = last.partition("-")
    month = {"": 12, "Q1": 3}.get(rest) or int(rest)
    nxt = date(int(year) + (month == 12), month % 12 + 1, 1)
    return nxt.toordinal() - 1


# magnitude words of the sample (codings.yaml) -> checklist level; no magnitude = 1
SAMPLE_LEVELS = {"tinggi": 3, "memadai": 3, "rendah": 1, "sangat kurang": 1}
"""Levels of the sample's magnitude words as read for a supporting coding."""
RATINGS = ("absent", "inadequate", "partly", "adequate")
INHIBITING = {3: 1, 2: 1, 1: 2, 0: 0}
"""An inhibiting coding's level from the supporting reading of its magnitude."""

_BUILT: dict[str, Path] = {}


def sample_project_path(factory: Any) -> Path:
    """The sample study built by ``qualcode.app.demo.build_demo``, once per test process."""
    if "path" not in _BUILT:
        from qualcode.app.demo import build_demo

        folder = factory.mktemp("sample_displays")
        old = os.environ.get("QUALCODE_CONFIG_DIR")
        os.environ["QUALCODE_CONFIG_DIR"] = str(folder / "config")
        try:
            build_demo(folder / "sample.qdaproj")
        finally:
            if old is None:
                os.environ.pop("QUALCODE_CONFIG_DIR", None)
            else:
                os.environ["QUALCODE_CONFIG_DIR"] = old
        _BUILT["path"] = folder / "sample.qdaproj"
    return _BUILT["path"]


@dataclass(frozen=True, slots=True)
class Row:
    """One coding as stored."""

    id: int
    source: int
    code: int
    coder: int
    start: int
    end: int
    valence: str | None
    magnitude: str | None
    period: str | None
    event_date: date | None


@dataclass(frozen=True, slots=True)
class RefAxis:
    """Headers ``(key, label)`` in display order and the keys a coding falls under."""

    headers: list[tuple[str, str]]
    place: Callable[[Row], set[str]]

    @property
    def keys(self) -> list[str]:
        """Header keys in order."""
        return [k for k, _ in self.headers]


@dataclass
class Reference:
    """The sample study's raw rows and straightforward cell computations over them."""

    codings: list[Row]
    code_name: dict[int, str]
    code_parent: dict[int, int | None]
    code_order: list[int]
    code_by_book: dict[str, int]
    source_name: dict[int, str]
    source_kind: dict[int, str]
    source_date: dict[int, date | None]
    texts: dict[int, str]
    case_name: dict[int, str]
    case_kind: dict[int, str]
    case_attrs: dict[int, dict[str, str]]
    attr_allowed: dict[str, list[str]]
    links: list[Any]
    coder_name: dict[int, str]
    _cases: dict[int, frozenset[int]] = field(default_factory=dict)
    _by_id: dict[int, Row] = field(default_factory=dict)

    # -- facts -------------------------------------------------------------------
    def code(self, book_code: str) -> int:
        """A code id by ``codebook:CODE`` (as in codings.yaml)."""
        return self.code_by_book[book_code]

    def case(self, name: str) -> int:
        """A case id by name."""
        return next(i for i, n in self.case_name.items() if n == name)

    def source(self, prefix: str) -> int:
        """A source id by the start of its name (``W3``, ``FGD1``...)."""
        return next(i for i, n in self.source_name.items() if n.split()[0] == prefix)

    def descendants(self, code: int) -> set[int]:
        """``code`` and every code below it."""
        out = {code}
        changed = True
        while changed:
            more = {c for c, p in self.code_parent.items() if p in out} - out
            changed = bool(more)
            out |= more
        return out

    def path(self, code: int) -> str:
        """``Parent/Child`` names of a code."""
        parts = [self.code_name[code]]
        parent = self.code_parent[code]
        while parent is not None:
            parts.insert(0, self.code_name[parent])
            parent = self.code_parent[parent]
        return "/".join(parts)

    def cases_of(self, c: Row) -> frozenset[int]:
        """Cases whose link (whole source, or a range sharing a character) covers ``c``."""
        if c.id not in self._cases:
            self._cases[c.id] = frozenset(
                lk.case_id
                for lk in self.links
                if lk.source_id == c.source
                and (lk.start is None or (lk.start < c.end and c.start < lk.end))
            )
        return self._cases[c.id]

    def lines_of(self, c: Row) -> set[int]:
        """Start offsets of the non-blank lines ``c`` overlaps (units of a source without turns)."""
        text, found, pos = self.texts[c.source], set(), 0
        for line in text.split("\n"):
            end = pos + len(line)
            if line.strip() and pos < c.end and c.start < end:
                found.add(pos)
            pos = end + 1
        return found

    def turns_of(self, c: Row) -> set[int]:
        """Ids of the speaker turns (ranged links with a speaker) ``c`` overlaps."""
        return {
            lk.id
            for lk in self.links
            if lk.source_id == c.source
            and lk.start is not None
            and lk.speaker is not None
            and lk.start < c.end
            and c.start < lk.end
        }

    def period_of(self, c: Row) -> str | None:
        """The coding's period, else its event date, else its source's date (ISO text)."""
        if c.period:
            return c.period
        if c.event_date is not None:
            return c.event_date.isoformat()
        collected = self.source_date[c.source]
        return collected.isoformat() if collected else None

    def text(self, c: Row) -> str:
        """The text a coding covers."""
        return self.texts[c.source][c.start : c.end]

    def by_id(self) -> dict[int, Row]:
        """Codings by id."""
        if not self._by_id:
            self._by_id.update((c.id, c) for c in self.codings)
        return self._by_id

    def of_codes(self, codes: Iterable[int], *, descendants: bool = True) -> list[Row]:
        """Codings of ``codes`` (and their sub-codes)."""
        wanted: set[int] = set()
        for code in codes:
            wanted |= self.descendants(code) if descendants else {code}
        return [c for c in self.codings if c.code in wanted]

    # -- axes --------------------------------------------------------------------
    def codes_axis(
        self,
        ids: list[int] | None = None,
        *,
        aggregate: bool = False,
        children_of: int | None = None,
    ) -> RefAxis:
        """Codes (all, in tree order, by default); ``children_of`` aggregates with short labels."""
        if children_of is not None:
            ids = [c for c in self.code_order if self.code_parent[c] == children_of]
            aggregate = True
        chosen = list(self.code_order) if ids is None else list(ids)
        members = {k: self.descendants(k) if aggregate else {k} for k in chosen}
        short = children_of is not None
        headers = [(str(k), self.code_name[k] if short else self.path(k)) for k in chosen]
        return RefAxis(headers, lambda c: {str(k) for k in chosen if c.code in members[k]})

    def groups_axis(self, groups: dict[str, list[int]]) -> RefAxis:
        """Named groups of codes (each with its sub-codes)."""
        members = {g: set().union(*(self.descendants(x) for x in ids)) for g, ids in groups.items()}
        return RefAxis(
            [(g, g) for g in groups], lambda c: {g for g in groups if c.code in members[g]}
        )

    def _value_order(self, value: str | None, allowed: list[str]) -> tuple[Any, ...]:
        if value is None:
            return (3, 0.0, "")
        if value in allowed:
            return (0, allowed.index(value), value)
        try:
            return (1, float(value), value)
        except ValueError:
            return (2, 0.0, value.casefold())

    def cases_axis(
        self,
        *,
        kind: str | None = None,
        order_by: str | None = None,
        descending: bool = False,
        ranked_only: bool = False,
    ) -> RefAxis:
        """Cases by name, or by an attribute (low to high, or ``descending``), then by name.

        Cases without a value of ``order_by`` come last either way (a high-to-low
        meta-matrix must not open with the cases it cannot rank), or are left out
        (``ranked_only``, as a case-ordered meta-matrix does by default).
        """
        chosen = [i for i in self.case_name if kind is None or self.case_kind[i] == kind]
        if order_by:
            allowed = self.attr_allowed.get(order_by, [])
            ranked = [i for i in chosen if order_by in self.case_attrs[i]]
            ranked.sort(key=lambda i: self.case_name[i].casefold())
            ranked.sort(
                key=lambda i: self._value_order(self.case_attrs[i][order_by], allowed),
                reverse=descending,
            )
            unranked = [i for i in chosen if order_by not in self.case_attrs[i]]
            if ranked_only:
                unranked = []
            chosen = ranked + sorted(unranked, key=lambda i: self.case_name[i].casefold())
        else:
            chosen.sort(key=lambda i: self.case_name[i].casefold())
        keep = set(chosen)
        return RefAxis(
            [(str(i), self.case_name[i]) for i in chosen],
            lambda c: {str(i) for i in self.cases_of(c) if i in keep},
        )

    def voiced(
        self, axis: RefAxis, other: RefAxis, over: list[Row], *, rows: bool = False
    ) -> RefAxis:
        """``axis`` without the Interviewer and Moderator cases where they hold nothing against
        ``other`` over ``over`` (a display hides those empty headers by default)."""
        cells = self.cells(axis, other, over) if rows else self.cells(other, axis, over)
        filled = {key[0] if rows else key[1] for key, found in cells.items() if found}
        silent = {str(i) for i, n in self.case_name.items() if n in ("Interviewer", "Moderator")}
        kept = [(k, label) for k, label in axis.headers if k in filled or k not in silent]
        return RefAxis(kept, axis.place)

    def attribute_axis(self, name: str, *, order_by: str | None = None) -> RefAxis:
        """Values of a case attribute (allowed values first), or ordered by a rank attribute."""
        allowed = self.attr_allowed.get(name, [])
        seen = {a[name] for a in self.case_attrs.values() if name in a}
        values = list(allowed) + sorted(
            seen - set(allowed), key=lambda v: self._value_order(v, allowed)
        )
        if order_by:
            rank_allowed = self.attr_allowed.get(order_by, [])
            best: dict[str, Any] = {}
            for attrs in self.case_attrs.values():
                if name in attrs and order_by in attrs:
                    key = self._value_order(attrs[order_by], rank_allowed)
                    best[attrs[name]] = min(best.get(attrs[name], key), key)
            values.sort(key=lambda v: best.get(v, (4, 0.0, v)))

        def place(c: Row) -> set[str]:
            return {
                self.case_attrs[x][name] for x in self.cases_of(c) if name in self.case_attrs[x]
            }

        return RefAxis([(v, v) for v in values], place)

    def sources_axis(self) -> RefAxis:
        """Sources by name."""
        ids = sorted(self.source_name, key=lambda s: self.source_name[s].casefold())
        return RefAxis([(str(s), self.source_name[s]) for s in ids], lambda c: {str(c.source)})

    def kinds_axis(self) -> RefAxis:
        """Source kinds present, in the standard order."""
        kinds = [k for k in SOURCE_KINDS if k in set(self.source_kind.values())]
        return RefAxis([(k, k) for k in kinds], lambda c: {self.source_kind[c.source]})

    def coders_axis(self) -> RefAxis:
        """Coders by name."""
        ids = sorted(self.coder_name, key=lambda i: self.coder_name[i].casefold())
        return RefAxis([(str(i), self.coder_name[i]) for i in ids], lambda c: {str(c.coder)})

    def period_axis(self, bucket: str, over: list[Row], cutoff: str | None = None) -> RefAxis:
        """Periods of ``over`` by year or month, or early/late around ``cutoff``.

        Each period text of the sample is read by hand (:data:`SAMPLE_SPANS`, ISO dates as
        themselves). By year a span within one year is that year, a span over several
        years the range row ``Y1/Y2``; by month a span within one month is that month,
        a whole quarter or year its own row (``2024-Q1``, ``2024``); rows by start, the
        longer first. Early means the period ends before ``cutoff``.
        """

        def span(c: Row) -> tuple[str, str] | None:
            p = self.period_of(c)
            if p is None:
                return None
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
                return p, p
            return SAMPLE_SPANS[p]

        def key(c: Row) -> str:
            s = span(c)
            if s is None:
                return NO_VALUE
            a, b = s
            if bucket == "split":
                return "early" if b < str(cutoff) else "late"
            if bucket == "year":
                return a[:4] if a[:4] == b[:4] else f"{a[:4]}/{b[:4]}"
            if a[:7] == b[:7]:
                return a[:7]
            if a[:4] != b[:4]:
                return f"{a[:4]}/{b[:4]}"  # the sample's ranges are whole years
            return {("01-01", "12-31"): a[:4], ("01-01", "03-31"): f"{a[:4]}-Q1"}[a[5:], b[5:]]

        if bucket == "split":
            keys = ["early", "late"]
        else:
            found = {key(c) for c in over}
            dated = found - {NO_VALUE}
            keys = sorted(dated, key=lambda k: (_first_day(k), -_last_day(k)))
            keys += [NO_VALUE] if NO_VALUE in found else []
        labels = {k: k.replace("/", "\u2013").replace("-Q1", " Q1") for k in keys}
        return RefAxis([(k, labels[k]) for k in keys], lambda c: {key(c)})

    def valence_axis(self) -> RefAxis:
        """supporting / inhibiting / neutral / none."""
        keys = ["supporting", "inhibiting", "neutral", "none"]
        return RefAxis([(k, k) for k in keys], lambda c: {c.valence or "none"})

    # -- cells -------------------------------------------------------------------
    def cells(self, rows: RefAxis, cols: RefAxis, codings: Iterable[Row]) -> Cells:
        """Coding ids per (row key, column key): every coding in every cell it falls in."""
        out: dict[tuple[str, str], set[int]] = {}
        for c in codings:
            for rk in rows.place(c):
                for ck in cols.place(c):
                    out.setdefault((rk, ck), set()).add(c.id)
        return {k: frozenset(v) for k, v in out.items()}

    def related(self, a: Row, b: Row, op: str, distance: int = 0) -> bool:
        """Whether two codings of different codes stand in relation ``op`` (and/near/same_turn)."""
        if a.id == b.id or a.code == b.code or a.source != b.source:
            return False
        if op == "and":
            return a.start < b.end and b.start < a.end
        if op == "near":
            gap = max(a.start, b.start) - min(a.end, b.end)
            return gap <= distance
        if op == "same_turn":
            if a.source != b.source:
                return False
            if any(lk.source_id == a.source and lk.start is not None and lk.speaker is not None
                   for lk in self.links):  # fmt: skip
                return bool(self.turns_of(a) & self.turns_of(b))
            return bool(self.lines_of(a) & self.lines_of(b))
        raise ValueError(op)

    def relation_cells(
        self, rows: RefAxis, cols: RefAxis, codings: list[Row], op: str, distance: int = 0
    ) -> Cells:
        """Code × code cells: both codings of every related pair (``not``: unpartnered rows)."""
        out: dict[tuple[str, str], set[int]] = {}
        if op == "not":
            for a in codings:
                partner_cols = set().union(
                    *(cols.place(b) for b in codings if self.related(a, b, "and"))
                )
                for rk in rows.place(a):
                    for ck in cols.keys:
                        if ck not in partner_cols and ck not in cols.place(a):
                            out.setdefault((rk, ck), set()).add(a.id)
            return {k: frozenset(v) for k, v in out.items()}
        for a, b in itertools.permutations(codings, 2):
            if a.coder == b.coder and self.related(a, b, op, distance):
                for rk in rows.place(a):
                    for ck in cols.place(b):
                        out.setdefault((rk, ck), set()).update((a.id, b.id))
        return {k: frozenset(v) for k, v in out.items()}

    def relation_pairs(
        self, rows: RefAxis, cols: RefAxis, codings: list[Row], op: str, distance: int = 0
    ) -> list[list[int]]:
        """Co-occurrence counts: related pairs coded by one coder (one coder's codings
        never form multi-coding passages, so a pair of codings is a pair of passages)."""
        out: dict[tuple[str, str], set[tuple[int, int]]] = {}
        for a, b in itertools.permutations(codings, 2):
            if a.coder == b.coder and self.related(a, b, op, distance):
                for rk in rows.place(a):
                    for ck in cols.place(b):
                        out.setdefault((rk, ck), set()).add((a.id, b.id))
        return [[len(out.get((r, c), ())) for c in cols.keys] for r in rows.keys]

    def keep_related(
        self, left: list[Row], right: list[Row], op: str, distance: int = 0
    ) -> list[Row]:
        """Codings of ``left`` related to a coding of ``right`` (``not``: overlapping none)."""
        base = "and" if op == "not" else op
        found = [a for a in left if any(self.related(a, b, base, distance) for b in right)]
        if op == "not":
            keep = {a.id for a in found}
            return [a for a in left if a.id not in keep]
        return found

    def measure(self, ids: Iterable[int], how: str) -> int:
        """A cell's count: codings, distinct sources, distinct cases or characters covered."""
        rows = [self.by_id()[i] for i in ids]
        if how == "codings":
            return len(rows)
        if how == "sources":
            return len({c.source for c in rows})
        if how == "cases":
            return len(set().union(*(self.cases_of(c) for c in rows)))
        covered = {(c.source, i) for c in rows for i in range(c.start, c.end)}
        return len(covered)

    def grid(
        self, rows: RefAxis, cols: RefAxis, cells: Cells, how: str = "codings"
    ) -> list[list[int]]:
        """The count grid of ``cells`` in header order."""
        return [[self.measure(cells.get((r, c), ()), how) for c in cols.keys] for r in rows.keys]

    def coding_level(self, coding_id: int) -> int:
        """One coding's checklist level from its magnitude and valence."""
        row = self.by_id()[coding_id]
        inhibiting = row.valence == "inhibiting"
        base = SAMPLE_LEVELS.get(row.magnitude or "")
        if base is None:
            return 1 if inhibiting else 2
        return INHIBITING[base] if inhibiting else base

    def rating(self, ids: Iterable[int]) -> str:
        """Checklist rating: not mentioned without codings, else the lower median level,
        at most "partly" when any coding is inhibiting."""
        ids = list(ids)
        if not ids:
            return "not_mentioned"
        levels = sorted(self.coding_level(i) for i in ids)
        value = levels[(len(levels) - 1) // 2]
        if any(self.by_id()[i].valence == "inhibiting" for i in ids):
            value = min(value, 2)
        return RATINGS[value]


def _row(c: Any) -> Row:
    fields = (c.valence, c.magnitude, c.period, c.event_date)
    return Row(c.id, c.source_id, c.code_id, c.coder_id, c.start, c.end, *fields)


def load_reference(project: Project) -> Reference:
    """Read the raw rows of ``project`` (no :mod:`qualcode.analysis`)."""
    from sqlalchemy import select

    from qualcode.store import tables as t

    codes = project.codes.all()  # parents first, siblings in order: the tree order
    sources = project.sources.all()
    cases = project.cases.all()
    with project.reading() as conn:
        coder_name = dict(conn.execute(select(t.coder.c.id, t.coder.c.name)).all())
        declared = conn.execute(
            select(t.project_info.c.value).where(t.project_info.c.key == "analysis_coders")
        ).scalar()
    # the analysis counts the study's declared analysis coders (the researcher) only
    counted = set(json.loads(declared)) if declared else set(coder_name.values())
    case_attrs = {
        c.id: {k: v.isoformat() if isinstance(v, date) else str(v) for k, v in c.attributes.items()}
        for c in cases
    }
    return Reference(
        codings=[_row(c) for c in project.codings.list() if coder_name[c.coder_id] in counted],
        code_name={c.id: c.name for c in codes},
        code_parent={c.id: c.parent_id for c in codes},
        code_order=[c.id for c in codes],
        code_by_book={f"{c.codebook}:{c.codebook_code}": c.id for c in codes if c.codebook},
        source_name={s.id: s.name for s in sources},
        source_kind={s.id: s.kind for s in sources},
        source_date={s.id: s.date_collected for s in sources},
        texts={s.id: project.sources.text(s.id) for s in sources},
        case_name={c.id: c.name for c in cases},
        case_kind={c.id: c.kind for c in cases},
        case_attrs=case_attrs,
        attr_allowed={a.name: list(a.allowed_values) for a in project.attributes.all("case")},
        links=project.cases.links(),
        coder_name=coder_name,
    )


def engine_cells(display: Any) -> Cells:
    """Every non-empty cell of an engine display, drilled down, by (row key, column key)."""
    out: Cells = {}
    for r, rh in enumerate(display.rows):
        for c, ch in enumerate(display.columns):
            ids = display.cell_codings(r, c)
            if ids:
                out[(rh.key, ch.key)] = frozenset(ids)
    return out


def headers(display: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(key, label) of an engine display's rows and columns."""
    return [(h.key, h.label) for h in display.rows], [(h.key, h.label) for h in display.columns]


def quoted(ref: Reference, source: str, book_code: str, *starts: str) -> frozenset[int]:
    """Ids of the codings of ``book_code`` in ``source`` whose text starts with one of ``starts``.

    Lets a test name codings the way ``codings.yaml`` does: by source, code and quote.
    """
    sid, code = ref.source(source), ref.code(book_code)
    found = frozenset(
        c.id
        for c in ref.codings
        if c.source == sid and c.code == code and ref.text(c).startswith(starts)
    )
    assert found, (source, book_code, starts)
    return found
