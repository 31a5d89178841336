"""Fuzzy phrase search (transcriber typos) and keyword-in-context lines.

Transcripts typed from recordings are full of slips: "sosialiasi",
"kordinasi", "aplkasi". :func:`find_fuzzy` finds such variants of a phrase.
It scans each line (long lines in overlapping windows) with rapidfuzz's
``partial_ratio_alignment``, which locates the best-matching stretch of
characters, then searches the parts left and right of it again. Each stretch
is snapped to whole words and scored again with ``fuzz.ratio`` against the
phrase, so the score (0-100) describes exactly the span that will be
highlighted and a threshold means the same for every hit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qualcode.errors import ValidationError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from qualcode.text.analyzer import Token

DEFAULT_THRESHOLD = 80.0
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SPACE = re.compile(r"\s+")
_LINE = re.compile(r"[^\r\n\u2028\u2029]+")
# How much lower the character-level prefilter may score than the word-level
# score (e.g. "kordinasi" vs "koordinasi": partial 89, whole words 95).
_PREFILTER_SLACK = 15.0


@dataclass(frozen=True, slots=True)
class FuzzyHit:
    """A span of the text that resembles the phrase; ``score`` is 0-100."""

    start: int
    end: int
    score: float


def _lower_same_length(text: str) -> str:
    """Lower-case without changing any offset (a few characters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def find_fuzzy(
    text: str,
    phrase: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    tokens: Sequence[Token] | None = None,
    window: int = 600,
) -> list[FuzzyHit]:
    """Spans of ``text`` whose words resemble ``phrase`` with a score ≥ ``threshold``.

    ``tokens`` (from :class:`~qualcode.text.analyzer.Analyzer`) give the word
    boundaries hits snap to; without them a simple word pattern is used.
    Case is ignored. Hits do not overlap and come in text order.
    """
    if not 0 <= threshold <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The fuzzy threshold must be 0-100 (got {threshold})."),
            threshold=threshold,
        )
    query = _normalise(phrase.lower())
    if not query:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The search phrase is empty."))
    from rapidfuzz import fuzz

    low = _lower_same_length(text)
    if tokens is not None:
        words = [(t.start, t.end) for t in tokens if t.is_word]
    else:
        words = [m.span() for m in _WORD.finditer(text)]
    if not words:
        return []
    starts = [w[0] for w in words]
    ends = [w[1] for w in words]
    n_query_words = max(1, len(query.split()))
    cutoff = max(0.0, threshold - _PREFILTER_SLACK)
    size = max(window, 4 * len(query))
    step = size - 2 * len(query) - 20
    hits: list[FuzzyHit] = []

    for line in _LINE.finditer(low):
        w_start = line.start()
        while w_start < line.end():
            w_end = min(line.end(), w_start + size)
            # Best alignment first, then the parts left and right of it.
            segments = [(w_start, w_end)]
            while segments:
                seg_start, seg_end = segments.pop()
                res = fuzz.partial_ratio_alignment(
                    query, low[seg_start:seg_end], score_cutoff=cutoff
                )
                if res is None or res.dest_end <= res.dest_start:
                    continue
                a, b = seg_start + res.dest_start, seg_start + res.dest_end
                hit = _snap(
                    fuzz.ratio,
                    query,
                    low,
                    (starts, ends),
                    (a, b),
                    (seg_start, seg_end),
                    n_query_words,
                )
                if hit is not None and hit.score >= threshold:
                    hits.append(hit)
                    a, b = min(a, hit.start), max(b, hit.end)
                segments += [(seg_start, a), (b, seg_end)]
            if w_end >= line.end():
                break
            w_start += step
    return _dedupe(hits)


def _snap(
    ratio: Callable[[str, str], float],
    query: str,
    low: str,
    words: tuple[list[int], list[int]],
    span: tuple[int, int],
    segment: tuple[int, int],
    n_query_words: int,
) -> FuzzyHit | None:
    """Best-scoring run of whole words around the character span, inside the segment.

    Words adjacent to the span are tried too (the alignment may cut a word);
    on equal scores the shorter run wins.
    """
    starts, ends = words
    first = bisect_right(ends, span[0])  # first word ending after the span's start
    last = bisect_left(starts, span[1]) - 1  # last word starting before its end
    lo = bisect_right(ends, segment[0])  # words that reach into the segment
    hi = bisect_left(starts, segment[1]) - 1
    if first >= len(starts) or last < first:
        return None
    best: FuzzyHit | None = None
    for i in range(max(lo, first - 1), min(hi, first + 1) + 1):
        for j in range(max(i, last - 1), min(hi, last + 1) + 1):
            if j - i + 1 > n_query_words + 2:
                continue
            score = round(ratio(query, _normalise(low[starts[i] : ends[j]])), 1)
            if (
                best is None
                or score > best.score
                or (score == best.score and ends[j] - starts[i] < best.end - best.start)
            ):
                best = FuzzyHit(starts[i], ends[j], score)
    return best


def _dedupe(hits: list[FuzzyHit]) -> list[FuzzyHit]:
    """Keep the best of overlapping hits (windows overlap), in text order."""
    kept: list[FuzzyHit] = []
    for hit in sorted(hits, key=lambda h: (-h.score, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def keyword_in_context(text: str, start: int, end: int, width: int = 40) -> tuple[str, str, str]:
    """``(left, hit, right)`` for a KWIC line: ``width`` characters each side.

    Context cut inside a word loses that partial word; line breaks and runs of
    whitespace become single spaces; a space between context and hit is kept
    (as the left's last or the right's first character) so the three parts
    read as a line when joined.
    """
    if not 0 <= start <= end <= len(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Range {start}-{end} is outside the text (0-{length})."),
            start=start,
            end=end,
            length=len(text),
        )
    left_from = max(0, start - width)
    left = text[left_from:start]
    if left_from > 0 and text[left_from - 1].isalnum() and left[:1].isalnum():
        left = re.sub(r"^\S*", "", left, count=1)
    right_to = min(len(text), end + width)
    right = text[end:right_to]
    if right_to < len(text) and text[right_to].isalnum() and right[-1:].isalnum():
        right = re.sub(r"\S*$", "", right, count=1)
    fold = _SPACE.sub
    return fold(" ", left).lstrip(), fold(" ", text[start:end]), fold(" ", right).rstrip()
