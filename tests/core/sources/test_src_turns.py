"""Speaker-turn detection for every marker style, tables, and false positives."""

from __future__ import annotations

import pytest

from qualcode.sources.extract import extract_file
from qualcode.sources.turns import Turn, classify_speaker, detect_turns, is_role_label


def _speakers(text: str, blocks=None) -> list[tuple[str, str]]:
    """(speaker, content) pairs, so expectations read like the transcript."""
    return [(t.speaker, text[t.content_start : t.end]) for t in detect_turns(text, blocks)]


def test_p_i_turns_span_lines_and_ignore_inner_labels(interview: str) -> None:
    turns = detect_turns(interview)
    assert [t.speaker for t in turns] == ["P", "I", "P", "I"]
    answer = turns[1]
    assert interview[answer.start : answer.end] == (
        "I: Ya, jadi begini. Eee smart city itu kita mulai tahun 2017.\n"
        "Catatan: waktu itu belum ada SK.\n"
        "Anggaran masih terbatas, gitu."
    )
    assert interview[answer.start : answer.marker_end] == "I:"
    assert interview[answer.content_start :].startswith("Ya, jadi begini.")
    assert answer.role == "participant" and turns[0].role == "interviewer"
    assert turns[-1].end == len(interview.rstrip())


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("P", "I"),
        ("Peneliti", "Informan"),
        ("T", "J"),
        ("Q", "A"),
        ("Pewawancara", "Narasumber"),
        ("Interviewer", "Hendra"),
    ],
)
def test_marker_styles(first: str, second: str) -> None:
    text = (
        f"{first}: Bagaimana koordinasi antar OPD?\n"
        f"{second}: Masih lemah.\nAplikasi belum terintegrasi.\n"
        f"{first} : Mengapa?\n"
        f"{second}: Karena anggaran."
    )
    assert _speakers(text) == [
        (first, "Bagaimana koordinasi antar OPD?"),
        (second, "Masih lemah.\nAplikasi belum terintegrasi."),
        (first, "Mengapa?"),
        (second, "Karena anggaran."),
    ]
    roles = [t.role for t in detect_turns(text)]
    assert roles == ["interviewer", "participant", "interviewer", "participant"]


def test_focus_group_names_and_codes() -> None:
    text = (
        "Moderator: Silakan perkenalkan diri.\n"
        "Informan 3: Saya dari Disdukcapil.\n"
        "IK-1: Saya Kasi di Diskominfo.\n"
        "Bu Sari: Saya ketua KIM.\n"
        "Pak Darto: Saya RT 05.\n"
        "P1: Saya warga.\n"
        "Moderator: Terima kasih. Bu Sari, bagaimana wifi gratis?\n"
        "Bu Sari: Sering mati.\n"
        "Pak Darto: Betul, Bu.\n"
    )
    assert [t.speaker for t in detect_turns(text)] == [
        "Moderator",
        "Informan 3",
        "IK-1",
        "Bu Sari",
        "Pak Darto",
        "P1",
        "Moderator",
        "Bu Sari",
        "Pak Darto",
    ]


def test_single_named_speaker_needs_a_second_speaker() -> None:
    assert detect_turns("Pak Darto: satu.\nPak Darto: dua.\n") == []
    assert [t.speaker for t in detect_turns("Pak Darto: satu.\nI: ya\nPak Darto: dua.")] == [
        "Pak Darto",
        "I",
        "Pak Darto",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "[00:12:34] P: Apa kendalanya?",
        "(00:12:34) P: Apa kendalanya?",
        "00:12:34 P: Apa kendalanya?",
        "[00:12:34] - P: Apa kendalanya?",
        "P [00:12:34]: Apa kendalanya?",
        "P (00:12:34): Apa kendalanya?",
        "P: [00:12:34] Apa kendalanya?",
        "**P:** [00:12:34] Apa kendalanya?",
    ],
)
def test_timestamps_before_or_after_the_label(line: str) -> None:
    text = line + "\n[00:12:40] I: Anggaran.\n"
    turns = detect_turns(text)
    assert [(t.speaker, t.timestamp) for t in turns] == [("P", "00:12:34"), ("I", "00:12:40")]
    assert text[turns[0].content_start : turns[0].end] == "Apa kendalanya?"
    assert turns[0].start == 0 and turns[0].seconds == 754
    marker = text[turns[0].start : turns[0].marker_end]
    assert marker.endswith((":", ":**")) and "Apa" not in marker
    assert marker.count(":") in (1, 3)  # the colon, plus the timestamp's when it comes first


def test_label_alone_on_its_line() -> None:
    text = "Peneliti:\nBagaimana?\nInforman:\nBaik."
    turns = detect_turns(text)
    assert [(t.speaker, text[t.content_start : t.end]) for t in turns] == [
        ("Peneliti", "Bagaimana?"),
        ("Informan", "Baik."),
    ]


def test_subtitle_output_gives_timed_turns(tmp_path) -> None:
    path = tmp_path / "r.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:05.000 --> 00:00:07.000\n<v Peneliti>Apa kabar?\n\n"
        "00:00:08.000 --> 00:00:09.000\n<v Bu Sari>Baik.\n\n"
        "00:00:10.000 --> 00:00:11.000\n<v Peneliti>Syukurlah.\n\n"
        "00:00:12.000 --> 00:00:13.000\n<v Bu Sari>Ya.\n",
        encoding="utf-8",
    )
    source = extract_file(path)
    turns = detect_turns(source.text, source.blocks)
    assert [(t.speaker, t.timestamp) for t in turns] == [
        ("Peneliti", "00:00:05"),
        ("Bu Sari", "00:00:08"),
        ("Peneliti", "00:00:10"),
        ("Bu Sari", "00:00:12"),
    ]


def test_header_lines_are_not_turns() -> None:
    text = "Informan: Bapak S.\nJabatan: Kasi\nKode Informan: IK-1\n\nP: Halo.\nI: Ya."
    assert [t.speaker for t in detect_turns(text)] == ["P", "I"]


def test_no_false_positives_in_answers() -> None:
    text = (
        "P: Ada dokumennya?\n"
        "I: Ada di https://kukarkab.go.id/smartcity ya.\n"
        "10:30 kami rapat lagi.\n"
        "Pasal 3: mengatur tim pelaksana.\n"
        "Catatan: ini penting.\n"
        "Menurut saya: belum.\n"
    )
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == ["P", "I"]
    assert turns[1].end == len(text.rstrip())


REGULATION = """PERATURAN WALI KOTA PONTIANAK
NOMOR 25 TAHUN 2019
TENTANG
MASTERPLAN SMART CITY KOTA PONTIANAK TAHUN 2019-2028

Menimbang: a. bahwa dalam rangka mewujudkan tata kelola pemerintahan yang cerdas;
Mengingat: 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
Menetapkan: PERATURAN WALI KOTA TENTANG MASTERPLAN SMART CITY.
BAB I
KETENTUAN UMUM
Pasal 1:
Dalam Peraturan Wali Kota ini yang dimaksud dengan:
1. Daerah adalah Kota Pontianak.
2. Smart City adalah: kota yang mampu menggunakan SDM dan TIK.
Pasal 2:
Ayat (1): Masterplan menjadi pedoman.
Ayat (2): Masterplan berlaku 10 tahun.
Lihat juga: https://pontianak.go.id/jdih
Berlaku mulai pukul 10:30 WIB.
Kota Cerdas: tujuan bersama.
Kota Cerdas: visi daerah.
"""

OBSERVATION = """CATATAN LAPANGAN
Hari/Tanggal: Selasa, 4 Juni 2019
Waktu: 08.00 - 11.30 WITA
Lokasi: Command Center Diskominfo Kukar

Deskripsi: Ruang command center berisi enam layar.
Pukul 09.15: Operator menampilkan dashboard aduan warga.
Pukul 09.40: Kasi datang dan memberi arahan.
Catatan: jaringan sempat terputus dua kali.
Kegiatan: rapat koordinasi dengan OPD.
Kegiatan: uji coba aplikasi Idaman RT.
Komentar pengamat: operator tampak belum terlatih.
Refleksi: SDM menjadi kendala.
"""


def test_no_turns_in_a_regulation() -> None:
    assert detect_turns(REGULATION) == []


def test_no_turns_in_observation_notes() -> None:
    assert detect_turns(OBSERVATION) == []


def test_qa_table_from_a_word_file(make_docx) -> None:
    path = make_docx(
        [
            ("table", [("Hari/Tanggal", "Senin, 27 Mei 2019"), ("Informan", "Bapak S.")]),
            ("p", "Hasil wawancara:"),
            (
                "table",
                [
                    ("No", "Pertanyaan", "Jawaban"),
                    ("1", "Apa kendala utama?", "SDM aparatur kurang."),
                    ("2", "Bagaimana sosialisasi?", "Belum optimal.\nMasih terbatas."),
                    ("3", "", ""),
                ],
            ),
        ]
    )
    source = extract_file(path)
    turns = detect_turns(source.text, source.blocks)
    assert [(t.speaker, source.text[t.content_start : t.end], t.role) for t in turns] == [
        ("Pertanyaan", "Apa kendala utama?", "interviewer"),
        ("Jawaban", "SDM aparatur kurang.", "participant"),
        ("Pertanyaan", "Bagaimana sosialisasi?", "interviewer"),
        ("Jawaban", "Belum optimal.\nMasih terbatas.", "participant"),
    ]


def test_speaker_column_table_and_text_turn_before_it(make_docx) -> None:
    path = make_docx(
        [
            ("p", "P: Pembukaan."),
            ("p", "I: Silakan."),
            (
                "table",
                [
                    ("Peneliti", "Bagaimana jaringan?"),
                    ("Informan", "Masih ada blank spot."),
                    ("Peneliti", "Di mana saja?"),
                    ("Informan", "Di 23 desa."),
                ],
            ),
        ]
    )
    source = extract_file(path)
    turns = detect_turns(source.text, source.blocks)
    pairs = [(t.speaker, source.text[t.content_start : t.end]) for t in turns]
    assert pairs == [
        ("P", "Pembukaan."),
        ("I", "Silakan."),
        ("Peneliti", "Bagaimana jaringan?"),
        ("Informan", "Masih ada blank spot."),
        ("Peneliti", "Di mana saja?"),
        ("Informan", "Di 23 desa."),
    ]
    assert source.text[turns[2].start : turns[2].marker_end] == "Peneliti"


def test_header_table_is_not_a_speaker_table(make_docx) -> None:
    path = make_docx(
        [("table", [("Hari/Tanggal", "Senin"), ("Tempat", "Kantor"), ("Jabatan", "Kasi")])]
    )
    source = extract_file(path)
    assert detect_turns(source.text, source.blocks) == []


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("P", "interviewer"),
        ("Peneliti", "interviewer"),
        ("T", "interviewer"),
        ("Q", "interviewer"),
        ("Interviewer", "interviewer"),
        ("Moderator", "interviewer"),
        ("Pewawancara", "interviewer"),
        ("Peneliti (Andi)", "interviewer"),
        ("I", "participant"),
        ("J", "participant"),
        ("Informan 3", "participant"),
        ("IK-1", "participant"),
        ("P1", "participant"),
        ("Bu Sari", "participant"),
    ],
)
def test_classify_speaker(label: str, role: str) -> None:
    assert classify_speaker(label) == role


def test_role_labels() -> None:
    assert all(map(is_role_label, ["P", "Informan 3", "IK-1", "IU2", "Moderator", "R1"]))
    assert not any(map(is_role_label, ["Bu Sari", "Pasal 3", "Catatan", "Informan kunci"]))


def test_turn_is_a_plain_frozen_value() -> None:
    turn = Turn(0, 5, "P", 2, 3)
    with pytest.raises(AttributeError):
        turn.start = 1  # type: ignore[misc]
    assert turn.timestamp is None and turn.seconds is None


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("P - Bagaimana programnya?\nI - Sudah berjalan, E-Gov juga.\nP - Kendalanya?\n"
         "I - Anggaran.\n", ["P", "I", "P", "I"]),
        ("[00:01] Peneliti — Bagaimana?\n[00:05] IK-1 — Sudah.\n[00:09] Peneliti — Lalu?\n"
         "[00:12] IK-1 — Ya.\n", ["Peneliti", "IK-1", "Peneliti", "IK-1"]),
        ("Pewawancara – Bagaimana?\nBapak Ahmad – Sudah berjalan.\nPewawancara – Kendala?\n"
         "Bapak Ahmad – Anggaran.\n", ["Pewawancara", "Bapak Ahmad"] * 2),
    ],
)  # fmt: skip
def test_a_dash_marks_turns_in_a_transcript_without_colons(text: str, speakers: list[str]) -> None:
    found = detect_turns(text)
    assert [t.speaker for t in found] == speakers
    assert [t.role for t in found] == ["interviewer", "participant"] * 2
    first = found[0]
    assert text[first.content_start : first.end] in ("Bagaimana programnya?", "Bagaimana?")


@pytest.mark.parametrize(
    "text",
    [
        "I - Pendahuluan\nTeks.\nII - Metode\nTeks.\nIII - Hasil\nTeks.\n",
        "Faktor:\nA - Anggaran terbatas\nB - Birokrasi\nA - lagi\n",
        "Kota Bandung - sebagai pelopor - telah memulai.\nKota Bandung - juga.\n",
    ],
)
def test_headings_lists_and_prose_dashes_are_not_turns(text: str) -> None:
    assert detect_turns(text) == []


def test_dashes_inside_colon_turns_stay_text() -> None:
    text = "P: Bagaimana?\nI: Ya - jadi begini.\nP: Lalu?\nI: Anggaran - itu masalahnya.\n"
    found = detect_turns(text)
    assert [t.speaker for t in found] == ["P", "I", "P", "I"]
    assert text[found[1].content_start : found[1].end] == "Ya - jadi begini."
