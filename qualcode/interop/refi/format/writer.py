"""Write the intermediate model as a REFI-QDA project (``.qdpx``), validated first.

Layout follows the spec: ``project.qde`` (namespace exactly ``urn:QDA-XML:project:1.0``,
elements in ``xsd:sequence`` order, no empty containers) and ``sources/<guid>.txt``
(UTF-8, LF line breaks, no BOM) plus any original file. Selections are written in
Unicode code points (§10.2, ``positions="spec"``) or, for NVivo and the readers that
follow it, in UTF-16 code units (``positions="nvivo"``: an emoji counts 2). Our
``origin`` states which, so importers that read ``origin`` know the convention.
An invalid document is never written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from qualcode import __version__
from qualcode.errors import ExportFailedError
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.model import (
    EXTENSION_FOLDER,
    Code,
    Project,
    ReportMessage,
    Severity,
    TextSource,
    report,
)
from qualcode.interop.refi.format.stream import (
    ModelParts,
    ProjectParts,
    ProjectStreamWriter,
    clean_xml_text,
    stored_text,
    unexportable,
    written_as_pdf,
)
from qualcode.interop.refi.format.xmlutil import format_datetime

if TYPE_CHECKING:
    from lxml import etree

ORIGIN = (
    f"QualCode {__version__} (REFI-QDA 1.5; text selections in Unicode code points over "
    "UTF-8 text with LF line breaks and no BOM)"
)
ORIGIN_UTF16 = (
    f"QualCode {__version__} (REFI-QDA 1.5; text selections in UTF-16 code units, as NVivo "
    "counts them, over UTF-8 text with LF line breaks and no BOM)"
)
#: ``positions`` values: the standard's code points, or NVivo's UTF-16 code units.
POSITIONS = ("spec", "nvivo")
MAX_INTERNAL_FILE = 2**31 - 1  # spec §8.5
_EXT_RE = re.compile(r"^[a-z0-9]{1,8}$")


class XmlBuilder:
    """Appends namespaced elements and counts characters removed for XML's sake."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace
        self.cleaned = 0

    def text(self, value: str) -> str:
        cleaned, changed = clean_xml_text(value)
        self.cleaned += changed
        return cleaned

    def element(
        self, parent: etree._Element | None, tag: str, attrs: dict[str, object] | None = None
    ) -> etree._Element:
        from lxml import etree

        clean: dict[str, str] = {}
        for key, value in (attrs or {}).items():
            if value is None:
                continue
            if isinstance(value, bool):
                clean[key] = "true" if value else "false"
            elif isinstance(value, dt.datetime):
                clean[key] = format_datetime(value)
            else:
                clean[key] = self.text(str(value))
        qname = f"{{{self.ns}}}{tag}"
        if parent is None:
            return etree.Element(qname, clean, nsmap={None: self.ns})
        return etree.SubElement(parent, qname, clean)

    def text_element(self, parent: etree._Element, tag: str, value: str) -> None:
        """``<tag>value</tag>``, skipped when ``value`` is empty (optional elements)."""
        if value:
            self.element(parent, tag).text = self.text(value)

    def code(self, parent: etree._Element, code: Code, *, with_notes: bool) -> None:
        """A ``Code`` element and its children (Description, NoteRef*, Code*)."""
        element = self.element(
            parent,
            "Code",
            {
                "guid": code.guid,
                "name": code.name,
                "isCodable": code.is_codable,
                "color": code.color,
            },
        )
        self.text_element(element, "Description", code.description)
        if with_notes:
            self.refs(element, "NoteRef", code.note_guids)
        for sub in code.children:
            self.code(element, sub, with_notes=with_notes)

    def refs(self, parent: etree._Element, tag: str, guids: tuple[str, ...]) -> None:
        for guid in guids:
            self.element(parent, tag, {"targetGUID": guid})


def _extension(filename: str) -> str:
    ext = PurePosixPath(filename).suffix.lower().lstrip(".")
    return ext if _EXT_RE.match(ext) else "bin"


def _rich_path(source: TextSource) -> str | None:
    """``internal://`` path of a text source's original file (none for plain text)."""
    original = source.original
    if original is None or written_as_pdf(source):
        return None
    ext = _extension(original.filename)
    return None if ext == "txt" else f"internal://{source.guid}.{ext}"


def source_files(source: TextSource) -> Iterator[tuple[str, bytes]]:
    """The archive members of one source: its text and, when kept, its original file."""
    text, _mapper = stored_text(source)
    yield f"sources/{source.guid}.txt", _sized(source.guid + ".txt", text.encode("utf-8"))
    original = source.original
    if original is None:
        return
    if written_as_pdf(source):
        yield f"sources/{source.guid}.pdf", _sized(source.guid + ".pdf", original.data)
        return
    ext = _extension(original.filename)
    if ext != "txt":
        yield f"sources/{source.guid}.{ext}", _sized(f"{source.guid}.{ext}", original.data)


def _sized(name: str, data: bytes) -> bytes:
    if len(data) > MAX_INTERNAL_FILE:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP(
                "errors", "{file} is larger than the 2 GB REFI-QDA allows for one source file."
            ),
            file=name,
        )
    return data


def _stream_writer(parts: ProjectParts, positions: str) -> ProjectStreamWriter:
    if positions not in POSITIONS:
        raise ValueError(f"positions must be one of {POSITIONS}, not {positions!r}")
    utf16 = positions == "nvivo"
    return ProjectStreamWriter(
        parts, ORIGIN_UTF16 if utf16 else ORIGIN, utf16=utf16, rich_path=_rich_path
    )


def _messages(writer: ProjectStreamWriter) -> tuple[ReportMessage, ...]:
    texts = {
        "pdf-as-text": QT_TRANSLATE_NOOP(
            "refi", "{count} PDF source(s) without their PDF file were written as text sources."
        ),
        "selection-range": QT_TRANSLATE_NOOP(
            "refi", "{count} selection(s) outside their text were cut to the text."
        ),
    }
    out = [
        report(kind, texts[kind], Severity.WARNING, count=count)
        for kind, count in writer.adjusted.items()
    ]
    if writer.cleaned:
        out.append(
            report(
                "xml-characters",
                QT_TRANSLATE_NOOP(
                    "refi",
                    "{count} name(s) or text(s) held control characters XML cannot store; "
                    "they were removed.",
                ),
                Severity.WARNING,
                count=writer.cleaned,
            )
        )
    return tuple(out)


def _model_parts(project: Project) -> ModelParts:
    parts = ModelParts(project)
    problems = parts.orphans()
    if problems:
        raise unexportable(problems)
    return parts


def project_to_xml(
    project: Project, *, positions: str = "spec"
) -> tuple[bytes, dict[str, bytes], tuple[ReportMessage, ...]]:
    """(validated ``project.qde`` bytes, internal files by zip path, report messages).

    ``positions``: ``"spec"`` (code points, REFI-QDA §10.2) or ``"nvivo"`` (UTF-16 units).

    Raises ``ExportFailedError`` when the project is inconsistent or the XML would
    not validate against the REFI-QDA schema.
    """
    parts = _model_parts(project)
    writer = _stream_writer(parts, positions)
    out = io.BytesIO()
    writer.write(out)
    files = {
        name: data
        for source, _ in parts.sources(selections=False)
        for name, data in source_files(source)
    }
    return out.getvalue(), files, _messages(writer)


def write_project(
    project: Project, path: str | Path, *, positions: str = "spec"
) -> tuple[ReportMessage, ...]:
    """Write ``project`` as a ``.qdpx`` at ``path`` (atomically); returns the report."""
    return write_parts(_model_parts(project), path, positions=positions)[0]


def write_parts(
    parts: ProjectParts,
    path: str | Path,
    *,
    positions: str = "spec",
) -> tuple[tuple[ReportMessage, ...], dict[str, int]]:
    """Write a project given as :class:`ProjectParts` as a ``.qdpx`` at ``path``, streamed.

    ``project.qde`` goes straight into its zip entry while the sources are read, then
    the source files follow one by one; nothing reaches ``path`` unless all of it
    was written. Returns the report messages and the counts of streamed objects
    (sources, selections, codings, notes).
    """
    writer = _stream_writer(parts, positions)
    with atomic_output(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("project.qde", "w", force_zip64=True) as entry:
            writer.write(entry)
        for name, data in sorted(parts.head.extensions.items()):
            if name.startswith(EXTENSION_FOLDER) and ".." not in name.split("/"):
                zf.writestr(name, data)
        for source, _ in parts.sources(selections=False):
            for name, data in source_files(source):
                stored = name.endswith((".pdf", ".docx", ".jpg", ".png"))
                zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if stored else None)
    return _messages(writer), dict(writer.counts)
