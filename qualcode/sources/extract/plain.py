"""Plain text (.txt, .md) and the encoding detection other text formats reuse."""

from __future__ import annotations

import codecs
import re
import unicodedata

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.model import Block, Extraction, fail
from qualcode.text.normalize import normalize_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: C0 controls other than tab, LF, VT, FF, CR, ESC.
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def _looks_utf16(data: bytes) -> str | None:
    """Name a BOM-less UTF-16 variant when every other byte is mostly NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _binary(name: str) -> Exception:
    return fail(
        name,
        QT_TRANSLATE_NOOP(
            "errors",
            "Cannot import {file}: the file is not text "
            "(it looks like a binary file with a text file name).",
        ),
    )


def decode_text(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode text bytes; return ``(text, encoding, warnings)``.

    Order: a BOM decides; else strict UTF-8 (the common case, and fast); else
    BOM-less UTF-16 by its NUL pattern; else charset-normalizer. When its guess
    decodes to the same text as Windows-1252 we name it ``cp1252``, the legacy
    encoding Indonesian Windows machines actually use. Bytes that never occur
    in text (NUL and most C0 controls) make the file count as binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding, []
            except UnicodeDecodeError as exc:
                raise _binary(name) from exc
    if b"\x00" in data:
        encoding16 = _looks_utf16(data)
        if encoding16 is None:
            raise _binary(name)
        try:
            return data.decode(encoding16), encoding16, []
        except UnicodeDecodeError as exc:
            raise _binary(name) from exc
    sample = data[:65536]
    if len(sample) - len(sample.translate(None, _BINARY_BYTES)) > len(sample) // 200:
        raise _binary(name)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _binary(name)
    latin = _as_latin_cp1252(data)
    if latin is not None and _latin_only(str(best)):
        # Both read as Latin script: the detector's hp_roman8 or cp1250 is a worse bet.
        return latin, "cp1252", []
    if "cp1252" in best.could_be_from_charset:
        try:
            return data.decode("cp1252"), "cp1252", []
        except UnicodeDecodeError:
            pass
    warning = f"Encoding guessed as {best.encoding}; check accented characters."
    return str(best), best.encoding, [warning]


_LEGACY_DEFAULT = "cp1252"
_LISTED_LINES = 10


def _decode_mixed(data: bytes) -> tuple[str, str, list[str]] | None:
    """Decode a mostly-UTF-8 file whose stray bytes come from a single-byte code page.

    A transcript pasted together from Word and elsewhere is UTF-8 with a few
    Windows-1252 bytes (a curly quote). Decoding it wholesale as a code page
    would garble every UTF-8 character, so each valid UTF-8 sequence stays
    UTF-8 and only the invalid bytes are read with the code page detected from
    the lines that hold them. None when the file has (almost) no valid UTF-8
    beyond ASCII: then it is a legacy file, decoded as a whole.
    """
    lines = data.split(b"\n")
    bad: list[int] = []
    valid_multibyte = utf8_lines = invalid_bytes = 0
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        invalid = _invalid_byte_count(line)
        valid = len(line.decode("utf-8", errors="ignore").encode("utf-8")) - len(
            line.decode("utf-8", errors="ignore")
        )
        invalid_bytes += invalid
        valid_multibyte += valid
        utf8_lines += valid > 0
        if invalid:
            bad.append(number)
    # A code-page file almost never forms valid UTF-8 sequences, let alone on several lines.
    if not bad or valid_multibyte == 0:
        return None
    if valid_multibyte * 4 < invalid_bytes and utf8_lines < max(2, len(bad) // 20):
        return None
    legacy = _legacy_encoding(b"\n".join(lines[n - 1] for n in bad))

    def from_legacy(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        chunk = exc.object[exc.start : exc.end]
        return chunk.decode(legacy, errors="replace"), exc.end

    handler = f"qualcode-mixed-{legacy}"
    try:
        codecs.lookup_error(handler)
    except LookupError:
        codecs.register_error(handler, from_legacy)
    text = data.decode("utf-8", errors=handler)
    listed = ", ".join(str(n) for n in bad[:_LISTED_LINES]) + (
        ", …" if len(bad) > _LISTED_LINES else ""
    )
    warning = (
        f"{len(bad)} line(s) held characters that are not UTF-8 and were read as {legacy} "
        f"(the rest of the file is UTF-8): line(s) {listed}. Check those lines."
    )
    return text, f"utf-8+{legacy}", [warning]


def _as_latin_cp1252(data: bytes) -> str | None:
    """``data`` as Windows-1252 if that reads as Latin-script text (else None).

    Statistical detectors guess odd code pages (hp_roman8, cp1250) for short
    Indonesian or European files; Windows-1252 is what those machines write.
    Used only when the detector's own reading is Latin script too.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if _latin_only(text) else None


def _latin_only(text: str) -> bool:
    """Whether every non-ASCII letter of ``text`` is a Latin-script letter."""
    letters = [ch for ch in set(text) if ord(ch) > 127 and ch.isalpha()]
    return all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def _invalid_byte_count(line: bytes) -> int:
    """How many bytes of ``line`` are not part of a valid UTF-8 sequence."""
    return len(line) - len(line.decode("utf-8", errors="ignore").encode("utf-8"))


def _legacy_encoding(bad_lines: bytes) -> str:
    """The single-byte code page of the non-UTF-8 lines (Windows-1252 unless clearly other)."""
    high = sum(1 for b in bad_lines if b > 127)
    if high < 16:  # too little to tell: the code page of Indonesian Windows
        return _LEGACY_DEFAULT
    from charset_normalizer import from_bytes

    best = from_bytes(bad_lines).best()
    if best is None or _LEGACY_DEFAULT in best.could_be_from_charset:
        return _LEGACY_DEFAULT
    return best.encoding if _single_byte(best.encoding) else _LEGACY_DEFAULT


def _single_byte(encoding: str) -> bool:
    """Whether every byte is one character in ``encoding`` (no multi-byte sequences)."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    except LookupError:
        return False
    return all(len(decoder.decode(bytes([b]))) == 1 for b in range(0x80, 0x100))


def extract_plain(data: bytes, name: str, fmt: str = "txt") -> Extraction:
    """Text and Markdown files: decode and normalise.

    The text is kept as written (Markdown markup included); for Markdown the
    ATX heading lines (``# Title``) are recorded as heading blocks and the first
    one is the title.
    """
    raw, encoding, warnings = decode_text(data, name)
    return plain_from_text(raw, fmt, encoding, warnings)


def plain_from_text(raw: str, fmt: str, encoding: str, warnings: list[str]) -> Extraction:
    """The extraction of decoded text (what :func:`extract_plain` does after decoding)."""
    text = normalize_text(raw)
    del raw  # the caller's reference is the only other one: normalising holds two copies at most
    blocks: list[Block] = []
    if fmt == "md":
        for match in _MD_HEADING.finditer(text):
            level = len(match.group(1))
            blocks.append(Block("heading", match.start(2), match.end(2), level=level))
    title = text[blocks[0].start : blocks[0].end] if blocks else None
    return Extraction(text=text, blocks=blocks, title=title, encoding=encoding, warnings=warnings)
