"""Plain data the document view displays, and the geometry-free layout behind it.

The view takes these frozen dataclasses from whoever owns the project, never ORM
objects. Everything here is plain Python (no Qt), so the layout rules are fast
to test: which codings cover which character runs, and which stripe column each
coding gets. All offsets are code points into the source's stored text.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

_BLOCK_BREAK = re.compile("[\n\u2029]")


@dataclass(frozen=True, slots=True)
class CodingSpan:
    """One coding as the view needs it: a code applied to ``text[start:end]``."""

    coding_id: int
    start: int
    end: int
    code_id: int
    code_name: str
    color: str  # "#RRGGBB"
    coder: str


@dataclass(frozen=True, slots=True)
class TurnSpan:
    """One speaker turn, ``text[start:end]``; the label is bolded when the turn starts with it."""

    start: int
    end: int
    speaker: str
    is_interviewer: bool


class HighlightRun(NamedTuple):
    """A maximal character run covered by one unchanging set of codings."""

    start: int
    end: int
    codings: tuple[int, ...]  # indices into the span list, ascending


def clamp_spans(spans: Sequence[CodingSpan], length: int) -> list[CodingSpan]:
    """Spans clipped to ``0..length``; empty or inverted ones are dropped (nothing to show)."""
    out: list[CodingSpan] = []
    for span in spans:
        start = min(max(span.start, 0), length)
        end = min(max(span.end, 0), length)
        if end <= start:
            continue
        if start != span.start or end != span.end:
            span = CodingSpan(
                span.coding_id, start, end, span.code_id, span.code_name, span.color, span.coder
            )
        out.append(span)
    return out


def highlight_runs(
    spans: Sequence[CodingSpan], include: Callable[[CodingSpan], bool] | None = None
) -> list[HighlightRun]:
    """Sweep the sorted span boundaries once: O(n log n) plus the size of the output.

    QualCoder compares every pair of codings to find overlaps (quadratic); a sweep
    over start/end events gives the same runs in one pass.
    """
    events: list[tuple[int, int, int]] = []
    for i, span in enumerate(spans):
        if include is not None and not include(span):
            continue
        events.append((span.start, 1, i))
        events.append((span.end, 0, i))
    return _sweep(events)


def region_runs(
    spans: Sequence[CodingSpan], candidates: Iterable[int], lo: int, hi: int
) -> list[HighlightRun]:
    """The runs of ``[lo, hi)`` made by the spans ``candidates`` (indices), clipped to it."""
    events: list[tuple[int, int, int]] = []
    for i in candidates:
        span = spans[i]
        start, end = max(span.start, lo), min(span.end, hi)
        if end > start:
            events.append((start, 1, i))
            events.append((end, 0, i))
    return _sweep(events)


def _sweep(events: list[tuple[int, int, int]]) -> list[HighlightRun]:
    events.sort()
    runs: list[HighlightRun] = []
    active: set[int] = set()
    prev = 0
    current: tuple[int, ...] = ()
    k = 0
    while k < len(events):
        pos = events[k][0]
        if active and pos > prev:
            runs.append(HighlightRun(prev, pos, current))
        while k < len(events) and events[k][0] == pos:
            _, kind, i = events[k]
            if kind:
                active.add(i)
            else:
                active.discard(i)
            k += 1
        current = tuple(sorted(active)) if len(active) > 1 else tuple(active)
        prev = pos
    return runs


def splice_runs(
    runs: list[HighlightRun],
    run_ends: list[int],
    lo: int,
    hi: int,
    fresh_runs: Callable[[int, int], list[HighlightRun]],
) -> None:
    """Recompute the runs over ``[lo, hi)`` in place, after the spans there changed.

    The region grows to whole runs; ``fresh_runs(lo, hi)`` sweeps it again (see
    :func:`region_runs`) and neighbours with the same codings are joined, so the
    result equals a full :func:`highlight_runs` (whose runs are always maximal).
    """
    if hi <= lo:
        return
    k0 = bisect_right(run_ends, lo)
    k1 = bisect_left(runs, (hi,))  # first run starting at or after hi
    if k0 < k1:
        lo, hi = min(lo, runs[k0].start), max(hi, runs[k1 - 1].end)
    fresh = fresh_runs(lo, hi)
    if fresh and k0 > 0:
        left = runs[k0 - 1]
        if left.end == fresh[0].start and left.codings == fresh[0].codings:
            fresh[0] = HighlightRun(left.start, fresh[0].end, left.codings)
            k0 -= 1
    if fresh and k1 < len(runs):
        right = runs[k1]
        if right.start == fresh[-1].end and right.codings == fresh[-1].codings:
            fresh[-1] = HighlightRun(fresh[-1].start, right.end, right.codings)
            k1 += 1
    runs[k0:k1] = fresh
    run_ends[k0:k1] = [r.end for r in fresh]


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges covering ``ranges`` (touching ones joined)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def block_break_positions(text: str) -> list[int]:
    """Code-point offsets of the characters that end a paragraph (Qt block)."""
    return [m.start() for m in _BLOCK_BREAK.finditer(text)]


def stripe_columns(
    spans: Sequence[CodingSpan], breaks: Sequence[int], line_chars: int
) -> tuple[list[int], int]:
    """Give each span a stripe column so that spans sharing a screen line never share one.

    Greedy interval colouring (optimal for intervals): a column is reused once the
    previous span's paragraph has ended, or ``line_chars`` characters later within
    the same paragraph (no wrapped line holds more). Returns (column per span, count).
    """
    order = [i for _, _, i in sorted((s.start, -s.end, i) for i, s in enumerate(spans))]
    columns = [0] * len(spans)
    free: list[int] = []
    busy: list[tuple[int, int]] = []
    count = 0
    for i in order:
        span = spans[i]
        while busy and busy[0][0] <= span.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            col = heapq.heappop(free)
        else:
            col = count
            count += 1
        columns[i] = col
        heapq.heappush(busy, (busy_end(span, breaks, line_chars), col))
    return columns, count


def busy_end(span: CodingSpan, breaks: Sequence[int], line_chars: int) -> int:
    """Where a span's stripe column becomes free: its paragraph's end, or a line later."""
    k = bisect_left(breaks, span.end - 1)
    paragraph_end = breaks[k] + 1 if k < len(breaks) else 1 << 62
    return min(span.end + line_chars, paragraph_end)


def free_column(
    spans: Sequence[CodingSpan],
    columns: Sequence[int],
    index: SpanIndex,
    i: int,
    breaks: Sequence[int],
    line_chars: int,
) -> int:
    """The lowest stripe column span ``i`` can take without sharing a screen line.

    Used when one coding is added: the others keep their columns (no stripe jumps).
    Two spans clash when their busy ranges (start to :func:`busy_end`) intersect,
    the same rule :func:`stripe_columns` applies.
    """
    span = spans[i]
    until = busy_end(span, breaks, line_chars)
    taken = set()
    for j in index.overlapping(span.start - line_chars, until):
        other = spans[j]
        if j == i or columns[j] < 0 or other.start >= until:
            continue
        if busy_end(other, breaks, line_chars) > span.start:
            taken.add(columns[j])
    col = 0
    while col in taken:
        col += 1
    return col


class SpanIndex:
    """Which spans intersect a range, without scanning them all on every paint.

    Spans are sorted by start and grouped in chunks that remember their largest
    end, so chunks that end before the range are skipped whole.
    """

    _CHUNK = 32

    def __init__(self, spans: Sequence[CodingSpan]) -> None:
        self._order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in self._order]
        self._ends = [spans[i].end for i in self._order]
        self._chunk_max: list[int] = []
        self._rechunk(0)

    def _rechunk(self, k: int) -> None:
        size = self._CHUNK
        first = k // size
        del self._chunk_max[first:]
        ends = self._ends
        self._chunk_max.extend(
            max(ends[c : c + size]) for c in range(first * size, len(ends), size)
        )

    def add(self, i: int, start: int, end: int) -> None:
        """Index span ``i`` (a new one)."""
        k = bisect_right(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)
        self._order.insert(k, i)
        self._rechunk(k)

    def discard(self, i: int, start: int) -> None:
        """Forget span ``i`` (which starts at ``start``)."""
        k = self._find(i, start)
        del self._starts[k], self._ends[k], self._order[k]
        self._rechunk(k)

    def rename(self, old: int, new: int, start: int) -> None:
        """Span ``old`` (starting at ``start``) is now called ``new``."""
        self._order[self._find(old, start)] = new

    def _find(self, i: int, start: int) -> int:
        k = bisect_left(self._starts, start)
        while self._order[k] != i:
            k += 1
        return k

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices of spans with ``span.start < end`` and ``span.end > start``."""
        limit = bisect_left(self._starts, end)
        found: list[int] = []
        for chunk, max_end in enumerate(self._chunk_max):
            first = chunk * self._CHUNK
            if first >= limit:
                break
            if max_end <= start:
                continue
            for k in range(first, min(first + self._CHUNK, limit)):
                if self._ends[k] > start:
                    found.append(self._order[k])
        return found

    def at(self, offset: int) -> list[int]:
        """Indices of spans covering the character at ``offset``."""
        return self.overlapping(offset, offset + 1)
