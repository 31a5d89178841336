"""Coverage percentages and empty people columns: two rules every display shares.

**Coverage.** A coverage cell's percentage is the share of the column's text
its passages cover: the union of the cell's coded ranges (overlapping codings
and the passages of several coders count once, never summed) over the
characters of the source, of the text linked to the case (whole sources plus
ranged links such as turns, overlaps once), of all sources of a kind, or of
every source (a total column). A parent code's row holds its sub-codes
(:func:`qualcode.analysis.axes.build_axis` with ``aggregate``), so its
percentage is the union over its whole subtree and a parent coded only
through its sub-codes is no gap.

**Empty interviewer columns.** A case header (column or row) that stands for
the interviewer or moderator (:func:`qualcode.analysis.placement.interviewer_cases`:
the shared Interviewer/Moderator cases, cases linked to interviewer turns), or
a case-attribute value held only by such cases, is hidden when it holds no
data in the display, unless the display's ``show_empty`` option asks for it.
Every other empty header stays: an informant who never mentioned a component
is a finding, not noise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from qualcode.analysis.axes import NOTE_KEY, Header
from qualcode.analysis.corpus import END, SRC, START, Corpus

if TYPE_CHECKING:
    from qualcode.analysis.engine import CellIds, Display
    from qualcode.analysis.spec import Dim

PEOPLE = ("cases", "attribute")
SHARE_AXES = ("sources", "cases", "source_kind", "total")


# -- empty people ------------------------------------------------------------------------------
def hides_empty(dim: Dim, show_empty: bool) -> bool:
    """Whether empty headers of ``dim`` are hidden (case and case-attribute axes, by default)."""
    return not show_empty and dim.kind in PEOPLE


def hide_empty(
    display: Display, ids: CellIds | None, facts: Callable[[], Corpus]
) -> CellIds | None:
    """Drop the empty interviewer headers of ``display`` (in place); ``ids`` re-keyed to match.

    ``facts()`` gives the project's cases and links; it is called only when a
    case or case-attribute header is empty at all.
    """
    show = bool(display.spec.option("show_empty"))
    empty_r = _empty(display.rows, display.spec.rows, show, lambda i: any(display.counts[i]))
    empty_c = _empty(
        display.columns,
        display.spec.columns,
        show,
        lambda j: any(row[j] for row in display.counts),
    )
    if not empty_r and not empty_c:
        return ids
    corpus = facts()
    voices = (
        _interviewer_keys(corpus, display.spec.rows),
        _interviewer_keys(corpus, display.spec.columns),
    )
    keep_r = [i for i, h in enumerate(display.rows) if i not in empty_r or h.key not in voices[0]]
    keep_c = [
        j for j, h in enumerate(display.columns) if j not in empty_c or h.key not in voices[1]
    ]
    if len(keep_r) == len(display.rows) and len(keep_c) == len(display.columns):
        return ids
    r_new = {old: new for new, old in enumerate(keep_r)}
    c_new = {old: new for new, old in enumerate(keep_c)}
    display.hidden = [display.rows[i].label for i in range(len(display.rows)) if i not in r_new]
    display.hidden += [
        display.columns[j].label for j in range(len(display.columns)) if j not in c_new
    ]
    display.rows = [display.rows[i] for i in keep_r]
    display.columns = [display.columns[j] for j in keep_c]
    display.counts = [[display.counts[i][j] for j in keep_c] for i in keep_r]
    load = display._load_cell
    if load is not None:
        display._load_cell = lambda r, c: load(keep_r[r], keep_c[c])
    if ids is None:
        return None
    moved = {(r_new[r], c_new[c]): v for (r, c), v in ids.items() if r in r_new and c in c_new}
    display._ids = moved
    return moved


def _empty(
    headers: list[Header], dim: Dim, show: bool, has_data: Callable[[int], bool]
) -> set[int]:
    if not hides_empty(dim, show):
        return set()
    return {i for i, h in enumerate(headers) if not h.key.startswith(NOTE_KEY) and not has_data(i)}


def _interviewer_keys(corpus: Corpus, dim: Dim) -> set[str]:
    """Header keys of ``dim`` that stand for the interviewer or moderator only."""
    if dim.kind not in PEOPLE:
        return set()
    from qualcode.analysis.placement import interviewer_cases

    spans = [(a, b, case, who) for links in corpus.range_links.values()
             for a, b, case, who, _id in links]  # fmt: skip
    voices = interviewer_cases(corpus.case_names, spans)
    if dim.kind == "cases":
        return {str(c) for c in voices}
    name = dim.get("name")
    holders: dict[str, set[int]] = {}
    for case, attrs in corpus.case_attrs.items():
        if name in attrs:
            holders.setdefault(attrs[name], set()).add(case)
    return {value for value, cases in holders.items() if cases <= voices}


# -- coverage percentages --------------------------------------------------------------------
def text_sizes(corpus: Corpus, dim: Dim, headers: list[Header]) -> list[int | None] | None:
    """Characters of the text each header stands for (None: not a text), or None for the axis."""
    if dim.kind not in SHARE_AXES:
        return None
    length = {sid: v[3] for sid, v in corpus.sources.items()}
    if dim.kind == "total":
        return [sum(length.values()) for _ in headers]
    if dim.kind == "source_kind":
        by_kind: dict[str, int] = {}
        for sid, v in corpus.sources.items():
            by_kind[v[1]] = by_kind.get(v[1], 0) + length[sid]
        return [by_kind.get(h.key) for h in headers]
    if dim.kind == "sources":
        return [length.get(int(h.key)) if h.key.isdigit() else None for h in headers]
    spans = case_texts(corpus)
    return [union(spans.get(int(h.key), ())) if h.key.isdigit() else None for h in headers]


def case_texts(corpus: Corpus) -> dict[int, list[tuple[int, int, int]]]:
    """Per case: the (source, start, end) spans of text linked to it."""
    length = {sid: v[3] for sid, v in corpus.sources.items()}
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for sid, cases in corpus.whole_links.items():
        for case in cases:
            spans.setdefault(case, []).append((sid, 0, length.get(sid, 0)))
    for sid, links in corpus.range_links.items():
        for a, b, case, _speaker, _id in links:
            spans.setdefault(case, []).append((sid, a, b))
    return spans


def clip(
    coded: Iterable[tuple[int, int, int]], within: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The parts of ``coded`` spans inside ``within`` spans (same source)."""
    out = []
    for sid, a, b in coded:
        for wsid, x, y in within:
            if wsid == sid and x < b and y > a:
                out.append((sid, max(a, x), min(b, y)))
    return out


def union(spans: Iterable[tuple[int, int, int]]) -> int:
    """Characters covered by (source, start, end) spans, overlaps once."""
    total = 0
    cur: tuple[int, int, int] | None = None
    for sid, a, b in sorted(spans):
        if cur is not None and sid == cur[0] and a <= cur[2]:
            cur = (sid, cur[1], max(cur[2], b))
            continue
        if cur is not None:
            total += cur[2] - cur[1]
        cur = (sid, a, b)
    return total + (cur[2] - cur[1] if cur is not None else 0)


def shares(corpus: Corpus, display: Display, ids: CellIds) -> dict[tuple[int, int], float] | None:
    """Per cell: percent of its column's (or row's) text its passages cover, 1 decimal."""
    sizes = text_sizes(corpus, display.spec.columns, display.columns)
    by_columns = sizes is not None
    if sizes is None:
        sizes = text_sizes(corpus, display.spec.rows, display.rows)
    if sizes is None:
        return None
    dim = display.spec.columns if by_columns else display.spec.rows
    headers = display.columns if by_columns else display.rows
    texts = case_texts(corpus) if dim.kind == "cases" else {}
    by_id = corpus.by_id()
    out: dict[tuple[int, int], float] = {}
    for (r, c), members in ids.items():
        i = c if by_columns else r
        size = sizes[i]
        if not size:
            continue
        coded = [(by_id[m][SRC], by_id[m][START], by_id[m][END]) for m in members]
        if dim.kind == "cases":  # only the case's own text counts (a coding may run past a turn)
            coded = clip(coded, texts.get(int(headers[i].key), []))
        out[(r, c)] = round(100 * union(coded) / size, 1)
    return out
