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
from collections.abc import Callable, Sequence
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
        last = span.end - 1
        k = bisect_left(breaks, last)
        paragraph_end = breaks[k] + 1 if k < len(breaks) else 1 << 62
        heapq.heappush(busy, (min(span.end + line_chars, paragraph_end), col))
    return columns, count


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
        self._chunk_max = [
            max(self._ends[k : k + self._CHUNK]) for k in range(0, len(self._ends), self._CHUNK)
        ]

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


class EdgeIndex:
    """Find coding edges (starts and ends) near an offset, for drag-to-resize."""

    def __init__(self, spans: Sequence[CodingSpan]) -> None:
        self._edges = sorted(
            [(s.start, i, True) for i, s in enumerate(spans)]
            + [(s.end, i, False) for i, s in enumerate(spans)]
        )
        self._keys = [e[0] for e in self._edges]

    def near(self, offset: int, radius: int) -> list[tuple[int, int, bool]]:
        """Edges as (offset, span index, is_start) within ``radius`` of ``offset``."""
        lo = bisect_left(self._keys, offset - radius)
        hi = bisect_right(self._keys, offset + radius)
        return self._edges[lo:hi]
