"""Display axes: the headers of one dimension and where each coding falls on it.

An axis turns a :class:`Dim` into ordered headers (key, label) and a placement
function giving the header keys a coding belongs to: zero (it falls outside the
axis), one, or several (a coding in a turn shared by two cases).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from qualcode.analysis import periods
from qualcode.analysis.corpus import (
    CODE,
    CODER,
    END,
    SRC,
    START,
    VALENCE,
    CodingTuple,
    Corpus,
)
from qualcode.analysis.periods import field_chain, time_of
from qualcode.analysis.spec import VALENCE_KEYS, Dim
from qualcode.errors import NotFoundError, ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.records import SOURCE_KINDS

NO_VALUE = "(none)"


@dataclass(frozen=True, slots=True)
class Header:
    """One row or column: a stable string ``key`` (used for saved summaries) and a ``label``."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Axis:
    """Headers in display order and the placement of a coding on them."""

    dim: Dim
    headers: list[Header]
    place: Callable[[CodingTuple], Iterable[str]]
    code_map: dict[int, list[str]] | None = None  # for code axes: code id -> header keys


NOTE_KEY = "note:"
"""Key prefix of headers that hold no codings, only what the researcher writes there."""


def build_axis(corpus: Corpus, dim: Dim) -> Axis:
    """The axis of ``dim`` over ``corpus``.

    ``extra`` labels add headers after the others that hold no codings: a
    "Kesimpulan" (conclusion) column or row, an explanation column, the
    salient points of a contact summary — cells the researcher writes.
    """
    builder = _BUILDERS.get(dim.kind)
    if builder is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown display dimension '{kind}'."), kind=dim.kind
        )
    axis = builder(corpus, dim)
    extra = dim.get("extra")
    if extra:
        notes = [Header(f"{NOTE_KEY}{label}", str(label)) for label in extra]
        axis = Axis(axis.dim, [*axis.headers, *notes], axis.place, axis.code_map)
    return axis


def _codes(corpus: Corpus, dim: Dim) -> Axis:
    parent = dim.get("children_of")
    if parent is not None:
        _require_code(corpus, parent)
        ids = [c for c in corpus.code_order if corpus.code_parent[c] == parent]
    elif dim.get("ids") is not None:
        ids = list(dim.get("ids"))
        for cid in ids:
            _require_code(corpus, cid)
    else:
        ids = list(corpus.code_order)
    aggregate = bool(dim.get("aggregate", parent is not None))
    code_map: dict[int, list[str]] = {}
    for cid in ids:
        for member in corpus.descendants(cid) if aggregate else [cid]:
            code_map.setdefault(member, []).append(str(cid))
    short = parent is not None
    headers = [
        Header(str(cid), corpus.code_names[cid] if short else corpus.code_path(cid)) for cid in ids
    ]
    return Axis(dim, headers, lambda c: code_map.get(c[CODE], ()), code_map)


def _code_groups(corpus: Corpus, dim: Dim) -> Axis:
    groups = dim.get("groups") or {}
    aggregate = bool(dim.get("aggregate", True))
    code_map: dict[int, list[str]] = {}
    for label, ids in groups.items():
        for cid in ids:
            _require_code(corpus, cid)
            for member in corpus.descendants(cid) if aggregate else [cid]:
                keys = code_map.setdefault(member, [])
                if label not in keys:
                    keys.append(label)
    headers = [Header(label, label) for label in groups]
    return Axis(dim, headers, lambda c: code_map.get(c[CODE], ()), code_map)


def rank_key(value: str | None, allowed: list[str]) -> tuple[int, float, str]:
    """Sort key of an attribute value: allowed-values order, else numeric, else text."""
    if value is None:
        return (3, 0.0, "")
    if value in allowed:
        return (0, float(allowed.index(value)), value)
    try:
        return (1, float(value), value)
    except ValueError:
        return (2, 0.0, value.casefold())


def _cases(corpus: Corpus, dim: Dim) -> Axis:
    """Cases as headers; a coding falls under its cases and (``rollup``) each case above
    them, so an OPD or site case holds its informants' codings. With
    ``order_by``, cases without a value come last, or are left out with ``ranked_only``."""
    ids = dim.get("ids")
    kind = dim.get("case_kind")
    chosen = [
        cid
        for cid in corpus.case_names
        if (ids is None or cid in ids) and (kind is None or corpus.case_kinds[cid] == kind)
    ]
    order_by = dim.get("order_by")
    if order_by:
        # by value (low to high, or descending), ties by name; cases without a
        # value come last either way: a high-to-low display must not open with them
        allowed = corpus.attr_allowed.get(("case", order_by), [])
        chosen.sort(key=lambda cid: corpus.case_names[cid].casefold())
        ranked = [cid for cid in chosen if order_by in corpus.case_attrs.get(cid, {})]
        ranked.sort(
            key=lambda cid: rank_key(corpus.case_attrs[cid][order_by], allowed),
            reverse=bool(dim.get("descending")),
        )  # stable: equal values keep the name order
        keep_ranked = set(ranked)
        unranked = [] if dim.get("ranked_only") else [c for c in chosen if c not in keep_ranked]
        extremes = int(dim.get("extremes") or 0)
        if extremes:  # a contrast table: the few highest and lowest cases only
            ranked = list(dict.fromkeys(ranked[:extremes] + ranked[-extremes:]))
            unranked = []
        chosen = ranked + unranked
    elif ids is not None:
        chosen.sort(key=list(ids).index)
    else:
        chosen.sort(key=lambda cid: corpus.case_names[cid].casefold())
    keep = set(chosen)

    def label(cid: int) -> str:
        value = corpus.case_attrs.get(cid, {}).get(order_by) if order_by else None
        if dim.get("show_value") and value is not None:
            return f"{corpus.case_names[cid]} ({order_by}: {value})"
        return corpus.case_names[cid]

    headers = [Header(str(cid), label(cid)) for cid in chosen]
    if not dim.get("rollup"):
        return Axis(dim, headers, lambda c: [str(x) for x in corpus.cases_of(c) if x in keep])

    def place(c: CodingTuple) -> list[str]:
        # a coding of an informant also belongs to the informant's OPD, site... above it
        out: dict[str, None] = {}
        for x in corpus.cases_of(c):
            seen: set[int] = set()
            cur: int | None = x
            while cur is not None and cur not in seen:
                seen.add(cur)
                if cur in keep:
                    out[str(cur)] = None
                cur = corpus.case_parent.get(cur)
        return list(out)

    return Axis(dim, headers, place)


def role_group(value: str, groups: dict[str, list[str]]) -> str:
    """The group a role value falls in: the first group with a matching pattern
    (``Kepala Seksi*``, case-insensitive shell-style), else the value itself."""
    folded = value.casefold()
    for label, patterns in groups.items():
        if any(fnmatchcase(folded, p.casefold()) for p in patterns):
            return label
    return value


def _attribute(corpus: Corpus, dim: Dim) -> Axis:
    """Values of a case attribute as headers, e.g. roles.

    ``groups`` ({label: [patterns]}) gathers values into roles (every "Kepala Seksi*"
    under "Kasi"); ``persons`` names the cases in each header ("Kasi (I3, I5, I8)");
    ``order_by`` ranks the headers by the best rank among their cases.
    """
    name = dim.get("name")
    if not name or ("case", name) not in corpus.attr_allowed:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no attribute named '{name}'."), name=name
        )
    groups: dict[str, list[str]] = dict(dim.get("groups") or {})
    allowed = corpus.attr_allowed[("case", name)]

    def group_of(value: str) -> str:
        return role_group(value, groups) if groups else value

    of_case = {cid: group_of(a[name]) for cid, a in corpus.case_attrs.items() if name in a}
    seen = set(of_case.values())
    if dim.get("values"):
        values = list(dim.get("values"))
    else:
        first = [g for g in groups if g in seen] + [group_of(v) for v in allowed]
        values = list(dict.fromkeys(v for v in first if v in seen or v in allowed))
        values += sorted(seen - set(values), key=lambda v: rank_key(v, allowed))
    order_by = dim.get("order_by")
    if order_by:
        rank_allowed = corpus.attr_allowed.get(("case", order_by), [])
        best: dict[str, tuple[int, float, str]] = {}
        for cid, value in of_case.items():
            attrs = corpus.case_attrs[cid]
            if order_by in attrs:
                key = rank_key(attrs[order_by], rank_allowed)
                best[value] = min(best.get(value, key), key)
        values.sort(key=lambda v: best.get(v, (4, 0.0, v)))
        if dim.get("descending"):
            values.reverse()
    keep = set(values)

    def place(c: CodingTuple) -> list[str]:
        found = (of_case.get(x) for x in corpus.cases_of(c))
        return list(dict.fromkeys(v for v in found if v is not None and v in keep))

    def header(value: str) -> Header:
        if not dim.get("persons"):
            return Header(value, value)
        who = sorted((corpus.case_names[c] for c, v in of_case.items() if v == value),
                     key=str.casefold)  # fmt: skip
        return Header(value, f"{value} ({', '.join(who)})" if who else value)

    return Axis(dim, [header(v) for v in values], place)


def _sources(corpus: Corpus, dim: Dim) -> Axis:
    ids = dim.get("ids")
    chosen = [s for s in corpus.sources if ids is None or s in ids]
    chosen.sort(key=lambda s: corpus.sources[s][0].casefold())
    keep = {s: str(s) for s in chosen}
    headers = [Header(str(s), corpus.sources[s][0]) for s in chosen]
    return Axis(dim, headers, lambda c: [keep[c[SRC]]] if c[SRC] in keep else ())


def _source_kind(corpus: Corpus, dim: Dim) -> Axis:
    present = {v[1] for v in corpus.sources.values()}
    kinds = [k for k in SOURCE_KINDS if k in present] + sorted(present - set(SOURCE_KINDS))
    if dim.get("values"):
        kinds = list(dim.get("values"))
    keep = set(kinds)
    kind_of = {s: v[1] for s, v in corpus.sources.items()}
    return Axis(
        dim,
        [Header(k, k) for k in kinds],
        lambda c: [kind_of[c[SRC]]] if kind_of[c[SRC]] in keep else (),
    )


def _source_attribute(corpus: Corpus, dim: Dim) -> Axis:
    name = dim.get("name")
    if ("source", name) not in corpus.attr_allowed:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no attribute named '{name}'."), name=name
        )
    allowed = corpus.attr_allowed[("source", name)]
    seen = {a[name] for a in corpus.source_attrs.values() if name in a}
    values = sorted(seen | set(allowed), key=lambda v: rank_key(v, allowed))
    value_of = {s: a[name] for s, a in corpus.source_attrs.items() if name in a}
    return Axis(
        dim,
        [Header(v, v) for v in values],
        lambda c: [value_of[c[SRC]]] if c[SRC] in value_of else (),
    )


def _coders(corpus: Corpus, dim: Dim) -> Axis:
    names = dim.get("names")
    if names is None:
        ids = sorted(corpus.coders, key=lambda i: corpus.coders[i].casefold())
    else:
        by_name = {v: k for k, v in corpus.coders.items()}
        ids = [by_name[n] for n in names if n in by_name]
    keep = {i: str(i) for i in ids}
    headers = [Header(str(i), corpus.coders[i]) for i in ids]
    return Axis(dim, headers, lambda c: [keep[c[CODER]]] if c[CODER] in keep else ())


TIME_FIELDS = tuple(periods.CHAINS)
"""Where a coding's time comes from (besides ``attribute:NAME`` and ``source_attribute:NAME``);
the fallbacks of each are :data:`qualcode.analysis.periods.CHAINS`."""


def check_time_field(field: str) -> str:
    """A known time field, else a clear error (one rule: :func:`periods.field_chain`)."""
    field_chain(field)
    return field


def period_of(corpus: Corpus, c: CodingTuple, field: str = "auto") -> str | None:
    """A coding's time text by ``field`` with its fallbacks (:mod:`qualcode.analysis.periods`)."""
    return time_of(corpus, c, field_chain(field))[0]


def bucket(value: str | None, how: str, cutoff: str | None = None) -> str:
    """A time text's bucket key (:func:`qualcode.analysis.periods.bucket`); ``(none)`` if None."""
    key = periods.bucket(value, how, cutoff)
    return NO_VALUE if key is None else key


def _period(corpus: Corpus, dim: Dim) -> Axis:
    how = dim.get("bucket", "month")
    if how not in periods.BUCKETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Periods are bucketed by {allowed}, not '{value}'."),
            allowed=", ".join(periods.BUCKETS),
            value=how,
        )
    chain = field_chain(dim.get("field", "auto"), bool(dim.get("fallback", True)))
    cutoff = dim.get("cutoff")
    if how == "split" and not cutoff:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An early/late split needs a cutoff date (YYYY-MM-DD).")
        )

    dated_only = bool(dim.get("dated_only"))

    def place(c: CodingTuple) -> list[str]:
        value = time_of(corpus, c, chain)[0]
        if value is None and (how == "split" or dated_only):
            return []  # neither early nor late without a date; an event listing lists events
        return [bucket(value, how, cutoff)]

    if how == "split":
        keys = ["early", "late"]
    else:
        found = {k for c in corpus.codings for k in place(c)}
        keys = periods.order_keys(found - {NO_VALUE}) + ([NO_VALUE] if NO_VALUE in found else [])
    labels = {k: periods.key_label(k) for k in keys}
    return Axis(dim, [Header(k, labels[k]) for k in keys], place)


def _valence(corpus: Corpus, dim: Dim) -> Axis:
    keys = list(dim.get("values") or VALENCE_KEYS)
    keep = set(keys)

    def place(c: CodingTuple) -> list[str]:
        v = c[VALENCE] or "none"
        return [v] if v in keep else []

    return Axis(dim, [Header(k, k) for k in keys], place)


def _total(corpus: Corpus, dim: Dim) -> Axis:
    label = dim.get("label", "Total")
    return Axis(dim, [Header("total", label)], lambda c: ["total"])


def _require_code(corpus: Corpus, code_id: Any) -> None:
    if code_id not in corpus.code_names:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "There is no code with id {id}."), id=code_id
        )


def coding_len(c: CodingTuple) -> int:
    """Characters a coding covers."""
    return c[END] - c[START]


_BUILDERS: dict[str, Callable[[Corpus, Dim], Axis]] = {
    "codes": _codes,
    "code_groups": _code_groups,
    "cases": _cases,
    "attribute": _attribute,
    "sources": _sources,
    "source_kind": _source_kind,
    "source_attribute": _source_attribute,
    "coders": _coders,
    "period": _period,
    "valence": _valence,
    "total": _total,
}
