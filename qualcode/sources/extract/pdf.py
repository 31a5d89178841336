"""PDF via pypdf's text layer, one block per page; scanned PDFs are refused clearly."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.extract.model import Extraction, TextBuilder, fail

_META = {"/Title": "title", "/Author": "author", "/Subject": "subject",
         "/Keywords": "keywords", "/Creator": "creator", "/Producer": "producer",
         "/CreationDate": "created", "/ModDate": "modified"}  # fmt: skip


def extract_pdf(data: bytes, name: str) -> Extraction:
    """Extract the text layer page by page; pages are separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise fail(name, QT_TRANSLATE_NOOP("errors", "Cannot import {file}: not a PDF file."))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise fail(
                name,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Cannot import {file}: the PDF is password-protected; "
                    "remove the password first.",
                ),
            )
        pages = list(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise fail(
            name,
            QT_TRANSLATE_NOOP("errors", "Cannot import {file}: the PDF is damaged ({reason})."),
            reason=exc,
        ) from exc
    builder = TextBuilder()
    empty: list[int] = []
    for number, page in enumerate(pages):
        try:
            page_text = page.extract_text() or ""
        except Exception as exc:  # pypdf raises many types on broken content streams
            raise fail(
                name,
                QT_TRANSLATE_NOOP(
                    "errors", "Cannot import {file}: the PDF is damaged on page {page} ({reason})."
                ),
                page=number + 1,
                reason=exc,
            ) from exc
        if not page_text.strip():
            empty.append(number + 1)
            continue
        if builder.blocks:
            builder.add("", None)
        builder.add(page_text.strip("\n"), "page", page=number)
    text, blocks = builder.finish()
    if not text:
        raise fail(
            name,
            QT_TRANSLATE_NOOP(
                "errors",
                "Cannot import {file}: the PDF has no text layer (it is probably a scanned image). "
                "Run OCR on it first, or import the transcript as a Word or text file.",
            ),
        )
    metadata: dict[str, str] = {}
    try:
        info: Mapping[str, Any] = reader.metadata or {}
        for key, field in _META.items():
            value = info.get(key)
            if value:
                metadata[field] = str(value).strip()
    except Exception:  # damaged info dictionaries must not block the text import
        pass
    metadata["pages"] = str(len(pages))
    warnings = []
    if empty:
        listed = ", ".join(map(str, empty[:20])) + ("…" if len(empty) > 20 else "")
        warnings.append(f"Page(s) {listed} have no text layer (scanned?) and were skipped.")
    return Extraction(
        text=text, blocks=blocks, title=metadata.get("title"), metadata=metadata, warnings=warnings
    )
