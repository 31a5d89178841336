"""Layout rules of the document view, checked against brute force (no Qt needed)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.ui.widgets.document_model import (
    CodingSpan,
    SpanIndex,
    block_break_positions,
    clamp_spans,
    highlight_runs,
    stripe_columns,
)


def span(cid: int, start: int, end: int, code: int = 1) -> CodingSpan:
    return CodingSpan(cid, start, end, code, f"code {code}", "#ff0000", "ana")


ranges = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 60)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(ranges)
def test_runs_match_per_character_coverage(pairs: list[tuple[int, int]]) -> None:
    spans = [span(i, a, b) for i, (a, b) in enumerate(pairs)]
    runs = highlight_runs(spans)
    covered: dict[int, tuple[int, ...]] = {}
    for run in runs:
        assert run.start < run.end
        for pos in range(run.start, run.end):
            covered[pos] = run.codings
    for pos in range(0, 270):
        expected = tuple(i for i, s in enumerate(spans) if s.start <= pos < s.end)
        assert covered.get(pos, ()) == expected
    # Runs are sorted, disjoint, and adjacent runs differ (maximal).
    for left, right in itertools.pairwise(runs):
        assert left.end <= right.start
        if left.end == right.start:
            assert left.codings != right.codings


def test_runs_respect_the_code_filter() -> None:
    spans = [span(1, 0, 10, code=1), span(2, 5, 15, code=2)]
    runs = highlight_runs(spans, lambda s: s.code_id == 2)
    assert [(r.start, r.end, r.codings) for r in runs] == [(5, 15, (1,))]


@settings(max_examples=150, deadline=None)
@given(ranges, st.integers(5, 80))
def test_spans_sharing_a_line_never_share_a_column(pairs, line_chars) -> None:
    text = ("x" * 29 + "\n") * 10  # paragraph breaks every 30 characters
    spans = clamp_spans([span(i, a, b) for i, (a, b) in enumerate(pairs)], len(text))
    breaks = block_break_positions(text)
    columns, count = stripe_columns(spans, breaks, line_chars)
    assert all(0 <= c < max(count, 1) for c in columns)
    for i, a in enumerate(spans):
        for j, b in enumerate(spans[:i]):
            first, second = (a, b) if a.start <= b.start else (b, a)
            last_para = next((k for k in breaks if k >= first.end - 1), 1 << 62)
            may_share_line = second.start < first.end + line_chars and second.start <= last_para
            if may_share_line:
                assert columns[i] != columns[j], (a, b)


def test_sequential_spans_in_different_paragraphs_reuse_column_zero() -> None:
    text = "satu dua\ntiga empat\nlima enam\n"
    spans = [span(1, 0, 4), span(2, 9, 13), span(3, 20, 24)]
    columns, count = stripe_columns(spans, block_break_positions(text), 60)
    assert columns == [0, 0, 0]
    assert count == 1


@settings(max_examples=150, deadline=None)
@given(ranges, st.integers(0, 260), st.integers(1, 50))
def test_span_index_finds_exactly_the_overlapping_spans(pairs, start, length) -> None:
    spans = [span(i, a, b) for i, (a, b) in enumerate(pairs)]
    found = sorted(SpanIndex(spans).overlapping(start, start + length))
    expected = [i for i, s in enumerate(spans) if s.start < start + length and s.end > start]
    assert found == expected


def test_clamping() -> None:
    spans = clamp_spans([span(1, -5, 10), span(2, 8, 8), span(3, 12, 99)], 50)
    assert [(s.start, s.end) for s in spans] == [(0, 10), (12, 50)]
