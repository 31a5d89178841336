"""Frozen snapshots the core hands out: never live database rows.

The UI, CLI and exporters receive these plain values; holding one never keeps
a transaction open, and changing the project means calling an operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from qualcode.ids import AttributeId, CaseId, CodeId, CoderId, CodingId, MemoId, SourceId

SOURCE_KINDS = ("interview", "focus-group", "observation", "document", "other")
CASE_KINDS = ("informant", "organisation", "site", "group", "other")
ATTRIBUTE_TYPES = ("text", "number", "date", "category")
ATTRIBUTE_OWNERS = ("case", "source")
MEMO_KINDS = ("analytic", "reflexive", "method", "theory", "decision", "note", "journal")
"""``journal``: a dated entry of the project's research journal (a memo on the project)."""
VALENCES = ("supporting", "inhibiting", "neutral")


@dataclass(frozen=True, slots=True)
class Coder:
    """A person who codes."""

    id: CoderId
    name: str
    color: str


@dataclass(frozen=True, slots=True)
class Source:
    """A source without its text (listings stay light); see ``SourceManager.text``."""

    id: SourceId
    guid: str
    name: str
    kind: str
    language: str | None
    date_collected: date | None
    length: int
    sha256: str | None
    original_name: str | None
    description: str
    meta: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Case:
    """An informant, organisation, site or group."""

    id: CaseId
    guid: str
    name: str
    kind: str
    parent_id: CaseId | None
    description: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseLink:
    """A case present in a whole source (start/end None) or in a range of it."""

    id: int
    case_id: CaseId
    source_id: SourceId
    start: int | None
    end: int | None
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Attribute:
    """A typed attribute definition."""

    id: AttributeId
    guid: str
    name: str
    owner: str
    type: str
    allowed_values: tuple[str, ...]
    description: str
    position: int


@dataclass(frozen=True, slots=True)
class Code:
    """A code in the code tree."""

    id: CodeId
    guid: str
    parent_id: CodeId | None
    name: str
    color: str
    short: str
    description: str
    inclusion: str
    exclusion: str
    example: str
    labels: dict[str, str]
    codebook: str | None
    codebook_code: str | None
    position: int
    version: int

    def label(self, language: str) -> str:
        """The code's label in ``language`` (``en``/``id``), falling back to its name."""
        return self.labels.get(language) or self.name


@dataclass(frozen=True, slots=True)
class Coding:
    """A code applied by a coder to ``text[start:end]`` of a source."""

    id: CodingId
    guid: str
    source_id: SourceId
    code_id: CodeId
    coder_id: CoderId
    start: int
    end: int
    valence: str | None = None
    magnitude: str | None = None
    period: str | None = None
    event_date: date | None = None
    weight: str | None = None
    note: str = ""
    created_at: datetime | None = None
    modified_at: datetime | None = None
    flag: str | None = None
    """``"edited"`` when the text under the coding was corrected after coding."""


@dataclass(frozen=True, slots=True)
class Memo:
    """A memo attached to the project or to one object."""

    id: MemoId
    guid: str
    kind: str
    title: str
    text: str
    coder_id: CoderId | None
    source_id: SourceId | None
    case_id: CaseId | None
    code_id: CodeId | None
    coding_id: CodingId | None
    created_at: datetime
    modified_at: datetime
    version: int

    @property
    def target(self) -> tuple[str, int | None]:
        """What the memo is about: ("project", None), ("code", 3)..."""
        for name in ("coding", "code", "case", "source"):
            value = getattr(self, f"{name}_id")
            if value is not None:
                return name, value
        return "project", None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One entry of the audit trail."""

    id: int
    at: datetime
    coder: str
    op: str
    label: str
    summary: dict[str, Any]
    step_id: int | None


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    """Counts and facts shown by ``qualcode info``."""

    title: str
    guid: str
    schema_version: int
    sources: int
    cases: int
    codes: int
    codings: int
    memos: int
    coders: int
    path: str
    read_only: bool


@dataclass(frozen=True, slots=True)
class ItemSet:
    """A code set (cluster) or source set, with its members."""

    id: int
    guid: str
    name: str
    description: str
    labels: dict[str, str]
    codebook: str | None
    codebook_set: str | None
    code_ids: tuple[CodeId, ...] = ()
    source_ids: tuple[SourceId, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeLink:
    """A relation from a code to another code or to a code of another codebook."""

    id: int
    guid: str
    from_code_id: CodeId
    to_code_id: CodeId | None
    target_ref: str | None
    relation: str
    note: str


def positional[R](cls: type[R]) -> Callable[..., R]:
    """A constructor of the frozen record ``cls`` taking every field in order.

    It fills the slots directly: a frozen dataclass's ``__init__`` sets each field
    through ``object.__setattr__``, which made reading the 500 codes of a large
    project cost three times as much. The record stays frozen. Like ``dataclass``
    itself, the function is generated once from the field names.
    """
    if "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a slots dataclass")
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    space: dict[str, Any] = {"new": object.__new__, "cls": cls}
    space.update({f"set_{n}": getattr(cls, n).__set__ for n in names})
    body = "".join(f"    set_{n}(obj, {n})\n" for n in names)
    exec(f"def make({', '.join(names)}):\n    obj = new(cls)\n{body}    return obj\n", space)
    made: Callable[..., R] = space["make"]
    return made
