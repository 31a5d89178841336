"""Researcher decisions on display cells that are not summaries: rating overrides.

A checklist cell is rated by a documented rule (:mod:`qualcode.analysis.ratings`);
the researcher may overrule it for one cell of a saved display, with a reason.
Keyed like cell summaries (saved display, row key, column key), so an override
survives re-running the display on new data.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qualcode.store.models.base import Base, utcnow


class CellRating(Base):
    """The researcher's own rating of one cell of a saved display, and why."""

    __tablename__ = "cell_rating"
    __table_args__ = (
        Index("uq_cell_rating_cell", "display_id", "row_key", "col_key", unique=True),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_id: Mapped[int] = mapped_column(ForeignKey("saved_display.id"), index=True)
    row_key: Mapped[str] = mapped_column(String(200))
    col_key: Mapped[str] = mapped_column(String(200))
    rating: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200), default="")
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
