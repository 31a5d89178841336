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
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from qualcode import __version__
from qualcode.errors import ExportFailedError
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.guids import stable_guid
from qualcode.interop.refi.format.model import (
    EXTENSION_FOLDER,
    Case,
    Code,
    Coding,
    Project,
    ReportMessage,
    Severity,
    SourceKind,
    TextSelection,
    TextSource,
    VariableType,
    VariableValue,
    report,
)
from qualcode.interop.refi.format.positions import StoredText
from qualcode.interop.refi.format.schema import PROJECT_NS, schema_problems
from qualcode.interop.refi.format.xmlutil import (
    VALUE_ELEMENT_OF,
    format_datetime,
    format_value,
    value_kind,
)
from qualcode.text.offsets import OffsetMap

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
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXT_RE = re.compile(r"^[a-z0-9]{1,8}$")


def clean_xml_text(value: str) -> tuple[str, bool]:
    """``value`` without characters XML 1.0 cannot carry (second item: something removed)."""
    cleaned = _XML_BAD.sub("", value)
    return cleaned, cleaned != value


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


class _ProjectWriter:
    def __init__(self, project: Project, positions: str = "spec") -> None:
        if positions not in POSITIONS:
            raise ValueError(f"positions must be one of {POSITIONS}, not {positions!r}")
        self.utf16 = positions == "nvivo"
        self.project = project
        self.x = XmlBuilder(PROJECT_NS)
        self.files: dict[str, bytes] = {}
        self.messages: list[ReportMessage] = []
        self.adjusted: Counter[str] = Counter()
        self.variable_types = {v.guid: v.type for v in project.variables}

    def build(self) -> etree._Element:
        p, x = self.project, self.x
        root = x.element(
            None,
            "Project",
            {
                "name": p.name,
                "origin": ORIGIN_UTF16 if self.utf16 else ORIGIN,
                "creatingUserGUID": p.creating_user,
                "creationDateTime": p.created,
                "modifyingUserGUID": p.modifying_user,
                "modifiedDateTime": p.modified,
            },
        )
        if p.users:
            users = x.element(root, "Users")
            for user in p.users:
                x.element(
                    users,
                    "User",
                    {"guid": user.guid, "name": user.name, "id": user.user_id or None},
                )
        if p.codes:
            codes = x.element(x.element(root, "CodeBook"), "Codes")
            for code in p.codes:
                x.code(codes, code, with_notes=True)
        if p.variables:
            variables = x.element(root, "Variables")
            for var in p.variables:
                element = x.element(
                    variables,
                    "Variable",
                    {"guid": var.guid, "name": var.name, "typeOfVariable": var.type.value},
                )
                x.text_element(element, "Description", var.description)
        if p.cases:
            cases = x.element(root, "Cases")
            for case in p.cases:
                self._case(cases, case)
        if p.sources:
            sources = x.element(root, "Sources")
            by_source: dict[str, list[TextSelection]] = defaultdict(list)
            for sel in p.selections:
                by_source[sel.source_guid].append(sel)
            for source in p.sources:
                self._source(sources, source, by_source.get(source.guid, []))
        if p.notes:
            notes = x.element(root, "Notes")
            for note in p.notes:
                element = x.element(
                    notes,
                    "Note",
                    {
                        "guid": note.guid,
                        "name": note.name,
                        "creatingUser": note.creating_user,
                        "creationDateTime": note.created,
                        "modifyingUser": note.modifying_user,
                        "modifiedDateTime": note.modified,
                    },
                )
                x.text_element(element, "Description", note.description)
                x.element(element, "PlainTextContent").text = x.text(note.text)
        if p.links:
            links = x.element(root, "Links")
            for link in p.links:
                element = x.element(
                    links,
                    "Link",
                    {
                        "guid": link.guid,
                        "name": link.name or None,
                        "direction": link.direction.value if link.direction else None,
                        "color": link.color,
                        "originGUID": link.origin_guid,
                        "targetGUID": link.target_guid,
                    },
                )
                x.refs(element, "NoteRef", link.note_guids)
        if p.sets:
            sets = x.element(root, "Sets")
            for item in p.sets:
                element = x.element(sets, "Set", {"guid": item.guid, "name": item.name})
                x.text_element(element, "Description", item.description)
                x.refs(element, "MemberCode", item.code_guids)
                x.refs(element, "MemberSource", item.source_guids)
                x.refs(element, "MemberNote", item.note_guids)
        x.text_element(root, "Description", p.description)
        x.refs(root, "NoteRef", p.note_guids)
        return root

    def _values(self, parent: etree._Element, values: tuple[VariableValue, ...]) -> None:
        for item in values:
            element = self.x.element(parent, "VariableValue")
            self.x.element(element, "VariableRef", {"targetGUID": item.variable_guid})
            if item.value is None:
                continue  # the value choice is optional: "present but empty"
            declared = self.variable_types.get(item.variable_guid, VariableType.TEXT)
            kind = value_kind(item.value, declared)
            self.x.element(element, VALUE_ELEMENT_OF[kind]).text = self.x.text(
                format_value(item.value)
            )

    def _case(self, parent: etree._Element, case: Case) -> None:
        element = self.x.element(parent, "Case", {"guid": case.guid, "name": case.name})
        self.x.text_element(element, "Description", case.description)
        self.x.refs(element, "CodeRef", case.code_guids)
        self._values(element, case.values)
        self.x.refs(element, "SourceRef", case.source_guids)
        self.x.refs(element, "SelectionRef", case.selection_guids)

    def _codings(self, parent: etree._Element, codings: tuple[Coding, ...]) -> None:
        for coding in codings:
            element = self.x.element(
                parent,
                "Coding",
                {
                    "guid": coding.guid,
                    "creatingUser": coding.creating_user,
                    "creationDateTime": coding.created,
                },
            )
            self.x.element(element, "CodeRef", {"targetGUID": coding.code_guid})
            self.x.refs(element, "NoteRef", coding.note_guids)

    def _add_file(self, name: str, data: bytes) -> None:
        if len(data) > MAX_INTERNAL_FILE:
            raise ExportFailedError(
                QT_TRANSLATE_NOOP(
                    "errors", "{file} is larger than the 2 GB REFI-QDA allows for one source file."
                ),
                file=name,
            )
        self.files["sources/" + name] = data

    def _source(
        self, parent: etree._Element, source: TextSource, selections: list[TextSelection]
    ) -> None:
        x = self.x
        text = source.text
        mapper: StoredText | None = None
        if "\r" in text or text.startswith("\ufeff"):
            mapper = StoredText(text)
            text = mapper.stored
        self._add_file(f"{source.guid}.txt", text.encode("utf-8"))
        original = source.original
        ext = _extension(original.filename) if original else ""
        as_pdf = source.kind is SourceKind.PDF and ext == "pdf"
        if source.kind is SourceKind.PDF and not as_pdf:
            self.adjusted["pdf-as-text"] += 1
        times = {
            "creatingUser": source.creating_user,
            "creationDateTime": source.created,
            "modifyingUser": source.modifying_user,
            "modifiedDateTime": source.modified,
        }
        if as_pdf:
            assert original is not None
            self._add_file(f"{source.guid}.pdf", original.data)
            outer = x.element(
                parent,
                "PDFSource",
                {
                    "guid": source.guid,
                    "name": source.name,
                    "path": f"internal://{source.guid}.pdf",
                    **times,
                },
            )
            x.text_element(outer, "Description", source.description)
            holder = x.element(
                outer,
                "Representation",
                {
                    "guid": stable_guid("pdf-representation", source.guid),
                    "name": source.name,
                    "plainTextPath": f"internal://{source.guid}.txt",
                },
            )
        else:
            rich = None
            if original is not None and ext != "txt":
                self._add_file(f"{source.guid}.{ext}", original.data)
                rich = f"internal://{source.guid}.{ext}"
            outer = holder = x.element(
                parent,
                "TextSource",
                {
                    "guid": source.guid,
                    "name": source.name,
                    "richTextPath": rich,
                    "plainTextPath": f"internal://{source.guid}.txt",
                    **times,
                },
            )
            x.text_element(outer, "Description", source.description)
        units = OffsetMap(text) if self.utf16 else None
        for sel in sorted(selections, key=lambda s: (s.start, s.end)):
            self._selection(holder, sel, text, mapper, units)
        self._codings(outer, source.codings)
        x.refs(outer, "NoteRef", source.note_guids)
        self._values(outer, source.values)

    def _selection(
        self,
        parent: etree._Element,
        sel: TextSelection,
        text: str,
        mapper: StoredText | None,
        units: OffsetMap | None,
    ) -> None:
        start, end = sel.start, sel.end
        if mapper is not None:
            start, end = mapper.raw_to_stored_offset(start), mapper.raw_to_stored_offset(end)
        fixed_start = min(max(0, start), len(text))
        fixed_end = min(max(fixed_start, end), len(text))
        if (fixed_start, fixed_end) != (start, end):
            self.adjusted["selection-range"] += 1
        if units is not None:
            fixed_start, fixed_end = units.to_utf16(fixed_start), units.to_utf16(fixed_end)
        element = self.x.element(
            parent,
            "PlainTextSelection",
            {
                "guid": sel.guid,
                "name": sel.name or None,
                "startPosition": fixed_start,
                "endPosition": fixed_end,
                "creatingUser": sel.creating_user,
                "creationDateTime": sel.created,
                "modifyingUser": sel.modifying_user,
                "modifiedDateTime": sel.modified,
            },
        )
        self.x.text_element(element, "Description", sel.description)
        self._codings(element, sel.codings)
        self.x.refs(element, "NoteRef", sel.note_guids)

    def report_adjustments(self) -> None:
        texts = {
            "pdf-as-text": QT_TRANSLATE_NOOP(
                "refi", "{count} PDF source(s) without their PDF file were written as text sources."
            ),
            "selection-range": QT_TRANSLATE_NOOP(
                "refi", "{count} selection(s) outside their text were cut to the text."
            ),
        }
        for kind, count in self.adjusted.items():
            self.messages.append(report(kind, texts[kind], Severity.WARNING, count=count))
        if self.x.cleaned:
            self.messages.append(
                report(
                    "xml-characters",
                    QT_TRANSLATE_NOOP(
                        "refi",
                        "{count} name(s) or text(s) held control characters XML cannot store; "
                        "they were removed.",
                    ),
                    Severity.WARNING,
                    count=self.x.cleaned,
                )
            )


def check_references(project: Project) -> list[str]:
    """Problems that would make the file unreadable elsewhere: duplicate or dangling GUIDs."""
    problems: list[str] = []
    seen: Counter[str] = Counter()
    codes = project.all_codes()
    for guid in (
        [c.guid for c in codes]
        + [s.guid for s in project.sources]
        + [s.guid for s in project.selections]
        + [n.guid for n in project.notes]
        + [c.guid for c in project.cases]
    ):
        seen[guid.lower()] += 1
    problems += [f"duplicate GUID {g}" for g, n in seen.items() if n > 1]
    code_guids = {c.guid for c in codes}
    source_guids = {s.guid for s in project.sources}
    for sel in project.selections:
        if sel.source_guid not in source_guids:
            problems.append(f"selection {sel.guid} refers to missing source {sel.source_guid}")
        problems += [
            f"coding {c.guid} refers to missing code {c.code_guid}"
            for c in sel.codings
            if c.code_guid not in code_guids
        ]
    return problems


def project_to_xml(
    project: Project, *, positions: str = "spec"
) -> tuple[bytes, dict[str, bytes], tuple[ReportMessage, ...]]:
    """(validated ``project.qde`` bytes, internal files by zip path, report messages).

    ``positions``: ``"spec"`` (code points, REFI-QDA §10.2) or ``"nvivo"`` (UTF-16 units).

    Raises ``ExportFailedError`` when the project is inconsistent or the XML would
    not validate against the REFI-QDA schema.
    """
    from lxml import etree

    problems = check_references(project)
    if problems:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP("errors", "The project cannot be exported: {problems}."),
            problems="; ".join(problems[:5]),
        )
    writer = _ProjectWriter(project, positions)
    root = writer.build()
    problems = schema_problems(root, "project")
    if problems:
        raise ExportFailedError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The exported project would not be valid REFI-QDA ({problems}); "
                "nothing was written.",
            ),
            problems="; ".join(problems[:5]),
        )
    writer.report_adjustments()
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data, writer.files, tuple(writer.messages)


def write_project(
    project: Project, path: str | Path, *, positions: str = "spec"
) -> tuple[ReportMessage, ...]:
    """Write ``project`` as a ``.qdpx`` at ``path`` (atomically); returns the report."""
    qde, files, messages = project_to_xml(project, positions=positions)
    with atomic_output(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde)
        for name, data in sorted(project.extensions.items()):
            if name.startswith(EXTENSION_FOLDER) and ".." not in name.split("/"):
                zf.writestr(name, data)
        for name, data in files.items():
            method = (
                zipfile.ZIP_STORED if name.endswith((".pdf", ".docx", ".jpg", ".png")) else None
            )
            zf.writestr(name, data, compress_type=method)
    return messages
