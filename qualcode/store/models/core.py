"""Core tables: project info, coders, sources, cases, attributes, codes, codings, memos, history.

Positions (``start_pos``/``end_pos``) are code-point offsets into the source's
stored plain text. Foreign keys never cascade: every deletion of dependent rows
is done explicitly by an operation, so that undo can restore it exactly.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, JSONDoc, new_guid, utcnow

_AUTOINC = {"sqlite_autoincrement": True}  # never reuse a deleted id (undo re-inserts ids)


class ProjectInfo(Base):
    """Key/value facts about the project: schema version, project GUID, title."""

    __tablename__ = "project_info"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Coder(Base):
    """A person who codes; every coding and history entry names one."""

    __tablename__ = "coder"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    color: Mapped[str] = mapped_column(String(7), default="#4477aa")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Source(Base):
    """An interview transcript, focus group, observation notes or document."""

    __tablename__ = "source"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="interview")
    language: Mapped[str | None] = mapped_column(String(16))
    date_collected: Mapped[date | None] = mapped_column(Date)
    length: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    original_name: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    meta: Mapped[dict[str, Any]] = mapped_column(JSONDoc(), default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("coder.id"), index=True)


class SourceContent(Base):
    """The stored plain text of a source and its original file, kept apart from listings."""

    __tablename__ = "source_content"
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    original: Mapped[bytes | None] = mapped_column(LargeBinary)


class Case(Base):
    """An informant, organisation, site or group; cases may nest (an informant in an OPD)."""

    __tablename__ = "cases"  # plural: CASE is an SQL keyword
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="informant")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseLink(Base):
    """A case's presence in a source: the whole source or one range (a speaker's turn)."""

    __tablename__ = "case_link"
    __table_args__ = (
        CheckConstraint(
            "(start_pos IS NULL AND end_pos IS NULL) OR (start_pos >= 0 AND end_pos > start_pos)",
            name="range",
        ),
        Index("ix_case_link_source_start", "source_id", "start_pos"),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    start_pos: Mapped[int | None] = mapped_column(Integer)
    end_pos: Mapped[int | None] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(200))


class Attribute(Base):
    """A typed attribute defined once (role, OPD, sector...) and valued per case or source."""

    __tablename__ = "attribute"
    __table_args__ = (
        Index("uq_attribute_owner_name", "owner", "name", unique=True),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(16))  # "case" | "source"
    type: Mapped[str] = mapped_column(String(16))  # text | number | date | category
    allowed_values: Mapped[list[str]] = mapped_column(JSONDoc(), default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttributeValue(Base):
    """One attribute's value for one case or one source, stored in canonical text form."""

    __tablename__ = "attribute_value"
    __table_args__ = (
        CheckConstraint("(case_id IS NULL) <> (source_id IS NULL)", name="one_owner"),
        Index(
            "uq_attribute_value_case",
            "attribute_id",
            "case_id",
            unique=True,
            sqlite_where=text("case_id IS NOT NULL"),
            postgresql_where=text("case_id IS NOT NULL"),
        ),
        Index(
            "uq_attribute_value_source",
            "attribute_id",
            "source_id",
            unique=True,
            sqlite_where=text("source_id IS NOT NULL"),
            postgresql_where=text("source_id IS NOT NULL"),
        ),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)
    value: Mapped[str] = mapped_column(Text)


class Code(Base):
    """A code in the project's code tree, possibly loaded from a shipped codebook."""

    __tablename__ = "code"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    color: Mapped[str] = mapped_column(String(7), default="#999999")
    short: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    inclusion: Mapped[str] = mapped_column(Text, default="")
    exclusion: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc(), default=dict)
    codebook: Mapped[str | None] = mapped_column(String(100))
    codebook_code: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


# Sibling names are unique; a NULL parent (top level) counts as one parent.
Index("uq_code_parent_name", func.coalesce(Code.parent_id, 0), Code.name, unique=True)


class Coding(Base):
    """A code applied by a coder to a range of a source's plain text."""

    __tablename__ = "coding"
    __table_args__ = (
        CheckConstraint("start_pos >= 0 AND end_pos > start_pos", name="range"),
        Index("ix_coding_source_start", "source_id", "start_pos"),
        # one coder's codings with their ranges: the passage rule (analysis/scope.py)
        Index("ix_coding_coder_range", "coder_id", "source_id", "code_id", "start_pos", "end_pos"),
        Index(
            "uq_coding_same_range",
            "source_id",
            "code_id",
            "coder_id",
            "start_pos",
            "end_pos",
            unique=True,
        ),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id"), index=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id"), index=True)
    start_pos: Mapped[int] = mapped_column(Integer)
    end_pos: Mapped[int] = mapped_column(Integer)
    valence: Mapped[str | None] = mapped_column(String(32))
    magnitude: Mapped[str | None] = mapped_column(String(32))
    period: Mapped[str | None] = mapped_column(String(64))
    event_date: Mapped[date | None] = mapped_column(Date)
    weight: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Memo(Base):
    """A memo on the project, a source, a case, a code or a coding."""

    __tablename__ = "memo"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    kind: Mapped[str] = mapped_column(String(32), default="analytic")
    title: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("code.id"), index=True)
    coding_id: Mapped[int | None] = mapped_column(ForeignKey("coding.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class UndoStep(Base):
    """One undoable operation: the row images it changed, compressed."""

    __tablename__ = "undo_step"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    op: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    coder: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    undone: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    changes: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(Base):
    """The audit trail: who did what, when, with a before/after summary. Never pruned."""

    __tablename__ = "audit_log"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    coder: Mapped[str] = mapped_column(String(200))
    op: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    summary: Mapped[dict[str, Any]] = mapped_column(JSONDoc(), default=dict)
    step_id: Mapped[int | None] = mapped_column(Integer)


class ItemSet(Base):
    """A named set of codes and/or sources: a code set (cluster) or a source set.

    REFI-QDA's ``Set`` holds both kinds; researchers use code sets to cluster
    codes for conceptually clustered matrices and source sets to group documents.
    """

    __tablename__ = "item_set"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    labels: Mapped[dict[str, str]] = mapped_column(JSONDoc(), default=dict)
    codebook: Mapped[str | None] = mapped_column(String(100))
    codebook_set: Mapped[str | None] = mapped_column(String(100))


class ItemSetMember(Base):
    """One code or one source in a set."""

    __tablename__ = "item_set_member"
    __table_args__ = (
        CheckConstraint("(code_id IS NULL) <> (source_id IS NULL)", name="one_member"),
        Index("uq_item_set_member_code", "set_id", "code_id", unique=True,
              sqlite_where=text("code_id IS NOT NULL"),
              postgresql_where=text("code_id IS NOT NULL")),
        Index("uq_item_set_member_source", "set_id", "source_id", unique=True,
              sqlite_where=text("source_id IS NOT NULL"),
              postgresql_where=text("source_id IS NOT NULL")),
        _AUTOINC,
    )  # fmt: skip
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("item_set.id"), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("code.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)


class CodeLink(Base):
    """A relation from a code to another code or to a code of another codebook.

    Used for codebook "maps to" links (budget -> Edwards III resources) and for
    researcher-drawn relations; ``target_ref`` names a target outside the project
    as ``codebook_id:CODE_ID``.
    """

    __tablename__ = "code_link"
    __table_args__ = (
        CheckConstraint("(to_code_id IS NOT NULL) OR (target_ref IS NOT NULL)", name="target"),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guid: Mapped[str] = mapped_column(String(40), unique=True, default=new_guid)
    from_code_id: Mapped[int] = mapped_column(ForeignKey("code.id"), index=True)
    to_code_id: Mapped[int | None] = mapped_column(ForeignKey("code.id"), index=True)
    target_ref: Mapped[str | None] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(64), default="maps_to")
    note: Mapped[str] = mapped_column(Text, default="")
