"""Open zip files from other computers safely: one home for the zip-bomb guards.

A ``.qdpx``, ``.docx`` or ``.odt`` is a zip archive and untrusted: entry names
that would escape a folder, entry counts, declared sizes and expansion ratios
are bounded before anything is decompressed (zipfile stops reading at the
declared size and checks the CRC, so the declared sizes hold). REFI-QDA import
and the office-document extractors share these checks with their own limits.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from qualcode.errors import ImportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP

_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def _fail(template: str, **params: object) -> ImportFailedError:
    return ImportFailedError(template, **params)


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Bounds applied to an archive before reading it (defaults fit real projects)."""

    max_entries: int = 20_000
    max_total_bytes: int = 8 * 2**30  # uncompressed, whole archive
    max_entry_bytes: int = 2**31 - 1  # spec §8.5: internal files are below 2 GB
    max_ratio: float = 200.0  # uncompressed/compressed, checked above ratio_floor_bytes
    ratio_floor_bytes: int = 1 << 20
    max_xml_bytes: int = 1 << 30


def unsafe_name(name: str) -> bool:
    """True for entry names that point outside the archive's folder."""
    norm = name.replace("\\", "/")
    if "\x00" in norm or norm.startswith("/") or _DRIVE_RE.match(norm):
        return True
    return any(part == ".." for part in norm.split("/"))


def check_archive(zf: zipfile.ZipFile, limits: ArchiveLimits, display: str) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise _fail(
            QT_TRANSLATE_NOOP("errors", "{file}: too many entries in the archive ({count})."),
            file=display,
            count=len(infos),
        )
    total = 0
    for info in infos:
        if unsafe_name(info.filename):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "errors", "{file}: the archive holds an unsafe path ({entry}); refused."
                ),
                file=display,
                entry=info.filename,
            )
        size = info.file_size
        total += size
        if size > limits.max_entry_bytes:
            raise _fail(
                QT_TRANSLATE_NOOP("errors", "{file}: {entry} is too large ({size} bytes)."),
                file=display,
                entry=info.filename,
                size=size,
            )
        if size > limits.ratio_floor_bytes and (
            info.compress_size <= 0 or size / info.compress_size > limits.max_ratio
        ):
            raise _fail(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file}: {entry} expands suspiciously ({size} bytes from {packed}); "
                    "refused as a possible zip bomb.",
                ),
                file=display,
                entry=info.filename,
                size=size,
                packed=info.compress_size,
            )
    if total > limits.max_total_bytes:
        raise _fail(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: the archive would expand to {size} bytes, more than allowed; refused.",
            ),
            file=display,
            size=total,
        )
