"""Import normalisation rules, one test per rule plus properties."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from qualcode.text.normalize import normalize_text


def test_line_endings_become_newlines() -> None:
    assert normalize_text("a\r\nb\rc\u2028d\u2029e\x0bf\x0cg\x85h") == "a\nb\nc\nd\ne\nf\ng\nh"


def test_unicode_spaces_become_plain_spaces_one_for_one() -> None:
    assert normalize_text("Rp\u00a0100\u202fribu\u2003x\u3000y") == "Rp 100 ribu x y"


def test_invisible_characters_are_removed() -> None:
    text = "\ufeffkebija\u00adkan\u200b smart\u2060city"
    assert normalize_text(text) == "kebijakan smartcity"


def test_joiners_and_bidi_marks_are_kept() -> None:
    assert normalize_text("a\u200db\u200cc\u200fd") == "a\u200db\u200cc\u200fd"


def test_control_characters_removed_but_tab_and_newline_kept() -> None:
    assert normalize_text("a\x00b\x07c\td\ne\x1bf\x7fg\x9dh") == "abc\td\nefgh"


def test_nfc_composition() -> None:
    decomposed = "Jose\u0301 Rami\u0301rez"
    result = normalize_text(decomposed)
    assert result == "José Ramírez"
    assert unicodedata.is_normalized("NFC", result)


def test_trailing_blanks_trimmed_but_indentation_and_blank_lines_kept() -> None:
    text = "  P: halo  \t\n\n\n    I: ya \n"
    assert normalize_text(text) == "P: halo\n\n\n    I: ya"
    assert normalize_text(text, trim_document=False) == "  P: halo\n\n\n    I: ya\n"


def test_lone_surrogate_replaced() -> None:
    assert normalize_text("a\ud800b") == "a\ufffdb"


def test_multiple_spaces_inside_a_line_are_not_collapsed() -> None:
    assert normalize_text("Nama    : Sari") == "Nama    : Sari"


@given(st.text())
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.lists(st.text(), max_size=5))
def test_joined_fragments_stay_normalised(fragments: list[str]) -> None:
    joined = "\n".join(normalize_text(f, trim_document=False) for f in fragments)
    assert normalize_text(joined, trim_document=False) == joined
