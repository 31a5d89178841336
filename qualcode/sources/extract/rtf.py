"""Rich Text Format (.rtf) via striprtf; the code page comes from ``\\ansicpg``."""

from __future__ import annotations

import re

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.model import Extraction, fail
from qualcode.text.normalize import normalize_text

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_TITLE = re.compile(r"\{\\info[^{}]*\{\\title ([^{}]*)\}")
_AUTHOR = re.compile(r"\{\\info.*?\{\\author ([^{}]*)\}", re.DOTALL)


def extract_rtf(data: bytes, name: str) -> Extraction:
    """Extract an .rtf file; a file that does not start with ``{\\rtf`` is refused."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise fail(name, QT_TRANSLATE_NOOP("errors", "Cannot import {file}: not an RTF document."))
    match = _CODEPAGE.search(data[:2048])
    encoding = f"cp{int(match.group(1))}" if match else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    # RTF itself is 7-bit; latin-1 maps any stray 8-bit byte one to one.
    source = data.decode("latin-1")
    try:
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf raises plain errors on malformed groups
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors", "Cannot import {file}: the RTF file is damaged ({reason})."
            ),
            reason=exc,
        ) from exc
    metadata: dict[str, str] = {}
    title_match = _TITLE.search(source)
    author_match = _AUTHOR.search(source)
    if title_match:
        metadata["title"] = title_match.group(1).strip()
    if author_match:
        metadata["author"] = author_match.group(1).strip()
    warnings = ["Some characters could not be decoded."] if "\ufffd" in text else []
    return Extraction(
        text=normalize_text(text),
        title=metadata.get("title"),
        metadata=metadata,
        warnings=warnings,
        encoding=encoding,
    )
