"""Stop-word lists: spaCy's, plus transcript fillers, minus content words."""

from __future__ import annotations

import pytest

from qualcode.text.stopwords import StopWords, base_stop_words


@pytest.mark.parametrize(
    "word", ["yang", "dan", "eee", "ehm", "gitu", "sih", "nggak", "dong", "Deh"]
)
def test_indonesian_function_words_and_fillers_are_stop_words(word: str) -> None:
    assert word in StopWords("id")


@pytest.mark.parametrize(
    "word",
    [
        "masalah",
        "jelas",
        "kurang",
        "mampu",
        "pihak",
        "anggaran",
        "kebijakan",
        "kaya",
        "kali",
        "ibu",
    ],
)
def test_content_words_are_kept(word: str) -> None:
    assert word not in StopWords("id")


def test_english_list() -> None:
    words = StopWords("en")
    assert {"the", "um", "yeah"} <= words.words
    assert "serious" not in words
    assert "like" not in words  # a verb too


def test_project_can_add_and_remove_words() -> None:
    words = StopWords("id", extra=["Diskominfo", " "], removed=["Tidak"])
    assert words.is_stop("DISKOMINFO")
    assert not words.is_stop("tidak")
    assert "tidak" in base_stop_words("id")
    assert len(words) == len(base_stop_words("id"))  # one added, one removed


def test_unknown_language_has_no_stop_words() -> None:
    assert len(StopWords("fr")) == 0
    assert 42 not in StopWords("id")
