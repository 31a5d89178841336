"""MHS analysis tactics: the decision rules recorded for a display, the researcher's typing of
effects (kept with a saved display, keyed
like cell summaries; an empty column key types a whole row) and member checks of conclusions
and informants (a plain ``target_id``, no foreign key: deleting a case must not fail because it
was member-checked; readers skip checks of deleted targets).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, utcnow

_AUTOINC = {"sqlite_autoincrement": True}


class EffectType(Base):
    """Whether an effects matrix's row (or one cell) holds direct, meta or side effects."""

    __tablename__ = "effect_type"
    __table_args__ = (
        Index("uq_effect_type_cell", "display_id", "row_key", "col_key", unique=True),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("saved_display.id"), index=True)
    row_key: Mapped[str] = mapped_column(String(200))
    col_key: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(200), default="")
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MemberCheck(Base):
    """Where member checking of a conclusion or an informant (case) stands."""

    __tablename__ = "member_check"
    __table_args__ = (
        Index("uq_member_check_target", "target", "target_id", unique=True),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(16))  # conclusion | case
    target_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # not_asked | sent | confirmed | disputed
    note: Mapped[str] = mapped_column(Text, default="")
    checked_on: Mapped[date | None] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200), default="")
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DecisionRule(Base):
    """A dated decision rule the researcher followed in building or reading a saved display."""

    __tablename__ = "decision_rule"
    __table_args__ = _AUTOINC
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("saved_display.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(200), default="")
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
