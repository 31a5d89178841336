"""Text-like formats: encodings, subtitles, HTML, RTF, and the bad-input refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from qualcode.errors import ImportFailedError
from qualcode.sources.extract import extract_bytes, extract_file

NAME_LINE = "Informan: Bapak José Ramírez, Kepala Seksi – “sosialisasi” belum optimal.\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_encodings(tmp_path: Path, interview: str, encoding: str, expected: str) -> None:
    data = (NAME_LINE + interview).encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    source = extract_file(path)
    assert source.encoding == expected
    assert source.text.startswith("Informan: Bapak José Ramírez, Kepala Seksi – “sosialisasi”")
    assert "\ufeff" not in source.text
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.original_bytes == data
    assert source.original_name == "t.txt"
    assert source.format == "txt"
    assert source.language == "id"


def test_bomless_utf16_is_recognised(interview: str) -> None:
    source = extract_bytes(interview.encode("utf-16-le"), "t.txt")
    assert source.encoding == "utf-16-le"
    assert "Bagaimana pelaksanaan smart city" in source.text


def test_cp1252_indonesian_with_accented_name(interview: str) -> None:
    data = (NAME_LINE + interview).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    source = extract_bytes(data, "catatan.txt")
    assert source.encoding == "cp1252"
    assert "José Ramírez" in source.text
    assert "– “sosialisasi”" in source.text


def test_crlf_and_header_metadata(interview: str) -> None:
    source = extract_bytes(interview.replace("\n", "\r\n").encode(), "w.md")
    assert "\r" not in source.text
    assert source.format == "md"
    assert source.metadata["header.date"] == "2019-05-27"
    assert source.metadata["header.place"] == "Kantor Diskominfo Kukar"
    assert source.metadata["header.organisation"].startswith("Diskominfo")


def test_markdown_headings() -> None:
    text = "# Catatan Lapangan\n\nIsi **tebal**.\n\n## Hari kedua ##\nLagi."
    source = extract_bytes(text.encode(), "obs.md")
    assert source.text == text
    assert source.title == "Catatan Lapangan"
    headings = [(b.level, source.text[b.start : b.end]) for b in source.blocks_of("heading")]
    assert headings == [(1, "Catatan Lapangan"), (2, "Hari kedua")]


def test_binary_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "foto.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ImportFailedError, match=r"foto\.txt.*not text"):
        extract_file(path)


def test_pdf_bytes_named_txt_is_refused() -> None:
    data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03\n"
    with pytest.raises(ImportFailedError, match=r"not text"):
        extract_bytes(data * 10, "x.txt")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n"])
def test_empty_or_blank_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kosong.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailedError, match=r"kosong\.txt"):
        extract_file(path)


def test_file_over_limit_is_refused_before_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "besar.txt"
    with path.open("wb") as handle:  # a sparse 200 MB file: nothing is written
        handle.truncate(200 * 1024 * 1024)

    def no_read(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    with pytest.raises(ImportFailedError, match=r"besar\.txt.*200\.0 MB; the limit is 100\.0 MB"):
        extract_file(path)


def test_custom_size_limit_for_bytes() -> None:
    with pytest.raises(ImportFailedError, match=r"limit"):
        extract_bytes(b"x" * 2000, "a.txt", max_bytes=1000)


def test_unsupported_and_legacy_formats() -> None:
    with pytest.raises(ImportFailedError, match=r"'\.exe' are not supported"):
        extract_bytes(b"MZ\x90", "setup.exe")
    with pytest.raises(ImportFailedError, match=r"97–2003"):
        extract_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "lama.doc")


SRT = """1
00:00:01,000 --> 00:00:04,200
P: Selamat pagi, Pak.

2
00:01:02,500 --> 00:01:06,000
I: Pagi. Jadi smart city
di sini dimulai tahun 2017.

3
01:00:00,000 --> 01:00:02,000
P: Terima kasih.
"""

VTT = """WEBVTT
Kind: captions

NOTE dibuat otomatis

cue-1
00:01.000 --> 00:04.000 align:start
<v Peneliti>Selamat pagi, Bu.</v>

00:01:02.000 --> 00:01:05.000
<v Bu Sari><i>Pagi</i>. Anggaran &amp; SDM masih kurang.</v>
"""


def test_srt_keeps_start_times_and_drops_numbers() -> None:
    source = extract_bytes(SRT.encode(), "rekaman.srt")
    assert source.text.splitlines() == [
        "[00:00:01] P: Selamat pagi, Pak.",
        "[00:01:02] I: Pagi. Jadi smart city di sini dimulai tahun 2017.",
        "[01:00:00] P: Terima kasih.",
    ]
    assert len(source.blocks_of("cue")) == 3


def test_vtt_voices_become_speakers() -> None:
    source = extract_bytes(VTT.encode("utf-8-sig"), "rekaman.vtt")
    assert source.text == (
        "[00:00:01] Peneliti: Selamat pagi, Bu.\n"
        "[00:01:02] Bu Sari: Pagi. Anggaran & SDM masih kurang."
    )


def test_subtitle_without_cues_is_refused() -> None:
    with pytest.raises(ImportFailedError, match=r"no subtitle cues"):
        extract_bytes(b"WEBVTT\n\nhanya teks\n", "x.vtt")


HTML = """<!DOCTYPE html><html><head><meta charset="windows-1252">
<title>Pemkot luncurkan aplikasi</title><meta name="author" content="Redaksi">
<style>p {color: red}</style><script>var x = "jangan";</script></head>
<body><nav>Menu</nav><h1>Smart City Pontianak</h1>
<p>Wali Kota   menyampaikan
bahwa <b>aplikasi</b> Jepin<br>mengintegrasikan 70 layanan.</p>
<div>Kata Andr\xe9: <span>siap</span><p>Paragraf dalam div</p>ekor</div>
<table><tr><th>No</th><th>Layanan</th></tr><tr><td>1</td><td>Perizinan</td></tr></table>
<pre>  kode   tetap</pre><!-- komentar --></body></html>"""


def test_html_blocks_and_dropped_elements() -> None:
    source = extract_bytes(HTML.encode("cp1252"), "berita.html")
    assert source.title == "Pemkot luncurkan aplikasi"
    assert source.metadata["author"] == "Redaksi"
    assert "jangan" not in source.text and "color" not in source.text
    assert "komentar" not in source.text
    lines = source.text.splitlines()
    assert lines == [
        "Menu",
        "Smart City Pontianak",
        "Wali Kota menyampaikan bahwa aplikasi Jepin",
        "mengintegrasikan 70 layanan.",
        "Kata André: siap",
        "Paragraf dalam div",
        "ekor",
        "No | Layanan",
        "1 | Perizinan",
        "  kode   tetap",
    ]
    heading = source.blocks_of("heading")[0]
    assert source.text[heading.start : heading.end] == "Smart City Pontianak"
    cells = source.blocks_of("table-cell")
    assert [(c.row, c.col, source.text[c.start : c.end]) for c in cells] == [
        (0, 0, "No"),
        (0, 1, "Layanan"),
        (1, 0, "1"),
        (1, 1, "Perizinan"),
    ]


def test_rtf_written_by_hand() -> None:
    rtf = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
        r"{\info{\title Wawancara Dinsos}{\author Peneliti}}"
        r"\f0\fs24 Hari/Tanggal: Rabu, 17 Juli 2019\par "
        r"P: Bagaimana koordinasi dengan Diskominfo?\par "
        r"I: Koordinasi sudah jalan, kata Pak Jos\'e9 \u8220?cukup baik\u8221?.\par "
        r"{\b Catatan:} rekaman terputus.\par}"
    )
    source = extract_bytes(rtf.encode("ascii"), "dinsos.rtf")
    assert source.format == "rtf"
    assert source.title == "Wawancara Dinsos"
    assert source.text.splitlines() == [
        "Hari/Tanggal: Rabu, 17 Juli 2019",
        "P: Bagaimana koordinasi dengan Diskominfo?",
        "I: Koordinasi sudah jalan, kata Pak José “cukup baik”.",
        "Catatan: rekaman terputus.",
    ]
    assert source.metadata["header.date"] == "2019-07-17"


def test_not_rtf_is_refused() -> None:
    with pytest.raises(ImportFailedError, match=r"not an RTF"):
        extract_bytes(b"just text", "a.rtf")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # one sentence of 14 words: the same guess as the search index makes
        ("Kami belum tahu karena sosialisasi dari dinas itu tidak sampai ke desa kami.", "id"),
        ("We did not know because the office never told the village about it.", "en"),
        ("Smart city dashboard 2024.", None),
    ],
)
def test_imported_language_is_the_one_language_guess(text: str, language: str | None) -> None:
    from qualcode.text.language import detect_language

    source = extract_bytes(text.encode(), "t.txt")
    assert source.language == language
    assert (detect_language(text) if language else None) == source.language
