"""Query parsing and the reference matcher, mode by mode."""

from __future__ import annotations

import pytest

from qualcode.errors import ValidationError
from qualcode.text.analyzer import Analyzer
from qualcode.text.query import Query, SearchMode, find_matches, parse_query

TEXT = (
    "P: Bagaimana pelayanan publik di sini?\r\n"
    "I: 😀 Kami melayani warga setiap hari, warga dilayani dengan aplikasi. "
    "Layanan itu sudah disosialisasikan ke ibu-ibu PKK dan Ibu2 kader; data JKN-KIS juga.\n"
    "Sosialisasi? Belum merata. Pelayanan, publik tetap nomor satu."
)


def _hits(query: Query, analyzer: Analyzer, text: str = TEXT) -> list[str]:
    spans = find_matches(text, analyzer.analyze(text), query)
    return [text[a:b] for a, b in spans]


def test_lemma_finds_all_affixed_forms(id_analyzer: Analyzer) -> None:
    hits = _hits(parse_query("layanan", "lemma"), id_analyzer)
    assert hits == ["pelayanan", "melayani", "dilayani", "Layanan", "Pelayanan"]


def test_exact_does_not_match_affixed_forms(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query("layanan", "exact"), id_analyzer) == ["Layanan"]
    assert _hits(parse_query("sosialisasi", "exact"), id_analyzer) == ["Sosialisasi"]


def test_lemma_sosialisasi_finds_disosialisasikan(id_analyzer: Analyzer) -> None:
    hits = _hits(parse_query("sosialisasi", SearchMode.LEMMA), id_analyzer)
    assert hits == ["disosialisasikan", "Sosialisasi"]


def test_exact_phrase_ignores_case_and_punctuation_between_words(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query('"Pelayanan publik"', "exact"), id_analyzer) == [
        "pelayanan publik",
        "Pelayanan, publik",
    ]
    query = parse_query("Pelayanan publik", "exact", case_sensitive=True)
    assert _hits(query, id_analyzer) == ["Pelayanan, publik"]


def test_words_requires_every_term_in_the_scope(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query("warga aplikasi", "words"), id_analyzer) == [
        "warga",
        "warga",
        "aplikasi",
    ]
    assert _hits(parse_query("warga kucing", "words"), id_analyzer) == []


def test_any_accepts_any_term(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query("kucing aplikasi", "any"), id_analyzer) == ["aplikasi"]


def test_quoted_phrase_inside_words(id_analyzer: Analyzer) -> None:
    query = parse_query('"pelayanan publik" merata', "words")
    assert [t.words for t in query.terms] == [("pelayanan", "publik"), ("merata",)]
    assert _hits(query, id_analyzer) == ["pelayanan publik", "merata", "Pelayanan, publik"]


def test_hyphenated_query_word_is_a_phrase(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query("JKN-KIS", "words"), id_analyzer) == ["JKN-KIS"]


def test_reduplication(id_analyzer: Analyzer) -> None:
    text = "Ibu-ibu datang, ibu2 juga, ibu kepala desa."
    assert _hits(parse_query("ibu", "words"), id_analyzer, text) == ["Ibu-ibu", "ibu2", "ibu"]
    assert _hits(parse_query("ibu-ibu", "words"), id_analyzer, text) == ["Ibu-ibu", "ibu2"]
    assert _hits(parse_query("ibu2", "exact"), id_analyzer, text) == ["Ibu-ibu", "ibu2"]
    assert _hits(parse_query("ibu", "exact"), id_analyzer, text) == ["ibu"]
    assert _hits(parse_query("ibu-ibu", "lemma"), id_analyzer, text) == ["Ibu-ibu", "ibu2", "ibu"]


def test_wildcards(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query("layan*", "wildcard"), id_analyzer) == ["Layanan"]
    assert _hits(parse_query("*layan*", "wildcard"), id_analyzer) == [
        "pelayanan",
        "melayani",
        "dilayani",
        "Layanan",
        "Pelayanan",
    ]
    assert _hits(parse_query("?bu*", "wildcard"), id_analyzer) == ["ibu-ibu", "Ibu2"]
    assert _hits(parse_query("w?rga kucing*", "wildcard"), id_analyzer) == []
    assert _hits(parse_query("W?rga", "wildcard", case_sensitive=True), id_analyzer) == []
    with pytest.raises(ValidationError, match="at least one letter"):
        parse_query("* ?", "wildcard")


def test_regex(id_analyzer: Analyzer) -> None:
    assert _hits(parse_query(r"\bwarga\s+\w+", "regex"), id_analyzer) == [
        "warga setiap",
        "warga dilayani",
    ]
    assert _hits(parse_query(r"^I:", "regex"), id_analyzer) == []  # no MULTILINE
    assert _hits(parse_query(r"(?m)^I:", "regex"), id_analyzer) == ["I:"]
    assert _hits(parse_query(r"x*", "regex"), id_analyzer) == []  # empty matches skipped
    assert _hits(parse_query("PELAYANAN", "regex", case_sensitive=True), id_analyzer) == []


def test_bad_regex_is_a_clear_validation_error() -> None:
    with pytest.raises(ValidationError) as info:
        parse_query("layan(an", "regex")
    assert "Invalid regular expression 'layan(an'" in info.value.message
    assert "missing )" in info.value.message
    assert info.value.params["pattern"] == "layan(an"


def test_fuzzy_mode(id_analyzer: Analyzer) -> None:
    text = "Sudah ada sosialiasi dan kordinasi."
    assert _hits(parse_query("sosialisasi", "fuzzy"), id_analyzer, text) == ["sosialiasi"]
    assert _hits(parse_query('"koordinasi"', "fuzzy", threshold=90), id_analyzer, text) == [
        "kordinasi"
    ]
    with pytest.raises(ValidationError):
        parse_query("x", "fuzzy", threshold=-1)


def test_offsets_after_emoji_and_crlf(id_analyzer: Analyzer) -> None:
    spans = find_matches(TEXT, id_analyzer.analyze(TEXT), parse_query("warga", "words"))
    assert spans == [(m, m + 5) for m in _all_indices(TEXT, "warga")]


def _all_indices(text: str, word: str) -> list[int]:
    out, pos = [], text.find(word)
    while pos >= 0:
        out.append(pos)
        pos = text.find(word, pos + 1)
    return out


@pytest.mark.parametrize("text", ["", "   ", '""', "..."])
def test_empty_queries_are_rejected(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_query(text, "words")


def test_unknown_mode_is_rejected() -> None:
    with pytest.raises(ValueError):
        parse_query("warga", "sounds-like")


def test_require_all_defaults_and_override() -> None:
    assert parse_query("a b", "words").require_all
    assert not parse_query("a b", "any").require_all
    assert not parse_query("warga b", "lemma", require_all=False).require_all


def test_english_lemma_search(en_analyzer: Analyzer) -> None:
    text = "The agency serves citizens; its services were served late."
    query = parse_query("service", "lemma", language="en", analyzer=en_analyzer)
    assert _hits(query, en_analyzer, text) == ["services"]
    query = parse_query("serve", "lemma", language="en")
    assert _hits(query, en_analyzer, text) == ["serves", "served"]
