"""Parse untrusted REFI-QDA XML without entity expansion, external entities or network.

Real REFI files never carry a DOCTYPE, so any document type declaration is refused
before libxml2 sees it (billion laughs, XXE); the parser itself is configured not
to resolve entities, not to load DTDs, not to touch the network and to keep its
default size limits (``huge_tree=False``: a text node or attribute over 10 MB fails).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

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


def iter_xml(
    stream: Any, file: str, tags: tuple[str, ...]
) -> Iterator[tuple[etree._Element, etree._Element]]:
    """Parse ``stream`` piece by piece: (root, element) at the end of each of ``tags``.

    The same protections as :func:`parse_xml`; the caller clears what it has read.
    ``tags`` use lxml's ``{*}Name`` wildcards. The root comes with every element, and
    once more as ``(root, root)`` at the end of the document.
    """
    from lxml import etree

    head = stream.read(1 << 20)
    if _DOCTYPE_RE.search(_prolog(head)):
        raise _refused(file)
    replay = _Replay(head, stream)
    events = etree.iterparse(
        replay,
        events=("end",),
        tag=tags,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = None
        for _event, element in events:
            if root is None:
                root = element
                while (up := root.getparent()) is not None:
                    root = up
            yield root, element
        root = events.root
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _malformed(file, str(exc)) from exc
    if root is None:
        raise _malformed(file, "empty document")
    if root.getroottree().docinfo.internalDTD is not None:
        raise _refused(file)
    yield root, root


class _Replay:
    """A stream that first gives back the bytes already read from it."""

    def __init__(self, head: bytes, rest: Any) -> None:
        self._head, self._rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if self._head:
            head, self._head = self._head, b""
            return head
        data: bytes = self._rest.read(size)
        return data


def _refused(file: str) -> ImportFailedError:
    return ImportFailedError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{file}: the XML declares a document type or entities, which REFI-QDA files "
            "never do; it was refused for safety.",
        ),
        file=file,
    )


def _malformed(file: str, reason: str) -> ImportFailedError:
    return ImportFailedError(
        QT_TRANSLATE_NOOP("errors", "{file}: not a well-formed XML file ({reason})."),
        file=file,
        reason=reason,
    )


def local_name(element: etree._Element) -> str:
    """Tag without namespace (``urn:QDA-XML:project:1.0``, ``…:0:4``, ``…:1:0`` all match)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
