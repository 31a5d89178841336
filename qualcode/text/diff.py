"""Diffing a revised text against the old one and carrying ranges across (pure, no database).

A source's text is the coordinate system of its codings, speaker turns (case
links) and search index, so it may change only through
:meth:`SourceManager.edit_text`, which uses this module to map every old
``[start, end)`` range onto the new text:

- a range whose characters all survive unchanged and with nothing inserted
  inside it moves with its text and still covers exactly the same characters;
- a range with some of its characters changed, deleted or with text inserted
  inside it is kept over the new text of that place and *flagged* for review;
- a range none of whose characters survive and that maps onto no new text is
  removed (the preview lists it first).

Text inserted exactly at a range's start or end belongs outside the range, so
a correction next to a coding never widens it. The diff works on words (so it
stays fast on a 300k-character transcript and a whole revised version) and
then on characters inside each changed stretch, so that correcting one letter
keeps the rest of the word's neighbours exact.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_CHAR_REFINE_LIMIT = 4000
"""Changed stretches up to this many characters on each side are refined to characters."""


@dataclass(frozen=True, slots=True)
class Block:
    """One stretch of the diff in characters: old ``[i1, i2)`` became new ``[j1, j2)``."""

    equal: bool
    i1: int
    i2: int
    j1: int
    j2: int


@dataclass(frozen=True, slots=True)
class Mapped:
    """Where an old range lands in the new text and what happened to it."""

    fate: Literal["kept", "flagged", "removed"]
    start: int
    end: int


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _char_blocks(a: str, b: str, i0: int, j0: int) -> list[Block]:
    if len(a) > _CHAR_REFINE_LIMIT or len(b) > _CHAR_REFINE_LIMIT or not a or not b:
        return [Block(False, i0, i0 + len(a), j0, j0 + len(b))]
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        out.append(Block(tag == "equal", i0 + i1, i0 + i2, j0 + j1, j0 + j2))
    return out


def diff(old: str, new: str) -> list[Block]:
    """Character blocks turning ``old`` into ``new``, covering both texts in order."""
    # Common prefix and suffix first: most corrections are local.
    n = min(len(old), len(new))
    p = 0
    while p < n and old[p] == new[p]:
        p += 1
    s = 0
    while s < n - p and old[-1 - s] == new[-1 - s]:
        s += 1
    blocks: list[Block] = []
    if p:
        blocks.append(Block(True, 0, p, 0, p))
    a, b = old[p : len(old) - s], new[p : len(new) - s]
    if a or b:
        ta, tb = _tokens(a), _tokens(b)
        ca = [0]
        for tok in ta:
            ca.append(ca[-1] + len(tok))
        cb = [0]
        for tok in tb:
            cb.append(cb[-1] + len(tok))
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
            oi1, oi2, nj1, nj2 = p + ca[i1], p + ca[i2], p + cb[j1], p + cb[j2]
            if tag == "equal":
                blocks.append(Block(True, oi1, oi2, nj1, nj2))
            else:
                blocks.extend(_char_blocks(old[oi1:oi2], new[nj1:nj2], oi1, nj1))
    if s:
        blocks.append(Block(True, len(old) - s, len(old), len(new) - s, len(new)))
    return _merge([bl for bl in blocks if bl.i2 > bl.i1 or bl.j2 > bl.j1])


def _merge(blocks: list[Block]) -> list[Block]:
    """Join neighbouring blocks of the same kind so each equal stretch is one block."""
    out: list[Block] = []
    for bl in blocks:
        if out and out[-1].equal == bl.equal:
            last = out[-1]
            out[-1] = Block(bl.equal, last.i1, bl.i2, last.j1, bl.j2)
        else:
            out.append(bl)
    return out


class RangeMap:
    """Maps old ranges onto the new text through a list of :class:`Block`."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = list(blocks)
        self._starts = [bl.i1 for bl in self._blocks]

    def _block_at(self, pos: int) -> int:
        """Index of the block holding old character ``pos`` (a non-empty old side)."""
        k = bisect.bisect_right(self._starts, pos) - 1
        while k >= 0 and not (self._blocks[k].i1 <= pos < self._blocks[k].i2):
            k -= 1
        return k

    def map(self, start: int, end: int) -> Mapped:
        """Where old ``[start, end)`` lands (see the module docstring for the rules)."""
        if end <= start:
            return Mapped("removed", start, start)
        first, last = self._block_at(start), self._block_at(end - 1)
        b0, b1 = self._blocks[first], self._blocks[last]
        if first == last and b0.equal:
            shift = b0.j1 - b0.i1
            return Mapped("kept", start + shift, end + shift)
        new_start = b0.j1 + (start - b0.i1) if b0.equal else b0.j1
        new_end = b1.j1 + (end - b1.i1) if b1.equal else b1.j2
        survived = any(self._blocks[k].equal for k in range(first, last + 1))
        if new_end <= new_start:
            return Mapped("removed", new_start, new_start)
        if not survived and not any(
            self._blocks[k].j2 > self._blocks[k].j1 for k in range(first, last + 1)
        ):
            return Mapped("removed", new_start, new_start)
        return Mapped("flagged", new_start, new_end)


def replace_text(text: str, old: str, new: str, *, count: int | None = None) -> tuple[str, int]:
    """``text`` with ``old`` replaced by ``new`` (all, or the first ``count``); and how many."""
    if not old:
        return text, 0
    found = text.count(old)
    n = found if count is None else min(count, found)
    return text.replace(old, new, n), n
