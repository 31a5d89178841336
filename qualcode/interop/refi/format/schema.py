"""Validate generated XML against the official REFI-QDA schemas bundled with the package.

The schemas (MIT licence, REFI, headers kept) live in ``schemas/`` so the app can
validate without network or the shared folder.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

_SCHEMA_FILES = {"project": "Project-mrt2019.xsd", "codebook": "Codebook-mrt2019.xsd"}


@functools.cache
def _schema(kind: Literal["project", "codebook"]) -> etree.XMLSchema:
    from lxml import etree

    data = (
        files("qualcode.interop.refi.format").joinpath("schemas", _SCHEMA_FILES[kind]).read_bytes()
    )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.fromstring(data, parser))


def schema_problems(
    document: etree._Element | bytes, kind: Literal["project", "codebook"], limit: int = 10
) -> list[str]:
    """The first ``limit`` schema violations of ``document`` (empty list: valid)."""
    from lxml import etree

    if isinstance(document, bytes):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        document = etree.fromstring(document, parser)
    schema = _schema(kind)
    if schema.validate(document):
        return []
    return [f"{e.path or e.line}: {e.message}" for e in list(schema.error_log)[:limit]]
