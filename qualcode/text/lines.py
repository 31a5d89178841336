"""Paragraph (line) numbers of positions in a stored text.

A paragraph number counts lines of the stored plain text, as the document view
numbers them, so a reader can find a quote again: the text before the position
holds ``paragraph - 1`` line breaks. Every export and figure that cites a
paragraph asks :class:`Lines`; none scans a text character by character.
"""

from __future__ import annotations

from bisect import bisect_right

# Questions answered by counting before the text's line breaks are indexed: counting
# one position scans the text before it (C speed); an index costs one pass over the text.
_COUNTS_BEFORE_INDEX = 2


def line_breaks(text: str) -> list[int]:
    """Positions of every line break in ``text``, found with ``str.find``."""
    out: list[int] = []
    find = text.find
    i = find("\n")
    while i >= 0:
        out.append(i)
        i = find("\n", i + 1)
    return out


class Lines:
    """Line numbers (from 1) of positions in one text: counted for a few, indexed for many."""

    __slots__ = ("_asked", "_breaks", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks: list[int] | None = None
        self._asked = 0

    def of(self, position: int) -> int:
        """The line ``position`` is on (a position on a line break belongs to its line)."""
        if position <= 0:
            return 1
        if self._breaks is None:
            self._asked += 1
            if self._asked <= _COUNTS_BEFORE_INDEX:
                return self._text.count("\n", 0, position) + 1
            self._breaks = line_breaks(self._text)
        return bisect_right(self._breaks, position - 1) + 1
