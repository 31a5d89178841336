"""The text a reader (or a metadata viewer) can get out of a binary part: pictures, PDF.

The leak check must not read compressed pixels as words (a two-letter register entry
such as initials turns up in any PNG by chance), yet it must see the text these files
really carry: PNG text chunks, JPEG comments/EXIF/XMP, and a PDF's uncompressed
objects (its document information). Drawn text is checked before drawing
(:mod:`qualcode.figures.pseudonymise`).
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator

_PNG = b"\x89PNG\r\n\x1a\n"
_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)


def readable_texts(data: bytes) -> Iterator[str]:
    """The texts stored in ``data``: metadata of pictures and PDFs, else the bytes as text."""
    if data.startswith(_PNG):
        yield from _png_texts(data)
    elif data.startswith(b"\xff\xd8"):
        yield from _jpeg_texts(data)
    elif data.startswith(b"%PDF"):
        yield _STREAM.sub(b" ", data).decode("latin-1")
    elif data[:6] in (b"GIF87a", b"GIF89a"):
        return  # no text a reader sees (comment extensions are not written by our exports)
    else:
        yield data.decode("utf-8", errors="ignore")
        yield data.decode("utf-16-le", errors="ignore")


def _png_texts(data: bytes) -> Iterator[str]:
    pos = len(_PNG)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"tEXt":
            yield body.decode("latin-1").replace("\x00", " ")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\x00")
            yield key.decode("latin-1") + " " + _inflate(rest[1:]).decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\x00")
            compressed = rest[:1] == b"\x01"
            parts = rest[2:].split(b"\x00", 2)  # language, translated keyword, text
            text = parts[-1] if len(parts) == 3 else b""
            text = _inflate(text) if compressed else text
            yield " ".join(p.decode("utf-8", errors="ignore") for p in (key, *parts[:-1], text))
        elif kind == b"IEND":
            return


def _jpeg_texts(data: bytes) -> Iterator[str]:
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: pixels follow
            return
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        body = data[pos + 4 : pos + 2 + length]
        if marker == 0xFE or 0xE0 <= marker <= 0xEF:  # comment, EXIF, XMP, IPTC...
            yield body.decode("utf-8", errors="ignore")
        pos += 2 + length


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:
        return b""
