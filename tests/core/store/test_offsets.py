"""Code-point offsets <-> UTF-16 positions, where emoji break other tools."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qualcode.text.offsets import OffsetMap, from_utf16, to_utf16

# Text with plenty of astral characters (emoji), CRLF and combining marks.
texts = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["😀", "👩\u200d💻", "\r\n", "\n", "é", "e\u0301", "𝔸", "ق"]),
    ),
    max_size=120,
).map("".join)


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@given(texts, st.data())
def test_to_utf16_counts_code_units(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert to_utf16(text, offset) == utf16_len(text[:offset])


@given(texts)
def test_round_trip_every_offset(text: str) -> None:
    m = OffsetMap(text)
    assert m.utf16_length == utf16_len(text)
    for offset in range(len(text) + 1):
        assert m.from_utf16(m.to_utf16(offset)) == offset


@given(texts, st.data())
def test_positions_inside_surrogate_pairs_round_to_a_character(
    text: str, data: st.DataObject
) -> None:
    m = OffsetMap(text)
    pos = data.draw(st.integers(0, m.utf16_length))
    down, up = m.from_utf16(pos), m.from_utf16(pos, round_up=True)
    assert m.to_utf16(down) <= pos <= m.to_utf16(up)
    assert up - down in (0, 1)


def test_known_example_with_emoji_and_crlf() -> None:
    text = "Ibu 😀 bilang:\r\naplikasi 👍 bagus"
    start = text.index("aplikasi")
    assert to_utf16(text, start) == start + 1  # one emoji before it
    assert from_utf16(text, start + 1) == start
    end = text.index("bagus")
    assert to_utf16(text, end) == end + 2


def test_out_of_range_is_an_error() -> None:
    import pytest

    m = OffsetMap("abc")
    with pytest.raises(ValueError, match="outside"):
        m.to_utf16(4)
    with pytest.raises(ValueError, match="outside"):
        m.from_utf16(-1)
