"""Paragraph (line) numbers of positions in a stored text.

A paragraph number counts lines of the stored plain text, as the document view
numbers them, so a reader can find a quote again: the text before the position
holds ``paragraph - 1`` line breaks. Every export and figure that cites a
paragraph asks :class:`Lines`; none scans a text character by character.
"""

from __future__ import annotations

from bisect import bisect_right


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
    """Line numbers (from 1) of positions in one text.

    Positions asked in text order (an export lists a source's excerpts by position) are
    counted on from the previous one, so all of them together scan the text at most once;
    once a position comes before the previous one, the text's line breaks are indexed (one
    more pass) and later positions bisect the index.
    """

    __slots__ = ("_at", "_breaks", "_line", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks: list[int] | None = None
        self._at = 0  # the last position counted to, on line ``_line``
        self._line = 1

    def of(self, position: int) -> int:
        """The line ``position`` is on (a position on a line break belongs to its line)."""
        if position <= 0:
            return 1
        if self._breaks is None:
            if position >= self._at:
                self._line += self._text.count("\n", self._at, position)
                self._at = position
                return self._line
            self._breaks = line_breaks(self._text)
        return bisect_right(self._breaks, position - 1) + 1
