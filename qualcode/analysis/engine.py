"""The matrix engine: one way to build every display.

``build_display(project, spec)`` places each coding that passes the filters in
the cells of its row and column headers; each cell then holds coding ids, from
which counts, excerpts, summaries and ratings are derived. Plain count
matrices over SQL-friendly dimensions are computed with one ``GROUP BY``
(:mod:`qualcode.analysis.sqlcount`) and fetch their coding ids only when a
cell is drilled into; everything else runs in Python over compact tuples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from qualcode.analysis.axes import Axis, Header, build_axis, period_of
from qualcode.analysis.corpus import (
    CODE,
    CODER,
    END,
    ID,
    SRC,
    START,
    CodingTuple,
    Corpus,
    load_corpus,
)
from qualcode.analysis.coverage import hide_empty, shares
from qualcode.analysis.periods import TimeFacts, time_facts, within
from qualcode.analysis.relations import check_relation, keep_related, pairs
from qualcode.analysis.scope import (
    CoderScope,
    counted_names,
    merges,
    passages,
    scope_for,
    scoped_spec,
)
from qualcode.analysis.spec import DisplaySpec
from qualcode.errors import CancelledError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qualcode.analysis.excerpts import Excerpt
    from qualcode.project import Project
    from qualcode.sources.batch import Progress

Cancel = Callable[[], bool]

CellIds = dict[tuple[int, int], list[int]]
_CODINGS_PER_CHECK = 2048  # codings placed between two cancel checks / progress reports
CODE_AXES = ("codes", "code_groups")


@dataclass
class Display:
    """A computed display: headers, a count per cell and the coding ids behind each cell.

    Cells are addressed by (row index, column index). ``excerpts``, ``summaries``,
    ``ratings`` and ``quotes`` are filled according to the spec's cell content.
    """

    spec: DisplaySpec
    rows: list[Header]
    columns: list[Header]
    counts: list[list[int]]
    excerpts: dict[tuple[int, int], list[Excerpt]] = field(default_factory=dict)
    summaries: dict[tuple[int, int], Any] = field(default_factory=dict)
    ratings: dict[tuple[int, int], str] = field(default_factory=dict)
    quotes: dict[tuple[int, int], Excerpt] = field(default_factory=dict)
    rating_basis: dict[tuple[int, int], Any] = field(default_factory=dict)
    row_effects: dict[int, str] = field(default_factory=dict)  # effects matrices: row -> type
    cell_effects: dict[tuple[int, int], str] = field(default_factory=dict)  # typed apart
    rules: list[Any] = field(default_factory=list)  # a saved display's decision-rule log
    saved_id: int | None = None
    scope: CoderScope | None = None
    coders_counted: list[str] = field(default_factory=list)
    time: TimeFacts | None = None  # the time field of a period axis and its fallbacks
    hidden: list[str] = field(default_factory=list)  # empty people headers left out
    shares: dict[tuple[int, int], float] | None = None  # coverage: percent of the text
    _ids: CellIds | None = None
    _load_cell: Callable[[int, int], list[int]] | None = None
    _cell_cache: CellIds = field(default_factory=dict)

    def cell_codings(self, r: int, c: int) -> list[int]:
        """Exactly the coding ids in cell (r, c), sorted."""
        if not (0 <= r < len(self.rows) and 0 <= c < len(self.columns)):
            raise IndexError(
                f"no cell ({r}, {c}) in a {len(self.rows)}×{len(self.columns)} display"
            )
        if self._ids is not None:
            return sorted(self._ids.get((r, c), ()))
        if not self.counts[r][c]:
            return []
        if (r, c) not in self._cell_cache:
            assert self._load_cell is not None
            self._cell_cache[(r, c)] = sorted(self._load_cell(r, c))
        return list(self._cell_cache[(r, c)])

    def find(self, row_key: str, col_key: str) -> tuple[int, int]:
        """The (row, column) indices of the cell with these header keys."""
        try:
            r = next(i for i, h in enumerate(self.rows) if h.key == str(row_key))
            c = next(i for i, h in enumerate(self.columns) if h.key == str(col_key))
        except StopIteration:
            raise KeyError((row_key, col_key)) from None
        return r, c

    def time_notes(self, language: str = "en") -> list[str]:
        """``2024-03: 3 of 5 ordered by source date ...``: one line per header a fallback placed."""
        if self.time is None:
            return []
        from qualcode.analysis.periods import key_label

        headers = self.rows if self.time.axis == "rows" else self.columns
        out = []
        for i, h in enumerate(headers):
            note = self.time.note(i, language)
            if note:
                out.append(f"{key_label(h.key, language)}: {note}")
        return out

    def empty_cells(self) -> list[tuple[int, int]]:
        """Cells without evidence: where data are missing."""
        return [
            (r, c)
            for r in range(len(self.rows))
            for c in range(len(self.columns))
            if not self.counts[r][c]
        ]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: labels, keys, counts (``cells``) and other cell contents."""
        out: dict[str, Any] = {
            "type": self.spec.type,
            "spec": self.spec.to_dict(),
            "rows": [h.label for h in self.rows],
            "columns": [h.label for h in self.columns],
            "row_keys": [h.key for h in self.rows],
            "column_keys": [h.key for h in self.columns],
            "measure": self.spec.measure,
            "cells": self.counts,
        }
        if self.scope is not None:
            out["scope"] = {**self.scope.to_dict(), "counted": list(self.coders_counted)}
        if self.time is not None:
            labels = self.rows if self.time.axis == "rows" else self.columns
            out["time"] = self.time.to_dict([h.label for h in labels])
        if self.spec.cell == "excerpts" or self.excerpts:
            out["excerpts"] = _grid(self, lambda k: [e.to_dict() for e in self.excerpts.get(k, [])])
        if self.spec.cell == "summary":
            out["summaries"] = _grid(self, lambda k: _summary_dict(self.summaries.get(k)))
        if self.spec.cell == "rating":
            out["ratings"] = _grid(self, lambda k: self.ratings.get(k))
            out["rating_basis"] = _grid(self, lambda k: _basis_dict(self.rating_basis.get(k)))
            out["quotes"] = _grid(
                self, lambda k: self.quotes[k].to_dict() if k in self.quotes else None
            )
        if self.row_effects:
            out["effect_types"] = _grid(
                self,
                lambda k: self.cell_effects.get(k, self.row_effects.get(k[0])),
            )
        if self.rules:
            out["decision_rules"] = [
                {"date": r.decided_on.isoformat(), "text": r.text, "author": r.author}
                for r in self.rules
            ]
        if self.spec.type == "coverage":
            out["missing"] = [[r, c] for r, c in self.empty_cells()]
        if self.shares is not None:
            out["percent"] = _grid(self, lambda k: self.shares.get(k, 0.0) if self.shares else 0.0)
        if self.hidden:
            out["hidden_empty"] = list(self.hidden)
        return out


def _grid(display: Display, fn: Callable[[tuple[int, int]], Any]) -> list[list[Any]]:
    return [[fn((r, c)) for c in range(len(display.columns))] for r in range(len(display.rows))]


def _basis_dict(b: Any) -> Any:
    if b is None:
        return None
    return {"computed": b.computed, "supporting": b.supporting, "inhibiting": b.inhibiting,
            "capped": b.capped, "override": b.override, "reason": b.reason}  # fmt: skip


def _summary_dict(s: Any) -> Any:
    if s is None:
        return None
    return {"text": s.text, "coding_ids": list(s.coding_ids), "draft": s.draft, "author": s.author}


# -- building -------------------------------------------------------------------------
def check_cancel(cancel: Cancel | None) -> None:
    """Raise :class:`CancelledError` once the user pressed Cancel (``cancel()`` is True)."""
    if cancel is not None and cancel():
        raise CancelledError()


def build_display(
    project: Project,
    spec: DisplaySpec,
    *,
    saved_id: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Display:
    """Compute the display ``spec`` describes from the project's current data.

    ``cancel()`` is checked between steps and while placing codings (raising
    :class:`CancelledError`, no partial display); ``progress(done, total, "")``
    counts the codings placed so far.
    """
    from qualcode.analysis import sqlcount

    check_cancel(cancel)
    scope = scope_for(project, spec)
    asked, spec = spec, scoped_spec(spec, scope)
    if sqlcount.applies(spec) and spec.type != "coverage":  # coverage measures characters
        display = sqlcount.build(project, spec, progress=progress, cancel=cancel)
        hide_empty(display, None, lambda: load_corpus(project, {"codes": []}))
        return _stated(project, display, asked, scope, saved_id)
    corpus, row_axis, col_axis, ids = compute(project, spec, progress=progress, cancel=cancel)
    if spec.measure == "weighted":  # each coding counts its evidence weight
        from qualcode.analysis.weights import weighted_counts

        counts = weighted_counts(project, corpus, ids, len(row_axis.headers), len(col_axis.headers))
    else:
        counts = measure_counts(
            corpus, ids, spec.measure, len(row_axis.headers), len(col_axis.headers)
        )
    if spec.option("relation") and merges(spec) and spec.measure == "codings":
        counts = passage_pair_counts(corpus, spec, row_axis, col_axis, counts)
    check_cancel(cancel)
    display = _stated(
        project,
        Display(spec, row_axis.headers, col_axis.headers, counts, _ids=ids),
        asked,
        scope,
        saved_id,
    )
    ids = hide_empty(display, ids, lambda: corpus) or {}
    if spec.type == "coverage":
        display.shares = shares(corpus, display, ids)
    display.time = _time_facts(corpus, spec, ids, display.rows, display.columns)
    if spec.cell in ("excerpts", "rating", "summary"):
        from qualcode.analysis.excerpts import attach_contents

        attach_contents(project, corpus, display, ids, cancel=cancel)
    return display


def _time_facts(
    corpus: Corpus, spec: DisplaySpec, ids: CellIds, rows: list[Header], cols: list[Header]
) -> TimeFacts | None:
    """The time field of the display's period axis and which field placed each header's codings."""
    for axis, dim, headers in (("rows", spec.rows, rows), ("columns", spec.columns, cols)):
        if dim.kind != "period":
            continue
        per: list[set[int]] = [set() for _ in headers]
        for (r, c), members in ids.items():
            per[r if axis == "rows" else c].update(members)
        keys = [h.key for h in headers]
        field, fallback = dim.get("field", "auto"), bool(dim.get("fallback", True))
        return time_facts(corpus, field, fallback, axis, keys, per)
    return None


def _stated(
    project: Project, display: Display, asked: DisplaySpec, scope: CoderScope, saved_id: int | None
) -> Display:
    """The display as asked for, stating the coders it counted."""
    from qualcode.analysis.corpus import coders
    from qualcode.analysis.effect_types import apply_effect_types

    display.spec = asked
    display.saved_id = saved_id
    display.scope = scope
    display.coders_counted = counted_names(scope, coders(project))
    apply_effect_types(project, display)
    display.rules = project.decision_rules.of(saved_id) if saved_id is not None else []
    return display


def compute(
    project: Project,
    spec: DisplaySpec,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[Corpus, Axis, Axis, CellIds]:
    """The Python path: load the codings the display can hold, filter, place in cells."""
    only_codes, only_sources = pushdown(project, spec)
    check_cancel(cancel)
    corpus = load_corpus(
        project, dict(spec.filters), only_codes=only_codes, only_sources=only_sources
    )
    check_cancel(cancel)
    codings = python_filter(project, corpus, spec)
    check_cancel(cancel)
    row_axis = build_axis(corpus, spec.rows)
    col_axis = build_axis(corpus, spec.columns)
    ids = assign(corpus, codings, row_axis, col_axis, spec, progress=progress, cancel=cancel)
    corpus.placed = codings
    if merges(spec) and not spec.option("relation"):
        ids = collapse_passages(corpus, codings, ids)
    return corpus, row_axis, col_axis, ids


def passage_pair_counts(
    corpus: Corpus, spec: DisplaySpec, rows: Axis, cols: Axis, counts: list[list[int]]
) -> list[list[int]]:
    """Co-occurrence counts: related pairs of passages, each coded by one coder.

    One overlapping pair of codings counts 1 (not its 2 codings); two coders who
    both applied both codes to one passage still count 1 (their codings of each
    code form one passage). ``not`` keeps counting codings.
    """
    relation = spec.option("relation")
    op = check_relation(relation.get("op", "and"))
    if op == "not" or rows.code_map is None or cols.code_map is None:
        return counts
    codings = corpus.placed
    found = passages(codings)
    r_index = {h.key: i for i, h in enumerate(rows.headers)}
    c_index = {h.key: i for i, h in enumerate(cols.headers)}
    cells: dict[tuple[int, int], set[tuple[int, int]]] = {}
    distance = int(relation.get("distance", 0))
    for group in _pairs(corpus, codings, op, distance, None, True):
        for a, b in group:
            pa, pb = found.of(a[ID]), found.of(b[ID])
            for x, y, px, py in ((a, b, pa, pb), (b, a, pb, pa)):
                for rk in rows.code_map.get(x[CODE], ()):
                    for ck in cols.code_map.get(y[CODE], ()):
                        key = (r_index[rk], c_index[ck])
                        cells.setdefault(key, set()).add((px, py))
    out = [[0] * len(cols.headers) for _ in rows.headers]
    for (r, c), found_pairs in cells.items():
        out[r][c] = len(found_pairs)
    return out


def collapse_passages(corpus: Corpus, codings: list[CodingTuple], ids: CellIds) -> CellIds:
    """Cells holding one representative per passage; the corpus gets the passages' union ranges."""
    found = passages(codings)
    if not found.rep:
        return ids
    corpus.passage_members.update(found.members)
    for rep, members in found.members.items():
        corpus.passage_coders[rep] = tuple(dict.fromkeys(found.codings[m][CODER] for m in members))
    corpus.codings = [found.tuples.get(c[ID], c) for c in corpus.codings]
    return {k: found.collapse(v) for k, v in ids.items()}


def pushdown(project: Project, spec: DisplaySpec) -> tuple[set[int] | None, set[int] | None]:
    """Codes and sources a display's axes can hold at all, so only their codings are loaded."""
    facts = load_corpus(project, {"codes": []})
    code_sets: list[set[int]] = []
    source_sets: list[set[int]] = []
    for dim in (spec.rows, spec.columns):
        if dim.kind in CODE_AXES and (dim.get("ids") is not None or dim.kind == "code_groups"
                                      or dim.get("children_of") is not None):  # fmt: skip
            axis = build_axis(facts, dim)
            assert axis.code_map is not None
            code_sets.append(set(axis.code_map))
        elif dim.kind == "sources" and dim.get("ids") is not None:
            source_sets.append(set(dim.get("ids")))
        elif dim.kind == "cases" and dim.get("ids") is not None:
            cases = set(dim.get("ids"))
            linked = {s for s, ids in facts.whole_links.items() if cases.intersection(ids)}
            linked |= {
                s for s, links in facts.range_links.items() if any(lk[2] in cases for lk in links)
            }
            source_sets.append(linked)
    only_codes: set[int] | None = None
    if spec.option("relation"):
        # code × code relations need the codings of both axes (unless one lists every code)
        only_codes = set().union(*code_sets) if len(code_sets) == 2 else None
    elif code_sets:
        only_codes = set.intersection(*code_sets)
    only_sources = set.intersection(*source_sets) if source_sets else None
    return only_codes, only_sources


def python_filter(project: Project, corpus: Corpus, spec: DisplaySpec) -> list[CodingTuple]:
    """Apply the filters SQL could not: cases, case attributes, periods, relations."""
    codings = corpus.codings
    cases = spec.filter("cases")
    if cases is not None:
        wanted = set(cases)
        codings = [c for c in codings if wanted.intersection(corpus.cases_of(c))]
    attrs = spec.filter("attribute")
    if attrs:
        for name, values in attrs.items():
            allowed = {values} if isinstance(values, str) else set(values)
            codings = [
                c
                for c in codings
                if any(
                    corpus.case_attrs.get(x, {}).get(name) in allowed for x in corpus.cases_of(c)
                )
                or corpus.source_attrs.get(c[SRC], {}).get(name) in allowed
            ]
    low, high = spec.filter("period_from"), spec.filter("period_to")
    if low is not None or high is not None:
        codings = [c for c in codings if within(period_of(corpus, c), low, high)]
    relation = spec.filter("relation")
    if relation:
        op = check_relation(relation.get("op", "and"))
        other_filters = {k: v for k, v in spec.filters if k not in ("codes", "relation")}
        other_filters["codes"] = list(relation.get("codes") or [])
        right = load_corpus(project, other_filters).codings
        codings = keep_related(corpus, codings, right, op, int(relation.get("distance", 0)))
    return codings


def assign(
    corpus: Corpus,
    codings: list[CodingTuple],
    rows: Axis,
    cols: Axis,
    spec: DisplaySpec,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> CellIds:
    """Coding ids per cell (row index, column index).

    ``cancel()`` is checked and ``progress(codings done, total, "")`` reported
    every couple of thousand codings placed (a code × code relation checks
    ``cancel()`` per source instead, with no progress).
    """
    r_index = {h.key: i for i, h in enumerate(rows.headers)}
    c_index = {h.key: i for i, h in enumerate(cols.headers)}
    relation = spec.option("relation")
    out: dict[tuple[int, int], set[int]] = {}
    if relation and rows.dim.kind in CODE_AXES and cols.dim.kind in CODE_AXES:
        op = check_relation(relation.get("op", "and"))
        distance = int(relation.get("distance", 0))
        check_cancel(cancel)
        if op == "not":
            return _assign_not(corpus, codings, rows, cols, r_index, c_index, cancel)
        same = merges(spec)
        return pair_cells(corpus, codings, rows, cols, op, distance, cancel=cancel, same_coder=same)
    if relation:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A relation between codes needs codes on both axes.")
        )
    total = len(codings)
    step = total if progress is None and cancel is None else _CODINGS_PER_CHECK
    for low in range(0, total, max(step, 1)):
        check_cancel(cancel)
        if progress is not None:
            progress(low, total, "")
        for c in codings if step >= total else codings[low : low + step]:
            rks = rows.place(c)
            if not rks:
                continue
            cks = cols.place(c)
            for rk in rks:
                ri = r_index[rk]
                for ck in cks:
                    out.setdefault((ri, c_index[ck]), set()).add(c[ID])
    check_cancel(cancel)
    if progress is not None:
        progress(total, total, "")
    return {k: sorted(v) for k, v in out.items()}


def pair_cells(
    corpus: Corpus,
    codings: list[CodingTuple],
    rows: Axis,
    cols: Axis,
    op: str,
    distance: int,
    symmetric: bool | None = None,
    *,
    cancel: Cancel | None = None,
    same_coder: bool = False,
) -> CellIds:
    """Cells of a code × code relation: cell (A, B) holds both codings of each related pair.

    ``same_coder``: only pairs coded by one coder count (two coders' different
    codes on one passage are a disagreement, not a co-occurrence).

    Code axes place a coding by its code alone, so placements are looked up per
    code. With the same axis on both sides (``symmetric``, the default then)
    cell (i, j) always holds what cell (j, i) holds: each pair is placed once
    and the cell mirrored, half the work of placing it both ways.
    """
    r_index = {h.key: i for i, h in enumerate(rows.headers)}
    c_index = {h.key: i for i, h in enumerate(cols.headers)}
    assert rows.code_map is not None and cols.code_map is not None
    r_of = {code: [r_index[k] for k in keys] for code, keys in rows.code_map.items()}
    c_of = {code: [c_index[k] for k in keys] for code, keys in cols.code_map.items()}
    if symmetric is None:
        symmetric = rows.dim == cols.dim
    out: dict[tuple[int, int], set[int]] = {}
    if symmetric:
        for a, b in chain.from_iterable(_pairs(corpus, codings, op, distance, cancel, same_coder)):
            c_b = c_of.get(b[CODE])
            if not c_b:
                continue
            for i in r_of.get(a[CODE], ()):
                for j in c_b:
                    key = (i, j) if i <= j else (j, i)
                    cell = out.get(key)
                    if cell is None:
                        out[key] = {a[ID], b[ID]}
                    else:
                        cell.add(a[ID])
                        cell.add(b[ID])
        mirrored: CellIds = {}
        for (i, j), members in out.items():
            mirrored[(i, j)] = ordered = sorted(members)
            if i != j:
                mirrored[(j, i)] = list(ordered)
        return mirrored
    for a, b in chain.from_iterable(_pairs(corpus, codings, op, distance, cancel, same_coder)):
        for x, y in ((a, b), (b, a)):
            for ri in r_of.get(x[CODE], ()):
                for ci in c_of.get(y[CODE], ()):
                    cell = out.get((ri, ci))
                    if cell is None:
                        out[(ri, ci)] = {x[ID], y[ID]}
                    else:
                        cell.add(x[ID])
                        cell.add(y[ID])
    return {k: sorted(v) for k, v in out.items()}


def _pairs(
    corpus: Corpus,
    codings: list[CodingTuple],
    op: str,
    distance: int,
    cancel: Cancel | None,
    same_coder: bool = False,
) -> Iterator[Iterator[tuple[CodingTuple, CodingTuple]]]:
    """:func:`_source_pairs`, only pairs coded by one coder when ``same_coder``."""
    for found in _source_pairs(corpus, codings, op, distance, cancel):
        yield (p for p in found if p[0][CODER] == p[1][CODER]) if same_coder else found


def _source_pairs(
    corpus: Corpus, codings: list[CodingTuple], op: str, distance: int, cancel: Cancel | None
) -> Iterator[Iterator[tuple[CodingTuple, CodingTuple]]]:
    """:func:`pairs` of ``codings``, source by source when ``cancel()`` is to be checked.

    Related codings always share a source, so pairing each source's codings
    apart finds the same pairs; the loops over the pairs stay as tight as
    without a cancel check.
    """
    if cancel is None:
        yield pairs(corpus, codings, op, distance)
        return
    by_source: dict[int, list[CodingTuple]] = {}
    for c in codings:
        group = by_source.get(c[SRC])
        if group is None:
            by_source[c[SRC]] = [c]
        else:
            group.append(c)
    for group in by_source.values():
        check_cancel(cancel)
        yield pairs(corpus, group, op, distance)
    check_cancel(cancel)


def _assign_not(
    corpus: Corpus,
    codings: list[CodingTuple],
    rows: Axis,
    cols: Axis,
    r_index: dict[str, int],
    c_index: dict[str, int],
    cancel: Cancel | None = None,
) -> CellIds:
    # cell (A, B) = codings of row A that overlap no coding of column B
    partner_cols: dict[int, set[str]] = {c[ID]: set() for c in codings}
    for a, b in chain.from_iterable(_pairs(corpus, codings, "and", 0, cancel)):
        partner_cols[a[ID]].update(cols.place(b))
        partner_cols[b[ID]].update(cols.place(a))
    out: dict[tuple[int, int], list[int]] = {}
    for c in codings:
        for rk in rows.place(c):
            own = set(cols.place(c))
            for h in cols.headers:
                if h.key not in partner_cols[c[ID]] and h.key not in own:
                    out.setdefault((r_index[rk], c_index[h.key]), []).append(c[ID])
    return out


def measure_counts(
    corpus: Corpus, ids: CellIds, measure: str, n_rows: int, n_cols: int
) -> list[list[int]]:
    """Counts per cell: codings, distinct sources, distinct cases or characters coded."""
    counts = [[0] * n_cols for _ in range(n_rows)]
    by_id = corpus.by_id() if measure != "codings" else {}
    for (r, c), members in ids.items():
        if measure == "codings":
            counts[r][c] = len(members)
        elif measure == "sources":
            counts[r][c] = len({by_id[i][SRC] for i in members})
        elif measure == "cases":
            counts[r][c] = len({x for i in members for x in corpus.cases_of(by_id[i])})
        else:
            counts[r][c] = characters([by_id[i] for i in members])
    return counts


def characters(codings: list[CodingTuple]) -> int:
    """Characters covered by the union of the codings' ranges (overlaps counted once)."""
    total = 0
    spans = sorted((c[SRC], c[START], c[END]) for c in codings)
    cur_src, cur_a, cur_b = None, 0, 0
    for src, a, b in spans:
        if src != cur_src or a > cur_b:
            total += cur_b - cur_a
            cur_src, cur_a, cur_b = src, a, b
        else:
            cur_b = max(cur_b, b)
    return total + (cur_b - cur_a)
