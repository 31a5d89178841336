"""Turn an imported file into normalised plain text plus its original bytes.

This layer touches no database: :func:`extract_file` / :func:`extract_bytes`
return an :class:`ExtractedSource` that the store saves as a source. Each
format lives in its own module and is imported only when needed. Bad input
(damaged, foreign, empty or too large files) raises ``ImportFailedError``
naming the file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.bounds import DEFAULT_MAX_TEXT
from qualcode.sources.extract.model import (
    DEFAULT_MAX_BYTES,
    Block,
    BlockKind,
    ExtractedSource,
    Extraction,
    fail,
)
from qualcode.sources.extract.original import REREAD_FROM, OriginalFile

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TEXT",
    "SUPPORTED_EXTENSIONS",
    "Block",
    "BlockKind",
    "ExtractedSource",
    "extract_bytes",
    "extract_file",
    "format_for",
]

#: File extension (lower case, with dot) -> format name.
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".docx": "docx", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".odt": "odt", ".rtf": "rtf", ".pdf": "pdf", ".srt": "srt", ".vtt": "vtt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}  # fmt: skip


def format_for(filename: str) -> str | None:
    """The format name for a file name, or None when the extension is not supported."""
    return SUPPORTED_EXTENSIONS.get(Path(filename).suffix.lower())


def _too_large(name: str, size: int, limit: int) -> Exception:
    return fail(
        name,
        QT_TRANSLATE_NOOP(
            "errors", "Cannot import {file}: the file is {size} MB; the limit is {limit} MB."
        ),
        size=round(size / 1048576, 1),
        limit=round(limit / 1048576, 1),
    )


def extract_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text: int = DEFAULT_MAX_TEXT,
) -> ExtractedSource:
    """Read and extract one file; its size is checked before anything is read.

    ``max_text`` bounds the characters a compressed document (.docx, .odt) may
    expand to, checked while its XML is streamed.
    """
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(name, size, max_bytes)
        if size >= REREAD_FROM and format_for(name) in ("txt", "md"):
            return _extract_large_plain(path, size)
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(name, exc) from exc
    return extract_bytes(data, name, max_bytes=max_bytes, max_text=max_text)


def _unreadable(name: str, exc: OSError) -> Exception:
    return fail(
        name,
        QT_TRANSLATE_NOOP("errors", "Cannot import {file}: the file cannot be read ({reason})."),
        reason=exc,
    )


def _extract_large_plain(path: Path, size: int) -> ExtractedSource:
    """A large .txt/.md file, never holding its bytes beside its text for long.

    The bytes are dropped once decoded; the original is read from the file
    again when the source is stored (:class:`OriginalFile`). Peak memory is
    about twice the text (while it is normalised) instead of four times.
    """
    from qualcode.sources.extract.plain import decode_text, plain_from_text

    name = path.name
    data = path.read_bytes()
    _check_not_empty(data, name)
    sha256 = hashlib.sha256(data).hexdigest()
    raw, encoding, warnings = decode_text(data, name)
    del data
    fmt = format_for(name) or "txt"
    result = plain_from_text(raw, fmt, encoding, warnings)
    return _finish(result, fmt, name, OriginalFile(path, size, sha256), sha256)


def _check_not_empty(data: bytes, name: str) -> None:
    if not data or data.isspace():
        raise fail(name, QT_TRANSLATE_NOOP("errors", "Cannot import {file}: the file is empty."))


def extract_bytes(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_text: int = DEFAULT_MAX_TEXT,
) -> ExtractedSource:
    """Extract text from the bytes of a file called ``filename`` (format by extension)."""
    name = Path(filename).name
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    suffix = Path(name).suffix.lower()
    fmt = SUPPORTED_EXTENSIONS.get(suffix)
    if fmt is None:
        if suffix == ".doc":
            raise fail(
                name,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Cannot import {file}: old Word 97–2003 files cannot be read; "
                    "save it as .docx first.",
                ),
            )
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: files of type '{suffix}' are not supported."
            ),
            suffix=suffix or name,
        )
    _check_not_empty(data, name)
    result = _run(fmt, data, name, max_text)
    return _finish(result, fmt, name, data, hashlib.sha256(data).hexdigest())


def _finish(
    result: Extraction, fmt: str, name: str, original: bytes | OriginalFile, sha256: str
) -> ExtractedSource:
    """The extracted source of a format's result: header fields, language, file facts."""
    if not result.text or result.text.isspace():
        raise fail(
            name, QT_TRANSLATE_NOOP("errors", "Cannot import {file}: the file contains no text.")
        )
    metadata = dict(result.metadata)
    _add_header_fields(result.text, metadata)
    from qualcode.text.language import detect_language

    language = detect_language(result.text)

    return ExtractedSource(
        text=result.text,
        format=fmt,
        original_bytes=original,
        original_name=name,
        sha256=sha256,
        title=(result.title or "").strip() or None,
        metadata=metadata,
        warnings=list(result.warnings),
        encoding=result.encoding,
        language=None if language == "und" else language,
        blocks=list(result.blocks),
    )


def _run(fmt: str, data: bytes, name: str, max_text: int) -> Extraction:
    if fmt == "docx":
        from qualcode.sources.extract.docx import extract_docx

        return extract_docx(data, name, max_text=max_text)
    if fmt in ("txt", "md"):
        from qualcode.sources.extract.plain import extract_plain

        return extract_plain(data, name, fmt)
    if fmt == "odt":
        from qualcode.sources.extract.odt import extract_odt

        return extract_odt(data, name, max_text=max_text)
    if fmt == "rtf":
        from qualcode.sources.extract.rtf import extract_rtf

        return extract_rtf(data, name)
    if fmt == "pdf":
        from qualcode.sources.extract.pdf import extract_pdf

        return extract_pdf(data, name)
    if fmt in ("srt", "vtt"):
        from qualcode.sources.extract.subtitles import extract_subtitles

        return extract_subtitles(data, name, fmt)
    from qualcode.sources.extract.html import extract_html

    return extract_html(data, name)


def _add_header_fields(text: str, metadata: dict[str, str]) -> None:
    """Copy a transcript header's fields into ``metadata`` as ``header.<field>``."""
    from qualcode.sources.header import parse_header

    header = parse_header(text)
    if header is None:
        return
    for key, value in header.fields.items():
        metadata[f"header.{key}"] = value
    if header.date is not None:
        metadata["header.date"] = header.date.isoformat()
