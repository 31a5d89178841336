"""Parse untrusted REFI-QDA XML without entity expansion, external entities or network.

Real REFI files never carry a DOCTYPE, so any document type declaration is refused
before libxml2 sees it (billion laughs, XXE); the parser itself is configured not
to resolve entities, not to load DTDs, not to touch the network and to keep its
default size limits (``huge_tree=False``: a text node or attribute over 10 MB fails).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qualcode.errors import ImportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from lxml import etree

_DOCTYPE_RE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_ROOT_START_RE = re.compile(rb"<[A-Za-z_]")


def _prolog(data: bytes) -> bytes:
    """The bytes before the root element, as UTF-8-compatible bytes."""
    head = data[: 1 << 20]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    match = _ROOT_START_RE.search(head)
    return head[: match.start()] if match else head


def parse_xml(data: bytes, file: str) -> etree._Element:
    """Parse ``data`` (the file called ``file``) and return its root element.

    Raises ``ImportFailedError`` for a DOCTYPE/entity declaration, malformed XML or
    a size limit of the parser.
    """
    from lxml import etree

    if _DOCTYPE_RE.search(_prolog(data)):
        raise ImportFailedError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: the XML declares a document type or entities, which REFI-QDA files "
                "never do; it was refused for safety.",
            ),
            file=file,
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: not a well-formed XML file ({reason})."),
            file=file,
            reason=str(exc),
        ) from exc
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: not a well-formed XML file ({reason})."),
            file=file,
            reason=str(exc),
        ) from exc
    if root is None:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP("errors", "{file}: not a well-formed XML file ({reason})."),
            file=file,
            reason="empty document",
        )
    if root.getroottree().docinfo.internalDTD is not None:
        raise ImportFailedError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: the XML declares a document type or entities, which REFI-QDA files "
                "never do; it was refused for safety.",
            ),
            file=file,
        )
    return root


def local_name(element: etree._Element) -> str:
    """Tag without namespace (``urn:QDA-XML:project:1.0``, ``…:0:4``, ``…:1:0`` all match)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
