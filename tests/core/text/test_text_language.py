"""Language detection by distinctive stop words."""

from __future__ import annotations

from qualcode.text.language import detect_language, language_scores

ID_TEXT = (
    "Jadi begini, Pak. Untuk pelayanan publik kami sudah melakukan sosialisasi ke masyarakat, "
    "tetapi memang masih ada kendala dari sisi anggaran dan sumber daya manusia yang belum "
    "memahami aplikasi tersebut."
)
EN_TEXT = (
    "The city launched the programme in 2021, but most of the staff were not trained and the "
    "budget was cut before the system could be integrated with the other agencies."
)


def test_indonesian() -> None:
    assert detect_language(ID_TEXT) == "id"


def test_english() -> None:
    assert detect_language(EN_TEXT) == "en"


def test_indonesian_with_english_terms_is_indonesian() -> None:
    text = (
        "Smart city itu sebenarnya tentang big data dan dashboard, jadi kami di command center "
        "harus bisa membaca data yang masuk dari semua OPD."
    )
    assert detect_language(text) == "id"


def test_evenly_mixed_text_is_undetermined() -> None:
    assert detect_language(ID_TEXT + " " + EN_TEXT) == "und"
    scores = language_scores(ID_TEXT + " " + EN_TEXT)
    assert scores["id"] > 0 and scores["en"] > 0


def test_very_short_or_wordless_texts_are_undetermined() -> None:
    assert detect_language("") == "und"
    assert detect_language("Terima kasih.") == "und"
    assert detect_language("OK") == "und"
    assert detect_language("2024-01-05 10:00 😀") == "und"


def test_short_but_clear_texts() -> None:
    assert detect_language("Saya tidak tahu.") == "id"
    assert detect_language("I do not know.") == "en"


def test_long_text_is_sampled_from_start_middle_and_end() -> None:
    text = " ".join([EN_TEXT] * 400 + [ID_TEXT] * 50)
    scores = language_scores(text, sample_words=300)
    assert sum(scores.values()) < 300
    assert detect_language(text) == "en"
