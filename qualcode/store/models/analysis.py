"""Analysis tables: saved displays, cell summaries, conclusions and review comments.

References to core rows (codings, memos, codes) are plain integer columns, not
foreign keys: core operations delete codings and memos without knowing about
these tables, so a foreign key would make those deletions fail. Readers skip
references whose target no longer exists (and report them as missing).
Foreign keys are used only between the tables of this module.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, JSONDoc, utcnow

_AUTOINC = {"sqlite_autoincrement": True}


class SavedDisplay(Base):
    """A named display specification (JSON) a researcher can re-run."""

    __tablename__ = "saved_display"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    spec: Mapped[dict[str, Any]] = mapped_column(JSONDoc())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CellSummary(Base):
    """A researcher-written (or drafted) summary of one cell of a saved display."""

    __tablename__ = "cell_summary"
    __table_args__ = (
        Index("uq_cell_summary_cell", "display_id", "row_key", "col_key", unique=True),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("saved_display.id"), index=True)
    row_key: Mapped[str] = mapped_column(String(200))
    col_key: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    coding_ids: Mapped[list[int]] = mapped_column(JSONDoc(), default=list)
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    author: Mapped[str] = mapped_column(String(200), default="")
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Conclusion(Base):
    """A claim drawn from the displays: tentative, verified or rejected."""

    __tablename__ = "conclusion"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="tentative")
    author: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ConclusionEvidence(Base):
    """A coding that supports or contradicts a conclusion, with the researcher's note on it."""

    __tablename__ = "conclusion_evidence"
    __table_args__ = (
        Index("uq_conclusion_evidence", "conclusion_id", "coding_id", unique=True),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conclusion_id: Mapped[int] = mapped_column(ForeignKey("conclusion.id"), index=True)
    coding_id: Mapped[int] = mapped_column(Integer, index=True)
    stance: Mapped[str] = mapped_column(String(16))  # supporting | contradicting
    note: Mapped[str] = mapped_column(Text, default="")


class ConclusionDisplay(Base):
    """A saved display (optionally one cell of it) a conclusion was drawn from."""

    __tablename__ = "conclusion_display"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conclusion_id: Mapped[int] = mapped_column(ForeignKey("conclusion.id"), index=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("saved_display.id"), index=True)
    row_key: Mapped[str | None] = mapped_column(String(200))
    col_key: Mapped[str | None] = mapped_column(String(200))


class ConclusionMemo(Base):
    """A memo written about a conclusion (the memo table has no conclusion column)."""

    __tablename__ = "conclusion_memo"
    __table_args__ = (
        Index("uq_conclusion_memo", "conclusion_id", "memo_id", unique=True),
        _AUTOINC,
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conclusion_id: Mapped[int] = mapped_column(ForeignKey("conclusion.id"), index=True)
    memo_id: Mapped[int] = mapped_column(Integer, index=True)


class ReviewComment(Base):
    """A supervisor's comment (or a reply) on a display cell, conclusion, code or coding."""

    __tablename__ = "review_comment"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("review_comment.id"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(16))  # cell | conclusion | code | coding
    target_id: Mapped[int] = mapped_column(Integer)
    row_key: Mapped[str | None] = mapped_column(String(200))
    col_key: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    # Stable identity across copies of the project (merging a reviewed copy back).
    uid: Mapped[str | None] = mapped_column(String(36), index=True)
    # What the target looked like when commented (code, source, quoted text, display
    # spec...): the thread keeps its context after the target is deleted.
    context: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc())
