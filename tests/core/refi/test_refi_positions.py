"""Position units: mapping raw texts to stored texts, choosing and checking unit models."""

from __future__ import annotations

import pytest

from qualcode.interop.refi.format import read_project, write_project
from qualcode.interop.refi.format.positions import (
    CODEPOINTS,
    CODEPOINTS_CRLF1,
    UTF16,
    PositionConverter,
    StoredText,
    choose_unit_model,
    model_for_origin,
)

RAW = "\ufeffSelamat pagi 😀 Pak.\r\nKebijakan smart city 🏙️ berjalan.\r\nSelesai."


def test_stored_text_drops_bom_and_crlf():
    st = StoredText(RAW)
    assert st.has_bom and st.crlf_count == 2
    assert st.stored == "Selamat pagi 😀 Pak.\nKebijakan smart city 🏙️ berjalan.\nSelesai."
    assert st.raw_to_stored_offset(0) == 0  # the BOM itself
    assert st.raw_to_stored_offset(1) == 0
    cr = RAW.index("\r")
    assert st.raw_to_stored_offset(cr) == st.stored.index("\n")
    assert st.raw_to_stored_offset(cr + 1) == st.stored.index("\n")  # between CR and LF
    assert st.raw_to_stored_offset(cr + 2) == st.stored.index("\n") + 1
    assert st.raw_to_stored_offset(len(RAW)) == len(st.stored)
    for i in range(len(st.stored) + 1):
        assert st.raw_to_stored_offset(st.stored_to_raw_offset(i)) == i


def test_lone_cr_becomes_lf_without_shifting():
    st = StoredText("a\rb\r\nc")
    assert st.stored == "a\nb\nc"
    assert st.raw_to_stored_offset(5) == 4


def _utf16_pos(raw: str, index: int) -> int:
    """NVivo's position of raw code-point ``index``: UTF-16 units, BOM not counted."""
    body = raw[1:] if raw.startswith("\ufeff") else raw
    index -= 1 if raw.startswith("\ufeff") else 0
    return len(body[:index].encode("utf-16-le")) // 2


def test_utf16_converter_lands_after_emoji_and_crlf():
    st = StoredText(RAW)
    conv = PositionConverter(st, UTF16)
    word = "berjalan"
    raw_start = RAW.index(word)
    start, exact = conv.to_stored(_utf16_pos(RAW, raw_start))
    end, exact_end = conv.to_stored(_utf16_pos(RAW, raw_start + len(word)), round_up=True)
    assert exact and exact_end
    assert st.stored[start:end] == word
    # Inside a surrogate pair: rounded and flagged.
    emoji = _utf16_pos(RAW, RAW.index("😀"))
    assert conv.to_stored(emoji + 1) == (st.stored.index("😀"), False)
    assert conv.to_stored(emoji + 1, round_up=True) == (st.stored.index("😀") + 1, False)
    assert conv.to_stored(10**6) == (len(st.stored), False)


def test_origin_picks_the_model():
    assert model_for_origin("NVivo 14.23.0 (Windows)") is UTF16
    assert model_for_origin("ATLAS.ti for Windows 23.2.3") is CODEPOINTS_CRLF1
    assert model_for_origin("MAXQDA 24 (Release 24.7.0)") is CODEPOINTS
    assert model_for_origin("") is CODEPOINTS


def _spans(raw: str, words: list[str], unit) -> list[tuple[int, int, str]]:
    out = []
    for word in words:
        i = raw.index(word)
        out.append((unit(raw, i), unit(raw, i + len(word)), ""))
    return out


WORDS = ["Pak", "Kebijakan", "smart city", "berjalan", "Selesai"]


def test_verification_falls_back_when_origin_is_wrong():
    st = StoredText(RAW)
    # The file claims NVivo, but positions are plain code points over the raw text
    # minus the BOM.
    spans = _spans(RAW, WORDS, lambda raw, i: i - 1)
    choice = choose_unit_model("NVivo for Mac 12.7.0", st, spans)
    assert choice.preferred is UTF16
    assert choice.model is CODEPOINTS
    assert choice.fallback


def test_verification_keeps_origin_model_when_it_fits():
    st = StoredText(RAW)
    choice = choose_unit_model("NVivo 12", st, _spans(RAW, WORDS, _utf16_pos))
    assert choice.model is UTF16 and not choice.fallback


def test_atlas_name_quotes_decide_crlf_counting():
    raw = "Baris satu.\r\nPegawai dinas kominfo menjelaskan.\r\nBaris tiga berakhir."
    st = StoredText(raw)
    quote = "Baris tiga berakhir"
    stored_start = st.stored.index(quote)
    # CRLF counted once = stored offsets.
    spans = [(stored_start, stored_start + len(quote), quote)]
    choice = choose_unit_model("ATLAS.ti 9", st, spans)
    assert choice.model is CODEPOINTS_CRLF1
    # Claimed ATLAS.ti, but CRLF counted as 2: the quoted name shows the shift.
    raw_start = raw.index(quote)
    choice = choose_unit_model("ATLAS.ti 9", st, [(raw_start, raw_start + len(quote), quote)])
    assert choice.model is CODEPOINTS and choice.fallback


def _nvivo_windows_qde(guid: str, spans: list[tuple[str, int, int]]) -> str:
    sels = "".join(
        f'<PlainTextSelection guid="{g}" startPosition="{a}" endPosition="{b}" name="">'
        '<Coding guid="aaaaaaaa-0000-0000-0000-00000000000{n}"><CodeRef '
        'targetGUID="c0de0000-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>'
        for n, (g, a, b) in enumerate(spans)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        'name="nv" origin="NVivo 14.23.0 (Windows)"><CodeBook><Codes>'
        '<Code guid="c0de0000-0000-0000-0000-000000000001" name="Komunikasi" isCodable="true"/>'
        f'</Codes></CodeBook><Sources><TextSource guid="{guid}" name="W1" '
        f'plainTextPath="internal://{guid}.txt">{sels}</TextSource></Sources></Project>'
    )


@pytest.mark.parametrize("folder", ["Sources", "sources", "SOURCES"])
def test_emoji_crlf_bom_read_write_read_identical(tmp_path, make_qdpx, folder):
    """NVivo for Windows style file (BOM, CRLF, UTF-16 positions) survives our round trip."""
    guid = "5a1e0000-0000-4000-8000-000000000001"
    raw = (
        "\ufeffP: Bagaimana koordinasi 🤝 antar dinas?\r\n"
        "N: Koordinasi 😀😀 sudah baik, tapi anggaran 💰 terbatas.\r\n"
        "P: Terima kasih 🙏.\r\n"
    )
    words = ["koordinasi", "Koordinasi 😀😀 sudah baik", "anggaran 💰 terbatas", "Terima kasih 🙏"]
    spans = []
    for n, word in enumerate(words):
        i = raw.index(word)
        spans.append(
            (
                f"5e1e0000-0000-4000-8000-00000000000{n}",
                _utf16_pos(raw, i),
                _utf16_pos(raw, i + len(word)),
            )
        )
    path = make_qdpx(
        tmp_path / "nvivo-win.qdpx",
        _nvivo_windows_qde(guid, spans),
        {f"{folder}/{guid.upper()}.TXT": raw.encode("utf-8")},
    )
    first = read_project(path)
    text = first.sources[0].text
    assert "\r" not in text and not text.startswith("\ufeff")
    assert [text[s.start : s.end] for s in first.selections_of(guid)] == words
    out = tmp_path / "ours.qdpx"
    write_project(first, out)
    second = read_project(out)
    assert second.sources[0].text == text

    def key(project):
        return [
            (s.guid, s.start, s.end, [c.code_guid for c in s.codings])
            for s in project.selections_of(guid)
        ]

    assert key(second) == key(first)
    assert (
        next(m for m in second.messages if m.kind == "unit-model").params["model_key"]
        == "codepoints"
    )


def test_writer_normalises_text_with_crlf_and_bom(tmp_path):
    """A caller handing raw CRLF/BOM text gets it normalised, positions moved with it."""
    from qualcode.interop.refi.format.model import Code, Coding, Project, TextSelection, TextSource

    raw = "\ufeffSatu 😀.\r\nDua 🏙️ kota.\r\nTiga."
    start = raw.index("Dua")
    sel = TextSelection(
        guid="5e1e0000-0000-4000-8000-0000000000aa",
        source_guid="5a1e0000-0000-4000-8000-0000000000aa",
        start=start,
        end=start + len("Dua 🏙️ kota"),
        codings=(
            Coding("c0d10000-0000-4000-8000-000000000001", "c0de0000-0000-4000-8000-000000000001"),
        ),
    )
    project = Project(
        name="p",
        codes=(Code("c0de0000-0000-4000-8000-000000000001", "Infrastruktur"),),
        sources=(TextSource(sel.source_guid, "W2", raw),),
        selections=(sel,),
    )
    write_project(project, tmp_path / "p.qdpx")
    back = read_project(tmp_path / "p.qdpx")
    assert back.sources[0].text == "Satu 😀.\nDua 🏙️ kota.\nTiga."
    got = back.selections[0]
    assert back.sources[0].text[got.start : got.end] == "Dua 🏙️ kota"


# -- the "not on word boundaries" warning --------------------------------------------------

TURNS = (
    "P: Bagaimana sosialisasi aplikasi di desa?\n"
    "I: Sosialisasi sudah dilakukan, tapi jaringan internet masih terbatas.\n"
    "P: Apakah anggaran cukup?\n"
    "I: Anggaran kurang, koordinasi antar OPD juga lemah.\n"
) * 3


def _turn_spans(text: str, phrases: list[str], names: list[str]) -> list[tuple[int, int, str]]:
    out, at = [], 0
    for phrase, name in zip(phrases, names, strict=True):
        start = text.index(phrase, at)
        out.append((start, start + len(phrase), name))
        at = start + 1
    return out


PHRASES = [
    "Bagaimana sosialisasi aplikasi di desa?",
    "Sosialisasi sudah dilakukan",
    "jaringan internet masih terbatas",
    "Anggaran kurang",
    "koordinasi antar OPD juga lemah",
] * 3


def _doubtful(choice) -> bool:
    from qualcode.interop.refi.format.selections import LOW_FIT

    return bool(choice.best_possible) and choice.score < LOW_FIT * choice.best_possible


@pytest.mark.parametrize(
    "names",
    [
        ["P", "I", "I", "I", "I"] * 3,  # speaker labels
        [f"line:{n}" for n in range(15)],  # QualitativeCoding's names
        ["Informan", "Peneliti", "", "Rina", "Pak Darto"] * 3,
        [""] * 15,
    ],
)
def test_label_names_on_clean_selections_give_no_warning(names):
    spans = _turn_spans(TURNS, PHRASES, names)
    choice = choose_unit_model("QualCode", StoredText(TURNS), spans)
    assert choice.best_possible == 2 * len(spans)  # labels are not expected to quote
    assert choice.score == choice.best_possible and not _doubtful(choice)


@pytest.mark.parametrize("names", [["P", "I", "I", "I", "I"] * 3, PHRASES, [""] * 15])
def test_misaligned_selections_still_warn(names):
    spans = [(a + 3, b + 3, n) for a, b, n in _turn_spans(TURNS, PHRASES, names)]
    choice = choose_unit_model("QualCode", StoredText(TURNS), spans)
    assert _doubtful(choice)


def test_quoted_names_count_when_they_quote():
    spans = _turn_spans(TURNS, PHRASES, PHRASES)
    choice = choose_unit_model("ATLAS.ti 23", StoredText(TURNS), spans)
    assert choice.best_possible == 6 * len(spans) == choice.score
