"""Fuzzy phrase search and KWIC lines."""

from __future__ import annotations

import pytest

from qualcode.errors import ValidationError
from qualcode.text.analyzer import Analyzer
from qualcode.text.fuzzy import find_fuzzy, keyword_in_context

TEXT = (
    "Kami sudah melakukan sosialiasi ke warga. Kordinasi dengan OPD masih kurang.\r\n"
    "😀 Aplkasi belum jalan, sosial media juga. Organisasi sosialisasi aplikator."
)


def _found(text: str, phrase: str, **kw: object) -> list[str]:
    return [text[h.start : h.end] for h in find_fuzzy(text, phrase, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phrase", "typo"),
    [("sosialisasi", "sosialiasi"), ("koordinasi", "Kordinasi"), ("aplikasi", "Aplkasi")],
)
def test_typos_are_found_with_word_spans(phrase: str, typo: str) -> None:
    hits = find_fuzzy(TEXT, phrase)
    typo_hits = [h for h in hits if TEXT[h.start : h.end] == typo]
    assert len(typo_hits) == 1
    assert 80 <= typo_hits[0].score < 100
    assert typo_hits[0].start == TEXT.index(typo)


def test_unrelated_words_are_not_found() -> None:
    assert _found(TEXT, "sosialisasi") == ["sosialiasi", "sosialisasi"]
    assert _found(TEXT, "aplikasi") == ["Aplkasi"]  # not "aplikator"
    assert _found(TEXT, "anggaran") == []


def test_exact_occurrence_scores_100() -> None:
    hits = find_fuzzy(TEXT, "SOSIALISASI")
    assert [h.score for h in hits] == [pytest.approx(95.2, abs=0.1), 100.0]


def test_threshold_is_settable() -> None:
    # also checks that stretches left of the best alignment are searched
    assert _found(TEXT, "sosialisasi", threshold=60) == [
        "sosialiasi",
        "sosial",
        "Organisasi",
        "sosialisasi",
    ]
    assert _found(TEXT, "sosialisasi", threshold=100) == ["sosialisasi"]
    with pytest.raises(ValidationError):
        find_fuzzy(TEXT, "x", threshold=101)
    with pytest.raises(ValidationError):
        find_fuzzy(TEXT, "   ")


def test_phrase_with_a_typo() -> None:
    assert _found(TEXT, "koordinasi dengan OPD") == ["Kordinasi dengan OPD"]


def test_analyzer_tokens_give_the_same_spans(id_analyzer: Analyzer) -> None:
    tokens = id_analyzer.analyze(TEXT)
    assert find_fuzzy(TEXT, "aplikasi", tokens=tokens) == find_fuzzy(TEXT, "aplikasi")


def test_long_lines_are_scanned_in_windows_without_duplicates() -> None:
    filler = "warga datang ke kantor desa " * 200
    text = filler + "kordinasi " + filler + "koordinasi " + filler
    hits = find_fuzzy(text, "koordinasi", window=300)
    assert [text[h.start : h.end] for h in hits] == ["kordinasi", "koordinasi"]
    assert hits[0].start == text.index("kordinasi")


def test_kwic_trims_partial_words_and_folds_newlines() -> None:
    text = "Pada awalnya kami\r\nmelakukan sosialisasi ke\n\nseluruh kelurahan di kota."
    start = text.index("sosialisasi")
    end = start + len("sosialisasi")
    # 14 characters cut "kami" to "mi" on the left and "kelurahan" to "k" on the right.
    assert text[start - 14 : start].startswith("mi\r\n")
    assert keyword_in_context(text, start, end, width=14) == (
        "melakukan ",
        "sosialisasi",
        " ke seluruh",
    )
    # A cut exactly between words keeps the whole word.
    assert keyword_in_context(text, start, end, width=16)[0] == "kami melakukan "


def test_kwic_at_text_edges_and_multiline_hits() -> None:
    text = "Sosialisasi\r\nsudah jalan"
    assert keyword_in_context(text, 0, len(text), width=10) == ("", "Sosialisasi sudah jalan", "")
    assert keyword_in_context(text, 0, 11, width=100) == ("", "Sosialisasi", " sudah jalan")
    with pytest.raises(ValidationError, match="outside the text"):
        keyword_in_context(text, 5, 100)
