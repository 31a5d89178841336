"""Convert between code-point offsets (ours) and UTF-16 positions (Qt's, NVivo's).

QualCode stores every position as a Python ``str`` index: a Unicode code point.
Qt's ``QTextCursor`` and several REFI-QDA producers count UTF-16 code units, in
which every character outside the Basic Multilingual Plane (emoji, some CJK)
takes two units. All conversions go through this module so that the two never
get mixed up elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _astral_indices(text: str) -> list[int]:
    """Code-point indices of the characters that take two UTF-16 units."""
    if text.isascii():
        return []
    return [m.start() for m in _ASTRAL.finditer(text)]


class OffsetMap:
    """Fast two-way conversion for one text, built once in O(n).

    Conversions cost O(log k) where k is the number of astral characters, so a
    300k-character transcript with emoji converts thousands of codings cheaply.
    """

    __slots__ = ("_astral", "_astral_u16", "_length")

    def __init__(self, text: str) -> None:
        self._astral = _astral_indices(text)
        # UTF-16 position of each astral character's first unit.
        self._astral_u16 = [idx + n for n, idx in enumerate(self._astral)]
        self._length = len(text)

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 code units."""
        return self._length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside 0..{self._length}")
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int, *, round_up: bool = False) -> int:
        """Code-point offset of UTF-16 ``position``.

        A position that falls between the two halves of a surrogate pair is
        rounded down to the character's start, or up past it with ``round_up``
        (useful for the exclusive end of a selection).
        """
        if not 0 <= position <= self.utf16_length:
            raise ValueError(f"position {position} outside 0..{self.utf16_length}")
        before = bisect_right(self._astral_u16, position - 1)
        if before and self._astral_u16[before - 1] == position - 1:
            # ``position`` is the second unit of a surrogate pair.
            return position - before + (1 if round_up else 0)
        return position - before


def to_utf16(text: str, offset: int) -> int:
    """UTF-16 position of code-point ``offset`` in ``text`` (one-off conversion)."""
    return OffsetMap(text).to_utf16(offset)


def from_utf16(text: str, position: int, *, round_up: bool = False) -> int:
    """Code-point offset of UTF-16 ``position`` in ``text`` (one-off conversion)."""
    return OffsetMap(text).from_utf16(position, round_up=round_up)
