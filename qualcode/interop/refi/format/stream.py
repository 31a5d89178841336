"""Write ``project.qde`` incrementally: one source, one note at a time, straight to a file.

The writer never holds the document: lxml's ``etree.xmlfile`` serialises each
element as it is opened and closed, and the sources, their selections and the notes
come from :class:`ProjectParts` as iterables (the exporter reads them from the
database in batches). The peak memory is one source with its selections, whatever
the project's size.

Validation: the small sections (users, codes, variables, cases, links, sets) and
the first sources and notes (up to :data:`VALIDATED_BYTES` of XML) are written to a
side buffer and validated against the REFI-QDA schema before they are written for
real; beyond that budget the code path is the one already validated, and the only
values the schema constrains there (GUIDs) are checked as they are written.
Duplicate GUIDs and codings of unknown codes are refused as well. Any problem
raises ``ExportFailedError``; the caller writes to a temporary file, so nothing
reaches the destination.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import partial
from itertools import islice
from typing import IO, TYPE_CHECKING, Any, Protocol

from qualcode.errors import ExportFailedError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.interop.refi.format.guids import stable_guid
from qualcode.interop.refi.format.model import (
    Case,
    Code,
    Coding,
    Note,
    Project,
    SourceKind,
    TextSelection,
    TextSource,
    VariableType,
    VariableValue,
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

#: XML of each bulk section (sources, notes) validated against the schema before the
#: rest of the section is trusted to the same code path.
VALIDATED_BYTES = 2 << 20
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}"
)
_Q = {
    name: f"{{{PROJECT_NS}}}{name}"
    for name in (
        "Project", "Users", "User", "CodeBook", "Codes", "Code", "Variables", "Variable",
        "Cases", "Case", "Sources", "TextSource", "PDFSource", "Representation",
        "PlainTextSelection", "Coding", "CodeRef", "NoteRef", "SourceRef", "SelectionRef",
        "VariableValue", "VariableRef", "Notes", "Note", "PlainTextContent", "Links", "Link",
        "Sets", "Set", "MemberCode", "MemberSource", "MemberNote", "Description",
        *VALUE_ELEMENT_OF.values(),
    )
}  # fmt: skip


class ProjectParts(Protocol):
    """A project to write: the small sections at once, sources and notes as streams.

    ``head`` carries everything but ``sources``, ``selections`` and ``notes`` (those
    fields are ignored). ``sources()`` is called twice (the document, then the
    source files without selections) and must give the same sources in the same order.
    """

    head: Project

    def sources(
        self, *, selections: bool = True
    ) -> Iterable[tuple[TextSource, Sequence[TextSelection]]]:
        """Each source with its selections (any order; written by position).

        ``selections=False``: the selections are not needed (may come empty).
        """
        ...

    def notes(self) -> Iterable[Note]:
        """Every note, in the order they are written."""
        ...


class ModelParts:
    """:class:`ProjectParts` of a project held in memory (read from a file, or tests)."""

    def __init__(self, project: Project) -> None:
        self.head = project
        self._by_source: dict[str, list[TextSelection]] = {}
        for sel in project.selections:
            self._by_source.setdefault(sel.source_guid, []).append(sel)

    def sources(
        self, *, selections: bool = True
    ) -> Iterator[tuple[TextSource, Sequence[TextSelection]]]:
        for source in self.head.sources:
            yield source, self._by_source.get(source.guid, [])

    def notes(self) -> Iterable[Note]:
        return self.head.notes

    def orphans(self) -> list[str]:
        """Selections whose source is not in the project."""
        known = {s.guid for s in self.head.sources}
        return [
            f"selection {sel.guid} refers to missing source {guid}"
            for guid, sels in self._by_source.items()
            if guid not in known
            for sel in sels
        ]


def clean_xml_text(value: str) -> tuple[str, bool]:
    """``value`` without characters XML 1.0 cannot carry (second item: something removed)."""
    cleaned = _XML_BAD.sub("", value)
    return cleaned, cleaned != value


def stored_text(source: TextSource) -> tuple[str, StoredText | None]:
    """The text as written to ``sources/<guid>.txt`` (LF, no BOM) and the offset mapper."""
    text = source.text
    if "\r" in text or text.startswith("\ufeff"):
        mapper = StoredText(text)
        return mapper.stored, mapper
    return text, None


def written_as_pdf(source: TextSource) -> bool:
    """A PDF source written as ``PDFSource`` (it has its PDF file)."""
    original = source.original
    return (
        source.kind is SourceKind.PDF
        and original is not None
        and original.filename.lower().endswith(".pdf")
    )


def unexportable(problems: Sequence[str]) -> ExportFailedError:
    """The error for a project whose references would make the file unreadable elsewhere."""
    return ExportFailedError(
        QT_TRANSLATE_NOOP("errors", "The project cannot be exported: {problems}."),
        problems="; ".join(problems[:5]),
    )


def _refused(problems: Sequence[str]) -> ExportFailedError:
    return ExportFailedError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The exported project would not be valid REFI-QDA ({problems}); nothing was written.",
        ),
        problems="; ".join(problems[:5]),
    )


class ProjectStreamWriter:
    """Writes one ``project.qde``; ``rich_path(source)`` names a source's rich-text file."""

    def __init__(
        self,
        parts: ProjectParts,
        origin: str,
        *,
        utf16: bool,
        rich_path: Callable[[TextSource], str | None],
    ) -> None:
        self.parts = parts
        self.head = parts.head
        self.origin = origin
        self.utf16 = utf16
        self.rich_path = rich_path
        self.cleaned = 0
        self.adjusted: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()
        self.variable_types = {v.guid: v.type for v in self.head.variables}
        self._codes = {c.guid for c in self.head.all_codes()}
        self._users = {u.guid for u in self.head.users if _GUID.fullmatch(u.guid)}
        self._seen: set[str] = set()
        self._budget = VALIDATED_BYTES
        self._dry = False  # writing to the validation buffer: no claims, no counts
        self._xf: Any = None

    # -- the document ------------------------------------------------------------------
    def write(self, out: IO[bytes]) -> None:
        """Write the whole document to ``out`` (raises ``ExportFailedError`` on a problem)."""
        from lxml import etree

        p = self.head
        self._root = self._attrs(
            {
                "name": p.name,
                "origin": self.origin,
                "creatingUserGUID": p.creating_user,
                "creationDateTime": p.created,
                "modifyingUserGUID": p.modifying_user,
                "modifiedDateTime": p.modified,
            }
        )
        self._claim([c.guid for c in p.all_codes()] + [c.guid for c in p.cases])
        self._checked(self._head_sections, always=True)
        self._checked(self._tail_sections, always=True)
        with etree.xmlfile(out, encoding="UTF-8") as xf:
            xf.write_declaration(standalone=True)
            with xf.element(_Q["Project"], self._root, nsmap={None: PROJECT_NS}):
                self._xf = xf
                self._head_sections()
                self._section("Sources", self._source, self.parts.sources())
                self._section("Notes", self._note, self.parts.notes())
                self._tail_sections()

    def _checked(self, write: Callable[[], None], *, always: bool = False) -> bool:
        """Write through ``write`` into a side buffer and validate it; False when over budget."""
        from lxml import etree

        if not always and self._budget <= 0:
            return False
        buffer = io.BytesIO()
        saved = (self._xf, self.cleaned, self.counts.copy(), self.adjusted.copy())
        self._dry = True
        try:
            with (
                etree.xmlfile(buffer, encoding="UTF-8") as xf,
                xf.element(_Q["Project"], self._root, nsmap={None: PROJECT_NS}),
            ):
                self._xf = xf
                write()
        finally:
            self._xf, self.cleaned, self.counts, self.adjusted = saved
            self._dry = False
        data = buffer.getvalue()
        if not always:
            self._budget -= len(data)
        problems = schema_problems(data, "project")
        if problems:
            raise _refused(problems)
        return True

    def _section(self, name: str, write: Callable[[Any], None], items: Iterable[Any]) -> None:
        """``<name>`` around each item written by ``write``; absent when there are none."""
        self._budget = VALIDATED_BYTES
        stream = iter(items)
        with ExitStack() as section:
            opened = False
            while batch := list(islice(stream, 1 if name == "Sources" else 500)):
                if self._budget > 0:
                    self._checked(partial(self._wrapped, name, write, batch))
                if not opened:
                    section.enter_context(self._xf.element(_Q[name]))
                    opened = True
                for item in batch:
                    write(item)

    def _wrapped(self, name: str, write: Callable[[Any], None], batch: list[Any]) -> None:
        with self._xf.element(_Q[name]):
            for item in batch:
                write(item)

    # -- checks and helpers ------------------------------------------------------------
    def _claim(self, guids: Iterable[str]) -> None:
        """Record GUIDs of objects; a GUID used twice makes the file unreadable elsewhere."""
        if self._dry:
            return
        seen = self._seen
        for guid in guids:
            key = guid.lower()
            if key in seen:
                raise unexportable([f"duplicate GUID {guid}"])
            seen.add(key)

    def _guid(self, value: str) -> str:
        if value in self._users:  # the few creating users, checked once
            return value
        if _GUID.fullmatch(value) is None:
            raise _refused([f"'{value}' is not a valid GUID"])
        return value

    def _text(self, value: str) -> str:
        cleaned = _XML_BAD.sub("", value)
        if len(cleaned) != len(value):
            self.cleaned += 1
        return cleaned

    def _attrs(self, attrs: dict[str, Any]) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, value in attrs.items():
            if value is None:
                continue
            if isinstance(value, bool):
                out[key] = "true" if value else "false"
            elif isinstance(value, str):
                out[key] = self._text(value)
            elif isinstance(value, int):
                out[key] = str(value)
            else:
                out[key] = format_datetime(value)
        return out

    def _leaf(self, tag: str, attrs: dict[str, Any] | None = None) -> None:
        with self._xf.element(_Q[tag], self._attrs(attrs or {})):
            pass

    def _text_element(self, tag: str, value: str) -> None:
        if value:
            with self._xf.element(_Q[tag]):
                self._xf.write(self._text(value))

    def _refs(self, tag: str, guids: Iterable[str]) -> None:
        xf, qname = self._xf, _Q[tag]
        for guid in guids:
            with xf.element(qname, {"targetGUID": self._guid(guid)}):
                pass

    @contextmanager
    def _element(self, tag: str, attrs: dict[str, Any]) -> Iterator[None]:
        with self._xf.element(_Q[tag], self._attrs(attrs)):
            yield

    # -- small sections ----------------------------------------------------------------
    def _head_sections(self) -> None:
        p = self.head
        if p.users:
            with self._element("Users", {}):
                for user in p.users:
                    self._leaf(
                        "User", {"guid": user.guid, "name": user.name, "id": user.user_id or None}
                    )
        if p.codes:
            with self._element("CodeBook", {}), self._element("Codes", {}):
                for code in p.codes:
                    self._code(code)
        if p.variables:
            with self._element("Variables", {}):
                for var in p.variables:
                    attrs = {"guid": var.guid, "name": var.name, "typeOfVariable": var.type.value}
                    with self._element("Variable", attrs):
                        self._text_element("Description", var.description)
        if p.cases:
            with self._element("Cases", {}):
                for case in p.cases:
                    self._case(case)

    def _tail_sections(self) -> None:
        p = self.head
        if p.links:
            with self._element("Links", {}):
                for link in p.links:
                    attrs = {
                        "guid": link.guid,
                        "name": link.name or None,
                        "direction": link.direction.value if link.direction else None,
                        "color": link.color,
                        "originGUID": link.origin_guid,
                        "targetGUID": link.target_guid,
                    }
                    with self._element("Link", attrs):
                        self._refs("NoteRef", link.note_guids)
        if p.sets:
            with self._element("Sets", {}):
                for item in p.sets:
                    with self._element("Set", {"guid": item.guid, "name": item.name}):
                        self._text_element("Description", item.description)
                        self._refs("MemberCode", item.code_guids)
                        self._refs("MemberSource", item.source_guids)
                        self._refs("MemberNote", item.note_guids)
        self._text_element("Description", p.description)
        self._refs("NoteRef", p.note_guids)

    def _code(self, code: Code) -> None:
        attrs = {
            "guid": code.guid,
            "name": code.name,
            "isCodable": code.is_codable,
            "color": code.color,
        }
        with self._element("Code", attrs):
            self._text_element("Description", code.description)
            self._refs("NoteRef", code.note_guids)
            for sub in code.children:
                self._code(sub)

    def _values(self, values: tuple[VariableValue, ...]) -> None:
        for item in values:
            with self._element("VariableValue", {}):
                self._refs("VariableRef", (item.variable_guid,))
                if item.value is None:
                    continue  # the value choice is optional: "present but empty"
                declared = self.variable_types.get(item.variable_guid, VariableType.TEXT)
                kind = value_kind(item.value, declared)
                with self._xf.element(_Q[VALUE_ELEMENT_OF[kind]]):
                    self._xf.write(self._text(format_value(item.value)))

    def _case(self, case: Case) -> None:
        with self._element("Case", {"guid": case.guid, "name": case.name}):
            self._text_element("Description", case.description)
            self._refs("CodeRef", case.code_guids)
            self._values(case.values)
            self._refs("SourceRef", case.source_guids)
            self._refs("SelectionRef", case.selection_guids)

    # -- sources, selections, notes -------------------------------------------------------
    def _source(self, item: tuple[TextSource, Sequence[TextSelection]]) -> None:
        source, selections = item
        self._claim((source.guid,))
        self.counts["sources"] += 1
        text, mapper = stored_text(source)
        times: dict[str, str] = {}
        self._stamp(
            times, source.creating_user, source.created, source.modifying_user, source.modified
        )
        self._guid(source.guid)
        units = OffsetMap(text) if self.utf16 else None
        ordered = sorted(selections, key=lambda s: (s.start, s.end))
        if written_as_pdf(source):
            outer = {
                "guid": source.guid,
                "name": source.name,
                "path": f"internal://{source.guid}.pdf",
                **times,
            }
            representation = {
                "guid": stable_guid("pdf-representation", source.guid),
                "name": source.name,
                "plainTextPath": f"internal://{source.guid}.txt",
            }
            with self._element("PDFSource", outer):
                self._text_element("Description", source.description)
                with self._element("Representation", representation):
                    for sel in ordered:
                        self._selection(sel, text, mapper, units)
                self._source_tail(source)
            return
        if source.kind is SourceKind.PDF:
            self.adjusted["pdf-as-text"] += 1
        attrs = {
            "guid": source.guid,
            "name": source.name,
            "richTextPath": self.rich_path(source),
            "plainTextPath": f"internal://{source.guid}.txt",
            **times,
        }
        with self._element("TextSource", attrs):
            self._text_element("Description", source.description)
            for sel in ordered:
                self._selection(sel, text, mapper, units)
            self._source_tail(source)

    def _source_tail(self, source: TextSource) -> None:
        self._codings(source.codings)
        self._refs("NoteRef", source.note_guids)
        self._values(source.values)

    def _selection(
        self,
        sel: TextSelection,
        text: str,
        mapper: StoredText | None,
        units: OffsetMap | None,
    ) -> None:
        self._claim((sel.guid,))
        self.counts["selections"] += 1
        start, end = sel.start, sel.end
        if mapper is not None:
            start, end = mapper.raw_to_stored_offset(start), mapper.raw_to_stored_offset(end)
        fixed_start = min(max(0, start), len(text))
        fixed_end = min(max(fixed_start, end), len(text))
        if (fixed_start, fixed_end) != (start, end):
            self.adjusted["selection-range"] += 1
        if units is not None:
            fixed_start, fixed_end = units.to_utf16(fixed_start), units.to_utf16(fixed_end)
        attrs: dict[str, str] = {"guid": self._guid(sel.guid)}
        if sel.name:
            attrs["name"] = self._text(sel.name)
        attrs["startPosition"] = str(fixed_start)
        attrs["endPosition"] = str(fixed_end)
        self._stamp(attrs, sel.creating_user, sel.created, sel.modifying_user, sel.modified)
        with self._xf.element(_Q["PlainTextSelection"], attrs):
            if sel.description:
                self._text_element("Description", sel.description)
            self._codings(sel.codings)
            if sel.note_guids:
                self._refs("NoteRef", sel.note_guids)

    def _stamp(
        self, attrs: dict[str, str], creator: str | None, created: Any, modifier: Any, modified: Any
    ) -> None:
        """The creating/modifying user and time attributes (hot path: no generic conversion)."""
        if creator is not None:
            attrs["creatingUser"] = self._guid(creator)
        if created is not None:
            attrs["creationDateTime"] = format_datetime(created)
        if modifier is not None:
            attrs["modifyingUser"] = self._guid(modifier)
        if modified is not None:
            attrs["modifiedDateTime"] = format_datetime(modified)

    def _codings(self, codings: tuple[Coding, ...]) -> None:
        xf, q_coding, q_ref = self._xf, _Q["Coding"], _Q["CodeRef"]
        for coding in codings:
            self.counts["codings"] += 1
            if coding.code_guid not in self._codes:
                raise unexportable(
                    [f"coding {coding.guid} refers to missing code {coding.code_guid}"]
                )
            attrs = {"guid": self._guid(coding.guid)}
            self._stamp(attrs, coding.creating_user, coding.created, None, None)
            with xf.element(q_coding, attrs):
                with xf.element(q_ref, {"targetGUID": coding.code_guid}):
                    pass
                if coding.note_guids:
                    self._refs("NoteRef", coding.note_guids)

    def _note(self, note: Note) -> None:
        self._claim((note.guid,))
        self.counts["notes"] += 1
        attrs = {"guid": self._guid(note.guid), "name": self._text(note.name)}
        self._stamp(attrs, note.creating_user, note.created, note.modifying_user, note.modified)
        with self._xf.element(_Q["Note"], attrs):
            self._text_element("Description", note.description)
            with self._xf.element(_Q["PlainTextContent"]):
                self._xf.write(self._text(note.text))


def element_of(data: bytes) -> etree._Element:
    """Parse a written document (tests and tools that want the tree back)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)
