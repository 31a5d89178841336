"""Regression tests for the header fixes found while importing the sample study."""

from __future__ import annotations

import datetime as dt

from qualcode.sources.header import parse_header
from qualcode.sources.turns import detect_turns

FGD_HEAD = """TRANSKRIP FGD
Topik      : Layanan digital
Hari/Tgl   : Sabtu, 4 Mei 2024, pukul 09.00-10.40 WIB
Tempat     : Balai Desa
Moderator  : Peneliti; notulen dibantu rekan
Peserta    : Pak Darto (F1); Bu Sari (F2);
             Mas Yoga (F3)
Catatan    : Nama disamarkan.

Moderator: Assalamualaikum, silakan perkenalkan diri.
Pak Darto: Saya Darto.
Bu Sari: Saya Sari.
Pak Darto: Sinyal susah.
Bu Sari: Betul.
"""

EN_HEAD = """INTERVIEW TRANSCRIPT W7
Informant: Dr. Rina K. (pseudonym), lecturer;
           member of the expert team. Code: I7
Date: Thursday, 16 May 2024, 15:00-16:05 WIB

Interviewer: Could you describe your role?
Rina: Sure. I was on the university team.
Interviewer: And now?
Rina: We evaluate it every year.
"""


def test_hari_tgl_is_a_date_key() -> None:
    header = parse_header("Hari/Tgl : Selasa, 23 April 2024\nTempat : Rumah\n\nP: Ya?\nI: Ya.")
    assert header is not None and header.date == dt.date(2024, 4, 23)


def test_aligned_moderator_and_participants_lines_belong_to_the_header() -> None:
    header = parse_header(FGD_HEAD)
    assert header is not None
    assert header.date == dt.date(2024, 5, 4)
    assert header.fields["interviewer"] == "Peneliti; notulen dibantu rekan"
    assert header.fields["participants"] == "Pak Darto (F1); Bu Sari (F2); Mas Yoga (F3)"
    turns = detect_turns(FGD_HEAD)
    expected = ["Moderator", "Pak Darto", "Bu Sari", "Pak Darto", "Bu Sari"]
    assert [t.speaker for t in turns] == expected
    assert FGD_HEAD[turns[0].content_start :].startswith("Assalamualaikum")


def test_indented_continuation_lines_extend_a_field() -> None:
    header = parse_header(EN_HEAD)
    assert header is not None
    assert header.fields["informant"].endswith("member of the expert team. Code: I7")
    assert header.date == dt.date(2024, 5, 16)
    assert [t.speaker for t in detect_turns(EN_HEAD)] == ["Interviewer", "Rina"] * 2


def test_unaligned_moderator_after_header_is_still_a_turn() -> None:
    text = (
        "Tanggal: 4 Mei 2024\nTempat: Balai Desa\nModerator: Selamat pagi semua.\nBu Sari: Pagi.\n"
        "Moderator: Bagaimana sinyal?\nBu Sari: Susah.\n"
    )
    header = parse_header(text)
    assert header is not None and "interviewer" not in header.fields
    assert [t.speaker for t in detect_turns(text)] == ["Moderator", "Bu Sari"] * 2
