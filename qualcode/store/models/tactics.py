"""MHS analysis tactics kept with a saved display: the researcher's typing of effects.

Keyed like cell summaries (saved display, row key, column key); an empty
column key types a whole row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, utcnow


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
