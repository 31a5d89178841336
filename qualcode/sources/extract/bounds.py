"""Bounds on what an office document may expand to, checked before it is parsed.

A .docx or .odt is a zip of XML: a 1 MB file can hold a gigabyte of zeros or of
valid XML. Before python-docx or odfpy build a tree, the archive passes the
shared zip guards (:mod:`qualcode.safezip`) and the body XML is streamed once
(``iterparse``, each element dropped once read, so memory stays flat) counting
its text: the import stops as soon as the text passes the limit, without
decompressing the rest.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from typing import Any

from qualcode.errors import ImportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.safezip import ArchiveLimits, check_archive
from qualcode.sources.extract.model import fail

DEFAULT_MAX_TEXT = 50 * 1024 * 1024
"""Characters of text one office document may hold (about 50 MB; a thesis is ~1 MB)."""

OFFICE_LIMITS = ArchiveLimits(
    max_entries=10_000,
    max_total_bytes=2 * 2**30,
    max_entry_bytes=1 * 2**30,
    max_ratio=100.0,  # real Word XML packs 5-20x; zeros or repeated XML pack 400-1000x
    ratio_floor_bytes=1 << 20,
)

TextCounter = Callable[[Any], int]


def check_office_archive(
    data: bytes,
    name: str,
    part: str,
    count: TextCounter,
    *,
    max_text: int = DEFAULT_MAX_TEXT,
    limits: ArchiveLimits = OFFICE_LIMITS,
) -> None:
    """Refuse ``data`` if its zip is unsafe or its ``part`` holds more than ``max_text``
    characters (``count(element)`` says how many each finished element adds)."""
    import io

    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return  # the extractor reports a damaged file in its own words
    with zf:
        check_archive(zf, limits, name)
        try:
            info = zf.getinfo(part)
        except KeyError:
            return
        total = 0
        try:
            with zf.open(info) as handle:
                parser = etree.iterparse(
                    handle, events=("end",), resolve_entities=False, no_network=True
                )
                for _event, element in parser:
                    total += count(element)
                    if total > max_text:
                        raise _too_much_text(name, max_text)
                    element.clear(keep_tail=True)
                    while element.getprevious() is not None:
                        del element.getparent()[0]
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError):
            return  # damaged XML: the extractor's parser reports it


def _too_much_text(name: str, limit: int) -> ImportFailedError:
    return fail(
        name,
        QT_TRANSLATE_NOOP(
            "errors",
            "Cannot import {file}: it holds more than {limit} MB of text, the limit for one "
            "source. Split the document into parts and import those.",
        ),
        limit=round(limit / 1048576),
    )
