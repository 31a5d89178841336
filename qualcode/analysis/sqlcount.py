"""Count matrices computed in SQL: the fast path of the engine.

Used when a display only counts codings and both axes map to SQL expressions
(codes without aggregation, cases, one case attribute, sources, source kinds,
coders, valence) and every filter is SQL-expressible. Coding ids of the cells
are computed the Python way on the first drill-down, so both paths agree by
construction (and the tests check that they do).

The big matrices (codes × cases, codes × sources: 500 × 1,000 cells, most of
them filled) are counted per source: SQL returns one row per source with the
comma-joined ids of its codings' codes, and Python counts them. A ``GROUP BY``
(code, case) would return a row per filled cell, and turning 165k rows into
Python objects costs more than the counting. Codings of sources linked to
cases by ranged links (turns) are counted by a ``GROUP BY`` over an overlap join.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import String, and_, cast, func, literal, select, union_all

from qualcode.analysis.axes import Axis, Header, build_axis
from qualcode.analysis.corpus import Corpus, coding_conditions, filter_code_ids, load_corpus
from qualcode.analysis.scope import merged_codings, merges, passages
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.store import tables as t

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from qualcode.analysis.engine import Cancel, Display
    from qualcode.project import Project
    from qualcode.sources.batch import Progress

    Matrix = npt.NDArray[np.int64]

SQL_DIMS = ("codes", "cases", "attribute", "sources", "source_kind", "coders", "valence", "total")
SQL_FILTERS = {"codes", "descendants", "sources", "source_kinds", "coders", "valence", "magnitude"}
LINKED = ("cases", "attribute")
ID_LISTS = ("codes", "coders")  # axes keyed by a coding's own integer column


def applies(spec: DisplaySpec) -> bool:
    """Whether ``spec`` can be counted in SQL."""
    if spec.cell != "count" or spec.measure != "codings" or spec.option("relation"):
        return False
    if any(k not in SQL_FILTERS for k, _ in spec.filters):
        return False
    dims = (spec.rows, spec.columns)
    if any(d.kind not in SQL_DIMS or d.get("rollup") or d.get("extra") for d in dims):
        return False  # case roll-ups and researcher-written headers: placed in Python (axes)
    return sum(d.kind in LINKED for d in dims) <= 1


def _expr(dim: Dim, case_id: Any = None) -> Any:
    c = t.coding.c
    kind = dim.kind
    if kind == "codes":
        return c.code_id
    if kind == "cases":
        return case_id
    if kind == "attribute":
        return t.attribute_value.c.value
    if kind == "sources":
        return c.source_id
    if kind == "source_kind":
        return t.source.c.kind
    if kind == "coders":
        return c.coder_id
    if kind == "valence":
        return func.coalesce(c.valence, literal("none"))
    return literal("total")


def _ranged_sources() -> Any:
    lk = t.case_link.c
    return select(lk.source_id).where(lk.start_pos.is_not(None))


def count_query(spec: DisplaySpec, code_ids: list[int] | None, attribute_id: int | None) -> Any:
    """The ``GROUP BY`` statement: (row key, column key, count) rows.

    With a case axis it only covers sources that have ranged links (turns):
    codings of sources linked only as a whole are counted per source
    (:func:`per_source`).
    """
    c = t.coding.c
    conds = coding_conditions(dict(spec.filters), code_ids)
    if not any(d.kind in LINKED for d in (spec.rows, spec.columns)):
        frm: Any = t.coding
        if "source_kind" in (spec.rows.kind, spec.columns.kind):
            frm = frm.join(t.source, t.source.c.id == c.source_id)
        r_expr, c_expr = _expr(spec.rows), _expr(spec.columns)
        return (
            select(r_expr, c_expr, func.count())
            .select_from(frm)
            .where(*conds)
            .group_by(r_expr, c_expr)
        )
    lk = t.case_link.c
    # A coding belongs to the cases of the ranged links it overlaps and of its
    # source's whole links. A link overlapping [start, end) starts before end
    # and, being at most as long as the longest ranged link, at or after start
    # minus that length: the bound lets SQL seek the few candidate links in the
    # (source, start) index instead of walking all earlier turns of the source.
    longest = (
        select(func.coalesce(func.max(lk.end_pos - lk.start_pos), 0))
        .where(lk.start_pos.is_not(None))
        .scalar_subquery()
    )
    overlapping = and_(
        lk.source_id == c.source_id,
        lk.start_pos < c.end_pos,
        lk.start_pos >= c.start_pos - longest,
        lk.end_pos > c.start_pos,
    )
    whole = and_(lk.source_id == c.source_id, lk.start_pos.is_(None))
    parts = [
        _matches(spec, attribute_id, overlapping, conds),
        _matches(spec, attribute_id, whole, [*conds, c.source_id.in_(_ranged_sources())]),
    ]
    u = union_all(*parts).subquery("matches")
    n = func.count(func.distinct(u.c.coding_id))
    return select(u.c.r, u.c.c, n).group_by(u.c.r, u.c.c)


def _matches(spec: DisplaySpec, attribute_id: int | None, link_on: Any, conds: list[Any]) -> Any:
    """(coding id, row key, column key) for each coding and case it belongs to by ``link_on``."""
    c, lk = t.coding.c, t.case_link.c
    frm: Any = t.coding.join(t.case_link, link_on)
    kinds = (spec.rows.kind, spec.columns.kind)
    if "attribute" in kinds:
        av = t.attribute_value.c
        frm = frm.join(
            t.attribute_value, and_(av.case_id == lk.case_id, av.attribute_id == attribute_id)
        )
    if "source_kind" in kinds:
        frm = frm.join(t.source, t.source.c.id == c.source_id)
    r_expr, c_expr = _expr(spec.rows, lk.case_id), _expr(spec.columns, lk.case_id)
    return (
        select(c.id.label("coding_id"), r_expr.label("r"), c_expr.label("c"))
        .select_from(frm)
        .where(*conds)
    )


def whole_query(spec: DisplaySpec, code_ids: list[int] | None, other: Dim) -> Any:
    """Counts per (other-axis key, source) for sources linked to cases only as a whole.

    Each such coding belongs to exactly the cases linked to its whole source, so
    the case (or attribute) side is added in Python from the source's links:
    much cheaper than joining 200k codings to their links.
    """
    c = t.coding.c
    o_expr = _expr(other)
    frm: Any = t.coding
    if other.kind == "source_kind":
        frm = frm.join(t.source, t.source.c.id == c.source_id)
    conds = coding_conditions(dict(spec.filters), code_ids)
    conds.append(c.source_id.not_in(_ranged_sources()))
    return (
        select(o_expr, c.source_id, func.count())
        .select_from(frm)
        .where(*conds)
        .group_by(o_expr, c.source_id)
    )


def build(
    project: Project,
    spec: DisplaySpec,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Display:
    """Count the display in SQL; coding ids are computed lazily on drill-down.

    The counting is one step: ``cancel()`` is checked before and after it,
    ``progress`` hears (0, 1) and (1, 1).
    """
    from qualcode.analysis.engine import Display, check_cancel

    check_cancel(cancel)
    if progress is not None:
        progress(0, 1, "")
    corpus = load_corpus(project, {"codes": []})  # headers only: no codings needed
    shown_rows = build_axis(corpus, spec.rows)
    shown_cols = build_axis(corpus, spec.columns)
    # a code axis holding sub-codes is counted per code as applied, then rolled up
    row_axis, col_axis = own_codes(corpus, shown_rows), own_codes(corpus, shown_cols)
    code_ids = filter_code_ids(dict(spec.filters), corpus.code_parent, corpus.code_order)
    for axis in (shown_rows, shown_cols):
        named = axis.dim.get("ids") is not None or axis.dim.get("children_of") is not None
        if axis.dim.kind == "codes" and named and axis.code_map is not None:
            own = [c for c in corpus.code_order if c in axis.code_map]  # with sub-codes held
            code_ids = own if code_ids is None else [x for x in own if x in set(code_ids)]
    attribute_id = None
    for dim in (spec.rows, spec.columns):
        if dim.kind == "attribute":
            with project.reading() as conn:
                attribute_id = conn.execute(
                    select(t.attribute.c.id).where(
                        t.attribute.c.owner == "case", t.attribute.c.name == dim.get("name")
                    )
                ).scalar_one()
    import numpy as np

    counts = np.zeros((len(row_axis.headers), len(col_axis.headers)), dtype=np.int64)
    side = source_side(spec)
    with project.reading() as conn:
        if side is None:
            rows = conn.execute(count_query(spec, code_ids, attribute_id)).all()
            _add_rows(counts, rows, row_axis, col_axis)
        else:
            by_rows = side == "rows"
            src_axis, other_axis = (row_axis, col_axis) if by_rows else (col_axis, row_axis)
            per_source(conn, counts, corpus, spec, code_ids, src_axis, other_axis, by_rows)
            if src_axis.dim.kind in LINKED and corpus.range_links:
                ranged = conn.execute(count_query(spec, code_ids, attribute_id)).all()
                _add_rows(counts, ranged, row_axis, col_axis)
    counts = roll_up(counts, row_axis, shown_rows, col_axis, shown_cols)
    row_axis, col_axis = shown_rows, shown_cols
    if merges(spec):
        count_passages(project, counts, spec, code_ids, row_axis, col_axis)
    check_cancel(cancel)
    if progress is not None:
        progress(1, 1, "")

    def load_cell(r: int, c: int) -> list[int]:
        from qualcode.analysis.engine import compute

        rows_dim, row_filters = narrow(spec.rows, row_axis.headers[r])
        cols_dim, col_filters = narrow(spec.columns, col_axis.headers[c])
        # a passage may join codings other narrowing filters would leave out
        narrowing = {} if merges(spec) else {**row_filters, **col_filters}
        filters = {**narrowing, **dict(spec.filters)}
        cell_spec = spec.with_(rows=rows_dim, columns=cols_dim, filters=filters)
        return compute(project, cell_spec)[3].get((0, 0), [])

    cells: list[list[int]] = counts.tolist()
    return Display(spec, row_axis.headers, col_axis.headers, cells, _load_cell=load_cell)


def own_codes(corpus: Corpus, axis: Axis) -> Axis:
    """A code axis that holds sub-codes, as the axis of every code it holds (as applied)."""
    if axis.code_map is None or axis.dim.kind != "codes":
        return axis
    if all(keys == [str(code)] for code, keys in axis.code_map.items()):
        return axis
    if axis.dim.get("ids") is None and axis.dim.get("children_of") is None:
        return build_axis(corpus, Dim.of("codes", aggregate=False))  # every code: no id list
    members = set(axis.code_map)
    ids = [c for c in corpus.code_order if c in members]
    return build_axis(corpus, Dim.of("codes", ids=ids, aggregate=False))


def roll_up(counts: Matrix, rows: Axis, shown_rows: Axis, cols: Axis, shown_cols: Axis) -> Matrix:
    """Counts per code as applied summed into the shown headers (a parent: own + sub-codes).

    A passage has one code, so the sum of its subtree's counts is the parent's count.
    """
    if rows is not shown_rows:
        counts = _sum_lines(counts, rows, shown_rows)
    if cols is not shown_cols:
        counts = _sum_lines(counts.T, cols, shown_cols).T
    return counts


def _sum_lines(counts: Matrix, own: Axis, shown: Axis) -> Matrix:
    """Each shown header's line: the sum of the lines of the codes it holds."""
    import numpy as np

    assert shown.code_map is not None
    index = {h.key: i for i, h in enumerate(shown.headers)}
    into: list[int] = []
    taken: list[int] = []
    for i, h in enumerate(own.headers):
        for key in shown.code_map.get(int(h.key), ()):
            into.append(index[key])
            taken.append(i)
    out = np.zeros((len(shown.headers), counts.shape[1]), dtype=np.int64)
    if into:  # unbuffered: a header holding several codes gets each one's line
        np.add.at(out, np.asarray(into, dtype=np.intp), counts[np.asarray(taken, dtype=np.intp)])
    return out


def count_passages(
    project: Project,
    counts: Matrix,
    spec: DisplaySpec,
    code_ids: list[int] | None,
    row_axis: Axis,
    col_axis: Axis,
) -> None:
    """Turn coding counts into passage counts (:mod:`qualcode.analysis.scope`).

    A passage of k codings was counted once per member in each cell a member
    falls in; it counts once there. Only codings overlapping another coder's
    coding of the same code are loaded and placed, so the correction costs
    nothing when one coder is counted.
    """
    found = passages(merged_codings(project, dict(spec.filters), code_ids))
    if not found.members:
        return
    by_id = found.codings
    r_index = {h.key: i for i, h in enumerate(row_axis.headers)}
    c_index = {h.key: i for i, h in enumerate(col_axis.headers)}
    for members in found.members.values():
        tally: dict[tuple[int, int], int] = {}
        for m in members:
            c = by_id[m]
            cks = [c_index[k] for k in col_axis.place(c) if k in c_index]
            for rk in row_axis.place(c):
                ri = r_index.get(rk)
                if ri is None:
                    continue
                for ci in cks:
                    tally[(ri, ci)] = tally.get((ri, ci), 0) + 1
        for (ri, ci), k in tally.items():
            counts[ri, ci] -= k - 1


def _add_rows(counts: Matrix, rows: Any, row_axis: Axis, col_axis: Axis) -> None:
    r_index = _native_index(row_axis)
    c_index = _native_index(col_axis)
    for rk, ck, n in rows:
        ri, ci = r_index.get(rk), c_index.get(ck)
        if ri is not None and ci is not None:
            counts[ri, ci] += n


def source_side(spec: DisplaySpec) -> str | None:
    """The axis (``"rows"``/``"columns"``) counted per source, or None for one ``GROUP BY``.

    A case or case-attribute axis always is (a coding's cases follow from its
    source when the source is linked as a whole); a source axis is when the
    other axis holds integer ids (codes, coders), whose per-source lists SQL
    can return as one string per source instead of a row per (id, source).
    """
    sides = (("rows", spec.rows, spec.columns), ("columns", spec.columns, spec.rows))
    for side, dim, _other in sides:
        if dim.kind in LINKED:
            return side
    for side, dim, other in sides:
        if dim.kind == "sources" and other.kind in ID_LISTS:
            return side
    return None


def per_source(
    conn: Any,
    counts: Matrix,
    corpus: Corpus,
    spec: DisplaySpec,
    code_ids: list[int] | None,
    src_axis: Axis,
    other_axis: Axis,
    by_rows: bool,
) -> None:
    """Add the counts of codings that their source alone places on ``src_axis``.

    That is every coding for a source axis, and the codings of sources linked to
    cases only as a whole for a case (or case attribute) axis: the cases of such
    a coding are those of its source.
    """
    s_index = {h.key: i for i, h in enumerate(src_axis.headers)}
    targets: dict[int, list[int]]
    if src_axis.dim.kind in LINKED:
        targets = {
            sid: [s_index[k] for k in keys if k in s_index]
            for sid, keys in _whole_keys(corpus, src_axis.dim).items()
            if sid not in corpus.range_links
        }
    else:
        targets = {int(k): [i] for k, i in s_index.items()}
    targets = {sid: found for sid, found in targets.items() if found}
    if not targets:
        return
    if other_axis.dim.kind not in ID_LISTS:
        # few distinct keys (kinds, valences, total): one row per (key, source) is cheap
        o_index = _native_index(other_axis)
        for ok, sid, n in conn.execute(whole_query(spec, code_ids, other_axis.dim)).all():
            oi = o_index.get(ok)
            if oi is not None:
                for si in targets.get(sid, ()):
                    if by_rows:
                        counts[si, oi] += n
                    else:
                        counts[oi, si] += n
        return
    o_index = {h.key: i for i, h in enumerate(other_axis.headers)}
    sql_codes = code_ids
    if other_axis.dim.kind == "codes" and code_ids is not None and not _few(code_ids, corpus):
        # a long IN list makes SQL use the code index and sort; scanning all is faster
        keep = {str(x) for x in code_ids}
        o_index = {k: i for k, i in o_index.items() if k in keep}
        sql_codes = None
    query = joined_query(spec, sql_codes, other_axis.dim, conn.dialect.name)
    _add_joined(counts, conn.execute(query).all(), targets, o_index, by_rows)


def _few(code_ids: list[int], corpus: Corpus) -> bool:
    return len(code_ids) * 10 <= len(corpus.code_order)


def joined_query(spec: DisplaySpec, code_ids: list[int] | None, other: Dim, dialect: str) -> Any:
    """(source id, comma-joined ids of ``other``) per source: one short row per source."""
    c = t.coding.c
    expr = _expr(other)
    if dialect != "sqlite":  # string_agg needs text; SQLite's group_concat converts itself
        expr = cast(expr, String)
    conds = coding_conditions(dict(spec.filters), code_ids)
    return (
        select(c.source_id, func.aggregate_strings(expr, ",")).where(*conds).group_by(c.source_id)
    )


def _add_joined(
    counts: Matrix,
    rows: Any,
    targets: dict[int, list[int]],
    o_index: dict[str, int],
    by_rows: bool,
) -> None:
    """Add one per id in each source's comma-joined list, counted in C.

    The lists of all sources are parsed as one string by numpy and the cells
    counted with ``bincount``: 200k ids cost a few milliseconds, where a Python
    loop adding 1 per id cost ten times more.
    """
    import numpy as np

    if not counts.size or not o_index:
        return
    pieces: list[str] = []
    where: list[int] = []  # the source-axis index of each piece
    lengths: list[int] = []
    for sid, joined in rows:
        found = targets.get(sid)
        if not found or not joined:
            continue
        size = joined.count(",") + 1
        for si in found:  # a source linked to several cases counts for each
            pieces.append(joined)
            where.append(si)
            lengths.append(size)
    if not pieces:
        return
    ids = np.fromstring(",".join(pieces), dtype=np.int64, sep=",")
    keys = {int(k): i for k, i in o_index.items()}
    lookup = np.full(max(keys) + 1, -1, dtype=np.int64)
    lookup[np.fromiter(keys, dtype=np.int64)] = np.fromiter(keys.values(), dtype=np.int64)
    known = (ids >= 0) & (ids < len(lookup))
    other = np.full(len(ids), -1, dtype=np.int64)
    other[known] = lookup[ids[known]]
    src = np.repeat(np.asarray(where, dtype=np.int64), lengths)
    kept = other >= 0  # an id not on the other axis is not counted
    height, width = counts.shape
    flat = src[kept] * width + other[kept] if by_rows else other[kept] * width + src[kept]
    counts += np.bincount(flat, minlength=height * width).reshape(height, width)


def _aggregates(dim: Dim) -> bool:
    """Whether a code axis holds each code's sub-codes (the rule of ``axes._codes``)."""
    return bool(dim.get("aggregate", dim.get("children_of") is not None))


def _native_index(axis: Any) -> dict[Any, int]:
    """Header index by the key as SQL returns it (ids are ints, other keys text)."""
    numeric = axis.dim.kind in ("codes", "cases", "sources", "coders")
    return {(int(h.key) if numeric else h.key): i for i, h in enumerate(axis.headers)}


def _whole_keys(corpus: Any, dim: Dim) -> dict[int, set[str]]:
    """Per source linked as a whole: its case keys, or their attribute values."""
    out: dict[int, set[str]] = {}
    name = dim.get("name")
    for sid, cases in corpus.whole_links.items():
        if dim.kind == "cases":
            out[sid] = {str(x) for x in cases}
        else:
            values = (corpus.case_attrs.get(x, {}).get(name) for x in cases)
            out[sid] = {v for v in values if v is not None}
    return out


def narrow(dim: Dim, header: Header) -> tuple[Dim, dict[str, Any]]:
    """A one-header version of ``dim`` (and filters that let SQL skip other codings)."""
    key = header.key
    if dim.kind == "codes":  # a parent's header keeps its sub-codes
        return Dim.of("codes", ids=[int(key)], aggregate=bool(_aggregates(dim))), {}
    if dim.kind in ("cases", "sources"):
        return Dim.of(dim.kind, ids=[int(key)]), {}
    if dim.kind == "source_kind":
        return Dim.of("source_kind", values=[key]), {"source_kinds": [key]}
    if dim.kind == "coders":
        return Dim.of("coders", names=[header.label]), {"coders": [header.label]}
    if dim.kind == "valence":
        return Dim.of("valence", values=[key]), {"valence": [key]}
    if dim.kind == "attribute":
        return Dim.of("attribute", name=dim.get("name"), values=[key]), {}
    return dim, {}
