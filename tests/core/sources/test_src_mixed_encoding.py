"""Mixed encodings: a UTF-8 transcript with stray Windows-1252 bytes keeps its UTF-8 intact."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from qualcode.cli.main import cli
from qualcode.project import Project
from qualcode.sources.extract import extract_bytes

UTF8_PART = (
    "P: Bagaimana pendapat Ibu tentang layanan “Sukamaju Pintar”?\n"
    "I: Menurut saya “bagus”, tapi jaringan di Kecamatan Cibiru—masih lemah.\n"
    "P: Apakah ada kendala lain? Misalnya anggaran 😀?\n"
)


def test_one_stray_cp1252_quote_keeps_all_utf8_text() -> None:
    data = UTF8_PART.encode() + b"I: Pak Camat bilang \x93sudah cukup\x94 kok.\n"
    source = extract_bytes(data, "wawancara.txt")
    assert source.text.startswith(UTF8_PART)  # not a single UTF-8 character garbled
    assert "“sudah cukup”" in source.text
    assert "â€" not in source.text and "\ufffd" not in source.text
    assert source.encoding == "utf-8+cp1252"
    (warning,) = [w for w in source.warnings if "not UTF-8" in w]
    assert "1 line(s)" in warning and "line(s) 4" in warning


def test_file_mixing_utf8_and_cp1252_lines_is_not_binary() -> None:
    legacy = "Catatan lapangan: kepala desa menyebut “e-KTP” dan café ke-2.\n" * 3
    data = UTF8_PART.encode() + legacy.encode("cp1252") + UTF8_PART.encode()
    source = extract_bytes(data, "campuran.txt")
    assert source.text == (UTF8_PART + legacy + UTF8_PART).rstrip("\n")
    (warning,) = [w for w in source.warnings if "not UTF-8" in w]
    assert "3 line(s)" in warning and "4, 5, 6" in warning


def test_long_list_of_repaired_lines_is_shortened() -> None:
    data = UTF8_PART.encode() + b"baris \x93rusak\x94\n" * 30
    source = extract_bytes(data, "panjang.txt")
    (warning,) = [w for w in source.warnings if "not UTF-8" in w]
    assert warning.startswith("30 line(s)") and "…" in warning


def test_a_wholly_legacy_file_is_still_read_as_a_code_page() -> None:
    text = "Wawancara dengan Bapak José Ramírez tentang “sosialisasi” program.\n" * 5
    source = extract_bytes(text.encode("cp1252"), "lama.txt")
    assert source.encoding == "cp1252"
    assert source.text == text.rstrip("\n")
    cyrillic = "Привет мир, как дела? Хорошо, спасибо.\n" * 5
    # Not forced into Windows-1252: a Cyrillic file keeps its script (the detector decides).
    assert "ривет мир, как дела" in extract_bytes(cyrillic.encode("cp1251"), "ru.txt").text


def test_cli_import_reports_the_repaired_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.qdaproj"
    Project.create(path, coder="ana").close()
    transcript = tmp_path / "w.txt"
    transcript.write_bytes(UTF8_PART.encode() + b"I: \x93ya\x94\n")
    result = CliRunner().invoke(cli, ["source", "add", str(path), str(transcript)])
    assert result.exit_code == 0, result.output
    assert "warning: 1 line(s)" in result.output
    with Project.open(path, read_only=True) as p:
        (source,) = p.sources.all()
        assert p.sources.text(source.id).startswith(UTF8_PART)
