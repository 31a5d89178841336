"""Surrounding context of an excerpt: a few characters or whole sentences before and after.

Shown in grey around a quote so a reader sees what the informant was answering.
A paragraph break counts as a sentence end.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+|\n+")
_ENDS_SENTENCE = re.compile(r"(?:[.!?…][\"”’)\]]*\s+|\n+)$")


def context(text: str, start: int, end: int, chars: int = 0, sentences: int = 0) -> tuple[str, str]:
    """Text before and after ``text[start:end]``: ``sentences`` whole sentences if given, else
    about ``chars`` characters cut at word boundaries; the space next to the excerpt is kept."""
    if sentences > 0:
        return _sentences(text, start, end, sentences)
    n = chars
    if n <= 0:
        return "", ""
    lo, hi = max(0, start - n), min(len(text), end + n)
    before, after = text[lo:start], text[end:hi]
    if lo > 0 and " " in before:
        before = before[before.index(" ") + 1 :]
    if hi < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return _edges(before, after)


def _edges(before: str, after: str) -> tuple[str, str]:
    """Trim the outer ends only: the space (or none) next to the excerpt is kept."""
    before, after = before.lstrip(), after.rstrip()
    return (before if before.strip() else ""), (after if after.strip() else "")


def _sentences(text: str, start: int, end: int, n: int) -> tuple[str, str]:
    lo = max(0, start - 400 * n)
    chunk = text[lo:start]
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(chunk) if m.end() < len(chunk)]
    at_boundary = not chunk.strip() or _ENDS_SENTENCE.search(chunk) is not None
    k = n if at_boundary else n + 1
    before = chunk[starts[-k] if k <= len(starts) else 0 :]
    rest = text[end : end + 400 * n]
    ends = [m.end() for m in _SENTENCE_END.finditer(rest)]
    ended = end > 0 and text[end - 1] in ".!?…"
    k = n if ended else n + 1
    after = rest[: ends[k - 1]] if k <= len(ends) else rest
    return _edges(before, after)
