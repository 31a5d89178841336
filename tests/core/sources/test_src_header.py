"""Transcript header blocks and Indonesian/English dates."""

from __future__ import annotations

import datetime as dt

import pytest

from qualcode.sources.header import parse_date, parse_header, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 27 Mei 2019", dt.date(2019, 5, 27)),
        ("Sabtu, 6 Juli 2019 pukul 10.00", dt.date(2019, 7, 6)),
        ("17 Agustus 2020", dt.date(2020, 8, 17)),
        ("4 Nopember 2021", dt.date(2021, 11, 4)),
        ("12 Des. 2022", dt.date(2022, 12, 12)),
        ("27/05/2019", dt.date(2019, 5, 27)),
        ("04-07-2019", dt.date(2019, 7, 4)),
        ("4.7.19", dt.date(2019, 7, 4)),
        ("2019-05-27", dt.date(2019, 5, 27)),
        ("Monday, May 27, 2019", dt.date(2019, 5, 27)),
        ("27th May 2019", dt.date(2019, 5, 27)),
        ("tidak ada tanggal", None),
        ("31 Februari 2019", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_parse_time() -> None:
    assert parse_time("09.00 - 10.15 WITA") == dt.time(9, 0)
    assert parse_time("pukul 14:30") == dt.time(14, 30)
    assert parse_time("pagi") is None


def test_header_in_text(interview: str) -> None:
    header = parse_header(interview)
    assert header is not None
    assert header.date == dt.date(2019, 5, 27)
    assert header.time == dt.time(9, 0)
    assert header.fields == {
        "date": "Senin, 27 Mei 2019",
        "time": "09.00 - 10.15 WITA",
        "place": "Kantor Diskominfo Kukar",
        "informant": "Bapak S. (IK-1)",
        "position": "Kasi Pengembangan Ekosistem E-Government",
        "organisation": "Diskominfo Kabupaten Kutai Kartanegara",
    }
    assert interview[header.start : header.end].startswith("Hari/Tanggal:")
    assert interview[header.start : header.end].endswith("Kutai Kartanegara")
    assert header.pairs[0] == ("Hari/Tanggal", "Senin, 27 Mei 2019")


def test_header_from_table_rows_and_unknown_keys() -> None:
    text = (
        "Hari/Tanggal | : | Rabu, 17 Juli 2019\n"
        "Nama Informan | Ibu R.\n"
        "Usia | 45 tahun\n"
        "Kode Informan | IU-2\n"
        "Pewawancara | Andi\n"
        "\n"
        "P: Selamat siang Bu."
    )
    header = parse_header(text)
    assert header is not None
    assert header.fields["informant"] == "Ibu R."
    assert header.fields["informant_code"] == "IU-2"
    assert header.fields["interviewer"] == "Andi"
    assert header.extra == {"Usia": "45 tahun"}
    assert header.date == dt.date(2019, 7, 17)
    assert text[header.end :].strip() == "P: Selamat siang Bu."


def test_english_header() -> None:
    text = "Date: 6 July 2019\nInterviewee: Member of DRD (IT)\nPosition: Member\n"
    text += "Organisation: Dewan Riset Daerah\n\nQ: How did it start?\nA: In 2017."
    header = parse_header(text)
    assert header is not None
    assert header.date == dt.date(2019, 7, 6)
    assert header.fields["organisation"] == "Dewan Riset Daerah"
    assert header.fields["informant"] == "Member of DRD (IT)"


def test_header_stops_before_turns_even_if_a_turn_uses_a_header_key() -> None:
    text = "Tanggal: 27/05/2019\nP: Apa kendalanya?\nInforman: Ya, SDM kurang.\n"
    header = parse_header(text)
    assert header is not None
    assert header.pairs == [("Tanggal", "27/05/2019")]


def test_date_and_time_in_one_field() -> None:
    header = parse_header("Tanggal: Kamis, 4 Juli 2019 pukul 13.30 WITA\nTempat: DPMPTSP")
    assert header is not None
    assert header.date == dt.date(2019, 7, 4) and header.time == dt.time(13, 30)
    header = parse_header("Waktu: Senin, 27 Mei 2019\nTempat: Diskominfo")
    assert header is not None
    assert header.date == dt.date(2019, 5, 27) and header.time is None


def test_no_header() -> None:
    assert parse_header("P: Selamat pagi.\nI: Pagi.") is None
    assert parse_header("Informan: Ya, jadi begini pak.\nP: Lalu?") is None
    regulation = "PERATURAN WALI KOTA\nNOMOR 25 TAHUN 2019\nTENTANG\nMASTERPLAN\nPasal 1: isi"
    assert parse_header(regulation) is None
