"""Intermediate model of a REFI-QDA project, independent of XML and of our database.

The reader fills it, the writer consumes it, and the database mapper converts it to
and from project objects. Objects are treated as immutable (built once, changed only
with ``dataclasses.replace``). The ones a project holds by the hundred thousand
(``Coding``, ``TextSelection``, ``Note``) are not declared ``frozen``: a frozen
dataclass's ``__init__`` sets each field through ``object.__setattr__``, six times the
cost of a plain one, which made up a tenth of a large import. Every object keeps its
REFI GUID (braces stripped, case as found in the file; references always use the same
spelling as their target).

Text positions are **Python ``str`` code-point offsets into ``TextSource.text``**,
the text as QualCode stores it: ``\\r\\n`` and lone ``\\r`` turned into ``\\n``, no
byte-order mark. Whatever unit the producer used is converted on import (see
``positions.py``); ``end`` is exclusive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

CONTEXT_REFI = "refi"
#: Folder of the archive that holds QualCode's extension members.
EXTENSION_FOLDER = "qualcode/"


class VariableType(StrEnum):
    """REFI ``typeOfVariable`` values."""

    TEXT = "Text"
    BOOLEAN = "Boolean"
    INTEGER = "Integer"
    FLOAT = "Float"
    DATE = "Date"
    DATETIME = "DateTime"


class SourceKind(StrEnum):
    """What a text source was in the producing tool."""

    TEXT = "text"  # TextSource (plain text, maybe with a .docx/.rtf original)
    PDF = "pdf"  # PDFSource with a plain-text Representation


class LinkDirection(StrEnum):
    """REFI link and edge directions."""

    ASSOCIATIVE = "Associative"
    ONE_WAY = "OneWay"
    BIDIRECTIONAL = "Bidirectional"


class Severity(StrEnum):
    """How much a report message matters to the user."""

    INFO = "info"  # a choice we made (unit model, merged selections)
    WARNING = "warning"  # something was not imported/exported or was changed


VariableValueType = str | bool | int | float | dt.date | dt.datetime | None


@dataclass(frozen=True, slots=True)
class ReportMessage:
    """One line of the import/export report the spec (§7) asks tools to show.

    ``template`` is an English text marked for translation (context ``refi``) with
    ``{named}`` parameters; ``kind`` is a stable key the UI and tests can filter on.
    """

    kind: str
    template: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)
    severity: Severity = Severity.WARNING

    @property
    def message(self) -> str:
        """The message in English with its parameters filled in."""
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


def report(
    kind: str, template: str, severity: Severity = Severity.WARNING, /, **params: Any
) -> ReportMessage:
    """Build a report message (``template`` must already be wrapped in QT_TRANSLATE_NOOP)."""
    return ReportMessage(kind=kind, template=template, params=params, severity=severity)


@dataclass(frozen=True, slots=True)
class User:
    """A person (or the tool itself) who created or changed objects."""

    guid: str
    name: str = ""
    user_id: str = ""  # the optional short ``id`` attribute (initials in NVivo)


@dataclass(frozen=True, slots=True)
class Code:
    """A code with its children; ``is_codable=False`` marks a pure category."""

    guid: str
    name: str
    is_codable: bool = True
    color: str | None = None  # "#rrggbb" (or "#rgb") as in the file
    description: str = ""
    note_guids: tuple[str, ...] = ()
    children: tuple[Code, ...] = ()

    def walk(self) -> list[Code]:
        """This code and all its descendants, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(frozen=True, slots=True)
class Variable:
    """A case or source attribute definition."""

    guid: str
    name: str
    type: VariableType = VariableType.TEXT
    description: str = ""


@dataclass(frozen=True, slots=True)
class VariableValue:
    """The value of one variable on a case or a source (``None``: present but empty)."""

    variable_guid: str
    value: VariableValueType


@dataclass(frozen=True, slots=True)
class Case:
    """An informant, organisation or site, with its attribute values and sources."""

    guid: str
    name: str = ""
    description: str = ""
    values: tuple[VariableValue, ...] = ()
    source_guids: tuple[str, ...] = ()
    code_guids: tuple[str, ...] = ()  # CodeRef: codes that stand for this case
    selection_guids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OriginalFile:
    """The file a text was taken from (.docx, .rtf, .pdf...), kept for fidelity."""

    filename: str  # a plain file name; the extension tells the format
    data: bytes = field(repr=False)


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see the module's docstring
class Coding:
    """One code applied to a selection (or to a whole source)."""

    guid: str
    code_guid: str
    creating_user: str | None = None
    created: dt.datetime | None = None
    note_guids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TextSource:
    """A transcript or document as plain text, with its attributes."""

    guid: str
    name: str
    text: str
    kind: SourceKind = SourceKind.TEXT
    original: OriginalFile | None = None
    description: str = ""
    values: tuple[VariableValue, ...] = ()
    note_guids: tuple[str, ...] = ()
    codings: tuple[Coding, ...] = ()  # codes applied to the source as a whole
    creating_user: str | None = None
    created: dt.datetime | None = None
    modifying_user: str | None = None
    modified: dt.datetime | None = None


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see the module's docstring
class TextSelection:
    """A coded (or annotated) range of a text source, in code points of ``TextSource.text``."""

    guid: str
    source_guid: str
    start: int
    end: int
    name: str = ""
    description: str = ""
    codings: tuple[Coding, ...] = ()
    note_guids: tuple[str, ...] = ()
    creating_user: str | None = None
    created: dt.datetime | None = None
    modifying_user: str | None = None
    modified: dt.datetime | None = None
    merged_guids: tuple[str, ...] = ()  # GUIDs of repeated selections folded into this one


#: One coding of :class:`SelectionColumns`: (index of its selection, GUID, code GUID,
#: creating user, creation time, note GUIDs), each as :class:`Coding` holds it.
CodingRow = tuple[int, str, str, str | None, dt.datetime | None, tuple[str, ...]]


@dataclass(slots=True)
class SelectionColumns:
    """One source's selections column by column, without an object per selection or
    coding (a large project has 200k of each): how the fast reading gives a source's
    selections, how the import takes them, and what merging leaves alone.

    :meth:`selections` and :meth:`of` convert to and from :class:`TextSelection`
    without loss, ``merged_guids`` aside (the reader's remap of merged GUIDs keeps them).
    """

    source_guid: str
    guids: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    users: list[str | None] = field(default_factory=list)  # creating user of each
    created: list[dt.datetime | None] = field(default_factory=list)
    codings: list[CodingRow] = field(default_factory=list)  # in order of selection
    notes: list[tuple[int, str]] = field(default_factory=list)  # (selection, note GUID)
    # the few selections with these (index -> value)
    names: dict[int, str] = field(default_factory=dict)
    descriptions: dict[int, str] = field(default_factory=dict)
    modified: dict[int, tuple[str | None, dt.datetime | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.guids)

    @classmethod
    def of(cls, source_guid: str, selections: Sequence[TextSelection]) -> SelectionColumns:
        """The columns of ``selections`` (of one source)."""
        out = cls(source_guid)
        for at, sel in enumerate(selections):
            out.guids.append(sel.guid)
            out.starts.append(sel.start)
            out.ends.append(sel.end)
            out.users.append(sel.creating_user)
            out.created.append(sel.created)
            out.codings += [
                (at, c.guid, c.code_guid, c.creating_user, c.created, c.note_guids)
                for c in sel.codings
            ]
            out.notes += [(at, note) for note in sel.note_guids]
            if sel.name:
                out.names[at] = sel.name
            if sel.description:
                out.descriptions[at] = sel.description
            if sel.modifying_user is not None or sel.modified is not None:
                out.modified[at] = (sel.modifying_user, sel.modified)
        return out

    def selections(self) -> list[TextSelection]:
        """The model objects of these columns."""
        codings: dict[int, list[Coding]] = {}
        for at, guid, code, user, created, notes in self.codings:
            codings.setdefault(at, []).append(Coding(guid, code, user, created, notes))
        note_guids: dict[int, list[str]] = {}
        for at, note in self.notes:
            note_guids.setdefault(at, []).append(note)
        names, descriptions, modified = self.names, self.descriptions, self.modified
        return [
            TextSelection(
                guid, self.source_guid, start, end, names.get(at, ""),
                descriptions.get(at, ""), tuple(codings.get(at, ())),
                tuple(note_guids.get(at, ())), user, created, *modified.get(at, (None, None)),
            )
            for at, (guid, start, end, user, created) in enumerate(
                zip(self.guids, self.starts, self.ends, self.users, self.created, strict=True)
            )
        ]  # fmt: skip


@dataclass(slots=True, unsafe_hash=True)  # not frozen: see the module's docstring
class Note:
    """A memo: free text, attached to objects through their ``note_guids``."""

    guid: str
    name: str = ""
    text: str = ""
    description: str = ""
    creating_user: str | None = None
    created: dt.datetime | None = None
    modifying_user: str | None = None
    modified: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A named relation between two objects (codes, selections, notes, sources...)."""

    guid: str
    name: str = ""
    origin_guid: str | None = None
    target_guid: str | None = None
    direction: LinkDirection | None = None
    color: str | None = None
    note_guids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Set:
    """A code set (code group) and/or source set (document group)."""

    guid: str
    name: str
    description: str = ""
    code_guids: tuple[str, ...] = ()
    source_guids: tuple[str, ...] = ()
    note_guids: tuple[str, ...] = ()

    @property
    def is_code_set(self) -> bool:
        """True when the set groups codes."""
        return bool(self.code_guids)

    @property
    def is_source_set(self) -> bool:
        """True when the set groups sources."""
        return bool(self.source_guids)


@dataclass(frozen=True, slots=True)
class Project:
    """Everything read from, or to be written to, one REFI-QDA project."""

    name: str
    origin: str = ""
    description: str = ""
    creating_user: str | None = None
    created: dt.datetime | None = None
    modifying_user: str | None = None
    modified: dt.datetime | None = None
    users: tuple[User, ...] = ()
    codes: tuple[Code, ...] = ()  # roots of the code tree
    variables: tuple[Variable, ...] = ()
    cases: tuple[Case, ...] = ()
    sources: tuple[TextSource, ...] = ()
    selections: tuple[TextSelection, ...] = ()
    notes: tuple[Note, ...] = ()
    links: tuple[Link, ...] = ()
    sets: tuple[Set, ...] = ()
    note_guids: tuple[str, ...] = ()  # notes about the project as a whole
    messages: tuple[ReportMessage, ...] = ()
    #: QualCode's own archive members (``qualcode/...`` → bytes): what REFI-QDA has no
    #: element for, carried beside ``project.qde``; other tools ignore them.
    extensions: dict[str, bytes] = field(default_factory=dict, hash=False, repr=False)

    def all_codes(self) -> list[Code]:
        """Every code of the tree, depth first."""
        out: list[Code] = []
        for code in self.codes:
            out.extend(code.walk())
        return out

    def selections_of(self, source_guid: str) -> list[TextSelection]:
        """Selections of one source, in document order."""
        found = [s for s in self.selections if s.source_guid == source_guid]
        return sorted(found, key=lambda s: (s.start, s.end))


@dataclass(frozen=True, slots=True)
class Codebook:
    """A ``.qdc`` codebook: a code tree and code sets."""

    codes: tuple[Code, ...] = ()
    sets: tuple[Set, ...] = ()
    origin: str = ""
    messages: tuple[ReportMessage, ...] = ()

    def all_codes(self) -> list[Code]:
        """Every code of the tree, depth first."""
        out: list[Code] = []
        for code in self.codes:
            out.extend(code.walk())
        return out


__all__ = [
    "CONTEXT_REFI",
    "EXTENSION_FOLDER",
    "Case",
    "Code",
    "Codebook",
    "Coding",
    "Link",
    "LinkDirection",
    "Note",
    "OriginalFile",
    "Project",
    "ReportMessage",
    "Set",
    "Severity",
    "SourceKind",
    "TextSelection",
    "TextSource",
    "User",
    "Variable",
    "VariableType",
    "VariableValue",
    "VariableValueType",
    "report",
]
