"""Count matrices computed by one SQL ``GROUP BY``: the fast path of the engine.

Used when a display only counts codings and both axes map to SQL expressions
(codes without aggregation, cases, one case attribute, sources, source kinds,
coders, valence) and every filter is SQL-expressible. Coding ids of the cells
are computed the Python way on the first drill-down, so both paths agree by
construction (and the tests check that they do).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select

from qualcode.analysis.axes import Header, build_axis
from qualcode.analysis.corpus import coding_conditions, filter_code_ids, load_corpus
from qualcode.analysis.spec import Dim, DisplaySpec
from qualcode.store import tables as t

if TYPE_CHECKING:
    from qualcode.analysis.engine import Display
    from qualcode.project import Project

SQL_DIMS = ("codes", "cases", "attribute", "sources", "source_kind", "coders", "valence", "total")
SQL_FILTERS = {"codes", "descendants", "sources", "source_kinds", "coders", "valence", "magnitude"}
LINKED = ("cases", "attribute")


def applies(spec: DisplaySpec) -> bool:
    """Whether ``spec`` can be counted in SQL."""
    if spec.cell != "count" or spec.measure != "codings" or spec.option("relation"):
        return False
    if any(k not in SQL_FILTERS for k, _ in spec.filters):
        return False
    dims = (spec.rows, spec.columns)
    if any(d.kind not in SQL_DIMS for d in dims):
        return False
    if any(
        d.kind == "codes" and d.get("aggregate", d.get("children_of") is not None) for d in dims
    ):
        return False
    return sum(d.kind in LINKED for d in dims) <= 1


def _overlap() -> ColumnElement[bool]:
    c, lk = t.coding.c, t.case_link.c
    return and_(
        lk.source_id == c.source_id,
        or_(lk.start_pos.is_(None), and_(lk.start_pos < c.end_pos, lk.end_pos > c.start_pos)),
    )


def _expr(dim: Dim, attribute_id: int | None) -> Any:
    c = t.coding.c
    kind = dim.kind
    if kind == "codes":
        return c.code_id
    if kind == "cases":
        return t.case_link.c.case_id
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
    codings of sources linked only as a whole are counted by :func:`whole_query`.
    """
    c = t.coding.c
    r_expr, c_expr = _expr(spec.rows, attribute_id), _expr(spec.columns, attribute_id)
    linked = any(d.kind in LINKED for d in (spec.rows, spec.columns))
    frm: Any = t.coding
    if linked:
        frm = frm.join(t.case_link, _overlap())
    if "attribute" in (spec.rows.kind, spec.columns.kind):
        frm = frm.join(
            t.attribute_value,
            and_(
                t.attribute_value.c.case_id == t.case_link.c.case_id,
                t.attribute_value.c.attribute_id == attribute_id,
            ),
        )
    if "source_kind" in (spec.rows.kind, spec.columns.kind):
        frm = frm.join(t.source, t.source.c.id == c.source_id)
    n = func.count(func.distinct(c.id)) if linked else func.count()
    conds = coding_conditions(dict(spec.filters), code_ids)
    if linked:
        conds.append(c.source_id.in_(_ranged_sources()))
    return select(r_expr, c_expr, n).select_from(frm).where(*conds).group_by(r_expr, c_expr)


def whole_query(spec: DisplaySpec, code_ids: list[int] | None, other: Dim) -> Any:
    """Counts per (other-axis key, source) for sources linked to cases only as a whole.

    Each such coding belongs to exactly the cases linked to its whole source, so
    the case (or attribute) side is added in Python from the source's links:
    much cheaper than joining 200k codings to their links.
    """
    c = t.coding.c
    o_expr = _expr(other, None)
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


def build(project: Project, spec: DisplaySpec) -> Display:
    """Count the display in SQL; coding ids are computed lazily on drill-down."""
    from qualcode.analysis.engine import Display

    corpus = load_corpus(project, {"codes": []})  # headers only: no codings needed
    row_axis = build_axis(corpus, spec.rows)
    col_axis = build_axis(corpus, spec.columns)
    code_ids = filter_code_ids(dict(spec.filters), corpus.code_parent, corpus.code_order)
    for axis in (row_axis, col_axis):
        if axis.dim.kind == "codes" and axis.dim.get("ids") is not None:
            own = [int(h.key) for h in axis.headers]
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
    linked_rows = spec.rows.kind in LINKED
    linked = linked_rows or spec.columns.kind in LINKED
    with project.reading() as conn:
        rows = conn.execute(count_query(spec, code_ids, attribute_id)).all()
        if linked:
            other = spec.columns if linked_rows else spec.rows
            whole = conn.execute(whole_query(spec, code_ids, other)).all()
    r_index = _native_index(row_axis)
    c_index = _native_index(col_axis)
    counts = [[0] * len(col_axis.headers) for _ in row_axis.headers]
    for rk, ck, n in rows:
        ri, ci = r_index.get(rk), c_index.get(ck)
        if ri is not None and ci is not None:
            counts[ri][ci] += n
    if linked:
        linked_axis, o_index = (row_axis, c_index) if linked_rows else (col_axis, r_index)
        l_index = {h.key: i for i, h in enumerate(linked_axis.headers)}
        per_source = {
            sid: [l_index[k] for k in keys if k in l_index]
            for sid, keys in _whole_keys(corpus, linked_axis.dim).items()
        }
        for ok, sid, n in whole:
            oi = o_index.get(ok)
            targets = per_source.get(sid)
            if oi is None or not targets:
                continue
            for li in targets:
                if linked_rows:
                    counts[li][oi] += n
                else:
                    counts[oi][li] += n

    def load_cell(r: int, c: int) -> list[int]:
        from qualcode.analysis.engine import compute

        rows_dim, row_filters = narrow(spec.rows, row_axis.headers[r])
        cols_dim, col_filters = narrow(spec.columns, col_axis.headers[c])
        filters = {**row_filters, **col_filters, **dict(spec.filters)}
        cell_spec = spec.with_(rows=rows_dim, columns=cols_dim, filters=filters)
        return compute(project, cell_spec)[3].get((0, 0), [])

    return Display(spec, row_axis.headers, col_axis.headers, counts, _load_cell=load_cell)


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
    if dim.kind in ("codes", "cases", "sources"):
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
