"""Tokens, keys, offsets, sentences and paragraphs."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qualcode.errors import ValidationError
from qualcode.text.analyzer import Analyzer, Token, paragraphs
from qualcode.text.stemming import KeyFunction
from qualcode.text.stopwords import StopWords


def _surfaces(text: str, tokens: list[Token]) -> list[str]:
    return [text[t.start : t.end] for t in tokens]


@pytest.mark.parametrize(
    ("head", "forms"),
    [
        ("layanan", ["pelayanan", "melayani", "dilayani", "layanannya"]),
        ("sosialisasi", ["disosialisasikan", "mensosialisasikan", "sosialisasinya"]),
        ("koordinasi", ["berkoordinasi", "dikoordinasikan", "pengkoordinasian"]),
        ("perbaikan", ["memperbaiki", "diperbaiki"]),
        ("kebijakan", ["kebijakannya", "kebijakan-kebijakan"]),
        ("pemerintah", ["pemerintahan", "pemerintahnya"]),
        ("ibu", ["ibu-ibu", "ibu2", "Ibu-Ibu"]),
    ],
)
def test_affixed_forms_share_the_head_key(
    id_analyzer: Analyzer, head: str, forms: list[str]
) -> None:
    assert {id_analyzer.key(f) for f in forms} == {id_analyzer.key(head)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("pemerintah", "perintah"),  # government vs order
        ("kebijakan", "bijak"),  # policy vs wise
        ("jaringan", "menjaring"),  # network vs to net
        ("penanganan", "tangan"),  # handling vs hand
        ("pengadaan", "ada"),  # procurement vs exist
        ("kependudukan", "duduk"),  # population affairs vs sit
    ],
)
def test_lexicalised_derivations_stay_apart(id_analyzer: Analyzer, a: str, b: str) -> None:
    assert id_analyzer.key(a) != id_analyzer.key(b)


def test_lookup_alone_misses_what_the_combination_finds(id_analyzer: Analyzer) -> None:
    lookup = KeyFunction("id", "lookup")
    assert lookup("dilayani") == "dilayani"
    assert lookup("pelayanan") == "layan"
    assert id_analyzer.key("dilayani") == "layan"


def test_keys_are_case_insensitive_and_numbers_are_their_own_key(id_analyzer: Analyzer) -> None:
    assert id_analyzer.key("DILAYANI") == id_analyzer.key("dilayani")
    tokens = id_analyzer.analyze("Anggaran Rp5.000 dan 10.000 orang")
    by_form = {t.form: t for t in tokens}
    assert by_form["10.000"].key == "10.000"
    assert by_form["10.000"].is_word


def test_english_keys_use_lemmas(en_analyzer: Analyzer) -> None:
    assert en_analyzer.key("services") == en_analyzer.key("service")
    assert en_analyzer.key("Policies") == "policy"
    assert en_analyzer.key("implemented") == "implement"


def test_offsets_are_exact_code_points(id_analyzer: Analyzer) -> None:
    text = "👍🏽 Pelayanan\r\n\r\nwarga 😀 dilayani «baik», İstanbul👨‍👩‍👧 ibu-ibu\tPKK."
    tokens = id_analyzer.analyze(text)
    for t in tokens:
        assert text[t.start : t.end].lower() == t.form
        assert not text[t.start : t.end].isspace()
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    words = {t.form: t for t in tokens if t.is_word}
    for word in ("Pelayanan", "warga", "dilayani", "ibu-ibu", "PKK"):
        assert words[word.lower()].start == text.index(word)


def test_emoji_and_crlf_do_not_shift_offsets(id_analyzer: Analyzer) -> None:
    plain = "kami melayani warga\nsetiap hari"
    fancy = "kami 😀😀 melayani warga\r\nsetiap hari"
    for text in (plain, fancy):
        tokens = [t for t in id_analyzer.analyze(text) if t.is_word]
        for t in tokens:
            assert text[t.start : t.end] == t.form
        hari = tokens[-1]
        assert (hari.start, hari.end) == (len(text) - 4, len(text))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "pelayanan",
                "Dilayani",
                "ibu-ibu",
                "😀",
                "👨‍👩‍👧",
                "\r\n",
                "\n\n",
                " ",
                "  ",
                "\t",
                ",",
                '"',
                "(",
                "e-KTP",
                "10.000",
                "é",
                "ñandú",
                "JKN-KIS",
                "…",
            ]
        ),
        max_size=30,
    )
)
def test_tokens_cover_all_non_space_text(id_analyzer: Analyzer, pieces: list[str]) -> None:
    text = "".join(pieces)
    tokens = id_analyzer.analyze(text)
    covered = "".join(_surfaces(text, tokens))
    assert covered == "".join(text.split())
    for t in tokens:
        assert text[t.start : t.end].lower() == t.form


def test_stop_flags(id_analyzer: Analyzer) -> None:
    tokens = id_analyzer.analyze("Eee yang masalah itu gitu, anggaran kurang")
    flags = {t.form: t.is_stop for t in tokens if t.is_word}
    assert flags == {
        "eee": True,
        "yang": True,
        "masalah": False,
        "itu": True,
        "gitu": True,
        "anggaran": False,
        "kurang": False,
    }
    assert [t.is_punct for t in tokens if t.form == ","] == [True]


def test_custom_stop_words_reach_the_tokens() -> None:
    analyzer = Analyzer("id", stop_words=StopWords("id", extra=["smart"], removed=["yang"]))
    flags = {t.form: t.is_stop for t in analyzer.analyze("smart city yang")}
    assert flags == {"smart": True, "city": False, "yang": False}


def test_unsupported_language_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="Unsupported language 'fr'"):
        Analyzer("fr")


def test_empty_and_blank_text(id_analyzer: Analyzer) -> None:
    assert id_analyzer.analyze("") == []
    assert id_analyzer.analyze(" \r\n\t ") == []
    assert id_analyzer.sentences("") == []
    assert paragraphs("\n\n  \n") == []


def test_opening_quote_starts_the_next_sentence(id_analyzer: Analyzer) -> None:
    text = 'Kata dia. "Baik, kita mulai." Lalu rapat dibuka. (Semua setuju.) Selesai.'
    spans = id_analyzer.sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Kata dia.",
        '"Baik, kita mulai."',
        "Lalu rapat dibuka.",
        "(Semua setuju.)",
        "Selesai.",
    ]


def test_closing_quote_stays_with_its_sentence(id_analyzer: Analyzer) -> None:
    text = "Beliau bilang “sudah disosialisasikan.” Tapi warga belum tahu."
    spans = id_analyzer.sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Beliau bilang “sudah disosialisasikan.”",
        "Tapi warga belum tahu.",
    ]


def test_sentences_never_cross_lines_and_keep_offsets(id_analyzer: Analyzer) -> None:
    text = "P: Bagaimana sosialisasinya\r\nI: 😀 Sudah jalan. Tapi  kurang!\n\nP: Oke"
    spans = id_analyzer.sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "P: Bagaimana sosialisasinya",
        "I: 😀 Sudah jalan.",
        "Tapi  kurang!",
        "P: Oke",
    ]


def test_paragraphs_by_line_and_by_blank_line() -> None:
    text = "  Baris satu\r\nbaris dua\n\n\r\nParagraf dua \u2029akhir\n"
    by_line = paragraphs(text)
    assert [text[a:b] for a, b in by_line] == [
        "Baris satu",
        "baris dua",
        "Paragraf dua",
        "akhir",
    ]
    by_blank = paragraphs(text, split="blank")
    assert [text[a:b] for a, b in by_blank] == [
        "Baris satu\r\nbaris dua",
        "Paragraf dua",
        "akhir",
    ]


@pytest.mark.parametrize(
    ("colloquial", "standard"),
    [
        ("ngurusin", "mengurus"),
        ("nyiapin", "menyiapkan"),
        ("ngelola", "pengelolaan"),
        ("nulis", "menulis"),
        ("disiapin", "disiapkan"),
        ("ngasih", "dikasih"),
    ],
)
def test_colloquial_verbs_share_the_standard_key(
    id_analyzer: Analyzer, colloquial: str, standard: str
) -> None:
    assert id_analyzer.key(colloquial) == id_analyzer.key(standard)


@pytest.mark.parametrize("word", ["ngeri", "nyata", "nanti", "arifin", "nanang"])
def test_roots_and_names_are_not_read_as_colloquial(id_analyzer: Analyzer, word: str) -> None:
    assert id_analyzer.key(word) == word


def test_analyze_restores_the_garbage_collector(id_analyzer: Analyzer) -> None:
    import gc

    assert gc.isenabled()
    id_analyzer.analyze("pelayanan publik")
    assert gc.isenabled()
    gc.disable()
    try:
        id_analyzer.analyze("pelayanan publik")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_english_sentences(en_analyzer: Analyzer) -> None:
    text = 'He said: "It works." Then he left. "Really?" she asked.'
    spans = en_analyzer.sentences(text)
    assert [text[a:b] for a, b in spans] == [
        'He said: "It works."',
        "Then he left.",
        '"Really?" she asked.',
    ]


def test_quotation_with_lower_case_attribution_is_one_sentence(id_analyzer: Analyzer) -> None:
    text = '"Sudah disosialisasikan?" tanya peneliti. "Belum." Jawabnya singkat.'
    spans = id_analyzer.sentences(text)
    assert [text[a:b] for a, b in spans] == [
        '"Sudah disosialisasikan?" tanya peneliti.',
        '"Belum."',
        "Jawabnya singkat.",
    ]
