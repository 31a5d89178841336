"""REFI-QDA interoperability: read and write ``.qdpx`` projects and ``.qdc`` codebooks.

A pure layer over files: it turns REFI-QDA into the plain dataclasses of
:mod:`qualcode.interop.refi.format.model` and back, with no database. Position units,
unsafe archives and other producers' quirks are handled here; what could not be
imported or exported is listed in the ``messages`` of the result (spec §7).
"""

from __future__ import annotations

from qualcode.interop.refi.format.archive import DEFAULT_LIMITS, ArchiveLimits
from qualcode.interop.refi.format.codebook import (
    codebook_from_xml,
    codebook_of,
    codebook_to_xml,
    read_codebook,
    write_codebook,
)
from qualcode.interop.refi.format.guids import new_guid, stable_guid
from qualcode.interop.refi.format.reader import read_project
from qualcode.interop.refi.format.schema import schema_problems
from qualcode.interop.refi.format.writer import ORIGIN, project_to_xml, write_project

__all__ = [
    "DEFAULT_LIMITS",
    "ORIGIN",
    "ArchiveLimits",
    "codebook_from_xml",
    "codebook_of",
    "codebook_to_xml",
    "new_guid",
    "project_to_xml",
    "read_codebook",
    "read_project",
    "schema_problems",
    "stable_guid",
    "write_codebook",
    "write_project",
]
