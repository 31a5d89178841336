"""Plain text (.txt, .md) and the encoding detection other text formats reuse."""

from __future__ import annotations

import codecs
import re

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
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise _binary(name)
    if "cp1252" in best.could_be_from_charset:
        try:
            return data.decode("cp1252"), "cp1252", []
        except UnicodeDecodeError:
            pass
    warning = f"Encoding guessed as {best.encoding}; check accented characters."
    return str(best), best.encoding, [warning]


def extract_plain(data: bytes, name: str, fmt: str = "txt") -> Extraction:
    """Text and Markdown files: decode and normalise.

    The text is kept as written (Markdown markup included); for Markdown the
    ATX heading lines (``# Title``) are recorded as heading blocks and the first
    one is the title.
    """
    raw, encoding, warnings = decode_text(data, name)
    text = normalize_text(raw)
    blocks: list[Block] = []
    if fmt == "md":
        for match in _MD_HEADING.finditer(text):
            level = len(match.group(1))
            blocks.append(Block("heading", match.start(2), match.end(2), level=level))
    title = text[blocks[0].start : blocks[0].end] if blocks else None
    return Extraction(text=text, blocks=blocks, title=title, encoding=encoding, warnings=warnings)
