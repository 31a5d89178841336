"""Paragraph numbers from ``qualcode.text.lines`` agree with counting line breaks by hand."""

from __future__ import annotations

import random

from qualcode.text.lines import Lines, line_breaks


def naive(text: str, position: int) -> int:
    """The rule as the document view states it: line breaks before the position, plus one."""
    return sum(1 for ch in text[:position] if ch == "\n") + 1


def test_line_breaks_finds_every_break() -> None:
    text = "\nP: satu\n\nI: dua 😀\r\ntiga\n"
    assert line_breaks(text) == [i for i, ch in enumerate(text) if ch == "\n"]
    assert line_breaks("tanpa baris baru") == []


def test_counted_and_indexed_answers_agree_with_the_rule() -> None:
    rng = random.Random(7)
    for _ in range(30):
        text = "".join(rng.choice("ab \n😀") for _ in range(rng.randint(0, 300)))
        positions = [rng.randint(0, len(text)) for _ in range(20)] + [0, len(text)]
        lines = Lines(text)  # counted on while positions go forward, indexed after one goes back
        for pos in positions:
            assert lines.of(pos) == naive(text, pos), (text, pos)
        ordered = Lines(text)  # every answer counted on from the previous position
        for pos in sorted(positions):
            assert ordered.of(pos) == naive(text, pos), (text, pos)
        assert ordered._breaks is None  # text order never needed the index


def test_a_position_on_a_line_break_belongs_to_its_line() -> None:
    text = "satu\ndua\n\nempat"
    lines = Lines(text)
    assert [lines.of(i) for i in (0, 4, 5, 8, 9, 10)] == [1, 1, 2, 2, 3, 4]
